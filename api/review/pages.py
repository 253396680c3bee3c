"""Shared page plumbing of the review pages: templates, the render call and form parsing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from api.review.session import AnalystSession

__all__ = ["STATIC_DIR", "TEMPLATES", "describe_age", "render"]

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))


def describe_age(age: timedelta) -> str:
    """Return an age as an analyst reads it: 45m, 5h, 3d 4h."""
    minutes = int(age.total_seconds() // 60)
    if minutes < 60:
        return f"{minutes}m"
    hours = minutes // 60
    if hours < 48:
        return f"{hours}h"
    return f"{hours // 24}d {hours % 24}h"


def _money(value: Any) -> str:
    try:
        return f"{float(value):,.2f}"
    except (TypeError, ValueError):
        return str(value)


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


TEMPLATES.env.filters["age"] = describe_age
TEMPLATES.env.filters["money"] = _money
TEMPLATES.env.filters["label"] = _label


def render(
    request: Request,
    template: str,
    session: AnalystSession | None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """Render ``template`` with the analyst, the CSRF token and ``context``."""
    return TEMPLATES.TemplateResponse(
        request,
        template,
        {
            "analyst": session.caller if session else None,
            "csrf_token": session.csrf_token if session else "",
            **context,
        },
        status_code=status_code,
        headers={"Cache-Control": "no-store"},
    )
