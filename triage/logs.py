"""Structured logging: ``log.info("event", key=value)`` style records as JSON or console lines."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

__all__ = ["configure_logging", "get_logger"]

_RESERVED = set(vars(logging.LogRecord("", 0, "", 0, "", None, None)))


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, event and any extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        payload.update({k: v for k, v in vars(record).items() if k not in _RESERVED})
        if record.exc_info:
            payload["exc"] = self.formatException(record.exc_info)
        return json.dumps(payload, default=str)


class ConsoleFormatter(logging.Formatter):
    """Readable single lines: ``level logger event key=value ...``."""

    def format(self, record: logging.LogRecord) -> str:
        extras = " ".join(f"{k}={v}" for k, v in vars(record).items() if k not in _RESERVED)
        line = f"{record.levelname.lower():7} {record.name}: {record.getMessage()}"
        line = f"{line} {extras}" if extras else line
        if record.exc_info:  # the traceback of an unhandled error, as the JSON log keeps it
            line = f"{line}\n{self.formatException(record.exc_info)}"
        if record.stack_info:
            line = f"{line}\n{self.formatStack(record.stack_info)}"
        return line


def configure_logging(level: str = "INFO", fmt: str = "console") -> None:
    """Send records to stderr in the chosen format; safe to call more than once."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else ConsoleFormatter())
    root = logging.getLogger("triage")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


class _KeywordAdapter(logging.LoggerAdapter[logging.Logger]):
    """Lets callers pass fields as keywords: ``log.info("parsed", pages=3)``."""

    def process(self, msg: Any, kwargs: Any) -> tuple[Any, Any]:
        known = {k: kwargs.pop(k) for k in ("exc_info", "stack_info", "stacklevel") if k in kwargs}
        extra = dict(self.extra or {})
        extra.update(kwargs)
        return msg, {"extra": extra, **known}


def get_logger(name: str) -> _KeywordAdapter:
    """Return a logger under the ``triage`` hierarchy that takes fields as keywords."""
    return _KeywordAdapter(
        logging.getLogger(name if name.startswith("triage") else f"triage.{name}"), {}
    )
