"""POLECAT/PLOVER JSON lines: one event a line, field names as in the PLOVER manual's "Data Fields" chapter.

Named fields of the manual (``id``, ``date``, ``actor``/``recipient`` entity objects with ``code``,
``sector``, ``entity_text``, ``identifier_id``, ``identifier_text``; ``event``, ``event_loc`` with the
location object's names, ``event_text``, ``quad_code``, ``event_scale``, ``mode``, ``context``, ``link``,
``text_info``, ``cite_info``, ``coder``, ``coded_date``); the manual asks providers to add fields beyond
these by their own names, so eventwire's ``status``, ``according_to``, ``cameo``, ``goldstein``,
``article_id`` and ``event_id`` follow them. ``link`` is the story event id, the manual's "common reference
across multiple related events".
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from eventwire import __version__
from eventwire.export.countries import country_info

__all__ = ["QUAD", "SCALE", "plover_record", "write_plover"]

# Quad categories of the manual's event sections: 1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict (the numbering GDELT's QuadClass uses too).
QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
# The manual's "PLOVER conflict--cooperation scores" table: (type, mode) -> score; mode None is the type's own.
# ACCUSE's own score is printed as 3 while each of its modes scores -2 to -3.5; we read the sign as lost.
SCALE = {
    ("AGREE", None): 2.5, ("CONSULT", None): 2.5, ("CONSULT", "visit"): 4, ("CONSULT", "third-party"): 1,
    ("CONSULT", "multilateral"): 4, ("CONSULT", "phone"): 1.5, ("SUPPORT", None): 5, ("CONCEDE", None): 4.5,
    ("COOPERATE", None): 9.5, ("AID", None): 10, ("RETREAT", None): 6.5, ("RETREAT", "withdraw"): 8,
    ("RETREAT", "release"): 6.5, ("RETREAT", "disarm"): 10, ("RETREAT", "ceasefire"): 7.5,
    ("RETREAT", "access"): 6.5, ("RETREAT", "resign"): 4.5, ("REQUEST", None): 0, ("REQUEST", "assist"): 0.5,
    ("REQUEST", "change"): -1, ("REQUEST", "yield"): -1, ("REQUEST", "meet"): 0, ("ACCUSE", None): -3,
    ("ACCUSE", "disapprove"): -2, ("ACCUSE", "investigate"): -3.5, ("ACCUSE", "allege"): -3.5,
    ("REJECT", None): -2, ("REJECT", "assist"): -1.5, ("REJECT", "change"): -2, ("REJECT", "yield"): -2,
    ("REJECT", "meet"): -2, ("THREATEN", None): -3.5, ("THREATEN", "restrict"): -3, ("THREATEN", "arrest"): -3.5,
    ("THREATEN", "relations"): -3.5, ("THREATEN", "expel"): -3.5, ("THREATEN", "territory"): -4,
    ("THREATEN", "violence"): -3.5, ("PROTEST", None): -5, ("PROTEST", "demo"): -5, ("PROTEST", "riot"): -7,
    ("PROTEST", "strike"): -5, ("PROTEST", "hunger"): -4.5, ("PROTEST", "boycott"): -4.5,
    ("PROTEST", "obstruct"): -4.5, ("SANCTION", None): -6, ("SANCTION", "convict"): -6,
    ("SANCTION", "expel"): -5.5, ("SANCTION", "withdraw"): -6, ("SANCTION", "discontinue"): -6,
    ("MOBILIZE", None): -5.5, ("MOBILIZE", "troops"): -6.5, ("MOBILIZE", "weapons"): -6.5,
    ("MOBILIZE", "police"): -5.5, ("MOBILIZE", "militia"): -6, ("COERCE", None): -7, ("COERCE", "seize"): -7,
    ("COERCE", "restrict"): -7, ("COERCE", "censor"): -6.5, ("COERCE", "curfew"): -6.5,
    ("COERCE", "martial-law"): -7.5, ("COERCE", "arrest"): -7, ("COERCE", "deport"): -7,
    ("COERCE", "withhold"): -7, ("COERCE", "misinformation"): -6.5, ("COERCE", "cyber"): -7,
    ("ASSAULT", None): -9, ("ASSAULT", "abduct"): -8.5, ("ASSAULT", "beat"): -7.5, ("ASSAULT", "torture"): -8.5,
    ("ASSAULT", "sexual"): -8.5, ("ASSAULT", "targeted"): -9.5, ("ASSAULT", "destroy"): -8.5,
    ("ASSAULT", "primitive"): -8, ("ASSAULT", "firearms"): -9, ("ASSAULT", "explosives"): -9,
    ("ASSAULT", "suicide-attack"): -9.5, ("ASSAULT", "aerial"): -9.5, ("ASSAULT", "drone"): -9.5,
    ("ASSAULT", "heavy-weapons"): -9.5, ("ASSAULT", "crowd-control"): -7.5, ("ASSAULT", "unconventional"): -10,
}
# The manual's auxiliary modes, which it asks a coder to put in the context.
_AUXILIARY = {"future": "future", "hypothetical": "hypothetical", "negated": "negation", "denied": "negation"}
# The location object's resolution: 5 sub-city, 4 city, 3 district, 2 province, 1 country.
_RESOLUTION = {"site": 5, "city": 4, "admin2": 3, "admin1": 2, "region": 2, "country": 1}


def _entity(actor: dict) -> dict:
    return {"code": actor["country"], "sector": actor["sector"], "entity_text": actor["name"],
            "identifier_id": actor["kb_id"], "identifier_text": actor["name"] if actor["kb_id"] else None}


def _location(place: dict | None) -> dict | None:
    if place is None:
        return None
    feature = place.get("feature")
    return {"resolved_place": place["name"], "geonameid": place.get("geonameid"), "lat": place["lat"],
            "lon": place["lon"], "city": place["name"] if feature == "city" else None,
            "province": place.get("admin1"), "country": country_info(place["country"])[1],
            "country_code": place["country"],
            "resolution": _RESOLUTION.get(feature)}


def plover_record(row: dict) -> dict:
    """One event row of the store as a PLOVER record."""
    mode = row["mode"]
    context = list(row["context"])
    if row["status"] in _AUXILIARY and _AUXILIARY[row["status"]] not in context:
        context.append(_AUXILIARY[row["status"]])
    scale = SCALE.get((row["type"], mode.lower() if mode else None), SCALE.get((row["type"], None)))
    return {
        "id": f"{row['article_id']}:{row['event_id']}",
        "date": row["date"],
        "actor": [_entity(a) for a in row["source"]],
        "recipient": [_entity(a) for a in row["target"]],
        "event": [row["type"]],
        "event_loc": _location(row["place"]),
        "event_text": [m["evidence"]["text"] for m in row["mentions"]] or [row["evidence"]["text"]],
        "quad_code": QUAD[row["type"]],
        "event_scale": scale,
        "mode": [mode] if mode else [],
        "context": context,
        "link": row["story_id"],
        "text_info": {"start": row["evidence"]["start"], "end": row["evidence"]["end"]},
        "cite_info": {"url": row["url"], "title": row["title"], "publication": row["publisher"], "language": "en",
                      "coder": f"eventwire {__version__}", "codebook": "PLOVER"},
        "coder": f"eventwire {__version__}",
        "coded_date": (row["ingested_at"] or "")[:10] or None,
        "date_basis": row["date_basis"], "status": row["status"], "according_to": row["according_to"],
        "cameo": row["cameo"],
        "goldstein": row["goldstein"], "article_id": row["article_id"], "event_id": row["event_id"],
    }


def write_plover(rows: Iterable[dict], out: IO[str]) -> int:
    """PLOVER JSON lines (the manual suggests newline-delimited JSON). Returns the record count."""
    n = 0
    for row in rows:
        out.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
        n += 1
    return n
