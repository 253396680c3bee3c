"""The review pages: login, the queue, the dashboard, page images and static files."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from pydantic import TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool

from api.deps import RuntimeDep
from api.review.page_images import page_images
from api.review.pages import STATIC_DIR, render
from api.review.session import (
    COOKIE_NAME,
    LOGIN_COOKIE,
    LOGIN_FORM_MAX_AGE_S,
    DeskSession,
    check_csrf,
    check_login_form,
    cookie_session_id,
    login_form_token,
    review_settings,
    session_cookie,
)
from triage.auth import Permission
from triage.contract import ExceptionCode
from triage.contract.types import ContractDate
from triage.errors import Forbidden, InputError, NotFound, TriageError
from triage.service import authenticate
from triage.service.dashboard import dashboard_report
from triage.service.page_images import check_document_access
from triage.service.sessions import end_review_session, start_review_session
from triage.service.worklist import list_worklist
from triage.store.queue import QueueSort
from triage.store.worklist import WorklistFilter

router = APIRouter(prefix="/review", include_in_schema=False)

STATIC_FILES = {"review.css": "text/css", "review.js": "text/javascript"}
PERIODS = {"7d": 7, "30d": 30, "90d": 90, "365d": 365}


def _login_page(request: Request, status_code: int = 200, error: str | None = None) -> Response:
    """Render the login form with a fresh login-CSRF nonce (cookie) and its signed copy."""
    cookie, token = login_form_token(request)
    response = render(request, "login.html", None, status_code, error=error, login_token=token)
    response.set_cookie(
        LOGIN_COOKIE,
        cookie,
        max_age=LOGIN_FORM_MAX_AGE_S,
        httponly=True,
        samesite="strict",
        secure=review_settings(request).secure_cookie,
        path="/review/login",
    )
    return response


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    """Show the login form (an analyst pastes their API key)."""
    return _login_page(request)


@router.post("/login", response_model=None)
def login(
    request: Request,
    runtime: RuntimeDep,
    api_key: Annotated[str, Form(max_length=200)],
    login_token: Annotated[str | None, Form(max_length=400)] = None,
) -> Response:
    """Check the form came from our own login page and the key; on success start a new
    server-side session (ending the one this browser had), set its cookie, go to the queue."""
    try:
        check_login_form(request, login_token)
    except Forbidden as refused:
        return _login_page(request, 403, refused.detail)
    try:
        caller = authenticate(runtime.store, f"Bearer {api_key.strip()}")
    except TriageError as error:
        return _login_page(request, 401, error.detail)
    if not caller.can(Permission.REVIEW):
        message = f"a key with role '{caller.role.value}' may not review orders"
        return _login_page(request, 403, message)
    settings = review_settings(request)
    started = start_review_session(
        runtime.store,
        caller,
        lifetime=timedelta(hours=settings.session_hours),
        replacing=cookie_session_id(request),
    )
    response = RedirectResponse("/review", status_code=303)
    response.set_cookie(
        COOKIE_NAME,
        session_cookie(request, started.session_id),
        max_age=int(settings.session_hours * 3600),
        httponly=True,
        samesite="strict",
        secure=settings.secure_cookie,
        path="/review",
    )
    response.delete_cookie(LOGIN_COOKIE, path="/review/login")
    return response


@router.post("/logout")
def logout(
    session: DeskSession, runtime: RuntimeDep, csrf_token: Annotated[str, Form()]
) -> RedirectResponse:
    """End the session on the server (every copy of its cookie stops working) and drop it."""
    check_csrf(session, csrf_token)
    end_review_session(runtime.store, session.session_id)
    response = RedirectResponse("/review/login", status_code=303)
    response.delete_cookie(COOKIE_NAME, path="/review")
    return response


@router.get("", response_class=HTMLResponse)
def queue_page(
    request: Request,
    session: DeskSession,
    runtime: RuntimeDep,
    queue: Annotated[str | None, Query(max_length=64)] = None,
    code: ExceptionCode | None = None,
    min_risk: Annotated[float | None, Query(ge=0, le=1)] = None,
    customer: Annotated[str | None, Query(max_length=64)] = None,
    sort: QueueSort = QueueSort.RISK,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    """Show open items, filtered, sorted and paged."""
    filters = WorklistFilter(
        queue=queue or None,
        code=code.value if code else None,
        min_risk=min_risk,
        account_id=customer or None,
    )
    worklist = list_worklist(
        runtime.store,
        session.caller,
        filters,
        sort=sort,
        page=page,
        sla=review_settings(request).sla,
    )
    return render(
        request,
        "queue.html",
        session,
        worklist=worklist,
        filters=filters,
        sort=sort.value,
        codes=[c.value for c in ExceptionCode],
        sla_hours=review_settings(request).sla_hours,
        page_link=lambda n: "?" + urlencode({**request.query_params, "page": n}),
    )


def _period(preset: str, since: date | None, until: date | None) -> tuple[datetime, datetime]:
    end = datetime.now(UTC) + timedelta(seconds=1)
    if since is not None:
        start = datetime(since.year, since.month, since.day, tzinfo=UTC)
        if until is not None:
            end = datetime(until.year, until.month, until.day, tzinfo=UTC) + timedelta(days=1)
        return start, end
    return end - timedelta(days=PERIODS.get(preset, 30)), end


def _day(text: str, name: str) -> date | None:
    """Return the form's date, None when empty; raise InputError naming the field when it is
    not a date or lies outside the dates the service keeps (1900-01-01 .. 2199-12-31)."""
    if not text:
        return None
    try:
        return TypeAdapter(ContractDate).validate_python(text)
    except ValidationError as error:
        raise InputError(f"{name}: {error.errors()[0]['msg']}") from None


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(
    request: Request,
    session: DeskSession,
    runtime: RuntimeDep,
    period: Annotated[str, Query(pattern="^(7d|30d|90d|365d|custom)$")] = "30d",
    since: Annotated[str, Query(max_length=10)] = "",
    until: Annotated[str, Query(max_length=10)] = "",
) -> HTMLResponse:
    """Show the dashboard for a preset period or a custom date range (From/To dates)."""
    first, last = _day(since, "since"), _day(until, "until")
    start, end = _period(period, first if period == "custom" else None, last)
    report = dashboard_report(
        runtime.store, session.caller, start, end, sla=review_settings(request).sla
    )
    return render(
        request,
        "dashboard.html",
        session,
        report=report,
        period=period,
        since=first,
        until=last,
        sla_hours=review_settings(request).sla_hours,
    )


@router.get("/documents/{sha256}/pages/{page}.png")
async def document_page(
    request: Request,
    session: DeskSession,
    runtime: RuntimeDep,
    sha256: Annotated[str, Path(pattern="^[0-9a-f]{64}$")],
    page: Annotated[int, Path(ge=1, le=10_000)],
    scale: Annotated[float, Query(description="One of 1, 1.5, 2 and 3.")] = 1.5,
) -> Response:
    """Return one page of a stored PDF as a PNG, drawn once in the render sandbox and
    cached; a page that cannot be drawn is a placeholder saying why. The handler awaits
    the drawing without holding a thread, so image requests never delay other requests."""
    await run_in_threadpool(check_document_access, runtime.store, session.caller, sha256)
    image = await asyncio.wrap_future(page_images(request).request(sha256, page, scale))
    if image.placeholder is not None:
        headers = {"Cache-Control": "no-store", "X-Page-Image": "placeholder"}
    else:
        headers = {"Cache-Control": "private, max-age=86400", "X-Page-Image": "page"}
    return Response(image.png, media_type="image/png", headers=headers)


@router.get("/static/{name}")
def static_file(name: str) -> FileResponse:
    """Return the review pages' CSS or JavaScript (no build step, no CDN)."""
    if name not in STATIC_FILES:
        raise NotFound(f"no static file {name!r}")
    return FileResponse(
        STATIC_DIR / name, media_type=STATIC_FILES[name], headers={"Cache-Control": "no-cache"}
    )
