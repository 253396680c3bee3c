"""``triage serve --workers 2 --load-samples``: one set of children, shared by both servers.

A real server with the production components: the sample orders are loaded before it
answers, new orders are checked through the supervisor's pools, and the server processes
themselves own no child processes (so every order joins the same queue for the cores).
(What happens when the supervisor dies alone: ``test_supervisor_kill``.)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import httpx

from tests.api.fixtures import customer_json, quote_json
from tests.api.live_server import LiveServer
from triage.config import Settings
from triage.documents.specimen import render_order_form
from triage.service import create_api_key
from triage.store import open_store
from triage.store.orders import count_orders

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "cases"
LOADED = ("case-0001", "case-0002", "case-0003")


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


def test_serve_loads_the_samples_and_shares_one_set_of_children(tmp_path: Path) -> None:
    samples = tmp_path / "samples"
    for case in LOADED:
        shutil.copytree(SAMPLES / case, samples / case)
    settings = Settings(data_dir=tmp_path / "var")
    store = open_store(settings.resolved_database_url, settings.data_dir)
    key = create_api_key(store, role="service").key
    env = {
        "TRIAGE_DATA_DIR": str(settings.data_dir),
        "TRIAGE_LOG_LEVEL": "WARNING",
        "TRIAGE_EXTRACT_WORKERS": "2",
        "TRIAGE_PARSE_WORKERS": "1",
    }
    server = LiveServer(
        env, workers=2, log_path=tmp_path / "server.log", arguments=("--load-samples", str(samples))
    )
    server.start()
    try:
        with store.transaction() as session:
            assert count_orders(session) == len(LOADED)
        master = server.process.pid if server.process else 0
        children = _children(master)
        # 2 uvicorn servers, 1 parser, 2 extractors, 1 page renderer and multiprocessing's
        # resource tracker, all children of the supervisor; the servers have none of their own.
        assert len(children) == 7, children
        assert [grandchild for pid in children for grandchild in _children(pid)] == []
        files = {
            "document": ("order.pdf", render_order_form(7), "application/pdf"),
            "quote": (None, quote_json()),
            "customer": (None, customer_json()),
        }
        headers = {"Authorization": f"Bearer {key}", "Idempotency-Key": "serve-1"}
        with httpx.Client(base_url=server.url, timeout=60) as client:
            created = client.post("/v1/orders", files=files, headers=headers)
            assert created.status_code == 201, created.text
            assert created.json()["extraction"]["document"]["pages"] == 3
            assert created.headers["server-timing"].startswith("queue;dur=")
            metrics = client.get("/metrics").text
        assert "triage_admission_wait_seconds_count" in metrics
        with store.transaction() as session:
            assert count_orders(session) == len(LOADED) + 1
    finally:
        if server.process is not None and server.process.poll() is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.process.pid, signal.SIGKILL)  # the orphaned servers
        server.stop()
        store.close()


def test_serve_without_models_says_why_and_exits_1(tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(SAMPLES.parents[1] / "models" / "extraction", models / "extraction")
    (models / "clauses").mkdir()
    env = {
        **os.environ,
        "TRIAGE_DATA_DIR": str(tmp_path / "var"),
        "TRIAGE_MODELS_DIR": str(models),
        "TRIAGE_EXTRACT_WORKERS": "1",
        "TRIAGE_PARSE_WORKERS": "1",
    }
    finished = subprocess.run(
        [sys.executable, "-m", "triage", "serve", "--port", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 1
    assert "Configuration error" in finished.stderr
    assert "no clause model in" in finished.stderr
    assert "Traceback" not in finished.stderr + finished.stdout
