"""The label lexicon: data that names fields, validated on load, matched with care."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from triage.errors import ConfigError
from triage.extraction.fields.cues import CUES_PATH, load_cues
from triage.extraction.fields.lexicon import LEGAL_FORM, match_label
from triage.extraction.lexicon_data import LEXICON_PATH, load_lexicon


def _fields(label: str) -> set[str]:
    return {field for field, _ in match_label(label)}


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Order form ref.", "order_number"),  # "ref" is "reference"
        ("Order Form No.", "order_number"),
        ("PO Nr.", "po_number"),
        ("PO ref", "po_number"),
    ],
)
def test_abbreviated_labels_name_the_field_of_the_words_they_stand_for(
    label: str, field: str
) -> None:
    assert _fields(label) == {field}


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Commencement", "start_date"),
        ("Service commences", "start_date"),
        ("Billing commences", "billing_start_date"),  # the start of invoicing, not of service
        ("Initial period", "term_months"),
        ("Payment period", "payment_terms_days"),
        ("Billing period", "billing_frequency"),
        ("Settlement", "payment_terms_days"),
        ("Order identifier", "order_number"),
    ],
)
def test_labels_in_other_words_name_their_field(label: str, field: str) -> None:
    assert _fields(label) == {field}


def test_of_two_overlapping_synonyms_the_leftmost_names_the_field() -> None:
    # "purchase order" and "order reference" overlap in "purchase order reference".
    assert _fields("Purchase order reference") == {"po_number"}
    assert _fields("Purchase order ref") == {"po_number"}


@pytest.mark.parametrize(
    "name",
    ["Acme Ltd", "ACME PUMPS LTD", "Lakeshore Partners, P.C.", "Fjord Data GmbH", "Nord A/S"],
)
def test_a_company_name_ends_in_a_legal_form_as_printed_or_in_capitals(name: str) -> None:
    assert re.search(rf"\b{LEGAL_FORM}$", name)


@pytest.mark.parametrize("name", ["Acme ltd", "the company", "Regional Office"])
def test_a_lower_case_or_missing_form_ends_no_company_name(name: str) -> None:
    assert not re.search(rf"\b{LEGAL_FORM}$", name)


def _write_lexicon(tmp_path: Path, change: dict[str, object]) -> Path:
    raw = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    raw.update(change)
    path = tmp_path / "lexicon.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_the_shipped_lexicon_loads() -> None:
    lexicon = load_lexicon()
    assert "prepared for" in lexicon.addressee_labels
    assert lexicon.label_abbreviations["no"] == "number"


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"legal_forms": ["Ltd", " GmbH"]}, "legal form"),
        ({"label_abbreviations": {False: "number"}}, "label_abbreviations"),
        ({"fallback_cues": ["(unclosed"]}, "fallback cue"),
        ({"field_labels": {"shoe_size": ["shoe size"]}}, "shoe_size"),
        ({"addressee_labels": None}, "addressee_labels"),
    ],
)
def test_a_malformed_lexicon_stops_loading_with_a_message_naming_the_problem(
    tmp_path: Path, change: dict[str, object], named: str
) -> None:
    with pytest.raises(ConfigError, match=named):
        load_lexicon(_write_lexicon(tmp_path, change))


def _write_cues(tmp_path: Path, rule_change: dict[str, object]) -> Path:
    raw = yaml.safe_load(CUES_PATH.read_text(encoding="utf-8"))
    raw["sentence_rules"][0].update(rule_change)
    path = tmp_path / "cues.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_the_prose_cues_are_data_and_load_into_rules() -> None:
    cues, sentences, statements = load_cues()
    assert {rule.field for rule in cues} >= {"start_date", "end_date", "order_date"}
    assert all(rule.requires for rule in sentences)
    assert statements["does_not_renew"].search("This Order will not renew.")
    assert statements["renews_automatically"].search("It renews automatically each year.")
    assert not statements["renews_automatically"].search("Renewal by mutual agreement.")


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"shoe_size": ["x"]}, "unknown statement 'shoe_size'"),
        ({"does_not_renew": None}, "statement 'does_not_renew' is missing"),
        ({"about_billing": []}, "statement 'about_billing' has no pattern"),
        ({"about_billing": ["(unclosed"]}, "is not a regular expression"),
    ],
)
def test_a_malformed_statement_stops_loading_with_a_message_naming_it(
    tmp_path: Path, change: dict[str, object], named: str
) -> None:
    raw = yaml.safe_load(CUES_PATH.read_text(encoding="utf-8"))
    for name, patterns in change.items():
        if patterns is None:
            del raw["statements"][name]
        else:
            raw["statements"][name] = patterns
    path = tmp_path / "cues.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(named)):
        load_cues(path)


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"field": "shoe_size"}, "unknown field 'shoe_size'"),
        ({"label": "COLOUR"}, "unknown entity label 'COLOUR'"),
        ({"requires": ["(unclosed"]}, "is not a regular expression"),
        ({"score": 1.5}, "score"),
        ({"reaches": 3}, "reaches"),
    ],
)
def test_a_malformed_cue_file_stops_loading_with_a_message_naming_the_problem(
    tmp_path: Path, change: dict[str, object], named: str
) -> None:
    with pytest.raises(ConfigError, match=re.escape(named)):
        load_cues(_write_cues(tmp_path, change))


def test_the_cue_file_is_part_of_the_extractor_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from triage.extraction import extractor

    models = tmp_path / "models"
    (models / "extraction").mkdir(parents=True)
    (models / "clauses").mkdir()
    cues = tmp_path / "cues.yaml"
    cues.write_bytes(CUES_PATH.read_bytes())
    monkeypatch.setattr(extractor, "CUES_PATH", cues)
    before = extractor.models_fingerprint(models)
    cues.write_bytes(CUES_PATH.read_bytes() + b"\n# an edit\n")
    assert extractor.models_fingerprint(models) != before


def test_a_cue_rules_not_after_pattern_is_checked_on_load(tmp_path: Path) -> None:
    raw = yaml.safe_load(CUES_PATH.read_text(encoding="utf-8"))
    raw["cue_rules"][0]["not_after"] = "(unclosed"
    path = tmp_path / "cues.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError, match="is not a regular expression"):
        load_cues(path)
