"""Story events from real extraction: differently worded reports of one event gather, an unrelated one stays alone.

The articles are written for this test (made-up reports; no gold sentence). Each set holds several outlets'
reports of one event, worded and attributed differently and published a day apart, and an unrelated event
of the same type on the same day.
"""

from __future__ import annotations

import pytest

from eventwire.ingest.records import validate_record
from eventwire.store import Store, ingest

SUMMIT = [
    {"id": "ledger-1", "publisher": "Northern Ledger", "published": "2024-03-11",
     "text": "Japanese Prime Minister Fumio Kishida met Indian Prime Minister Narendra Modi in New Delhi on Monday "
             "to discuss maritime security and trade, officials said. The two governments also signed an "
             "agreement on a high-speed rail line."},
    {"id": "harbour-7", "publisher": "Harbour Times", "published": "2024-03-12",
     "text": "Fumio Kishida held talks with Narendra Modi in the Indian capital on Monday, India's foreign ministry "
             "said in a statement. Kishida arrived in New Delhi on Sunday evening for a two-day visit."},
    {"id": "digest-3", "publisher": "Wire Digest", "published": "2024-03-11",
     "text": "NEW DELHI - Narendra Modi met Fumio Kishida on Monday, according to a Japanese government "
             "spokesman. Both leaders called for calm in the South China Sea."},
    {"id": "south-2", "publisher": "Southern Post", "published": "2024-03-11",
     "text": "Brazilian President Luiz Inacio Lula da Silva met Argentine President Javier Milei in Buenos Aires "
             "on Monday to discuss trade, their offices said."},
]
SANCTIONS = [
    {"id": "ledger-9", "publisher": "Northern Ledger", "published": "2024-05-21",
     "text": "The European Union slapped new sanctions on Belarus on Tuesday over the detention of opposition "
             "activists, EU foreign ministers said after a meeting in Brussels."},
    {"id": "harbour-12", "publisher": "Harbour Times", "published": "2024-05-22",
     "text": "EU governments slapped fresh sanctions on Belarus on Tuesday, targeting officials they blame for "
             "the arrests of opposition figures, diplomats said."},
    {"id": "south-8", "publisher": "Southern Post", "published": "2024-05-21",
     "text": "Canada imposed sanctions on Iran on Tuesday, the Canadian foreign ministry said."},
]


def _ingest(store: Store, extractor, rows: list[dict]) -> None:
    seen: set[str] = set()
    records = [validate_record(r, seen, extractor.settings.max_chars, n) for n, r in enumerate(rows, start=1)]
    report = ingest(store, ((None, r) for r in records), extractor.extract)
    assert report.stored == len(rows) and report.errors == 0


def _stories_of(store: Store, type_: str) -> list[dict]:
    return [s for s in store.stories() if s["type"] == type_]


@pytest.mark.parametrize("rows, type_, together, alone, codes", [
    (SUMMIT, "CONSULT", {"ledger-1", "harbour-7", "digest-3"}, "south-2", {"INDGOV", "JPNGOV"}),
    (SANCTIONS, "SANCTION", {"ledger-9", "harbour-12"}, "south-8", {"IGOEUR", "BLR"}),
], ids=["summit", "sanctions"])
def test_story_reports_gather_and_the_unrelated_event_stays_alone(store, extractor, rows, type_, together, alone,
                                                                  codes):
    _ingest(store, extractor, rows)
    stories = _stories_of(store, type_)
    [gathered] = [s for s in stories if set(s["articles"]) >= together]
    assert set(gathered["articles"]) == together
    assert gathered["num_articles"] == gathered["num_sources"] == gathered["num_distinct_texts"] == len(together)
    assert {a["code"] for a in gathered["source"] + gathered["target"]} == codes
    assert {m["article"] for m in gathered["mentions"]} == together
    assert len({m["according_to"] for m in gathered["mentions"]}) >= 2  # different sources say it
    [lonely] = [s for s in stories if alone in s["articles"]]
    assert lonely["articles"] == [alone]
    before = sorted(store.stories(), key=lambda s: s["id"])
    store.rebuild_stories()
    assert sorted(store.stories(), key=lambda s: s["id"]) == before


def test_story_reports_the_example_stored_twice_under_two_ids(store, extractor, seed_record):
    copy = {**seed_record, "id": "seed-copy"}
    _ingest(store, extractor, [seed_record, copy])
    stories = list(store.stories())
    assert stories and all(s["articles"] == sorted([seed_record["id"], "seed-copy"]) for s in stories)
    assert all(s["num_articles"] == 2 and s["num_distinct_texts"] == 1 for s in stories)
    assert store.stats()["duplicates"] == 1
    one_copy = store.document(seed_record["id"])["events"]
    assert len(stories) <= len(one_copy)  # mentions of one event inside the article gather too
    assert sum(s["num_mentions"] for s in stories) == 2 * sum(max(1, len(e["mentions"])) for e in one_copy)
