"""The times component on short sentences through the session pipeline."""

from __future__ import annotations

from datetime import date

import pytest

PUBLISHED = date(2023, 9, 13)


def _run(nlp, text: str, published: date | None = PUBLISHED):
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The two leaders had arrived Wednesday morning at the site.",
            [("Wednesday morning", "2023-09-13TMO")],
        ),
        (
            "Kim arrived in Russia on Tuesday, a trip that took days.",
            [("Tuesday", "2023-09-12"), ("days", "PXD")],
        ),
        ("The war has dragged on for nearly 19 months.", [("nearly 19 months", "P19M")]),
        ("Prices are currently high.", [("currently", "PRESENT_REF")]),
    ],
)
def test_component_finds_and_resolves(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = _run(nlp, text)
    assert [(t.text, t.value) for t in doc._.ew_times] == expected
    for t in doc._.ew_times:
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("text", ["He left on Sunday afternoon and returned last week."])
def test_component_ids_and_span_group(nlp, text: str) -> None:
    doc = _run(nlp, text)
    times = doc._.ew_times
    assert [t.id for t in times] == [f"t{i + 1}" for i in range(len(times))]
    assert [s.kb_id_ for s in doc.spans["ew_times"]] == [t.id for t in times]
    assert [t.value for t in times] == ["2023-09-10TAF", "2023-W36"]


@pytest.mark.parametrize("text", ["The 52-year-old minister met a 6-year-old girl."])
def test_component_skips_ages(nlp, text: str) -> None:
    assert _run(nlp, text)._.ew_times == []


@pytest.mark.parametrize("text", ["They met on Tuesday."])
def test_component_without_published_date(nlp, text: str) -> None:
    assert [t.value for t in _run(nlp, text, None)._.ew_times] == ["XXXX-XX-XX"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The monarch will meet Bush on Thursday.", "2023-09-14"),
        ("Talks are due on Friday.", "2023-09-15"),
        ("The trial is set to begin on Wednesday in London.", "2023-09-13"),
        ("Officials said the vote was postponed until Friday.", "2023-09-15"),
        ("The deal is expected to close Monday.", "2023-09-18"),
        ("Iraq agreed to withdraw its troops by Friday.", "2023-09-15"),
        ("The ministers met on Monday.", "2023-09-11"),
        ("The talks had been held on Friday.", "2023-09-08"),
        ("The terms, announced Friday, were rejected.", "2023-09-08"),
        ("Kim arrives in Russia on Thursday", "2023-09-07"),  # a headline's present is past
        ("The company said it will complete the sale on March 3.", "2024-03-03"),
        ("The company completed the sale on March 3.", "2023-03-03"),
        ("The law takes effect in January.", "2024-01"),
    ],
)
def test_component_tense_of_the_clause(nlp, text: str, expected: str) -> None:
    assert [t.value for t in _run(nlp, text)._.ew_times] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The war ended in 1975. Two decades later, the country was rebuilt.", ["1975", "1995"]),
        ("Slepian was killed on Oct. 23, 1998. Earlier that day, his family had called the police.",
         ["1998-10-23", "1998-10-23"]),
        ("The plant opened in 1995. The following year it closed.", ["1995", "1996"]),
    ],
)
def test_component_anaphoric_times_follow_the_last_date(nlp, text: str, expected: list[str]) -> None:
    assert [t.value for t in _run(nlp, text)._.ew_times] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ceasefire began on 13/04/2009 and talks resumed on 03/05/2009.", ["2009-04-13", "2009-05-03"]),
        ("The ceasefire began on 04/13/2009 and talks resumed on 03/05/2009.", ["2009-04-13", "2009-03-05"]),
        # no unambiguous numeric date: the way the article writes dates in words decides
        ("The summit opened on 12 March 2009. Talks resumed on 03/05/2009.", ["2009-03-12", "2009-05-03"]),
        ("The summit opened on March 12, 2009. Talks resumed on 03/05/2009.", ["2009-03-12", "2009-03-05"]),
    ],
)
def test_component_day_month_order_from_the_article(nlp, text: str, expected: list[str]) -> None:
    assert [t.value for t in _run(nlp, text)._.ew_times] == expected


@pytest.mark.parametrize("text", ["Aer Lingus will receive six aircraft from 2009 to 2011, the airline said."])
def test_component_ranges_keep_both_ends_and_the_length(nlp, text: str) -> None:
    times = _run(nlp, text)._.ew_times
    assert [(t.text, t.value, t.type) for t in times] == [
        ("from 2009 to 2011", "P2Y", "DURATION"), ("2009", "2009", "DATE"), ("2011", "2011", "DATE")]
    assert [t.id for t in times] == ["t1", "t2", "t3"]


