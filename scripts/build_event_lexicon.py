"""Build ``eventwire/data/event_lexicon.json``: the verb, pattern and noun lexicon of the events stage.

Sources (vendored in ``data/sources/`` of this repository, or ``--sources DIR``):
- ``phoenix/CAMEO.2.0.txt``: PETRARCH CAMEO verb dictionary, (c) 2015 Open Event Data Alliance, MIT.
- ``plover/CAMEO2PLOVER-2021.txt``: CAMEO -> PLOVER v0.8 table by Philip Schrodt (PLOVER manual).
- ``cameo/cameo-codes.csv``: CAMEO code names and Goldstein scores (andybega/icews, MIT).
- ``geonames/countryInfo.txt``: country names by ISO alpha-3, GeoNames (CC BY 4.0).
- ``data/events/lexicon.tsv`` (this repository): hand-edited additions and overrides.

Usage: ``python scripts/build_event_lexicon.py [--sources DIR] [--out FILE]``. ``build()`` returns the
same dictionary in memory, so a test can diff it with the shipped file.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "data" / "sources"
HAND = ROOT / "data" / "events" / "lexicon.tsv"
OUT = ROOT / "eventwire" / "data" / "event_lexicon.json"

CREDIT = (
    "Built by scripts/build_event_lexicon.py from the PETRARCH CAMEO.2.0 verb dictionary "
    "((c) 2015 Open Event Data Alliance, MIT licence), the CAMEO2PLOVER-2021 table of the PLOVER "
    "manual v0.8 (Open Event Data Alliance), cameo-codes.csv (andybega/icews, MIT), GeoNames "
    "countryInfo.txt (country names, CC BY 4.0, geonames.org) and the hand-edited "
    "data/events/lexicon.tsv. Do not edit: rebuild."
)

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_VERB = re.compile(r"^([A-Z][A-Z\-]*)\b[^\[#]*(?:\[([^\]]*)\])?")
_PATTERN = re.compile(r"^-\s+\*\s+(\(?[A-Z][A-Z\- ]*\)?)\s+\[([^\]]*)\]")


def _code(raw: str | None) -> str | None:
    """The source-side CAMEO code of a ``[042:043]`` field; None for ``---`` (no event)."""
    if not raw:
        return None
    code = raw.split(":")[0].strip()
    return code if code.isdigit() else None


def _pattern_key(verb: str, obj: str) -> str | None:
    """``verb|noun`` for ``- * NOUN``, ``verb|prep noun`` for ``- * (PREP NOUN)``; None otherwise."""
    words = obj.strip("()").lower().split()
    if obj.startswith("("):
        return f"{verb}|{words[0]} {words[1]}" if len(words) == 2 else None
    return f"{verb}|{words[0]}" if len(words) == 1 else None


def read_verbs(path: Path) -> tuple[dict[str, str | None], dict[str, str]]:
    """Verb lemma -> default code and ``verb|object`` -> code from the PETRARCH verb blocks.

    A block's patterns apply to every verb of the block (as in PETRARCH); the first code a verb or
    pattern gets wins, since the dictionary lists the general entries first.
    """
    verbs: dict[str, str | None] = {}
    patterns: dict[str, str] = {}
    block_code, block_verbs = None, None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if m := _BLOCK.match(line):
            block_code, block_verbs = _code(m.group(2)), []
        elif m := _PATTERN.match(line):
            code = _code(m.group(2))
            for verb in block_verbs:
                key = _pattern_key(verb, m.group(1))
                if code and key:
                    patterns.setdefault(key, code)
        elif (m := _VERB.match(line)) and block_verbs is not None:
            lemma = m.group(1).lower()
            code = _code(m.group(2)) if m.group(2) else block_code
            verbs.setdefault(lemma, code)
            block_verbs.append(lemma)
    return verbs, patterns


def read_plover(path: Path) -> dict[str, dict]:
    """CAMEO code -> {type, mode, context} from the CAMEO2PLOVER table."""
    table: dict[str, dict] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        fields = [f.strip() for f in m.group(2).split("#")[0].split(",")]
        mode = fields[1] if len(fields) > 1 and fields[1] else None
        context = [c.strip() for c in fields[2].split(";") if c.strip()] if len(fields) > 2 else []
        table.setdefault(m.group(1), {"type": fields[0], "mode": mode, "context": context})
    return table


def read_cameo(path: Path) -> dict[str, dict]:
    """CAMEO code -> {name, goldstein} from the codebook."""
    with path.open(encoding="utf-8", errors="replace") as f:
        return {r["code"]: {"name": r["name"], "goldstein": float(r["goldstein"])}
                for r in csv.DictReader(f) if r["goldstein"] not in ("", "NA")}


def read_countries(path: Path) -> dict[str, str]:
    """ISO alpha-3 -> country name from GeoNames countryInfo.txt (names the state actor of a place)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            cols = line.split("\t")
            out[cols[1]] = cols[4]
    return out


