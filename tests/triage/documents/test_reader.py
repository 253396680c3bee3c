"""parse_pdf: words, boxes (checked against pdfplumber), lines, rulings and warnings."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.triage.documents.pdfplumber_words import unmatched_words
from triage.documents.reader import parse_pdf
from triage.documents.specimen import render_order_form
from triage.errors import DocumentError, EncryptedDocument, LimitExceeded

DATA = Path(__file__).resolve().parents[2] / "data"
CUAD = sorted((DATA / "cuad").glob("*.pdf"))


def _transformed(pdf: bytes, rotation: int, mediabox: tuple[float, ...] | None) -> bytes:
    document = pdfium.PdfDocument(pdf)
    for page in document:
        if mediabox:
            page.set_mediabox(*mediabox)
            page.set_cropbox(mediabox[0] + 20, mediabox[1] + 30, mediabox[2] - 20, mediabox[3])
        page.set_rotation(rotation)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_word_of_a_rendered_order_matches_pdfplumber(seed: int) -> None:
    pdf = render_order_form(seed)
    total, misses = unmatched_words(parse_pdf(pdf, "order.pdf", max_pages=10), pdf)
    assert total > 900
    assert misses == []


@pytest.mark.parametrize(
    ("rotation", "mediabox"),
    [(90, None), (180, None), (270, None), (0, (-50, 100, 562, 892)), (90, (30, -40, 642, 752))],
)
def test_rotated_and_offset_pages_keep_pdfplumber_coordinates(
    rotation: int, mediabox: tuple[float, ...] | None
) -> None:
    pdf = _transformed(render_order_form(5, pages=1), rotation, mediabox)
    total, misses = unmatched_words(parse_pdf(pdf, "order.pdf", max_pages=10), pdf)
    assert total > 200
    assert misses == []


@pytest.mark.parametrize("path", CUAD, ids=lambda p: p.stem)
def test_words_of_real_contracts_match_pdfplumber(path: Path) -> None:
    pdf = path.read_bytes()
    total, misses = unmatched_words(parse_pdf(pdf, path.name, max_pages=50), pdf)
    assert total > 300
    assert len(misses) <= 0.01 * total, misses[:5]


def test_lines_read_top_to_bottom_left_to_right() -> None:
    document = parse_pdf(render_order_form(3), "order.pdf", max_pages=10)
    first = document.pages[0]
    assert first.lines[0].text == "Order Form Q-2026-00003"
    assert first.lines[1].text == "Northwind Software Inc. and Acme Corporation Page 1 of 3"
    assert first.lines[2].text == "SKU Description Qty Unit Price Net"
    tops = [line.bbox[1] for line in first.lines]
    assert tops == sorted(tops)
    assert "Customer signature Date: 2027-01-" in document.pages[2].text


def test_table_borders_and_signature_line_become_rulings() -> None:
    page = parse_pdf(render_order_form(4), "order.pdf", max_pages=10).pages[0]
    horizontal = [r for r in page.rulings if r.bottom - r.top < 1 and r.x1 - r.x0 > 100]
    vertical = [r for r in page.rulings if r.x1 - r.x0 < 1 and r.bottom - r.top > 20]
    assert len(vertical) == 6
    assert len(horizontal) >= 5
    signature = [r for r in horizontal if abs(r.top - (792 - 110)) < 1]
    assert signature
    assert (signature[0].x0, signature[0].x1) == pytest.approx((72, 260))


def test_document_carries_sha256_filename_and_page_sizes() -> None:
    pdf = render_order_form(1)
    document = parse_pdf(pdf, "signed.pdf", max_pages=10)
    assert document.sha256 == hashlib.sha256(pdf).hexdigest()
    assert document.filename == "signed.pdf"
    assert [(p.number, p.width, p.height) for p in document.pages] == [
        (n, 612.0, 792.0) for n in (1, 2, 3)
    ]
    assert document.warnings == ()


def test_scanned_page_is_flagged_and_yields_no_words() -> None:
    pdf = (DATA / "mangled" / "scanned_page_2.pdf").read_bytes()
    document = parse_pdf(pdf, "scan.pdf", max_pages=10)
    assert [p.has_text_layer for p in document.pages] == [True, False, True]
    assert document.pages[1].lines == ()
    assert document.warnings == ("page 2 has no text layer",)


def test_more_pages_than_allowed_is_refused_before_reading() -> None:
    pdf = render_order_form(1, pages=3)
    with pytest.raises(LimitExceeded) as caught:
        parse_pdf(pdf, "order.pdf", max_pages=2)
    assert caught.value.limit == "max_pages"
    assert "3 pages" in caught.value.detail


@pytest.mark.parametrize(
    ("name", "error", "message"),
    [
        ("zero_pages.pdf", DocumentError, "no pages"),
        ("plain_text.pdf", DocumentError, "not a PDF"),
        ("encrypted_user_password.pdf", EncryptedDocument, "password"),
        ("kids_self_loop.pdf", DocumentError, "could be read"),
    ],
)
def test_unreadable_documents_raise_a_clear_error(
    name: str, error: type[DocumentError], message: str
) -> None:
    with pytest.raises(error, match=message):
        parse_pdf((DATA / "mangled" / name).read_bytes(), name, max_pages=10)


def test_truncated_order_is_read_as_far_as_possible_with_a_warning() -> None:
    pdf = render_order_form(7)
    document = parse_pdf(pdf[: int(len(pdf) * 0.98)], "cut.pdf", max_pages=10)
    assert document.page_count == 3
    assert any("truncated" in w for w in document.warnings)
    assert "Order Form Q-2026-00007" in document.text
