"""Quotation spans of a text, found from the quotation marks alone (no parse needed).

Curly marks say which way they face; straight ones alternate, and a paragraph break closes any
quote still open, because news style reopens a quote that runs on into the next paragraph rather
than closing it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["QUOTE_CHARS", "find_quotes", "quote_at"]

QUOTE_CHARS = frozenset('"“”‘’«»„')
_MARK = re.compile(r'["“”«»„\n]|‘|(?<![A-Za-z])’|’(?![A-Za-z])')
_OPENERS = {"“": "”", "«": "»", "„": "“", "‘": "’"}


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of every double-quoted stretch, marks included, in text order."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for m in _MARK.finditer(text):
        ch, pos = m.group(), m.start()
        if ch == "\n":
            if open_at is not None and pos - open_at > 1:
                spans.append((open_at, pos))
            open_at = None
        elif open_at is None:
            if ch in _OPENERS or ch == '"':
                open_at, closer = pos, _OPENERS.get(ch, '"')
        elif ch == closer:
            spans.append((open_at, pos + 1))
            open_at = None
    if open_at is not None and len(text) - open_at > 1:
        spans.append((open_at, len(text)))
    return [s for s in spans if text[s[0]] != "‘" or s[1] - s[0] < 200]


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
