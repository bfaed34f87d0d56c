"""Pure helpers of the attribution stage: nesting, quotation spans, cue status."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.attribution import REPORTING_LEMMAS, ContentIndex, cue_status
from eventwire.attribution.nesting import _break_cycles, assign_parents
from eventwire.attribution.quotes import find_quotes


@pytest.mark.parametrize(
    ("cues", "contents", "parents"),
    [
        # "Putin told reporters that X, RIA reported": told (0) sits in reported's (1) content.
        ([(6, 10), (60, 68)], [(11, 50), (0, 50)], [1, None]),
        # innermost enclosing content wins
        ([(0, 4), (20, 24), (40, 44)], [(5, 100), (25, 100), (45, 60)], [None, 0, 1]),
        # two contents that hold each other's cue are never each other's parent
        ([(0, 4), (20, 24)], [(0, 30), (0, 30)], [None, None]),
        # no content, no children
        ([(0, 4), (20, 24)], [None, None], [None, None]),
        # a three-way loop 0 -> 1 -> 2 -> 0 (each content holds the next cue but not the cue before):
        # the widest content (1, first of the two widest) loses its parent; 3 leads into the loop
        # and keeps its link
        ([(10, 14), (30, 34), (50, 54), (62, 66)], [(45, 70), (0, 40), (20, 60), None], [1, None, 0, 0]),
        # equal contents: the earlier attribution is the parent
        ([(0, 4), (40, 44), (15, 19)], [(10, 30), (10, 30), None], [None, None, 0]),
    ],
)
def test_nesting_assign_parents(cues, contents, parents):
    assert assign_parents(cues, contents) == parents


def _pairwise_parents(cues, contents):
    """The definition of a parent, checked pair by pair (what the sweep must agree with)."""
    def inside(inner, outer):
        return outer[0] <= inner[0] and inner[1] <= outer[1]

    parents = []
    for i, cue in enumerate(cues):
        fits = [(c[1] - c[0], j) for j, c in enumerate(contents)
                if j != i and c is not None and inside(cue, c)
                and not (contents[i] is not None and inside(cues[j], contents[i]))]
        parents.append(min(fits)[1] if fits else None)
    return parents


_SPAN = st.tuples(st.integers(0, 60), st.integers(1, 40)).map(lambda p: (p[0], p[0] + p[1]))


@given(st.lists(st.tuples(_SPAN, st.none() | _SPAN), max_size=12))
def test_nesting_assign_parents_matches_pairwise_definition(items):
    cues, contents = [c for c, _ in items], [c for _, c in items]
    expected = _break_cycles(_pairwise_parents(cues, contents), contents)
    parents = assign_parents(cues, contents)
    assert parents == expected
    for i in range(len(parents)):  # a forest: every chain of parents ends
        seen, j = set(), i
        while j is not None:
            assert j not in seen
            seen.add(j)
            j = parents[j]


@pytest.mark.parametrize(
    ("parents", "widths", "expected"),
    [
        # 0 leads into the loop 1 <-> 2: only a link inside the loop is cut, 0 -> 1 stays
        ([1, 2, 1], [10, 20, 30], [1, 2, None]),
        ([1, 2, 1], [10, 30, 20], [1, None, 1]),
        # a loop of three with a tail of two
        ([1, 2, 3, 1, 0], [5, 50, 40, 30, 1], [1, None, 3, 1, 0]),
        # two separate loops, each cut once
        ([1, 0, 3, 2], [10, 20, 20, 10], [1, None, None, 2]),
        # no loop: nothing changes
        ([None, 0, 1, 1], [40, 30, 20, 10], [None, 0, 1, 1]),
        # a node that is its own parent
        ([0, 0], [10, 5], [None, 0]),
    ],
)
def test_nesting_break_cycles_cuts_one_link_per_loop(parents, widths, expected):
    contents = [(0, w) for w in widths]
    assert _break_cycles(parents, contents) == expected


@pytest.mark.parametrize(
    ("span", "expected"),
    [((30, 40), 1), ((5, 15), 0), ((95, 105), None)],
)
def test_nesting_enclosing_picks_tightest(span, expected):
    items = [
        SimpleNamespace(content_start=0, content_end=100),
        SimpleNamespace(content_start=20, content_end=60),
        SimpleNamespace(content_start=None, content_end=None),
    ]
    assert ContentIndex(items).enclosing(*span) == expected


def _enclosing_by_scan(contents: list[tuple[int, int] | None], start: int, end: int) -> int | None:
    """The definition: the tightest content holding the stretch, the earliest on a tie."""
    holding = [(c[1] - c[0], i) for i, c in enumerate(contents) if c and c[0] <= start and end <= c[1]]
    return min(holding)[1] if holding else None


@given(st.lists(st.none() | st.tuples(st.integers(0, 60), st.integers(0, 40)).map(lambda p: (p[0], p[0] + p[1])),
                max_size=12),
       st.integers(0, 70), st.integers(0, 10))
def test_nesting_enclosing_index_equals_the_scan(contents, start, length):
    items = [SimpleNamespace(content_start=c and c[0], content_end=c and c[1]) for c in contents]
    assert ContentIndex(items).enclosing(start, start + length) == _enclosing_by_scan(contents, start, start + length)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("He said “yes” and “no”.", [(8, 13), (18, 22)]),
        ('"A," he said, "B."', [(0, 4), (14, 18)]),
        ("“Open quote\nnext", [(0, 11)]),
        ("Russia’s leaders met.", []),
        ("Intro.\n”We will win.” ― Jo Bloggs", [(7, 21)]),  # a paragraph opened with a closing mark
        ("He won.” Then he left.", []),  # a closing mark inside a paragraph opens nothing
    ],
)
def test_quotes_find_quotes(text, spans):
    assert find_quotes(text) == spans


@pytest.mark.parametrize(
    ("cue", "status"),
    [
        ("confirmed", "confirmed"), ("confirm", "confirmed"), ("has acknowledged", "confirmed"),
        ("denied", "denied"), ("denies", "denied"), ("rejected", "denied"),
        ("said", "reported"), ("according to", "reported"), ("", "reported"),
        # doubled final consonants
        ("admitted", "confirmed"), ("has admitted", "confirmed"), ("admitting", "confirmed"),
        ("rebutted", "denied"), ("rebutting", "denied"),
        # the rarer denials
        ("disputed", "denied"), ("refuted", "denied"), ("disavowed", "denied"), ("disputes", "denied"),
        ("committed", "reported"), ("submitted", "reported"),
    ],
)
def test_cues_cue_status(cue, status):
    assert cue_status(cue) == status


@pytest.mark.parametrize(
    ("lemma", "reporting"),
    [
        ("say", True), ("tell", True), ("report", True), ("state", True), ("add", True), ("note", True),
        ("according to", True), ("confirm", True), ("announce", True), ("think", True),
        # speech acts that are events in their own right
        ("accuse", False), ("threaten", False), ("deny", False), ("urge", False), ("promise", False),
        ("dispute", False),
    ],
)
def test_cues_reporting_lemmas(lemma, reporting):
    assert (lemma in REPORTING_LEMMAS) is reporting