def read_hand(path: Path) -> list[tuple[str, str, str]]:
    """Rows (kind, key, code) of the hand-edited TSV; ``-`` as code removes an entry. Kind ``standalone``
    marks an event noun that may be coded with a target and no source (its code column is ``*``); kind
    ``plover`` gives a CAMEO code (key) the PLOVER ``TYPE,mode`` of its code column."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, key, code = line.split("\t")[:3]
            rows.append((kind.strip(), key.strip().lower(), code.strip()))
    return rows


def _plover_override(value: str) -> dict:
    """``TYPE,mode`` of a hand-edited plover row as a CAMEO2PLOVER row: where the PLOVER manual codes a
    CAMEO category differently from the table (international sanctions are SANCTION discontinue)."""
    kind, _, mode = value.partition(",")
    return {"type": kind.strip(), "mode": mode.strip() or None, "context": []}


def _plover_of(code: str, plover: dict[str, dict]) -> dict | None:
    """The PLOVER row of a code, falling back to its 3- then 2-digit parent."""
    for k in (code, code[:3], code[:2]):
        if k in plover:
            return plover[k]
    return None


def build(sources: Path = SOURCES, hand: Path = HAND) -> dict:
    """The whole lexicon as a JSON-ready dictionary (deterministic)."""
    verbs, patterns = read_verbs(sources / "phoenix" / "CAMEO.2.0.txt")
    plover, cameo = read_plover(sources / "plover" / "CAMEO2PLOVER-2021.txt"), read_cameo(
        sources / "cameo" / "cameo-codes.csv")
    tables: dict[str, dict] = {"verb": verbs, "pattern": patterns, "noun": {}, "standalone": {}, "plover": {}}
    for kind, key, code in read_hand(hand):
        tables[kind][key] = None if code == "-" else code
    standalone = tables.pop("standalone")
    plover |= {code: _plover_override(value) for code, value in tables.pop("plover").items()}
    used = {c for t in tables.values() for c in t.values() if c}
    codes = {}
    for code in sorted(used):
        row = _plover_of(code, plover)
        if row:
            info = cameo.get(code) or cameo.get(code[:3]) or {}
            codes[code] = {**row, "name": info.get("name"), "goldstein": info.get("goldstein")}

    def keep(table: dict) -> dict:
        # Only entries whose code maps to a PLOVER type (01 statements and 02 appeals do not).
        return {k: v for k, v in sorted(table.items()) if v in codes}

    nouns = keep(tables["noun"])
    return {"_credit": CREDIT, "codes": codes, "verbs": keep(tables["verb"]),
            "patterns": keep(tables["pattern"]), "nouns": nouns,
            "standalone": sorted(k for k in standalone if k in nouns),
            "countries": read_countries(sources / "geonames" / "countryInfo.txt")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=SOURCES, help="folder of the vendored upstream files")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(build(args.sources), indent=0, sort_keys=True, ensure_ascii=False) + "\n",
                        encoding="utf-8")


if __name__ == "__main__":
    main()
