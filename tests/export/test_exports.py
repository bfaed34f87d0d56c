"""Every export format of ``eventwire export``, read back the way its users read it, on both backends."""

from __future__ import annotations

import csv
import json

import duckdb
import jsonschema
import pytest
from typer.testing import CliRunner

from eventwire.cli import EXIT_OK, EXIT_USAGE, app
from eventwire.export.gdelt import COLUMNS as GDELT_COLUMNS
from eventwire.export.tabular import COLUMNS as CSV_COLUMNS
from eventwire.schema import SCHEMA_PATH
from eventwire.store import Store
from tests.conftest import ROOT
from tests.store.conftest import BACKENDS, new_pg_database

runner = CliRunner()
COPY = "seed-copy"


@pytest.fixture(scope="module", params=BACKENDS)
def db(request, tmp_path_factory, seed_doc, seed_record):
    """A store holding the example story twice, under its own id and under another one."""
    def fill(url: str) -> str:
        with Store(url) as store:
            store.put(seed_doc, seed_record["text"], "examples/seed.jsonl", 1)
            copy = seed_doc.model_copy(update={"article": seed_doc.article.model_copy(update={"id": COPY})})
            store.put(copy, seed_record["text"], "copy.jsonl", 1)
        return url

    if request.param == "sqlite":
        yield fill(f"sqlite:///{tmp_path_factory.mktemp('export') / 'eventwire.db'}")
    else:
        with new_pg_database() as url:
            yield fill(url)


def _export(db: str, tmp_path, fmt: str, *filters: str):
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["export", "--db", db, "--format", fmt, "-o", str(out), *filters])
    assert result.exit_code == EXIT_OK, result.output
    return out


def _events(db: str) -> list[dict]:
    result = runner.invoke(app, ["query", "--db", db, "--format", "json"])
    assert result.exit_code == EXIT_OK, result.output
    return json.loads(result.stdout)


def test_export_jsonl_is_the_contract_documents(db, tmp_path, seed_doc):
    lines = _export(db, tmp_path, "jsonl").read_text(encoding="utf-8").splitlines()
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    docs = [json.loads(line) for line in lines]
    for doc in docs:
        jsonschema.validate(doc, schema)
    assert [d["article"]["id"] for d in docs] == sorted([seed_doc.article.id, COPY])
    by_id = {d["article"]["id"]: d for d in docs}
    assert by_id[seed_doc.article.id] == json.loads(seed_doc.to_json())


def test_export_jsonl_with_filters_keeps_only_matching_events(db, tmp_path):
    docs = [json.loads(x) for x in _export(db, tmp_path, "jsonl", "--type", "ASSAULT").read_text().splitlines()]
    assert len(docs) == 2 and all(e["type"] == "ASSAULT" for d in docs for e in d["events"])
    assert all(d["events"] for d in docs)


def test_export_csv_has_the_documented_columns(db, tmp_path):
    with _export(db, tmp_path, "csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == [name for name, _ in CSV_COLUMNS]
    assert len(rows) == len(_events(db))
    kim = [r for r in rows if "PRKGOV" in r["source_codes"].split("; ")]
    assert kim and all(r["article_id"] for r in rows)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name, _ in CSV_COLUMNS if f"| `{name}` |" not in readme]
    assert missing == [], "document every CSV column in the README's export table"


def test_export_parquet_is_read_by_duckdb(db, tmp_path):
    path = _export(db, tmp_path, "parquet")
    con = duckdb.connect()
    n, dated, first = con.execute(
        f"SELECT count(*), count(date), min(date) FROM read_parquet('{path}')").fetchone()
    assert n == len(_events(db)) and dated > 0
    assert str(first) == min(e["date"] for e in _events(db) if e["date"])
    columns = [row[0] for row in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()]
    assert columns == [name for name, _ in CSV_COLUMNS]
    codes = con.execute(f"SELECT list_contains(source_codes, 'PRKGOV') FROM read_parquet('{path}')").fetchall()
    assert any(row[0] for row in codes)
    types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
                             f"read_parquet('{path}'))").fetchall())
    assert types["date"] == "DATE" and types["source_codes"] == "VARCHAR[]" and types["place_lat"] == "DOUBLE"


