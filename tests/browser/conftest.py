"""A real server (the production components) started once per session, sample orders
submitted through the API, and headless Debian Chromium driving the review pages."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.api.live_server import LiveServer
from triage.config import Settings
from triage.service import create_api_key
from triage.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "cases"
CASES = ("case-0014", "case-0003", "case-0008", "case-0012", "case-0023", "case-0004")
SCREENSHOTS = os.environ.get("REVIEW_SCREENSHOTS_DIR")

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class ReviewServer:
    """The running server, its keys and the orders submitted per sample case."""

    url: str
    analyst_key: str
    other_analyst_key: str
    orders: dict[str, dict[str, object]]

    def order_with(self, code: str) -> str:
        """Return the id of a submitted order that raised ``code``."""
        for result in self.orders.values():
            if any(e["code"] == code for e in result["exceptions"]):  # type: ignore[attr-defined]
                return str(result["order_id"])
        raise LookupError(code)


def _submit(client: httpx.Client, case: str) -> dict[str, object]:
    folder = SAMPLES / case
    files = {
        "document": ("order.pdf", (folder / "order.pdf").read_bytes(), "application/pdf"),
        "quote": (None, (folder / "quote.json").read_text()),
        "customer": (None, (folder / "customer.json").read_text()),
    }
    response = client.post("/v1/orders", files=files, headers={"Idempotency-Key": case})
    assert response.status_code == 201, response.text
    result: dict[str, object] = json.loads(response.text)
    return result


@pytest.fixture(scope="session")
def review_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReviewServer]:
    """Start ``python -m api serve`` on a fresh data folder and submit the sample cases."""
    folder = tmp_path_factory.mktemp("review-server")
    settings = Settings(data_dir=folder / "data")
    store = open_store(settings.resolved_database_url, settings.data_dir)
    keys = {
        name: create_api_key(store, role=role, name=name).key
        for name, role in [
            ("Avery Analyst", "analyst"),
            ("Blake Analyst", "analyst"),
            ("upstream", "service"),
        ]
    }
    store.close()
    server = LiveServer(
        {"TRIAGE_DATA_DIR": str(settings.data_dir), "TRIAGE_LOG_LEVEL": "WARNING"},
        workers=1,
        log_path=folder / "server.log",
    )
    server.start(timeout=150)
    try:
        headers = {"Authorization": f"Bearer {keys['upstream']}"}
        with httpx.Client(base_url=server.url, headers=headers, timeout=60) as client:
            orders = {case: _submit(client, case) for case in CASES}
        yield ReviewServer(
            url=server.url,
            analyst_key=keys["Avery Analyst"],
            other_analyst_key=keys["Blake Analyst"],
            orders=orders,
        )
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian Chromium (skipped, with the reason, when it is not installed)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def screenshot_path(tmp_path: Path, name: str) -> Path:
    """Return where to save a screenshot: REVIEW_SCREENSHOTS_DIR if set, else ``tmp_path``."""
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name
