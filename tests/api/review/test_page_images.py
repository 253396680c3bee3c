"""Page images on the review page: drawn in the sandbox, cached, placeholders for bombs."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ApiSettings
from tests.api.parts import TestParts
from tests.api.render_bombs import attach_document, render_bomb
from tests.api.review.login import log_in
from triage.auth import Role
from triage.config import Settings
from triage.store import Store

TIMEOUT_S = 2.0


@pytest.fixture
def desk(
    settings: Settings, store: Store, parts: TestParts, keys: dict[Role, str]
) -> Iterator[TestClient]:
    """A TestClient logged in as an analyst, with a short render time limit."""
    quick = settings.model_copy(update={"render_timeout_s": TIMEOUT_S})
    app = create_app(quick, ApiSettings(background_jobs=False), store=store, parts=parts)
    with TestClient(app) as test_client:
        assert log_in(test_client, keys[Role.ANALYST]).status_code == 303
        yield test_client


def _image(client: TestClient, sha256: str, page: int = 1, scale: str = "1.5") -> Any:
    return client.get(f"/review/documents/{sha256}/pages/{page}.png", params={"scale": scale})


def test_a_page_is_drawn_once_then_served_from_the_cache(
    desk: TestClient, submit: Callable[..., dict[str, Any]], settings: Settings
) -> None:
    sha256 = submit("img-1")["extraction"]["document"]["sha256"]
    first = _image(desk, sha256, page=2)
    assert first.status_code == 200 and first.headers["x-page-image"] == "page"
    assert first.content.startswith(b"\x89PNG")
    cached = list((settings.data_dir / "page-images").glob(f"*/{sha256}-p2-s1.50.png"))
    assert len(cached) == 1 and cached[0].read_bytes() == first.content
    assert _image(desk, sha256, page=2).content == first.content


def test_only_the_fixed_scales_are_drawn(
    desk: TestClient, submit: Callable[..., dict[str, Any]]
) -> None:
    sha256 = submit("img-2")["extraction"]["document"]["sha256"]
    odd = _image(desk, sha256, scale="1.37")
    assert odd.status_code == 422
    assert "scale must be one of 1, 1.5, 2, 3" in odd.json()["detail"]
    assert _image(desk, sha256, scale="2").status_code == 200


def test_unknown_documents_and_pages_are_404(
    desk: TestClient, submit: Callable[..., dict[str, Any]]
) -> None:
    sha256 = submit("img-3")["extraction"]["document"]["sha256"]
    assert _image(desk, "0" * 64).status_code == 404
    assert _image(desk, sha256, page=9).status_code == 404


def test_a_render_bomb_shows_a_placeholder_and_is_not_drawn_again(
    desk: TestClient, store: Store, submit: Callable[..., dict[str, Any]]
) -> None:
    sha256 = attach_document(store, submit("img-4")["order_id"], render_bomb(pages=2, depth=6))
    started = time.monotonic()
    first = _image(desk, sha256)
    assert time.monotonic() - started < TIMEOUT_S + 5
    assert first.status_code == 200 and first.headers["x-page-image"] == "placeholder"
    assert first.content.startswith(b"\x89PNG") and first.headers["cache-control"] == "no-store"
    started = time.monotonic()
    for scale in ("1", "1.5", "3"):
        again = _image(desk, sha256, scale=scale)
        assert again.headers["x-page-image"] == "placeholder"
    assert time.monotonic() - started < 1.0  # remembered: not drawn again at any scale
    assert _image(desk, "0" * 64).status_code == 404  # and the renderer lives on
