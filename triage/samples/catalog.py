"""The generator's world: countries, companies, provider entities, products and people.

Everything here is plain data; drawing from it happens in ``scenario``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from triage.contract import LineKind

__all__ = [
    "COUNTRIES",
    "CUSTOMER_STEMS",
    "FIRST_NAMES",
    "LAST_NAMES",
    "PRODUCTS",
    "PROVIDERS",
    "TITLES",
    "Country",
    "Product",
]


@dataclass(frozen=True, slots=True)
class Country:
    """A customer country: its currency, how it writes numeric dates, its legal suffixes."""

    code: str
    name: str
    currency: str
    month_first: bool
    suffixes: tuple[str, ...]
    cities: tuple[str, ...]
    streets: tuple[str, ...]
    tax_prefix: str


@dataclass(frozen=True, slots=True)
class Product:
    """A catalogue SKU with its kind and a list-price range (per unit; per year if recurring)."""

    sku: str
    description: str
    kind: LineKind
    price_low: Decimal
    price_high: Decimal
    price_step: Decimal
    quantities: tuple[int, ...]


COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        Country(
            "US",
            "United States",
            "USD",
            True,
            ("Inc.", "LLC", "Corporation"),
            ("Austin, TX 78701", "Chicago, IL 60601", "Denver, CO 80202"),
            ("Market Street", "Congress Avenue", "Wacker Drive"),
            "US",
        ),
        Country(
            "CA",
            "Canada",
            "CAD",
            False,
            ("Inc.", "Ltd.", "Corporation"),
            ("Toronto, ON M5H 2N2", "Vancouver, BC V6B 1A1"),
            ("Bay Street", "King Street West"),
            "CA",
        ),
        Country(
            "GB",
            "United Kingdom",
            "GBP",
            False,
            ("Ltd", "Limited", "PLC"),
            ("London EC2A 4NE", "Manchester M1 1AE", "Leeds LS1 4AP"),
            ("High Street", "Old Broad Street", "Deansgate"),
            "GB",
        ),
        Country(
            "DE",
            "Germany",
            "EUR",
            False,
            ("GmbH", "AG"),
            ("10115 Berlin", "80331 München", "20095 Hamburg"),
            ("Hauptstraße", "Friedrichstraße", "Lindenallee"),
            "DE",
        ),
        Country(
            "FR",
            "France",
            "EUR",
            False,
            ("SAS", "SA"),
            ("75008 Paris", "69002 Lyon"),
            ("Rue de Rivoli", "Avenue Montaigne"),
            "FR",
        ),
        Country(
            "AU",
            "Australia",
            "AUD",
            False,
            ("Pty Ltd", "Limited"),
            ("Sydney NSW 2000", "Melbourne VIC 3000"),
            ("Collins Street", "George Street"),
            "AU",
        ),
    )
}
"""Customer countries; only the US writes numeric dates month-first."""

# fmt: off
CUSTOMER_STEMS: tuple[str, ...] = (
    "Acme", "Blue Harbor Logistics", "Cobalt & Finch", "Dunmore Health", "Everly Foods",
    "Fairway Analytics", "Granite Peak Energy", "Helix Biotech", "Ironbridge Capital",
    "Juniper Retail", "Kestrel Aerospace", "Lumen Media", "Meridian Freight",
    "Northgate Insurance", "Orchid Pharma", "Pioneer Utilities", "Quarry & Stone",
    "Riverside Hospitality", "Summit Telecom", "Tidewater Marine", "Union Square Partners",
    "Vantage Robotics", "Willow Education", "Yellowstone Outfitters", "Zephyr Mobility",
)
# fmt: on
"""Company name stems; a legal suffix of the customer's country is added."""

PROVIDERS: tuple[str, ...] = (
    "Northwind Software Inc.",
    "Contoso Cloud Ltd",
    "Fabrikam Systems GmbH",
    "Tailspin Data Corporation",
)
"""The provider's legal entities (the ERP names one of them per customer)."""

