"""A clone with nothing beside it works: only the gold gate and the benchmark may read ../shared."""

from __future__ import annotations

import re

from .conftest import ROOT

# Ways a path beside the checkout is spelled in this code base.
OUTSIDE = re.compile(r"ROOT\.parent|parents\[\d\]\.parent|\.\./shared|[\"']shared[\"']")
# The gold gate (and the event-type model's training and rebuild test, which read the dev gold sets) and
# the benchmarks (and the noise table, which reads the BBC bench) skip or stop with a reason without it.
ALLOWED = {"scripts/eval_gate.py", "scripts/bench.py", "tests/corpus/test_gold_gate.py", "tests/test_self_contained.py",
           "scripts/train_event_model.py", "tests/corpus/test_event_model.py", "scripts/noise_table.py",
           "scripts/bench_parallel.py", "scripts/bench_spark.py"}


def outside_reads(root=ROOT) -> list[str]:
    """``path:line`` of every Python line of the package, scripts and tests that reaches outside the checkout."""
    hits = []
    for folder in ("eventwire", "scripts", "tests"):
        for path in sorted((root / folder).rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            if rel in ALLOWED:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if OUTSIDE.search(line):
                    hits.append(f"{rel}:{number}")
    return hits


def test_nothing_but_the_gate_and_bench_reads_beside_the_checkout():
    assert outside_reads() == [], "read vendored data (data/sources) instead of ../shared"


def test_outside_reads_are_noticed(tmp_path):
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "build_x.py").write_text('SRC = ROOT.parent / "shared" / "data"\n', encoding="utf-8")
    assert outside_reads(tmp_path) == ["scripts/build_x.py:1"]
