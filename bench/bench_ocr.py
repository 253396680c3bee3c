"""Benchmark OCR: scans made in the run from text-layer order forms, read back and scored.

Run ``.venv/bin/python bench/bench_ocr.py [--cases N] [--dpi D] [--rapidocr N]`` (``--cases N``:
the first N cases of each layout family). For each order form
(the committed samples in samples/cases, and every 4th case of ../shared/data/foreign-orders
when present) it renders every page at 150-300 dpi, degrades it (skew up to 3 degrees,
blur, noise, uneven light, JPEG, one page fed sideways or upside down in some), replaces the
customer's typed ``/s/`` signature with an ink-like scribble, and rebuilds an image-only PDF.
Signed forms are also rebuilt as "digital pages + one scanned signature page", once signed
and once blank (no scribble), to score the ink-signature decision. Prints:

- field accuracy on the scans as a ratio to the same documents' text-layer accuracy;
- the share of right values among those with confidence >= 0.9 (scans);
- signature present / absent accuracy on the scanned signature pages;
- OCR time per page beside the text-layer read time of the same pages (same process), and
  beside bare tesseract's command line on the same pages (the machine's own OCR speed);
- peak memory of a sandboxed reader child doing OCR;
- the same accuracy and time for rapidocr on the first ``--rapidocr`` cases (engine choice);
- touchless: the share of clean orders (no injected exception) decided "pass" through the
  whole pipeline (rules, risk, policy), read from the text layer, as a full scan, and as
  "digital pages + one scanned, signed signature page".
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# As ``triage serve`` does, before numpy loads: a spawned reader child imports this script
# again, and the extractor's libraries with it; with a BLAS thread per core they reserve
# ~200 MB more of its address space (parse_memory_mb), which a served child never pays.
from triage.workers.limits import SINGLE_THREADED  # noqa: E402  (loads no numpy)

for _variable in SINGLE_THREADED:
    os.environ.setdefault(_variable, "1")

from triage.comparison import RulePack  # noqa: E402
from triage.config import get_settings  # noqa: E402
from triage.contract import Customer, Extraction, Quote  # noqa: E402
from triage.documents.ocr import OcrOptions, _engine  # noqa: E402
from triage.documents.ocr.engines import engine_available  # noqa: E402
from triage.documents.parsed import ParsedDocument  # noqa: E402
from triage.documents.reader import parse_pdf  # noqa: E402
from triage.documents.sandbox import RAPIDOCR_MEMORY_MB, SandboxedReader  # noqa: E402
from triage.documents.scans import Degradation, replace_page, scan_pdf, signing_mark  # noqa: E402
from triage.errors import DocumentError  # noqa: E402
from triage.extraction import OrderExtractor  # noqa: E402
from triage.pipeline import check_extraction  # noqa: E402
from triage.routing import RoutingPolicy  # noqa: E402
from triage.scoring.scorer import load_promoted_scorer  # noqa: E402

FOREIGN = ROOT.parent / "shared" / "data" / "foreign-orders"
MISSES = 15  # wrong values listed (``--misses``)


@dataclass
class Case:
    """One order form with the truth of its fields."""

    name: str
    pdf: bytes
    truth: dict[str, Any]
    country: str | None
    lines: list[dict[str, Any]] = field(default_factory=list)
    folder: Path | None = None
    clean: bool = False  # no exception injected: a perfect reading passes it


@dataclass
class Score:
    """Running totals of one reading mode."""

    right: int = 0
    total: int = 0
    sure: int = 0
    sure_right: int = 0
    pages: int = 0
    seconds: float = 0.0
    lines_found: int = 0
    lines_total: int = 0
    cpu: float = 0.0
    misses: list[str] = field(default_factory=list)
    sure_misses: list[str] = field(default_factory=list)
    by_family: dict[str, list[int]] = field(default_factory=dict)
    wrong_fields: dict[str, int] = field(default_factory=dict)

    def accuracy(self) -> float:
        """Return the share of right field values."""
        return self.right / max(self.total, 1)

    def line_recall(self) -> float:
        """Return the share of truth line items read with quantity and net amount right."""
        return self.lines_found / max(self.lines_total, 1)


def _cases(limit: int | None) -> list[Case]:
    found = []
    for folder in sorted((ROOT / "samples" / "cases").iterdir()):
        labels = json.loads((folder / "labels.json").read_text())
        found.append(
            Case(
                folder.name,
                (folder / "order.pdf").read_bytes(),
                labels["fields"],
                labels["country"],
                labels["line_items"],
                folder,
                not labels["expected_codes"],
            )
        )
    if FOREIGN.is_dir():
        for folder in sorted(p for p in FOREIGN.iterdir() if p.is_dir())[::4]:
            truth = json.loads((folder / "truth.json").read_text())
            country = json.loads((folder / "customer.json").read_text()).get("country")
            pdf = (folder / "order.pdf").read_bytes()
            lines, clean = truth.get("lines", []), truth.get("expected_code") is None
            found.append(Case(folder.name, pdf, truth, country, lines, folder, clean))
    if not limit:
        return found
    kept: dict[str, int] = {}
    chosen = []
    for case in found:
        kept[family(case.name)] = kept.get(family(case.name), 0) + 1
        if kept[family(case.name)] <= limit:
            chosen.append(case)
    return chosen


def _same(name: str, got: Any, want: Any) -> bool:
    if got is None or want is None:
        return got is None and want is None
    numbers = (int, float, Decimal)
    if isinstance(want, bool) or isinstance(got, bool):
        return bool(got) == bool(want) and type(got) is type(want)
    if name == "total_contract_value" or (isinstance(want, numbers) and isinstance(got, numbers)):
        # 5.0 % read is the 5 % of the truth: numbers compare as numbers, not as text.
        try:
            return Decimal(str(got)) == Decimal(str(want))
        except InvalidOperation:
            return False
    return str(got).strip().casefold() == str(want).strip().casefold()


def _amount(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)).quantize(Decimal("0.01")) if value is not None else None
    except InvalidOperation:
        return None


def family(name: str) -> str:
    """Return the layout family of a case: the product's own generator, or a foreign one."""
    return "own" if name.startswith("case-") else name.rstrip("0123456789")


