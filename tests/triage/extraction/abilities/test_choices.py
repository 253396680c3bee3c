"""The ticked option is the value: one test per way of marking a choice on a form."""

from __future__ import annotations

import pytest

from tests.triage.extraction.abilities import docs_choices as docs
from tests.triage.extraction.abilities.conftest import Extract
from tests.triage.extraction.abilities.expect import assert_fields
from tests.triage.extraction.abilities.sheet import glyph_font


@pytest.mark.parametrize("style", docs.MARKS)
def test_ticked_option_is_the_value_not_the_first_printed(extract: Extract, style: str) -> None:
    order = docs.ticked_form(style)
    assert_fields(extract(order), order)


@pytest.mark.skipif(glyph_font() is None, reason="DejaVu Sans (fonts-dejavu-core) not installed")
@pytest.mark.parametrize("style", docs.GLYPH_MARKS)
def test_ballot_box_and_check_glyphs_mark_the_chosen_option(extract: Extract, style: str) -> None:
    order = docs.ticked_form(style)
    assert_fields(extract(order), order)


def test_forms_tick_different_options_so_no_fixed_answer_passes() -> None:
    # guards the documents themselves: a reader answering one constant value fails most forms
    ticked = {tuple(docs.ticked_form(style).fields.values()) for style in docs.MARKS}
    assert len(ticked) >= 5
