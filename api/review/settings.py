"""Settings of the analysts' review pages (``TRIAGE_REVIEW_*``)."""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from datetime import timedelta
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from triage.service.page_images import SCALES

__all__ = ["REASON_CODES", "ReviewSettings"]

REASON_CODES: dict[str, list[tuple[str, str]]] = {
    "approve": [
        ("FALSE_POSITIVE", "The check is wrong: the order is fine"),
        ("ACCEPTED_DEVIATION", "Deviation accepted by the business"),
        ("DEAL_DESK_APPROVED", "Approved by deal desk / finance"),
    ],
    "correct": [
        ("EXTRACTION_ERROR", "A value was read wrongly from the PDF"),
        ("MISSED_VALUE", "A value in the PDF was not found"),
        ("SCAN_QUALITY", "The scan was unreadable"),
    ],
    "reject": [
        ("COMMERCIAL_MISMATCH", "Terms differ from the quote: send back to sales"),
        ("ENTITY_OR_SIGNATURE", "Wrong entity or signature"),
        ("CREDIT_RISK", "Credit hold or risk too high"),
        ("OTHER", "Other (explain in the comment)"),
    ],
}


class ReviewSettings(BaseSettings):
    """Review SLA, lock and session lifetimes, and the session signing secret."""

    model_config = SettingsConfigDict(env_prefix="TRIAGE_REVIEW_", env_file=".env", extra="ignore")

    sla_hours: float = Field(24.0, gt=0, description="Review SLA; items past it show overdue.")
    lock_minutes: float = Field(30.0, gt=0, description="How long opening an item locks it.")
    session_hours: float = Field(12.0, gt=0, description="How long a login lasts.")
    page_scale: float = Field(1.5, description="PDF page image scale: 1, 1.5, 2 or 3.")
    page_cache_mb: float = Field(
        512.0, gt=0, description="Disk the cached page images may take; oldest go first."
    )
    page_images_pending: int = Field(
        32, ge=1, description="Page images queued to be drawn at once; more are refused (503)."
    )
    secure_cookie: bool = Field(False, description="Send the session cookie over HTTPS only.")
    session_secret: SecretStr | None = Field(
        None, description="Signs session cookies; default: a random key kept in DATA_DIR."
    )

    @field_validator("page_scale")
    @classmethod
    def _drawn_scale(cls, value: float) -> float:
        if value not in SCALES:
            raise ValueError(f"page_scale must be one of {', '.join(f'{s:g}' for s in SCALES)}")
        return value

    @property
    def sla(self) -> timedelta:
        """Return the review SLA."""
        return timedelta(hours=self.sla_hours)

    @property
    def lock_for(self) -> timedelta:
        """Return how long an opened item stays locked."""
        return timedelta(minutes=self.lock_minutes)

    def signing_key(self, data_dir: Path) -> bytes:
        """Return the session signing key, creating DATA_DIR/review-session.key if needed.

        Kept in the data folder so every worker process (and a restart) shares it. The key
        is written whole to a private temporary file first and then hard-linked into place:
        the link either appears with the complete key or fails because another process's
        key is already there (which is then used), so no process ever reads half a key.
        """
        if self.session_secret is not None:
            return self.session_secret.get_secret_value().encode()
        path = data_dir / "review-session.key"
        if not path.exists():
            data_dir.mkdir(parents=True, exist_ok=True)
            fd, partial = tempfile.mkstemp(dir=data_dir, prefix=".review-session-")
            try:
                with os.fdopen(fd, "w") as handle:  # mkstemp: mode 0600
                    handle.write(secrets.token_hex(32))
                    handle.flush()
                    os.fsync(handle.fileno())
                with contextlib.suppress(FileExistsError):  # another process won the race
                    os.link(partial, path)
            finally:
                os.unlink(partial)
        return path.read_bytes().strip()
