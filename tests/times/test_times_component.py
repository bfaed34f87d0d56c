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
