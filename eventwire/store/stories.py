"""Story events: one real event reported by many articles (and many times in one article).

The rule: members share the PLOVER type, the dyad (actors keyed by code, else KB id; unordered for
CONSULT and COOPERATE) and the polarity (denied or negated never joins asserted); their days (the
event's date, else the article's publication date) lie within one day of each other; their places are
compatible (one country, or none). An event with no actor on either side, or with no day (a future or
hypothetical event the text does not date), has nothing to compare across reports, so it joins only its
own article's and near-duplicate texts' reports (`placement`).

The partition is a function of the set of events, not of the order they arrived in: per key, days are
swept into windows ``[start, start + 1 day]`` from the earliest, and within a window events group by
country, an event without a place joining the largest group. Ingest recomputes only the windows an
article touched (`refresh`); ``stories --rebuild`` recomputes everything (`rebuild`) and gets the same
stories with the same ids, since an id is a hash of the key, the window start and the country.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from sqlalchemy import Connection, and_, bindparam, delete, false, insert, or_, select, update

from eventwire.store.tables import actors, articles, event_actors, event_mentions, events, places, stories

__all__ = ["UNORDERED", "day", "partition", "placement", "rebuild", "refresh", "rekey", "story_key", "windows"]

UNORDERED = frozenset({"CONSULT", "COOPERATE"})
NEGATIVE = frozenset({"denied", "negated"})
UNDATED_BY_PUBLICATION = frozenset({"future", "hypothetical"})
_CHUNK = 2000  # ids per IN (...) list: well inside SQLite's and PostgreSQL's parameter limits

Touched = set[tuple[str, str | None]]


def day(value: str | None) -> str | None:
    """``YYYY-MM-DD`` of a date or datetime string, None when there is none or it is not a date."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def story_key(type_: str, status: str, source: list[str], target: list[str], root: str | None) -> str:
    """What every member of a story shares, as JSON: type, polarity, dyad, and the text root when confined.

    A CONSULT or COOPERATE dyad is the set of its participants ("Kim met Putin" and "Kim and Putin met"
    are one meeting); other types keep source and target apart.
    """
    polarity = "neg" if status in NEGATIVE else "pos"
    dyad = [sorted(set(source) | set(target))] if type_ in UNORDERED else [sorted(set(source)), sorted(set(target))]
    return json.dumps([type_, polarity, dyad, root], ensure_ascii=False)


def placement(type_: str, status: str, source: list[str], target: list[str], event_date: str | None,
              published: str | None, root: str) -> tuple[str, str | None]:
    """An event's story key and day.

    The day is the event's date, else (for an event stated as having happened, or denied) the article's
    publication date, as GDELT and ICEWS date events; a future or hypothetical event gets a day only from
    its text. An event with no actor on either side or no day has nothing to compare across reports, so
    it is confined to its own text (``root``: the article, or the original it is a near-duplicate of).
    """
    d = day(event_date) or (day(published) if status not in UNDATED_BY_PUBLICATION else None)
    confined = d is None or not (source or target)
    return story_key(type_, status, source, target, root if confined else None), d


def rekey(key: str, root: str) -> str:
    """The key of a confined event whose article now has another original text; other keys stay."""
    type_, polarity, dyad, old = json.loads(key)
    return key if old is None else json.dumps([type_, polarity, dyad, root], ensure_ascii=False)


def windows(days: Iterable[str]) -> list[tuple[str, str]]:
    """Consecutive windows (first day, last day present), each within one day of its first day."""
    out: list[tuple[str, str]] = []
    for current in sorted(set(days)):
        if out and date.fromisoformat(current) <= date.fromisoformat(out[-1][0]) + timedelta(days=1):
            out[-1] = (out[-1][0], current)
        else:
            out.append((current, current))
    return out


def partition(members: list[dict]) -> dict[str | None, list[dict]]:
    """Members of one window grouped by place: one group per country, placeless ones in the largest group."""
    counts = Counter(m["country"] for m in members if m["country"])
    if not counts:
        return {None: members}
    largest = min(counts, key=lambda c: (-counts[c], c))
    groups: dict[str | None, list[dict]] = defaultdict(list)
    for m in members:
        groups[m["country"] or largest].append(m)
    return dict(groups)


