"""How the reader uses OCR: when (``mode``), with which engine, and within which limits."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["NO_OCR", "OCR_MODES", "OcrOptions"]

OCR_MODES = ("auto", "always", "never")


@dataclass(frozen=True, slots=True)
class OcrOptions:
    """OCR settings carried with each parse request to the sandboxed reader.

    ``mode``: ``auto`` reads pages without a usable text layer (none, or garbage), ``always``
    reads every page, ``never`` none. ``engine``: ``auto`` (tesseract, else rapidocr),
    ``tesseract`` or ``rapidocr``. ``max_pages`` pages at most are read by OCR per document;
    more is a ``LimitExceeded`` before any page is recognised. ``document_timeout_s`` is the
    CPU time OCR of one document may take, on top of parsing. ``languages`` are tesseract's
    models (``eng+fra``: more languages read accents, at about twice the time).
    """

    mode: str = "auto"
    engine: str = "auto"
    dpi: int = 300
    languages: str = "eng"
    max_pages: int = 30
    page_timeout_s: float = 30.0
    document_timeout_s: float = 60.0
    max_page_pixels: int = 16_000_000
    max_image_pixels: int = 100_000_000
    max_images_per_page: int = 500


NO_OCR = OcrOptions(mode="never")
