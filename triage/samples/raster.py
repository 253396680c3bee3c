"""Pictures of text: the image-only page a scanner would produce (no text layer).

Uses Pillow's built-in font so no font file is needed; the output depends only on the
text, so the same case gives the same pixels.
"""

from __future__ import annotations

import textwrap

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader

__all__ = ["render_text_page"]

_WIDTH = 1100


def render_text_page(heading: str, lines: list[str], aspect: float) -> ImageReader:
    """Return a greyscale picture of ``heading`` and ``lines`` with the given width/height."""
    height = int(_WIDTH / aspect)
    image = Image.new("L", (_WIDTH, height), color=250)
    draw = ImageDraw.Draw(image)
    title_font = ImageFont.load_default(size=34)
    body_font = ImageFont.load_default(size=24)
    draw.text((70, 80), heading, fill=20, font=title_font)
    y = 150
    for line in lines:
        for part in textwrap.wrap(line, width=78) or [""]:
            draw.text((70, y), part, fill=35, font=body_font)
            y += 36
        y += 12
    # A faint skew line, as left by a flatbed scanner's lid.
    draw.line((0, height - 40, _WIDTH, height - 52), fill=215, width=3)
    return ImageReader(image)