def story_id(key: str, start: str | None, country: str | None) -> str:
    """A story's id: stable for the same key, window and country whatever order the reports came in."""
    raw = "\x1f".join((key, start or "undated", country or ""))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def refresh(conn: Connection, touched: Touched) -> None:
    """Recompute the stories of the (key, day) pairs an article added or removed events at."""
    keys = sorted({key for key, _ in touched if key})
    for chunk in _chunks(keys):
        _refresh_keys(conn, chunk, touched)


def rebuild(conn: Connection) -> int:
    """Recompute every story key and story from the stored events; return the number of stories."""
    conn.execute(delete(stories))
    conn.execute(update(events).values(story_id=None))
    _rekey_all(conn)
    keys = sorted(set(conn.scalars(select(events.c.story_key).distinct())))
    for chunk in _chunks(keys):
        _refresh_keys(conn, chunk, None)
    return len(conn.execute(select(stories.c.id)).all())


def _chunks(items: list) -> Iterator[list]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _refresh_keys(conn: Connection, keys: list[str], touched: Touched | None) -> None:
    days: dict[str, set[str | None]] = defaultdict(set)
    for key, d in conn.execute(select(events.c.story_key, events.c.story_day)
                               .where(events.c.story_key.in_(keys)).group_by(events.c.story_key, events.c.story_day)):
        days[key].add(d)
    stored: dict[str, set[str | None]] = defaultdict(set)
    for key, start in conn.execute(select(stories.c.key, stories.c.window_start).where(stories.c.key.in_(keys))):
        stored[key].add(start)
    ranges = [(key, start, end) for key in keys for start, end in _affected(key, days[key], stored[key], touched)]
    if ranges:
        _write_stories(conn, ranges)
    referenced = select(events.c.story_id).where(events.c.story_key.in_(keys), events.c.story_id.is_not(None))
    conn.execute(delete(stories).where(stories.c.key.in_(keys), stories.c.id.not_in(referenced)))


def _affected(key: str, days: set[str | None], stored: set[str | None],
              touched: Touched | None) -> list[tuple[str | None, str | None]]:
    """Windows of ``key`` to recompute: new ones, and those within a day of a touched day."""
    hit = {d for k, d in touched if k == key} if touched is not None else None
    out: list[tuple[str | None, str | None]] = []
    for start, end in windows(d for d in days if d is not None):
        reach = (date.fromisoformat(start) + timedelta(days=1)).isoformat()
        if hit is None or start not in stored or any(d is not None and start <= d <= reach for d in hit):
            out.append((start, end))
    if None in days and (hit is None or None in hit or None not in stored):
        out.append((None, None))
    return out


def _write_stories(conn: Connection, ranges: list[tuple[str, str | None, str | None]]) -> None:
    members = _members(conn, ranges)
    new_rows, assignments = [], []
    for (key, start, _end), window_members in members.items():
        for country, group in partition(window_members).items():
            sid = story_id(key, start, country)
            new_rows.append(_story_row(sid, key, start, country, group))
            assignments += [{"event": m["pk"], "story": sid} for m in group if m["story_id"] != sid]
    if assignments:
        conn.execute(update(events).where(events.c.pk == bindparam("event")).values(story_id=bindparam("story")),
                     assignments)
    ids = [row["id"] for row in new_rows]
    for chunk in _chunks(ids):
        conn.execute(delete(stories).where(stories.c.id.in_(chunk)))
    for chunk in _chunks(new_rows):
        conn.execute(insert(stories), chunk)


