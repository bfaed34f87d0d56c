"""One event per real event: the mentions of one event inside an article become one record.

An article tells the same event several times ("arrived on Wednesday ... for a summit", then "the two
leaders had arrived Wednesday morning at Vostochny"; "Kim arrived on Tuesday", then "the Kremlin
confirmed his arrival on Tuesday"). Counting them apart inflates every count. Mentions merge when
they have the same PLOVER type, compatible parties (the same actors or codes, or one side unnamed) with
at least one in common, compatible days and places, and statuses that can describe one event: a denied
or negated mention
never merges with one that says the event happened, nor a future with a past one.
"""

from __future__ import annotations

from eventwire.schema import Actor, Event, EventMention

__all__ = ["merge_mentions"]

# Status groups that may describe one event, and the order of strength inside a group.
_GROUP = {"confirmed": 0, "reported": 0, "asserted": 0, "future": 1, "hypothetical": 2, "denied": 3, "negated": 4}
_STRENGTH = {"confirmed": 3, "reported": 2, "asserted": 1}
SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})


def merge_mentions(events: list[Event], actors: dict[str, Actor], place_country: dict[str, str | None]
                   ) -> list[Event]:
    """Events with their ``mentions``; ids renumbered e1, e2, ... in order of first mention."""
    merged: list[list[Event]] = []
    for event in events:
        group = next((g for g in merged if _fits(g, event, actors, place_country)), None)
        if group is None:
            merged.append([event])
        else:
            group.append(event)
    return [_combine(g, f"e{n}") for n, g in enumerate(merged, 1)]


def _fits(group: list[Event], event: Event, actors: dict[str, Actor], place_country: dict) -> bool:
    return all(_same(other, event, actors, place_country) for other in group)


def _same(a: Event, b: Event, actors: dict[str, Actor], place_country: dict) -> bool:
    if a.type != b.type or _GROUP[a.status] != _GROUP[b.status]:
        return False
    if a.date_basis == "text" and b.date_basis == "text" and a.date != b.date:
        return False
    pa, pb = place_country.get(a.place or ""), place_country.get(b.place or "")
    if pa and pb and pa != pb:
        return False
    if not _keys(a.source + a.target, actors) & _keys(b.source + b.target, actors):
        return False  # two tellings of one event share a party
    if a.type in SYMMETRIC:
        return _parties_fit(a.source + a.target, b.source + b.target, actors)
    return _parties_fit(a.source, b.source, actors) and _parties_fit(a.target, b.target, actors)


def _parties_fit(x: list[str], y: list[str], actors: dict[str, Actor]) -> bool:
    """One side names nobody, or one side's parties are all among the other's (by actor or by code)."""
    if not x or not y:
        return True
    kx, ky = _keys(x, actors), _keys(y, actors)
    return kx <= ky or ky <= kx


def _keys(ids: list[str], actors: dict[str, Actor]) -> set[str]:
    return {_key(actors, a) for a in ids}


def _key(actors: dict[str, Actor], aid: str) -> str:
    actor = actors.get(aid)
    return (actor.kb_id or actor.code or aid) if actor else aid


def _combine(group: list[Event], eid: str) -> Event:
    """The first mention's record, with the strongest status, the union of the parties, a day from the
    text when a mention gives one, and every mention listed."""
    first = group[0]
    strongest = max(group, key=lambda e: _STRENGTH.get(e.status, 0))
    dated = next((e for e in group if e.date_basis == "text"), None) or first
    mentions = [EventMention(evidence=e.evidence, trigger=e.trigger, status=e.status, attribution=e.attribution,
                             date=e.date) for e in group]
    union = lambda key: list(dict.fromkeys(a for e in group for a in getattr(e, key)))  # noqa: E731
    source, target = union("source"), union("target")
    return first.model_copy(update={
        "id": eid, "status": strongest.status, "attribution": strongest.attribution,
        "date": dated.date, "date_basis": dated.date_basis, "time": dated.time,
        "place": next((e.place for e in group if e.place), None),
        "source": source, "target": [a for a in target if a not in source],
        "confidence": max(e.confidence for e in group), "mentions": mentions,
    })
