"""Label/value pairs found by geometry: ``Label: value``, a label cell with its value to the
right (in a ruled row when a drawn rule divides them), a label with its value on the line
below (form boxes), or a caption under the drawn line its value is written on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from triage.documents.parsed import Page, Word
from triage.extraction.layout.ruled import PageRules
from triage.extraction.layout.segments import LIST_MARK, PlacedWord, Segment, split_line
from triage.extraction.layout.under_rule import labels_under_rules
from triage.extraction.lexicon_data import load_lexicon

__all__ = ["Arrangement", "KeyValue", "find_key_values"]

_NOT_LABEL_CHARACTER = re.compile(r"[^\w\s-]")
_QUALIFIER = re.compile(r"\([^()]*\)")

_MAX_LABEL_WORDS = 7
_LIST_MARK = re.compile(rf"^{LIST_MARK}$")
_SMALL_LABEL = 0.9  # a label row's type is at most this share of its values' height
_LABEL_ROW_GAP = 1.5  # a label row sits at most this many value heights above its values
_CAPITALS_ROW_GAP = 3.0  # ... and a row of several labels in capitals this many
# A code that a label runs straight into ("Reference CP-4471-B"): digits with capitals,
# hyphens or slashes, no spaces; the label is at most this many words before it.
_CODE_VALUE = re.compile(r"^(?=\S*\d)(?=\S*[A-Z\-/])[A-Z0-9][A-Za-z0-9\-/_.#]{2,}[A-Z0-9]$")
_CODE_LABEL_WORDS = 3
_HEADING_BREAKS = frozenset("-–—|·")  # "Acme GmbH - Quote WS-8812": the label after the dash


class Arrangement(Enum):
    """Where the value sits relative to its label."""

    INLINE = "inline"  # "Label: value" in one run of words
    RIGHT = "right"  # label cell, value cell to its right
    BELOW = "below"  # label above, value under it
    CELL = "cell"  # a form box: a label in small type over the value written in it
    ABOVE = "above"  # a label in small type under the rule its value is written on
    ROW = "row"  # a ruled row: the label cell, a drawn rule, the value cell


@dataclass(frozen=True, slots=True)
class KeyValue:
    """A label and the words that may be its value; ``colon`` says the label ended in ':'."""

    label: str
    value: tuple[PlacedWord, ...]
    arrangement: Arrangement
    colon: bool
    label_x0: float

    @property
    def value_text(self) -> str:
        """Return the value words joined by spaces."""
        return " ".join(w.text for _, _, w in self.value)

    @property
    def page(self) -> int:
        """Return the 1-based page of the value."""
        return self.value[0][0]


def _label_text(words: tuple[Word, ...]) -> str:
    return " ".join(w.text for w in words).rstrip(":").strip()


def _colon_index(words: tuple[Word, ...], start: int) -> int | None:
    for index in range(start, min(len(words), start + _MAX_LABEL_WORDS)):
        if words[index].text.endswith(":") and not words[index].text.endswith("://"):
            return index
    return None


def _split_inline(seg: Segment) -> list[tuple[tuple[Word, ...], tuple[Word, ...]]]:
    """Split "A: x B: y" into [(A, x), (B, y)], the next label being a short capitalised run."""
    words = seg.words
    pairs: list[tuple[tuple[Word, ...], tuple[Word, ...]]] = []
    # A list item's marker ("•", "(b)", "3.") is no part of the label it introduces.
    start = 1 if len(words) > 1 and _LIST_MARK.match(words[0].text) else 0
    colon = _colon_index(words, start)
    if colon is None or not words[start].text[:1].isalpha():
        return []
    while colon is not None:
        following = _colon_index(words, colon + 2) if colon + 2 < len(words) else None
        end = len(words)
        if following is not None:
            begin = following
            while (
                begin - 1 > colon + 1
                and words[begin - 1].text[:1].isupper()
                and following - begin < 3
            ):
                begin -= 1
            if not words[begin].text[:1].isupper():
                following = None
            else:
                end = begin
        pairs.append((words[start : colon + 1], words[colon + 1 : end]))
        if following is None:
            break
        start, colon = end, following
    return pairs


def _below(segments: list[list[Segment]], line: int, label: Segment) -> Segment | None:
    height = label.bottom - label.top
    for next_line in segments[line + 1 : line + 3]:
        for seg in next_line:
            if seg.top - label.bottom > 1.6 * height:
                return None
            if seg.x0 < label.x1 and seg.x1 > label.x0 and abs(seg.x0 - label.x0) < 3 * height:
                return seg
    return None


def _wrapped_label(segments: list[list[Segment]], index: int, position: int) -> KeyValue | None:
    """A label cell wrapped over two lines ("Subscription" / "Start:") with its value beside
    the first line: join the two label lines and take that value."""
    seg = segments[index][position]
    following = segments[index][position + 1] if position + 1 < len(segments[index]) else None
    if index == 0 or not seg.text.endswith(":"):
        return None
    if len(seg.words) > 3:
        return None
    height = seg.bottom - seg.top
    words, lower, row = seg.words, seg, index - 1
    while row >= 0 and index - row <= 3:
        up_position, up = next(
            ((i, s) for i, s in enumerate(segments[row]) if abs(s.x0 - seg.x0) <= 1.5), (-1, None)
        )
        if (
            up is None
            or lower.top - up.bottom > 0.8 * height
            or ":" in up.text
            or len(up.words) > 4
        ):
            return None
        words = up.words + words
        beside = segments[row][up_position + 1] if up_position + 1 < len(segments[row]) else None
        if beside is not None and not beside.text.endswith(":"):
            # Whatever follows the label's last line must be another label, the value's own
            # wrapped continuation, or a cell further right: never a value of its own.
            if (
                following is not None
                and not following.text.endswith(":")
                and following.x0 < beside.x0 - 1.5
            ):
                return None
            value = _with_continuation(segments, row, segments[row][up_position + 1])
            return KeyValue(_label_text(words), value, Arrangement.RIGHT, True, up.x0)
        lower, row = up, row - 1
    return None


def _with_continuation(
    segments: list[list[Segment]], index: int, value: Segment
) -> tuple[PlacedWord, ...]:
    """A value cell that wraps: the next line's run starting at the value's left edge, when
    nothing but a (wrapped) label sits to its left."""
    placed = value.placed()
    height = value.bottom - value.top
    last = value
    for row in segments[index + 1 : index + 3]:
        below = next((s for s in row if abs(s.x0 - value.x0) <= 1.5), None)
        if below is None or below.top - last.bottom > 0.8 * height or ":" in below.text:
            break
        left = [s for s in row if s.x1 <= below.x0]
        if any(
            len(s.words) > 3 or any(c.isdigit() for c in s.text) or s.text.endswith(":")
            for s in left
        ):
            break  # (a label of its own on the left: the next pair, not this value's rest)
        placed += below.placed()
        last = below
    return tuple(placed)


def _value_inside_label(seg: Segment) -> KeyValue | None:
    """``Service Commencement 2027-05-01 Date:``: a value set between the lines of its label."""
    if not seg.text.endswith(":") or len(seg.words) > _MAX_LABEL_WORDS:
        return None
    inner = tuple(w for w in seg.words[1:-1] if any(c.isdigit() for c in w.text))
    if not inner:
        return None
    label = _label_text(tuple(w for w in seg.words if w not in inner))
    return KeyValue(label, tuple(seg.placed(inner)), Arrangement.INLINE, True, seg.x0)


def _label_then_code(seg: Segment) -> KeyValue | None:
    """``Reference CP-4471-B``, ``ORDER COVER No. OC-00918``: a label that runs into the
    code it names with no colon or gap between (a title line, a one-run row). The label is
    the few words before the code, after a dash or bar that sets a heading apart."""
    words = seg.words
    if len(words) < 2 or ":" in seg.text or not _CODE_VALUE.match(words[-1].text):
        return None
    start = max(0, len(words) - 1 - _CODE_LABEL_WORDS)
    for index in range(len(words) - 2, start - 1, -1):
        if words[index].text in _HEADING_BREAKS:
            start = index + 1
            break
    label = words[start:-1]
    if not label or not label[0].text[:1].isalpha():
        return None
    return KeyValue(
        _label_text(label), tuple(seg.placed(words[-1:])), Arrangement.RIGHT, False, label[0].x0
    )


def _line_height(segments: list[Segment]) -> float:
    heights = sorted(w.bottom - w.top for seg in segments for w in seg.words)
    return heights[len(heights) // 2] if heights else 0.0


@lru_cache(maxsize=1)
def _block_label_words() -> frozenset[str]:
    lexicon = load_lexicon()
    names = {
        label
        for field in ("customer_legal_name", "provider_legal_name")
        for label in lexicon.field_labels.get(field, ())
    }
    weak = {label for label, field in lexicon.weak_labels.items() if field.endswith("legal_name")}
    return frozenset(names | weak | lexicon.block_labels)


def _is_block_label(text: str) -> bool:
    """A label that heads an address or party block ("SOLD TO", "Ship to", "Customer")."""
    return _NOT_LABEL_CHARACTER.sub("", text.lower()).strip() in _block_label_words()


def _is_label_row(segments: list[list[Segment]], index: int, heights: list[float]) -> bool:
    """A row of labels over a row of values: the labels are set clearly smaller than the
    values right under them (ruled form boxes, "label above value" cells). ``heights``:
    the ``_line_height`` of each line."""
    if index + 1 >= len(segments) or not segments[index] or not segments[index + 1]:
        return False
    label, value = heights[index], heights[index + 1]
    # (what the test below asks of the heights first: most lines fail it here)
    if not 0 < label <= value or (label >= _SMALL_LABEL * value and len(segments[index]) < 2):
        return False
    gap = min(s.top for s in segments[index + 1]) - max(s.bottom for s in segments[index])
    # A row of labels in capitals ("BILL TO  SHIP TO  CONTACT") may stand further above.
    labels = segments[index]
    capitals = len(labels) >= 2 and all(
        s.text.upper() == s.text and any(c.isalpha() for c in s.text) for s in labels
    )
    reach = _CAPITALS_ROW_GAP if capitals else _LABEL_ROW_GAP
    # Labels are set smaller than their values; a row of capitals that names address
    # blocks ("SOLD TO  SHIP TO") may be set in small capitals as tall as the values.
    smaller = label < _SMALL_LABEL * value or (
        capitals and label <= value and any(_is_block_label(s.text) for s in labels)
    )
    # A row that holds nothing but the labels of party and address blocks ("Bill To  Sold
    # To  Ship To") is a row of labels in any type.
    smaller = smaller or (len(labels) >= 2 and all(_is_block_label(s.text) for s in labels))
    smaller = smaller or _over_one_row_of_figures(segments, index)
    if not (label > 0 and smaller and gap < reach * value):
        return False
    # Labels name things; a run with digits in it is a value (or a label with its value).
    if any(any(c.isdigit() for c in s.text) for s in segments[index]):
        return False
    # "Client: X" carries its value on its own line; a row of cards' labels ("ORDER NUMBER:
    # CUSTOMER:") does not, while one "Name:" alone may end a label wrapped over two lines
    row = segments[index]
    if any(":" in s.text for s in row) and (
        len(row) < 2 or not all(s.text.endswith(":") for s in row)
    ):
        return False
    # Each label heads a column: the values start inside the labels' columns.
    first = segments[index][0].x0 - 3.0 * label
    return all(v.x0 >= first for v in segments[index + 1])


def _aligned_figures(labels: list[Segment], values: list[Segment]) -> bool:
    """Whether each of ``values`` holds a figure and stands under one of ``labels``, in turn."""
    return len(values) == len(labels) and all(
        any(c.isdigit() for c in value.text) and value.x0 < label.x1 and value.x1 > label.x0
        for label, value in zip(labels, values, strict=True)
    )


def _over_one_row_of_figures(segments: list[list[Segment]], index: int) -> bool:
    """A strip of labels in type as large as its values ("SUBTOTAL | DISCOUNT | TOTAL" over
    their amounts, "Start date | End date" over the dates): each label over one figure and
    nothing more of the kind under those (a table's header runs over several rows)."""
    labels = segments[index]
    if len(labels) < 2 or not _aligned_figures(labels, segments[index + 1]):
        return False
    return index + 2 >= len(segments) or not _aligned_figures(labels, segments[index + 2])


def _cell_values(
    segments: list[list[Segment]], index: int, position: int, heights: list[float]
) -> tuple[PlacedWord, ...]:
    """The value cell under label ``position`` of label row ``index``: the runs of the
    following value lines that start inside the label's column (from its left edge to the
    next label's), down to the next label row or a wider gap."""
    row = segments[index]
    left = row[position].x0 - 3.0
    right = row[position + 1].x0 - 1.0 if position + 1 < len(row) else float("inf")
    placed: list[PlacedWord] = []
    last_bottom = max(s.bottom for s in row)
    height = heights[index + 1]
    for below in range(index + 1, min(len(segments), index + 5)):
        line = segments[below]
        if below > index + 1 and (
            _is_label_row(segments, below, heights)
            or not _SMALL_LABEL * height <= heights[below] <= height / _SMALL_LABEL
        ):
            break  # the next row of labels, a caption or the next section's heading
        if below > index + 1 and min(s.top for s in line) - last_bottom > 1.2 * height:
            break  # (the gap under the labels themselves was judged by _is_label_row)
        inside = [s for s in line if left <= s.x0 < right]
        if not inside:
            if placed:
                break
            # Nothing in this column on this line (an option row that wraps, the ticked
            # option on its second line): the next line is measured from this one.
            last_bottom = max(s.bottom for s in line)
            continue
        for seg in inside:
            placed += seg.placed()
        last_bottom = max(s.bottom for s in line)
    return tuple(placed)


def _label_row_pairs(
    segments: list[list[Segment]], index: int, heights: list[float]
) -> list[KeyValue]:
    pairs = []
    for position, seg in enumerate(segments[index]):
        value = _cell_values(segments, index, position, heights)
        if value and len(seg.words) <= _MAX_LABEL_WORDS + 3:
            label = _label_text(seg.words)
            pairs.append(KeyValue(label, value, Arrangement.CELL, seg.text.endswith(":"), seg.x0))
    return pairs


def _label_length(text: str) -> int:
    """A label's words, its bracketed qualifier not counted ("Total contract value
    (excluding VAT / sales tax)" is a label of three words)."""
    return len(_QUALIFIER.sub(" ", text).split())


def find_key_values(page: Page) -> list[KeyValue]:
    """Return every label/value pair the page's geometry suggests, colon-less ones included."""
    segments = [split_line(line, page.number, i) for i, line in enumerate(page.lines)]
    heights = [_line_height(line_segments) for line_segments in segments]
    rules = PageRules(page.rulings)
    under = labels_under_rules(segments, rules)
    pairs: list[KeyValue] = [
        KeyValue(_label_text(u.label.words), u.value, Arrangement.ABOVE, False, u.label.x0)
        for u in under
    ]
    # A label under a rule is no value of the line above it (and that line no label of it).
    captions = {(u.label.line, u.label.x0) for u in under}
    for index, line_segments in enumerate(segments):
        if _is_label_row(segments, index, heights):
            pairs += _label_row_pairs(segments, index, heights)
            continue
        for position, seg in enumerate(line_segments):
            special = _wrapped_label(segments, index, position) or _value_inside_label(seg)
            if special is not None:
                pairs.append(special)
                continue
            inline = _split_inline(seg)
            for label_words, value_words in inline:
                label = _label_text(label_words)
                if value_words:
                    placed = tuple(seg.placed(value_words))
                    pairs.append(KeyValue(label, placed, Arrangement.INLINE, True, seg.x0))
                    continue
                nearby = _neighbour(segments, index, position, seg)
                if nearby is not None:
                    pairs.append(KeyValue(label, nearby[1], nearby[0], True, seg.x0))
            coded = None if inline else _label_then_code(seg)
            if coded is not None:
                pairs.append(coded)
            if inline or _label_length(seg.text) > _MAX_LABEL_WORDS:
                continue
            nearby = _neighbour(segments, index, position, seg, rules)
            if nearby is not None and (nearby[1][0][1], nearby[1][0][2].x0) not in captions:
                pairs.append(KeyValue(_label_text(seg.words), nearby[1], nearby[0], False, seg.x0))
    return pairs


def _neighbour(
    segments: list[list[Segment]],
    index: int,
    position: int,
    seg: Segment,
    rules: PageRules | None = None,
) -> tuple[Arrangement, tuple[PlacedWord, ...]] | None:
    """The value beside a label (in the next cell of a ruled row, or after a gap), or
    failing that under it; never under it in the next row of a ruled grid."""
    line_segments = segments[index]
    if position + 1 < len(line_segments):
        right = line_segments[position + 1]
        ruled = rules is not None and rules.between_cells(seg, right)
        arrangement = Arrangement.ROW if ruled else Arrangement.RIGHT
        return arrangement, _with_continuation(segments, index, right)
    below = _below(segments, index, seg)
    if below is None:
        return None
    if rules is not None and rules.in_a_grid_row(seg) and rules.between_rows(seg, below):
        return None  # the next row's cell, not this one's value
    return Arrangement.BELOW, tuple(below.placed())
