"""A small server on 127.0.0.1 that speaks the OpenAI chat-completions protocol.

It answers ``POST /v1/chat/completions`` from a script: the first scripted reply whose
trigger occurs in the last user message wins. A reply is either text (sent as the
assistant message content, with token usage) or ``Stall(seconds)``, which waits before
answering so that the client's time limit runs out. Every request body is recorded.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["ScriptedOpenAIServer", "Stall"]


@dataclass(frozen=True)
class Stall:
    """Answer only after ``seconds``: longer than the client waits."""

    seconds: float


@dataclass
class ScriptedOpenAIServer:
    """The server, its scripted replies by trigger text, and the requests it received."""

    script: dict[str, str | Stall] = field(default_factory=dict)
    requests: list[dict[str, Any]] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        """Return the OpenAI-style base URL, ``http://127.0.0.1:<port>/v1``."""
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def reply_for(self, body: dict[str, Any]) -> str | Stall:
        """Return the scripted reply for a request body (an empty JSON object if none)."""
        user = next(m for m in reversed(body["messages"]) if m["role"] == "user")
        for trigger, reply in self.script.items():
            if trigger in str(user["content"]):
                return reply
        return "{}"

    def start(self) -> ScriptedOpenAIServer:
        """Start serving on a free loopback port in a daemon thread."""
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                return

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                owner.requests.append(body)
                if self.path != "/v1/chat/completions":
                    self.send_error(404)
                    return
                reply = owner.reply_for(body)
                if isinstance(reply, Stall):
                    time.sleep(reply.seconds)
                    reply = "{}"
                self._send_completion(body, reply)

            def _send_completion(self, body: dict[str, Any], content: str) -> None:
                prompt_words = sum(len(str(m["content"]).split()) for m in body["messages"])
                payload = {
                    "id": f"chatcmpl-{len(owner.requests)}",
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": body["model"],
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": content},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {
                        "prompt_tokens": prompt_words,
                        "completion_tokens": len(content.split()),
                        "total_tokens": prompt_words + len(content.split()),
                    },
                }
                data = json.dumps(payload).encode()
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    return  # the client gave up waiting, as a timed-out client does

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
