"""Tesseract in-process: Debian's ``libtesseract.so.5`` through its C API, loaded with ctypes.

The command line pays for each page a process start and the load of its LSTM model, and
passes the page as an encoded image; here the model loads once per child process and the
page goes in as the grey array's own bytes. The words come out as the command line's TSV
rows would (``TsvRow``: its line key, text, box and confidence 0-100), walked the way
tesseract's own TSV writer walks them (``TessBaseAPI::GetTSVText``), so the reader sees the
same words either way.

Only ever used from one thread: a ``TessBaseAPI`` handle is not thread-safe.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import time
from typing import Any, NamedTuple

import numpy as np

__all__ = ["LIBRARY", "TessApi", "TsvRow", "load_api"]

LIBRARY = "libtesseract.so.5"
# Page iterator levels (tesseract's PageIteratorLevel).
_BLOCK, _PARA, _TEXTLINE, _WORD = 0, 1, 2, 3


class TsvRow(NamedTuple):
    """One word as a TSV row gives it: (block, paragraph, line), text, ink box, 0-100."""

    line: tuple[int, int, int]
    text: str
    left: float
    top: float
    right: float
    bottom: float
    confidence: float


def _declare(lib: Any) -> None:
    """Give ctypes the C API's signatures (without them pointers are cut to 32 bits)."""
    handle, text = ctypes.c_void_p, ctypes.c_char_p
    signatures: dict[str, tuple[Any, list[Any]]] = {
        "TessBaseAPICreate": (handle, []),
        "TessBaseAPIInit3": (ctypes.c_int, [handle, text, text]),
        "TessBaseAPISetVariable": (ctypes.c_int, [handle, text, text]),
        "TessBaseAPISetPageSegMode": (None, [handle, ctypes.c_int]),
        "TessBaseAPISetImage": (
            None,
            [handle, ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int],
        ),
        "TessBaseAPISetSourceResolution": (None, [handle, ctypes.c_int]),
        "TessBaseAPIRecognize": (ctypes.c_int, [handle, handle]),
        "TessBaseAPIGetIterator": (handle, [handle]),
        "TessBaseAPIClear": (None, [handle]),
        "TessBaseAPIEnd": (None, [handle]),
        "TessBaseAPIDelete": (None, [handle]),
        "TessResultIteratorGetPageIterator": (handle, [handle]),
        "TessResultIteratorGetUTF8Text": (ctypes.c_void_p, [handle, ctypes.c_int]),
        "TessResultIteratorConfidence": (ctypes.c_float, [handle, ctypes.c_int]),
        "TessResultIteratorNext": (ctypes.c_int, [handle, ctypes.c_int]),
        "TessResultIteratorDelete": (None, [handle]),
        "TessPageIteratorIsAtBeginningOf": (ctypes.c_int, [handle, ctypes.c_int]),
        "TessPageIteratorBoundingBox": (ctypes.c_int, [handle, ctypes.c_int, *[handle] * 4]),
        "TessDeleteText": (None, [ctypes.c_void_p]),
        "TessMonitorCreate": (handle, []),
        "TessMonitorSetDeadlineMSecs": (None, [handle, ctypes.c_int]),
        "TessMonitorDelete": (None, [handle]),
    }
    for name, (result, arguments) in signatures.items():
        function = getattr(lib, name)
        function.restype, function.argtypes = result, arguments


