"""Writing a gazetteer index: rows, name keys, region base names, area centres and the sorted key section.

Shared by ``scripts/build_gazetteer.py`` (the shipped index) and ``eventwire gazetteer import`` (a full
index from a GeoNames dump), so both write the one format ``eventwire.places.gazetteer`` reads.
"""

from __future__ import annotations

import gzip
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from eventwire.places.gazetteer import BASE_MARK, KEYS_MARK, VALUES_MARK, norm

__all__ = ["LATIN_MAX", "area_centre", "index_lines", "keys_of", "region_bases", "row", "usable_alt",
           "write_index"]

LATIN_MAX = 0x250
# A region's name read without its type word: "Amur Oblast" -> "Amur" (used only before a region word),
# "Province of Bulacan" -> "Bulacan" (a name on its own: the type word came first, as a title).
REGION_SUFFIX = re.compile(
    r"( (autonomous )?(oblast'?|kray|krai|province|region|prefecture|governorate|state|republic|county|"
    r"county borough|borough|parish|district|regional district|territory|municipality|department|"
    r"voivodeship|autonomous okrug|shire|city|diqu|shi|rayon|urban okrug|municipal district))+$",
    re.IGNORECASE,
)
REGION_PREFIX = re.compile(
    r"^(republic of |city of |province of |county |provincia (di |de |del |dell'|della )?|provincie |"
    r"province (de |du |d')|departamento (de |del )|département (du |de la |de l'|des |de |d')|"
    r"distrito (de |del )|district of |regierungsbezirk |region of |municipality of |state of |"
    r"governorate of |prefecture of )",
    re.IGNORECASE,
)
# The share of a region's settlements left out on each side when its bounding box is taken: an outlying
# island or exclave does not move the centre.
TRIM = 0.01


def usable_alt(name: str) -> bool:
    """Latin-script alternate names only, and no codes (IATA "FNJ") or names with digits."""
    if len(name) < 3 or any(c.isdigit() for c in name) or any(ord(c) >= LATIN_MAX for c in name):
        return False
    return not (name.isupper() and len(name) <= 4)


def region_bases(*names: str) -> tuple[list[str], list[str]]:
    """Direct and marked base names of a region: a leading type word ("Province of X") leaves a name
    used on its own, a trailing one ("X County", "X Oblast") one used only before a region word."""
    direct, marked = [], []
    for name in names:
        head = REGION_PREFIX.sub("", name)
        if head != name and head:
            direct.append(head)
        tail = REGION_SUFFIX.sub("", head)
        if tail != head and tail:
            marked.append(tail)
    return direct, marked


# A name particle that English writing often joins to the name: GeoNames' "De Soto Parish", "La Salle
# County", "De Kalb" are the news' "DeSoto Parish", "LaSalle County", "DeKalb".
PARTICLE = re.compile(r"\b(De|Du|Di|La|Le|Mc|Van) (?=[A-Z])")


def spellings(name: str) -> list[str]:
    """A name and, when it has a detached particle, the joined spelling."""
    joined = PARTICLE.sub(r"\1", name)
    return [name, joined] if joined != name else [name]


def keys_of(*names: str, bases: Iterable[str] = ()) -> str:
    """The index keys column: distinct normalised names (with joined particles), then marked base names."""
    keys = dict.fromkeys(norm(s) for n in names if n for s in spellings(n))
    keys.update(dict.fromkeys(BASE_MARK + norm(s) for b in bases if b for s in spellings(b)
                              if norm(s) not in keys))
    return "|".join(k for k in keys if k)


def fmt(value: float | None) -> str:
    """A coordinate rounded to ~10 m; empty when unknown."""
    return "" if value is None else f"{value:.4f}"


def row(gid, feature, code, name, lat, lon, cc3, admin1, a1key, a2key, pop, keys) -> str:
    """One entry row with its keys column last (split off by `index_lines`)."""
    return "\t".join([str(gid or ""), feature, code or "", name, fmt(lat), fmt(lon), cc3 or "", admin1 or "",
                      a1key or "", a2key or "", str(int(pop or 0)), keys])


def _quantile(values: list[float], q: float) -> float:
    pos = q * (len(values) - 1)
    lo, hi = math.floor(pos), math.ceil(pos)
    return values[lo] + (values[hi] - values[lo]) * (pos - lo)


def area_centre(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """The middle of the (trimmed) bounding box of a region's settlements.

    GeoNames places a region near the middle of its area; the middle of the box its towns span comes
    closer to that than their mean, which a dense corner (Brisbane in Queensland) pulls away. A region
    whose towns straddle the antimeridian (Alaska, Chukotka) is measured on 0..360 longitudes.
    """
    if not points:
        return None, None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    if lons[-1] - lons[0] > 180:
        lons = sorted(lon % 360 for lon in lons)
    lat = (_quantile(lats, TRIM) + _quantile(lats, 1 - TRIM)) / 2
    lon = (_quantile(lons, TRIM) + _quantile(lons, 1 - TRIM)) / 2
    return lat, (lon + 180) % 360 - 180


def index_lines(rows: list[str], markers: dict[str, str]) -> list[str]:
    """Entry rows without their keys column, then the sorted key and value sections.

    ``markers`` are extra keys with their value (false friends, person-name shares)."""
    ids: dict[str, list[str]] = defaultdict(list)
    body = []
    for idx, r in enumerate(rows):
        head, keys = r.rsplit("\t", 1)
        body.append(head)
        for key in keys.split("|"):
            if key:
                ids[key].append(str(idx))
    values = {key: ",".join(v) for key, v in ids.items()}
    values.update(markers)
    keys = sorted(values)
    return [*body, KEYS_MARK, *keys, VALUES_MARK, *(values[k] for k in keys)]


def write_index(lines: list[str], out: Path) -> None:
    """Gzip with a fixed mtime so that a rebuild is byte-identical."""
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))