@pytest.mark.parametrize("text", ["Qantas runs flights each Thursday and plans more in the first half of 2024."])
def test_component_takes_in_set_quantifiers(nlp, text: str) -> None:
    assert [(t.text, t.value) for t in _run(nlp, text)._.ew_times][0] == ("each Thursday", "XXXX-WXX-4")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a modal perfect looks back, whatever its modal
        ("Concern about the chip may have been responsible for a drop in the stock on Tuesday.", "2023-09-12"),
        # a plan that stands looks ahead: a present perfect of a scheduling verb
        ("The prosecutor has scheduled a news conference Thursday.", "2023-09-14"),
        ("The company has set Nov. 10 as the deadline for bids.", "2023-11-10"),
        # "set for" anywhere up the path, not only as the expression's own preposition
        ("The issue will dominate a summit set for Washington in April.", "2024-04"),
        # a plan told in the past: the nearer occurrence (Thursday is one day ahead, six back)
        ("Protesters planned a large demonstration on Thursday.", "2023-09-14"),
        ("A memorial service planned for Monday was cancelled.", "2023-09-11"),
        # an offset before a month and day gives the direction
        ("Slepian was killed last Oct. 23 by a sniper.", "2022-10-23"),
    ],
)
def test_component_tense_of_plans_and_modals(nlp, text: str, expected: str) -> None:
    assert [t.value for t in _run(nlp, text)._.ew_times] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a full stop that belongs to its token stays: "10 p.m." is not cut to "10"
        ("He was shot at 10 p.m. as he stood in his kitchen.", [("10 p.m.", "2023-09-13T22:00")]),
        ("The plane landed at 6:40 p.m. after a long flight.", [("6:40 p.m.", "2023-09-13T18:40")]),
        # a regex find that holds NER's span whole replaces it
        ("It followed a several-year tenure as editor.", [("several-year", "PXY")]),
        ("Trading slowed by mid-afternoon yesterday.", [("mid-afternoon yesterday", "2023-09-12TAF")]),
        ("Profit will fall in the first two quarters of 2024.", [("the first two quarters of 2024", "2024-H1")]),
        ("The action followed by one day an announcement.", [("one day", "P1D")]),
        ("Islam will one day be the second largest religion there.", [("one day", "FUTURE_REF")]),
    ],
)
def test_component_spans_and_values(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in _run(nlp, text)._.ew_times] == expected


@pytest.mark.parametrize(
    "text",
    [
        "He told CBS's 60 Minutes that he was innocent.",  # a programme's name
        "Baker said on ABC's This Week that the talks would go on.",
        "In many ways, the day belonged to the Czech Republic.",  # a figure of speech
        "For the people of Poland, the second chance has come.",  # an ordinal, not a length
        "Wilson increased his majority in a second election.",
        "The reports in the Sunday Times had no source, a spokesman said.",  # names NER knows
        "The comedian might cause controversy on the night.",
    ],
)
def test_component_skips_what_only_looks_like_a_time(nlp, text: str) -> None:
    assert [t.text for t in _run(nlp, text)._.ew_times] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plan should save $500 million a year in costs.", ("a year", "P1Y", "SET")),
        ("Qantas will add 700 seats a week on the route.", ("a week", "P1W", "SET")),
        ("The war has lasted a year.", ("a year", "P1Y", "DURATION")),
    ],
)
def test_component_rates_are_sets(nlp, text: str, expected: tuple[str, str, str]) -> None:
    """A unit after an amount is a frequency (TIMEX3 SET), not a length."""
    assert [(t.text, t.value, t.type) for t in _run(nlp, text)._.ew_times] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the 24-hour clock of wire copy
        ("Shares in Barclays were up 2% at 1405 GMT.", [("1405 GMT", "2023-09-13T14:05Z")]),
        # a British fiscal year "to" a date is a year's length
        ("Profits for the year to 31 March rose 20%.", [("the year", "P1Y"), ("31 March", "2023-03-31")]),
        # a bare season is the nearest one, looking back: "the spring" of a September article is this year's
        ("The party held its conference in the spring.", [("the spring", "2023-SP")]),
        # a plan in the past perfect may be over: the nearer December (nine months back, three ahead)
        ("Gazprom had been expected to win the December auction.", [("December", "2023-12")]),
        ("Workers could join strikes earmarked for 23 March.", [("23 March", "2024-03-23")]),
    ],
)
def test_component_wire_conventions(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in _run(nlp, text)._.ew_times] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the day after" an event counts on from the date in focus...
        ("He died on Sept. 2. The men came to his house the day after his death.",
         [("Sept. 2", "2023-09-02"), ("the day", "2023-09-03")]),
        # ...but in apposition to a date it renames that date
        ("On Sept. 2, the day before the crash, shares fell.", [("Sept. 2", "2023-09-02"), ("the day", "2023-09-02")]),
        # a time granted until a day runs to a deadline ahead, whatever the tense of the grant
        ("The court has given the family until 9 a.m. Tuesday to reply.", [("9 a.m. Tuesday", "2023-09-19T09:00")]),
        # "set for" is a plan, also when the date hangs on another phrase of "set"
        ("The issue will dominate a summit set for Washington in April.", [("April", "2024-04")]),
        ("He set the table for dinner in April.", [("April", "2023-04")]),
        # decades counted back, which NER leaves untagged
        ("They launched the revolution more than four decades ago.", [("more than four decades ago", "1983")]),
    ],
)
def test_component_anchors_and_deadlines(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in _run(nlp, text)._.ew_times] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one expression where NER leaves pieces: the unit before a date, a choice of units, a half of a decade
        ("Officials met the day before last Friday.", [("the day before last Friday", "2023-09-07")]),
        ("The repairs could take weeks or months.", [("weeks or months", "PXW")]),
        ("Funds have sold bonds in recent weeks and months.", [("recent weeks and months", "PXW")]),
        ("Joblessness fell to a quarter-century low.", [("a quarter-century", "P25Y")]),
        ("Net for the year-earlier nine months rose.", [("the year-earlier nine months", "P9M")]),
        ("Rain delayed the harvest earlier in the year.", [("earlier in the year", "2023")]),
        ("Prices climbed through the last half of the '90s.", [("the last half of the '90s", "199")]),
        ("The ferry sank at 4 in the morning.", [("4 in the morning", "2023-09-13T04:00")]),
        ("Bids are due by 5 p.m. EST, Oct. 2.", [("5 p.m. EST, Oct. 2", "2023-10-02T17:00")]),
        ("Output should grow through at least the first two quarters of 2024.",
         [("at least the first two quarters of 2024", "2024-H1")]),
    ],
)
def test_component_keeps_compound_expressions_whole(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in _run(nlp, text)._.ew_times] == expected


