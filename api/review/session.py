"""The analyst's login session: a signed, HttpOnly cookie, and CSRF tokens for form posts.

The cookie holds the API key's id, an expiry and a random nonce, signed with HMAC-SHA256;
the key itself is never stored. Every request re-checks that the key is still active and
may review, so revoking a key ends its sessions. The CSRF token is an HMAC of the
session's nonce, sent in a hidden field (or the ``X-CSRF-Token`` header).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from api.deps import RuntimeDep
from api.review.settings import ReviewSettings
from triage.auth import Caller, Permission
from triage.errors import Forbidden
from triage.service.keys import caller_of
from triage.store import keys as key_rows

__all__ = [
    "COOKIE_NAME",
    "AnalystSession",
    "DeskSession",
    "check_csrf",
    "new_session_cookie",
    "review_settings",
]

COOKIE_NAME = "triage_review"
LOGIN = "/review/login"


def _login_required() -> HTTPException:
    """Return the 303 that sends a browser without a valid session to the login form."""
    return HTTPException(status_code=303, detail="log in first", headers={"Location": LOGIN})


@dataclass(frozen=True)
class AnalystSession:
    """A logged-in analyst and the CSRF token of this session."""

    caller: Caller
    csrf_token: str


def review_settings(request: Request) -> ReviewSettings:
    """Return the review settings, read once per app (and the signing key with them)."""
    state = request.app.state
    if getattr(state, "review_settings", None) is None:
        settings = ReviewSettings()
        state.review_signing_key = settings.signing_key(state.runtime.settings.data_dir)
        state.review_settings = settings
    loaded: ReviewSettings = state.review_settings
    return loaded


def _settings(request: Request) -> ReviewSettings:
    return review_settings(request)


def _key(request: Request) -> bytes:
    review_settings(request)
    key: bytes = request.app.state.review_signing_key
    return key


def _sign(key: bytes, payload: bytes) -> str:
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


def new_session_cookie(request: Request, caller: Caller) -> str:
    """Return the signed cookie value of a new session for ``caller``."""
    expires = int(time.time() + _settings(request).session_hours * 3600)
    body = json.dumps({"k": caller.key_id, "e": expires, "n": secrets.token_hex(16)})
    payload = base64.urlsafe_b64encode(body.encode()).decode()
    return f"{payload}.{_sign(_key(request), payload.encode())}"


def _read_cookie(request: Request) -> dict[str, object] | None:
    raw = request.cookies.get(COOKIE_NAME)
    if not raw or "." not in raw:
        return None
    payload, _, signature = raw.rpartition(".")
    if not hmac.compare_digest(signature, _sign(_key(request), payload.encode())):
        return None
    try:
        data: dict[str, object] = json.loads(base64.urlsafe_b64decode(payload.encode()))
    except ValueError:
        return None
    expires = data.get("e")
    if not isinstance(expires, int) or expires < time.time():
        return None
    return data


def current_session(request: Request, runtime: RuntimeDep) -> AnalystSession:
    """Return the logged-in analyst; without a valid session, redirect to the login form."""
    data = _read_cookie(request)
    if data is None:
        raise _login_required()
    with runtime.store.transaction() as session:
        row = key_rows.get_key(session, str(data["k"]))
        if row is None or row.revoked_at is not None:
            raise _login_required()
        caller = caller_of(row)
    if not caller.can(Permission.REVIEW):
        raise Forbidden(f"role '{caller.role.value}' may not use the review pages")
    token = _sign(_key(request), f"csrf:{data['n']}".encode())
    return AnalystSession(caller=caller, csrf_token=token)


DeskSession = Annotated[AnalystSession, Depends(current_session)]


def check_csrf(session: AnalystSession, submitted: str | None) -> None:
    """Raise Forbidden unless ``submitted`` is this session's CSRF token."""
    if not submitted or not hmac.compare_digest(submitted, session.csrf_token):
        raise Forbidden("the form's CSRF token is missing or stale; reload the page")
