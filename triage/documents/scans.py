"""Scans made from text-layer PDFs, for the OCR tests and benchmark (never the request path).

``scan_pdf`` renders each page to a greyscale image at a scanner's resolution, optionally
replaces the customer's typed signature with a handwritten-looking scribble (or with
nothing, for an unsigned copy), degrades the image as a scanner or phone does (skew, blur,
noise, uneven light, JPEG compression, a page fed sideways) and rebuilds an image-only PDF.
Deterministic for a given ``seed``.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from triage.documents.ocr.signatures import SIGN_LABEL
from triage.documents.parsed import ParsedDocument

__all__ = ["Degradation", "SigningMark", "replace_page", "scan_pdf", "signing_mark"]

Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Degradation:
    """How a scan is spoiled: resolution, skew (degrees), blur, noise, light, JPEG, turns."""

    dpi: int = 200
    skew: float = 0.0
    blur: float = 0.0
    noise: float = 0.0
    uneven_light: float = 0.0  # 0: even; 0.3: one side 30 % darker
    jpeg_quality: int = 85
    turned_page: int | None = None  # 1-based page fed sideways / upside down
    turn: int = 90


@dataclass(frozen=True, slots=True)
class SigningMark:
    """Where to change the customer's signature: ``erase`` boxes (the typed ``/s/`` name)
    are whited out, and a scribble is drawn in ``area`` when ``signed``."""

    page: int
    area: Box
    erase: tuple[Box, ...] = ()
    signed: bool = True


def _scribble(draw: ImageDraw.ImageDraw, area: Box, scale: float, rng: random.Random) -> None:
    """Draw a cursive-looking signature: a wavy stroke with loops, in dark ink."""
    x0, top, x1, bottom = (v * scale for v in area)
    width = min(x1 - x0, 150 * scale)
    height = max(bottom - top, 12 * scale)
    base = top + 0.6 * height
    points = []
    loops = rng.randint(4, 7)
    for step in range(160):
        t = step / 159
        x = x0 + 5 * scale + t * width + 6 * scale * math.cos(t * loops * 2 * math.pi)
        y = base - 0.35 * height * math.sin(t * loops * 2 * math.pi + rng.random())
        points.append((x, y))
    pen = max(2, round(1.2 * scale))
    draw.line(points, fill=rng.randint(10, 50), width=pen, joint="curve")
    draw.line(
        [(x0 + 10 * scale, base + 4 * scale), (x0 + width, base + 1 * scale)], fill=30, width=pen
    )


def _degrade(image: Image.Image, spoil: Degradation, rng: random.Random) -> Image.Image:
    if spoil.skew:
        image = image.rotate(spoil.skew, resample=Image.Resampling.BILINEAR, fillcolor=255)
    if spoil.blur:
        image = image.filter(ImageFilter.GaussianBlur(spoil.blur))
    pixels = np.asarray(image, dtype=np.float32)
    if spoil.uneven_light:
        ramp = np.linspace(1.0 - spoil.uneven_light, 1.0, pixels.shape[1], dtype=np.float32)
        pixels = pixels * ramp[None, :]
    if spoil.noise:
        noise = np.random.default_rng(rng.randrange(2**32)).normal(0, spoil.noise, pixels.shape)
        pixels = pixels + noise.astype(np.float32)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L")


def scan_pdf(
    pdf: bytes, *, spoil: Degradation, seed: int = 0, signing: SigningMark | None = None
) -> bytes:
    """Return an image-only PDF that looks like ``pdf`` printed, (un)signed and scanned."""
    rng = random.Random(seed)
    document = pdfium.PdfDocument(pdf)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    scale = spoil.dpi / 72.0
    try:
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
            if signing is not None and signing.page == index + 1:
                draw = ImageDraw.Draw(image)
                for box in signing.erase:
                    draw.rectangle([v * scale for v in box], fill=255)
                if signing.signed:
                    _scribble(draw, signing.area, scale, rng)
            image = _degrade(image, spoil, rng)
            if spoil.turned_page == index + 1:
                image = image.rotate(-spoil.turn, expand=True)
                if spoil.turn in (90, 270):
                    width, height = height, width
            encoded = io.BytesIO()
            image.save(encoded, "JPEG", quality=spoil.jpeg_quality)
            encoded.seek(0)
            canvas.setPageSize((width, height))
            canvas.drawImage(ImageReader(encoded), 0, 0, width, height)
            canvas.showPage()
    finally:
        document.close()
    canvas.save()
    return buffer.getvalue()


def signing_mark(
    document: ParsedDocument, page_number: int, name_box: Box, *, signed: bool
) -> SigningMark:
    """Return where the customer signs, for the signature block whose printed name is in
    ``name_box`` on ``page_number``: right of its ``Signature:`` label (whose typed ``/s/``
    words are erased), else the band above the name."""
    page = document.pages[page_number - 1]
    x0, top = name_box[0], name_box[1]
    labels = [
        (line, word)
        for line in page.lines
        for word in line.words
        if SIGN_LABEL.match(word.text) and word.top <= top + 1 and abs(word.x0 - x0) < 120
    ]
    if not labels:
        area = (x0, top - 32.0, x0 + 170.0, top - 2.0)
        return SigningMark(page_number, area, (), signed)
    line, label = max(labels, key=lambda found: found[1].top)
    after = [w for w in line.words if w.x0 > label.x0]
    ends = [i for i, w in enumerate(after) if SIGN_LABEL.match(w.text)]
    erase = tuple(w.bbox for w in after[: ends[0] if ends else len(after)] if w.x0 < label.x1 + 230)
    area = (label.x1 + 4, label.top - 14.0, label.x1 + 170.0, label.bottom + 2.0)
    return SigningMark(page_number, area, erase, signed)


def replace_page(pdf: bytes, scan: bytes, page: int) -> bytes:
    """Return ``pdf`` with page ``page`` (1-based) replaced by the same page of ``scan``: a
    digital document with one scanned page stapled in."""
    document, scanned = pdfium.PdfDocument(pdf), pdfium.PdfDocument(scan)
    try:
        document.del_page(page - 1)
        document.import_pages(scanned, [page - 1], index=page - 1)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
    finally:
        document.close()
        scanned.close()
