"""One event per real event: the mentions of one event inside an article become one record.

An article tells the same event several times ("arrived on Wednesday ... for a summit", then "the two
leaders had arrived Wednesday morning at Vostochny"; "Kim arrived on Tuesday", then "the Kremlin
confirmed his arrival on Tuesday"). Counting them apart inflates every count. Mentions merge when
they have the same PLOVER type, compatible parties (the same actors or codes, or one side unnamed) with
at least one in common, compatible days and places, and statuses that can describe one event: a denied
or negated mention
never merges with one that says the event happened, nor a future with a past one. In a meeting type, one
side's act and a meeting of several ("Kim departed Pyongyang", "Kim was greeted by a Russian official")
merge only when told in one word family or of one stated day.
"""

from __future__ import annotations

from collections import defaultdict

from eventwire.schema import Actor, Event, EventMention

__all__ = ["merge_mentions"]

# Status groups that may describe one event, and the order of strength inside a group.
_GROUP = {"confirmed": 0, "reported": 0, "asserted": 0, "future": 1, "hypothetical": 2, "denied": 3, "negated": 4}
_STRENGTH = {"confirmed": 3, "reported": 2, "asserted": 1}
SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})


def merge_mentions(events: list[Event], actors: dict[str, Actor], place_country: dict[str, str | None]
                   ) -> list[Event]:
    """Events with their ``mentions``; ids renumbered e1, e2, ... in order of first mention.

    A mention joins the first group it fits. Fitting a group needs the type, the status group and a
    party in common with its first mention, so groups are indexed by those: a mention is compared only
    with the groups it could join, not with every event of the article before it.
    """
    groups: list[_Group] = []
    index: dict[tuple[str, int, str], list[int]] = defaultdict(list)
    for event in events:
        telling = _Telling(event, actors, place_country)
        keys = [(event.type, _GROUP[event.status], k) for k in sorted(telling.parties[0] | telling.parties[1])]
        near = sorted({n for key in keys for n in index.get(key, ())})
        found = next((n for n in near if groups[n].fits(telling)), None)
        if found is None:
            for key in keys:
                index[key].append(len(groups))
            groups.append(_Group())
            found = len(groups) - 1
        groups[found].add(telling)
    return [_combine(g.events, f"e{n}") for n, g in enumerate(groups, 1)]


class _Telling:
    """What merging compares of one mention: its text date, its place's country and its parties' keys."""

    def __init__(self, event: Event, actors: dict[str, Actor], place_country: dict) -> None:
        self.event = event
        self.date = event.date if event.date_basis == "text" else None
        self.country = place_country.get(event.place or "")
        if event.type in SYMMETRIC:  # one side: who met whom is the same meeting
            self.parties = (frozenset(_keys(event.source + event.target, actors)), frozenset())
        else:
            self.parties = (frozenset(_keys(event.source, actors)), frozenset(_keys(event.target, actors)))


class _Group:
    """The mentions of one event, with what a new mention must agree with. Mentions with the same parties
    are compared once: an article telling one event 400 times costs 400 checks, not 80,000."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self.date: str | None = None
        self.country: str | None = None
        self.parties: set[tuple[frozenset[str], frozenset[str]]] = set()

    def fits(self, t: _Telling) -> bool:
        if self.date and t.date and self.date != t.date or self.country and t.country and self.country != t.country:
            return False
        if t.event.type in SYMMETRIC and not (self.date and t.date) and self._one_and_many(t):
            return False
        return all(_parties_fit(p, t.parties) for p in self.parties)

    def _one_and_many(self, t: _Telling) -> bool:
        """One side's act and a meeting of several told with other words ("Kim departed Pyongyang", "Kim
        was greeted by a Russian official") are two acts of one trip, unless told of the same stated day;
        told with one word ("the leaders met", "Putin met") they are one meeting."""
        sizes = {len(p[0]) for p in self.parties} | {len(t.parties[0])}
        return 1 in sizes and len(sizes) > 1 and _family(t.event) not in {_family(e) for e in self.events}

    def add(self, t: _Telling) -> None:
        self.events.append(t.event)
        self.date, self.country = self.date or t.date, self.country or t.country
        self.parties.add(t.parties)


def _parties_fit(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Two tellings of one event share a party, and on each side one names nobody or one's parties are all
    among the other's (by actor or by code)."""
    if not (a[0] | a[1]) & (b[0] | b[1]):
        return False
    return all(not x or not y or x <= y or y <= x for x, y in zip(a, b, strict=True))


def _family(event: Event) -> str:
    """The trigger's word family, by its first four letters: "arrived" and "arrival", "talks" and "talked"."""
    return event.trigger.text.lower()[:4]


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
