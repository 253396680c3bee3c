"""The order page: open (assign and lock) an order, preview corrections, decide, release."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from api.deps import RuntimeDep
from api.review.evidence import layout_evidence
from api.review.page_images import page_images
from api.review.pages import render
from api.review.session import AnalystSession, DeskSession, check_csrf, review_settings
from api.review.settings import REASON_CODES
from api.review.summary import analyst_summary
from triage.contract import FIELD_NAMES, CheckResult
from triage.errors import TriageError
from triage.service import record_decision
from triage.service.assignment import open_review_item, release_review_item, require_lock
from triage.service.order_view import load_order_view, preview_corrections
from triage.service.schemas import DecisionRequest, ReviewAction
from triage.service.worklist import SEVERITY_RANK, list_worklist
from triage.store.worklist import WorklistFilter

router = APIRouter(prefix="/review/orders", include_in_schema=False)

OrderId = Annotated[str, Path(pattern=r"^ord_[0-9a-f]{20}$")]
FIELD_PREFIX = "field:"
SIZES_WAIT_S = 3.0  # then the page shows letter-size pages until the sizes are known


def _result_pages(result: CheckResult) -> int:
    """Return the stored result's page count (1 when it has no extraction)."""
    return result.extraction.document.pages if result.extraction is not None else 1


def form_value(value: Any) -> str:
    """Return a field value as the correction form shows it (and compares it)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(getattr(value, "value", value))


def _corrections(form: dict[str, str], result: CheckResult) -> dict[str, Any]:
    if result.extraction is None:
        return {}
    changed: dict[str, Any] = {}
    for name in FIELD_NAMES:
        submitted = form.get(FIELD_PREFIX + name)
        if submitted is None:
            continue
        current = form_value(result.extraction.fields.get(name).value)
        if submitted.strip() != current:
            changed[name] = submitted.strip() or None
    return changed


def _neighbours(request: Request, session: AnalystSession, order_id: str) -> tuple[str | None, ...]:
    runtime = request.app.state.runtime
    items = list_worklist(runtime.store, session.caller, WorklistFilter(), page_size=100)
    ids = [item.order_id for item in items.items]
    if order_id not in ids:
        return None, next(iter(ids), None)
    at = ids.index(order_id)
    return (ids[at - 1] if at else None), (ids[at + 1] if at + 1 < len(ids) else None)


def _order_page(
    request: Request, session: AnalystSession, order_id: str, status_code: int = 200, **extra: Any
) -> HTMLResponse:
    runtime = request.app.state.runtime
    settings = review_settings(request)
    lock = open_review_item(runtime.store, session.caller, order_id, lock_for=settings.lock_for)
    view = load_order_view(runtime.store, session.caller, order_id)
    pages = _result_pages(view.record.result)
    sizes = list(
        page_images(request).page_sizes(view.record.document_sha256, pages, wait_s=SIZES_WAIT_S)
    )
    result = view.record.result
    ranked = sorted(
        range(len(result.exceptions)),
        key=lambda i: SEVERITY_RANK.get(result.exceptions[i].severity, 9),
    )
    previous, following = _neighbours(request, session, order_id)
    return render(
        request,
        "order.html",
        session,
        status_code,
        view=view,
        result=result,
        lock=lock,
        layout=layout_evidence(result, sizes),
        pages=[(n + 1, w, h) for n, (w, h) in enumerate(sizes)],
        scale=settings.page_scale,
        ranked=ranked,
        previous=previous,
        following=following,
        reasons=REASON_CODES,
        field_names=FIELD_NAMES,
        form_value=form_value,
        summary=analyst_summary(request, result) if result.exceptions else None,
        **extra,
    )


@router.get("/{order_id}", response_class=HTMLResponse)
def order_page(
    request: Request, order_id: OrderId, session: DeskSession, done: str | None = None
) -> HTMLResponse:
    """Open the order: assign and lock it to this analyst unless another one holds it."""
    notice = f"Decision recorded: {done}." if done in {a.value for a in ReviewAction} else None
    return _order_page(request, session, order_id, notice=notice)


async def _form(request: Request, session: AnalystSession) -> dict[str, str]:
    form = await request.form()
    values = {key: value for key, value in form.items() if isinstance(value, str)}
    check_csrf(session, values.get("csrf_token") or request.headers.get("x-csrf-token"))
    return values


@router.post("/{order_id}/preview", response_class=HTMLResponse)
async def preview(
    request: Request, order_id: OrderId, session: DeskSession, runtime: RuntimeDep
) -> HTMLResponse:
    """Re-run the rules on the edited values and show the new result; nothing is saved."""
    form = await _form(request, session)
    view = await run_in_threadpool(load_order_view, runtime.store, session.caller, order_id)
    changed = _corrections(form, view.record.result)
    if not changed:
        return await run_in_threadpool(
            _order_page,
            request,
            session,
            order_id,
            422,
            error="No value was changed.",
            editing=True,
        )
    try:
        after = await run_in_threadpool(
            preview_corrections, runtime.store, runtime.parts, session.caller, order_id, changed
        )
    except TriageError as error:
        return await run_in_threadpool(
            _order_page,
            request,
            session,
            order_id,
            422,
            error=error.detail,
            edits=changed,
            editing=True,
        )
    return await run_in_threadpool(
        _order_page,
        request,
        session,
        order_id,
        edits=changed,
        editing=True,
        preview=after,
        previewed=json.dumps(changed, sort_keys=True, default=str),
    )


def _decide(
    request: Request, session: AnalystSession, order_id: str, form: dict[str, str]
) -> Response:
    runtime = request.app.state.runtime
    action = ReviewAction(form.get("action", ""))
    corrections = None
    if action is ReviewAction.CORRECT:
        view = load_order_view(runtime.store, session.caller, order_id)
        corrections = _corrections(form, view.record.result)
        if json.dumps(corrections, sort_keys=True, default=str) != form.get("previewed"):
            after = preview_corrections(
                runtime.store, runtime.parts, session.caller, order_id, corrections
            )
            return _order_page(
                request,
                session,
                order_id,
                409,
                edits=corrections,
                editing=True,
                preview=after,
                previewed=json.dumps(corrections, sort_keys=True, default=str),
                error="The values changed since the preview; check the new result and save again.",
            )
    require_lock(runtime.store, session.caller, order_id)
    decision = DecisionRequest(
        action=action,
        reason_code=form.get("reason_code", ""),
        comment=form.get("comment", "").strip() or None,
        corrections=corrections,
    )
    record_decision(runtime.store, runtime.parts, session.caller, order_id, decision)
    return RedirectResponse(f"/review/orders/{order_id}?done={action.value}", status_code=303)


@router.post("/{order_id}/decision", response_model=None)
async def decide(request: Request, order_id: OrderId, session: DeskSession) -> Response:
    """Record approve, correct or reject (a reason code is required) and show the audit trail."""
    form = await _form(request, session)
    try:
        return await run_in_threadpool(_decide, request, session, order_id, form)
    except (TriageError, ValueError) as error:
        detail = getattr(error, "detail", None) or "choose an action and a reason code"
        return await run_in_threadpool(_order_page, request, session, order_id, 422, error=detail)


@router.post("/{order_id}/release")
async def release(
    request: Request, order_id: OrderId, session: DeskSession, runtime: RuntimeDep
) -> RedirectResponse:
    """Give the order back to the queue for other analysts."""
    await _form(request, session)
    await run_in_threadpool(release_review_item, runtime.store, session.caller, order_id)
    return RedirectResponse("/review", status_code=303)