def test_export_plover_uses_the_manual_field_names(db, tmp_path):
    records = [json.loads(x) for x in _export(db, tmp_path, "plover").read_text().splitlines()]
    assert len(records) == len(_events(db))
    required = {"id", "date", "actor", "event"}  # the manual's required fields
    named = {"recipient", "event_loc", "event_text", "quad_code", "event_scale", "mode", "context", "link",
             "text_info", "cite_info", "coder", "coded_date"}
    for r in records:
        assert required | named <= set(r)
        assert isinstance(r["event"], list) and r["quad_code"] in (1, 2, 3, 4)
        for entity in r["actor"] + r["recipient"]:
            assert set(entity) >= {"code", "sector", "entity_text", "identifier_id", "identifier_text"}
    assert len({r["id"] for r in records}) == len(records)
    located = [r["event_loc"] for r in records if r["event_loc"]]
    assert located and all({"resolved_place", "lat", "lon", "country_code", "geonameid"} <= set(x) for x in located)
    assert {r["date_basis"] for r in records} <= {"text", "published", None} and any(r["date_basis"] for r in records)
    hypothetical = [r for r in records if r["status"] == "hypothetical"]
    assert all("hypothetical" in r["context"] for r in hypothetical)


def test_export_gdelt_rows_have_61_columns_in_gdelt_order(db, tmp_path):
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    lines = _export(db, tmp_path, "gdelt").read_text(encoding="utf-8").splitlines()
    assert lines
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)
    for r in rows:
        assert r["AvgTone"] == "" and r["Actor1Geo_Type"] == "" and r["IsRootEvent"] == ""  # never invented
        assert r["NumArticles"] == "2"  # the example and its copy are one story each
        assert int(r["NumMentions"]) >= 2  # at least one mention in each copy
        assert r["EventRootCode"] == r["EventCode"][:2]
        if r["SQLDATE"]:
            assert r["MonthYear"] == r["SQLDATE"][:6] and r["Year"] == r["SQLDATE"][:4]
    consult = [r for r in rows if r["EventRootCode"] == "04" and r["ActionGeo_CountryCode"]]
    assert consult and all(r["ActionGeo_CountryCode"] == "RS" for r in consult)  # FIPS for Russia
    assert any(r["Actor1Code"] == "PRKGOV" and r["Actor1CountryCode"] == "PRK" for r in rows)


def test_export_stories_lines(db, tmp_path):
    stories = [json.loads(x) for x in _export(db, tmp_path, "stories").read_text().splitlines()]
    assert stories
    for s in stories:
        assert {"id", "type", "cameo", "source", "target", "date", "place", "articles", "mentions", "num_articles",
                "num_distinct_texts", "num_mentions", "num_sources"} <= set(s)
        assert s["articles"] == sorted(["seed-kim-putin-vostochny", COPY])
        assert (s["num_articles"], s["num_distinct_texts"]) == (2, 1)
        for actor in s["source"] + s["target"]:
            assert set(actor) == {"name", "country", "sector", "code"}
        assert s["date_basis"] in (("text", "published") if s["date"] else (None,))  # undated future stays so
    # every report the article merged into one event is a mention: the example and its copy, each in full
    by_event = {(e["article_id"], e["event_id"]): len(e["mentions"]) for e in _events(db)}
    assert any(n > 1 for n in by_event.values()), "the example tells the Vostochny meeting twice"
    for s in stories:
        members = {(m["article"], m["event"]) for m in s["mentions"]}
        assert s["num_mentions"] == len(s["mentions"]) == sum(by_event[k] for k in members)
    filtered = [json.loads(x) for x in _export(db, tmp_path, "stories", "--type", "CONSULT").read_text().splitlines()]
    assert filtered and {s["type"] for s in filtered} == {"CONSULT"}


def test_export_refuses_unknown_formats_and_folders(db, tmp_path):
    bad = runner.invoke(app, ["export", "--db", db, "--format", "xml", "-o", str(tmp_path / "x")])
    assert bad.exit_code == EXIT_USAGE and "--format must be one of" in bad.output
    nowhere = runner.invoke(app, ["export", "--db", db, "--format", "csv", "-o", str(tmp_path / "no" / "x.csv")])
    assert nowhere.exit_code == EXIT_USAGE and "does not exist" in nowhere.output
