"""Draw a clean deal: customer, quote and an order form that agrees with both.

Discrepancies are added afterwards by ``injection``; a deal straight from ``draw_deal``
raises no exception by docs/semantics.md.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from random import Random

from triage.contract import BillingFrequency, Customer, CustomerHistory, Quote, QuoteLine
from triage.samples import amounts, catalog, dates
from triage.samples.deal import Deal, Line, OrderForm, Presentation
from triage.samples.entities import clean_variant, legal_name
from triage.samples.lines import draw_lines

__all__ = ["draw_deal", "quote_lines_from", "quote_with_lines"]

_FREQUENCIES = (
    (BillingFrequency.ANNUAL, 45),
    (BillingFrequency.QUARTERLY, 25),
    (BillingFrequency.MONTHLY, 15),
    (BillingFrequency.SEMIANNUAL, 10),
    (BillingFrequency.ONE_TIME, 5),
)


def _weighted(rng: Random, options: tuple[tuple[BillingFrequency, int], ...]) -> BillingFrequency:
    values = [value for value, _ in options]
    return rng.choices(values, weights=[weight for _, weight in options])[0]


def _history(rng: Random) -> CustomerHistory:
    invoices = rng.choice((0, 2, 4, 6, 8, 12, 12, 16, 24))
    dispute_rate = rng.betavariate(1.2, 8.0)
    disputed = sum(1 for _ in range(invoices) if rng.random() < dispute_rate)
    late = round(rng.gammavariate(1.3, 6.0), 1) if invoices else 0.0
    return CustomerHistory(
        invoices_12m=invoices, disputed_invoices_12m=disputed, avg_days_late_12m=late
    )


def _customer(rng: Random, index: int, country: catalog.Country) -> Customer:
    currency = country.currency if rng.random() < 0.9 else rng.choice(("USD", "EUR"))
    exempt = rng.random() < 0.1
    tax_id = None if exempt else f"{country.tax_prefix}-{rng.randrange(10**8, 10**9)}"
    return Customer(
        account_id=f"ACC-{1000 + index:05d}",
        legal_name=legal_name(rng, country),
        provider_entity=rng.choice(catalog.PROVIDERS),
        country=country.code,
        currency=currency,
        payment_terms_days=rng.choice((30, 30, 30, 45, 60, 15, 90)),
        po_required=rng.random() < 0.4,
        tax_id=tax_id,
        tax_exempt=exempt,
        credit_hold=False,
        history=_history(rng),
    )


def quote_with_lines(quote: Quote, lines: list[QuoteLine]) -> Quote:
    """Return ``quote`` with new lines and the total recomputed from them."""
    total = sum((line.net_amount for line in lines), Decimal(0))
    return quote.model_copy(update={"lines": lines, "total_contract_value": total})


def _order_number(rng: Random, year: int) -> str:
    prefix = rng.choice(("OF", "ORD", "SO"))
    return f"{prefix}-{year}-{rng.randrange(1000, 99999):05d}"


def draw_deal(rng: Random, index: int, layout: str, *, ramp: bool, min_skus: int) -> Deal:
    """Return a clean deal for case ``index`` printed with ``layout``."""
    country = catalog.COUNTRIES[rng.choice(sorted(catalog.COUNTRIES))]
    customer = _customer(rng, index, country)
    term = rng.choice((12, 12, 12, 24, 24, 36)) if not ramp else rng.choice((12, 24, 36))
    start = date(rng.choice((2026, 2027)), rng.randrange(1, 13), 1)
    end = dates.add_months(start, term) - timedelta(days=1)
    approved = float(rng.choice((10, 15, 20, 25, 30)))
    lines = draw_lines(rng, start, term, approved, ramp=ramp, min_skus=min_skus)
    auto = rng.random() < 0.7
    cap = float(rng.choice((3, 5, 7))) if auto and rng.random() < 0.6 else None
    quote = Quote(
        quote_id=f"Q-{start.year}-{rng.randrange(10000, 99999)}",
        account_id=customer.account_id,
        currency=customer.currency,
        start_date=start,
        end_date=end,
        term_months=term,
        billing_frequency=_weighted(rng, _FREQUENCIES),
        payment_terms_days=customer.payment_terms_days,
        auto_renewal=auto,
        renewal_uplift_cap_pct=cap,
        approved_max_discount_pct=approved,
        total_contract_value=Decimal(0),
        lines=quote_lines_from(lines),
    )
    quote = quote_with_lines(quote, list(quote.lines))
    order_date = start - timedelta(days=rng.randrange(5, 60))
    po_required = customer.po_required
    po = f"PO-{rng.randrange(100000, 999999)}" if po_required or rng.random() < 0.4 else None
    order = OrderForm(
        order_number=_order_number(rng, start.year),
        customer_name=clean_variant(rng, customer.legal_name),
        customer_address=(
            f"{rng.randrange(1, 400)} {rng.choice(country.streets)}",
            rng.choice(country.cities),
            country.name,
        ),
        provider_name=customer.provider_entity,
        currency=quote.currency,
        order_date=order_date,
        start_date=start,
        end_date=end,
        term_months=term,
        billing_frequency=quote.billing_frequency,
        billing_start_date=start,
        payment_terms_days=customer.payment_terms_days,
        po_number=po,
        auto_renewal=auto,
        renewal_term_months=rng.choice((12, 12, term)) if auto else None,
        renewal_notice_days=rng.choice((30, 60, 90)) if auto else None,
        renewal_uplift_cap_pct=cap,
        total_contract_value=quote.total_contract_value,
        signatory=f"{rng.choice(catalog.FIRST_NAMES)} {rng.choice(catalog.LAST_NAMES)}",
        signatory_title=rng.choice(catalog.TITLES),
        signed_date=order_date + timedelta(days=rng.randrange(0, 12)),
        provider_signatory=f"{rng.choice(catalog.FIRST_NAMES)} {rng.choice(catalog.LAST_NAMES)}",
        lines=lines,
    )
    presentation = Presentation(
        layout=layout,
        date_style=rng.choice(dates.styles_for_country(country.code)),
        amount_style=rng.choice(amounts.styles_for(quote.currency, country.code)),
    )
    ramp_skus = frozenset(
        sku for sku in {line.sku for line in lines} if sum(x.sku == sku for x in lines) > 1
    )
    return Deal(
        f"case-{index + 1:04d}", country.code, quote, customer, order, presentation, ramp_skus
    )


def quote_lines_from(lines: list[Line]) -> list[QuoteLine]:
    """Return the quote lines equal to ``lines``."""
    return [QuoteLine.model_validate(line, from_attributes=True) for line in lines]
