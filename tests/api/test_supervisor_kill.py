"""``kill -9`` of the supervisor alone: its servers and workers die with it, the port is
freed and a new ``triage serve`` starts on it; ``/healthz`` reports the pools."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import time
from pathlib import Path

import httpx

from tests.api.live_server import LiveServer
from triage.config import Settings

ENV = {"TRIAGE_LOG_LEVEL": "WARNING", "TRIAGE_EXTRACT_WORKERS": "1", "TRIAGE_PARSE_WORKERS": "1"}
ARGUMENTS = ("--components", "tests.api.parts:build")


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def _port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def test_killing_the_supervisor_ends_its_children_and_frees_the_port(tmp_path: Path) -> None:
    env = {**ENV, "TRIAGE_DATA_DIR": str(Settings(data_dir=tmp_path / "var").data_dir)}
    first = LiveServer(env, workers=2, log_path=tmp_path / "first.log", arguments=ARGUMENTS)
    first.start()
    second = LiveServer(env, workers=2, log_path=tmp_path / "second.log", arguments=ARGUMENTS)
    try:
        assert first.process is not None
        health = httpx.get(first.url + "/healthz", timeout=10).json()
        assert health["status"] == "ok"
        assert set(health["pools"]) == {"reader", "extractor", "renderer"}
        assert all(pool["workers"] == pool["size"] >= 1 for pool in health["pools"].values())
        children = _children(first.process.pid)
        assert len(children) >= 5  # 2 servers, parser, extractor, renderer (+ tracker)
        os.kill(first.process.pid, signal.SIGKILL)  # the supervisor alone, not its group
        first.process.wait(10)
        # A child still loading its models when its parent dies notices the lifeline once
        # loaded; on a loaded 2-core machine that has taken more than 15 s.
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline and any(_alive(pid) for pid in children):
            time.sleep(0.2)
        left = [pid for pid in children if _alive(pid)]
        assert left == [], [Path(f"/proc/{pid}/cmdline").read_bytes()[:200] for pid in left]
        assert _port_is_free(first.port)
        second.port = first.port
        second.start()
        assert httpx.get(second.url + "/healthz", timeout=10).json()["status"] == "ok"
    finally:
        for server in (first, second):
            if server.process is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(server.process.pid, signal.SIGKILL)
                server.process.wait(10)


def test_healthz_is_503_when_the_supervisors_pools_are_gone(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import ApiSettings
    from tests.api.parts import build

    settings = Settings(
        data_dir=tmp_path / "var",
        worker_host=str(tmp_path / "gone.sock"),
        worker_host_key="00" * 32,
    )
    app = create_app(settings, ApiSettings(background_jobs=False), parts=build(settings))
    with TestClient(app) as client:
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert "gone" in response.json()["detail"]
