"""Train the label classifier (``label_model``) and save it under models/extraction/labels.

    python -m training.extraction.fit_label_model

Positive examples are the lexicon's labels and paraphrases built from their head words;
negative examples are labels that order forms carry but that name none of the 19 fields.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import fix_random_seed  # type: ignore[attr-defined]

from triage.config import REPO_ROOT
from triage.extraction.fields.lexicon import FIELD_LABELS, normalise_label
from triage.extraction.label_model import NO_FIELD

__all__ = ["NOT_FIELD_LABELS", "PARAPHRASES", "main", "train_label_model"]

NOT_FIELD_LABELS = (
    "title",
    "signature",
    "address",
    "phone",
    "telephone",
    "email",
    "e-mail",
    "bill to",
    "ship to",
    "remit from",
    "remit to",
    "notes",
    "comments",
    "tax id",
    "vat number",
    "quote number",
    "quote id",
    "account manager",
    "sales representative",
    "contact",
    "contact name",
    "website",
    "fax",
    "page",
    "description",
    "quantity",
    "unit price",
    "discount",
    "sku",
    "item",
    "product",
    "region",
    "territory",
    "department",
    "cost centre",
    "project",
    "attention",
    "account number",
    "registration number",
    "company number",
    "bank",
    "iban",
    "swift",
    "sort code",
    "prepared by",
    "approved by",
    "version",
    "governing law",
    "jurisdiction",
    "support level",
    "service level",
    "uptime",
    "users",
)

PARAPHRASES: dict[str, tuple[str, ...]] = {
    "start_date": (
        "subscription commencement",
        "commencement of service",
        "service begins",
        "go-live date",
        "subscription begins",
        "effective from",
        "term begins",
    ),
    "end_date": (
        "subscription expiry",
        "expires on",
        "term ends",
        "end of subscription",
        "service end",
        "termination date",
        "valid until",
    ),
    "term_months": ("length of term", "subscription length", "term duration", "committed term"),
    "billing_frequency": (
        "invoice cycle",
        "billing interval",
        "invoicing schedule",
        "frequency of invoicing",
        "billing terms",
    ),
    "billing_start_date": (
        "first billing date",
        "invoicing begins",
        "billing effective date",
        "first invoice",
    ),
    "payment_terms_days": ("payment due", "invoice due", "net terms", "days to pay"),
    "po_number": ("customer purchase order", "purchase order ref", "po ref", "buyer po"),
    "order_number": ("order ref no", "sales order", "order form ref", "contract ref"),
    "customer_legal_name": (
        "customer entity name",
        "client company",
        "legal entity (customer)",
        "buyer entity",
        "account name",
    ),
    "provider_legal_name": (
        "selling entity",
        "supplier company",
        "vendor legal entity",
        "contracting party (provider)",
    ),
    "total_contract_value": (
        "total order amount",
        "total committed value",
        "contract total",
        "grand total value",
        "aggregate fees",
    ),
    "renewal_notice_days": (
        "notice to cancel",
        "non renewal notice period",
        "cancellation notice period",
    ),
    "renewal_uplift_cap_pct": ("renewal increase", "uplift on renewal", "renewal price uplift"),
    "renewal_term_months": ("renewal length", "length of renewal", "renewal duration"),
    "auto_renewal": ("automatic renewal", "renews automatically", "evergreen"),
    "currency": ("billing currency code", "currency of invoice", "invoice currency code"),
    "order_date": ("date of this order", "order issue date", "order placed"),
}


# A bag of words and word pairs over a small hashed table: labels are a few words long.
_BOW = {
    "@architectures": "spacy.TextCatBOW.v3",
    "exclusive_classes": True,
    "ngram_size": 2,
    "no_output_layer": False,
    "length": 16384,
}


def _examples() -> list[tuple[str, str]]:
    pairs = [
        (normalise_label(label), field)
        for field, labels in FIELD_LABELS.items()
        for label in labels
    ]
    pairs += [
        (normalise_label(label), field) for field, labels in PARAPHRASES.items() for label in labels
    ]
    pairs += [(normalise_label(label), NO_FIELD) for label in NOT_FIELD_LABELS]
    return pairs


def train_label_model(epochs: int = 30, seed: int = 7) -> Language:
    """Return a blank English pipeline with a trained ``textcat`` over the field names."""
    random.seed(seed)
    fix_random_seed(seed)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe(
        "textcat",
        config={"model": _BOW},
    )
    names = sorted({*FIELD_LABELS, NO_FIELD})
    for name in names:
        textcat.add_label(name)  # type: ignore[attr-defined]
    data = [
        Example.from_dict(nlp.make_doc(text), {"cats": {n: float(n == field) for n in names}})
        for text, field in _examples()
    ]
    optimizer = nlp.initialize(lambda: data)
    optimizer.learn_rate = 0.01  # a few hundred short examples: the default rate underfits
    for _ in range(epochs):
        random.shuffle(data)
        for start in range(0, len(data), 16):
            nlp.update(data[start : start + 16], sgd=optimizer, drop=0.1)
    return nlp


def main() -> None:
    """Command line: train and save the label classifier."""
    parser = argparse.ArgumentParser(description="Train the key/value label classifier.")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "models" / "extraction" / "labels")
    parser.add_argument("--epochs", type=int, default=30)
    args = parser.parse_args()
    train_label_model(args.epochs).to_disk(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
