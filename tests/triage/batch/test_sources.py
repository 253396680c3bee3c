"""A batch reads its cases from a folder or from a JSONL/CSV manifest."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import fsspec
import pytest

from triage.batch import list_case_refs, read_case
from triage.errors import InputError


def test_a_folder_lists_its_cases_in_name_order(case_folder: Path) -> None:
    refs = list_case_refs(case_folder)
    assert [r.case for r in refs] == [f"case-000{i}" for i in range(1, 7)]
    raw = read_case(next(iter(refs)))
    assert raw.pdf.startswith(b"%PDF-") and raw.filename == "order.pdf"
    assert raw.inputs().quote.quote_id


def test_a_jsonl_manifest_takes_relative_paths_and_inline_json(
    case_folder: Path, tmp_path: Path
) -> None:
    case = case_folder / "case-0002"
    customer = json.loads((case / "customer.json").read_text())
    (tmp_path / "order.pdf").write_bytes((case / "order.pdf").read_bytes())
    rows = [
        {"case": "b", "pdf": "order.pdf", "quote": str(case / "quote.json"), "customer": customer},
        {
            "case": "a",
            "pdf": str(case / "order.pdf"),
            "quote": str(case / "quote.json"),
            "customer": str(case / "customer.json"),
        },
    ]
    manifest = tmp_path / "backlog.jsonl"
    manifest.write_text("".join(json.dumps(r) + "\n" for r in rows))
    refs = list_case_refs(manifest)
    assert [r.case for r in refs] == ["b", "a"]  # the manifest's order, not sorted
    first, second = (read_case(r).inputs() for r in refs)
    assert first.pdf == second.pdf and first.customer == second.customer


def test_a_csv_manifest_reads_fsspec_urls(case_folder: Path, tmp_path: Path) -> None:
    case = case_folder / "case-0003"
    with fsspec.open("memory://backlog/order-7.pdf", "wb") as handle:
        handle.write((case / "order.pdf").read_bytes())
    manifest = tmp_path / "backlog.csv"
    manifest.write_text(
        "case,pdf,quote,customer\n"
        f"order-7,memory://backlog/order-7.pdf,{case / 'quote.json'},{case / 'customer.json'}\n"
    )
    (ref,) = list_case_refs(manifest)
    raw = read_case(ref)
    assert raw.pdf == (case / "order.pdf").read_bytes() and raw.filename == "order-7.pdf"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"case": "a", "pdf": "x.pdf", "quote": "q", "customer": "c", "prio": 1}\n', "prio"),
        ('{"case": "a", "pdf": "x.pdf", "quote": "q"}\n', "customer: missing"),
        ('{"case": "a", "pdf": "x", "quote": "q", "customer": "c"}\n' * 2, "appears twice"),
        ("not json\n", ":1: not JSON"),
        ("\n", "lists no cases"),
    ],
)
def test_a_bad_manifest_is_refused_naming_the_problem(
    tmp_path: Path, text: str, message: str
) -> None:
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(text)
    with pytest.raises(InputError, match=message):
        list_case_refs(manifest)


def test_a_missing_pdf_is_an_input_error_naming_the_file(tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    row = {"case": "a", "pdf": "gone.pdf", "quote": "{}", "customer": "{}"}
    manifest.write_text(json.dumps(row) + "\n")
    with pytest.raises(InputError, match=r"gone\.pdf: no such file"):
        read_case(next(iter(list_case_refs(manifest))))


def test_a_manifest_is_streamed_not_held(case_folder: Path, tmp_path: Path) -> None:
    # 2,000 rows checked once, then read again on each pass: what stays in memory between
    # passes is a count, not 2,000 refs (a list of them held about 1.2 MB).
    case = case_folder / "case-0001"
    paths = {name: str(case / name) for name in ("order.pdf", "quote.json", "customer.json")}
    row = {
        "pdf": paths["order.pdf"],
        "quote": paths["quote.json"],
        "customer": paths["customer.json"],
    }
    manifest = tmp_path / "backlog.jsonl"
    manifest.write_text("".join(json.dumps({"case": f"o-{i}", **row}) + "\n" for i in range(2000)))
    list_case_refs(manifest)  # first use: lazy imports and caches, not the source's
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        refs = list_case_refs(manifest)
        kept = tracemalloc.get_traced_memory()[0] - start
    finally:
        tracemalloc.stop()
    assert len(refs) == 2000 and kept < 20_000
    assert [r.case for r in refs][-2:] == ["o-1998", "o-1999"]
    assert sum(1 for _ in refs) == 2000  # every pass reads the whole manifest again
