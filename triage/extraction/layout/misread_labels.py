"""Labels misread by OCR, put right before anything reads them.

A scan's labels come back with letters misread ("Tesm start", "Billing trequency",
"Authonsed signature", "Subscription stan date") and their format hints too
("(MM/DDIYYYY)", "(YYY Y-MM-DD)"). Matched as text, such a label names nothing and its
value is lost. ``mend_labels`` rewrites, on pages read by OCR only (``Page.recogniser``),
each run of words that is a known label but for a few misread letters into that label, and
each date-format hint into its printed form; every later stage then reads the page as if
OCR had read it right. The words keep their boxes and their recognition confidence.

How many misread letters a word may hold grows with how unsure the recogniser was of it:
``2 * (1 - confidence) * length`` edits, at most a third of its letters, none in a word
of fewer than four letters. An edit between look-alike letters (``rn``/``m``, ``ri``/``n``,
``l``/``t``, ``f``/``t``) costs half. A run is rewritten only when:

- its words sit at word spacing on one line (a label does not cross a cell's gap);
- no word of it is itself another label word ("end" is never read as "start");
- a run of several words keeps at least one word exact, or misses by one edit in all;
  a single word stands alone in its cell or before a colon or a bracketed hint;
- the best label beats every other label of as many words by at least one edit.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from triage.documents.parsed import Page, ParsedDocument, TextLine, Word
from triage.extraction.lexicon_data import load_lexicon

__all__ = ["mend_hint", "mend_labels", "misread_cost"]

_MIN_LETTERS = 4  # a shorter word is read exactly or not at all
_SHARE = 1 / 3  # at most this share of a word's letters misread
_DOUBT = 2.0  # edits allowed per letter of doubt (1 - confidence)
_LOOKALIKE = 0.5  # the cost of an edit between look-alike letters
_MARGIN = 1.0  # the best label beats the next by this much
_WORD_GAP = 1.0  # a label's words are at most this many word heights apart
_CELL_GAP = 1.5  # a lone word stands this many word heights from its neighbours
_LOOKALIKE_LETTERS = frozenset(
    frozenset(pair)
    for pair in ("il", "i1", "l1", "lt", "ft", "it", "oc", "ce", "ao", "ea", "hb", "nu", "uv")
)
# A pair of letters read as one (or one as two): "rn" as "m", "ri" as "n".
_LOOKALIKE_RUNS = {
    "rn": "m", "ri": "n", "rt": "n", "in": "m", "ni": "m", "cl": "d", "li": "h", "vv": "w",
    "ii": "u", "ti": "h", "fi": "h",
}  # fmt: skip
_CORE = re.compile(r"^(?P<lead>[^\w#]*)(?P<core>[\w#][\w#\-]*?)(?P<tail>[^\w#]*)$")


_SUBSTITUTE = {
    (x, y): _LOOKALIKE for pair in _LOOKALIKE_LETTERS for x in pair for y in pair if x != y
}
_MERGED_INTO: dict[str, tuple[str, ...]] = {}
for _run, _letter in _LOOKALIKE_RUNS.items():
    _MERGED_INTO[_letter] = (*_MERGED_INTO.get(_letter, ()), _run)


@lru_cache(maxsize=65536)
def misread_cost(seen: str, meant: str, limit: float = float("inf")) -> float:
    """Return the cost of reading ``meant`` as ``seen`` (both lower case): one per edit,
    half for an edit between look-alike letters or runs; infinity once it passes ``limit``."""
    previous2: list[float] = []
    previous = [float(j) for j in range(len(meant) + 1)]
    for i in range(1, len(seen) + 1):
        a = seen[i - 1]
        row = [float(i)] + [0.0] * len(meant)
        run = seen[i - 2 : i] if i > 1 else ""
        for j in range(1, len(meant) + 1):
            b = meant[j - 1]
            change = 0.0 if a == b else _SUBSTITUTE.get((a, b), 1.0)
            best = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + change)
            if run and _LOOKALIKE_RUNS.get(run) == b:  # "rn" seen where "m" is meant
                best = min(best, previous2[j - 1] + _LOOKALIKE)
            if j > 1 and a in _MERGED_INTO and meant[j - 2 : j] in _MERGED_INTO[a]:
                best = min(best, previous[j - 2] + _LOOKALIKE)  # "m" seen, "rn" meant
            row[j] = best
        if min(row) > limit:
            return float("inf")
        previous2, previous = previous, row
    return previous[-1]


def _allowance(core: str, confidence: float) -> float:
    """Return how many edits a word read with ``confidence`` may hold."""
    if len(core) < _MIN_LETTERS or not core.isalpha():
        return 0.0
    return min(_SHARE * len(core), _DOUBT * (1.0 - confidence) * len(core))


@dataclass(frozen=True)
class _Lexicon:
    """The lexicon's labels as word tuples: the one-word labels, the longer ones by each
    of their words (word count, position, word), and every word of every label."""

    single: tuple[tuple[str, ...], ...]
    by_word: dict[tuple[int, int, str], tuple[tuple[str, ...], ...]]
    vocabulary: frozenset[str]
    longest: int


@lru_cache(maxsize=1)
def _labels() -> _Lexicon:
    """Return the labels of every field, signature block, addressee and fee, as words."""
    lexicon = load_lexicon()
    texts = {label for labels in lexicon.field_labels.values() for label in labels}
    texts |= set(lexicon.weak_labels)
    for group in (
        lexicon.range_labels,
        lexicon.signature_name_labels,
        lexicon.signature_date_labels,
        lexicon.signature_mark_labels,
        lexicon.block_labels,
        lexicon.addressee_labels,
        lexicon.fee_labels,
        lexicon.document_date_labels,
    ):
        texts |= set(group)
    phrases = {tuple(re.sub(r"\([^)]*\)", " ", text.lower()).split()) for text in texts} - {()}
    by_word: dict[tuple[int, int, str], list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases):
        for position, word in enumerate(phrase):
            by_word.setdefault((len(phrase), position, word), []).append(phrase)
    return _Lexicon(
        tuple(sorted(p for p in phrases if len(p) == 1)),
        {key: tuple(group) for key, group in by_word.items()},
        frozenset(word for phrase in phrases for word in phrase),
        max(len(p) for p in phrases),
    )


def _core(word: Word) -> tuple[str, str, str] | None:
    match = _CORE.match(word.text)
    return (match["lead"], match["core"], match["tail"]) if match else None


def _cased(text: str, like: str) -> str:
    """Return ``text`` in the case of ``like`` (capitals, capitalised or lower case)."""
    if like.isupper() and len(like) > 1:
        return text.upper()
    return text[:1].upper() + text[1:] if like[:1].isupper() else text


def _run_cost(run: list[Word], phrase: tuple[str, ...], vocabulary: frozenset[str]) -> float | None:
    """Return the cost of reading ``phrase`` as the words ``run``, or None when it may not."""
    total, exact = 0.0, 0
    for word, meant in zip(run, phrase, strict=True):
        parts = _core(word)
        if parts is None:
            return None
        seen = parts[1].lower()
        if seen == meant:
            exact += 1
            continue
        if seen in vocabulary:
            return None  # another label's word, read right: no misreading of this one
        allowed = _allowance(parts[1], word.confidence)
        if abs(len(seen) - len(meant)) > 2 * allowed:
            return None  # (each letter more or fewer costs at least half an edit)
        cost = misread_cost(seen, meant, math.ceil(2 * allowed) / 2)
        if cost > allowed:
            return None
        total += cost
    return 0.0 if exact == len(run) else total


def _suspect(word: Word, vocabulary: frozenset[str]) -> bool:
    """Whether ``word`` may be a misread label word: no label word as it stands, and
    doubtful enough to hold a misread letter."""
    parts = _core(word)
    return (
        parts is not None
        and parts[1].lower() not in vocabulary
        and _allowance(parts[1], word.confidence) >= _LOOKALIKE
    )


def _gap(left: Word, right: Word) -> float:
    return (right.x0 - left.x1) / max(min(left.bottom - left.top, right.bottom - right.top), 1.0)


def _stands_alone(words: tuple[Word, ...], index: int) -> bool:
    """A lone word reads as a label only where a label stands: alone in its cell, or
    before a colon or a bracketed hint."""
    word = words[index]
    if word.text.endswith(":"):
        return True
    after = words[index + 1] if index + 1 < len(words) else None
    before = words[index - 1] if index else None
    if after is not None and after.text.startswith("(") and _gap(word, after) <= _WORD_GAP:
        return True
    return (after is None or _gap(word, after) >= _CELL_GAP) and (
        before is None or _gap(before, word) >= _CELL_GAP
    )


def _best_label(words: tuple[Word, ...], start: int, count: int) -> tuple[str, ...] | None:
    """Return the label the ``count`` words from ``start`` misread, if one surely is."""
    labels = _labels()
    run = list(words[start : start + count])
    if not any(_suspect(word, labels.vocabulary) for word in run):
        return None
    if any(_gap(a, b) > _WORD_GAP for a, b in itertools.pairwise(run)):
        return None
    if count == 1:
        candidates = labels.single if _stands_alone(words, start) else ()
    else:
        # A longer label keeps a word read right: the labels holding it there are the few
        # to compare with.
        cores = [(_core(word) or ("", "", ""))[1].lower() for word in run]
        exact = [(p, core) for p, core in enumerate(cores) if core in labels.vocabulary]
        groups = [labels.by_word.get((count, *known), ()) for known in exact]
        candidates = tuple(
            phrase
            for phrase in min(groups, key=len, default=())
            if all(phrase[p] == core for p, core in exact)
        )
    scored = sorted(
        (cost, phrase)
        for phrase in candidates
        if (cost := _run_cost(run, phrase, labels.vocabulary)) is not None
    )
    if not scored or scored[0][0] == 0.0:
        return None  # nothing near, or read right already
    if len(scored) > 1 and scored[1][0] - scored[0][0] < _MARGIN:
        return None
    return scored[0][1]


def _mend_words(words: tuple[Word, ...]) -> tuple[Word, ...]:
    longest = _labels().longest
    mended = list(words)
    start = 0
    while start < len(words):
        for count in range(min(longest, len(words) - start), 0, -1):
            label = _best_label(words, start, count)
            if label is None:
                continue
            for offset, meant in enumerate(label):
                word = words[start + offset]
                lead, core, tail = _core(word) or ("", word.text, "")
                mended[start + offset] = replace(word, text=lead + _cased(meant, core) + tail)
            start += count
            break
        else:
            start += 1
    return tuple(mended)


_HINT_LETTERS = frozenset("MDY")
_HINT_SEPARATORS = {"/": "/", "\\": "/", "|": "/", "I": "/", "l": "/", "1": "/", "W": "/"}
_HINT_SEPARATORS.update({"-": "-", "–": "-", ".": "."})


def mend_hint(text: str) -> str | None:
    """Return a date-format hint as printed ("(MM/DD/YYYY)") from its OCR reading
    ("(MM/DDIYYYY)", "(MMWDDIYYYY)", "(YYY Y-MM-DD)" once joined), or None if ``text``
    is no such hint. A hint is three runs of M, D and Y, each letter once; any slash-like
    character between them is the separator."""
    if not (text.startswith("(") and text.endswith(")")):
        return None
    inside = text[1:-1].replace(" ", "")
    groups: list[str] = []
    separators: set[str] = set()
    for character in inside:
        if character in _HINT_LETTERS:
            if groups and groups[-1][-1] == character:
                groups[-1] += character
            else:
                groups.append(character)
        elif character in _HINT_SEPARATORS:
            separators.add(_HINT_SEPARATORS[character])
        else:
            return None
    if len(groups) != 3 or {g[0] for g in groups} != _HINT_LETTERS:
        return None
    if not all(1 <= len(g) <= (4 if g[0] == "Y" else 2) for g in groups):
        return None
    separator = "-" if "-" in separators else "." if separators == {"."} else "/"
    width = {"M": 2, "D": 2, "Y": 4 if any(len(g) > 2 for g in groups if g[0] == "Y") else 2}
    return "(" + separator.join(g[0] * width[g[0]] for g in groups) + ")"


def _mend_hints(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """Return ``words`` with each date-format hint in its printed form, a hint split in two
    by OCR ("(YYY" "Y-MM-DD)") joined into one word."""
    mended: list[Word] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word.text.startswith("(") and not word.text.endswith(")") and index + 1 < len(words):
            after = words[index + 1]
            hint = mend_hint(word.text + after.text) if _gap(word, after) <= _WORD_GAP else None
            if hint is not None:
                confidence = min(word.confidence, after.confidence)
                mended.append(Word(hint, word.x0, word.top, after.x1, word.bottom, confidence))
                index += 2
                continue
        hint = mend_hint(word.text.rstrip(":,"))
        if hint is not None and hint != word.text.rstrip(":,"):
            word = replace(word, text=hint + word.text[len(word.text.rstrip(":,")) :])
        mended.append(word)
        index += 1
    return tuple(mended)


def _mend_page(page: Page) -> Page:
    lines: list[TextLine] = []
    changed = False
    for line in page.lines:
        words = _mend_words(_mend_hints(line.words))
        if words != line.words:
            changed = True
            lines.append(TextLine(words))
        else:
            lines.append(line)
    return replace(page, lines=tuple(lines)) if changed else page


def mend_labels(document: ParsedDocument) -> ParsedDocument:
    """Return ``document`` with the misread labels and format hints of its OCR pages put
    right (a page of the PDF's own text layer is left as it is)."""
    pages = tuple(_mend_page(page) if page.recogniser else page for page in document.pages)
    if all(new is old for new, old in zip(pages, document.pages, strict=True)):
        return document
    return replace(document, pages=pages)
