"""Connections that never finish their request headers are closed (the serve protocol)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn

from api.app import create_app
from api.protocol import HeaderTimeoutProtocol
from api.settings import ApiSettings

HALF_OPEN = 60


class QuickHeaders(HeaderTimeoutProtocol):
    header_timeout_s = 1.0


@pytest.fixture
def served(settings, store, parts) -> Iterator[int]:
    app = create_app(settings, ApiSettings(background_jobs=False), store=store, parts=parts)
    config = uvicorn.Config(
        app, host="127.0.0.1", port=0, http=QuickHeaders, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield server.servers[0].sockets[0].getsockname()[1]
    server.should_exit = True
    thread.join(timeout=10)


def _closed_by_server(sock: socket.socket, wait_s: float) -> bool:
    """Read (the rest of an answer, if any) until the server closes, or ``wait_s`` passes."""
    deadline = time.monotonic() + wait_s
    try:
        while (left := deadline - time.monotonic()) > 0:
            sock.settimeout(left)
            if sock.recv(4096) == b"":
                return True
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True
    return False


@pytest.mark.slow
def test_half_open_header_connections_are_closed(served):
    sockets = []
    for index in range(HALF_OPEN):
        sock = socket.create_connection(("127.0.0.1", served))
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"X-Drip: %d\r\n" % index)
        sockets.append(sock)
    time.sleep(1.5)
    sockets[0].sendall(b"X-More: still-not-done\r\n")  # dripping does not reset the clock
    closed = [_closed_by_server(sock, 3.0) for sock in sockets]
    for sock in sockets:
        sock.close()
    assert all(closed)

    # a whole request is answered, and its kept-alive connection gets a fresh clock
    with socket.create_connection(("127.0.0.1", served)) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        sock.settimeout(5)
        assert sock.recv(4096).startswith(b"HTTP/1.1 200")
        sock.sendall(b"GET /healthz HTTP/1.1\r\n")  # the next request stalls in its headers
        assert _closed_by_server(sock, 4.0)
