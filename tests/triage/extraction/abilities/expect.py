"""Comparing an extraction with what an ability document states, with messages that say
which field or line was read wrong and what was read instead."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from tests.triage.extraction.abilities.sheet import Build, Order
from triage.contract import ExtractedLineItem, Extraction

__all__ = ["assert_documents_differ", "assert_fields", "assert_lines", "field_value"]


def field_value(extraction: Extraction, name: str) -> object:
    """Return the extracted value of the contract field ``name``."""
    return extraction.fields.get(name).value


def assert_fields(extraction: Extraction, order: Order, names: Iterable[str] | None = None) -> None:
    """Assert every expected field of ``order`` (or only ``names``) was read as stated.

    A field the form does not state (expected None) must be null with confidence 0.
    """
    wrong: list[str] = []
    for name in names if names is not None else order.fields:
        expected = order.fields[name]
        got = extraction.fields.get(name)
        if got.value != expected:
            wrong.append(f"{name}: expected {expected!r}, read {got.value!r}")
        elif expected is None and got.confidence != 0:
            wrong.append(f"{name}: not stated, yet confidence {got.confidence}")
    assert not wrong, f"{order.name}: " + "; ".join(wrong)


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").lower()).strip()


def _line_matches(item: ExtractedLineItem, expected: Mapping[str, object]) -> list[str]:
    wrong = []
    for key, want in expected.items():
        got = getattr(item, key)
        if key == "description":
            if _squash(str(want)) != _squash(got):  # case and spacing are not content
                wrong.append(f"description {got!r} != {want!r}")
        elif got != want:
            wrong.append(f"{key} {got!r} != {want!r}")
    return wrong


def assert_lines(
    extraction: Extraction, order: Order, *, key: tuple[str, ...] | None = None
) -> None:
    """Assert the line items are exactly the expected ones on the stated keys.

    Lines are compared in printed order, or sorted by the item attributes ``key`` where the
    document fixes no order (a ramp's years may come product by product or year by year).
    """
    assert order.lines is not None
    items = list(extraction.line_items)
    expected = list(order.lines)
    if key is not None:
        items.sort(key=lambda item: tuple(str(getattr(item, k)) for k in key))
        expected.sort(key=lambda line: tuple(str(line[k]) for k in key))
    summary = [
        (i.sku, i.description, i.quantity, i.unit_price, i.discount_pct, i.net_amount)
        for i in items
    ]
    assert len(items) == len(expected), (
        f"{order.name}: expected {len(expected)} lines, read {len(items)}: {summary}"
    )
    wrong = []
    for index, (item, line) in enumerate(zip(items, expected, strict=True)):
        wrong += [f"line {index + 1}: {w}" for w in _line_matches(item, line)]
    assert not wrong, f"{order.name}: " + "; ".join(wrong) + f"; read {summary}"


def assert_documents_differ(builds: Iterable[Build], names: Iterable[str]) -> None:
    """Guard a group of documents: each states a different value of every field in ``names``.

    A reader answering one constant value then fails all but one document of the group.
    """
    orders = [build() for build in builds]
    assert len({order.name for order in orders}) == len(orders), "two documents share a name"
    for name in names:
        values = [order.fields[name] for order in orders]
        assert len(set(values)) == len(values), f"{name} repeats across documents: {values}"
