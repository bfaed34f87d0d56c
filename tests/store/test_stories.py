"""The story rule on hand-made documents (exact control over dyads, days, places, statuses), both backends."""

from __future__ import annotations

import itertools

import pytest

from eventwire.store import Store
from tests.store.documents import document

TALKS = {"type": "CONSULT", "source": ["CHNGOV"], "target": ["FRAGOV"], "date": "2024-04-04", "place": "CHN"}


def _text(n: int) -> str:
    """Texts far apart for the near-duplicate check (each its own words)."""
    words = [f"w{n}x{i}" for i in range(40)]
    return f"Xi Jinping and Emmanuel Macron, report {n}: " + " ".join(words)


def _put(store: Store, article_id: str, n: int, events: list[dict], **kw) -> None:
    store.put(document(article_id, _text(n), events, **kw), _text(n))


def _groups(store: Store) -> set[frozenset[tuple[str, str]]]:
    """Every story as a set of (article, event) pairs."""
    return {frozenset((m["article"], m["event"]) for m in s["mentions"]) for s in store.stories()}


def test_stories_same_event_from_three_outlets_is_one_story(store):
    _put(store, "a1", 1, [TALKS], publisher="Outlet One")
    _put(store, "a2", 2, [{**TALKS, "date": "2024-04-05"}], publisher="Outlet Two")  # within one day
    _put(store, "a3", 3, [{**TALKS, "place": None}], publisher="Outlet Three")  # no place: compatible
    [story] = list(store.stories())
    assert story["articles"] == ["a1", "a2", "a3"]
    assert (story["num_articles"], story["num_distinct_texts"], story["num_mentions"], story["num_sources"]) == (
        3, 3, 3, 3)
    assert story["type"] == "CONSULT" and story["date"] in ("2024-04-04", "2024-04-05")
    assert [a["code"] for a in story["source"]] == ["CHNGOV"] and [a["code"] for a in story["target"]] == ["FRAGOV"]
    assert story["place"]["country"] == "CHN"
    assert set(story) >= {"id", "type", "cameo", "source", "target", "date", "place", "articles", "mentions",
                          "num_articles", "num_distinct_texts", "num_mentions", "num_sources"}
    assert set(story["mentions"][0]) == {"article", "event", "evidence", "status", "according_to", "date"}
    assert set(story["mentions"][0]["evidence"]) == {"start", "end", "text"}


@pytest.mark.parametrize("other, why", [
    ({**TALKS, "date": "2024-04-07"}, "three days later"),
    ({**TALKS, "place": "FRA"}, "another country"),
    ({**TALKS, "type": "AGREE"}, "another type"),
    ({**TALKS, "status": "denied"}, "denied against asserted"),
    ({**TALKS, "status": "negated"}, "negated against asserted"),
    ({**TALKS, "target": ["DEUGOV"]}, "another target"),
    ({"type": "ACCUSE", "source": ["FRAGOV"], "target": ["CHNGOV"], "date": "2024-04-04"}, "reversed ACCUSE"),
])
def test_stories_what_stays_apart(store, other, why):
    first = {**TALKS, "type": "ACCUSE"} if other["type"] == "ACCUSE" else TALKS
    _put(store, "a1", 1, [first])
    _put(store, "a2", 2, [other])
    assert len(list(store.stories())) == 2, why


def test_stories_count_every_merged_mention_and_say_where_the_date_comes_from(store):
    """An event the article reports three times counts three mentions; a day stated in a text wins the basis."""
    _put(store, "a1", 1, [{**TALKS, "mentions": 3, "date_basis": "published"}], publisher="Outlet One")
    _put(store, "a2", 2, [{**TALKS, "date_basis": "published"}], publisher="Outlet Two")
    [story] = list(store.stories())
    assert (story["num_articles"], story["num_mentions"]) == (2, 4)  # 3 merged in a1, a2's event its own one
    assert [m["article"] for m in story["mentions"]] == ["a1", "a1", "a1", "a2"]
    assert story["date_basis"] == "published"
    _put(store, "a3", 3, [{**TALKS, "date_basis": "text"}], publisher="Outlet Three")
    [story] = list(store.stories())
    assert (story["num_mentions"], story["date_basis"]) == (5, "text")


