"""A full place index from a GeoNames dump a user downloads (``allCountries.zip``, ``cities1000.zip``).

The shipped index keeps its countries, admin1 regions (with their aliases), sites and name markers;
the dump adds every populated place (feature class P) and county (ADM2) with GeoNames' own points,
and gives the admin1 regions GeoNames' ADM1 points. ``alternateNamesV2.zip`` optionally adds English,
abbreviated and language-neutral alternate names. The result is written in the one index format.
"""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

from eventwire.places.gazetteer import MARKS, Gazetteer, GazetteerError
from eventwire.places.index import index_lines, keys_of, region_bases, row, usable_alt, write_index

__all__ = ["import_dump"]

KEPT_FEATURES = ("country", "admin1", "region", "site")
ALT_LANGUAGES = ("", "en", "abbr")
HEADER = ("# eventwire places gazetteer, imported by 'eventwire gazetteer import' from {name}. Do not edit.\n"
          "# Contains data from GeoNames (https://www.geonames.org), licensed CC BY 4.0, and eventwire's\n"
          "# shipped index (countries, admin1 regions, sites).")


def _lines(path: Path) -> Iterator[str]:
    """Text lines of a GeoNames .txt file or of the .txt member of its .zip."""
    if path.suffix.lower() != ".zip":
        with path.open(encoding="utf-8") as fh:
            yield from fh
        return
    with zipfile.ZipFile(path) as zf:
        member = next((n for n in zf.namelist() if n.endswith(".txt") and not n.startswith("readme")), None)
        if member is None:
            raise GazetteerError(f"{path}: no GeoNames .txt file inside")
        with zf.open(member) as raw:
            yield from io.TextIOWrapper(raw, encoding="utf-8")


def _records(path: Path) -> Iterator[list[str]]:
    for n, line in enumerate(_lines(path), 1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 19:
            raise GazetteerError(f"{path}, line {n}: {len(cols)} columns, a GeoNames table row has 19")
        yield cols


def _alternates(path: Path | None) -> dict[str, list[str]]:
    """geonameid -> usable alternate names of alternateNamesV2 (English, abbreviations, neutral)."""
    out: dict[str, list[str]] = defaultdict(list)
    if path is None:
        return out
    for n, line in enumerate(_lines(path), 1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4:
            raise GazetteerError(f"{path}, line {n}: not an alternateNames row")
        historic = len(cols) > 7 and cols[7] == "1"
        if cols[2] in ALT_LANGUAGES and not historic and usable_alt(cols[3]):
            out[cols[1]].append(cols[3])
    return out


def _base(gaz: Gazetteer) -> tuple[list[str], dict[str, str], dict[str, str], dict[str, int]]:
    """Rows (with keys) of the shipped index kept as they are, its markers, ISO2 -> ISO3, admin1 rows."""
    kept = {i for i in range(len(gaz.rows)) if gaz.entry(i).feature in KEPT_FEATURES}
    keys: dict[int, list[str]] = defaultdict(list)
    markers = {}
    for key, value in zip(gaz.keys, gaz.values, strict=True):
        if key.startswith(MARKS):
            markers[key] = value
            continue
        for i in value.split(","):
            if i and int(i) in kept:
                keys[int(i)].append(key)
    rows = [f"{gaz.rows[i]}\t{'|'.join(keys[i])}" for i in sorted(kept)]
    iso3, admin1 = {}, {}
    for pos, i in enumerate(sorted(kept)):
        e = gaz.entry(i)
        if e.feature == "admin1" and e.admin1_key:
            iso3[e.admin1_key.split(".")[0]] = e.country
            admin1[e.admin1_key] = pos
    return rows, markers, iso3, admin1


def import_dump(dump: Path, out: Path, base: Gazetteer, alternate_names: Path | None = None,
                progress: Callable[[int], None] | None = None) -> int:
    """Write a full index to ``out`` from the GeoNames table ``dump``; returns the number of entries.

    :raises GazetteerError: a file that is not in the GeoNames format.
    """
    rows, markers, iso3, admin1_pos = _base(base)
    alts = _alternates(alternate_names)
    admin2_names = {(r[8], r[10], r[11]): r[1] for r in _records(dump) if r[7] == "ADM2"}
    for n, r in enumerate(_records(dump), 1):
        gid, name, cc, a1, a2 = r[0], r[1], r[8], r[10], r[11]
        a1key = f"{cc}.{a1}"
        if progress and n % 100_000 == 0:
            progress(n)
        if r[7] == "ADM1" and a1key in admin1_pos:
            cols = rows[admin1_pos[a1key]].split("\t")
            cols[4], cols[5] = f"{float(r[4]):.4f}", f"{float(r[5]):.4f}"
            rows[admin1_pos[a1key]] = "\t".join(cols)
            continue
        if not (r[6] == "P" or r[7] == "ADM2") or cc not in iso3:
            continue
        a1name = rows[admin1_pos[a1key]].split("\t")[3] if a1key in admin1_pos else None
        county = admin2_names.get((cc, a1, a2))
        a2key = f"{a1key}|{county}" if county and a1name else None
        names = [name, r[2], *(a for a in r[3].split(",") if usable_alt(a)), *alts.get(gid, ())]
        if r[6] == "P":
            code, feature, keys = r[7], "city", keys_of(*names)
        else:
            direct, marked = region_bases(name)
            code, feature, keys = "ADM2", "admin2", keys_of(*names, *direct, bases=marked)
        rows.append(row(gid, feature, code, name, float(r[4]), float(r[5]), iso3[cc], a1name,
                        a1key if a1name else None, a2key, int(r[14] or 0), keys))
    write_index([HEADER.format(name=dump.name), *index_lines(rows, markers)], out)
    return len(rows)
