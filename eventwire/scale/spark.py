"""The Spark job: the CLI's extraction over a corpus too big for one machine.

Input is JSONL (one article a line, exactly as ``eventwire extract`` reads it) or Parquet with
``id``/``text``/``published`` columns (and optionally ``title``, ``url``, ``credit``, ``publisher``).
Every line is checked by the same code as the CLI's, duplicate ids included (found across the whole
input), and each partition runs one `Extractor` whose model is loaded once per Python worker of an
executor (Spark reuses those workers across tasks). Output under OUT:

- ``documents/``: the contract's documents, one JSON line per input record (error documents
  included), in input order across the part files;
- ``events/``: Parquet, one row an event (`eventwire.scale.rows.EVENT_COLUMNS`), partitioned hive
  style by ``event_date=YYYY-MM-DD``; events without a date are in Spark's null partition
  ``event_date=__HIVE_DEFAULT_PARTITION__`` (read back as null);
- ``errors/``: JSON lines ``{"line", "article_id", "code", "message"}`` of the records that became
  error documents.

Run it with ``eventwire spark IN OUT`` or, on a cluster, ``spark-submit .../eventwire/scale/spark.py IN OUT``.
"""

from __future__ import annotations

import dataclasses
import glob
import json
import os
import sys
from collections import deque
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from eventwire.errors import EventwireError, InputError
from eventwire.ingest.readers import read_jsonl_lines
from eventwire.ingest.records import Record
from eventwire.pipeline import Extractor
from eventwire.scale.rows import EVENT_COLUMNS, event_rows
from eventwire.settings import Settings

__all__ = ["JobError", "JobSummary", "run_job", "spark_session"]

# Errors found before the id is checked: such a line uses no id and is no duplicate.
_BEFORE_ID = ("invalid_utf8", "malformed_json", "not_an_object", "missing_id", "bad_id")
_PARQUET_FIELDS = ("id", "text", "published", "title", "url", "credit", "publisher")


class JobError(EventwireError):
    """The job cannot run as asked (input missing, output in the way, no text column)."""

    code = "job_error"


@dataclass(frozen=True)
class JobSummary:
    articles: int
    errors: int
    events: int