class TessApi:
    """One initialised ``TessBaseAPI``: the model of ``languages`` loaded, ready for pages."""

    def __init__(self, lib: Any, languages: str) -> None:
        self._lib = lib
        self._api = lib.TessBaseAPICreate()
        if not self._api or lib.TessBaseAPIInit3(self._api, None, languages.encode()) != 0:
            raise OSError(f"libtesseract could not load the {languages!r} model")
        # Page segmentation 3, the command line's default (see TesseractEngine.recognise).
        lib.TessBaseAPISetPageSegMode(self._api, 3)

    def set_variable(self, name: str, value: str) -> None:
        """Set one of tesseract's parameters (``tessedit_do_invert``...); raise if unknown."""
        if not self._lib.TessBaseAPISetVariable(self._api, name.encode(), value.encode()):
            raise OSError(f"libtesseract has no parameter {name!r}")

    def words(self, image: np.ndarray, dpi: int, timeout_s: float) -> list[TsvRow]:
        """Return the words tesseract reads on the grey ``image`` scanned at ``dpi``; raise
        ``TimeoutError`` when recognition takes more than ``timeout_s``."""
        lib, api = self._lib, self._api
        pixels = np.ascontiguousarray(image, dtype=np.uint8)
        height, width = pixels.shape
        lib.TessBaseAPISetImage(api, pixels.ctypes.data, width, height, 1, width)
        lib.TessBaseAPISetSourceResolution(api, dpi)
        self.set_variable("user_defined_dpi", str(dpi))  # what the CLI's --dpi sets
        # The monitor's deadline stops recognition between words, as the CLI's timeout would.
        monitor = lib.TessMonitorCreate()
        lib.TessMonitorSetDeadlineMSecs(monitor, max(1, round(timeout_s * 1000)))
        started = time.monotonic()
        try:
            if lib.TessBaseAPIRecognize(api, monitor) != 0:
                if time.monotonic() - started >= timeout_s:
                    raise TimeoutError
                raise OSError("libtesseract could not recognise the page")
            return self._rows()
        finally:
            lib.TessMonitorDelete(monitor)
            lib.TessBaseAPIClear(api)  # drop the page's results; the model stays loaded

    def _rows(self) -> list[TsvRow]:
        """Walk the recognised words as tesseract's TSV writer does: a word without text is
        skipped before it can start a block, paragraph or line, so it numbers none."""
        lib = self._lib
        words = lib.TessBaseAPIGetIterator(self._api)
        if not words:
            return []
        page = lib.TessResultIteratorGetPageIterator(words)
        rows: list[TsvRow] = []
        block = para = line = 0
        box = [ctypes.c_int() for _ in range(4)]
        try:
            while True:
                text = self._text(words)
                if text is not None:
                    if lib.TessPageIteratorIsAtBeginningOf(page, _BLOCK):
                        block, para, line = block + 1, 0, 0
                    if lib.TessPageIteratorIsAtBeginningOf(page, _PARA):
                        para, line = para + 1, 0
                    if lib.TessPageIteratorIsAtBeginningOf(page, _TEXTLINE):
                        line += 1
                    lib.TessPageIteratorBoundingBox(page, _WORD, *map(ctypes.byref, box))
                    left, top, right, bottom = (float(b.value) for b in box)
                    confidence = float(lib.TessResultIteratorConfidence(words, _WORD))
                    rows.append(
                        TsvRow((block, para, line), text, left, top, right, bottom, confidence)
                    )
                if not lib.TessResultIteratorNext(words, _WORD):
                    return rows
        finally:
            lib.TessResultIteratorDelete(words)

    def _text(self, words: Any) -> str | None:
        """Return the current word's UTF-8 text, None when tesseract has none for it."""
        pointer = self._lib.TessResultIteratorGetUTF8Text(words, _WORD)
        if not pointer:
            return None
        try:
            return ctypes.string_at(pointer).decode("utf-8", errors="replace")
        finally:
            self._lib.TessDeleteText(pointer)

    def close(self) -> None:
        """Free the model and the handle."""
        if self._api:
            self._lib.TessBaseAPIEnd(self._api)
            self._lib.TessBaseAPIDelete(self._api)
            self._api = None


def load_api(languages: str) -> TessApi | None:
    """Return tesseract's API with ``languages`` loaded, or None when the library is missing.

    OpenMP reads ``OMP_THREAD_LIMIT`` when the library loads: one thread, as the child has
    one core's budget (more threads spin against each other and reserve stacks and malloc
    arenas against the child's address-space limit).
    """
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        lib = ctypes.CDLL(LIBRARY)
        _declare(lib)
        api = TessApi(lib, languages)
    except (OSError, AttributeError):
        return None
    # No second pass over each line read as white on black: the pages are dark print on
    # light paper. On the OCR bench: 1.45 -> 1.42 s per page at 200 dpi, fields the same.
    api.set_variable("tessedit_do_invert", "0")
    atexit.register(api.close)  # freed before exit, or tesseract reports its model leaked
    return api
