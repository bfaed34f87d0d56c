"""Unit tests of the pure TIMEX3 resolver (no spaCy)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.times.timex import Hints, Timex, resolve

WED = date(2023, 9, 13)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("Wednesday", None, "2023-09-13"),
        ("on Wednesday", "past", "2023-09-13"),
        ("Tuesday", None, "2023-09-12"),
        ("Tuesday", "past", "2023-09-12"),
        ("Tuesday", "future", "2023-09-19"),
        ("Thursday", "future", "2023-09-14"),
        ("Thursday", "past", "2023-09-07"),
        ("next Monday", None, "2023-09-18"),
        ("last Wednesday", None, "2023-09-06"),
    ],
)
def test_timex_weekday_relative_to_published(text: str, tense: str | None, value: str) -> None:
    assert resolve(text, WED, Hints(tense=tense)) == Timex(value, "DATE")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Wednesday morning", "2023-09-13TMO"),
        ("Sunday afternoon", "2023-09-10TAF"),
        ("Monday evening", "2023-09-11TEV"),
        ("Tuesday night", "2023-09-12TNI"),
        ("yesterday morning", "2023-09-12TMO"),
        ("tonight", "2023-09-13TNI"),
        ("10 p.m. Wednesday", "2023-09-13T22:00"),
    ],
)
def test_timex_parts_of_day(text: str, value: str) -> None:
    result = resolve(text, WED)
    assert result is not None and result.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nearly 19 months", "P19M"),
        ("days", "PXD"),
        ("two years", "P2Y"),
        ("48 hours", "PT48H"),
        ("a few weeks", "PXW"),
        ("the first nine months", "P9M"),
        ("two-year", "P2Y"),
        ("almost two and a half years", "P2.5Y"),
        ("two decades", "P20Y"),
    ],
)
def test_timex_durations(text: str, value: str) -> None:
    assert resolve(text, WED) == Timex(value, "DURATION")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("today", "2023-09-13"),
        ("yesterday", "2023-09-12"),
        ("last week", "2023-W36"),
        ("this week", "2023-W37"),
        ("this year", "2023"),
        ("last month", "2023-08"),
        ("in March", "2023-03"),
        ("March 3", "2023-03-03"),
        ("March 3, 2021", "2021-03-03"),
        ("3 March 2021", "2021-03-03"),
        ("2021", "2021"),
        ("the 1990s", "199"),
        ("the third quarter", "2023-Q3"),
        ("last summer", "2023-SU"),
        ("a year ago", "2022"),
        ("the 20th century", "19"),
        ("Christmas", "2023-12-25"),
    ],
)
def test_timex_date_granularity(text: str, value: str) -> None:
    assert resolve(text, WED) == Timex(value, "DATE")


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("now", "PRESENT_REF", "DATE"),
        ("currently", "PRESENT_REF", "DATE"),
        ("recently", "PAST_REF", "DATE"),
        ("in the future", "FUTURE_REF", "DATE"),
        ("every week", "P1W", "SET"),
        ("daily", "P1D", "SET"),
    ],
)
def test_timex_references_and_sets(text: str, value: str, kind: str) -> None:
    assert resolve(text, WED) == Timex(value, kind)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tuesday", "XXXX-XX-XX"),
        ("last week", "XXXX-WXX"),
        ("this year", "XXXX"),
        ("March 3, 2021", "2021-03-03"),
    ],
)
def test_timex_without_anchor_uses_placeholders(text: str, value: str) -> None:
    result = resolve(text, None)
    assert result is not None and result.value == value


@pytest.mark.parametrize("text", ["52-year-old", "the", "Russia", "reported"])
def test_timex_rejects_non_times(text: str) -> None:
    assert resolve(text, WED) is None


@pytest.mark.parametrize("quarter", ["1989-Q3"])
def test_timex_year_ago_follows_quarter_in_focus(quarter: str) -> None:
    assert resolve("a year ago", date(1989, 11, 2), Hints(quarter=quarter)) == Timex("1988-Q3", "DATE")


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=60), anchor=st.one_of(st.none(), st.dates()))
def test_timex_never_raises(text: str, anchor: date | None) -> None:
    result = resolve(text, anchor)
    assert result is None or result.type in ("DATE", "TIME", "DURATION", "SET")


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=date(1000, 1, 1)), anchor=st.one_of(st.none(), st.dates()))
def test_timex_iso_date_resolves_to_itself(day: date, anchor: date | None) -> None:
    assert resolve(day.isoformat(), anchor) == Timex(day.isoformat(), "DATE")


EXPRESSIONS = ["tomorrow", "yesterday", "next week", "last month", "next year", "a year ago", "Tuesday",
               "the third quarter", "last fall", "March 3", "10 p.m. Friday", "the weekend", "the 1990s"]


@settings(max_examples=200, deadline=None)
@given(
    text=st.sampled_from(EXPRESSIONS),
    anchor=st.sampled_from([date.min, date.max, date(2000, 2, 29)]) | st.dates(),
    tense=st.sampled_from([None, "past", "future"]),
)
def test_timex_edge_anchors_do_not_raise(text: str, anchor: date, tense: str | None) -> None:
    resolve(text, anchor, Hints(tense=tense))
