#!/usr/bin/env python3
"""What the store costs: ``ingest`` against extraction alone on the same articles, in one run.

Both use one loaded `Extractor` and are timed alternately, round by round (the machine's speed drifts
by ~15% from minute to minute, so only a ratio measured this way means anything). Extraction alone
builds every document and serialises it, as ``eventwire extract`` does; ingest also writes each article
in its own transaction (rows, near-duplicate fingerprint, story updates) into a new database each round.

Usage: python scripts/bench_store.py --corpus BBC.jsonl --limit 300 [--rounds 2]   (make bench: the shared BBC corpus)
       [--db postgresql://user@host/db]   (default: a new SQLite file in a temporary folder)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from eventwire.pipeline import Extractor
from eventwire.settings import Settings
from eventwire.store import Store, database_url, ingest
from eventwire.store.tables import metadata

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import load_records  # noqa: E402  (the same corpus reader as scripts/bench.py)


def time_extract(extractor: Extractor, records: list) -> float:
    start = time.perf_counter()
    for doc in extractor.extract(records):
        doc.to_json()
    return time.perf_counter() - start


def empty_store(url: str) -> Store:
    """A store with no rows: a PostgreSQL database given by the user is emptied first (never dropped)."""
    store = Store(url)
    if store.engine.dialect.name == "postgresql":
        with store.engine.begin() as conn:
            names = ", ".join(t.name for t in metadata.sorted_tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    return store


def time_ingest(extractor: Extractor, records: list, url: str) -> tuple[float, dict]:
    store = empty_store(url)
    try:
        start = time.perf_counter()
        ingest(store, ((None, r) for r in records), extractor.extract)
        elapsed = time.perf_counter() - start
        return elapsed, store.stats()
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True, help="JSONL articles (id?, text, published?)")
    ap.add_argument("--limit", type=int, default=300, help="how many articles to use (default 300)")
    ap.add_argument("--rounds", type=int, default=2, help="alternating rounds of each (default 2)")
    ap.add_argument("--db", help="a PostgreSQL URL to measure on (its eventwire tables are emptied each round)")
    args = ap.parse_args(argv)
    settings = Settings.from_env()
    records = load_records(args.corpus, args.limit, settings.max_chars)
    extractor = Extractor(settings)
    time_extract(extractor, records[:5])  # warm up
    extract = stored = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.rounds):
            url = args.db or str(Path(tmp) / f"round{n}.db")
            extract += time_extract(extractor, records)
            elapsed, stats = time_ingest(extractor, records, url)
            stored += elapsed
    overhead = stored / extract - 1
    print(f"corpus: {len(records)} articles, {args.rounds} rounds, model {settings.model}, "
          f"store {database_url(args.db).get_backend_name() if args.db else 'sqlite (temporary file)'}")
    print(f"extract alone: {len(records) * args.rounds / extract:6.1f} articles/s")
    print(f"ingest:        {len(records) * args.rounds / stored:6.1f} articles/s")
    print(f"store overhead: {overhead:+.1%} (target <= +10%)")
    print(f"stored: {stats['articles']} articles, {stats['events']} events, {stats['stories']} stories "
          f"({stats['multi_article_stories']} with more than one article), {stats['duplicates']} near-duplicates")
    return 0 if overhead <= 0.10 else 1


if __name__ == "__main__":
    sys.exit(main())
