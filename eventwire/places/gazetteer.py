"""The offline gazetteer: countries, admin1 and admin2 regions, cities and hand-edited sites, indexed by name.

The shipped index ``eventwire/data/gazetteer.tsv.gz`` is built by ``scripts/build_gazetteer.py`` from
GeoNames data (CC BY 4.0, https://www.geonames.org); ``eventwire gazetteer import`` builds a fuller one
from a GeoNames dump, selected with ``EVENTWIRE_GAZETTEER``. A lookup is a binary search in the sorted
key list, never a scan of the gazetteer, and loading is little more than splitting the file into lines.
"""

from __future__ import annotations

import gzip
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from eventwire.errors import EventwireError

__all__ = ["GAZETTEER_PATH", "BASE_MARK", "COLUMNS", "DEMONYM_MARK", "FALSE_FRIEND", "KEYS_MARK", "MARKS",
           "PERSON_MARK", "VALUES_MARK", "Entry", "Gazetteer", "GazetteerError", "HEADER_START", "check_index",
           "load_gazetteer", "norm"]

GAZETTEER_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer.tsv.gz"
COLUMNS = ("geonameid", "feature", "code", "name", "lat", "lon", "country", "admin1", "admin1_key", "admin2_key",
           "population")
# Every index file starts with this line prefix (the build script and the importer write it).
HEADER_START = "# eventwire places gazetteer"
KEYS_MARK = "#keys"
VALUES_MARK = "#values"
# Index keys with this prefix (and no ids) are false friends: "Kim", "March", "Chad".
FALSE_FRIEND = "!"
# Keys with this prefix hold how common a place name is as a person's name (US Census, % of people):
# "Mansfield", "Greer", "Lindsay". A small place of such a name needs more evidence than a label.
PERSON_MARK = "@"
# Keys with this prefix are demonyms and nationality words ("German", "Kashmiris", "Sri Lankan"), with the
# place they derive from as value: they name people or qualities, never a place.
DEMONYM_MARK = "^"
# The prefixes of keys that hold a marker rather than entry ids.
MARKS = (FALSE_FRIEND, PERSON_MARK, DEMONYM_MARK)
# Keys prefixed with this marker are region base names ("Amur" of "Amur Oblast", "Walker" of "Walker
# County"): they match only when a region word follows, so "Moscow" stays the city.
BASE_MARK = "~"


class GazetteerError(EventwireError):
    """A gazetteer file that is missing or not in eventwire's index format."""


class Entry(NamedTuple):
    """One place of the gazetteer. ``code`` is the GeoNames feature code where known (PPLC: a capital)."""

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    admin1_key: str | None
    admin2_key: str | None
    feature: str
    code: str
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
    """Entry rows plus a sorted key list and its parallel value list, all kept as raw text until used.

    The file holds entry rows, a ``KEYS_MARK`` line, the sorted keys one a line, a ``VALUES_MARK`` line,
    then one value a line (``id,id,...`` for names, a number for ``PERSON_MARK`` keys, empty for false
    friends). Keys starting with ``BASE_MARK`` are region base names, used only before a region word.
    """

    def __init__(self, rows: list[str], keys: list[str], values: list[str]):
        if len(keys) != len(values):
            raise GazetteerError(f"gazetteer index has {len(keys)} keys but {len(values)} values")
        self.rows = rows
        self.keys = keys
        self.values = values
        self._parsed: dict[int, Entry] = {}

    def entry(self, idx: int) -> Entry:
        """The parsed entry ``idx`` (parsed once, on first use)."""
        hit = self._parsed.get(idx)
        if hit is None:
            gid, feature, code, name, lat, lon, country, admin1, a1key, a2key, pop = self.rows[idx].split("\t")
            hit = Entry(name, float(lat) if lat else None, float(lon) if lon else None, country or None,
                        admin1 or None, a1key or None, a2key or None, feature, code, int(gid) if gid else None,
                        int(pop or 0))
            self._parsed[idx] = hit
        return hit

    def _value(self, key: str) -> str | None:
        i = bisect_left(self.keys, key)
        return self.values[i] if i < len(self.keys) and self.keys[i] == key else None

    def _ids(self, key: str) -> list[int]:
        raw = self._value(key)
        return [int(i) for i in raw.split(",")] if raw else []

    def lookup(self, text: str) -> list[int]:
        """Entry ids whose name or alternate name is ``text``; an abbreviation spaced after its periods
        ("W. Va.", "N. D.") is also read closed up, as the gazetteer spells it ("W.Va.")."""
        hits = self._ids(norm(text))
        if not hits and ". " in text:
            hits = self._ids(norm(text.replace(". ", ".")))
        return hits

    def is_false_friend(self, text: str) -> bool:
        """True for names that are more often a person or a common word than a place."""
        return self._value(FALSE_FRIEND + norm(text)) is not None

    def person_share(self, text: str) -> float:
        """How common ``text`` is as a given name or surname (% of US Census people; 0 when rare)."""
        raw = self._value(PERSON_MARK + norm(text))
        return float(raw) if raw else 0.0

    def is_demonym(self, text: str) -> bool:
        """True for a demonym or nationality word ("German", "Kashmiris", "South Ossetian")."""
        return self._value(DEMONYM_MARK + norm(text)) is not None

    def lookup_region(self, text: str) -> list[int]:
        """Region entry ids for ``text`` followed by a region word ("Amur" + "region", "Walker" + "County")."""
        key = norm(text)
        hits = dict.fromkeys(self._ids(BASE_MARK + key) + self._ids(key))
        return [i for i in hits if self.entry(i).feature in ("admin1", "admin2", "region")]

    @classmethod
    def from_text(cls, text: str) -> Gazetteer:
        """Split the file into entry rows, keys and values."""
        lines = text.rstrip("\n").split("\n")
        try:
            k, v = lines.index(KEYS_MARK), lines.index(VALUES_MARK)
        except ValueError:
            raise GazetteerError("not an eventwire gazetteer index (no #keys/#values sections)") from None
        rows = [ln for ln in lines[:k] if not ln.startswith("#")]
        if rows and rows[0].count("\t") != len(COLUMNS) - 1:
            raise GazetteerError(f"gazetteer rows have {rows[0].count(chr(9)) + 1} columns, expected {len(COLUMNS)}")
        return cls(rows, lines[k + 1:v], lines[v + 1:])


@lru_cache(maxsize=2)
def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    """Load a gazetteer index once per process (the shipped one by default).

    :raises GazetteerError: the file is missing, not gzip or not an index.
    """
    try:
        raw = Path(path).read_bytes()
        text = gzip.decompress(raw).decode("utf-8")
    except FileNotFoundError:
        raise GazetteerError(f"gazetteer file not found: {path}") from None
    except (OSError, EOFError, UnicodeDecodeError) as err:
        raise GazetteerError(f"gazetteer file {path} is not a gzipped eventwire index: {err}") from None
    return Gazetteer.from_text(text)


def check_index(path: str | Path) -> None:
    """Cheap check that ``path`` is an eventwire index (its first line), before a run starts.

    :raises GazetteerError: it is missing, not gzip or has another first line.
    """
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            first = fh.readline()
    except FileNotFoundError:
        raise GazetteerError(f"gazetteer file not found: {path}") from None
    except (OSError, EOFError, UnicodeDecodeError) as err:
        raise GazetteerError(f"{path} is not a gzipped eventwire gazetteer index: {err}") from None
    if not first.startswith(HEADER_START):
        raise GazetteerError(f"{path} is not an eventwire gazetteer index (make one with 'eventwire gazetteer import')")
