#!/usr/bin/env python3
"""Throughput of the full eventwire pipeline against bare spaCy, same model and corpus, one run.

Both are timed in the same process, alternating round by round, because the machine's speed drifts
by ~15% from minute to minute (PITFALLS.md): only a ratio measured this way means anything. The
ratio is of CPU seconds of this process, which other programs on a shared machine do not inflate
(both runs are single-threaded); the wall-clock ratio is printed beside it. Each side's figure is its
fastest round, as `timeit` advises: interference (a neighbour's job, frequency scaling) only ever
adds time, so the minimum is the estimate least disturbed by it; every round's ratio is printed too,
so the spread is visible.

Usage: python scripts/bench.py --corpus ../shared/bench/bbc.jsonl --limit 300 [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

import spacy

from eventwire.ingest.records import validate_record
from eventwire.pipeline import Extractor
from eventwire.settings import Settings


def load_records(path: Path, limit: int, max_chars: int) -> list:
    """The first ``limit`` articles of a JSONL corpus as validated records."""
    records, seen = [], set()
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if len(records) == limit:
                break
            obj = json.loads(line)
            obj.setdefault("id", f"line-{number}")
            records.append(validate_record(obj, seen, max_chars, number))
    return records


def time_bare(nlp, texts: list[str], batch_size: int) -> tuple[float, float]:
    """(CPU, wall) seconds of bare spaCy over the texts."""
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.process_time() - cpu, time.perf_counter() - wall


def time_full(extractor: Extractor, records: list) -> tuple[float, float]:
    """(CPU, wall) seconds of the whole extraction, output serialised."""
    cpu, wall = time.process_time(), time.perf_counter()
    for doc in extractor.extract(records):
        doc.to_json()
    return time.process_time() - cpu, time.perf_counter() - wall


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True, help="JSONL articles (id?, text, published?)")
    ap.add_argument("--limit", type=int, default=300, help="how many articles to use (default 300)")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds of each; the fastest counts (default 3)")
    args = ap.parse_args(argv)
    settings = Settings.from_env()
    records = load_records(args.corpus, args.limit, settings.max_chars)
    texts = [r.text for r in records]
    words = sum(len(t.split()) for t in texts)
    bare_nlp = spacy.load(settings.model)
    extractor = Extractor(settings)
    time_bare(bare_nlp, texts[:5], settings.batch_size)  # warm up both
    time_full(extractor, records[:5])
    bare, full = [], []
    for _ in range(args.rounds):
        bare.append(time_bare(bare_nlp, texts, settings.batch_size))
        full.append(time_full(extractor, records))
    (bare_cpu, bare_wall), (full_cpu, full_wall) = min(bare), min(full)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rounds = ", ".join(f"{b[0] / f[0]:.3f}" for b, f in zip(bare, full, strict=True))
    print(f"corpus: {len(records)} articles, {words:,} words, {args.rounds} rounds, model {settings.model}")
    print(f"bare spaCy:     {words / bare_cpu:8,.0f} words per CPU second (fastest round)")
    print(f"full pipeline:  {words / full_cpu:8,.0f} words per CPU second (fastest round)")
    print(f"ratio full/bare: {bare_cpu / full_cpu:.3f} (wall-clock: {bare_wall / full_wall:.3f}); each round: {rounds}")
    print(f"peak RSS (one process, both pipelines loaded): {peak_mb:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
