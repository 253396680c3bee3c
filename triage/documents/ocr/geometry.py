"""Page images for OCR: rendering at a normalised resolution, quarter turns and skew.

A scan arrives at any resolution (the embedded image may be 150 or 600 dpi) and at any
angle. The page is rendered by pdfium at one resolution (``dpi``, lowered for very large
pages so the bitmap stays under ``max_pixels``), then turned upright: a quarter turn when
its text lines run vertically, and a small rotation (a few degrees) that makes the text
lines' row profile sharpest. Upside-down pages are settled by the recogniser's confidence
(``triage.documents.ocr.page``), which no pixel statistic does as reliably.
"""

from __future__ import annotations

import ctypes
import math
from typing import Any

import cv2
import numpy as np
import pypdfium2.raw as pdfium_c

__all__ = ["render_dpi", "render_page", "rotate", "skew_angle", "text_runs_vertically", "turn"]

_SKEW_LIMIT = 5.0
_SKEW_STEP = 0.25
_PROBE_WIDTH = 700


def render_page(page: Any, width_pt: float, height_pt: float, dpi: float) -> np.ndarray:
    """Return the page (as displayed, ``/Rotate`` applied) as a greyscale uint8 image."""
    scale = dpi / 72.0
    width, height = max(1, round(width_pt * scale)), max(1, round(height_pt * scale))
    bitmap = pdfium_c.FPDFBitmap_Create(width, height, 0)
    if not bitmap:
        raise MemoryError("no memory for the page bitmap")
    try:
        pdfium_c.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xFFFFFFFF)
        flags = pdfium_c.FPDF_ANNOT | pdfium_c.FPDF_GRAYSCALE
        pdfium_c.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, flags)
        stride = int(pdfium_c.FPDFBitmap_GetStride(bitmap))
        buffer = pdfium_c.FPDFBitmap_GetBuffer(bitmap)
        raw = ctypes.string_at(buffer, stride * height)
    finally:
        pdfium_c.FPDFBitmap_Destroy(bitmap)
    bgrx = np.frombuffer(raw, dtype=np.uint8).reshape(height, stride // 4, 4)[:, :width, :3]
    grey: np.ndarray = cv2.cvtColor(np.ascontiguousarray(bgrx), cv2.COLOR_BGR2GRAY)
    return grey


def _ink(image: np.ndarray) -> np.ndarray:
    """Return a small binary picture of the ink (1 = ink) for statistics."""
    scale = _PROBE_WIDTH / max(image.shape[1], 1)
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    _, ink = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return ink.astype(np.float32)


def _sharpness(profile: np.ndarray) -> float:
    return float(np.sum(np.diff(profile) ** 2))


def text_runs_vertically(image: np.ndarray) -> bool:
    """Return whether the page's text lines run top to bottom (a page turned 90 degrees).

    Text lines make the row profile of horizontal text jump between ink and white gaps;
    smeared sideways, each line becomes one bar, so the direction whose smeared profile is
    sharper is the direction of the lines.
    """
    ink = _ink(image)
    along = cv2.blur(ink, (15, 1))
    across = cv2.blur(ink, (1, 15))
    return _sharpness(across.sum(axis=0)) > 1.3 * _sharpness(along.sum(axis=1))


def turn(image: np.ndarray, degrees: int) -> np.ndarray:
    """Return ``image`` turned clockwise by a multiple of 90 degrees."""
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    turned: np.ndarray = cv2.rotate(image, codes[degrees]) if degrees % 360 else image
    return turned


def skew_angle(image: np.ndarray) -> float:
    """Return the angle (degrees, counter-clockwise positive) that levels the text lines."""
    ink = _ink(image)
    height, width = ink.shape
    centre = (width / 2, height / 2)
    best, best_score = 0.0, -1.0
    steps = int(_SKEW_LIMIT / _SKEW_STEP)
    for step in range(-steps, steps + 1):
        angle = step * _SKEW_STEP
        matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
        levelled = cv2.warpAffine(ink, matrix, (width, height), flags=cv2.INTER_NEAREST)
        score = _sharpness(levelled.sum(axis=1))
        if score > best_score:
            best, best_score = angle, score
    return best


def rotate(image: np.ndarray, angle: float) -> np.ndarray:
    """Return ``image`` rotated by ``angle`` degrees about its centre, white outside."""
    if abs(angle) < 1e-6:
        return image
    height, width = image.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    rotated: np.ndarray = cv2.warpAffine(
        image, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=255
    )
    return rotated


def render_dpi(width_pt: float, height_pt: float, dpi: float, max_pixels: int) -> float:
    """Return ``dpi``, or less so that the page's bitmap has at most ``max_pixels`` pixels."""
    area_in = max(width_pt, 1.0) * max(height_pt, 1.0) / (72.0 * 72.0)
    return min(dpi, math.sqrt(max_pixels / area_in))
