"""Real clause language from CUAD v1, mapped to our clause vocabulary where the mapping is sound.

CUAD v1 (The Atticus Project, CC BY 4.0; Hendrycks et al., NeurIPS 2021) labels spans of
510 commercial contracts with 41 categories. ``master_clauses.csv`` holds, per contract,
each category's spans as a Python-list literal. Only some categories correspond to ours,
and even those are broader (an "exclusive licence" is not an exclusive reseller), so each
mapping carries a pattern the span must match; spans that fail it are left out rather
than forced into a class. Plain auto-renewal spans are left out entirely: on an order form
they are the standard renewal wording, yet CUAD labels them alongside the unusual kinds.
"""

from __future__ import annotations

import ast
import csv
import re
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CUAD_ATTRIBUTION", "CuadSpan", "read_cuad_negatives", "read_cuad_spans"]

CUAD_ATTRIBUTION = (
    "CUAD v1 by The Atticus Project (CC BY 4.0); Hendrycks, Burns, Chen, Ball, 'CUAD: An"
    " Expert-Annotated NLP Dataset for Legal Contract Review', NeurIPS 2021, arXiv:2103.06268"
)

_MAPPINGS: dict[str, tuple[str, str]] = {
    "Termination for Convenience": (
        "termination_for_convenience",
        r"terminat\w*.*(convenience|any reason|without cause|no reason|at any time|non-cause|"
        r"at will|sole discretion)|(convenience|any reason|without cause).*terminat",
    ),
    "Most Favored Nation": (
        "most_favored_nation",
        r"favou?red|favou?rable|no less|lowest|no higher|better (price|terms)|most favou?red",
    ),
    "Price Restrictions": ("price_protection", r"increase|exceed|fixed|firm|not change"),
    "Exclusivity": (
        "exclusivity",
        r"(?<!non-)exclusiv\w*.*(distribut|resell|territor|competit|partner|supplier|sole)|"
        r"(distribut|resell|territor|competit).*(?<!non-)exclusiv",
    ),
    "Cap on Liability": (
        "liability_cap_change",
        r"liab\w*.*(exceed|limited to|greater of|in excess|maximum|aggregate|cap)",
    ),
    "Uncapped Liability": (
        "liability_cap_change",
        r"(not apply|unlimited|shall not limit|excluded from).*liab|liab.*(not apply|unlimited)",
    ),
    "Renewal Term": (
        "non_standard_renewal",
        r"renew\w*.*(mutual|written agreement|agreed in writing|consent|at the option|"
        r"elect|negotiat|sole discretion)",
    ),
    "Notice Period to Terminate Renewal": (
        "non_standard_renewal",
        r"renew\w*.*(mutual|written agreement|agreed in writing|consent|negotiat)",
    ),
    "Source Code Escrow": ("other_nonstandard", r"escrow|source code"),
    "Audit Rights": ("other_nonstandard", r"audit|inspect"),
    "Governing Law": ("standard", r"law"),
    "Anti-Assignment": ("standard", r"assign\w*.*consent|consent.*assign"),
    "Third Party Beneficiary": ("standard", r"beneficiar"),
}


@dataclass(frozen=True, slots=True)
class CuadSpan:
    """One CUAD span mapped to a label; ``contract`` is its source file, for grouping."""

    text: str
    label: str
    contract: str
    category: str

    @property
    def split(self) -> str:
        """Return the contract's split: one in five held out, one in five for validation."""
        bucket = zlib.crc32(self.contract.encode()) % 5
        return "held_out" if bucket == 0 else "validation" if bucket == 1 else "train"

    @property
    def held_out(self) -> bool:
        """Return True for spans of the one contract in five kept for evaluation."""
        return self.split == "held_out"


def _clean(span: str) -> str:
    text = span.replace("<omitted>", " ... ")
    return re.sub(r"\s+", " ", text).strip()


def read_cuad_spans(cuad_dir: Path, *, min_chars: int = 40, max_chars: int = 700) -> list[CuadSpan]:
    """Return the mapped spans of ``cuad_dir/master_clauses.csv`` in file order.

    Spans shorter than ``min_chars`` (fragments) or longer than ``max_chars`` (whole
    sections mixing several provisions) are skipped; duplicates are kept once.
    """
    csv.field_size_limit(sys.maxsize)
    spans: list[CuadSpan] = []
    seen: set[str] = set()
    with (cuad_dir / "master_clauses.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for category, (label, pattern) in _MAPPINGS.items():
                raw = row.get(category)
                if not raw:
                    continue
                for span in ast.literal_eval(raw):
                    text = _clean(str(span))
                    if not min_chars <= len(text) <= max_chars or text in seen:
                        continue
                    if re.search(pattern, text, flags=re.IGNORECASE | re.DOTALL) is None:
                        continue
                    seen.add(text)
                    spans.append(CuadSpan(text, label, row["Filename"], category))
    return spans


_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z(\"“])|\n\s*\n")


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def read_cuad_negatives(
    cuad_dir: Path, *, per_contract: int = 4, min_words: int = 20, max_chars: int = 700
) -> list[CuadSpan]:
    """Return real contract sentences that no mapped CUAD category labels, as ``standard``.

    They teach the classifier what ordinary contract language looks like ("exclusive of
    taxes", governing law, definitions). A sentence that overlaps any span of a mapped
    category is never taken, whatever that span's label. At most ``per_contract`` sentences
    per contract, spread through it, so no one contract dominates.
    """
    csv.field_size_limit(sys.maxsize)
    negatives: list[CuadSpan] = []
    with (cuad_dir / "master_clauses.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            path = cuad_dir / "full_contract_txt" / (Path(row["Filename"]).stem + ".txt")
            if not path.is_file():
                continue
            labelled = [
                _norm(str(span))
                for category in _MAPPINGS
                if row.get(category)
                for span in ast.literal_eval(row[category])
            ]
            sentences = [
                " ".join(s.split()) for s in _SENTENCE.split(path.read_text(encoding="utf-8"))
            ]
            fit = [
                s
                for s in sentences
                if len(s.split()) >= min_words and len(s) <= max_chars and "  " not in s
            ]
            clean = [
                s
                for s in fit
                if not any(_norm(s) in span or span in _norm(s) for span in labelled if span)
            ]
            step = max(1, len(clean) // per_contract)
            for text in clean[::step][:per_contract]:
                negatives.append(CuadSpan(text, "standard", row["Filename"], "negative"))
    return negatives
