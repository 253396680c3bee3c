"""OCR engines: a greyscale page image in, recognised words with pixel boxes out.

Two engines, both working offline from what the install ships:

- ``tesseract``: Debian's tesseract 5 (LSTM model ``eng.traineddata``), in-process through
  ``libtesseract.so.5`` (``libtesseract``: the model loads once per child), else its
  ``tesseract-ocr`` binary as a subprocess per page (also when ``TRIAGE_OCR_TESSERACT_CLI=1``).
  Both give the same words. Measured on the bench pages it is about 4x faster than RapidOCR
  on one core and as accurate on printed forms, so ``auto`` prefers it.
- ``rapidocr``: the ``rapidocr`` wheel with ``onnxruntime``; its PP-OCR detection and
  recognition models are inside the wheel, so a plain ``pip install`` is enough. ``auto``
  falls back to it where the tesseract binary is missing.

Engines run only in the sandboxed reader's child processes, one thread each.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from typing import Any, Protocol

import cv2
import numpy as np

from triage.documents.ocr.libtesseract import TessApi, TsvRow, load_api
from triage.errors import DocumentError

__all__ = [
    "ENGINES",
    "SURE_WORD",
    "OcrEngine",
    "RecognisedWord",
    "engine_available",
    "installed_languages",
    "load_engine",
]

ENGINES = ("tesseract", "rapidocr")
SURE_WORD = 0.7  # recognition confidence below which a "word" may be handwriting or a smudge
# One thread: the child has one core's budget, and each OpenCV worker thread would reserve
# its own stack and malloc arena against the child's address-space limit.
cv2.setNumThreads(0)


@dataclass(frozen=True, slots=True)
class RecognisedWord:
    """One word read from the image: its text, its box in pixels and a confidence in [0, 1].

    ``top`` and ``bottom`` are those of its text line's font size (as a text layer gives
    them); ``ink_top`` and ``ink_bottom`` are where the word's own ink starts and ends
    (``None``: the engine did not say), which is what covers it on the image.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float
    ink_top: float | None = None
    ink_bottom: float | None = None

    @property
    def ink_box(self) -> tuple[float, float, float, float]:
        """Return the box of the word's own ink, in pixels."""
        top = self.top if self.ink_top is None else self.ink_top
        bottom = self.bottom if self.ink_bottom is None else self.ink_bottom
        return (self.x0, top, self.x1, bottom)


class OcrEngine(Protocol):
    """Reads the words of one greyscale page image (uint8, ink dark on light).

    ``languages`` names the language models it reads with ("eng+spa"; "" for an engine
    without any), so that a reading says what it could and could not spell.
    """

    name: str
    languages: str

    def recognise(self, image: np.ndarray, *, dpi: int, timeout_s: float) -> list[RecognisedWord]:
        """Return the words found on ``image``, in no particular order."""
        ...


