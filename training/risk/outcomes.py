"""Training rows from recorded outcomes (``POST /v1/orders/{id}/outcome``).

Each stored order with an outcome is turned back into features the way the service
computed them when the order arrived: its stored PDF goes through the extractor (or the
sha256 cache) and the rule pack, with the quote and customer record it was submitted
with. The stored check result is not reused, because an analyst's corrections may have
rewritten its extraction since, and the model must learn from what it will see at serving.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from training.risk.cache import ExtractionCache
from training.risk.cases import OrderStages
from training.risk.dataset import RiskDataset, RiskRow
from triage.contract import Customer, Quote
from triage.scoring.features import order_features
from triage.store import Store
from triage.store.tables import OrderRow, OutcomeRow

__all__ = ["dataset_from_outcomes"]


def dataset_from_outcomes(
    store: Store,
    stages: OrderStages,
    *,
    cache: ExtractionCache | None,
    on_order: Callable[[str], None] | None = None,
) -> RiskDataset:
    """Return one row per stored order that has a recorded outcome, oldest order first."""
    query = (
        select(OrderRow, OutcomeRow)
        .join(OutcomeRow, OutcomeRow.order_id == OrderRow.order_id)
        .order_by(OrderRow.created_at, OrderRow.order_id)
    )
    with store.transaction() as session:
        labelled = [(order, outcome) for order, outcome in session.execute(query).all()]
    rows = []
    for order, outcome in labelled:
        quote = Quote.model_validate_json(order.quote_json)
        customer = Customer.model_validate_json(order.customer_json)
        extraction = cache.get(order.document_sha256) if cache is not None else None
        if extraction is None:
            pdf = store.blobs.get(order.document_sha256)
            document = stages.reader.read(pdf, filename=order.filename)
            extraction = stages.extractor.extract(document, country=customer.country)
            if cache is not None:
                cache.put(order.document_sha256, extraction)
        exceptions = stages.rules.evaluate(extraction, quote, customer)
        rows.append(
            RiskRow(
                case=order.order_id,
                customer=order.account_id,
                order_date=order.created_at.date(),
                features=order_features(extraction, exceptions, quote, customer),
                disputed=outcome.disputed,
                days_late=outcome.days_late,
            )
        )
        if on_order is not None:
            on_order(order.order_id)
    return RiskDataset.from_rows(rows, source=f"outcomes:{store.engine.url.database or 'db'}")
