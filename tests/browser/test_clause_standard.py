"""A clause flag on the review page shows the playbook's standard beside the clause."""

from __future__ import annotations

import pytest

from tests.browser.conftest import ReviewServer, screenshot_path
from tests.browser.test_review_flow import VIEWPORT
from triage.comparison import Playbook
from triage.config import REPO_ROOT

PLAYBOOK = REPO_ROOT / "rules" / "playbook.yaml"

pytestmark = pytest.mark.browser


def test_clause_flag_shows_the_standard_position_beside_the_clause(
    browser, review_server: ReviewServer, tmp_path
) -> None:
    order_id = review_server.order_with("NONSTANDARD_CLAUSE")
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(review_server.url + "/review/login")
    page.get_by_label("API key").fill(review_server.analyst_key)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(review_server.url + "/review")
    page.goto(f"{review_server.url}/review/orders/{order_id}")
    flag = page.locator("[data-exception]", has_text="NONSTANDARD_CLAUSE").first
    standard = flag.locator("[data-clause-standard] .ex-clause-standard")
    assert standard.is_visible()
    said = " ".join((standard.text_content() or "").split())
    assert said.startswith("Standard (playbook 2026.12.1)")
    positions = [p.standard for p in Playbook.load(PLAYBOOK).document.clauses.values()]
    assert any(said.endswith(p) for p in positions), said
    found = " ".join((flag.locator(".ex-clause-found").text_content() or "").split())
    assert found.startswith("Clause says ") and len(found) > len("Clause says ")
    flag.click()
    page.screenshot(path=screenshot_path(tmp_path, "review-clause-standard.png"))
    context.close()
