"""Logging a TestClient (or an httpx client) in to the review pages the way a browser does:
load the login form, send its hidden fields back with the key."""

from __future__ import annotations

import re
from typing import Any

CSRF_FIELD = re.compile(r'name="login_token" value="([^"]+)"')


def log_in(client: Any, key: str) -> Any:
    """Log ``client`` in with ``key``; return the login response (a 303 on success)."""
    form = client.get("/review/login")
    fields = {"api_key": key}
    found = CSRF_FIELD.search(form.text)
    if found:
        fields["login_token"] = found.group(1)
    return client.post("/review/login", data=fields, follow_redirects=False)
