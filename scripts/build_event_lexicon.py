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
_PHRASAL = re.compile(r"^\+([A-Z]+)_([A-Z]+)\b[^\[#]*(?:\[([^\]]*)\])?")
_PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\](?:\s*#\s*(.*))?")
_GROUP = re.compile(r"\{([^}]*)\}|\(([^)]*)\)|(\S+)")
# The dictionary's marker of a pattern that is no event ("- * ELECTIONS [---]" under HIJACK).
NO_EVENT = "---"
# First object words that are verb particles ("- * OVER MEETING": "cast over"), not objects.
_PARTICLES = frozenset({"over", "up", "down", "off", "out", "away", "back", "in", "on", "aside"})


def _code(raw: str | None) -> str | None:
    """The source-side CAMEO code of a ``[042:043]`` field; ``---`` for an explicit no-event."""
    if not raw:
        return None
    code = raw.split(":")[0].strip()
    return code if code.isdigit() else (NO_EVENT if code.startswith("---") else None)


def read_synonyms(lines: list[str]) -> dict[str, list[str]]:
    """``&NAME`` -> its member words (lower case; a multi-word member by its last, head word)."""
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        if line.startswith("&"):
            current = sets.setdefault(line.split()[0].lower(), [])
        elif line.startswith("+") and current is not None:
            word = line[1:].split()[0].strip("_").lower()
            current.append(word.split("_")[-1])
        elif not line.strip():
            current = None
    return sets


def _heads(item: str, synonyms: dict[str, list[str]]) -> list[str]:
    """The head words an object item stands for: a word, the last word of ``{A B}``, a synonym set."""
    item = item.lower().strip("$+%")
    if not item:
        return []
    if item.startswith("&"):
        return synonyms.get(item, [])
    return [item.split()[-1].strip("_")]


def pattern_keys(verb: str, body: str, synonyms: dict[str, list[str]]) -> list[str]:
    """Lexicon keys of one pattern body (the text between ``-`` and the code).

    ``* NOUN`` -> ``verb|noun``; ``* (PREP NOUN)`` -> ``verb|prep noun``; ``* (PREP)`` -> ``verb|prep``;
    ``* OVER ...`` -> ``verb|over`` (a particle). Patterns that constrain the subject (words before the
    ``*``) need a subject match this lexicon does not make, so they give no key.
    """
    before, star, after = body.partition("*")
    if not star or before.replace("$", "").replace("+", "").strip():
        return []
    items = [m.group(1) or m.group(3) for m in _GROUP.finditer(after) if m.group(1) or m.group(3)]
    pps = [m.group(2) for m in _GROUP.finditer(after) if m.group(2)]
    objects = [h for it in items[:1] for h in _heads(it, synonyms)]
    if objects:
        return [f"{verb}|{o}" for o in objects]
    if pps:
        words = pps[0].split(None, 1)
        prep = words[0].lower()
        if len(words) == 1:
            return [f"{verb}|{prep}"]
        return [f"{verb}|{prep} {h}" for h in _heads(words[1].split()[0] if not words[1].startswith("{")
                                                     else words[1], synonyms)]
    return []


def _pattern_verbs(block_verbs: list[str], comment: str | None) -> list[str]:
    """The verbs a pattern applies to: those its comment names as where it was found ("# RUSH"), when
    they are in the block; else every verb of the block. A block gathers synonyms of one sense, but a
    pattern found with one of them ("arrest (IN) ...") often reads differently with the others."""
    named = {w.strip().lower() for w in re.split(r"[,\s]+", comment or "") if w.strip()}
    own = [v for v in block_verbs if v in named]
    return own or block_verbs


def read_verbs(path: Path) -> tuple[dict[str, str | None], dict[str, str]]:
    """Verb lemma -> default code and ``verb|object`` -> code from the PETRARCH verb blocks.

    A block's patterns apply to the verbs their comment names, else to every verb of the block; phrasal
    verbs (``+TAKE_OVER``)
    become ``take|over`` patterns. The first code a key gets wins, and patterns with a single object or
    preposition are read before those with more, since a longer pattern's extra words are not checked.
    """
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    split = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    synonyms = read_synonyms(lines[:split])
    verbs: dict[str, str | None] = {}
    simple: dict[str, str] = {}
    complex_: dict[str, str] = {}
    block_code, block_verbs = None, None
    for line in lines[split:]:
        if m := _BLOCK.match(line):
            block_code, block_verbs = _code(m.group(2)), []
        elif block_verbs is None:
            continue
        elif m := _PATTERN.match(line):
            code = _code(m.group(2))
            if code is None:
                continue
            table = simple if len(m.group(1).split()) <= 2 else complex_
            for verb in _pattern_verbs(block_verbs, m.group(3)):
                for key in pattern_keys(verb, m.group(1)[1:] if m.group(1).startswith("-") else m.group(1),
                                        synonyms):
                    table.setdefault(key, code)
        elif m := _PHRASAL.match(line):
            code = _code(m.group(3)) if m.group(3) else block_code
            if code:
                simple.setdefault(f"{m.group(1).lower()}|{m.group(2).lower()}", code)
        elif m := _VERB.match(line):
            lemma = m.group(1).lower()
            code = _code(m.group(2)) if m.group(2) else block_code
            verbs.setdefault(lemma, None if code == NO_EVENT else code)
            block_verbs.append(lemma)
    return verbs, {**complex_, **simple}


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
    ``plover`` gives a CAMEO code (key) the PLOVER ``TYPE,mode`` of its code column; kind ``default`` names
    the CAMEO code of a PLOVER type (key) when the type model, not the lexicon, decided the type; kind
    ``transitive`` a verb that codes only with a direct object, kind ``intransitive`` one whose default codes
    only without one ("demonstrated in the capital", not "demonstrated its commitment"; its patterns still
    code); their code column is ``*``. A pattern key may list alternatives with commas on either side of its
    ``|`` ("give,provide|food,medicine"): one row per verb and object."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, key, code = line.split("\t")[:3]
            rows += [(kind.strip(), k, code.strip()) for k in _expand(key.strip().lower())]
    return rows


def _expand(key: str) -> list[str]:
    """``a,b|x,y`` -> a|x, a|y, b|x, b|y; a key without commas is itself."""
    if "," not in key or "|" not in key:
        return [key]
    verbs, rest = key.split("|", 1)
    return [f"{verb}|{obj}" for verb in verbs.split(",") for obj in rest.split(",")]


# CAMEO's 033x "express intent to provide" aid mirrors 07x "provide" it (0331 economic -> 071, 0332
# military -> 072, 0333 humanitarian -> 073, 0334 peacekeeping -> 074). The dictionary files some
# delivery verbs' objects under the intent ("deploy peacekeepers", "supply helicopters"), but those verbs
# tell of the act done. A future one ("will deploy") keeps its future status: the events stage's pledge
# convention makes it AGREE when its source states it, so nothing is counted as having happened.
DELIVERY_VERBS = frozenset({"send", "deploy", "supply", "dispatch", "deliver"})


def delivered(patterns: dict[str, str | None]) -> dict[str, str | None]:
    """The dictionary's patterns with a delivery verb's intent-to-aid codes read as the aid given."""
    return {key: "07" + code[3] if code and code[:3] == "033" and len(code) == 4
            and key.split("|")[0] in DELIVERY_VERBS else code for key, code in patterns.items()}


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
    tables: dict[str, dict] = {"verb": verbs, "pattern": delivered(patterns), "noun": {}, "standalone": {},
                               "plover": {}, "default": {}, "transitive": {}, "intransitive": {}}
    for kind, key, code in read_hand(hand):
        # "-" removes a verb's or noun's default code; on a pattern it says the reading is no event.
        tables[kind][key] = (NO_EVENT if kind == "pattern" else None) if code == "-" else code
    standalone = tables.pop("standalone")
    transitive = sorted(tables.pop("transitive"))
    intransitive = sorted(tables.pop("intransitive"))
    defaults = {kind.upper(): code for kind, code in tables.pop("default").items()}
    plover |= {code: _plover_override(value) for code, value in tables.pop("plover").items()}
    used = {c for t in tables.values() for c in t.values() if c} | set(defaults.values())
    codes = {}
    for code in sorted(used):
        row = _plover_of(code, plover)
        if row:
            info = cameo.get(code) or cameo.get(code[:3]) or {}
            codes[code] = {**row, "name": info.get("name"), "goldstein": info.get("goldstein")}

    def keep(table: dict) -> dict:
        # Only entries whose code maps to a PLOVER type (01 statements and 02 appeals do not), and the
        # dictionary's explicit no-event patterns.
        return {k: v for k, v in sorted(table.items()) if v in codes or v == NO_EVENT}

    nouns = keep(tables["noun"])
    return {"_credit": CREDIT, "codes": codes, "verbs": keep(tables["verb"]),
            "patterns": keep(tables["pattern"]), "nouns": nouns,
            "standalone": sorted(k for k in standalone if k in nouns),
            "transitive": transitive,
            "intransitive": intransitive,
            "defaults": {kind: code for kind, code in sorted(defaults.items()) if code in codes},
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