def test_component_quarter_compared_a_year_back(nlp) -> None:
    text = "Third-quarter sales rose 5% from the corresponding period last year."
    times = _run(nlp, text, date(2023, 10, 20))._.ew_times
    assert [(t.text, t.value) for t in times] == [("Third-quarter", "2023-Q3"),
                                                   ("the corresponding period last year", "2022-Q3")]


def test_component_weekday_coordinated_with_a_weekly_set_recurs(nlp) -> None:
    text = "The new ferries will sail on Saturday and Sunday mornings from May."
    values = [(t.text, t.value, t.type) for t in _run(nlp, text)._.ew_times]
    assert values[:2] == [("Saturday", "XXXX-WXX-6TMO", "SET"), ("Sunday mornings", "XXXX-WXX-7TMO", "SET")]


def test_component_background_quarter_is_not_the_one_in_focus(nlp) -> None:
    # the quarter after "after" is background: "a year ago" compares with the quarter reported
    text = "After a weak first quarter, the brewer's third-quarter profit rose 8% from a year ago."
    times = _run(nlp, text, date(2023, 10, 20))._.ew_times
    assert [t.value for t in times] == ["2023-Q1", "2023-Q3", "2022-Q3"]
    assert times[-1].text == "a year ago"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # quarters NER leaves untagged
        ("The miner posted net income for the fiscal second-quarter of $8 million.",
         [("fiscal second-quarter", "2023-Q2")]),
        # "overnight" is the night before the day in focus
        ("Stocks in Tokyo fell on overnight losses in New York.", [("overnight", "2023-09-12TNI")]),
    ],
)
def test_component_quarters_and_overnight(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in _run(nlp, text)._.ew_times] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second day of the month named just before
        ("Ministers will meet on April 24 and 25 in Geneva.", [("April 24", "2024-04-24"), ("25", "2024-04-25")]),
        # ...but not a figure that follows a date
        ("Shares rose 3% on May 3 and 4 percent on May 4.", [("May 3", "2023-05-03"), ("May 4", "2023-05-04")]),
        # a length of no stated unit after "for"
        ("The troops will stay for a while.", [("a while", "PXX")]),
        ("The plant was shut for a fairly long period.", [("a fairly long period", "PXX")]),
    ],
)
def test_component_second_days_and_unitless_lengths(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in _run(nlp, text)._.ew_times] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Analysts expect sales to grow 12% annually.", []),
        ("The festival is held annually in the old town.", [("annually", "P1Y")]),
    ],
)
def test_component_rate_of_a_figure_is_not_a_set(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in _run(nlp, text)._.ew_times] == expected


def test_component_months_to_date_compare_with_the_year_before(nlp) -> None:
    text = ("Third-quarter profit rose 8% from a year earlier. For the first nine months, profit climbed to "
            "$50 million from $42 million a year earlier.")
    values = [(t.text, t.value) for t in _run(nlp, text, date(2023, 10, 20))._.ew_times]
    assert values == [("Third-quarter", "2023-Q3"), ("a year earlier", "2022-Q3"),
                      ("the first nine months", "P9M"), ("a year earlier", "2022")]