def _members(conn: Connection, ranges: list[tuple[str, str | None, str | None]]) -> dict[tuple, list[dict]]:
    """Every event in the given windows with what its story line needs, grouped by window.

    One query per chunk of keys fetches the keys' events between the earliest and the latest day of
    the windows (and the undated ones when asked); the rows are then sorted into the windows here.
    """
    by_key: dict[str, list[tuple[str | None, str | None]]] = defaultdict(list)
    for key, start, end in ranges:
        by_key[key].append((start, end))
    dated = [d for _, start, end in ranges if start is not None for d in (start, end)]
    day_condition = or_(events.c.story_day.between(min(dated), max(dated)) if dated else false(),
                        events.c.story_day.is_(None) if any(start is None for _, start, _ in ranges) else false())
    query = (
        select(events.c.pk, events.c.id, events.c.type, events.c.cameo, events.c.date, events.c.date_basis,
               events.c.story_key,
               events.c.story_day, events.c.story_country.label("country"), events.c.story_id,
               articles.c.id.label("article"), articles.c.outlet, articles.c.duplicate_of,
               places.c.name.label("place_name"), places.c.country.label("place_country"),
               places.c.lat, places.c.lon, places.c.feature, places.c.admin1, articles.c.url,
               articles.c.ingested_at, events.c.goldstein)
        .join(articles, articles.c.pk == events.c.article_pk)
        .outerjoin(places, and_(places.c.article_pk == events.c.article_pk, places.c.id == events.c.place_id))
        .where(day_condition)
    )
    grouped: dict[tuple, list[dict]] = defaultdict(list)
    for chunk in _chunks(sorted(by_key)):
        for row in conn.execute(query.where(events.c.story_key.in_(chunk))).mappings():
            window = _window_of(row["story_day"], by_key[row["story_key"]])
            if window is not None:
                grouped[(row["story_key"], *window)].append(dict(row))
    _attach(conn, [row for rows in grouped.values() for row in rows])
    for rows in grouped.values():
        rows.sort(key=lambda r: (r["article"], r["pk"]))
    return grouped


def _window_of(d: str | None, windows_: list[tuple[str | None, str | None]]) -> tuple[str | None, str | None] | None:
    for start, end in windows_:
        if (start is None and d is None) or (start is not None and d is not None and start <= d <= end):
            return start, end
    return None


def _attach(conn: Connection, rows: list[dict]) -> None:
    """Add each event's actors (by role) and mentions."""
    by_pk = {r["pk"]: r for r in rows}
    for r in rows:
        r["source"], r["target"], r["mentions"] = [], [], []
    for chunk in _chunks(list(by_pk)):
        actor_rows = conn.execute(
            select(event_actors.c.event_pk, event_actors.c.role, actors.c.name, actors.c.country, actors.c.sector,
                   actors.c.code, actors.c.key)
            .join(events, events.c.pk == event_actors.c.event_pk)
            .join(actors, and_(actors.c.article_pk == events.c.article_pk, actors.c.id == event_actors.c.actor_id))
            .where(event_actors.c.event_pk.in_(chunk))
            .order_by(event_actors.c.event_pk, event_actors.c.role, event_actors.c.position)
        ).mappings()
        for a in actor_rows:
            by_pk[a["event_pk"]][a["role"]].append(dict(a))
        mention_rows = conn.execute(
            select(event_mentions).where(event_mentions.c.event_pk.in_(chunk))
            .order_by(event_mentions.c.event_pk, event_mentions.c.position)
        ).mappings()
        for m in mention_rows:
            by_pk[m["event_pk"]]["mentions"].append(dict(m))


def _story_row(sid: str, key: str, start: str | None, country: str | None, group: list[dict]) -> dict:
    line = story_line(sid, group)
    return {"id": sid, "key": key, "window_start": start, "country": country, "type": line["type"],
            "date": line["date"], "num_articles": line["num_articles"],
            "num_distinct_texts": line["num_distinct_texts"], "num_mentions": line["num_mentions"],
            "num_sources": line["num_sources"], "data": json.dumps(line, ensure_ascii=False)}


def _most_common(values: Iterable) -> object | None:
    counts = Counter(v for v in values if v is not None)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _side(members: list[dict], first: dict, role: str) -> list[dict]:
    """The actors on one side of the story, each once (by key), named by their most common name.

    The first member's split decides the sides: every member has the same actor keys (an unordered
    dyad may split them otherwise, "Kim met Putin" against "Kim and Putin met").
    """
    keys = {a["key"] for a in first[role]}
    names: dict[str, Counter] = defaultdict(Counter)
    info: dict[str, dict] = {}
    for m in members:
        for a in m["source"] + m["target"]:
            if a["key"] in keys:
                names[a["key"]][a["name"]] += 1
                info.setdefault(a["key"], a)
    return [{"name": min(names[k], key=lambda n: (-names[k][n], n)), "country": info[k]["country"],
             "sector": info[k]["sector"], "code": info[k]["code"]} for k in sorted(info)]


_SPECIFIC = {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}


