"""Property tests: the money tolerance, and the order of line items never matters."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.triage.comparison.builders import (
    make_customer,
    make_extraction,
    make_quote,
    order_line,
    quote_line,
    ramp_lines,
)
from triage.comparison import MoneyTolerance, RulePack, amounts_agree
from triage.config import REPO_ROOT
from triage.contract import ExceptionCode

PACK = RulePack.load(REPO_ROOT / "rules" / "default.yaml")
TOLERANCE = MoneyTolerance()
prices = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1000000"), places=2)
fractions = st.decimals(min_value=Decimal(0), max_value=Decimal(1), places=4)


@given(prices, fractions, st.booleans())
def test_amount_within_tolerance_always_agrees(price: Decimal, share: Decimal, up: bool) -> None:
    delta = (TOLERANCE.allowance(price) * share).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    assert amounts_agree(price, price + delta if up else price - delta, TOLERANCE)


@given(
    prices, st.decimals(min_value=Decimal("0.01"), max_value=Decimal(5000), places=2), st.booleans()
)
def test_amount_beyond_tolerance_never_agrees(price: Decimal, extra: Decimal, up: bool) -> None:
    delta = TOLERANCE.allowance(price) + extra
    assert not amounts_agree(price, price + delta if up else price - delta, TOLERANCE)


@settings(max_examples=60, deadline=None)
@given(prices, fractions, st.booleans())
def test_unit_price_within_tolerance_never_flags_and_beyond_always_does(
    price: Decimal, share: Decimal, beyond: bool
) -> None:
    quote = make_quote([quote_line(unit_price=price, net_amount="54000.00")])
    allowance = TOLERANCE.allowance(price)
    if beyond:
        found_price = price + allowance + Decimal("0.01") + allowance * share
    else:
        found_price = price + (allowance * share).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    line = order_line(quote.lines[0], unit_price=found_price)
    found = PACK.evaluate(make_extraction(quote, lines=[line]), quote, make_customer())
    assert (ExceptionCode.PRICE_MISMATCH in {e.code for e in found}) is beyond


SKUS = ["ALPHA", "BRAVO", "CHARLIE", "DELTA"]


@st.composite
def orders(draw: st.DrawFn) -> tuple[list[int], list[str], dict[str, int]]:
    """A subset of SKUs to quote, extra SKUs on the order and per-SKU quantity changes."""
    quoted = draw(st.lists(st.sampled_from(SKUS), min_size=1, max_size=4, unique=True))
    extra = draw(st.lists(st.sampled_from(["XRAY", "YANKEE"]), max_size=2, unique=True))
    changes = draw(st.dictionaries(st.sampled_from(quoted), st.integers(1, 9), max_size=2))
    order = draw(st.permutations(range(len(quoted) + 2 + len(extra))))
    return list(order), quoted + extra, changes


@settings(max_examples=60, deadline=None)
@given(orders(), st.booleans())
def test_any_permutation_of_order_lines_gives_the_same_exceptions(
    case: tuple[list[int], list[str], dict[str, int]], ramp_changed: bool
) -> None:
    order, skus, changes = case
    quoted_skus = [s for s in skus if s not in ("XRAY", "YANKEE")]
    quote = make_quote([quote_line(s) for s in quoted_skus] + ramp_lines())
    lines = [order_line(quote_line(s), quantity=50 + changes.get(s, 0)) for s in skus]
    first, second = ramp_lines()
    if ramp_changed:
        first = first.model_copy(update={"end_date": date(2027, 3, 31)})
        second = second.model_copy(update={"start_date": date(2027, 4, 1)})
    lines += [order_line(first), order_line(second)]
    extraction = make_extraction(quote, lines=lines)
    shuffled = make_extraction(quote, lines=[lines[i] for i in order])
    expected = PACK.evaluate(extraction, quote, make_customer())
    assert PACK.evaluate(shuffled, quote, make_customer()) == expected
    assert (ExceptionCode.RAMP_SCHEDULE_MISMATCH in {e.code for e in expected}) is ramp_changed