def _score(score: Score, case: Case, extraction: Any) -> None:
    got = [(item.quantity, _amount(item.net_amount)) for item in extraction.line_items]
    for line in case.lines:
        score.lines_total += 1
        key = (line.get("quantity"), _amount(line.get("net_amount")))
        if key in got:
            got.remove(key)
            score.lines_found += 1
    fields = extraction.fields
    for name, want in case.truth.items():
        found = getattr(fields, name, None)
        if found is None or name in ("lines", "injected", "expected_code"):
            continue
        right = _same(name, found.value, want)
        score.total += 1
        score.right += right
        tally = score.by_family.setdefault(family(case.name), [0, 0])
        tally[0] += right
        tally[1] += 1
        if not right:
            score.wrong_fields[name] = score.wrong_fields.get(name, 0) + 1
        if found.confidence >= 0.9:
            score.sure += 1
            score.sure_right += right
        if not right:
            score.misses.append(f"{case.name}.{name}: {found.value!r} != {want!r}")
            if found.confidence >= 0.9:
                miss = f"{case.name}.{name}: {found.value!r} != {want!r} ({found.confidence})"
                score.sure_misses.append(miss)


def _spoil(seed: int, pages: int) -> Degradation:
    rng = random.Random(seed)
    turned = rng.randint(1, pages) if rng.random() < 0.3 else None
    return Degradation(
        dpi=rng.choice((150, 200, 200, 300)),
        skew=rng.uniform(-3.0, 3.0),
        blur=rng.uniform(0.0, 1.0),
        noise=rng.uniform(0.0, 10.0),
        uneven_light=rng.uniform(0.0, 0.3),
        jpeg_quality=rng.randint(55, 85),
        turned_page=turned,
        turn=rng.choice((90, 180, 270)),
    )


@dataclass
class Router:
    """The stages after extraction (rules, risk, policy), to tell which orders pass
    straight through; counts, per reading, the clean orders decided "pass"."""

    rules: Any
    scorer: Any
    policy: Any
    passed: dict[str, list[int]] = field(default_factory=dict)
    held: list[str] = field(default_factory=list)

    @classmethod
    def load(cls) -> Router:
        """Return the router of the default rule pack, policy and promoted risk model."""
        settings = get_settings()
        return cls(
            RulePack.load(settings.rules_dir / f"{settings.rule_pack}.yaml"),
            load_promoted_scorer(settings.models_dir),
            RoutingPolicy.load(settings.rules_dir / f"{settings.policy}.yaml"),
        )

    def count(self, reading: str, case: Case, extraction: Extraction) -> None:
        """Count ``case`` read as ``reading`` if it is clean: passed or not."""
        if not case.clean or case.folder is None:
            return
        quote = Quote.model_validate_json((case.folder / "quote.json").read_text())
        customer = Customer.model_validate_json((case.folder / "customer.json").read_text())
        result = check_extraction(
            extraction, quote, customer, parts=self, order_id=case.name, extractor_version=None
        )
        tally = self.passed.setdefault(reading, [0, 0])
        tally[0] += result.decision == "pass"
        tally[1] += 1
        if result.decision != "pass":
            codes = sorted({e.code for e in result.exceptions}) or result.reasons[:1]
            self.held.append(f"{case.name} ({reading}): {', '.join(map(str, codes))}")

    def report(self) -> str:
        """Return the touchless line: clean orders passed per reading."""
        shares = [f"{name} {p}/{n}" for name, (p, n) in self.passed.items()]
        held = "".join(f"\n    held: {line}" for line in self.held[:MISSES])
        return "touchless (clean orders decided pass): " + ", ".join(shares) + held


