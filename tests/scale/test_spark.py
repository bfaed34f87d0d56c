"""The Spark job on local[2]: the CLI's documents byte for byte, its events as Parquet rows, the errors listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.scale.rows import EVENT_COLUMNS, event_rows
from eventwire.schema import Document

pytest.importorskip("pyspark")

from eventwire.scale.spark import JobError, run_job, spark_session  # noqa: E402

TEXTS = [
    "Vladimir Putin met Xi Jinping in Beijing on Monday, Tass reported.",
    "Protesters in Paris denounced the government on Sunday.",
    "Israeli forces attacked Hamas positions in Gaza, the army said.",
    "The European Union imposed sanctions on Iran on 3 May 2023.",
]


@pytest.fixture(scope="module")
def spark():
    session = spark_session("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seed_record) -> Path:
    """The example story, short articles, a blank line, a duplicate id, a malformed line, an empty text and a
    duplicate id with an empty text (the CLI checks the id first)."""
    lines = [json.dumps(seed_record)]
    lines += [json.dumps({"id": f"t{i}", "text": t, "published": "2023-05-08"}) for i, t in enumerate(TEXTS)]
    lines += ["", json.dumps({"id": "t0", "text": "A second t0."}), "{not json", json.dumps({"id": "e", "text": " "}),
              json.dumps({"id": "t1", "text": ""})]
    path = tmp_path_factory.mktemp("spark") / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cli_lines(corpus, nlp) -> list[str]:
    out = corpus.with_name("cli.jsonl")
    result = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(out), "-q"])
    assert result.exit_code == 3, result.output
    return out.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def job(spark, corpus, settings):
    out = corpus.with_name("out")
    summary = run_job(str(corpus), str(out), settings, partitions=3, spark=spark)
    return out, summary


def test_spark_documents_equal_the_cli(job, cli_lines):
    out, summary = job
    parts = sorted((out / "documents").glob("part-*"))
    assert len(parts) == 3
    assert [line for p in parts for line in p.read_text(encoding="utf-8").splitlines()] == cli_lines
    assert (summary.articles, summary.errors) == (len(cli_lines), 4)


def test_spark_events_equal_the_cli(spark, job, cli_lines):
    out, summary = job
    frame = spark.read.parquet(str(out / "events"))
    names = [name for name, _ in EVENT_COLUMNS]
    got = sorted((tuple(row[n] for n in names) for row in frame.collect()), key=lambda r: (r[0], r[1]))
    docs = [Document.model_validate_json(line) for line in cli_lines]
    expected = sorted((tuple(r[n] for n in names) for d in docs for r in event_rows(d)), key=lambda r: (r[0], r[1]))
    assert got == expected and len(got) == summary.events > 5
    dates = {str(row["event_date"]) for row in frame.select("event_date").collect()}
    assert "2023-09-13" in dates and "None" in dates  # undated events: the null partition
    assert (out / "events" / "event_date=__HIVE_DEFAULT_PARTITION__").is_dir()


def test_spark_errors_are_listed(job):
    out, _ = job
    rows = [json.loads(line) for p in (out / "errors").glob("part-*") for line in p.read_text().splitlines()]
    assert sorted((r["line"], r["code"]) for r in rows) == [(7, "duplicate_id"), (8, "malformed_json"),
                                                             (9, "empty_text"), (10, "duplicate_id")]


def test_spark_parquet_input_gives_the_same_documents(spark, job, corpus, settings, seed_record):
    out, _ = job
    records = [{"id": seed_record["id"], "text": seed_record["text"], "published": seed_record["published"]}]
    records += [{"id": f"t{i}", "text": t, "published": "2023-05-08"} for i, t in enumerate(TEXTS)]
    source = corpus.with_name("in.parquet")
    spark.createDataFrame(records, "id string, text string, published string").coalesce(1).write.parquet(str(source))
    run_job(str(source), str(corpus.with_name("out-parquet")), settings, partitions=2, spark=spark)
    got = [line for p in sorted(corpus.with_name("out-parquet").glob("documents/part-*"))
           for line in p.read_text(encoding="utf-8").splitlines()]
    first = [line for p in sorted((out / "documents").glob("part-*")) for line in p.read_text().splitlines()]
    assert got == first[:5]


def test_spark_output_in_the_way_is_a_clear_error(job, corpus, settings):
    out, _ = job
    with pytest.raises(JobError, match="exists: remove it or pass --overwrite"):
        run_job(str(corpus), str(out), settings)


def test_spark_cli_missing_input_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["spark", str(tmp_path / "none.jsonl"), str(tmp_path / "out")])
    assert result.exit_code == 2 and "no such file or folder" in result.output
