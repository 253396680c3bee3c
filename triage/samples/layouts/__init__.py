"""Order-form layouts: each turns a deal into PDF bytes in its own structure and wording.

| name            | what it looks like                                                      |
| --------------- | ----------------------------------------------------------------------- |
| `cover`         | key/value cover page, pricing table and terms on the following page     |
| `prose`         | order schedule in numbered paragraphs; line items as sentences          |
| `general_terms` | pages of general terms first, commercial schedule afterwards            |
| `ramp_table`    | table-heavy; the ramp schedule table breaks across a page               |
| `letter`        | order confirmation letter with the terms in running text                |
"""

from __future__ import annotations

from collections.abc import Callable

from triage.samples.layouts.cover import render_cover
from triage.samples.layouts.document import RenderContext, RenderedForm
from triage.samples.layouts.general_terms import render_general_terms
from triage.samples.layouts.letter import render_letter
from triage.samples.layouts.prose import render_prose
from triage.samples.layouts.ramp_table import render_ramp_table

__all__ = ["LAYOUTS", "LAYOUT_NAMES", "RenderContext", "RenderedForm"]

LAYOUTS: dict[str, Callable[[RenderContext], RenderedForm]] = {
    "cover": render_cover,
    "prose": render_prose,
    "general_terms": render_general_terms,
    "ramp_table": render_ramp_table,
    "letter": render_letter,
}
"""Every layout by name."""

LAYOUT_NAMES: tuple[str, ...] = tuple(LAYOUTS)
