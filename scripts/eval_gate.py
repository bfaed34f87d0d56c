#!/usr/bin/env python3
"""Score eventwire on the shared gold sets in-process and hold the figures to pinned floors.

The floors live in ``tests/eval_baseline.json`` with the SHA-256 of each gold file, so a changed
corpus is noticed rather than silently compared. ``--update`` raises floors to today's figures (less
a small margin for run-to-run noise); lowering one needs ``--allow-regression``.

Usage: python scripts/eval_gate.py [--only seed] [--update [--allow-regression]]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold"
BASELINE = ROOT / "tests" / "eval_baseline.json"
# The headline figures of ../shared/eval/evaluate.py that are gated.
GATED = (
    "time_value_f1", "time_value_exact_acc", "place_recall", "place_country_acc", "place_acc_161km",
    "actor_recall", "actor_code_acc", "attribution_recall", "attribution_precision", "attribution_source_acc",
    "attribution_nesting_acc", "event_recall", "event_precision", "event_dyad_acc", "event_role_acc",
    "event_cameo_root_acc", "event_strict_f1",
)
# Event figures that need the gold to name the parties: a set whose events have neither country dyads
# nor role spans (the CAMEO examples) scores them as 0 or 1 whatever the system does.
PARTY_FIGURES = ("event_dyad_acc", "event_role_acc", "event_strict_f1")
# A figure is gated only on gold sets that annotate its kind (PLOVER has no attributions, so any
# attribution found there would read as a precision of 0).
KINDS = {"time": "times", "place": "places", "actor": "actors", "attribution": "attributions", "event": "events"}
MARGIN = 0.01
DEV_FILES = (
    "seed.gold.json", "plover_gsr.dev.gold.jsonl", "cameo_examples.dev.gold.jsonl", "timebank.dev.gold.jsonl",
    "meantime.dev.gold.jsonl", "geo.dev.gold.jsonl", "polnear.dev.gold.jsonl", "plv.dev.gold.jsonl",
)


# Gold sets the event-type model is trained on (scripts/train_event_model.py): their event figures are
# gated as the model codes them held out (K-fold), since the shipped model has seen every sentence.
TRAINED_ON = ("plv.dev.gold.jsonl", "plover_gsr.dev.gold.jsonl", "cameo_examples.dev.gold.jsonl")
HELD_OUT = " held-out"
# Sets with no figure left to gate on the shipped pipeline itself (every figure they have is an event's).
EVENTS_ONLY = ("plv.dev.gold.jsonl", "cameo_examples.dev.gold.jsonl")


def _score_module():
    sys.path.insert(0, str(GOLD.parent / "eval"))
    import score

    return score


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def measure(name: str, extractor) -> dict[str, float | None]:
    """Run the extractor over one gold file and return score.py's figures."""
    from eventwire.ingest.records import validate_record

    score = _score_module()
    golds = score.load_gold([GOLD / name])
    seen: set[str] = set()
    records = [
        validate_record({k: g.get(k) for k in ("id", "text", "published", "title", "url", "credit")},
                        seen, extractor.settings.max_chars)
        for g in golds
    ]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        out.write_text("".join(d.to_json() + "\n" for d in extractor.extract(records)), encoding="utf-8")
        with contextlib.redirect_stdout(io.StringIO()):
            figures = score.score(golds, out, show_errors=False)
    present = {kind for kind, key in KINDS.items() if any(g.get(key) for g in golds)}
    parties = any(e.get("source") or e.get("target") or e.get("source_span") or e.get("target_span")
                  for g in golds for e in g.get("events", []))
    return {k: figures.get(k) for k in GATED
            if k.split("_")[0] in present and (parties or k not in PARTY_FIGURES)
            and not (name in TRAINED_ON and k.startswith("event_"))}


def held_out(measurement) -> dict[str, dict[str, float | None]]:
    """Event figures of each trained-on set from the model's held-out coding (train_event_model.build)."""
    import train_event_model

    out = {}
    for name in TRAINED_ON:
        part = name.split(".")[0]
        idx = [i for i, g in enumerate(measurement.golds) if g["_set"] == part]
        golds = [measurement.golds[i] for i in idx]
        figures = train_event_model.score_docs(GOLD, golds, [measurement.documents[i] for i in idx])
        parties = any(e.get("source") or e.get("source_span") for g in golds for e in g["events"])
        out[name + HELD_OUT] = {k: figures.get(k) for k in GATED if k.startswith("event_")
                                and (parties or k not in PARTY_FIGURES)}
    return out


def check(name: str, figures: dict, baseline: dict) -> list[str]:
    """Every figure that fell below its floor, as readable lines; empty when the gate holds."""
    entry = baseline.get(name)
    if entry is None:
        return [f"{name}: no floors pinned (run scripts/eval_gate.py --update)"]
    if entry["sha256"] != sha256(GOLD / name.removesuffix(HELD_OUT)):
        return [f"{name}: the gold file changed since the floors were pinned; re-pin with --update"]
    return [
        f"{name}: {key} = {figures.get(key)} fell below its floor {floor}"
        for key, floor in entry["floors"].items()
        if figures.get(key) is None or figures[key] < floor
    ]


def update(name: str, figures: dict, baseline: dict, allow_regression: bool) -> None:
    old = baseline.get(name, {}).get("floors", {})
    floors = {}
    for key, value in figures.items():
        if value is None:
            continue
        floor = round(max(0.0, value - MARGIN), 3)
        if key in old and floor < old[key] and not allow_regression:
            floor = old[key]
        floors[key] = floor
    baseline[name] = {"sha256": sha256(GOLD / name.removesuffix(HELD_OUT)), "floors": floors}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", help="substring of the gold file names to run")
    ap.add_argument("--update", action="store_true", help="pin today's figures (minus a margin) as floors")
    ap.add_argument("--allow-regression", action="store_true", help="with --update: allow lowering a floor")
    args = ap.parse_args(argv)
    from eventwire.pipeline import Extractor

    extractor = Extractor()
    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    failures = []
    selected = [name for name in DEV_FILES if not args.only or args.only in name]
    measured = {name: measure(name, extractor) for name in selected if name not in EVENTS_ONLY}
    if any(name in TRAINED_ON for name in selected):
        sys.path.insert(0, str(ROOT / "scripts"))
        import train_event_model

        measured |= {k: v for k, v in held_out(train_event_model.build()[1]).items()
                     if k.removesuffix(HELD_OUT) in selected}
    for name, figures in measured.items():
        print(name, " ".join(f"{k}={v:.3f}" for k, v in figures.items() if v is not None))
        if args.update:
            update(name, figures, baseline, args.allow_regression)
        else:
            failures += check(name, figures, baseline)
    if args.update:
        BASELINE.write_text(json.dumps(baseline, indent=1, sort_keys=True) + "\n")
    for line in failures:
        print("FAIL", line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
