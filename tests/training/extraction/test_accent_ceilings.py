"""The accent ceilings are the share of plain-spelled values, fitted on generated deals."""

from __future__ import annotations

from training.extraction.fit_accent_ceilings import fit
from triage.config import REPO_ROOT
from triage.extraction.accents import AccentCeilings, fit_accent_ceilings


def test_the_ceiling_is_the_shrunk_share_of_values_without_accents() -> None:
    values = {"name": ["Tomás", "Tomas", "Grace", "Chloé"], "code": ["ORD-1", "ORD-2"]}
    ceilings = fit_accent_ceilings(values, "v", prior=0.0)
    assert ceilings.ceilings == {"name": 0.5}  # codes are never accented: never capped
    assert fit_accent_ceilings(values, "v").ceilings["name"] == round(2 / 6, 4)


def test_the_shipped_ceilings_are_what_the_generator_fits() -> None:
    shipped = AccentCeilings.load(REPO_ROOT / "models" / "extraction" / "accent_ceilings.json")
    fitted = fit(400, 20261203)
    assert set(fitted.ceilings) == set(shipped.ceilings) == {"customer_signatory"}
    assert (
        abs(fitted.ceilings["customer_signatory"] - shipped.ceilings["customer_signatory"]) < 0.05
    )
