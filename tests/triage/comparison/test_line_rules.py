"""Line rules: SKU matching, ramps, quantities, prices and discounts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.triage.comparison.builders import (
    make_customer,
    make_extraction,
    make_quote,
    order_line,
    quote_line,
    ramp_lines,
)
from triage.comparison import RulePack
from triage.contract import BillingException, ExceptionCode, Extraction, Quote

CODE = ExceptionCode


def run(pack: RulePack, extraction: Extraction, quote: Quote) -> list[BillingException]:
    return pack.evaluate(extraction, quote, make_customer())


def codes(exceptions: list[BillingException]) -> list[ExceptionCode]:
    return [e.code for e in exceptions]


def two_sku_quote() -> Quote:
    return make_quote(
        [
            quote_line(),
            quote_line(
                "SUPPORT", quantity=1, unit_price="5000.00", discount_pct=0, net_amount="5000.00"
            ),
        ]
    )


def test_reordered_line_items_are_not_a_mismatch(pack: RulePack) -> None:
    quote = make_quote([quote_line(), *ramp_lines(), quote_line("ADDON", quantity=5)])
    lines = [order_line(q) for q in reversed(quote.lines)]
    assert run(pack, make_extraction(quote, lines=lines), quote) == []


def test_quoted_sku_absent_from_order_is_line_missing(pack: RulePack) -> None:
    quote = two_sku_quote()
    found = run(pack, make_extraction(quote, lines=[order_line(quote.lines[0])]), quote)
    assert codes(found) == [CODE.LINE_MISSING_IN_ORDER]
    assert found[0].field == "line_items[SUPPORT]" and found[0].found is None
    assert found[0].rule == "line_missing.v1"


def test_line_without_sku_covers_a_missing_line_and_is_low_confidence(pack: RulePack) -> None:
    quote = two_sku_quote()
    unread = order_line(quote.lines[1], sku=None).model_copy(
        update={"description": "Item as printed on the form"}
    )
    found = run(pack, make_extraction(quote, lines=[order_line(quote.lines[0]), unread]), quote)
    assert codes(found) == [CODE.LOW_CONFIDENCE_EXTRACTION]
    assert found[0].field == "line_items[1].sku"


def test_line_without_sku_is_the_quoted_product_its_description_repeats(pack: RulePack) -> None:
    quote = two_sku_quote()
    named = order_line(quote.lines[1], sku=None)  # the form prints the description only
    found = run(pack, make_extraction(quote, lines=[order_line(quote.lines[0]), named]), quote)
    assert found == []
    cheaper = named.model_copy(update={"unit_price": named.unit_price / 2})
    found = run(pack, make_extraction(quote, lines=[order_line(quote.lines[0]), cheaper]), quote)
    assert CODE.PRICE_MISMATCH in codes(found)


def test_order_sku_absent_from_quote_is_line_not_in_quote(pack: RulePack) -> None:
    quote = make_quote()
    extra = order_line(quote_line("TRAINING", kind="service", start_date=None, end_date=None))
    found = run(pack, make_extraction(quote, lines=[order_line(quote.lines[0]), extra]), quote)
    assert codes(found) == [CODE.LINE_NOT_IN_QUOTE]
    assert found[0].field == "line_items[TRAINING]"
    assert found[0].evidence == extra.evidence


def test_moved_ramp_boundary_is_one_ramp_mismatch_not_a_cascade(pack: RulePack) -> None:
    quote = make_quote(ramp_lines())
    first, second = quote.lines
    lines = [
        order_line(first, end_date=date(2027, 8, 31), net_amount="13333.33"),
        order_line(second, start_date=date(2027, 9, 1), net_amount="13333.33"),
    ]
    found = run(pack, make_extraction(quote, lines=lines), quote)
    assert codes(found) == [CODE.RAMP_SCHEDULE_MISMATCH]
    assert found[0].expected[0] == {
        "start_date": "2027-01-01",
        "end_date": "2027-06-30",
        "quantity": 20,
    }
    assert "2027-09-01..2027-12-31" in found[0].message


def test_ramp_step_quantity_change_is_a_quantity_mismatch_of_that_step(pack: RulePack) -> None:
    # The step's dates match the quote's, so the schedule is the same; its quantity is not.
    quote = make_quote(ramp_lines())
    lines = [
        order_line(quote.lines[0]),
        order_line(quote.lines[1], quantity=60, net_amount="30000.00"),
    ]
    found = run(pack, make_extraction(quote, lines=lines), quote)
    assert codes(found) == [CODE.QUANTITY_MISMATCH]
    assert found[0].field == "line_items[PLAT-RAMP 2027-07-01..2027-12-31].quantity"


def test_collapsed_ramp_is_a_ramp_mismatch(pack: RulePack) -> None:
    quote = make_quote(ramp_lines())
    single = order_line(quote.lines[1], start_date=date(2027, 1, 1), net_amount="40000.00")
    assert codes(run(pack, make_extraction(quote, lines=[single]), quote)) == [
        CODE.RAMP_SCHEDULE_MISMATCH
    ]


def test_ramp_step_price_change_names_the_step(pack: RulePack) -> None:
    quote = make_quote(ramp_lines())
    lines = [
        order_line(quote.lines[0]),
        order_line(quote.lines[1], unit_price="1100.00", net_amount="22000.00"),
    ]
    found = run(pack, make_extraction(quote, lines=lines), quote)
    assert codes(found) == [CODE.PRICE_MISMATCH]
    assert found[0].field == "line_items[PLAT-RAMP 2027-07-01..2027-12-31].unit_price"


def test_changed_quantity_is_reported_once_not_also_as_its_net_amount(pack: RulePack) -> None:
    quote = make_quote()
    line = order_line(quote.lines[0], quantity=60, net_amount="64800.00")
    found = run(pack, make_extraction(quote, lines=[line]), quote)
    assert [(e.code, e.field) for e in found] == [
        (CODE.QUANTITY_MISMATCH, "line_items[PLAT-ENT].quantity"),
    ]
    assert (found[0].expected, found[0].found) == (50, 60)


def test_quantity_off_by_one_is_a_mismatch(pack: RulePack) -> None:
    quote = make_quote()
    line = order_line(quote.lines[0], quantity=49)
    assert CODE.QUANTITY_MISMATCH in codes(run(pack, make_extraction(quote, lines=[line]), quote))


def test_changed_unit_price_is_one_price_mismatch_not_also_its_net_amount(pack: RulePack) -> None:
    quote = make_quote()
    line = order_line(quote.lines[0], unit_price="1300.00", net_amount="58500.00")
    found = run(pack, make_extraction(quote, lines=[line]), quote)
    assert codes(found) == [CODE.PRICE_MISMATCH]
    assert found[0].field == "line_items[PLAT-ENT].unit_price"
    assert found[0].message == "PLAT-ENT: order form says unit price 1300.00; quote says 1200.00."


def test_unit_price_one_cent_off_is_within_rounding(pack: RulePack) -> None:
    quote = make_quote()
    line = order_line(quote.lines[0], unit_price="1200.01")
    assert run(pack, make_extraction(quote, lines=[line]), quote) == []


def test_net_amount_alone_differing_is_a_price_mismatch(pack: RulePack) -> None:
    quote = make_quote()
    line = order_line(quote.lines[0], net_amount="55000.00")
    found = run(pack, make_extraction(quote, lines=[line]), quote)
    assert [(e.code, e.field) for e in found] == [
        (CODE.PRICE_MISMATCH, "line_items[PLAT-ENT].net_amount")
    ]


def test_lower_discount_is_a_price_mismatch(pack: RulePack) -> None:
    quote = make_quote()
    line = order_line(quote.lines[0], discount_pct=5, net_amount="57000.00")
    found = run(pack, make_extraction(quote, lines=[line]), quote)
    assert [(e.code, e.field) for e in found] == [
        (CODE.PRICE_MISMATCH, "line_items[PLAT-ENT].discount_pct")
    ]


def test_discount_above_approval_is_flagged(pack: RulePack) -> None:
    quote = make_quote([quote_line(discount_pct=20, net_amount="48000.00")])
    found = run(pack, make_extraction(quote), quote)
    assert codes(found) == [CODE.DISCOUNT_EXCEEDS_APPROVAL]
    assert (found[0].expected, found[0].found) == (15, 20)


def test_discount_exactly_at_approval_passes(pack: RulePack) -> None:
    quote = make_quote([quote_line(discount_pct=15, net_amount="51000.00")])
    assert run(pack, make_extraction(quote), quote) == []


def test_order_raising_discount_past_approval_also_differs_from_quote(pack: RulePack) -> None:
    quote = make_quote()
    line = order_line(quote.lines[0], discount_pct=25, net_amount="45000.00")
    assert codes(run(pack, make_extraction(quote, lines=[line]), quote)) == [
        CODE.DISCOUNT_EXCEEDS_APPROVAL,
        CODE.PRICE_MISMATCH,
    ]


def test_unreadable_line_value_is_low_confidence_not_a_pass(pack: RulePack) -> None:
    quote = make_quote()
    line = order_line(quote.lines[0], unit_price=None)
    found = run(pack, make_extraction(quote, lines=[line]), quote)
    assert [(e.code, e.field) for e in found] == [
        (CODE.LOW_CONFIDENCE_EXTRACTION, "line_items[PLAT-ENT].unit_price")
    ]


def test_low_confidence_line_is_not_compared(pack: RulePack) -> None:
    quote = make_quote()
    line = order_line(quote.lines[0], confidence=0.2, unit_price="9.99")
    found = run(pack, make_extraction(quote, lines=[line]), quote)
    assert [(e.code, e.field) for e in found] == [
        (CODE.LOW_CONFIDENCE_EXTRACTION, "line_items[PLAT-ENT]")
    ]
    assert found[0].found == {"value": "PLAT-ENT", "confidence": 0.2}


def test_total_following_changed_lines_is_still_a_total_mismatch(pack: RulePack) -> None:
    quote = make_quote()
    line = order_line(quote.lines[0], quantity=55, net_amount=Decimal("59400.00"))
    extraction = make_extraction(quote, lines=[line], total_contract_value="59400.00")
    assert set(codes(run(pack, extraction, quote))) == {
        CODE.QUANTITY_MISMATCH,
        CODE.TOTAL_MISMATCH,
    }


def test_ramp_step_quantity_change_does_not_also_raise_its_net_amount(pack: RulePack) -> None:
    quote = make_quote(ramp_lines())
    lines = [
        order_line(quote.lines[0], quantity=25, net_amount="12500.00"),
        order_line(quote.lines[1]),
    ]
    assert codes(run(pack, make_extraction(quote, lines=lines), quote)) == [CODE.QUANTITY_MISMATCH]


def test_version_one_rules_keep_a_ramp_step_quantity_in_the_schedule() -> None:
    # Older packs name ramp_schedule.v1 / line_quantity.v1: their meaning does not change.
    import triage.comparison.rules_lines  # noqa: F401  (registers the line rules)
    from triage.comparison.registry import RULES

    assert {"ramp_schedule.v1", "ramp_schedule.v2", "line_quantity.v1", "line_quantity.v2"} <= set(
        RULES.names()
    )
