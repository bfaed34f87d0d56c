"""`finditer` for a large case-insensitive alternation, tried only where a match can start.

Python's regex engine tries every alternative of a pattern at every word start of the text. For the
times stage's pattern of untagged expressions (sixty alternatives) that was a fifth of all the
stages' time. `StartFilter` reads the pattern once and lists the first two characters (lower case)
any match can begin with; `finditer` then runs the pattern only at the word starts that begin so.
The matches are the ones ``pattern.finditer`` gives: the list is a superset by construction
(assertions count as nothing, an unknown construct as any character), and a start it cannot judge
(non-ASCII, the text's end) is tried.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre  # the parser's own opcodes: no public API reads a pattern's structure
from re import _parser as sre_parse

__all__ = ["StartFilter"]

_WORD_START = re.compile(r"\b(?=\w)")
_ANY = "\0"  # stands for any character in a listed prefix
_WIDTH = 3
_ASCII_SPACE = "".join(chr(c) for c in range(128) if chr(c).isspace())
_CATEGORIES = {sre.CATEGORY_DIGIT: "0123456789", sre.CATEGORY_UNI_DIGIT: "0123456789",
               sre.CATEGORY_SPACE: _ASCII_SPACE, sre.CATEGORY_UNI_SPACE: _ASCII_SPACE}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


class StartFilter:
    """The word starts of a text where a pattern can match; a pattern that does not open with
    ``\\b(?=\\w)`` or can match nothing is run as it is."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        prefixes = _prefixes(list(sre_parse.parse(pattern.pattern, pattern.flags)), _WIDTH)
        # a prefix is cut where it reaches any character, or where a match ends: by length, the heads a
        # word start must open with
        cut = {p.split(_ANY, 1)[0] for p in prefixes}
        self.full = frozenset(p for p in cut if len(p) == _WIDTH)
        self.short = tuple((n, frozenset(p for p in cut if len(p) == n)) for n in range(1, _WIDTH)
                           if any(len(p) == n for p in cut))
        # a match must open at a word start, and never be empty, for the start list to be the whole story
        self.always = (not pattern.pattern.startswith(r"\b(?=\w)")
                       or "" in cut)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The non-overlapping matches of the pattern in ``text``, left to right, as ``finditer`` gives."""
        if self.always:
            yield from self.pattern.finditer(text)
            return
        end, match = 0, self.pattern.match
        for start in _WORD_START.finditer(text):
            pos = start.start()
            if pos < end:
                continue
            head = text[pos:pos + _WIDTH]
            if len(head) == _WIDTH and head.isascii():
                head = head.lower()
                if head not in self.full and not any(head[:n] in heads for n, heads in self.short):
                    continue
            m = match(text, pos)
            if m is not None:
                end = m.end()
                yield m


def _prefixes(items: list, width: int) -> set[str]:
    """Every lower-case string of ``width`` characters (shorter where a match ends first) that a match of
    ``items`` (parsed pattern items) can begin with; ``_ANY`` stands for any character."""
    if width == 0 or not items:
        return {""}
    op, arg = items[0]
    rest = items[1:]
    if op in _ZERO_WIDTH:
        return _prefixes(rest, width)
    if op == sre.BRANCH:
        return {p for branch in arg[1] for p in _prefixes(list(branch) + rest, width)}
    if op == sre.SUBPATTERN:
        return _prefixes(list(arg[3]) + rest, width)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, sub = arg
        counts = range(low, min(high, low + width) + 1)
        return {p for n in counts for p in _prefixes(list(sub) * n + rest, width)}
    chars = _chars(op, arg)
    tails = _prefixes(rest, width - 1)
    return {c + t for c in chars for t in tails}


def _chars(op: int, arg: object) -> str:
    """The lower-case characters one item matches, or ``_ANY``."""
    if op == sre.LITERAL:
        return chr(arg).lower()
    if op == sre.IN and all(kind in (sre.LITERAL, sre.RANGE, sre.CATEGORY) for kind, _ in arg):
        out = []
        for kind, value in arg:
            if kind == sre.LITERAL:
                out.append(chr(value).lower())
            elif kind == sre.RANGE:
                out.extend(chr(c).lower() for c in range(value[0], value[1] + 1))
            elif value in _CATEGORIES:
                out.append(_CATEGORIES[value])
            else:
                return _ANY
        return "".join(sorted(set("".join(out))))
    return _ANY
