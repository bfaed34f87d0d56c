#!/usr/bin/env python3
"""Cost against article length: the whole pipeline and each stage on a long article and one 4x longer.

Costs are CPU seconds of this process (`Extractor.timed_document`), which other programs on a shared
machine do not inflate; the wall-clock seconds of the whole run are printed beside them.

Articles are built by joining BBC articles (``--corpus``) paragraph by paragraph up to the size, or,
without a corpus, by repeating the bundled example story. Sizes alternate round by round in one
process (the machine's speed drifts, PITFALLS.md), so the ratios compare like with like. A stage
whose ratio is well above the size ratio scans something that grows with the text at every item.

Usage: python scripts/length_bench.py [--corpus BBC.jsonl] [--small 100000] [--factor 4]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

from eventwire.ingest.records import validate_record
from eventwire.pipeline import Extractor
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "seed.jsonl"


def build_text(paragraphs: list[str], size: int) -> str:
    """Whole paragraphs, cycling through them, until the text is ``size`` characters (the last one cut)."""
    out, length, i = [], 0, 0
    while length < size:
        para = paragraphs[i % len(paragraphs)]
        out.append(para)
        length += len(para) + 2
        i += 1
    return "\n\n".join(out)[:size]


def paragraphs(corpus: Path | None) -> list[str]:
    if corpus is None:
        texts = [json.loads(EXAMPLE.read_text(encoding="utf-8").splitlines()[0])["text"]]
    else:
        with corpus.open(encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in fh]
    return [p.strip() for t in texts for p in t.split("\n") if p.strip()]


def measure(extractor: Extractor, text: str) -> dict[str, float]:
    """CPU seconds per stage, and the wall-clock seconds of the whole under ``wall``."""
    record = validate_record({"id": "long", "text": text, "published": "2023-09-13"}, set(), len(text))
    start = time.perf_counter()
    document, times = extractor.timed_document(record)
    wall = time.perf_counter() - start
    if document.error:
        raise SystemExit(f"the article failed: {document.error.message}")
    return {**times, "wall": wall}


def run(small: int, factor: int, rounds: int, corpus: Path | None) -> dict:
    """Seconds per stage for both sizes (summed over rounds), their ratios and the peak RSS."""
    paras = paragraphs(corpus)
    sizes = (small, small * factor)
    texts = {n: build_text(paras, n) for n in sizes}
    extractor = Extractor(Settings.from_env(max_chars=max(sizes), n_process=1))
    measure(extractor, texts[small][:5000])  # warm up
    totals: dict[int, dict[str, float]] = {n: defaultdict(float) for n in sizes}
    for _ in range(rounds):
        for n in sizes:
            for stage, seconds in measure(extractor, texts[n]).items():
                totals[n][stage] += seconds
    big = sizes[1]
    return {
        "sizes": sizes,
        "stages": {s: (totals[small][s], totals[big][s]) for s in totals[small]},
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "words": {n: len(texts[n].split()) for n in sizes},
    }


def report(result: dict, rounds: int) -> str:
    small, big = result["sizes"]
    lines = [f"sizes: {small:,} and {big:,} characters ({result['words'][small]:,} and {result['words'][big]:,} "
             f"words), {rounds} rounds, CPU seconds per article",
             f"{'stage':24} {'small':>9} {'large':>9} {'ratio':>7}"]
    stages = dict(result["stages"])
    wall = stages.pop("wall")
    whole = [sum(a for a, _ in stages.values()), sum(b for _, b in stages.values())]
    for stage, (a, b) in [*stages.items(), ("whole pipeline", whole), ("whole, wall-clock", wall)]:
        lines.append(f"{stage:24} {a / rounds:9.2f} {b / rounds:9.2f} {b / a if a else 0:7.2f}")
    lines.append(f"peak RSS: {result['peak_rss_mb']:,.0f} MB")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, help="JSONL articles to build the texts from (default: the example)")
    ap.add_argument("--small", type=int, default=100_000, help="characters of the shorter article (default 100000)")
    ap.add_argument("--factor", type=int, default=4, help="the longer one is this many times longer (default 4)")
    ap.add_argument("--rounds", type=int, default=1, help="alternating rounds (default 1)")
    args = ap.parse_args(argv)
    print(report(run(args.small, args.factor, args.rounds, args.corpus), args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
