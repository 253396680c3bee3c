"""The review pages work under their Content-Security-Policy: nothing is blocked, the
evidence boxes and risk bars (sized from data attributes by review.js) are in place."""

from __future__ import annotations

import pytest

from tests.browser.conftest import ReviewServer

pytestmark = pytest.mark.browser

WATCH_VIOLATIONS = """
window.__blocked = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__blocked.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""


def test_review_pages_run_under_the_csp_with_evidence_in_place(browser, review_server):
    server: ReviewServer = review_server
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(WATCH_VIOLATIONS)
    console: list[str] = []
    page = context.new_page()
    page.on("console", lambda message: console.append(message.text))
    login = page.goto(server.url + "/review/login")
    assert "frame-ancestors 'none'" in login.headers["content-security-policy"]
    page.get_by_label("API key").fill(server.analyst_key)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(server.url + "/review")
    blocked = page.evaluate("window.__blocked")

    order_id = server.order_with("PAYMENT_TERMS_MISMATCH")
    page.goto(f"{server.url}/review/orders/{order_id}")
    page.wait_for_selector(".box.active")
    blocked += page.evaluate("window.__blocked")
    figure = page.locator("figure.page").first.bounding_box()
    image = page.locator("figure.page img").first.bounding_box()
    assert figure and image and figure["height"] > 300
    assert abs(figure["height"] - image["height"]) < 2  # the page keeps its aspect ratio
    boxes = page.locator("figure.page .box")
    assert boxes.count() > 0
    for index in range(boxes.count()):
        box = boxes.nth(index)
        if not box.is_visible():
            continue
        outline = box.bounding_box()
        holder = box.locator("xpath=..").bounding_box()
        assert outline and holder and outline["width"] > 1 and outline["height"] > 1
        assert holder["x"] - 1 <= outline["x"] <= holder["x"] + holder["width"]
        assert holder["y"] - 1 <= outline["y"] <= holder["y"] + holder["height"]
    fills = page.locator(".riskbar .bar span")
    assert fills.count() == 2
    widths = [fills.nth(i).bounding_box()["width"] for i in range(2)]  # type: ignore[index]
    assert all(w > 0 for w in widths)

    page.goto(server.url + "/review/dashboard")
    blocked += page.evaluate("window.__blocked")
    context.close()
    assert blocked == []
    assert not [m for m in console if "Content Security Policy" in m]
