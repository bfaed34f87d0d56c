#!/usr/bin/env python3
"""How well the actors stage covers the parties of events, and how little it finds where there are none.

Two figures, both read from data at run time (nothing is copied into the project):

1. **Role coverage** on a gold set with role spans (PLV: `source_span`/`target_span`, the words naming the
   actor in that role; PLOVER-GSR: `actors` with a `role` and a `code`): the share of role spans that an actor
   mention overlaps, and where the gold codes them, how many of those carry the gold country and code. The
   events stage can only fill a role with an actor the actors stage found, so this bounds `event_role_acc`.
2. **Noise** on BBC articles by category: actor mentions per 1,000 words, and how many of them carry a
   political code (a state, or a sector other than business/none). In sport and entertainment stories
   a political actor is rare, so political mentions there are mostly false (a club, a film, a currency).

Both files live outside the repository (the dev gold and the BBC benchmark of the project's shared folder), so
they are given on the command line. Usage (from the repository root, with the shared folder beside it):
  .venv/bin/python scripts/actor_coverage.py --gold GOLD/plv.dev.gold.jsonl --gold GOLD/plover_gsr.dev.gold.jsonl \
      [--bbc BENCH/bbc.jsonl]
      [--per-category 60] [--json OUT] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire.actors import is_political  # noqa: E402
from eventwire.ingest.records import validate_record  # noqa: E402
from eventwire.nlp import load_pipeline  # noqa: E402
from eventwire.pipeline import Extractor  # noqa: E402
from eventwire.settings import Settings  # noqa: E402

CATEGORIES = ("politics", "business", "tech", "sport", "entertainment")
_WORD = re.compile(r"\w+")


def _extractor() -> Extractor:
    """The pipeline up to the actors stage: the figures are the actors stage's alone."""
    settings = Settings.from_env()
    return Extractor(settings, load_pipeline(settings.model, ("eventwire_actors",), settings.actors))


def _documents(extractor: Extractor, rows: list[dict]) -> list:
    seen: set[str] = set()
    records = [validate_record(r, seen, extractor.settings.max_chars, n) for n, r in enumerate(rows, 1)]
    return list(extractor.extract(records))


def _gold_roles(row: dict) -> list[tuple[str, dict, str | None]]:
    """(role, span, gold code) of a gold row: PLV's `source_span`/`target_span` of each event (no code), or the
    PLOVER-GSR style `actors` with a `role` and a `code`."""
    roles = [(role, event[role], None) for event in row.get("events", [])
             for role in ("source_span", "target_span") if event.get(role)]
    roles += [(f"{a['role']}_span", a, a.get("code")) for a in row.get("actors", []) if a.get("role")]
    return roles


def role_coverage(extractor: Extractor, gold: Path, verbose: bool) -> dict[str, float]:
    """Share of gold role spans overlapped by some actor mention, per role and overall; where the gold codes its
    actors, also the share of covered spans whose actor has the gold country and the gold code."""
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = _documents(extractor, [{"id": r["id"], "text": r["text"], "published": r.get("published")}
                                  for r in rows])
    hit, total, misses, coded = Counter(), Counter(), Counter(), Counter()
    for row, doc in zip(rows, docs, strict=True):
        spans = [(m.start, m.end, a.country, a.code) for a in doc.actors for m in a.mentions]
        for role, span, code in _gold_roles(row):
            total[role] += 1
            over = [s for s in spans if s[0] < span["end"] and span["start"] < s[1]]
            if not over:
                misses[span["text"].split()[-1].lower()] += 1
                continue
            hit[role] += 1
            if code is not None:
                coded["spans"] += 1
                coded["country"] += any(s[2] == code[:3] for s in over)
                coded["code"] += any(s[3] == code for s in over)
    out = {role: hit[role] / total[role] for role in total}
    out["all"] = sum(hit.values()) / sum(total.values())
    print(f"{gold.name}: {sum(total.values())} role spans in {len(rows)} articles")
    for role in ("source_span", "target_span", "all"):
        print(f"    {role:12} covered {out[role]:.3f}")
    if coded["spans"]:
        out["country_of_covered"] = coded["country"] / coded["spans"]
        out["code_of_covered"] = coded["code"] / coded["spans"]
        print(f"    of the covered spans: gold country {out['country_of_covered']:.3f}, "
              f"gold code {out['code_of_covered']:.3f}")
    if verbose:
        print("    most frequent last words of uncovered spans:",
              ", ".join(f"{w} {n}" for w, n in misses.most_common(40)))
    return out


def noise(extractor: Extractor, bbc: Path, per_category: int, verbose: bool) -> dict[str, dict[str, float]]:
    """Actor mentions per 1,000 words by BBC category, and the share with a political code."""
    by_cat: dict[str, list[dict]] = {c: [] for c in CATEGORIES}
    with bbc.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            cat = row["id"].split("-")[1]
            if cat in by_cat and len(by_cat[cat]) < per_category:
                by_cat[cat].append({"id": row["id"], "text": row["text"], "published": row.get("published")})
    out: dict[str, dict[str, float]] = {}
    print(f"{bbc.name}: first {per_category} articles of each category")
    print(f"    {'category':14}{'words':>8}{'mentions/kw':>13}{'political/kw':>14}{'political share':>17}")
    for cat, rows in by_cat.items():
        docs = _documents(extractor, rows)
        words = sum(len(_WORD.findall(r["text"])) for r in rows)
        mentions = political = 0
        shown: Counter = Counter()
        for doc in docs:
            for actor in doc.actors:
                n = len(actor.mentions)
                mentions += n
                if is_political(actor):
                    political += n
                    shown[f"{actor.name} ({actor.code})"] += n
        out[cat] = {"mentions_per_kw": 1000 * mentions / words, "political_per_kw": 1000 * political / words,
                    "political_share": political / mentions if mentions else 0.0}
        f = out[cat]
        print(f"    {cat:14}{words:>8}{f['mentions_per_kw']:>13.1f}{f['political_per_kw']:>14.1f}"
              f"{f['political_share']:>17.3f}")
        if verbose and cat in ("sport", "entertainment"):
            print("        political mentions:", ", ".join(f"{k} {n}" for k, n in shown.most_common(25)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, required=True, action="append",
                    help="gold set with role spans (PLV dev: source_span/target_span; PLOVER-GSR dev: actors with a "
                         "role); repeat for several")
    ap.add_argument("--bbc", type=Path, help="BBC articles (JSONL: id bbc-<category>-<n>, text) for the noise table")
    ap.add_argument("--per-category", type=int, default=60, help="BBC articles per category (default 60)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("-v", action="store_true", help="list uncovered role words and political mentions in noise")
    args = ap.parse_args(argv)
    for path in (*args.gold, *([args.bbc] if args.bbc else [])):
        if not path.is_file():
            print(f"error: {path} not found", file=sys.stderr)
            return 2
    extractor = _extractor()
    figures = {"roles": {g.name: role_coverage(extractor, g, args.v) for g in args.gold},
               "noise": noise(extractor, args.bbc, args.per_category, args.v) if args.bbc else None}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