PRODUCTS: tuple[Product, ...] = (
    Product(
        "PLAT-ENT",
        "Platform Enterprise seats",
        LineKind.SUBSCRIPTION,
        Decimal(600),
        Decimal(1800),
        Decimal(50),
        (10, 25, 40, 50, 75, 100, 150, 250),
    ),
    Product(
        "PLAT-PRO",
        "Platform Professional seats",
        LineKind.SUBSCRIPTION,
        Decimal(240),
        Decimal(720),
        Decimal(20),
        (5, 10, 20, 50, 80, 120, 300),
    ),
    Product(
        "ANL-ADV",
        "Advanced Analytics add-on",
        LineKind.SUBSCRIPTION,
        Decimal(120),
        Decimal(480),
        Decimal(10),
        (5, 10, 25, 50, 100),
    ),
    Product(
        "SEC-VAULT",
        "Security Vault module with customer-managed keys",
        LineKind.SUBSCRIPTION,
        Decimal(2000),
        Decimal(9000),
        Decimal(250),
        (1, 1, 2, 3),
    ),
    Product(
        "SUP-PREM",
        "Premium Support (24x7, named technical account manager)",
        LineKind.SUBSCRIPTION,
        Decimal(8000),
        Decimal(30000),
        Decimal(500),
        (1,),
    ),
    Product(
        "API-CALLS",
        "API calls beyond the included allowance (per 1,000 calls)",
        LineKind.USAGE,
        Decimal("0.40"),
        Decimal("2.50"),
        Decimal("0.05"),
        (0, 0, 0, 500, 2000, 10000),
    ),
    Product(
        "STOR-TB",
        "Additional storage (per TB-month)",
        LineKind.USAGE,
        Decimal(15),
        Decimal(60),
        Decimal(1),
        (0, 0, 0, 5, 20, 50),
    ),
    Product(
        "SMS-MSG",
        "Outbound SMS messages (per message)",
        LineKind.USAGE,
        Decimal("0.01"),
        Decimal("0.09"),
        Decimal("0.01"),
        (0, 0, 0, 10000, 50000),
    ),
    Product(
        "IMPL-STD",
        "Standard implementation package",
        LineKind.ONE_TIME,
        Decimal(5000),
        Decimal(40000),
        Decimal(500),
        (1,),
    ),
    Product(
        "DATA-MIG",
        "Data migration from legacy system",
        LineKind.ONE_TIME,
        Decimal(3000),
        Decimal(25000),
        Decimal(500),
        (1, 1, 2),
    ),
    Product(
        "TRN-DAY",
        "On-site training day (up to 12 attendees)",
        LineKind.SERVICE,
        Decimal(1500),
        Decimal(3500),
        Decimal(100),
        (1, 2, 3, 5, 8),
    ),
    Product(
        "CONS-HR",
        "Professional services consulting hour",
        LineKind.SERVICE,
        Decimal(180),
        Decimal(320),
        Decimal(10),
        (8, 16, 40, 80, 120),
    ),
    Product(
        "HCARE-CFG",
        "Healthcare compliance configuration workshop",
        LineKind.SERVICE,
        Decimal(4000),
        Decimal(12000),
        Decimal(500),
        (1, 2),
    ),
)
"""The price book; usage prices are overage rates."""

# fmt: off
FIRST_NAMES: tuple[str, ...] = (
    "Alex", "Priya", "Jordan", "Mei", "Samuel", "Olivia", "Mateo", "Hannah", "Kwame", "Sofia",
    "Liam", "Aisha", "Lukas", "Chloé", "Ravi", "Emma", "Tomás", "Grace",
)
# fmt: on
# fmt: off
LAST_NAMES: tuple[str, ...] = (
    "Nguyen", "Patel", "Okafor", "Schmidt", "Dubois", "Martin", "Johansson", "García", "O'Brien",
    "Kowalski", "Tanaka", "Rossi", "Fischer", "Campbell", "Moreau", "Singh",
)
# fmt: on
# fmt: off
TITLES: tuple[str, ...] = (
    "Chief Financial Officer", "VP Procurement", "Head of IT", "General Counsel",
    "Director, Strategic Sourcing", "Chief Operating Officer", "Finance Director",
)
# fmt: on
