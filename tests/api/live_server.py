"""Run ``python -m api serve`` as a child process on a free localhost port, for the tests
and the benchmark that need a real server (several workers, a real SIGKILL)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class LiveServer:
    """A ``serve`` child process in its own process group (so SIGKILL reaches its workers)."""

    def __init__(
        self,
        env: dict[str, str],
        *,
        workers: int = 2,
        log_path: Path,
        arguments: tuple[str, ...] = (),
        cpus: set[int] | None = None,
    ) -> None:
        self.env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), **env}
        self.workers = workers
        self.arguments = arguments
        self.cpus = cpus  # run the server (and every process it starts) on these CPUs only
        self.port = free_port()
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """Return the base URL."""
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 240.0) -> None:
        """Start the server and wait until /healthz answers."""
        command = [
            sys.executable,
            "-m",
            "api",
            "serve",
            "--port",
            str(self.port),
            "--workers",
            str(self.workers),
            *self.arguments,
        ]
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                command,
                cwd=REPO_ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=self._pin if self.cpus else None,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text()[-2000:]}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"server did not start: {self.log_path.read_text()[-2000:]}")

    def _pin(self) -> None:
        os.sched_setaffinity(0, self.cpus or set())

    def kill(self) -> None:
        """SIGKILL the server and all its workers at once."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        """Stop the server gracefully (SIGTERM to its group), killing it if it lingers."""
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.kill()
