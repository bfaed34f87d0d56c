#!/usr/bin/env python3
"""The Spark job on local[N] against the CLI in one process: wall-clock time, and that the outputs are equal.

Both are whole commands as a user runs them (``eventwire extract IN -o OUT`` and ``eventwire spark IN
OUT --master local[N]``), so the Spark figure includes starting the JVM and loading the model in
each Python worker. Equal means: the documents byte for byte, in order, and the events table row for
row equal to the events of the CLI's documents.

Usage: python scripts/bench_spark.py --corpus ../shared/bench/bbc.jsonl [--limit 400] [--cores 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eventwire.scale.rows import EVENT_COLUMNS, event_rows
from eventwire.schema import Document

BIN = Path(sys.executable).parent


def timed(cmd: list[str]) -> float:
    """Wall seconds of a command; exit status 3 (some error documents) is a normal outcome."""
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return time.perf_counter() - start


def spark_events(folder: Path) -> list[tuple]:
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[1]").appName("eventwire-bench-read").getOrCreate()
    try:
        names = [name for name, _ in EVENT_COLUMNS]
        return sorted(tuple(row[n] for n in names) for row in spark.read.parquet(str(folder)).collect())
    finally:
        spark.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True, help="JSONL articles (id?, text, published?)")
    ap.add_argument("--limit", type=int, default=400, help="how many articles to use (default 400)")
    ap.add_argument("--cores", type=int, default=2, help="Spark's local[N] (default 2)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, "in.jsonl")
        with args.corpus.open(encoding="utf-8") as fh, source.open("w", encoding="utf-8") as out:
            for number, line in enumerate(fh, start=1):
                if number > args.limit:
                    break
                obj = json.loads(line)
                obj.setdefault("id", f"line-{number}")
                out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        cli_out, spark_out = Path(tmp, "cli.jsonl"), Path(tmp, "spark")
        cli = timed([str(BIN / "eventwire"), "extract", str(source), "-o", str(cli_out), "-q"])
        master = f"local[{args.cores}]"
        spark = timed([str(BIN / "eventwire"), "spark", str(source), str(spark_out), "--master", master])
        cli_lines = cli_out.read_text(encoding="utf-8").splitlines()
        parts = sorted((spark_out / "documents").glob("part-*"))
        spark_lines = [line for p in parts for line in p.read_text(encoding="utf-8").splitlines()]
        names = [name for name, _ in EVENT_COLUMNS]
        expected = sorted(tuple(r[n] for n in names) for line in cli_lines
                          for r in event_rows(Document.model_validate_json(line)))
        got = spark_events(spark_out / "events")
    print(f"corpus: {len(cli_lines)} articles, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"CLI, one process:      {cli:6.1f} s")
    print(f"Spark local[{args.cores}]:        {spark:6.1f} s  ({cli / spark:.2f}x the CLI's speed)")
    print(f"documents equal: {'yes' if spark_lines == cli_lines else 'NO'}; "
          f"events equal: {'yes' if got == expected else 'NO'} ({len(got):,} rows)")
    return 0 if spark_lines == cli_lines and got == expected else 1


if __name__ == "__main__":
    sys.exit(main())
