#!/usr/bin/env python3
"""Speed-up of worker processes over one process on the same articles, and that their output is identical.

One process and N workers are timed in turn, round by round in one run (the machine's speed drifts,
PITFALLS.md); the workers are started and warmed up before the clock starts, as a long run would
amortise their start. Wall-clock seconds, since the point is to use more cores: on a machine that
other programs keep busy the speed-up is capped by the cores they leave free (the load average is
printed beside it).

Usage: python scripts/bench_parallel.py --corpus ../shared/bench/bbc.jsonl [--limit 200] [--processes 2]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import sys
import time
from pathlib import Path

from eventwire.pipeline import Extractor
from eventwire.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import load_records  # noqa: E402 - the sibling script's corpus reader


def run(extractor: Extractor, records: list) -> tuple[float, list[str]]:
    """Wall seconds for the whole list, and the output lines."""
    start = time.perf_counter()
    lines = [doc.to_json() for doc in extractor.extract(records)]
    return time.perf_counter() - start, lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True, help="JSONL articles (id?, text, published?)")
    ap.add_argument("--limit", type=int, default=200, help="how many articles to use (default 200)")
    ap.add_argument("--processes", type=int, default=2, help="worker processes to compare (default 2)")
    ap.add_argument("--rounds", type=int, default=1, help="alternating rounds of each (default 1)")
    args = ap.parse_args(argv)
    settings = Settings.from_env()
    records = load_records(args.corpus, args.limit, settings.max_chars)
    words = sum(len(r.text.split()) for r in records)
    one = Extractor(dataclasses.replace(settings, n_process=1))
    with Extractor(dataclasses.replace(settings, n_process=args.processes)) as many:
        run(one, records[:8])  # warm up both
        run(many, records[:8])
        serial = parallel = 0.0
        for _ in range(args.rounds):
            seconds, serial_lines = run(one, records)
            serial += seconds
            seconds, parallel_lines = run(many, records)
            parallel += seconds
    identical = serial_lines == parallel_lines
    peak_parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"corpus: {len(records)} articles, {words:,} words, {args.rounds} rounds, model {settings.model}, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"1 process:      {words * args.rounds / serial:8,.0f} words/s ({serial / args.rounds:.1f} s)")
    print(f"{args.processes} processes:    {words * args.rounds / parallel:8,.0f} words/s "
          f"({parallel / args.rounds:.1f} s)")
    print(f"speed-up: {serial / parallel:.2f}x; output byte-identical: {'yes' if identical else 'NO'}")
    print(f"peak RSS: this process {peak_parent:,.0f} MB, largest worker {peak_worker:,.0f} MB")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
