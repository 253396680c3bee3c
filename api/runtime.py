"""What one server process holds for its lifetime: settings, store, components, jobs."""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from api.settings import ApiSettings
from triage.config import Settings
from triage.errors import ConfigError
from triage.logs import get_logger
from triage.pipeline import Components
from triage.service import (
    DeliveryLimits,
    DestinationPolicy,
    IdempotencyPolicy,
    WebhookSender,
    deliver_due_webhooks,
    purge_expired_keys,
)
from triage.service.sessions import purge_dead_sessions
from triage.store import Store
from triage.workers import Admission
from triage.workers.lifeline import ORPHAN_EXIT_CODE, die_with_parent

__all__ = [
    "SUPERVISOR_PID",
    "BackgroundJobs",
    "Runtime",
    "load_components_factory",
    "watch_supervisor",
]

log = get_logger(__name__)
PURGE_EVERY_S = 600.0
SUPERVISOR_PID = "TRIAGE_SUPERVISOR_PID"  # set by `triage serve` for its server processes


def watch_supervisor() -> bool:
    """In a server process of ``triage serve --workers N``, end the process when its
    supervisor dies (so an orphan never keeps the port); return whether it watches."""
    supervisor = os.environ.get(SUPERVISOR_PID)
    if supervisor is None:
        return False  # one worker, tests, a plain uvicorn
    if supervisor != str(os.getppid()):
        if not _alive(int(supervisor)):
            os._exit(ORPHAN_EXIT_CODE)  # the supervisor died while this server was starting
        return False  # not a child of the supervisor
    die_with_parent(int(supervisor))
    return True


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def load_components_factory(spec: str) -> Callable[[Settings], Any]:
    """Return the function named by ``MODULE:FUNCTION``; raise ConfigError if missing."""
    module_name, _, attribute = spec.partition(":")
    try:
        factory: Callable[[Settings], Any] = getattr(
            importlib.import_module(module_name), attribute
        )
    except (ImportError, AttributeError) as error:
        raise ConfigError(f"components factory {spec!r} cannot be loaded: {error}") from error
    return factory


@dataclass
class Runtime:
    """The per-process state every request handler reaches through ``api.deps``."""

    settings: Settings
    api_settings: ApiSettings
    store: Store
    parts: Components
    policy: IdempotencyPolicy
    destinations: DestinationPolicy
    admission: Admission | None = None


@dataclass
class BackgroundJobs:
    """A daemon thread that sends due webhooks and purges expired idempotency keys and
    dead review sessions."""

    store: Store
    poll_s: float
    destinations: DestinationPolicy
    limits: DeliveryLimits = field(default_factory=DeliveryLimits)
    stop_event: threading.Event = field(default_factory=threading.Event)
    thread: threading.Thread | None = None

    def _run(self) -> None:
        next_purge = 0.0
        # One sender for the loop's life, so connections to a receiver are reused.
        sender = WebhookSender(
            self.destinations,
            deadline_s=self.limits.deadline_s,
            max_connections=self.limits.in_flight,
        )
        while not self.stop_event.wait(self.poll_s):
            try:
                deliver_due_webhooks(self.store, send=sender, limits=self.limits)
                next_purge -= self.poll_s
                if next_purge <= 0:
                    purge_expired_keys(self.store)
                    purge_dead_sessions(self.store)
                    next_purge = PURGE_EVERY_S
            except Exception:  # a failing job must not kill the loop; it is logged and retried
                log.exception("background job failed")
        sender.close()

    def start(self) -> None:
        """Start the loop in a daemon thread."""
        self.thread = threading.Thread(target=self._run, name="triage-jobs", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        """Ask the loop to stop and wait for it (a batch ends within one delivery deadline)."""
        self.stop_event.set()
        if self.thread is not None:
            self.thread.join(timeout=self.limits.deadline_s + 5)
