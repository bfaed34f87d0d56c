"""Credit lines and datelines are found without changing the text."""

from __future__ import annotations

import pytest

from eventwire.ingest.layout import find_layout


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Kim met Putin.\nThey talked.\nNew York Times News Service", "New York Times News Service"),
        ("Kim met Putin.\n\nReuters\n", "Reuters"),
        ("Kim met Putin.\n(c) 2023 The Associated Press", "(c) 2023 The Associated Press"),
    ],
)
def test_layout_credit_line_is_cut(text, credit):
    layout = find_layout(text)
    assert layout.credit == credit
    assert text[: layout.body_end] == text[: text.rindex(credit)].rstrip()


@pytest.mark.parametrize(
    "text",
    [
        "Kim met Putin.\nThe talks lasted for hours.",
        "Kim met Putin.\nPress freedom was not discussed at the summit today.",
        "One line only by the Associated Press",
        "Kim met Putin.\nRussia to press ahead with Syria talks",
        "Kim met Putin.\nIsrael attacked the Times Square office",
    ],
)
def test_layout_content_is_not_taken_for_a_credit(text):
    layout = find_layout(text)
    assert layout.credit is None
    assert layout.body_end == len(text.rstrip())


def test_layout_known_credit_is_cut_even_without_keywords():
    layout = find_layout("Kim met Putin.\nFoo Bar Baz", known_credit="Foo Bar Baz")
    assert layout.body_end == len("Kim met Putin.")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("MOSCOW (Reuters) - Russia said on Monday ...", "MOSCOW"),
        ("SEOUL, South Korea (AP) — North Korea fired ...", "SEOUL, South Korea"),
        ("WASHINGTON — The president said ...", "WASHINGTON"),
        ("  KYIV, Ukraine -- Air raid sirens ...", "KYIV, Ukraine"),
    ],
)
def test_layout_dateline_place(text, place):
    layout = find_layout(text)
    start, end = layout.dateline_place
    assert text[start:end] == place
    assert text[layout.dateline[0] : layout.dateline[1]].rstrip("-—– ").startswith(place)


@pytest.mark.parametrize(
    "text",
    [
        "The talks - which lasted hours - ended.",
        "US - China talks ended.",
        "Kim met Putin.",
        "EXCLUSIVE - Kim met Putin.",
        "BREAKING — Kim met Putin.",
    ],
)
def test_layout_no_dateline(text):
    assert find_layout(text).dateline is None