def test_stories_consult_dyad_is_unordered_and_a_set(store):
    _put(store, "a1", 1, [TALKS])
    _put(store, "a2", 2, [{**TALKS, "source": ["FRAGOV"], "target": ["CHNGOV"]}])  # Macron met Xi
    _put(store, "a3", 3, [{**TALKS, "source": ["CHNGOV", "FRAGOV"], "target": []}])  # Xi and Macron met
    [story] = list(store.stories())
    assert story["num_articles"] == 3
    assert sorted(a["code"] for a in story["source"] + story["target"]) == ["CHNGOV", "FRAGOV"]


def test_stories_denied_reports_gather_among_themselves(store):
    _put(store, "a1", 1, [{**TALKS, "status": "denied"}])
    _put(store, "a2", 2, [{**TALKS, "status": "negated"}])
    _put(store, "a3", 3, [TALKS])
    sizes = sorted(s["num_articles"] for s in store.stories())
    assert sizes == [1, 2]


def test_stories_undated_future_events_stay_in_their_article(store):
    plan = {"type": "CONSULT", "source": ["CHNGOV"], "target": ["FRAGOV"], "status": "future"}
    _put(store, "a1", 1, [plan])
    _put(store, "a2", 2, [plan])
    assert len(list(store.stories())) == 2
    dated = {**plan, "date": "2024-04-10"}
    _put(store, "a3", 3, [dated])
    _put(store, "a4", 4, [dated])
    assert sorted(s["num_articles"] for s in store.stories()) == [1, 1, 2]


def test_stories_events_without_actors_join_only_their_own_text(store):
    lone = {"type": "ASSAULT", "date": "2024-04-04", "place": "CHN", "cameo": "190"}
    _put(store, "a1", 1, [lone, lone])
    _put(store, "a2", 2, [lone])
    assert sorted(s["num_mentions"] for s in store.stories()) == [1, 2]


def test_stories_a_chain_of_days_is_cut_into_windows(store):
    """Days 4, 5, 6, 7: each window spans at most one day after its first day, so 4-5 and 6-7."""
    for n, d in enumerate(("2024-04-04", "2024-04-05", "2024-04-06", "2024-04-07"), start=1):
        _put(store, f"a{n}", n, [{**TALKS, "date": d}])
    assert sorted(tuple(s["articles"]) for s in store.stories()) == [("a1", "a2"), ("a3", "a4")]


REPORTS = [
    ("a1", 1, [TALKS, {"type": "AGREE", "source": ["CHNGOV"], "target": ["FRAGOV"], "date": "2024-04-04"}]),
    ("a2", 2, [{**TALKS, "date": "2024-04-05", "place": None}]),
    ("a3", 3, [{**TALKS, "date": "2024-04-03"}]),
    ("a4", 4, [{**TALKS, "place": "FRA"}, {**TALKS, "status": "denied"}]),
    ("a5", 5, [{**TALKS, "source": ["DEUGOV"], "target": ["POLGOV"], "place": "POL"}]),
    ("a6", 6, [{**TALKS, "date": "2024-04-06"}]),
]


def _snapshot(store: Store) -> list[dict]:
    return sorted(store.stories(), key=lambda s: s["id"])


def _volatile(stories: list[dict]) -> list[dict]:
    return [{k: v for k, v in s.items() if k not in ("date_added", "source_url")} for s in stories]