def _cpu() -> float:
    """Return the CPU seconds of this process and its finished children (tesseract runs as
    one): one core's time, whatever else the machine is doing."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _read(pdf: bytes, engine: str, dpi: int) -> tuple[ParsedDocument, float, float]:
    """Return the document read with OCR at ``dpi``, its wall seconds and CPU seconds."""
    started, cpu = time.perf_counter(), _cpu()
    # A generous wall-clock limit: a busy machine must not turn a slow page into an error.
    options = OcrOptions(engine=engine, dpi=dpi, page_timeout_s=300.0)
    document = parse_pdf(pdf, "scan.pdf", max_pages=200, ocr=options)
    return document, time.perf_counter() - started, _cpu() - cpu


def _signature_page(extraction: Any) -> tuple[int, tuple[float, ...]] | None:
    evidence = extraction.fields.customer_signatory.evidence
    return (evidence[0].page, tuple(evidence[0].bbox)) if evidence else None


def _child_peak_mb(scans: list[bytes], engine: str) -> tuple[float, float]:
    """Return the peak RSS and peak address space (what ``parse_memory_mb`` limits) of a
    sandboxed reader child that OCRs ``scans``."""
    # rapidocr (onnxruntime) needs about 2 GB of address space; tesseract runs in the default.
    memory_mb = RAPIDOCR_MEMORY_MB if engine == "rapidocr" else get_settings().parse_memory_mb
    reader = SandboxedReader(memory_mb=memory_mb, workers=1, ocr=OcrOptions(engine=engine))
    with reader:
        for scan in scans:
            try:
                reader.read(scan, filename="scan.pdf")
            except DocumentError as error:
                print(f"  ({engine} child: {error})")
        pid = reader.worker_pids()[0]
        status = dict(
            line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
        )
    peak, space = (int(status[key].split()[0]) / 1024 for key in ("VmHWM", "VmPeak"))
    return peak, space


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--cases", type=int, default=None, help="only the first N cases of each layout family"
    )
    parser.add_argument("--rapidocr", type=int, default=4, help="cases also read by rapidocr")
    parser.add_argument("--dpi", type=int, default=OcrOptions().dpi, help="OCR resolution")
    parser.add_argument(
        "--timing", type=int, default=6, help="scans also read at 200 and 300 dpi, for time"
    )
    parser.add_argument("--misses", type=int, default=MISSES, help="wrong values listed")
    args = parser.parse_args()
    globals()["MISSES"] = args.misses
    extractor = OrderExtractor.load(get_settings().models_dir)
    cases = _cases(args.cases)
    text, scanned, mixed_ok, mixed_text = Score(), Score(), Score(), Score()
    rapid_text, rapid, tess_same = Score(), Score(), Score()
    signature: dict[str, Any] = {"right": 0, "total": 0, "wrong": [], "unfound": 0}
    router = Router.load()
    scans: list[bytes] = []
    for number, case in enumerate(cases):
        started, cpu = time.perf_counter(), _cpu()
        document = parse_pdf(case.pdf, "order.pdf", max_pages=200)
        text.seconds += time.perf_counter() - started
        text.cpu += _cpu() - cpu
        text.pages += document.page_count
        extraction = extractor.extract(document, country=case.country)
        _score(text, case, extraction)
        router.count("text layer", case, extraction)
        signed = case.truth.get("customer_signatory") is not None
        where = _signature_page(extraction)
        mark = signing_mark(document, where[0], where[1], signed=True) if where else None
        spoil = _spoil(number, document.page_count)
        scan = scan_pdf(case.pdf, spoil=spoil, seed=number, signing=mark)
        scans.append(scan)
        ocr_doc, seconds, cpu = _read(scan, "tesseract", args.dpi)
        scanned.seconds += seconds
        scanned.cpu += cpu
        scanned.pages += ocr_doc.page_count
        scan_extraction = extractor.extract(ocr_doc, country=case.country)
        _score(scanned, case, scan_extraction)
        router.count("scan", case, scan_extraction)
        got_signed = scan_extraction.fields.customer_signatory.value is not None
        if signed and where is None:
            signature["unfound"] += 1  # the text layer's own reading misses the block
        else:
            signature["total"] += 1
            signature["right"] += got_signed == signed
            if got_signed != signed:
                signature["wrong"].append(f"{case.name} (scan, signed={signed})")
        if mark is not None and signed:
            for ink in (True, False):
                copy = signing_mark(document, where[0], where[1], signed=ink)  # type: ignore[index]
                page = scan_pdf(
                    case.pdf, spoil=Degradation(dpi=200, skew=spoil.skew), seed=number, signing=copy
                )
                mixed, _, _ = _read(replace_page(case.pdf, page, copy.page), "tesseract", args.dpi)
                mixed_extraction = extractor.extract(mixed, country=case.country)
                got = mixed_extraction.fields.customer_signatory.value is not None
                signature["total"] += 1
                signature["right"] += got == ink
                if got != ink:
                    signature["wrong"].append(f"{case.name} (signature page, ink={ink})")
                if ink:
                    router.count("digital + scanned signed page", case, mixed_extraction)
                    router.count("the same orders' text layer", case, extraction)
                    _score(mixed_ok, case, mixed_extraction)
                    _score(mixed_text, case, extraction)
        if number < args.rapidocr and engine_available("rapidocr"):
            _score(rapid_text, case, extraction)
            _score(tess_same, case, scan_extraction)
            tess_same.seconds += seconds
            tess_same.pages += ocr_doc.page_count
            rapid_doc, rapid_seconds, _ = _read(scan, "rapidocr", args.dpi)
            rapid.seconds += rapid_seconds
            rapid.pages += rapid_doc.page_count
            _score(rapid, case, extractor.extract(rapid_doc, country=case.country))
        print(
            f"  {case.name}: {document.page_count} pages, dpi {spoil.dpi}, skew {spoil.skew:+.1f},"
            f" turned page {spoil.turned_page or '-'}",
            flush=True,
        )
    engine = type(_engine("tesseract", OcrOptions().languages)).__name__
    print(f"\nOCR at {args.dpi} dpi ({engine})")
    _report(
        cases,
        (text, scanned, mixed_ok, mixed_text),
        signature,
        (rapid_text, rapid, tess_same),
        scans,
    )
    print(router.report())
    _timing(cases[: args.timing], scans[: args.timing])


def _timing(cases: list[Case], scans: list[bytes]) -> None:
    """Print CPU seconds per page of OCR at 200 and 300 dpi beside the text-layer read of
    the same pages (one core; CPU time, so a busy machine does not inflate it)."""
    pages, text_cpu = 0, 0.0
    for case in cases:
        started = _cpu()
        pages += parse_pdf(case.pdf, "order.pdf", max_pages=200).page_count
        text_cpu += _cpu() - started
    line = [f"text layer {1000 * text_cpu / max(pages, 1):.1f} ms"]
    for dpi in (200, 300):
        ocr_cpu = sum(_read(scan, "tesseract", dpi)[2] for scan in scans)
        line.append(f"OCR at {dpi} dpi {ocr_cpu / max(pages, 1):.2f} s")
        if dpi == 200:
            bare = _bare_tesseract_cpu(scans, dpi)
            line.append(
                f"bare tesseract at 200 dpi {bare / max(pages, 1):.2f} s ({ocr_cpu / bare:.2f}x)"
            )
    print(f"CPU per page on the first {pages} pages: {', '.join(line)} (target <= 1.5 s at 200)")


def _bare_tesseract_cpu(scans: list[bytes], dpi: int) -> float:
    """Return the CPU seconds of tesseract's command line (default settings, one thread) on
    the scans' pages drawn at ``dpi``: the machine's own speed at the part of OCR that is
    tesseract's, so that the figure above can be read on a faster or slower machine."""
    import pypdfium2

    spent = 0.0
    with tempfile.TemporaryDirectory() as folder:
        image = Path(folder) / "page.png"
        for scan in scans:
            document = pypdfium2.PdfDocument(scan)
            for page in document:
                page.render(scale=dpi / 72, grayscale=True).to_pil().save(image)
                started = _cpu()
                subprocess.run(
                    ["tesseract", str(image), "-", "--dpi", str(dpi)],
                    check=True,
                    capture_output=True,
                    env={**os.environ, "OMP_THREAD_LIMIT": "1"},
                )
                spent += _cpu() - started
            document.close()
    return spent


