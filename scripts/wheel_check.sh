#!/usr/bin/env bash
# The wheel carries its data: build it, install it with its pinned dependencies into a new virtual
# environment outside the checkout, and check that `eventwire extract` there writes what the
# development install writes. pip's own cache is reused, so a second run installs from it.
#
# Usage: scripts/wheel_check.sh [PYTHON]   (run from anywhere; PYTHON defaults to python3)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
py="${1:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$repo/.venv/bin/pip" wheel "$repo" --no-deps --quiet -w "$work/dist"
wheel="$(ls "$work"/dist/eventwire-*.whl)"
"$py" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet -c "$repo/requirements.lock" "$wheel"

cd "$work"  # outside the checkout: nothing can be imported from the repository by accident
"$work/venv/bin/python" - "$repo" "$wheel" <<'PY'
import sys, zipfile
from pathlib import Path

import eventwire

repo, wheel = Path(sys.argv[1]), sys.argv[2]
assert Path(eventwire.__file__).is_relative_to(sys.prefix), f"eventwire imported from {eventwire.__file__}"
names = set(zipfile.ZipFile(wheel).namelist())
shipped = [p.relative_to(repo).as_posix() for p in (repo / "eventwire" / "data").iterdir() if p.is_file()]
missing = [n for n in [*shipped, "eventwire/schema/document.schema.json"] if n not in names]
assert shipped and not missing, f"not in the wheel: {missing or 'eventwire/data is empty'}"
print(f"wheel: {Path(wheel).name} carries {len(shipped)} data files and the JSON Schema")
PY
"$work/venv/bin/eventwire" schema | cmp - "$repo/eventwire/schema/document.schema.json"
"$work/venv/bin/eventwire" extract "$repo/examples/seed.jsonl" -o wheel.jsonl -q
"$repo/.venv/bin/eventwire" extract "$repo/examples/seed.jsonl" -o dev.jsonl -q
cmp wheel.jsonl dev.jsonl
echo "wheel: eventwire extract in a new venv writes the same $(wc -l < wheel.jsonl) document(s) as the dev install"
