"""The store's identity rules, history, errors table and schema versions, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, select, text

from eventwire.store import NotAStore, SchemaOutdated, Store, database_url, upgrade
from eventwire.store.engine import make_engine
from eventwire.store.schema import head_version
from eventwire.store.schema import upgrade as upgrade_to
from eventwire.store.tables import events, history, metadata
from tests.store.documents import document

TEXT_1 = "Xi Jinping held talks with Emmanuel Macron in Beijing on Thursday about trade and climate policy."
TEXT_2 = "Olaf Scholz and Donald Tusk discussed border security in Warsaw, their offices said afterwards."


def _rows(s: Store) -> dict:
    with s.engine.connect() as conn:
        return {t: conn.scalar(select(func.count()).select_from(metadata.tables[t])) for t in metadata.tables}


@pytest.mark.parametrize("twice", [2])
def test_store_same_text_again_stores_nothing(store, twice):
    doc = document("x1", TEXT_1, [{"type": "CONSULT", "source": ["CHNGOV"], "target": ["FRAGOV"],
                                   "date": "2024-04-04", "place": "CHN"}])
    first = store.put(doc, TEXT_1)
    before = _rows(store)
    again = [store.put(doc, TEXT_1) for _ in range(twice)]
    assert first.outcome == "stored"
    assert {r.outcome for r in again} == {"unchanged"}
    assert _rows(store) == before
    assert store.known([("x1", TEXT_1), ("nope", TEXT_1)]) == {"x1"}
    assert store.known([("x1", TEXT_2)]) == set()


def test_store_new_text_replaces_the_article_and_keeps_history(store):
    store.put(document("x1", TEXT_1, [{"type": "CONSULT", "source": ["CHNGOV"], "target": ["FRAGOV"],
                                       "date": "2024-04-04"}]), TEXT_1)
    new = document("x1", TEXT_2, [
        {"type": "CONSULT", "source": ["DEUGOV"], "target": ["POLGOV"], "date": "2024-04-04", "place": "POL"},
        {"type": "AGREE", "source": ["DEUGOV"], "date": "2024-04-04"},
    ])
    result = store.put(new, TEXT_2)
    assert result.outcome == "replaced"
    assert store.text("x1") == TEXT_2
    assert [e["id"] for e in store.document("x1")["events"]] == ["e1", "e2"]
    rows = list(store.events())
    assert {(r["type"], tuple(a["code"] for a in r["source"])) for r in rows} == {
        ("CONSULT", ("DEUGOV",)), ("AGREE", ("DEUGOV",))}
    with store.engine.connect() as conn:
        old = conn.execute(select(history)).mappings().one()
    assert old["article_id"] == "x1" and old["text"] == TEXT_1
    assert json.loads(old["document"])["events"][0]["type"] == "CONSULT"
    stats = store.stats()
    assert (stats["articles"], stats["events"], stats["replaced_versions"]) == (1, 2, 1)
    # no story still holds the old version's event
    assert {a for s in store.stories() for a in s["articles"]} == {"x1"}
    assert stats["stories"] == 2


def test_store_replacement_is_one_transaction(store, monkeypatch):
    """A failure half-way through a replacement leaves the old version whole."""
    from eventwire.store import writer

    store.put(document("x1", TEXT_1, [{"type": "CONSULT", "source": ["CHNGOV"], "target": ["FRAGOV"]}]), TEXT_1)
    before = _rows(store)

    def broken(*_args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(writer.stories, "refresh", broken)
    with pytest.raises(RuntimeError):
        store.put(document("x1", TEXT_2, [{"type": "AGREE", "source": ["DEUGOV"]}]), TEXT_2)
    assert _rows(store) == before
    assert store.text("x1") == TEXT_1


def test_store_errors_are_recorded_once(store):
    assert store.put_error("malformed_json", "line is not valid JSON", "/in.jsonl", 3) is True
    assert store.put_error("malformed_json", "line is not valid JSON", "/in.jsonl", 3) is False
    assert store.put_error("empty_text", "text is empty", "/in.jsonl", 4, "a7") is True
    assert [(e["code"], e["line"], e["article_id"]) for e in store.errors()] == [
        ("malformed_json", 3, None), ("empty_text", 4, "a7")]
    assert store.stats()["errors"] == 2


def test_store_error_documents_are_refused(store):
    from eventwire.schema import Article, Document, ErrorInfo

    bad = Document(article=Article(id="b"), error=ErrorInfo(code="empty_text", message="empty"))
    with pytest.raises(ValueError, match="put_error"):
        store.put(bad, "")


def test_store_tables_are_what_the_migrations_build(db_url):
    Store(db_url).close()
    engine = make_engine(database_url(db_url))
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    assert diff == []


def test_store_older_schema_is_refused_until_upgraded(db_url):
    engine = make_engine(database_url(db_url))
    upgrade_to(engine, "0001")
    engine.dispose()
    with pytest.raises(SchemaOutdated, match=r"schema version 0001.*eventwire db upgrade --db"):
        Store(db_url)
    assert upgrade(db_url) == ("0001", head_version())
    with Store(db_url) as s:
        assert s.stats()["schema_version"] == head_version()
        s.put(document("x1", TEXT_1, [{"type": "CONSULT", "source": ["CHNGOV"], "target": ["FRAGOV"]}]), TEXT_1)
        assert s.stats()["stories"] == 1


def test_store_refuses_a_database_that_is_not_a_store(db_url):
    engine = create_engine(database_url(db_url))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE customers (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    with pytest.raises(NotAStore):
        Store(db_url)


@pytest.mark.parametrize("value,backend", [("events.db", "sqlite"), ("sqlite:///x.db", "sqlite"),
                                           ("postgresql://u@h/db", "postgresql")])
def test_store_database_url_forms(value, backend):
    url = database_url(value)
    assert url.get_backend_name() == backend
    if backend == "postgresql":
        assert url.drivername == "postgresql+psycopg"


def test_store_database_url_default_and_env(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EVENTWIRE_DB", raising=False)
    assert database_url(None).database == str(tmp_path / "eventwire.db")
    monkeypatch.setenv("EVENTWIRE_DB", str(tmp_path / "other.db"))
    assert database_url(None).database == str(tmp_path / "other.db")


def test_store_unreachable_server_is_a_clear_error():
    from eventwire.store import StoreUnavailable

    with pytest.raises(StoreUnavailable, match="cannot use the database"):
        Store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_store_sqlite_is_in_wal_mode(tmp_path):
    with Store(str(tmp_path / "w.db")) as s, s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_store_events_cascade_with_their_article(store):
    store.put(document("x1", TEXT_1, [{"type": "CONSULT", "source": ["CHNGOV"], "target": ["FRAGOV"]}]), TEXT_1)
    store.put(document("x1", TEXT_2, []), TEXT_2)
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(events)) == 0
    assert _rows(store)["event_actors"] == 0 and _rows(store)["event_mentions"] == 0
