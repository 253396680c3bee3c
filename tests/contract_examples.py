"""The example documents of CONTRACT.md, shared by every test that needs a quote or customer.

Copy before changing them (``copy.deepcopy``): they are module-level dicts.
"""

from __future__ import annotations

from typing import Any

QUOTE: dict[str, Any] = {
    "quote_id": "Q-2026-00123",
    "account_id": "ACC-1001",
    "currency": "USD",
    "start_date": "2027-01-01",
    "end_date": "2027-12-31",
    "term_months": 12,
    "billing_frequency": "annual",
    "payment_terms_days": 30,
    "auto_renewal": True,
    "renewal_uplift_cap_pct": 5,
    "approved_max_discount_pct": 15,
    "total_contract_value": "54000.00",
    "lines": [
        {
            "sku": "PLAT-ENT",
            "description": "Platform Enterprise seats",
            "kind": "subscription",
            "quantity": 50,
            "unit_price": "1200.00",
            "discount_pct": 10,
            "net_amount": "54000.00",
            "start_date": "2027-01-01",
            "end_date": "2027-12-31",
        }
    ],
}

CUSTOMER: dict[str, Any] = {
    "account_id": "ACC-1001",
    "legal_name": "Acme Corporation",
    "provider_entity": "Northwind Software Inc.",
    "country": "US",
    "currency": "USD",
    "payment_terms_days": 30,
    "po_required": True,
    "tax_id": "US-12-3456789",
    "tax_exempt": False,
    "credit_hold": False,
    "history": {"invoices_12m": 8, "disputed_invoices_12m": 1, "avg_days_late_12m": 4.5},
}
