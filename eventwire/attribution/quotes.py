"""Quotation spans of a text, found from the quotation marks alone (no parse needed).

Curly marks say which way they face, and a curly quotation may hold another one written with the
same marks ("“... what he calls “hell” ...”"), so they are counted by depth. Straight marks (``"``
and the typewriter pair ``''`` that some papers print for a double quote) alternate, and a
paragraph break closes any quote still open, because news style reopens a quote that runs on
into the next paragraph rather than closing it. A closing curly mark that opens a paragraph is read
as a mistyped opening mark (”... .”), closed by the next such mark.
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["QUOTE_CHARS", "QUOTE_MARKS", "find_quotes", "quote_at"]

QUOTE_CHARS = frozenset('"“”‘’«»„')
# the marks as tokens: a character above, or the typewriter pairs spaCy keeps as one token
QUOTE_MARKS = QUOTE_CHARS | {"''", "``"}
_MARK = re.compile(r"''|``|[\"“”«»„\n]|‘|(?<![A-Za-z])’|’(?![A-Za-z])")
# opener -> closer; an opener that is its own closer alternates, the others nest
_CLOSERS = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"', "''": "''", "``": "''"}


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of every double-quoted stretch, marks included, in text order.

    Writers and feeds mix their marks ("...”, “...“, “...,"): a double mark that faces shut (after a
    word or a comma, before a space or a stop) closes an open double quotation whatever its shape, and
    one that faces shut opens none, so a mismatched pair is still read as one quotation.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    opener = closer = ""
    depth = 0
    for m in _MARK.finditer(text):
        mark, pos = m.group(), m.start()
        if mark == "\n":
            if open_at is not None and pos - open_at > 1:
                spans.append((open_at, pos))
            open_at = None
            continue
        facing = _facing(text, pos, m.end()) if mark in _DOUBLE else None
        if open_at is None:
            if mark in _CLOSERS and facing != "close":
                open_at, opener, closer, depth = pos, mark, _CLOSERS[mark], 1
            elif mark == "”" and (pos == 0 or text[pos - 1] == "\n"):
                # a closing mark typed for an opening one at the start of a paragraph: ”... .”
                open_at, opener, closer, depth = pos, mark, mark, 1
        elif mark == opener and opener != closer and facing != "close":
            depth += 1
        elif mark == closer or (opener in _DOUBLE and facing == "close"):
            depth -= 1
            if depth == 0:
                spans.append((open_at, m.end()))
                open_at = None
    if open_at is not None and len(text) - open_at > 1:
        spans.append((open_at, len(text)))
    return [s for s in spans if text[s[0]] != "‘" or s[1] - s[0] < 200]


_DOUBLE = frozenset({'"', "“", "”", "«", "»", "„", "''", "``"})
_OPEN_BEFORE = frozenset("([{—–-/")
_STOPS_AFTER = frozenset(".,;:!?)]}—–-")


def _facing(text: str, start: int, end: int) -> str | None:
    """ "open" for a mark after a space and before a word, "close" for one after a word or stop and
    before a space or a stop, None when its place says nothing."""
    prev = text[start - 1] if start > 0 else " "
    nxt = text[end] if end < len(text) else " "
    after_space = prev.isspace() or prev in _OPEN_BEFORE
    before_space = nxt.isspace() or nxt in _STOPS_AFTER
    if after_space and not before_space:
        return "open"
    if before_space and not after_space:
        return "close"
    return None


def quote_at(quotes: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The quotation that covers the stretch [start, end) or most of it, if any.

    ``quotes`` are in text order and do not overlap (as ``find_quotes`` gives them), so their ends
    are sorted too: a bisection finds the first one that can overlap, and a text with thousands of
    quotations costs a logarithm per question instead of a scan.
    """
    for k in range(bisect_right(quotes, start, key=lambda q: q[1]), len(quotes)):
        qs, qe = quotes[k]
        if qs >= end:
            break
        inter = min(qe, end) - max(qs, start)
        if inter > 0 and inter >= 0.6 * (end - start):
            return qs, qe
    return None
