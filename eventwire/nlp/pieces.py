"""Long texts through the spaCy model in pieces, so cost and memory grow linearly with length.

The statistical components keep arrays over every token of a doc at once: on one 400,000-character
article (79k tokens) bare ``en_core_web_sm`` peaks at 1.5 GB and costs 4.7x what a 100,000-character
one does. Cut into pieces of at most `PIECE_CHARS` and joined back with ``Doc.from_docs``, the same
article peaks at about 0.4 GB and costs what its pieces cost. The model looks only a few tokens left
and right, so a cut at a paragraph break (else a sentence end, else a space) changes nothing a reader
would notice; the tokens are the same as the whole text's, and the joined doc's text is the text
exactly, so every character offset stays valid.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

__all__ = ["PIECE_CHARS", "join_pieces", "piece_bounds"]

# Longer than any article of the dev gold sets and the BBC corpus (25k characters at most): a normal
# article is parsed whole, exactly as before.
PIECE_CHARS = 50_000

# Where to cut, best first: after a line break, after a sentence end, after any space. A cut always
# falls between white space and the next non-space character, where spaCy's tokenizer splits anyway.
_BREAKS = (
    re.compile(r"\n\s*(?=\S)"),
    re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=\S)"),
    re.compile(r"\s+(?=\S)"),
)


def piece_bounds(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces covering ``text``, each at most ``size`` characters.

    A cut is looked for in the second half of each piece, so pieces are at least ``size // 2`` long
    (but the last). Text without any white space there is cut at ``size``.
    """
    bounds, start = [], 0
    while len(text) - start > size:
        end = _cut(text, start + size // 2, start + size)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _cut(text: str, lo: int, hi: int) -> int:
    window = text[lo:hi]
    for pattern in _BREAKS:
        last = None
        for last in pattern.finditer(window):  # noqa: B007 - the last match is the one wanted
            pass
        if last is not None:
            return lo + last.end()
    return hi


def join_pieces(pieces: list[Doc]) -> Doc:
    """One doc from the parsed pieces of one text (tags, parse, entities, sentence starts kept)."""
    if len(pieces) == 1:
        return pieces[0]
    return Doc.from_docs(pieces, ensure_whitespace=False)
