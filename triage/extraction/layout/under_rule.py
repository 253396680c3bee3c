"""Labels printed under the line their value is written on ("Customer (legal entity)"
under a rule that carries "Acme Corp"), as signature blocks and paper forms set them.

The drawn rule is the evidence: a run of small type right under a horizontal rule names
what is written right above that rule, within the rule's length. Reading top-down, the
label would otherwise seem to be the value of the line above it, or a label of the next.
"""

from __future__ import annotations

from dataclasses import dataclass

from triage.documents.parsed import Ruling
from triage.extraction.layout.ruled import PageRules, is_horizontal, spans_line
from triage.extraction.layout.segments import PlacedWord, Segment

__all__ = ["UnderRule", "labels_under_rules"]

_MIN_RULE = 40.0  # a filled line is at least this long (not an underline of a word)
_BELOW_REACH = 1.2  # the label's top within this many label heights under the rule
_ABOVE_REACH = 1.0  # the value's bottom within this many value heights over the rule
_SLACK = 3.0  # points a run may stand out beyond the rule's ends
_SMALL_LABEL = 0.9  # a label under a line is set smaller than what is written on the line
_MAX_LABEL_WORDS = 6


@dataclass(frozen=True, slots=True)
class UnderRule:
    """A label run under a rule and the words written on that rule."""

    label: Segment
    value: tuple[PlacedWord, ...]


def _rules(rules: PageRules) -> list[Ruling]:
    """The page's filled lines, in the page's order of rulings (the first that fits wins)."""
    return [r for r in rules.rulings if is_horizontal(r) and r.x1 - r.x0 >= _MIN_RULE]


def _in_a_cell(seg: Segment, rule: Ruling, rules: PageRules) -> bool:
    """Whether vertical rules at the rule's ends enclose the run: a table's row or a form
    box (read as cells), not a line left open to be written on."""
    return any(
        spans_line(r, seg) for r in rules.verticals_within(rule.x0 - _SLACK, rule.x1 + _SLACK)
    )


def _within(seg: Segment, rule: Ruling) -> bool:
    return seg.x0 >= rule.x0 - _SLACK and seg.x1 <= rule.x1 + _SLACK


def _is_label_run(seg: Segment) -> bool:
    """A label names a thing: a few words, no digits, no colon of its own."""
    text = seg.text
    return (
        len(seg.words) <= _MAX_LABEL_WORDS
        and ":" not in text
        and not any(c.isdigit() for c in text)
        and any(c.isalpha() for c in text)
    )


def _height(seg: Segment) -> float:
    return max(w.bottom - w.top for w in seg.words)


def labels_under_rules(segments: list[list[Segment]], page_rules: PageRules) -> list[UnderRule]:
    """Return each label run under a filled rule with the words written on the rule."""
    rules = _rules(page_rules)
    if not rules:
        return []
    found: list[UnderRule] = []
    for index in range(1, len(segments)):
        for seg in segments[index]:
            if not _is_label_run(seg):
                continue
            height = _height(seg)
            rule = next(
                (
                    r
                    for r in rules
                    if 0 <= seg.top - r.top <= _BELOW_REACH * height and _within(seg, r)
                ),
                None,
            )
            if rule is None or _in_a_cell(seg, rule, page_rules):
                continue
            value = _written_on(segments[max(0, index - 2) : index], rule, height)
            if value:
                found.append(UnderRule(seg, value))
    return found


def _written_on(
    lines: list[list[Segment]], rule: Ruling, label_height: float
) -> tuple[PlacedWord, ...]:
    """The runs of the nearest line over ``rule`` that stand on it, in larger type."""
    for line in reversed(lines):
        on = [
            s
            for s in line
            if _within(s, rule)
            and 0 <= rule.top - s.bottom <= _ABOVE_REACH * _height(s)
            and label_height < _SMALL_LABEL * _height(s)
        ]
        if on:
            return tuple(w for s in on for w in s.placed())
    return ()
