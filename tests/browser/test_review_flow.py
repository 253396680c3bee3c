"""The analyst's day in headless Chromium against the real server: find an order in the
queue, open it, see its evidence box, correct a value, approve, see the audit entry; a
second analyst sees it locked; decisions by keyboard; the dashboard."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.browser.conftest import ReviewServer, screenshot_path

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1280, "height": 800}


def _login(browser, server: ReviewServer, key: str):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(server.url + "/review")
    assert page.url.endswith("/review/login")
    page.get_by_label("API key").fill(key)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(server.url + "/review")
    return context, page


def _in_viewport(page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= VIEWPORT["height"]


def test_find_open_correct_approve_and_audit(browser, review_server, tmp_path):
    order_id = review_server.order_with("PAYMENT_TERMS_MISMATCH")
    context, page = _login(browser, review_server, review_server.analyst_key)
    row = page.locator("table.queue tbody tr", has_text=order_id)
    assert row.count() == 1
    page.screenshot(path=screenshot_path(tmp_path, "review-queue.png"))
    row.get_by_role("link").click()
    page.wait_for_url(re.compile(f"/review/orders/{order_id}$"))

    top = page.locator("[data-exception].current")
    assert "PAYMENT_TERMS_MISMATCH" in top.inner_text()
    page.wait_for_selector(".box.active")
    assert _in_viewport(page, "[data-exception].current")
    assert _in_viewport(page, ".box.active")
    assert page.locator(".grid tr.row-mismatch", has_text="Payment terms days").count() == 1
    summary = page.locator("figure.summary").inner_text()
    assert "fixed template (no AI)" in summary  # no LLM configured: labelled as such
    assert "PAYMENT_TERMS_MISMATCH" in summary
    page.screenshot(path=screenshot_path(tmp_path, "review-order.png"))

    other, blake = _login(browser, review_server, review_server.other_analyst_key)
    blake.goto(f"{review_server.url}/review/orders/{order_id}")
    assert "Locked by Avery Analyst" in blake.locator(".lockinfo.other").inner_text()
    assert blake.get_by_role("button", name=re.compile("Approve")).count() == 0
    other.close()

    page.keyboard.press("e")
    field = page.get_by_label(re.compile("Payment terms days"))
    assert field.evaluate("el => el === document.activeElement") or field.is_visible()
    field.fill("30")
    page.get_by_role("button", name="Re-run rules").click()
    preview = page.locator(".preview")
    assert "resolved: PAYMENT_TERMS_MISMATCH" in preview.inner_text()
    preview.get_by_label(re.compile("EXTRACTION_ERROR")).check()
    page.get_by_label("Comment").last.fill("Net 30 per the customer master")
    page.get_by_role("button", name=re.compile("Save correction")).click()
    page.wait_for_url(re.compile(r"done=correct"))

    entry = page.locator(".audit li").first
    text = entry.inner_text()
    assert "correct" in text and "Avery Analyst" in text and "EXTRACTION_ERROR" in text
    assert re.search(r"Payment terms days\s+75\s+30", text)
    assert page.locator(".status").inner_text().lower() == "corrected"
    context.close()


def test_keyboard_approve_records_the_decision(browser, review_server):
    order_id = review_server.order_with("CURRENCY_MISMATCH")
    context, page = _login(browser, review_server, review_server.analyst_key)
    page.goto(f"{review_server.url}/review/orders/{order_id}")
    page.keyboard.press("a")
    assert page.locator("#approve-panel").evaluate("el => el.open")
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"done=approve"))
    assert "FALSE_POSITIVE" in page.locator(".audit li").first.inner_text()
    page.keyboard.press("?")
    assert page.locator("#help").evaluate("el => el.open")
    context.close()


def test_reason_code_is_required_and_forms_need_the_csrf_token(browser, review_server):
    order_id = review_server.order_with("ENTITY_MISMATCH")
    context, page = _login(browser, review_server, review_server.analyst_key)
    page.goto(f"{review_server.url}/review/orders/{order_id}")
    forged = context.request.post(
        f"{review_server.url}/review/orders/{order_id}/decision",
        form={"action": "reject", "reason_code": "OTHER", "csrf_token": "forged"},
    )
    assert forged.status == 403
    no_reason = page.request.post(
        f"{review_server.url}/review/orders/{order_id}/decision",
        form={
            "action": "reject",
            "csrf_token": page.locator("input[name=csrf_token]").first.input_value(),
        },
    )
    assert no_reason.status == 422
    headers = {"Authorization": f"Bearer {review_server.analyst_key}"}
    record = httpx.get(f"{review_server.url}/v1/orders/{order_id}", headers=headers).json()
    assert record["status"] == "in_review"
    context.close()


def test_controls_are_labelled_and_the_dashboard_charts_render(browser, review_server, tmp_path):
    context, page = _login(browser, review_server, review_server.analyst_key)
    for path in ("/review", "/review/dashboard"):
        page.goto(review_server.url + path)
        unlabelled = page.evaluate(
            """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
                .map(el => el.name)"""
        )
        assert unlabelled == []
    assert page.locator("svg.chart").count() >= 2
    assert page.locator(".tile", has_text="Touchless rate").count() == 1
    page.get_by_label("Period", exact=True).select_option("7d")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile("period=7d"))
    assert page.get_by_role("heading", name="Dashboard").is_visible()
    page.screenshot(path=screenshot_path(tmp_path, "review-dashboard.png"), full_page=True)
    page.keyboard.press("Tab")
    focused, outline = page.evaluate(
        "() => [document.activeElement.tagName,"
        " getComputedStyle(document.activeElement).outlineStyle]"
    )
    assert focused != "BODY" and outline != "none"
    context.close()
