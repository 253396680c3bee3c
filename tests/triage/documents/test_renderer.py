"""PageRenderer: pages drawn in killable children, within time, memory and pixel limits."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator

import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from tests.api.render_bombs import render_bomb
from triage.documents.renderer import PageRenderer, RenderFailed
from triage.documents.specimen import render_order_form

TIMEOUT_S = 3.0
GOOD = render_order_form(11)


@pytest.fixture(scope="module")
def renderer() -> Iterator[PageRenderer]:
    with PageRenderer(timeout_s=TIMEOUT_S, memory_mb=512, workers=1, max_pixels=4_000_000) as r:
        yield r


def test_a_page_is_drawn_at_the_asked_scale(renderer: PageRenderer) -> None:
    sizes = renderer.page_sizes(GOOD)
    png = renderer.render(GOOD, 1, 1.5)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (round(sizes[0][0] * 1.5), round(sizes[0][1] * 1.5))


def test_a_render_bomb_stops_at_the_time_limit_and_the_next_page_is_drawn(
    renderer: PageRenderer,
) -> None:
    bomb = render_bomb(depth=6)
    assert renderer.page_sizes(bomb) == ((612.0, 792.0),)  # opening it is cheap
    started = time.monotonic()
    with pytest.raises(RenderFailed, match="time limit"):
        renderer.render(bomb, 1, 1.5)
    assert time.monotonic() - started < TIMEOUT_S + 3
    assert renderer.render(GOOD, 1, 1.0).startswith(b"\x89PNG")


def test_a_page_too_large_to_draw_is_refused_without_drawing(renderer: PageRenderer) -> None:
    assert renderer.render(GOOD, 1, 2.0).startswith(b"\x89PNG")  # 1224 x 1584 = 1.9 M pixels
    with pytest.raises(RenderFailed, match="render_max_pixels"):
        renderer.render(GOOD, 1, 3.0)  # 1836 x 2376 = 4.4 M pixels
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(14400, 14400))
    canvas.drawString(72, 72, "a poster")
    canvas.save()
    started = time.monotonic()
    with pytest.raises(RenderFailed, match="render_max_pixels"):
        renderer.render(buffer.getvalue(), 1, 1.0)
    assert time.monotonic() - started < 2


def test_a_damaged_file_and_a_missing_page_say_why(renderer: PageRenderer) -> None:
    with pytest.raises(RenderFailed, match="could not be drawn"):
        renderer.render(b"%PDF-1.7\nnot really", 1, 1.0)
    with pytest.raises(RenderFailed, match="no page 9"):
        renderer.render(GOOD, 9, 1.0)
