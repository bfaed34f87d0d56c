#!/usr/bin/env python3
"""Events per 1,000 words by news category: a political-event coder should find little in sport or film.

Reads a JSONL corpus whose ids carry the category as their second dash-separated part
(``bbc-sport-001``, as ``../shared/bench/bbc.jsonl`` does), runs the whole pipeline on the first
``--per-category`` articles of each category, and prints one row per category plus the ratio of
sport and entertainment to politics. ``--dump FILE`` writes every event (type, trigger, actors,
evidence) for reading by hand.

Usage: python scripts/noise_table.py --corpus ../shared/bench/bbc.jsonl [--per-category 60] [--dump out.tsv]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from eventwire.ingest.records import validate_record
from eventwire.pipeline import Extractor
from eventwire.schema import Document


def pick(path: Path, per_category: int) -> dict[str, list[dict]]:
    """The first ``per_category`` articles of each category, in file order."""
    chosen: dict[str, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            category = row["id"].split("-")[1]
            if len(chosen[category]) < per_category:
                chosen[category].append(row)
    return chosen


def _dump_rows(doc: Document) -> list[str]:
    actors = {a.id: a for a in doc.actors}

    def names(ids: list[str]) -> str:
        return "; ".join(f"{actors[i].name}/{actors[i].code or actors[i].country}" for i in ids if i in actors)

    return [
        "\t".join([doc.article.id or "", e.type, e.cameo or "", (e.trigger or e.evidence).text, names(e.source),
                   names(e.target), e.status, f"{e.confidence:.2f}", e.evidence.text.replace("\n", " "), e.rule or ""])
        for e in doc.events
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True, help="JSONL articles with category-bearing ids")
    ap.add_argument("--per-category", type=int, default=60, help="articles per category (first N in file order)")
    ap.add_argument("--min-confidence", type=float, default=0.0, help="count only events at or above this")
    ap.add_argument("--dump", type=Path, help="write every event as a TSV row here")
    args = ap.parse_args()
    if not args.corpus.is_file():
        ap.error(f"{args.corpus}: no such file (the BBC bench is ../shared/bench/bbc.jsonl beside the checkout)")
    chosen = pick(args.corpus, args.per_category)
    extractor = Extractor()
    rates: dict[str, float] = {}
    totals: dict[str, tuple[int, int]] = {}
    dump: list[str] = []
    print(f"{'category':14s} {'articles':>8s} {'words':>8s} {'events':>7s} {'per 1k words':>12s}")
    for category in sorted(chosen):
        rows = chosen[category]
        seen: set[str] = set()
        records = [validate_record({"id": r["id"], "text": r["text"], "published": r.get("published")}, seen,
                                   extractor.settings.max_chars) for r in rows]
        docs = list(extractor.extract(records))
        words = sum(len(r["text"].split()) for r in rows)
        events = sum(1 for d in docs for e in d.events if e.confidence >= args.min_confidence)
        rates[category] = 1000 * events / words
        totals[category] = (events, words)
        dump += [line for d in docs for line in _dump_rows(d)]
        print(f"{category:14s} {len(rows):8d} {words:8d} {events:7d} {rates[category]:12.1f}")
    other = [totals[c] for c in ("sport", "entertainment") if c in totals]
    if rates.get("politics") and other:
        rate = 1000 * sum(e for e, _ in other) / sum(w for _, w in other)
        print(f"sport + entertainment: {rate:.1f} per 1k words = {rate / rates['politics']:.2f} x politics")
    if args.dump:
        args.dump.write_text("\n".join(dump) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
