"""Use cases of the service; each function owns its transactions.

The HTTP API, the CLI and the analysts' review page call these and nothing below them.
"""

from triage.service.delivery import DeliveryLimits, deliver_due_webhooks
from triage.service.destinations import DestinationPolicy, DestinationRefused
from triage.service.idempotency import (
    IdempotencyInProgress,
    IdempotencyKeyReused,
    IdempotencyPolicy,
    purge_expired_keys,
)
from triage.service.keys import authenticate, create_api_key, ensure_system_caller
from triage.service.orders import SubmitOutcome, get_order, submit_order
from triage.service.outcomes import record_outcome
from triage.service.review import OrderNotInReview, list_review_queue, record_decision
from triage.service.risk_models import list_risk_models, promote_risk_model
from triage.service.summary import metrics_summary, open_queue_size
from triage.service.webhook_transport import WebhookSender
from triage.service.webhooks import list_deliveries, list_webhooks, register_webhook, sign

__all__ = [
    "DeliveryLimits",
    "DestinationPolicy",
    "DestinationRefused",
    "IdempotencyInProgress",
    "IdempotencyKeyReused",
    "IdempotencyPolicy",
    "OrderNotInReview",
    "SubmitOutcome",
    "WebhookSender",
    "authenticate",
    "create_api_key",
    "deliver_due_webhooks",
    "ensure_system_caller",
    "get_order",
    "list_deliveries",
    "list_review_queue",
    "list_risk_models",
    "list_webhooks",
    "metrics_summary",
    "open_queue_size",
    "promote_risk_model",
    "purge_expired_keys",
    "record_decision",
    "record_outcome",
    "register_webhook",
    "sign",
    "submit_order",
]