def _place(members: list[dict]) -> dict | None:
    """The most often named place of the members; between equals, the most specific one."""
    found: dict[tuple, dict] = {}
    counts: Counter = Counter()
    for m in members:
        if m["place_name"]:
            key = (m["place_name"], m["place_country"] or "")
            counts[key] += 1
            found.setdefault(key, m)
    if not counts:
        return None
    best = min(counts, key=lambda k: (-counts[k], _SPECIFIC.get(found[k]["feature"], 6), k))
    m = found[best]
    return {"name": m["place_name"], "country": m["place_country"], "lat": m["lat"], "lon": m["lon"],
            "feature": m["feature"], "admin1": m["admin1"]}


def _date_basis(members: list[dict], story_date: str | None) -> str | None:
    """``text`` when a report states the story's day in a time expression, ``published`` when the day is a
    publication day (the event's, or the article's for an undated event), None when the documents do not say."""
    bases = {m["date_basis"] if m["date"] else "published"
             for m in members if story_date is not None and (m["date"] or m["story_day"]) == story_date}
    return "text" if "text" in bases else "published" if "published" in bases else None


def story_line(sid: str, members: list[dict]) -> dict:
    """The story as one JSON line: who, what, when, where, and every report of it."""
    members = sorted(members, key=lambda m: (m["article"], m["pk"]))
    first = members[0]
    article_ids = sorted({m["article"] for m in members})
    roots = {m["article"]: m["duplicate_of"] or m["article"] for m in members}
    outlets = {m["article"]: m["outlet"] or f"article:{m['article']}" for m in members}
    cameo = _most_common(m["cameo"] for m in members)
    mentions = [
        {"article": m["article"], "event": m["id"],
         "evidence": {"start": x["evidence_start"], "end": x["evidence_end"], "text": x["evidence_text"]},
         "status": x["status"], "according_to": x["according_to"], "date": x["date"]}
        for m in members for x in m["mentions"]
    ]
    story_date = _most_common(m["date"] for m in members) or _most_common(m["story_day"] for m in members)
    return {
        "id": sid, "type": first["type"], "cameo": cameo,
        "source": _side(members, first, "source"), "target": _side(members, first, "target"),
        "date": story_date, "date_basis": _date_basis(members, story_date),
        "goldstein": _most_common(m["goldstein"] for m in members if m["cameo"] == cameo),
        "place": _place(members), "articles": article_ids, "mentions": mentions,
        "num_articles": len(article_ids), "num_distinct_texts": len(set(roots.values())),
        "num_mentions": len(mentions), "num_sources": len(set(outlets.values())),
        "date_added": min(m["ingested_at"] for m in members),
        "source_url": next((m["url"] for m in sorted(members, key=lambda m: (m["ingested_at"], m["article"]))
                            if m["url"]), None),
    }


def _rekey_all(conn: Connection) -> None:
    """Recompute every event's story key, day and country from the stored rows (the rule may have changed)."""
    sides: dict[int, dict[str, set[str]]] = defaultdict(lambda: {"source": set(), "target": set()})
    for event_pk, role, key in conn.execute(
        select(event_actors.c.event_pk, event_actors.c.role, actors.c.key)
        .join(events, events.c.pk == event_actors.c.event_pk)
        .join(actors, and_(actors.c.article_pk == events.c.article_pk, actors.c.id == event_actors.c.actor_id))
    ):
        sides[event_pk][role].add(key)
    rows = conn.execute(
        select(events.c.pk, events.c.type, events.c.status, events.c.date, events.c.story_key,
               events.c.story_day, events.c.story_country, articles.c.id.label("article"), articles.c.published,
               articles.c.duplicate_of, places.c.country)
        .join(articles, articles.c.pk == events.c.article_pk)
        .outerjoin(places, and_(places.c.article_pk == events.c.article_pk, places.c.id == events.c.place_id))
    ).mappings().all()
    changes = []
    for r in rows:
        side = sides.get(r["pk"], {"source": set(), "target": set()})
        key, d = placement(r["type"], r["status"], sorted(side["source"]), sorted(side["target"]), r["date"],
                           r["published"], r["duplicate_of"] or r["article"])
        if (key, d, r["country"]) != (r["story_key"], r["story_day"], r["story_country"]):
            changes.append({"event": r["pk"], "k": key, "d": d, "c": r["country"]})
    if changes:
        conn.execute(update(events).where(events.c.pk == bindparam("event"))
                     .values(story_key=bindparam("k"), story_day=bindparam("d"), story_country=bindparam("c")),
                     changes)
