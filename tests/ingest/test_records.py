"""Validation of input records: every bad record has its own error code."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import InputError
from eventwire.ingest.records import parse_published, validate_record


def _check(obj, seen=None, max_chars=1000):
    return validate_record(obj, set() if seen is None else seen, max_chars, line=7)


@pytest.mark.parametrize(
    ("obj", "code"),
    [
        ({"id": "a", "text": ""}, "empty_text"),
        ({"id": "a", "text": " \n\t "}, "empty_text"),
        ({"id": "a", "text": 5}, "not_text"),
        ({"id": "a"}, "not_text"),
        ({"id": "a", "text": "ab\x00\x01\x02cd"}, "not_text"),
        ({"id": "a", "text": "\x01\x02\x03\x04\x05 some words"}, "not_text"),
        ({"text": "Hello."}, "missing_id"),
        ({"id": "", "text": "Hello."}, "missing_id"),
        ({"id": ["x"], "text": "Hello."}, "bad_id"),
        ({"id": "a", "text": "Hello.", "published": "next Tuesday"}, "bad_published"),
        ({"id": "a", "text": "Hello.", "published": 20230913}, "bad_published"),
        ({"id": "a", "text": "Hello.", "title": 3}, "bad_field"),
        ({"id": "a", "text": "x" * 1001}, "too_long"),
        (["id", "a"], "not_an_object"),
        ("just a string", "not_an_object"),
    ],
)
def test_records_bad_input_gets_its_code(obj, code):
    with pytest.raises(InputError) as info:
        _check(obj)
    assert info.value.code == code
    assert info.value.line == 7
    assert info.value.message


def test_records_duplicate_id_is_an_error():
    seen: set[str] = set()
    _check({"id": "a", "text": "Hello."}, seen)
    with pytest.raises(InputError) as info:
        _check({"id": "a", "text": "Again."}, seen)
    assert info.value.code == "duplicate_id"


@pytest.mark.parametrize("text", ["Hello.", "Привет, мир. 你好。", "Tabs\tand\nnewlines\r\n"])
def test_records_text_is_kept_exactly(text):
    assert _check({"id": 1, "text": text}).text == text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023-09-13", date(2023, 9, 13)),
        ("2023-09-13T08:30:00", date(2023, 9, 13)),
        ("2023-09-13T08:30:00Z", date(2023, 9, 13)),
        ("2023-09-13T23:30:00+09:00", date(2023, 9, 13)),
        (None, None),
    ],
)
def test_records_published_forms(raw, expected):
    assert parse_published(raw) == expected


@given(st.text(max_size=40))
def test_records_published_never_crashes(raw):
    try:
        parse_published(raw)
    except InputError as err:
        assert err.code == "bad_published"


@pytest.mark.parametrize("raw", ["20230913", "2023-W37-3", "2023-256", "13/09/2023"])
def test_records_published_outside_the_contract(raw):
    with pytest.raises(InputError):
        parse_published(raw)
