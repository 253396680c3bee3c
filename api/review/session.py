"""The analyst's login session on the review pages, and the CSRF defences of its forms.

A session lives on the server (``triage.service.sessions``): the HttpOnly cookie carries
only its random id, signed with itsdangerous so a forged or altered cookie is rejected
before the database is asked. Logout ends the session for every copy of the cookie; so do
the expiry and the revocation of the analyst's key. Every login starts a new session id
and ends the one the browser had.

Forms after login carry the session's CSRF token (a hidden field or ``X-CSRF-Token``).
The login form itself is defended against login CSRF (a cross-site page signing the
victim in as the attacker): showing the form sets a short-lived, SameSite=Strict nonce
cookie and puts a signed copy of the nonce in the form; a login is accepted only when
both come back and match, and never from a request whose ``Origin`` is another site.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, HTTPException, Request
from itsdangerous import BadSignature, URLSafeTimedSerializer

from api.deps import RuntimeDep
from api.review.settings import ReviewSettings
from triage.auth import Caller, Permission
from triage.errors import Forbidden, Unauthenticated
from triage.service.sessions import resume_review_session

__all__ = [
    "COOKIE_NAME",
    "LOGIN_COOKIE",
    "LOGIN_FORM_MAX_AGE_S",
    "AnalystSession",
    "DeskSession",
    "check_csrf",
    "check_login_form",
    "cookie_session_id",
    "login_form_token",
    "review_settings",
    "session_cookie",
]

COOKIE_NAME = "triage_review"
LOGIN_COOKIE = "triage_login"
LOGIN = "/review/login"
LOGIN_FORM_MAX_AGE_S = 3600


def _login_required() -> HTTPException:
    """Return the 303 that sends a browser without a valid session to the login form."""
    return HTTPException(status_code=303, detail="log in first", headers={"Location": LOGIN})


@dataclass(frozen=True)
class AnalystSession:
    """A logged-in analyst, the session's id and its CSRF token."""

    caller: Caller
    csrf_token: str
    session_id: str = ""


def review_settings(request: Request) -> ReviewSettings:
    """Return the review settings, read once per app (and the signing key with them)."""
    state = request.app.state
    if getattr(state, "review_settings", None) is None:
        settings = ReviewSettings()
        state.review_signing_key = settings.signing_key(state.runtime.settings.data_dir)
        state.review_settings = settings
    loaded: ReviewSettings = state.review_settings
    return loaded


def _serializer(request: Request, purpose: str) -> URLSafeTimedSerializer:
    review_settings(request)
    key: bytes = request.app.state.review_signing_key
    return URLSafeTimedSerializer(key, salt=f"triage.review.{purpose}")


def session_cookie(request: Request, session_id: str) -> str:
    """Return the signed cookie value carrying ``session_id``."""
    return _serializer(request, "session").dumps(session_id)


def cookie_session_id(request: Request) -> str | None:
    """Return the session id of the request's cookie if its signature is good, else None."""
    raw = request.cookies.get(COOKIE_NAME)
    if not raw:
        return None
    max_age = int(review_settings(request).session_hours * 3600)
    try:
        session_id = _serializer(request, "session").loads(raw, max_age=max_age)
    except BadSignature:
        return None
    return session_id if isinstance(session_id, str) else None


def current_session(request: Request, runtime: RuntimeDep) -> AnalystSession:
    """Return the logged-in analyst; without a live session, redirect to the login form."""
    session_id = cookie_session_id(request)
    if session_id is None:
        raise _login_required()
    try:
        live = resume_review_session(runtime.store, session_id)
    except Unauthenticated:
        raise _login_required() from None
    if not live.caller.can(Permission.REVIEW):
        raise Forbidden(f"role '{live.caller.role.value}' may not use the review pages")
    return AnalystSession(caller=live.caller, csrf_token=live.csrf_token, session_id=session_id)


DeskSession = Annotated[AnalystSession, Depends(current_session)]


def check_csrf(session: AnalystSession, submitted: str | None) -> None:
    """Raise Forbidden unless ``submitted`` is this session's CSRF token."""
    if not submitted or not hmac.compare_digest(submitted, session.csrf_token):
        raise Forbidden("the form's CSRF token is missing or stale; reload the page")


def login_form_token(request: Request) -> tuple[str, str]:
    """Return (nonce cookie value, form token) for a fresh login form."""
    nonce = secrets.token_urlsafe(16)
    return (
        _serializer(request, "login-cookie").dumps(nonce),
        _serializer(request, "login-form").dumps(nonce),
    )


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None  # "null": a sandboxed or cross-site redirect chain
    return urlsplit(origin).netloc == request.headers.get("host", request.url.netloc)


def check_login_form(request: Request, form_token: str | None) -> None:
    """Raise Forbidden unless the login came from our own form (login CSRF defence)."""
    cookie = request.cookies.get(LOGIN_COOKIE)
    if not _same_origin(request) or not cookie or not form_token:
        raise Forbidden("the login form expired or was sent from another site; log in again")
    try:
        expected = _serializer(request, "login-cookie").loads(cookie, max_age=LOGIN_FORM_MAX_AGE_S)
        sent = _serializer(request, "login-form").loads(form_token, max_age=LOGIN_FORM_MAX_AGE_S)
    except BadSignature:
        raise Forbidden("the login form expired or was tampered with; log in again") from None
    if not (isinstance(expected, str) and isinstance(sent, str)) or not hmac.compare_digest(
        expected, sent
    ):
        raise Forbidden("the login form does not belong to this browser; log in again")
