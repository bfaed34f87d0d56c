"""Nesting of attributions, as pure functions over character spans.

An attribution is reported within another when its cue lies inside the other's content
("Putin told reporters that ..., RIA journalists reported": the "told" cue sits in what RIA
reported). The innermost enclosing content wins, and a pair that would enclose each other is
never linked both ways, so the parent links always form a forest.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

__all__ = ["Span", "assign_parents", "enclosing"]

Span = tuple[int, int]


class _HasContent(Protocol):
    content_start: int | None
    content_end: int | None


def _inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def assign_parents(cues: Sequence[Span], contents: Sequence[Span | None]) -> list[int | None]:
    """For each attribution (cue span, content span or None), the index of its parent or None.

    The parent is the attribution with the smallest content that contains the cue and whose own
    cue is not inside the child's content (that would make each the other's parent).
    """
    parents: list[int | None] = []
    for i, cue in enumerate(cues):
        best, best_len = None, None
        for j, content in enumerate(contents):
            if j == i or content is None or not _inside(cue, content):
                continue
            own = contents[i]
            if own is not None and _inside(cues[j], own):
                continue
            size = content[1] - content[0]
            if best_len is None or size < best_len:
                best, best_len = j, size
        parents.append(best)
    return _break_cycles(parents)


def _break_cycles(parents: list[int | None]) -> list[int | None]:
    """Drop the one link that closes a loop (possible with three or more overlapping contents)."""
    out = list(parents)
    for i in range(len(out)):
        seen, j = {i}, out[i]
        while j is not None:
            if j in seen:
                out[i] = None
                break
            seen.add(j)
            j = out[j]
    return out


def enclosing(attributions: Sequence[_HasContent], start: int, end: int) -> int | None:
    """Index of the attribution whose content most tightly contains [start, end), if any.

    This is what the events stage asks: an event whose evidence lies in a reported content is
    reported by that attribution.
    """
    best, best_len = None, None
    for i, a in enumerate(attributions):
        if a.content_start is None or a.content_end is None:
            continue
        if a.content_start <= start and end <= a.content_end:
            size = a.content_end - a.content_start
            if best_len is None or size < best_len:
                best, best_len = i, size
    return best