class TesseractEngine:
    """Tesseract 5 through its command line; TSV output gives word boxes and confidences."""

    name = "tesseract"

    def __init__(self, binary: str, languages: str = "eng") -> None:
        self.binary = binary
        self.languages = languages

    def recognise(self, image: np.ndarray, *, dpi: int, timeout_s: float) -> list[RecognisedWord]:
        """Return the words of ``image``; raise ``DocumentError`` when tesseract fails."""
        ok, png = cv2.imencode(".pgm", image)  # uncompressed: no time spent packing it
        if not ok:
            raise DocumentError("the page image could not be encoded for OCR")
        # Page segmentation 3 (full layout analysis). It can drop a run of words it takes
        # for a separate column (seen on a sparse row of tick-box options); mode 4 reads
        # those, but on the OCR bench at the default 300 dpi it measured slightly worse
        # (fields 0.844 vs 0.848 of the text layer's, sure values right 0.983 vs 0.989)
        # and slower, though better at 200 dpi. Tick boxes are read from pixels anyway.
        command = [self.binary, "stdin", "stdout", "-l", self.languages, "--psm", "3"]
        command += ["--dpi", str(dpi)]
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        try:
            done = subprocess.run(
                [*command, "tsv"],
                input=png.tobytes(),
                capture_output=True,
                timeout=max(timeout_s, 1.0),
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise DocumentError("OCR of a page did not finish within its time limit") from None
        if done.returncode != 0:
            reason = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
            raise DocumentError(f"OCR failed: tesseract said {reason[0]!r}")
        return _tsv_words(done.stdout.decode("utf-8", errors="replace"))


class TesseractLibraryEngine:
    """Tesseract 5 in-process (``libtesseract``): the model loads once per child process,
    and a page costs recognition only. Reads the same words as ``TesseractEngine``."""

    name = "tesseract"

    def __init__(self, api: TessApi, languages: str) -> None:
        self._api = api
        self.languages = languages

    def recognise(self, image: np.ndarray, *, dpi: int, timeout_s: float) -> list[RecognisedWord]:
        """Return the words of ``image``; raise ``DocumentError`` when tesseract fails."""
        try:
            rows = self._api.words(image, dpi, max(timeout_s, 1.0))
        except TimeoutError:
            raise DocumentError("OCR of a page did not finish within its time limit") from None
        except OSError as error:
            raise DocumentError(f"OCR failed: {error}") from None
        return _line_words(rows)


def _tsv_rows(tsv: str) -> list[TsvRow]:
    """Return the word rows (level 5) of tesseract's TSV output."""
    rows = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        left, top, width, height = (float(c) for c in cells[6:10])
        line = (int(cells[2]), int(cells[3]), int(cells[4]))
        rows.append(
            TsvRow(line, cells[11], left, top, left + width, top + height, float(cells[10]))
        )
    return rows


def _tsv_words(tsv: str) -> list[RecognisedWord]:
    """Return the words of tesseract's TSV output (see ``_line_words``)."""
    return _line_words(_tsv_rows(tsv))


def _line_words(rows: list[TsvRow]) -> list[RecognisedWord]:
    """Return tesseract's words (TSV rows, from the CLI or the library), each as tall as its
    text line.

    Tesseract boxes each word's own ink ("are" is shorter than "Date"); a text layer gives
    every word of a line the same font-size box, and the layout analysis expects that.
    """
    lines: dict[tuple[int, int, int], list[tuple[str, float, float, float, float, float]]] = {}
    for row in rows:
        if not row.text.strip():
            continue
        confidence = max(0.0, min(row.confidence / 100.0, 1.0))
        lines.setdefault(row.line, []).append(
            (row.text.strip(), row.left, row.top, row.right, row.bottom, confidence)
        )
    words = []
    for line in lines.values():
        top, bottom = _line_box(line)
        words += [
            RecognisedWord(t, x0, top, x1, bottom, c, ink_top, ink_bottom)
            for t, x0, ink_top, x1, ink_bottom, c in line
        ]
    return words


def _line_box(line: list[tuple[str, float, float, float, float, float]]) -> tuple[float, float]:
    """Return the font-size top and bottom of a text line read as ``line``'s words.

    Each word estimates the line's font box from its own ink (``_font_box``), and the line
    takes the median: one word whose box tesseract stretched over a speck, a cell border or
    what is left of a whited-out tick box must not make the whole line tall (a label line
    13 pt tall over its 7 pt print runs into the row of options under it). Words read with
    doubt (a handwritten mark read as "words") and punctuation do not vote unless nothing
    else is left.
    """
    voters = [w for w in line if w[5] >= SURE_WORD and sum(c.isalnum() for c in w[0]) >= 2]
    voters = voters or [w for w in line if w[5] >= SURE_WORD] or line
    boxes = [_font_box(text, top, bottom) for text, _, top, _, bottom, _ in voters]
    return float(np.median([b[0] for b in boxes])), float(np.median([b[1] for b in boxes]))


_TALL = frozenset("bdfhiklt/'\"")  # lower-case letters and marks as tall as caps
_DESCENDERS = frozenset("gjpqy,;()[]{}|Q")
# A word's ink height as a share of its font size, by whether it has caps/digits/ascenders
# (tall) and descenders (deep); and how far below its ink the text layer's box ends (the
# descent below the baseline, or what is left of it under a descender). Fitted on tesseract
# ink boxes against the text layer's boxes of the same words, sample orders scanned without
# degradation at 200 and 300 dpi (``bench/calibrate_font_box.py``: 1,300-2,000 words; the
# medians at the two resolutions agree within 0.03).
_INK_SHARE = {(True, False): 0.69, (False, False): 0.45, (True, True): 0.88, (False, True): 0.67}
_BELOW_INK = {False: 0.235, True: 0.04}


def _font_box(text: str, top: float, bottom: float) -> tuple[float, float]:
    """Return the top and bottom a text layer would give a line whose ink spans ``top`` to
    ``bottom``: one font size tall, from the descent below the baseline.

    The ink's height depends on the letters (caps and digits reach ~0.69 of the font size
    once binarised, descenders ~0.2 below the baseline); the layout analysis reads line
    spacing against font-size boxes, so the font size is estimated from which kinds of
    letters the line has.
    """
    tall = any(c.isupper() or c.isdigit() or c in _TALL for c in text)
    deep = any(c in _DESCENDERS for c in text)
    size = (bottom - top) / _INK_SHARE[tall, deep]
    font_bottom = bottom + _BELOW_INK[deep] * size
    return font_bottom - size, font_bottom


class RapidOcrEngine:
    """RapidOCR (PP-OCR models in ONNX, shipped in the wheel), single-threaded, no download."""

    name = "rapidocr"
    languages = ""

    def __init__(self) -> None:
        from rapidocr import RapidOCR

        self._ocr: Any = RapidOCR(
            params={
                "Global.log_level": "error",
                "Global.use_cls": False,  # the reader turns pages upright itself
                "Global.return_word_box": True,
                "Det.limit_type": "max",
                "Det.limit_side_len": 1280,
                "EngineConfig.onnxruntime.intra_op_num_threads": 1,
                "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            }
        )

    def recognise(self, image: np.ndarray, *, dpi: int, timeout_s: float) -> list[RecognisedWord]:
        """Return the words of ``image`` (``timeout_s`` is enforced by the child's CPU limit)."""
        try:
            result = self._ocr(cv2.cvtColor(image, cv2.COLOR_GRAY2BGR))
        except Exception as error:  # onnxruntime wraps its own failures in its own types
            if "bad_alloc" in str(error):
                # Needs ~2 GB of address space: below that it is the memory limit speaking.
                raise MemoryError("rapidocr ran out of memory") from None
            raise DocumentError(f"OCR failed: rapidocr said {str(error)[:200]!r}") from None
        words = []
        for line in getattr(result, "word_results", None) or ():
            found = [(str(t).strip(), float(c), p) for t, c, p in line if str(t).strip()]
            if not found:
                continue
            top, bottom = _font_box(
                " ".join(t for t, _, _ in found),
                min(float(p[1]) for _, _, points in found for p in points),
                max(float(p[1]) for _, _, points in found for p in points),
            )
            for text, score, points in found:
                xs, ys = [float(p[0]) for p in points], [float(p[1]) for p in points]
                words.append(
                    RecognisedWord(text, min(xs), top, max(xs), bottom, score, min(ys), max(ys))
                )
        return words


def engine_available(name: str) -> bool:
    """Return whether engine ``name`` can run here (binary and language data, or the wheel)."""
    if name == "tesseract":
        return shutil.which("tesseract") is not None
    if name == "rapidocr":
        try:
            import onnxruntime  # noqa: F401
            import rapidocr  # noqa: F401
        except ImportError:
            return False
        return True
    return False


def installed_languages(binary: str, languages: str) -> str:
    """Return those of ``languages`` whose model tesseract has, English when none is."""
    listed = subprocess.run(
        [binary, "--list-langs"], capture_output=True, text=True, timeout=10, check=False
    ).stdout.split()
    have = [language for language in languages.split("+") if language in listed]
    return "+".join(have) or "eng"


def _tesseract(languages: str) -> OcrEngine:
    """Return tesseract in-process when its library loads, else its command line."""
    binary = shutil.which("tesseract")
    assert binary is not None
    have = installed_languages(binary, languages)
    api = load_api(have) if os.environ.get("TRIAGE_OCR_TESSERACT_CLI") != "1" else None
    return TesseractEngine(binary, have) if api is None else TesseractLibraryEngine(api, have)


def load_engine(name: str, languages: str = "eng") -> OcrEngine | None:
    """Return engine ``name`` (``auto``: tesseract, else rapidocr), or None if none can run;
    tesseract reads ``languages`` (those installed of them)."""
    for candidate in ENGINES if name == "auto" else (name,):
        if not engine_available(candidate):
            continue
        if candidate == "tesseract":
            return _tesseract(languages)
        return RapidOcrEngine()
    return None
