"""Nesting of attributions, as pure functions over character spans.

An attribution is reported within another when its cue lies inside the other's content
("Putin told reporters that ..., RIA journalists reported": the "told" cue sits in what RIA
reported). The innermost enclosing content wins, and a pair that would enclose each other is
never linked both ways, so the parent links always form a forest.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Protocol

__all__ = ["ContentIndex", "Span", "assign_parents"]

Span = tuple[int, int]


class _HasContent(Protocol):
    content_start: int | None
    content_end: int | None


def _inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def assign_parents(cues: Sequence[Span], contents: Sequence[Span | None]) -> list[int | None]:
    """For each attribution (cue span, content span or None), the index of its parent or None.

    The parent is the attribution with the smallest content that contains the cue and whose own
    cue is not inside the child's content (that would make each the other's parent); on a tie the
    earlier attribution wins.

    One sweep over the text instead of every pair: contents open in order of their start and
    leave the open set (a heap by end) once the sweep has passed their end, so each cue only
    compares the contents that are open where it stands, which is the nesting depth there.
    """
    opening = sorted((c[0], j) for j, c in enumerate(contents) if c is not None)
    parents: list[int | None] = [None] * len(cues)
    open_heap: list[tuple[int, int]] = []
    k = 0
    for i in sorted(range(len(cues)), key=lambda n: cues[n]):
        cue = cues[i]
        while k < len(opening) and opening[k][0] <= cue[0]:
            j = opening[k][1]
            heapq.heappush(open_heap, (contents[j][1], j))
            k += 1
        while open_heap and open_heap[0][0] < cue[0]:
            heapq.heappop(open_heap)
        parents[i] = _tightest(i, cues, contents, [j for _, j in open_heap])
    return _break_cycles(parents, contents)


def _tightest(i: int, cues: Sequence[Span], contents: Sequence[Span | None], open_: list[int]) -> int | None:
    """Among the open contents, the smallest that holds cue i and may be its parent (earliest on a tie)."""
    cue, own = cues[i], contents[i]
    best: tuple[int, int] | None = None
    for j in open_:
        content = contents[j]
        if j == i or content[1] < cue[1] or (own is not None and _inside(cues[j], own)):
            continue
        key = (content[1] - content[0], j)
        if best is None or key < best:
            best = key
    return best[1] if best is not None else None


def _break_cycles(parents: list[int | None], contents: Sequence[Span | None]) -> list[int | None]:
    """Cut one link in each loop (possible with three or more overlapping contents), no other link.

    A node that merely leads into a loop keeps its parent. In the loop, the member with the widest
    content (the earliest on a tie) loses its parent: the widest report is the likeliest outermost.
    """
    out = list(parents)
    done = [False] * len(out)
    for i in range(len(out)):
        path: list[int] = []
        on_path: set[int] = set()
        j: int | None = i
        while j is not None and not done[j] and j not in on_path:
            path.append(j)
            on_path.add(j)
            j = out[j]
        if j is not None and j in on_path:
            loop = path[path.index(j):]
            out[min(loop, key=lambda n: (-_width(contents[n]), n))] = None
        for n in path:
            done[n] = True
    return out


def _width(content: Span | None) -> int:
    return content[1] - content[0] if content is not None else 0


class ContentIndex:
    """The attribution whose content most tightly holds a stretch of text, asked for many stretches of a doc.

    This is what the events stage asks: an event whose trigger lies in a reported content is reported
    by that attribution. A content holding [start, end) starts at or before ``start`` and no earlier
    than ``end`` minus the longest content, so a bisection over the contents sorted by start bounds
    each question to the contents open around it: the cost per event does not grow with the number
    of attributions in the article.
    """

    def __init__(self, attributions: Sequence[_HasContent]) -> None:
        self._spans = sorted((a.content_start, a.content_end, i) for i, a in enumerate(attributions)
                             if a.content_start is not None and a.content_end is not None)
        self._starts = [span[0] for span in self._spans]
        self._longest = max((e - s for s, e, _ in self._spans), default=0)

    def enclosing(self, start: int, end: int) -> int | None:
        """Index of the attribution whose content most tightly contains [start, end) (the earliest on a tie)."""
        lo, hi = bisect_left(self._starts, end - self._longest), bisect_right(self._starts, start)
        best = min(((e - s, i) for s, e, i in self._spans[lo:hi] if end <= e), default=None)
        return best[1] if best is not None else None
