"""`StartFilter.finditer` gives exactly the matches of ``pattern.finditer``, only faster."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.times.component import EXTRA
from eventwire.times.starts import StartFilter

_WORDS = ["now", "Now", "the", "past", "last", "next", "week", "Monday", "morning", "3", "12", "1/2/2020",
          "10:30", "a.m.", "for", "a", "while", "years", "ago", "several", "-", "year", "long", "mid", "2004",
          "Kelvin", "\u212a", "\u017f", "é", "at", "present", "quarter", "of", "1999", ",", ".", "\n", "GMT"]
_TEXTS = st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join) | st.text(max_size=60)


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_same_matches_as_the_pattern(text):
    assert _spans(StartFilter(EXTRA).finditer(text)) == _spans(EXTRA.finditer(text))


def test_prefixes_cover_repeats_lookbehinds_and_short_alternatives():
    pattern = re.compile(r"\b(?=\w)(?:(?<=\bfor )a\s+while|now|\d{1,2}/\d\d|x{2,}y|[A-C]-\d)\b", re.IGNORECASE)
    text = "for a while now, 12/20 and 3/45, xxxy XY b-7 B-7 d-7 NOW"
    assert _spans(StartFilter(pattern).finditer(text)) == _spans(pattern.finditer(text))
    assert len(_spans(pattern.finditer(text))) == 8  # a while, now, 12/20, 3/45, xxxy, b-7, B-7, NOW


def test_skips_most_word_starts_of_ordinary_text():
    starts = StartFilter(EXTRA)
    assert not starts.always
    text = "Protesters gathered outside parliament and police made several arrests"
    heads = [w[:3].lower() for w in text.split()]
    assert sum(h in starts.full for h in heads) == 1  # "sev" (several years): nothing else can open a time


def test_a_pattern_not_opening_at_a_word_start_runs_whole():
    pattern = re.compile(r"(?:ab|\d)+", re.IGNORECASE)
    starts = StartFilter(pattern)
    assert starts.always
    assert _spans(starts.finditer("xab12ab")) == _spans(pattern.finditer("xab12ab"))
