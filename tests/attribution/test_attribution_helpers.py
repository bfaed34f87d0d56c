"""Pure helpers of the attribution stage: nesting, quotation spans, cue status."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from eventwire.attribution import cue_status, enclosing_attribution
from eventwire.attribution.nesting import assign_parents
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
    ],
)
def test_nesting_assign_parents(cues, contents, parents):
    assert assign_parents(cues, contents) == parents


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
    assert enclosing_attribution(items, *span) == expected


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("He said “yes” and “no”.", [(8, 13), (18, 22)]),
        ('"A," he said, "B."', [(0, 4), (14, 18)]),
        ("“Open quote\nnext", [(0, 11)]),
        ("Russia’s leaders met.", []),
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
    ],
)
def test_cues_cue_status(cue, status):
    assert cue_status(cue) == status