def run_job(
    source: str,
    out: str,
    settings: Settings,
    master: str | None = None,
    partitions: int | None = None,
    overwrite: bool = False,
    spark=None,
) -> JobSummary:
    """Extract every article of ``source`` into ``out`` on Spark (``master``: default local[*], or spark-submit's).

    :param partitions: how many pieces the articles are cut into (default: twice the cores).
    :param spark: a session of the caller's (from `spark_session`), left open; else one is made and stopped.
    :raises JobError: the input or the output path is unusable.
    """
    from pyspark import StorageLevel

    _check_paths(source, out, overwrite)
    serial = dataclasses.replace(settings, n_process=1)  # Spark's workers are the processes
    own = spark is None
    spark = spark_session(master) if own else spark
    try:
        lines = _numbered_inputs(spark, source).persist(StorageLevel.MEMORY_AND_DISK)
        duplicates = spark.sparkContext.broadcast(_duplicate_lines(lines, settings.max_chars))
        n = partitions or 2 * spark.sparkContext.defaultParallelism
        total = max(1, lines.count())
        # Contiguous ranges of lines, sorted: the documents' part files are in input order.
        ordered = lines.repartitionAndSortWithinPartitions(n, lambda line: min(n - 1, (line - 1) * n // total))
        results = ordered.mapPartitions(lambda part: _extract_partition(part, serial, duplicates.value))
        # Kept (spilling to disk) so that the four outputs below do not run the pipeline four times.
        results = results.persist(StorageLevel.MEMORY_AND_DISK)
        summary = _write(spark, results, out, "overwrite" if overwrite else "errorifexists")
        lines.unpersist()
        results.unpersist()
        return summary
    finally:
        if own:
            spark.stop()


def _check_paths(source: str, out: str, overwrite: bool) -> None:
    """Local paths are checked before Spark starts, for a clear message (remote ones Spark checks)."""
    if "://" not in source and not (Path(source).exists() or glob.glob(source)):
        raise JobError(f"{source}: no such file or folder")
    if "://" not in out and Path(out).exists() and not overwrite:
        raise JobError(f"{out} exists: remove it or pass --overwrite")


def spark_session(master: str | None = None):
    """A Spark session for the job: ``master`` if given, else spark-submit's or local[*]."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("eventwire")
    if master:
        builder = builder.master(master)
    if (master or "local").startswith("local"):
        # Local workers must run this interpreter, with eventwire and the model installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


def _is_parquet(spark, source: str) -> bool:
    if source.endswith(".parquet"):
        return True
    path = Path(source)
    return "://" not in source and path.is_dir() and any(path.rglob("*.parquet"))


def _numbered_inputs(spark, source: str):
    """(line number from 1, raw JSON line as bytes); a Parquet row becomes the JSON line of its fields."""
    if _is_parquet(spark, source):
        frame = spark.read.parquet(source)
        if "text" not in frame.columns:
            raise JobError(f"{source}: the Parquet input has no 'text' column (needs id, text, published)")
        frame = frame.select(*[c for c in _PARQUET_FIELDS if c in frame.columns])
        raw = frame.rdd.map(lambda row: json.dumps(row.asDict(), default=_iso, ensure_ascii=False).encode("utf-8"))
    else:
        raw = spark.sparkContext.textFile(source, use_unicode=False)
    return raw.zipWithIndex().map(lambda pair: (pair[1] + 1, pair[0]))


def _iso(value: Any) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _duplicate_lines(lines, max_chars: int) -> frozenset[int]:
    """Lines whose id an earlier valid line already used: the CLI gives them ``duplicate_id``.

    The CLI checks the id before the rest of the record, so a later line with a used id is a duplicate
    even when its text is bad too; ids only ever become used by valid lines.
    """

    def first_pass(pair):
        line, raw = pair
        item = _parse(raw, line, max_chars, set())
        art_id = _article_id(item)
        if art_id is not None and not (isinstance(item, InputError) and item.code in _BEFORE_ID):
            yield art_id, (line, isinstance(item, Record))

    def later(uses):
        valid = [line for line, ok in uses if ok]
        return [line for line, _ in uses if valid and line > min(valid)]

    by_id = lines.flatMap(first_pass).groupByKey()
    return frozenset(by_id.flatMap(lambda pair: later(pair[1])).collect())


def _article_id(item: Record | InputError | None) -> str | None:
    return item.id if isinstance(item, Record) else getattr(item, "article_id", None)


def _parse(raw: bytes, line: int, max_chars: int, seen: set[str]) -> Record | InputError | None:
    """One input line as the CLI reads it (None for a blank line)."""
    return next(read_jsonl_lines([raw], max_chars, seen, first_line=line), None)


_EXTRACTORS: dict[Settings, Extractor] = {}


def _extractor(settings: Settings) -> Extractor:
    """One extractor per Python worker process and settings: the model is loaded once, not per task."""
    if settings not in _EXTRACTORS:
        _EXTRACTORS[settings] = Extractor(settings)
    return _EXTRACTORS[settings]


def _extract_partition(part, settings: Settings, duplicates: frozenset[int]):
    """(line, article id, document JSON, error code, error message, event rows) per non-blank input line."""
    pending: deque[int] = deque()  # line numbers of the items handed to the extractor, not yet answered

    def items():
        for line, raw in part:
            item = _parse(raw, line, settings.max_chars, set())
            if item is None:
                continue
            if line in duplicates:  # its id was used by an earlier valid line: the CLI's error
                item = _parse(raw, line, settings.max_chars, {_article_id(item)})
            pending.append(line)
            yield item

    for doc in _extractor(settings).extract(items()):
        line, error = pending.popleft(), doc.error
        yield (
            line,
            doc.article.id,
            doc.to_json(),
            error.code if error else None,
            error.message if error else None,
            event_rows(doc),
        )


def _write(spark, results, out: str, mode: str) -> JobSummary:
    from pyspark.sql import functions as F

    docs = spark.createDataFrame(results.map(lambda r: (r[2],)), "value string")
    docs.write.mode(mode).text(f"{out}/documents")
    errors = spark.createDataFrame(
        results.filter(lambda r: r[3] is not None).map(lambda r: (r[0], r[1], r[3], r[4])),
        "line long, article_id string, code string, message string",
    )
    errors.write.mode(mode).json(f"{out}/errors")
    schema = ", ".join(f"{name} {kind}" for name, kind in EVENT_COLUMNS)
    events = spark.createDataFrame(
        results.flatMap(lambda r: [tuple(row[name] for name, _ in EVENT_COLUMNS) for row in r[5]]), schema
    ).withColumn("event_date", F.col("date"))
    events.write.mode(mode).partitionBy("event_date").parquet(f"{out}/events")
    counts = results.map(lambda r: (1, int(r[3] is not None), len(r[5]))).fold(
        (0, 0, 0), lambda a, b: (a[0] + b[0], a[1] + b[1], a[2] + b[2])
    )
    return JobSummary(*counts)


def main() -> None:
    """``spark-submit eventwire/scale/spark.py IN OUT [options]``: the same options as ``eventwire spark``."""
    from eventwire.cli import app

    app(["spark", *sys.argv[1:]])


if __name__ == "__main__":
    main()
