"""Word gaps on a scan: a recognised word's box ends at its last ink, so the gap after a
trailing comma ("January 1, 2026") is wider than a text layer's, and must not split a
sentence into runs as if it were a column gap. Lines drawn here, word by word."""

from __future__ import annotations

from triage.documents.parsed import TextLine, Word
from triage.extraction.layout.segments import split_line

HEIGHT = 9.0


def _line(*cells: tuple[str, float], confidence: float) -> TextLine:
    """Words of the given widths, each ``gap`` points after the last: (text, gap before)."""
    words, x = [], 60.0
    for text, gap in cells:
        x += gap
        width = 5.0 * len(text)
        words.append(Word(text, x, 200.0, x + width, 200.0 + HEIGHT, confidence))
        x += width
    return TextLine(tuple(words))


# "commencing January 1, 2026 and ending": 7.8 points after "1," on the scan (its ink
# ends at the comma's tail), 5.5 between the other words; the limit is 0.85 x 9 = 7.65.
SENTENCE = (("commencing", 0.0), ("January", 5.5), ("1,", 5.5), ("2026", 7.8), ("and", 5.5))


def test_the_gap_after_a_recognised_comma_does_not_split_a_sentence() -> None:
    runs = split_line(_line(*SENTENCE, confidence=0.95), 1, 0)
    assert [run.text for run in runs] == ["commencing January 1, 2026 and"]


def test_a_text_layer_gap_after_a_comma_is_measured_as_printed() -> None:
    # The text layer's box holds the comma's advance: a gap this wide there is a real one.
    runs = split_line(_line(*SENTENCE, confidence=1.0), 1, 0)
    assert [run.text for run in runs] == ["commencing January 1,", "2026 and"]


def test_a_column_gap_after_a_recognised_comma_still_splits() -> None:
    cells = (("Austin,", 0.0), ("TX", 5.5), ("Net", 20.0), ("30", 5.5))
    runs = split_line(_line(*cells, confidence=0.95), 1, 0)
    assert [run.text for run in runs] == ["Austin, TX", "Net 30"]
    # Nor does the allowance reach a gap after a word without a comma.
    cells = (("Disc.", 0.0), ("Net", 8.0), ("Amount", 4.0))
    assert len(split_line(_line(*cells, confidence=0.95), 1, 0)) == 2
