"""Real webhook receivers on 127.0.0.1 for the tests: a scripted HTTP server and a tar pit."""

from __future__ import annotations

import secrets
import socket
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from triage.auth import Caller
from triage.service import authenticate, create_api_key
from triage.store import Store
from triage.store import webhooks as hook_rows
from triage.store.tables import WebhookDeliveryRow


class Receiver:
    """An HTTP/1.1 keep-alive receiver answering scripted statuses after ``delay_s``.

    It records each request (headers, body, arrival time), the TCP connections it
    accepted and the most requests it was answering at once.
    """

    def __init__(
        self, statuses: list[int] | None = None, *, delay_s: float = 0.0, location: str = ""
    ) -> None:
        self.statuses = list(statuses or [])
        self.delay_s = delay_s
        self.location = location
        self.received: list[tuple[dict[str, str], bytes, float]] = []
        self.connections = 0
        self.busy = 0
        self.most_busy = 0
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                with receiver.lock:
                    receiver.connections += 1

            def do_POST(self) -> None:
                arrived = time.time()
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver.lock:
                    receiver.busy += 1
                    receiver.most_busy = max(receiver.most_busy, receiver.busy)
                    receiver.received.append(
                        ({k.lower(): v for k, v in self.headers.items()}, body, arrived)
                    )
                    status = receiver.statuses.pop(0) if receiver.statuses else 200
                time.sleep(receiver.delay_s)
                with receiver.lock:
                    receiver.busy -= 1
                self.send_response(status)
                if receiver.location:
                    self.send_header("Location", receiver.location)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self.server.server_port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def ids(self) -> list[str]:
        """Return the ``webhook-id`` of every request received, in arrival order."""
        return [headers["webhook-id"] for headers, _, _ in self.received]

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


class TarPit:
    """Accepts connections and answers one byte every ``drip_s`` (a 200, eventually).

    Each connection's accept and close times are recorded.
    """

    ANSWER = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"

    def __init__(self, *, drip_s: float = 0.5) -> None:
        self.drip_s = drip_s
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.stopping = threading.Event()
        self.accepted: list[float] = []
        self.closed: list[float] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/hook"

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self.accepted.append(time.time())
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        try:
            for byte in self.ANSWER:
                if self.stopping.wait(self.drip_s):
                    break
                conn.sendall(bytes([byte]))
        except OSError:
            pass  # the sender gave up and closed its end
        finally:
            self.closed.append(time.time())
            conn.close()

    def __enter__(self) -> TarPit:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.thread.join(timeout=2)
        self.sock.close()


def service_caller(store: Store) -> Caller:
    """Return the caller of a new service key."""
    created = create_api_key(store, role="service")
    return authenticate(store, f"Bearer {created.key}")


def queue_events(
    store: Store, webhook_id: str, count: int, *, at: datetime | None = None
) -> list[str]:
    """Put ``count`` due events for one webhook in the outbox; return their ids."""
    now = at or datetime.now(UTC)
    rows = [
        WebhookDeliveryRow(
            id="msg_" + secrets.token_hex(12),
            webhook_id=webhook_id,
            event_type="order.decided",
            payload=f'{{"type":"order.decided","n":{index}}}',
            status=hook_rows.PENDING,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
        for index in range(count)
    ]
    with store.transaction() as session:
        hook_rows.add_deliveries(session, rows)
    return [row.id for row in rows]
