"""Domain errors with stable codes. Each maps to one HTTP status and one CLI exit code.

    TriageError                      code             HTTP  CLI  meaning
    ├── InputError                   input.invalid     422    2   unusable input
    │   ├── DocumentError            document.invalid  422    2   the PDF cannot be read
    │   │   ├── EncryptedDocument    document.encrypted
    │   │   ├── DocumentTimeout      document.timeout   (parse time limit)
    │   │   └── DocumentTooComplex   document.too_complex (parse memory limit)
    │   ├── LimitExceeded            limit.exceeded    413    2   a size or page cap
    │   ├── NotFound                 not_found         404    2
    │   ├── Conflict                 conflict          409    2
    │   ├── Unauthenticated          auth.missing      401    2
    │   └── Forbidden                auth.forbidden    403    2
    ├── ServiceBusy                  service.busy      503    1   no capacity within the time limit
    ├── ServiceUnavailable           service.unavailable 503  1   a part of the service is down
    └── ConfigError                  config.invalid    500    1   the deployment is wrong

Stages return results with warnings where they can go on; they raise only when the
input as a whole cannot be processed.
"""

from __future__ import annotations

from typing import ClassVar

__all__ = [
    "ConfigError",
    "Conflict",
    "DocumentError",
    "DocumentTimeout",
    "DocumentTooComplex",
    "EncryptedDocument",
    "Forbidden",
    "InputError",
    "LimitExceeded",
    "NotFound",
    "ServiceBusy",
    "ServiceUnavailable",
    "TriageError",
    "Unauthenticated",
    "problem_type",
]

PROBLEM_TYPE_BASE = "https://triage.dev/problems/"


def problem_type(code: str) -> str:
    """Return the RFC 9457 ``type`` URI of the error code ``code``."""
    return PROBLEM_TYPE_BASE + code.replace(".", "/")


class TriageError(Exception):
    """Base of every error the product raises on purpose."""

    code: ClassVar[str] = "triage.error"
    title: ClassVar[str] = "Triage error"
    status: ClassVar[int] = 500
    exit_code: ClassVar[int] = 1

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail

    @property
    def problem_type(self) -> str:
        """Return the RFC 9457 ``type`` URI of this error."""
        return problem_type(self.code)


class InputError(TriageError):
    code = "input.invalid"
    title = "Invalid input"
    status = 422
    exit_code = 2


class DocumentError(InputError):
    code = "document.invalid"
    title = "Unreadable document"


class EncryptedDocument(DocumentError):
    code = "document.encrypted"
    title = "Encrypted document"


class DocumentTimeout(DocumentError):
    code = "document.timeout"
    title = "Document parse time limit exceeded"


class DocumentTooComplex(DocumentError):
    code = "document.too_complex"
    title = "Document parse memory limit exceeded"


class LimitExceeded(InputError):
    code = "limit.exceeded"
    title = "Limit exceeded"
    status = 413

    def __init__(self, limit: str, detail: str) -> None:
        super().__init__(detail)
        self.limit = limit


class NotFound(InputError):
    code = "not_found"
    title = "Not found"
    status = 404


class Conflict(InputError):
    code = "conflict"
    title = "Conflict"
    status = 409


class Unauthenticated(InputError):
    code = "auth.missing"
    title = "Authentication required"
    status = 401


class Forbidden(InputError):
    code = "auth.forbidden"
    title = "Forbidden"
    status = 403


class ServiceBusy(TriageError):
    code = "service.busy"
    title = "Service busy"
    status = 503
    exit_code = 1


class ServiceUnavailable(TriageError):
    code = "service.unavailable"
    title = "Service unavailable"
    status = 503
    exit_code = 1


class ConfigError(TriageError):
    code = "config.invalid"
    title = "Configuration error"
    status = 500
    exit_code = 1
