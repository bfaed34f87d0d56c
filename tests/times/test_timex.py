"""Unit tests of the pure TIMEX3 resolver (no spaCy)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.times.timex import Hints, Timex, calendar_point, resolve

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
        ("a year or so ago", "2022"),
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


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nineteen ninety-six", "1996"),
        ("the year two thousand", "2000"),
        ("two thousand and one", "2001"),
        ("nineteen oh five", "1905"),
        ("January nineteen ninety-seven", "1997-01"),
        ("the winter of nineteen ninety-four", "1994-WI"),
        ("the nineties", "199"),
        ("the nineteen-sixties", "196"),
        ("the '80s", "198"),
        ("March eighth", "2023-03-08"),
        ("the twenty-first of June", "2023-06-21"),
    ],
)
def test_timex_numbers_in_words(text: str, value: str) -> None:
    assert resolve(text, WED) == Timex(value, "DATE")


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        ("two decades later", "1975", "1995"),
        ("three years earlier", "1975", "1972"),
        ("the following year", "1995", "1996"),
        ("the previous month", "1998-03", "1998-02"),
        ("that day", "1998-10-23", "1998-10-23"),
        ("later that year", "1998-05-02", "1998"),
        ("the day before", "2000-02-24", "2000-02-23"),
        ("the next morning", "2000-02-22", "2000-02-23TMO"),
        ("that night", "1998-10-23TNI", "1998-10-23TNI"),
        ("the previous Friday", "1989-10-27", "1989-10-20"),
        ("that day", "1998-10", "1998-10-XX"),  # the reference does not know the day
        ("two decades later", None, "2043"),  # no date named yet: the anchor
    ],
)
def test_timex_anaphoric_expressions_count_from_the_last_date(text: str, reference: str | None,
                                                               value: str) -> None:
    result = resolve(text, WED, Hints(reference=reference))
    assert result is not None and result.value == value


@pytest.mark.parametrize(("text", "value"), [("two decades ago", "2003"), ("six weeks ago", "2023-W31")])
def test_timex_ago_counts_from_the_anchor_whatever_the_reference(text: str, value: str) -> None:
    assert resolve(text, WED, Hints(reference="1975")) == Timex(value, "DATE")


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("March 3", "future", "2024-03-03"),
        ("March 3", "past", "2023-03-03"),
        ("March 3", None, "2023-03-03"),  # nearer, and news looks back
        ("in January", "future", "2024-01"),
        ("October", "past", "2022-10"),
        ("October", None, "2023-10"),
        ("this September", "past", "2023-09"),
        ("Thanksgiving", "future", "2023-11-23"),
        ("Thanksgiving", "past", "2022-11-24"),
        ("Election Day", "future", "2023-11-07"),
        ("Easter", "future", "2024-03-31"),
        ("Friday", "future", "2023-09-15"),
        ("noon Friday", "past", "2023-09-08T12:00"),
        ("midnight Friday", "future", "2023-09-15T24:00"),  # a deadline's midnight ends its day
        ("midnight", None, "2023-09-13T00:00"),
    ],
)
def test_timex_tense_turns_dates_forward_or_back(text: str, tense: str | None, value: str) -> None:
    result = resolve(text, WED, Hints(tense=tense))
    assert result is not None and result.value == value


@pytest.mark.parametrize(
    ("text", "anchor", "day_first", "value"),
    [
        ("03/04/2009", date(2011, 1, 1), None, "2009-03-04"),  # nothing to go by: month first
        ("03/04/2009", date(2011, 1, 1), True, "2009-04-03"),  # the article writes day first
        ("03/04/2009", date(2011, 1, 1), False, "2009-03-04"),
        ("03/04/2009", date(2009, 4, 5), None, "2009-04-03"),  # the reading near the publication date
        ("13/04/2009", date(2011, 1, 1), False, "2009-04-13"),  # the numbers decide
        ("04/13/2009", date(2011, 1, 1), True, "2009-04-13"),
        ("13.04.2009", date(2011, 1, 1), None, "2009-04-13"),
    ],
)
def test_timex_numeric_day_and_month_order(text: str, anchor: date, day_first: bool | None, value: str) -> None:
    assert resolve(text, anchor, Hints(day_first=day_first)) == Timex(value, "DATE")


@pytest.mark.parametrize("text", ["31/31/2009", "3.04.09"])
def test_timex_rejects_impossible_or_ambiguous_numbers(text: str) -> None:
    assert resolve(text, WED) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2 1/2 years", "P2.5Y"),
        ("5 1/2 hours", "PT5H30M"),
        ("a minute and a half", "PT1M30S"),
        ("half an hour", "PT30M"),
        ("at least 20 more years", "P20Y"),
        ("eight trading days", "P8D"),
        ("an additional year", "P1Y"),
        ("the past decade", "P10Y"),
    ],
)
def test_timex_duration_forms(text: str, value: str) -> None:
    assert resolve(text, WED) == Timex(value, "DURATION")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("each Thursday", "XXXX-WXX-4"),
        ("Tuesday nights", "XXXX-WXX-2TNI"),
        ("every quarter", "P1Q"),
        ("each July", "XXXX-07"),
        ("annually", "P1Y"),
        ("every other week", "P2W"),
    ],
)
def test_timex_sets(text: str, value: str) -> None:
    assert resolve(text, WED) == Timex(value, "SET")


@pytest.mark.parametrize(
    ("text", "hints", "value"),
    [
        ("the year-ago third quarter", Hints(), "2022-Q3"),
        ("the quarter a year ago", Hints(quarter="2023-Q2"), "2022-Q2"),
        ("the corresponding period last year", Hints(quarter="2023-Q2"), "2022-Q2"),
        ("the current quarter", Hints(quarter="2023-Q2"), "2023-Q3"),
        ("the latest quarter", Hints(), "2023-Q2"),
        ("the 2022 second quarter", Hints(), "2022-Q2"),
        ("the last half of 2022", Hints(), "2022-H2"),
    ],
)
def test_timex_quarters(text: str, hints: Hints, value: str) -> None:
    assert resolve(text, WED, hints) == Timex(value, "DATE")


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("Monday, Oct. 26", date(1998, 10, 25), "1998-10-26"),  # the weekday fixes the year
        ("Saturday, April 25", date(1998, 4, 20), "1998-04-25"),
        ("5 p.m. EST Nov. 9", date(1989, 11, 2), "1989-11-09T17:00"),
        ("08:30 UTC", date(2005, 4, 27), "2005-04-27T08:30Z"),
        ("4 a.m. EDT Thursday", date(2000, 4, 5), "2000-03-30T04:00"),
    ],
)
def test_timex_dates_with_weekdays_and_clock_times(text: str, anchor: date, value: str) -> None:
    result = resolve(text, anchor)
    assert result is not None and result.value == value


@pytest.mark.parametrize(
    ("value", "point"),
    [
        ("1998-10-23TNI", (date(1998, 10, 23), "D")),
        ("1988-Q3", (date(1988, 7, 1), "Q")),
        ("2023-W37", (date(2023, 9, 11), "W")),
        ("1995", (date(1995, 1, 1), "Y")),
        ("2009-02", (date(2009, 2, 1), "M")),
        ("PXY", None),
        ("PRESENT_REF", None),
    ],
)
def test_calendar_point(value: str, point: tuple[date, str] | None) -> None:
    assert calendar_point(value) == point


# a count past either end of the calendar ("two decades later" of 9990) has no value to give
_DATES = st.dates(min_value=date(1000, 1, 1), max_value=date(9000, 12, 31))


@settings(max_examples=200, deadline=None)
@given(reference=_DATES.map(date.isoformat) | st.none(), anchor=st.one_of(st.none(), _DATES),
       text=st.sampled_from(["the following year", "that day", "two decades later", "the day before",
                             "the previous Friday", "three months later", "that quarter", "the next morning"]))
def test_timex_anaphora_never_raises(reference: str | None, anchor: date | None, text: str) -> None:
    result = resolve(text, anchor, Hints(reference=reference))
    assert result is not None


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("Saturday", "near", "2023-09-16"),  # three days ahead against four back
        ("Monday", "near", "2023-09-11"),
        ("March 20", "near", "2023-03-20"),  # nearly six months back against over six ahead
        ("March 3", "near", "2024-03-03"),
        ("October 2", "near", "2023-10-02"),
    ],
)
def test_timex_near_picks_the_nearer_side(text: str, tense: str, value: str) -> None:
    result = resolve(text, WED, Hints(tense=tense))
    assert result is not None and result.value == value


def test_timex_two_thousand_before_a_unit_is_a_number() -> None:
    assert resolve("two thousand", WED) is None
    assert resolve("the year two thousand", WED) == Timex("2000", "DATE")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("this crucial moment", "PRESENT_REF"),
        ("the near term", "FUTURE_REF"),
        ("the short term", "FUTURE_REF"),
        ("a later date", "FUTURE_REF"),
        ("coming quarters", "FUTURE_REF"),
        ("several quarters", "PXQ"),
        ("day-long", "P1D"),
        ("year-long", "P1Y"),
        ("post-1959", "1959"),
        ("several-year", "PXY"),
        ("the first two quarters of 1990", "1990-H1"),
        ("mid-afternoon yesterday", "2023-09-12TAF"),
    ],
)
def test_timex_references_lengths_and_parts(text: str, value: str) -> None:
    result = resolve(text, WED)
    assert result is not None and result.value == value


def test_timex_that_same_day_is_the_day_named() -> None:
    assert resolve("that same day", WED, Hints(reference="1998-10-23")) == Timex("1998-10-23", "DATE")


@pytest.mark.parametrize("text", ["the second", "morning", "two thousand"])
def test_timex_bare_words_that_are_not_times(text: str) -> None:
    assert resolve(text, WED) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a half of a named year is H1/H2, with or without "fiscal"
        ("the first half of 2031", "2031-H1"),
        ("the second half of fiscal 2019", "2019-H2"),
        # part of a decade or century has no TIMEX3 value of its own: the whole period's
        ("the latter half of the '70s", "197"),
        ("the early part of the 19th century", "18"),
        # a qualifier trimmed off leaves its preposition: "earlier in the year" is the year
        ("earlier in the year", "2023"),
        ("later in the month", "2023-09"),
        # a unit before or after a date named in the same expression counts from that date
        ("the day before last Friday", "2023-09-07"),
        ("the week after Easter", "2023-W15"),
        ("the year after 2011", "2012"),
    ],
)
def test_timex_parts_of_periods_and_units_from_a_date(text: str, value: str) -> None:
    assert resolve(text, WED) == Timex(value, "DATE")


@pytest.mark.parametrize(
    ("text", "value"),
    [("days or weeks", "PXD"), ("hours or even days", "PTXH"), ("a few months or years", "PXM"),
     ("recent days and weeks", "PXD"),
     # lengths named by a fraction of a century, and the months of a comparison period
     ("a quarter-century", "P25Y"), ("half a century", "P50Y"), ("the year-ago six months", "P6M"),
     # lengths of no stated unit
     ("a while", "PXX"), ("some time", "PXX"), ("a rather long spell", "PXX")],
)
def test_timex_a_choice_of_units_is_one_vague_length(text: str, value: str) -> None:
    assert resolve(text, WED) == Timex(value, "DURATION")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5 in the morning", "2023-09-11T05:00"),
        ("7:30 in the evening", "2023-09-11T19:30"),
        ("3 o'clock in the afternoon", "2023-09-11T15:00"),
        ("11 at night", "2023-09-11T23:00"),
        ("2 at night", "2023-09-11T02:00"),
    ],
)
def test_timex_hour_and_part_of_day_on_the_day_in_focus(text: str, value: str) -> None:
    assert resolve(text, WED, Hints(reference="2023-09-11")) == Timex(value, "TIME")


def test_timex_unit_from_an_unreadable_phrase_is_not_resolved_here() -> None:
    # "the day after his arrest": no date inside; the component reads it against the date in focus
    assert resolve("the day after his arrest", WED) is None
