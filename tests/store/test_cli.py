"""The store's commands end to end: ingest (twice, with bad records), stats, query filters and formats, stories,
db upgrade, and the errors a user sees."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from eventwire.cli import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, app
from eventwire.export.tabular import COLUMNS
from eventwire.store import Store
from tests.conftest import EXAMPLE

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def ingested(db_url):
    result = _run("ingest", str(EXAMPLE), "--db", db_url)
    assert result.exit_code == EXIT_OK, result.output
    return db_url


def _stats(db: str) -> dict:
    result = _run("stats", "--db", db)
    assert result.exit_code == EXIT_OK, result.output
    return json.loads(result.stdout)


def _query(db: str, *filters: str) -> list[dict]:
    result = _run("query", "--db", db, "--format", "json", *filters)
    assert result.exit_code == EXIT_OK, result.output
    return json.loads(result.stdout)


def test_cli_ingest_twice_changes_nothing(ingested):
    before = _stats(ingested)
    with Store(ingested) as s:
        docs = list(s.documents())
    again = _run("ingest", str(EXAMPLE), "--db", ingested)
    assert again.exit_code == EXIT_OK
    assert "stored 0, replaced 0, unchanged 1, errors 0" in again.output
    assert _stats(ingested) == before
    with Store(ingested) as s:
        assert list(s.documents()) == docs
    assert (before["articles"], before["errors"], before["replaced_versions"]) == (1, 0, 0)
    assert before["events"] > 0 and before["stories"] > 0
    assert {"articles", "events", "stories", "errors", "duplicates"} <= set(before)


def test_cli_ingest_records_bad_records_and_goes_on(db_url, tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = {"id": "ok-1", "text": "Police arrested two protesters in Lagos on Friday.", "published": "2024-06-07"}
    path.write_text("\n".join([json.dumps(good), "{broken", json.dumps({"id": "e", "text": ""}),
                               json.dumps({**good, "id": "ok-2"})]) + "\n", encoding="utf-8")
    result = _run("ingest", str(path), "--db", db_url)
    assert result.exit_code == EXIT_PARTIAL
    with Store(db_url) as s:
        errors = s.errors()
        assert s.stats()["articles"] == 2
    assert [(e["code"], e["line"], e["source"]) for e in errors] == [
        ("malformed_json", 2, str(path.resolve())), ("empty_text", 3, str(path.resolve()))]
    assert _run("ingest", str(path), "--db", db_url).exit_code == EXIT_PARTIAL
    assert _stats(db_url)["errors"] == 2  # the same bad lines again are not new errors


def test_cli_ingest_replaces_an_article_whose_text_changed(db_url, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Kim Jong-un met Vladimir Putin on Wednesday.",
                                "published": "2023-09-13"}) + "\n", encoding="utf-8")
    assert _run("ingest", str(path), "--db", db_url).exit_code == EXIT_OK
    path.write_text(json.dumps({"id": "x", "text": "Kim Jong-un met Vladimir Putin in Vladivostok on Wednesday.",
                                "published": "2023-09-13"}) + "\n", encoding="utf-8")
    result = _run("ingest", str(path), "--db", db_url)
    assert "stored 0, replaced 1" in result.output
    stats = _stats(db_url)
    assert (stats["articles"], stats["replaced_versions"]) == (1, 1)


def test_cli_ingest_takes_text_files_and_folders(db_url, tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "one.txt").write_text("Protesters marched in Paris on Saturday.", encoding="utf-8")
    (folder / "two.jsonl").write_text(json.dumps({"id": "two", "text": "Troops entered Mosul on Monday."}) + "\n",
                                      encoding="utf-8")
    result = _run("ingest", str(folder), "--db", db_url, "--published", "2024-01-06")
    assert result.exit_code == EXIT_OK, result.output
    with Store(db_url) as s:
        assert s.document("sub/one")["article"]["published"] == "2024-01-06"
        assert s.document("two") is not None


FILTERS = [
    (["--type", "CONSULT"], lambda e: e["type"] == "CONSULT"),
    (["--type", "AID", "--type", "AGREE"], lambda e: e["type"] in ("AID", "AGREE")),
    (["--country", "PRK"], lambda e: any(a["country"] == "PRK" for a in e["source"] + e["target"])),
    (["--actor", "PRKGOV"], lambda e: any(a["code"] == "PRKGOV" for a in e["source"] + e["target"])),
    (["--actor", "putin"], lambda e: any("putin" in a["name"].lower() for a in e["source"] + e["target"])),
    (["--cameo", "04"], lambda e: (e["cameo"] or "").startswith("04")),
    (["--since", "2023-09-13"], lambda e: e["date"] is not None and e["date"] >= "2023-09-13"),
    (["--until", "2023-09-12"], lambda e: e["date"] is not None and e["date"] <= "2023-09-12"),
    (["--place", "ussi"], lambda e: e["place"] is not None and "ussi" in e["place"]["name"].lower()),
    (["--place", "rus"], lambda e: e["place"] is not None and (e["place"]["country"] == "RUS"
                                                              or "rus" in e["place"]["name"].lower())),
    (["--status", "confirmed"], lambda e: e["status"] == "confirmed"),
    (["--according-to", "kremlin"], lambda e: "kremlin" in (e["according_to"] or "").lower()
     or any("kremlin" in (m["according_to"] or "").lower() for m in e["mentions"])),
]


def test_cli_query_filters(ingested):
    every = _query(ingested)
    assert every and all({"article_id", "date", "type", "cameo", "source", "target", "place", "status",
                          "according_to", "evidence", "story_id"} <= set(e) for e in every)
    for args, holds in FILTERS:
        expected = [e["event_id"] for e in every if holds(e)]
        assert expected, f"{args}: the example has no such event, the filter is not tested"
        assert [e["event_id"] for e in _query(ingested, *args)] == expected, args
    assert len(_query(ingested, "--limit", "2")) == 2
    assert _query(ingested, "--type", "CONSULT", "--country", "XYZ") == []


def test_cli_query_csv_and_table(ingested):
    result = _run("query", "--db", ingested, "--format", "csv", "--type", "CONSULT")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [name for name, _ in COLUMNS] and {r["type"] for r in rows} == {"CONSULT"}
    table = _run("query", "--db", ingested)
    assert table.exit_code == EXIT_OK and "seed-kim-putin" in table.stdout and "events" in table.stdout


@pytest.mark.parametrize("args, message", [
    (["--since", "13/09/2023"], "since must be a date YYYY-MM-DD"),
    (["--type", "MEET"], "unknown PLOVER type 'MEET'"),
    (["--status", "rumoured"], "unknown status 'rumoured'"),
    (["--format", "xml"], "--format must be table, json or csv"),
])
def test_cli_query_refuses_bad_filters(ingested, args, message):
    result = _run("query", "--db", ingested, *args)
    assert result.exit_code == EXIT_USAGE and message in result.output


def test_cli_stories_list_and_rebuild(ingested):
    listed = _run("stories", "--db", ingested, "--format", "jsonl")
    before = [json.loads(x) for x in listed.stdout.splitlines()]
    assert before and all(s["articles"] == ["seed-kim-putin-vostochny"] for s in before)
    rebuilt = _run("stories", "--db", ingested, "--rebuild", "--format", "jsonl")
    assert rebuilt.exit_code == EXIT_OK and f"rebuilt {len(before)} stories" in rebuilt.output
    assert [json.loads(x) for x in rebuilt.stdout.splitlines()] == before
    assert _run("stories", "--db", ingested, "--min-articles", "2", "--format", "jsonl").stdout == ""


def test_cli_db_upgrade_and_an_outdated_store(db_url):
    from eventwire.store import database_url
    from eventwire.store.engine import make_engine
    from eventwire.store.schema import head_version, upgrade

    engine = make_engine(database_url(db_url))
    upgrade(engine, "0001")
    engine.dispose()
    refused = _run("stats", "--db", db_url)
    assert refused.exit_code == EXIT_USAGE and "run `eventwire db upgrade --db" in refused.output
    done = _run("db", "upgrade", "--db", db_url)
    assert done.exit_code == EXIT_OK and f"schema version 0001 -> {head_version()}" in done.output
    assert "already at schema version" in _run("db", "upgrade", "--db", db_url).output
    assert _stats(db_url)["schema_version"] == head_version()


@pytest.mark.parametrize("db, message", [
    ("/no/such/folder/x.db", "does not exist"),
    ("mysql://u@h/db", "unsupported database"),
    ("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", "cannot use the database"),
])
def test_cli_unusable_databases_are_one_line_errors(db, message):
    result = _run("stats", "--db", db)
    assert result.exit_code == EXIT_USAGE and message in result.output
    assert "Traceback" not in result.output


def test_cli_ingest_missing_input(tmp_path):
    result = _run("ingest", str(tmp_path / "nope.jsonl"), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == EXIT_USAGE and "no such file or folder" in result.output