def test_stories_do_not_depend_on_arrival_order_and_rebuild_gives_the_same(db_url):
    """Ingest order, incremental updates and a full rebuild all give the same stories with the same ids."""
    results = []
    for order in itertools.islice(itertools.permutations(REPORTS), 0, 720, 240):  # three different orders
        with Store(db_url) as s:
            _clear(s)
            for article_id, n, events in order:
                _put(s, article_id, n, events)
            incremental = _volatile(_snapshot(s))
            s.rebuild_stories()
            assert _volatile(_snapshot(s)) == incremental
            results.append(incremental)
    assert results[0] == results[1] == results[2]
    groups = {tuple(x["articles"]) for x in results[0] if x["type"] == "CONSULT" and x["num_articles"] > 1}
    # windows swept from the earliest day: 3-4 April (a3, a1), then 5-6 April (a2 without a place, a6)
    assert groups == {("a1", "a3"), ("a2", "a6")}


def _clear(store: Store) -> None:
    from sqlalchemy import delete

    from eventwire.store.tables import articles, errors, history, stories

    with store.engine.begin() as conn:
        for table in (stories, articles, history, errors):
            conn.execute(delete(table))


def test_stories_replacing_an_article_moves_its_events(store):
    _put(store, "a1", 1, [TALKS])
    _put(store, "a2", 2, [TALKS])
    assert [s["num_articles"] for s in store.stories()] == [2]
    _put(store, "a2", 7, [{**TALKS, "place": "FRA"}])  # a corrected version: the talks were in Paris
    assert sorted(tuple(s["articles"]) for s in store.stories()) == [("a1",), ("a2",)]


def test_stories_near_duplicate_texts_are_marked_and_counted(store):
    text = _text(1)
    edited = text + " Reporting by a correspondent."
    first = store.put(document("wire", text, [TALKS], publisher="Wire"), text)
    copy = store.put(document("copy", edited, [TALKS], publisher="Paper"), edited)
    assert first.duplicate_of is None and copy.duplicate_of == "wire"
    [story] = list(store.stories())
    assert (story["num_articles"], story["num_distinct_texts"], story["num_sources"]) == (2, 1, 2)
    assert store.stats()["duplicates"] == 1
    rows = {r["article_id"]: r["duplicate_of"] for r in store.events()}
    assert rows == {"wire": None, "copy": "wire"}


def test_stories_replacing_the_original_relinks_its_copies(store):
    """A copy follows its original; when the original gets another text, the copy stands alone again."""
    text = _text(1)
    edited = text + " Reporting by a correspondent."
    lone = {"type": "ASSAULT", "date": "2024-04-04", "place": "CHN", "cameo": "190"}  # confined to its text
    store.put(document("wire", text, [TALKS, lone], publisher="Wire"), text)
    store.put(document("copy", edited, [TALKS, lone], publisher="Paper"), edited)
    assert sorted(s["num_articles"] for s in store.stories()) == [2, 2]
    other = _text(9)
    store.put(document("wire", other, [TALKS, lone], publisher="Wire"), other)
    assert {r["article_id"]: r["duplicate_of"] for r in store.events()} == {"wire": None, "copy": None}
    by_type = sorted((s["type"], s["num_articles"], s["num_distinct_texts"]) for s in store.stories())
    assert by_type == [("ASSAULT", 1, 1), ("ASSAULT", 1, 1), ("CONSULT", 2, 2)]
    before = _volatile(_snapshot(store))
    store.rebuild_stories()
    assert _volatile(_snapshot(store)) == before


def test_stories_writers_in_threads_store_each_article_once(db_url):
    """The service calls the store from worker threads: concurrent writes serialise, none is lost or doubled."""
    from concurrent.futures import ThreadPoolExecutor

    with Store(db_url) as s:
        jobs = [(f"t{n % 12}", n % 12) for n in range(36)]  # every article written three times at once
        with ThreadPoolExecutor(max_workers=6) as pool:
            outcomes = list(pool.map(lambda job: s.put(document(job[0], _text(job[1]), [TALKS]),
                                                       _text(job[1])).outcome, jobs))
        assert sorted(outcomes).count("stored") == 12 and outcomes.count("unchanged") == 24
        stats = s.stats()
        assert (stats["articles"], stats["events"], stats["stories"]) == (12, 12, 1)
        [story] = list(s.stories())
        assert story["num_articles"] == 12
