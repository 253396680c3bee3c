"""ParsedDocuments built word by word, for layout tests that need exact geometry."""

from __future__ import annotations

from triage.documents.parsed import Page, ParsedDocument, TextLine, Word

__all__ = ["document", "line"]

CHAR_WIDTH = 5.0
HEIGHT = 9.0


def line(top: float, *cells: tuple[float, str]) -> TextLine:
    """A text line whose cells start at the given x positions; words 5 pt per character."""
    words: list[Word] = []
    for x, text in cells:
        cursor = x
        for token in text.split():
            width = CHAR_WIDTH * len(token)
            words.append(Word(token, cursor, top, cursor + width, top + HEIGHT))
            cursor += width + 2.5
    return TextLine(tuple(words))


def document(*pages: list[TextLine]) -> ParsedDocument:
    """A document of the given pages of lines."""
    return ParsedDocument(
        sha256="0" * 64,
        filename="built.pdf",
        pages=tuple(
            Page(number, 612, 792, tuple(lines)) for number, lines in enumerate(pages, start=1)
        ),
    )
