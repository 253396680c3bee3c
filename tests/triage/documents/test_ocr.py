"""OCR in the sandboxed reader: scans read into the same ParsedDocument shape, upright,
with confidences that reach the fields, ink signatures, garbage text layers and limits.

The scans are committed (tests/data/scans, made by its build_scans.py from two sample
orders); their truth is the samples' labels, copied beside them.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Iterator
from pathlib import Path

import pytest

from triage.documents.ocr import OcrOptions, text_layer_usable
from triage.documents.ocr.confidence import recognition_ceiling
from triage.documents.ocr.engines import engine_available
from triage.documents.parsed import ParsedDocument, TextLine, Word
from triage.documents.reader import parse_pdf
from triage.documents.sandbox import SandboxedReader
from triage.documents.scans import Degradation, scan_pdf
from triage.errors import LimitExceeded
from triage.extraction import OrderExtractor

DATA = Path(__file__).resolve().parents[2] / "data"
SCANS = DATA / "scans"
TRUTH = json.loads((SCANS / "truth.json").read_text())
MODELS = Path(__file__).resolve().parents[3] / "models"

pytestmark = pytest.mark.skipif(
    not engine_available("tesseract"), reason="tesseract-ocr is not installed (make test does)"
)


@pytest.fixture(scope="module")
def reader() -> Iterator[SandboxedReader]:
    with SandboxedReader(workers=1, ocr=OcrOptions(engine="tesseract")) as r:
        yield r


@pytest.fixture(scope="module")
def extractor() -> OrderExtractor:
    return OrderExtractor.load(MODELS)


@pytest.fixture(scope="module")
def signed_scan(reader: SandboxedReader) -> ParsedDocument:
    return _read(reader, "signed_scan.pdf")


def _read(reader: SandboxedReader, name: str) -> ParsedDocument:
    return reader.read((SCANS / name).read_bytes(), filename=name)


def _words(document: ParsedDocument, text: str) -> list[Word]:
    return [w for page in document.pages for w in page.words if w.text == text]


def test_scanned_order_is_read_into_words_at_their_text_layer_places(
    signed_scan: ParsedDocument,
) -> None:
    scanned = signed_scan
    original = parse_pdf(
        (DATA.parents[1] / "samples" / "cases" / "case-0002" / "order.pdf").read_bytes(),
        "order.pdf",
        max_pages=10,
    )
    assert [page.source for page in scanned.pages] == ["ocr", "ocr"]
    assert any("read by OCR (tesseract)" in warning for warning in scanned.warnings)
    number = TRUTH["case-0002"]["fields"]["order_number"]
    ocr_word, text_word = _words(scanned, number)[0], _words(original, number)[0]
    # The scan is skewed 1.5 degrees and levelled again: a few points of drift at most.
    assert all(abs(a - b) < 8 for a, b in zip(ocr_word.bbox, text_word.bbox, strict=True))
    assert 0.5 < ocr_word.confidence < 1.0


def test_fields_of_a_degraded_scan_match_the_truth(
    signed_scan: ParsedDocument, extractor: OrderExtractor
) -> None:
    case = TRUTH["case-0002"]
    extraction = extractor.extract(signed_scan, country=case["country"])
    for name in ("order_number", "customer_legal_name", "start_date", "po_number"):
        assert str(getattr(extraction.fields, name).value) == str(case["fields"][name]), name
    signatory = extraction.fields.customer_signatory
    assert signatory.value == case["fields"]["customer_signatory"]  # the ink scribble signed it


def test_scanned_signature_page_without_ink_is_unsigned(
    reader: SandboxedReader, extractor: OrderExtractor
) -> None:
    document = _read(reader, "unsigned_signature_page.pdf")
    assert [page.source for page in document.pages] == ["text", "ocr"]
    extraction = extractor.extract(document, country=TRUTH["case-0002"]["country"])
    # The name and date are printed, but nobody signed: the signature rule will fire.
    assert extraction.fields.customer_signatory.value is None
    assert extraction.fields.order_number.value == TRUTH["case-0002"]["fields"]["order_number"]


def test_sideways_scan_is_turned_upright(
    reader: SandboxedReader, extractor: OrderExtractor
) -> None:
    document = _read(reader, "sideways_scan.pdf")
    [page] = document.pages
    assert page.rotation in (90, 270) and page.width < page.height
    case = TRUTH["case-0001"]
    extraction = extractor.extract(document, country=case["country"])
    assert extraction.fields.order_number.value == case["fields"]["order_number"]


def test_garbage_text_layer_is_judged_unusable_and_read_by_ocr(reader: SandboxedReader) -> None:
    pdf = (SCANS / "garbage_text_layer.pdf").read_bytes()
    own = parse_pdf(pdf, "garbage.pdf", max_pages=5)
    assert own.pages[0].words and not text_layer_usable(own.pages[0].words)
    document = reader.read(pdf, filename="garbage.pdf")
    assert document.pages[0].source == "ocr"
    assert any("unreadable text layer" in warning for warning in document.warnings)
    assert _words(document, TRUTH["case-0001"]["fields"]["order_number"])


def test_real_text_layers_are_usable() -> None:
    pdf = (DATA.parents[1] / "samples" / "cases" / "case-0001" / "order.pdf").read_bytes()
    for page in parse_pdf(pdf, "order.pdf", max_pages=5).pages:
        assert text_layer_usable(page.words)


def test_ocr_never_leaves_a_scan_unread() -> None:
    with SandboxedReader(workers=1, ocr=OcrOptions(mode="never")) as never:
        document = never.read((SCANS / "sideways_scan.pdf").read_bytes(), filename="s.pdf")
    assert document.pages[0].source == "text" and not document.pages[0].words
    assert "page 1 has no text layer" in document.warnings


def test_more_scanned_pages_than_the_ocr_limit_is_a_clear_error() -> None:
    pdf = (DATA / "mangled" / "scanned_1000_pages.pdf").read_bytes()
    big = SandboxedReader(workers=1, max_pages=2000, ocr=OcrOptions(max_pages=30))
    with big, pytest.raises(LimitExceeded, match="1000 pages need OCR") as caught:
        big.read(pdf, filename="scan.pdf")
    assert caught.value.limit == "ocr_max_pages"


def test_a_doubtful_recognised_digit_caps_the_fields_confidence(
    signed_scan: ParsedDocument, extractor: OrderExtractor
) -> None:
    document = signed_scan
    number = TRUTH["case-0002"]["fields"]["order_number"]
    sure = extractor.extract(document).fields.order_number.confidence
    doubtful = dataclasses.replace(
        document,
        pages=tuple(
            dataclasses.replace(
                page,
                lines=tuple(
                    TextLine(
                        tuple(
                            dataclasses.replace(w, confidence=0.55) if w.text == number else w
                            for w in line.words
                        )
                    )
                    for line in page.lines
                ),
            )
            for page in document.pages
        ),
    )
    field = extractor.extract(doubtful).fields.order_number
    assert field.value == number
    assert field.confidence <= 0.6 < sure


def _read_by(document: ParsedDocument, recogniser: str) -> ParsedDocument:
    pages = tuple(dataclasses.replace(page, recogniser=recogniser) for page in document.pages)
    return dataclasses.replace(document, pages=pages)


def test_a_name_read_without_accents_by_the_english_model_is_capped(
    signed_scan: ParsedDocument, extractor: OrderExtractor
) -> None:
    # Tesseract's English model cannot write "á": its plain "Tanaka" may be a "Tánaka", as
    # often as the generator's signatories have accents (the fitted ceiling).
    ceiling = extractor.accents.ceilings["customer_signatory"]
    assert {page.recogniser for page in signed_scan.pages} == {"tesseract eng"}
    blind = extractor.extract(signed_scan).fields.customer_signatory
    assert blind.value == TRUTH["case-0002"]["fields"]["customer_signatory"]
    assert blind.confidence <= ceiling < 0.9
    # A recogniser with accented letters would have written them: its reading is not capped;
    # nor is a field whose values never have accents (the order number).
    seeing = extractor.extract(_read_by(signed_scan, "tesseract eng+spa")).fields
    assert seeing.customer_signatory.confidence > ceiling
    assert extractor.extract(signed_scan).fields.order_number.confidence > ceiling


def test_an_accented_reading_is_not_capped_by_the_accent_ceiling(
    extractor: OrderExtractor,
) -> None:
    assert extractor.accents("customer_signatory", "Tomás Ortega") == 1.0
    assert extractor.accents("customer_signatory", "Tomas Ortega") < 0.9
    assert extractor.accents("order_number", "ORD-2027-4417") == 1.0


def test_text_layer_words_do_not_cap_confidence() -> None:
    assert recognition_ceiling([Word("Net", 0, 0, 1, 1)]) == 1.0
    assert recognition_ceiling([Word("3O", 0, 0, 1, 1, 0.4), Word("days", 0, 0, 1, 1, 0.9)]) == 0.4


def test_a_doubtful_digit_goes_below_the_straight_through_line_a_doubtful_letter_not() -> None:
    # The same recognition confidence: a name with a doubtful letter keeps a small margin,
    # an amount with a doubtful digit does not, and so goes to review (< 0.9).
    assert recognition_ceiling([Word("Gallagher", 0, 0, 1, 1, 0.87)]) >= 0.9
    assert recognition_ceiling([Word("13,125.00", 0, 0, 1, 1, 0.87)]) < 0.9


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """Share of the smaller box inside the other."""
    wide = min(a[2], b[2]) - max(a[0], b[0])
    tall = min(a[3], b[3]) - max(a[1], b[1])
    if wide <= 0 or tall <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return wide * tall / smaller


def _text_layer_evidence(case: str, name: str, extractor: OrderExtractor) -> tuple[int, tuple]:
    pdf = (DATA.parents[1] / "samples" / "cases" / case / "order.pdf").read_bytes()
    document = parse_pdf(pdf, "order.pdf", max_pages=10)
    [evidence] = (
        extractor.extract(document, country=TRUTH[case]["country"]).fields.get(name).evidence[:1]
    )
    return evidence.page, tuple(evidence.bbox)


def test_ocr_evidence_says_so_and_lies_where_the_sideways_scan_shows_it(
    reader: SandboxedReader, extractor: OrderExtractor
) -> None:
    document = _read(reader, "sideways_scan.pdf")
    extraction = extractor.extract(document, country=TRUTH["case-0001"]["country"])
    [evidence] = extraction.fields.order_number.evidence[:1]
    assert evidence.source == "ocr"
    assert '"source":"ocr"' in extraction.model_dump_json()
    page, (x0, top, x1, bottom) = _text_layer_evidence("case-0001", "order_number", extractor)
    # The scan holds the portrait page turned a quarter clockwise (a landscape image): the
    # text-layer point (x, y) is drawn at (H - y, x) of the page as the PDF shows it.
    portrait_height = document.pages[0].height  # the upright page is the portrait one
    expected = (portrait_height - bottom, x0, portrait_height - top, x1)
    assert evidence.page == page
    assert _overlap(evidence.bbox, expected) > 0.6, (evidence.bbox, expected)


def test_ocr_evidence_of_a_skewed_scan_follows_the_skew(
    signed_scan: ParsedDocument, extractor: OrderExtractor
) -> None:
    extraction = extractor.extract(signed_scan, country=TRUTH["case-0002"]["country"])
    [evidence] = extraction.fields.customer_signatory.evidence[:1]
    page, box = _text_layer_evidence("case-0002", "customer_signatory", extractor)
    width, height = signed_scan.pages[page - 1].width, signed_scan.pages[page - 1].height
    # The scan was turned 1.5 degrees counter-clockwise about the page's centre.
    angle = math.radians(1.5)
    corners = []
    for x in (box[0], box[2]):
        for y in (box[1], box[3]):
            dx, dy = x - width / 2, y - height / 2
            corners.append(
                (
                    width / 2 + math.cos(angle) * dx + math.sin(angle) * dy,
                    height / 2 - math.sin(angle) * dx + math.cos(angle) * dy,
                )
            )
    drawn = (
        min(c[0] for c in corners),
        min(c[1] for c in corners),
        max(c[0] for c in corners),
        max(c[1] for c in corners),
    )
    assert evidence.source == "ocr" and evidence.page == page
    assert _overlap(evidence.bbox, drawn) > 0.6, (evidence.bbox, drawn)
    # Levelled, the words themselves are where the text layer has them, not where drawn.
    first = evidence.text.split()[0]
    tops = [w.top for w in signed_scan.pages[page - 1].words if w.text == first]
    assert min(abs(top - box[1]) for top in tops) < 4 < abs(drawn[1] - box[1])


def test_text_layer_evidence_leaves_the_source_out_of_the_json(extractor: OrderExtractor) -> None:
    pdf = (DATA.parents[1] / "samples" / "cases" / "case-0001" / "order.pdf").read_bytes()
    extraction = extractor.extract(parse_pdf(pdf, "order.pdf", max_pages=10))
    assert extraction.fields.order_number.evidence[0].source == "text"
    assert '"source":"text"' not in extraction.model_dump_json()


@pytest.mark.parametrize("quarter", [180, 270])
def test_ocr_evidence_lies_where_a_turned_scan_shows_it(
    quarter: int, extractor: OrderExtractor
) -> None:
    pdf = (DATA.parents[1] / "samples" / "cases" / "case-0001" / "order.pdf").read_bytes()
    spoil = Degradation(dpi=150, turned_page=1, turn=quarter, jpeg_quality=75)
    scan = scan_pdf(pdf, spoil=spoil, seed=5)
    document = parse_pdf(scan, "scan.pdf", max_pages=5, ocr=OcrOptions(engine="tesseract"))
    extraction = extractor.extract(document, country=TRUTH["case-0001"]["country"])
    [evidence] = extraction.fields.order_number.evidence[:1]
    _, (x0, top, x1, bottom) = _text_layer_evidence("case-0001", "order_number", extractor)
    width, height = document.pages[0].width, document.pages[0].height  # upright: portrait
    # Turned clockwise by ``quarter`` (PIL's rotate(-quarter)): where (x, y) is drawn.
    if quarter == 180:
        expected = (width - x1, height - bottom, width - x0, height - top)
    else:  # 270 clockwise: (x, y) -> (y, W - x) on a page H wide and W tall
        expected = (top, width - x1, bottom, width - x0)
    assert evidence.source == "ocr"
    assert _overlap(evidence.bbox, expected) > 0.6, (evidence.bbox, expected)
