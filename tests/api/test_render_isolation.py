"""A render bomb on the review page leaves order submission at its normal latency.

A real ``triage serve --workers 2``: an analyst's browser asks for 45 page images of a
2.5 KB PDF whose every page takes pdfium minutes to draw (``render_bombs``), while a
service submits orders one after another; the storm must still be going when the last
order is answered. The orders' median latency during the storm is
compared with a baseline measured in the same test before it; every image request gets
an answer (the page, or a placeholder saying why not) instead of hanging.
"""

from __future__ import annotations

import contextlib
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from tests.api.fixtures import order_parts
from tests.api.live_server import LiveServer
from tests.api.render_bombs import attach_document, render_bomb
from tests.api.review.login import log_in
from triage.config import Settings
from triage.service import create_api_key
from triage.store import open_store

PAGES, SCALES, COPIES = 3, ("1", "1.5", "2"), 5  # 45 requests for 9 distinct images
PROBES = 6
# Generous: two cores shared with whatever else the machine runs. Before the sandbox one
# order waited 55 s behind the renders (400x the baseline) while the median looked normal.
MAX_SLOWDOWN = 4.0  # of the median order
MAX_WORST = 15.0  # the slowest order during the storm, against the baseline's median


def _probe(client: httpx.Client, key: str, tag: str, count: int) -> tuple[list[float], str]:
    took, order_id = [], ""
    for n in range(count):
        started = time.monotonic()
        response = client.post(
            "/v1/orders",
            files=order_parts(45, marker=f"{tag}-{n}"),
            headers={"Authorization": f"Bearer {key}", "Idempotency-Key": f"{tag}-{n}"},
        )
        took.append(time.monotonic() - started)
        assert response.status_code == 201, response.text
        order_id = response.json()["order_id"]
    return took, order_id


def test_a_render_bomb_leaves_order_submission_at_normal_latency(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "var")
    store = open_store(settings.resolved_database_url, settings.data_dir)
    service = create_api_key(store, role="service").key
    analyst = create_api_key(store, role="analyst").key
    env = {
        "TRIAGE_DATA_DIR": str(settings.data_dir),
        "TRIAGE_LOG_LEVEL": "WARNING",
        "TRIAGE_EXTRACT_WORKERS": "1",
        "TRIAGE_PARSE_WORKERS": "1",
        "TRIAGE_RENDER_TIMEOUT_S": "2",  # one renderer: the storm lasts >= 3 pages x 2 s
    }
    server = LiveServer(
        env,
        workers=2,
        log_path=tmp_path / "server.log",
        arguments=("--components", "tests.api.parts:build"),
    )
    server.start()
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            baseline, order_id = _probe(client, service, "baseline", PROBES)
            bomb = attach_document(store, order_id, render_bomb(pages=PAGES, depth=6))
            assert log_in(client, analyst).status_code == 303
            cookies = dict(client.cookies)

        def image(n: int) -> tuple[int, str]:
            page, scale = n % PAGES + 1, SCALES[(n // PAGES) % len(SCALES)]
            with httpx.Client(base_url=server.url, timeout=300, cookies=cookies) as viewer:
                got = viewer.get(f"/review/documents/{bomb}/pages/{page}.png?scale={scale}")
            return got.status_code, got.headers.get("x-page-image", "")

        with ThreadPoolExecutor(PAGES * len(SCALES) * COPIES) as browser:
            storm = [browser.submit(image, n) for n in range(PAGES * len(SCALES) * COPIES)]
            time.sleep(1.0)  # the storm is under way before the probe starts
            with httpx.Client(base_url=server.url, timeout=60) as client:
                during, _ = _probe(client, service, "during", PROBES)
            assert not all(f.done() for f in storm), "the storm ended before the orders did"
            answers = [future.result() for future in storm]
        ratio = statistics.median(during) / statistics.median(baseline)
        print(
            f"order latency median: baseline {statistics.median(baseline) * 1000:.0f} ms,"
            f" during the render storm {statistics.median(during) * 1000:.0f} ms"
            f" ({ratio:.2f}x); each during: {[round(t * 1000) for t in during]} ms"
        )
        assert ratio <= MAX_SLOWDOWN, (baseline, during)
        assert max(during) <= MAX_WORST * statistics.median(baseline), (baseline, during)
        # Every image request was answered: a placeholder (the bomb), or 503 when more
        # drawings were queued than the bound allows - never a hang or a 500.
        assert {status for status, _ in answers} <= {200, 503}, answers
        assert any(kind == "placeholder" for _, kind in answers), answers
    finally:
        server.stop()
        with contextlib.suppress(Exception):
            store.close()
