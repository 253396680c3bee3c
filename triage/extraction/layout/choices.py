"""Choices marked on a form: keep the ticked options, drop the others.

A form lists every option and marks the chosen one: ``☒ Annually  ☐ Monthly``,
``[X] Net 30  [ ] Net 60``, ``(•) Yes  ( ) No``, a ZapfDingbats ``■``, or a drawn box that
the reader already turned into ``☒``/``☐`` (``triage.documents.marks``). Read as plain
text, the first option printed would win. ``resolve_choices`` rewrites each page so that
it reads like a form filled in by hand: an unmarked option disappears with its marker, a
marked one keeps its words and loses only the marker. Every later stage (label/value
pairs, prose cues) then sees the chosen value alone, with its own evidence box.

An option is the marker and the words after it up to the next marker or a wide gap; on a
line that ends with a marker, the marker follows its option instead (``Yes [X] No [ ]``).
A line is treated as a row of options only when it holds an unmarked marker or at least
two markers, so a bullet list is left alone.

Words struck out by a drawn line (``triage.documents.marks.struck_words``) are options
rejected the other way: "renews / ~~does not renew~~" reads "renews". They go first, with
a separator ("/", "|") left dangling beside them; what is not struck is the choice.

Where the dropped words stood inside a sentence ("USD 900.00 per ☐ month ☒ year",
"renews ~~/ does not renew~~ automatically for ..."), the word before them takes over
their place up to word spacing from the next kept word, so that the sentence still reads
as one run of words and is not cut into cells at the hole they leave.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum

from triage.documents.marks import struck_words
from triage.documents.parsed import Page, ParsedDocument, Ruling, TextLine, Word

__all__ = ["resolve_choices"]


class _Kind(Enum):
    MARKED = "marked"
    EMPTY = "empty"
    TEXT = "text"


_MARKED_GLYPHS = "☒☑✓✔✗✘■▣◉●⊠⊗"
_EMPTY_GLYPHS = "☐□○◯❏❑❐❒◻"
_INSIDE_MARKED = r"[xX✓✔✗✘•●■*]"
# A whole marker, or a marker glued to the first word of its option ("(•)36", "[X]Net").
_MARKER = re.compile(
    rf"^(?:(?P<marked>[{_MARKED_GLYPHS}]|\[\s*{_INSIDE_MARKED}\s*\]|\(\s*{_INSIDE_MARKED}\s*\))"
    rf"|(?P<empty>[{_EMPTY_GLYPHS}]|\[\s*\]|\(\s*\)))(?P<rest>.*)$"
)
_MAYBE_MARKER = re.compile(rf"[\[(\u2022{_MARKED_GLYPHS}{_EMPTY_GLYPHS}]")
_OPEN, _CLOSE = {"(": ")", "[": "]"}, {")", "]"}
_SEPARATORS = frozenset("/|")  # between two options: gone with the struck one
_GAP_HEIGHTS = 2.5  # words further apart than this many word heights belong to another cell
_WORD_GAP_HEIGHTS = 0.8  # about three spaces: wider, and the next word is no longer the option's
_SPACE_HEIGHTS = 0.3  # one space, in word heights
_ON_OUTLINE = 1.0  # points: a rule this close to a mark word's box is the box's own side


def _walled(left: Word, right: Word, walls: Sequence[Ruling]) -> bool:
    """Whether a drawn upright rule (a cell border) stands between two words of a line."""
    middle = (left.top + left.bottom) / 2
    return any(
        left.x1 <= wall.x0 <= right.x0 and wall.top <= middle <= wall.bottom for wall in walls
    )


def _cell_walls(page: Page) -> list[Ruling]:
    """Return the page's upright rules that may part two cells: not the sides of a drawn
    tick box, which the reader turns into a mark word lying on them."""
    marks = [w for line in page.lines for w in line.words if _MAYBE_MARKER.search(w.text)]
    return [
        rule
        for rule in page.rulings
        if rule.bottom - rule.top > rule.x1 - rule.x0
        and not any(
            w.x0 - _ON_OUTLINE <= rule.x0 <= w.x1 + _ON_OUTLINE
            and rule.top < w.bottom
            and w.top < rule.bottom
            for w in marks
        )
    ]


def _closed_up(words: Iterable[tuple[Word, bool]], walls: Sequence[Ruling] = ()) -> list[Word]:
    """Return the kept words of ``(word, dropped)``; a run of dropped words inside a sentence
    (its first word at word spacing after a kept word of the same line) leaves no hole:
    that kept word reaches over it to one space before the next kept word. A hole at a
    cell border (one of ``walls``, upright rulings) stays: the next cell's words are no
    part of the sentence."""
    items = list(words)
    kept: list[Word] = []
    for index, (word, dropped) in enumerate(items):
        if dropped:
            continue
        end = index + 1
        while end < len(items) and items[end][1]:
            end += 1
        if index + 1 < end < len(items):
            first, right = items[index + 1][0], items[end][0]
            height = word.bottom - word.top
            same_line = all(word.top < (w.top + w.bottom) / 2 < word.bottom for w in (first, right))
            if (
                same_line
                and 0 <= first.x0 - word.x1 <= _WORD_GAP_HEIGHTS * height
                and not _walled(word, right, walls)
            ):
                word = replace(word, x1=max(word.x1, right.x0 - _SPACE_HEIGHTS * height))
        kept.append(word)
    return kept


@dataclass(frozen=True, slots=True)
class _Token:
    kind: _Kind
    words: tuple[Word, ...]  # the words of the token (a split word yields a new Word)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1


def _split_word(word: Word, cut: int) -> tuple[Word, Word]:
    """Split ``word`` after ``cut`` characters, sharing its width by character count."""
    share = (word.x1 - word.x0) * cut / max(1, len(word.text))
    middle = word.x0 + share
    return (
        Word(word.text[:cut], word.x0, word.top, middle, word.bottom, word.confidence),
        Word(word.text[cut:], middle, word.top, word.x1, word.bottom, word.confidence),
    )


def _bracketed(words: Sequence[Word], start: int) -> tuple[_Kind, int] | None:
    """A marker typed over several words: ``( )``, ``[ ]``, ``( x )``; return its kind and
    how many words it spans."""
    first = words[start].text
    if first not in _OPEN:
        return None
    closing = _OPEN[first]
    if start + 1 < len(words) and words[start + 1].text == closing:
        return _Kind.EMPTY, 2
    if (
        start + 2 < len(words)
        and words[start + 2].text == closing
        and re.fullmatch(_INSIDE_MARKED, words[start + 1].text)
    ):
        return _Kind.MARKED, 3
    return None


def _tokens(words: Sequence[Word]) -> list[_Token]:
    tokens: list[_Token] = []
    index = 0
    while index < len(words):
        word = words[index]
        spanned = _bracketed(words, index)
        if spanned is not None:
            kind, count = spanned
            tokens.append(_Token(kind, tuple(words[index : index + count])))
            index += count
            continue
        match = _MARKER.match(word.text)
        if match is None:
            tokens.append(_Token(_Kind.TEXT, (word,)))
        else:
            kind = _Kind.MARKED if match.group("marked") else _Kind.EMPTY
            rest = match.group("rest")
            if rest:
                marker, text = _split_word(word, len(word.text) - len(rest))
                tokens += [_Token(kind, (marker,)), _Token(_Kind.TEXT, (text,))]
            else:
                tokens.append(_Token(kind, (word,)))
        index += 1
    return tokens


def _is_choice_row(tokens: Sequence[_Token]) -> bool:
    markers = [t for t in tokens if t.kind is not _Kind.TEXT]
    return len(markers) >= 2 or any(t.kind is _Kind.EMPTY for t in markers)


def _options(tokens: list[_Token], height: float) -> list[tuple[int, list[int]]]:
    """Return (marker index, option text indexes) for every marker of the row.

    An option's words start within a few word heights of its mark and follow one another
    at word spacing; a wider gap between two of them starts another cell ("☐ 90 days",
    then a "7%" under the next column's label).
    """
    gap, word_gap = _GAP_HEIGHTS * height, _WORD_GAP_HEIGHTS * height
    after_style = tokens[-1].kind is not _Kind.TEXT
    options: list[tuple[int, list[int]]] = []
    for index, token in enumerate(tokens):
        if token.kind is _Kind.TEXT:
            continue
        step = -1 if after_style else 1
        texts: list[int] = []
        edge = token.x0 if after_style else token.x1
        probe = index + step
        while 0 <= probe < len(tokens) and tokens[probe].kind is _Kind.TEXT:
            neighbour = tokens[probe]
            distance = (edge - neighbour.x1) if after_style else (neighbour.x0 - edge)
            if distance > (word_gap if texts else gap):
                break
            texts.append(probe)
            edge = neighbour.x0 if after_style else neighbour.x1
            probe += step
        options.append((index, texts))
    return options


def _is_marker(token: _Token) -> bool:
    return token.kind is not _Kind.TEXT


def _resolve_tokens(tokens: list[_Token], height: float, walls: Sequence[Ruling]) -> list[Word]:
    """Return the words of a row of options with the unmarked options and the markers gone."""
    dropped: set[int] = set()
    for marker, texts in _options(tokens, max(height, 4.0)):
        dropped.add(marker)
        if tokens[marker].kind is _Kind.EMPTY:
            dropped.update(texts)
    return _closed_up(
        ((w, i in dropped) for i, token in enumerate(tokens) for w in token.words), walls
    )


def _column_continues(tokens: list[_Token], first_marker_x: float) -> bool:
    """A line that only continues a list of options stacked under a label's first option:
    it starts with a marker at the same left edge."""
    return bool(tokens) and _is_marker(tokens[0]) and abs(tokens[0].x0 - first_marker_x) <= 3.0


def _in_columns(words: list[Word]) -> tuple[Word, ...]:
    """Order the kept words of options stacked over several lines as one row of cells.

    Each run of words from one printed line stays together; runs are ordered left to right
    and, in the same column, top to bottom. So an option ticked on the second line of a
    wrapped row of options ("☐ Monthly ☐ Quarterly | ☒ EUR" over "☒ Annually") lands in
    the column of its label ("Annually" under "Invoice schedule", "EUR" under "Invoice
    currency"), as it would on a form filled in by hand.
    """
    runs: list[list[Word]] = []
    for word in words:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and abs(word.top - last.top) <= 1.0
            and 0.0 <= word.x0 - last.x1 <= _GAP_HEIGHTS * max(last.bottom - last.top, 4.0)
        ):
            runs[-1].append(word)
        else:
            runs.append([word])
    runs.sort(key=lambda run: (round(run[0].x0 / 4.0), run[0].top))
    return tuple(word for run in runs for word in run)


def _without_struck(line: TextLine, rulings: Sequence[Ruling]) -> TextLine | None:
    """Return ``line`` without its struck-out words (None when nothing is left)."""
    struck = struck_words(line.words, rulings)
    if not struck:
        return line
    words = line.words
    kept = _closed_up(
        (
            word,
            index in struck
            or (word.text in _SEPARATORS and (index - 1 in struck or index + 1 in struck)),
        )
        for index, word in enumerate(words)
    )
    return TextLine(tuple(kept)) if kept else None


def _resolve_page(page: Page) -> Page:
    lines: list[TextLine] = []
    printed = page.lines
    if page.rulings:
        rulings = [r for r in page.rulings if r.x1 - r.x0 > r.bottom - r.top]
        unstruck = [_without_struck(line, rulings) for line in printed]
        printed = tuple(line for line in unstruck if line is not None)
    changed = len(printed) != len(page.lines) or any(
        a is not b for a, b in zip(printed, page.lines, strict=False)
    )
    walls: list[Ruling] | None = None  # found once, on the page's first row of options
    rows = [
        (line, _tokens(line.words) if _MAYBE_MARKER.search(line.text) else []) for line in printed
    ]
    index = 0
    while index < len(rows):
        line, tokens = rows[index]
        markers = [t for t in tokens if _is_marker(t)]
        if not markers:  # (a line without a marker character has no tokens at all)
            lines.append(line)
            index += 1
            continue
        # Options stacked one per line under the first: read them as one row.
        group = list(tokens)
        end = index + 1
        while end < len(rows) and _column_continues(rows[end][1], markers[0].x0):
            group += rows[end][1]
            end += 1
        if not _is_choice_row(group) and (
            all(t.kind is _Kind.MARKED for t in markers) and len(markers) == 1 and end == index + 1
        ):
            lines.append(line)  # a lone mark: a bullet, or a list item; left alone
            index += 1
            continue
        height = min(w.bottom - w.top for w in line.words)
        if walls is None:
            walls = _cell_walls(page)
        words = _resolve_tokens(group, height, walls)
        changed = True
        if words:
            lines.append(TextLine(_in_columns(words)))
        index = end
    if not changed:
        return page
    return replace(page, lines=tuple(lines))


def resolve_choices(document: ParsedDocument) -> ParsedDocument:
    """Return ``document`` with every row of marked choices reduced to the chosen options."""
    pages = tuple(_resolve_page(page) for page in document.pages)
    if all(new is old for new, old in zip(pages, document.pages, strict=True)):
        return document
    return replace(document, pages=pages)
