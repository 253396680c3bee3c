"""Documents that once broke the extractor, kept so they never break it again."""

from __future__ import annotations

import json
from pathlib import Path

from triage.documents.reader import parse_pdf
from triage.extraction import OrderExtractor
from triage.samples.writer import write_case


def test_a_date_under_the_discount_column_after_the_totals_is_not_a_line_item(
    extractor: OrderExtractor, tmp_path: Path
) -> None:
    # Generated case 229 of seed 4242: a ramp table whose signature block below the totals
    # lines up with the discount column, so a signing date sat in the "discount" cell.
    case = write_case(tmp_path, 4242, 228)
    document = parse_pdf((case / "order.pdf").read_bytes(), "order.pdf", max_pages=50)
    extraction = extractor.extract(document, country="US")
    labels = json.loads((case / "labels.json").read_text())
    read = [
        (i.sku, i.quantity, i.start_date and i.start_date.isoformat())
        for i in extraction.line_items
    ]
    expected = [(i["sku"], i["quantity"], i["start_date"]) for i in labels["line_items"]]
    assert read == expected
    assert all(0 <= (i.discount_pct or 0) <= 100 for i in extraction.line_items)
