"""The word-cached vectoriser gives the fitted union's rows entry for entry."""

from __future__ import annotations

from typing import Any

import pytest
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.pipeline import FeatureUnion, Pipeline
from skops.io import load

from tests.triage.extraction.clauses.conftest import MODEL_DIR, render_pages
from triage.extraction.clauses import TRUSTED_TYPES, segment_document
from triage.extraction.clauses.classifier import MODEL_FILE
from triage.extraction.clauses.text_features import CachedTextFeatures, _WordHashing

_TERMS = [
    (
        "1. Term and renewal",
        [
            "This Order Form starts on the Effective Date and runs for thirty-six (36) months;",
            "it renews for successive twelve month terms unless either party gives notice.",
        ],
    ),
    (
        "2. Fees",
        [
            "Fees are invoiced annually in advance and are payable within 45 days of the",
            "invoice date. Überweisungen erfolgen in EUR; a late payment bears interest.",
        ],
    ),
    (
        None,
        [
            "Customer may terminate this Order for convenience upon sixty (60) days' notice,",
            "and the Provider's liability is capped at 2x the fees paid in the prior year.",
        ],
    ),
]


def _texts() -> list[str]:
    """The clause candidates of a rendered terms page, twice over and with a blank text."""
    document = render_pages([_TERMS, _TERMS[::-1]])
    texts = [candidate.text for candidate in segment_document(document)]
    assert len(texts) >= 4
    return [*texts, "   ", texts[0].upper()]


def _same_rows(fast: Any, slow: Any) -> None:
    assert type(fast) is type(slow)
    assert fast.shape == slow.shape
    assert fast.indices.dtype == slow.indices.dtype
    assert fast.indptr.tolist() == slow.indptr.tolist()
    assert fast.indices.tolist() == slow.indices.tolist()
    assert fast.data.tolist() == slow.data.tolist()  # exact floats, not approximately


def test_shipped_vectoriser_rows_are_the_fitted_unions_rows() -> None:
    union = load(MODEL_DIR / MODEL_FILE, trusted=sorted(TRUSTED_TYPES))["features"]
    cached = CachedTextFeatures(union)
    texts = _texts()
    _same_rows(cached.transform(texts), union.transform(texts))
    # a second call reads the words' counts from the cache, and a text on its own too
    _same_rows(cached.transform(texts[::-1]), union.transform(texts[::-1]))
    _same_rows(cached.transform(texts[:1]), union.transform(texts[:1]))


@pytest.mark.parametrize(
    "options",
    [
        {"alternate_sign": True, "norm": "l2"},
        {"binary": True, "norm": None, "lowercase": False, "ngram_range": (2, 4)},
    ],
)
def test_a_retrained_vectoriser_of_other_settings_keeps_its_rows(options: dict[str, Any]) -> None:
    texts = _texts()
    union = FeatureUnion(
        [
            ("words", HashingVectorizer(n_features=2**12, ngram_range=(1, 2))),
            (
                "chars",
                Pipeline(
                    [
                        (
                            "hash",
                            HashingVectorizer(analyzer="char_wb", n_features=2**14, **options),
                        ),
                        ("tfidf", TfidfTransformer()),
                    ]
                ),
            ),
        ],
        transformer_weights={"chars": 0.5},
    ).fit(texts)
    _same_rows(CachedTextFeatures(union).transform(texts), union.transform(texts))


def test_a_small_cache_is_emptied_not_grown(monkeypatch: pytest.MonkeyPatch) -> None:
    import triage.extraction.clauses.text_features as module

    monkeypatch.setattr(module, "_CACHE_WORDS", 10)
    union = load(MODEL_DIR / MODEL_FILE, trusted=sorted(TRUSTED_TYPES))["features"]
    cached = CachedTextFeatures(union)
    texts = _texts()
    _same_rows(cached.transform(texts), union.transform(texts))
    _same_rows(cached.transform(texts), union.transform(texts))
    hashing = next(
        fast[0]
        for _, fast, _ in cached._parts
        if fast is not None and isinstance(fast[0], module._WordHashing)
    )
    assert len(hashing.words) <= max(10, len({w for t in texts for w in t.lower().split()}))


def test_words_with_digits_are_counted_but_not_kept() -> None:
    union = load(MODEL_DIR / MODEL_FILE, trusted=sorted(TRUSTED_TYPES))["features"]
    cached = CachedTextFeatures(union)
    texts = [
        "Invoice INV-20931 of 14 March 2027 is payable within 45 days.",
        "The fee of USD 12,400.00 is payable annually in advance.",
    ]
    _same_rows(cached.transform(texts), union.transform(texts))
    _same_rows(cached.transform(texts), union.transform(texts))
    hashing = next(
        fast[0]
        for _, fast, _ in cached._parts
        if fast is not None and isinstance(fast[0], _WordHashing)
    )
    kept = set(hashing.words)
    assert {"invoice", "payable", "annually"} <= kept
    assert not any(ch.isdigit() for word in kept for ch in word)


_COUNTS: dict[str, Any] = {"n_features": 2**12, "norm": None, "alternate_sign": False}


@pytest.mark.parametrize(
    "tfidf",
    [
        {"norm": "l1", "use_idf": False, "sublinear_tf": True},
        {"norm": None, "sublinear_tf": True},
    ],
)
def test_tfidf_of_other_settings_keeps_its_rows(tfidf: dict[str, Any]) -> None:
    texts = _texts()
    union = FeatureUnion(
        [
            (
                name,
                Pipeline(
                    [
                        ("hash", HashingVectorizer(**_COUNTS, **hashing)),
                        ("tfidf", TfidfTransformer(**tfidf)),
                    ]
                ),
            )
            for name, hashing in (("words", {}), ("chars", {"analyzer": "char_wb"}))
        ]
    ).fit(texts)
    _same_rows(CachedTextFeatures(union).transform(texts), union.transform(texts))