def _report(
    cases: list[Case],
    scores: tuple[Score, Score, Score, Score],
    signature: dict[str, Any],
    engines: tuple[Score, Score, Score],
    scans: list[bytes],
) -> None:
    text, scanned, mixed, mixed_text = scores
    rapid_text, rapid, tess_same = engines
    print(f"\n{len(cases)} order forms, {text.pages} pages (tesseract, the default engine)")
    print(
        f"field accuracy: text layer {text.accuracy():.3f}, scans {scanned.accuracy():.3f},"
        f" ratio {scanned.accuracy() / max(text.accuracy(), 1e-9):.3f} (target >= 0.97)"
    )
    print(
        f"digital + scanned signature page: accuracy {mixed.accuracy():.3f},"
        f" ratio {mixed.accuracy() / max(mixed_text.accuracy(), 1e-9):.3f} to the same documents"
    )
    print(
        f"line items (quantity and net amount right): text layer {text.line_recall():.3f},"
        f" scans {scanned.line_recall():.3f},"
        f" ratio {scanned.line_recall() / max(text.line_recall(), 1e-9):.3f}"
    )
    sure = scanned.sure_right / max(scanned.sure, 1)
    print(f"scans, confidence >= 0.9: {scanned.sure} values, right {sure:.3f} (target >= 0.99)")
    print(
        f"signature present/absent: {signature['right']}/{signature['total']} right"
        f" ({signature['right'] / max(signature['total'], 1):.3f}, target >= 0.98)"
    )
    print(f"    (signed forms whose block the text-layer reading misses: {signature['unfound']})")
    for wrong in signature["wrong"][:MISSES]:
        print(f"    wrong: {wrong}")
    per_text = text.seconds / max(text.pages, 1)
    per_ocr = scanned.seconds / max(scanned.pages, 1)
    cpu_text, cpu_ocr = text.cpu / max(text.pages, 1), scanned.cpu / max(scanned.pages, 1)
    print(
        f"time per page: text layer {per_text * 1000:.1f} ms, OCR {per_ocr:.2f} s wall;"
        f" CPU {cpu_text * 1000:.1f} ms vs {cpu_ocr:.2f} s"
        f" ({cpu_ocr / max(cpu_text, 1e-9):.0f}x the text-layer read; target <= 1.5 s)"
    )
    peak, space = _child_peak_mb(scans[:3], "tesseract")
    print(
        f"peak RSS of a sandboxed OCR child (tesseract, 3 scans): {peak:.0f} MB,"
        f" address space {space:.0f} MB (limit {get_settings().parse_memory_mb} MB)",
        flush=True,
    )
    if rapid.pages:
        print(f"engine comparison on the first {rapid.pages} scanned pages:")
        for name, score in (("tesseract", tess_same), ("rapidocr", rapid)):
            ratio = score.accuracy() / max(rapid_text.accuracy(), 1e-9)
            per_page = score.seconds / max(score.pages, 1)
            print(f"  {name:9s}: field accuracy ratio {ratio:.3f}, {per_page:.2f} s per page")
        peak, space = _child_peak_mb(scans[:1], "rapidocr")
        print(f"  peak RSS of a sandboxed OCR child (rapidocr): {peak:.0f} MB", flush=True)
    print("field accuracy per layout family (text layer / scans / ratio):")
    for name in sorted(text.by_family):
        (t_right, t_total), (s_right, s_total) = text.by_family[name], scanned.by_family[name]
        t_acc, s_acc = t_right / max(t_total, 1), s_right / max(s_total, 1)
        print(f"    {name:14s} {t_acc:.3f} / {s_acc:.3f} / {s_acc / max(t_acc, 1e-9):.3f}")
    print("wrong values per field (text layer / scans):")
    for name in sorted(scanned.wrong_fields, key=lambda n: -scanned.wrong_fields[n]):
        wrong = scanned.wrong_fields[name]
        print(f"    {name:24s} {text.wrong_fields.get(name, 0):3d} / {wrong:3d}")
    print("wrong values with confidence >= 0.9 on scans:")
    for miss in scanned.sure_misses[:MISSES]:
        print(f"    {miss}")
    print("most common misses on scans:")
    for miss in scanned.misses[:MISSES]:
        print(f"    {miss}")


if __name__ == "__main__":
    main()
