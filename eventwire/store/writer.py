"""Writing one article: its document's rows, its history, its near-duplicate link, in one transaction.

Identity: an article is its id plus the SHA-256 of its text. The same pair again writes nothing; the
same id with another text moves the old version to ``history`` and replaces every row of the article.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from sqlalchemy import Connection, delete, insert, or_, select, update

from eventwire import dedup
from eventwire.schema import Attribution, Document, Event
from eventwire.store import stories
from eventwire.store.tables import (
    actors,
    article_bands,
    articles,
    attributions,
    errors,
    event_actors,
    event_mentions,
    events,
    history,
    places,
    times,
)

__all__ = ["PutResult", "actor_key", "put_article", "put_error", "text_sha256"]


@dataclass(frozen=True)
class PutResult:
    """What storing one article did: ``stored`` (new), ``replaced`` (new text for a known id) or ``unchanged``."""

    article_id: str
    outcome: str
    events: int
    duplicate_of: str | None = None


def text_sha256(text: str) -> str:
    """The identity hash of an article text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now() -> str:
    """UTC time of a write, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def actor_key(code: str | None, kb_id: str | None, name: str) -> str:
    """What a dyad is keyed by: the actor code (RUSGOV), else the KB id, else the folded name."""
    if code:
        return code
    if kb_id:
        return f"kb:{kb_id}"
    return "name:" + " ".join(name.casefold().split())


def put_article(conn: Connection, document: Document, text: str, source: str | None, line: int | None) -> PutResult:
    """Store one document (no error) with the text its offsets index; the caller holds the write transaction."""
    article_id = document.article.id
    sha = text_sha256(text)
    old = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
    if old is not None and old["sha256"] == sha:
        return PutResult(article_id, "unchanged", old["num_events"], old["duplicate_of"])
    touched: set[tuple[str, str | None]] = set()
    followers: list[int] = []
    if old is not None:
        touched |= _remove(conn, old)
        followers = list(conn.scalars(select(articles.c.pk).where(articles.c.duplicate_of == article_id)))
    signature = dedup.signature(text)
    duplicate_of = _find_original(conn, signature, exclude=article_id)
    pk = _insert_article(conn, document, text, sha, source, line, signature, duplicate_of)
    touched |= _insert_items(conn, pk, document, duplicate_of or article_id)
    for follower in followers:
        touched |= _relink_duplicate(conn, follower)
    stories.refresh(conn, touched)
    return PutResult(article_id, "replaced" if old is not None else "stored", len(document.events), duplicate_of)


def put_error(conn: Connection, code: str, message: str, source: str | None, line: int | None,
              article_id: str | None) -> bool:
    """Record a bad input record once (the same error from the same place again is not a new row)."""
    key = json.dumps([source, line, article_id, code, message], ensure_ascii=False)
    fingerprint = hashlib.sha256(key.encode("utf-8")).hexdigest()
    if conn.scalar(select(errors.c.pk).where(errors.c.fingerprint == fingerprint)) is not None:
        return False
    conn.execute(insert(errors).values(fingerprint=fingerprint, code=code, message=message, source=source,
                                       line=line, article_id=article_id, at=now()))
    return True


def _remove(conn: Connection, old) -> set[tuple[str, str | None]]:
    """Keep the old version in ``history`` and delete its rows; return the story keys it was part of."""
    touched = {(row.story_key, row.story_day) for row in conn.execute(
        select(events.c.story_key, events.c.story_day).where(events.c.article_pk == old["pk"]))}
    conn.execute(insert(history).values(article_id=old["id"], sha256=old["sha256"], text=old["text"],
                                        document=old["document"], ingested_at=old["ingested_at"], replaced_at=now()))
    conn.execute(delete(articles).where(articles.c.pk == old["pk"]))
    return touched


def _find_original(conn: Connection, signature, exclude: str) -> str | None:
    """The id of the earliest stored article this text is a near-duplicate of (its own original, if it has one)."""
    if signature is None:
        return None
    rows = conn.execute(
        select(articles.c.pk, articles.c.id, articles.c.minhash, articles.c.duplicate_of)
        .where(articles.c.pk.in_(select(article_bands.c.article_pk)
                                 .where(article_bands.c.key.in_(dedup.band_keys(signature)))))
        .where(articles.c.id != exclude)
        # the article's own followers are relinked after it (they may now follow its new text)
        .where(or_(articles.c.duplicate_of.is_(None), articles.c.duplicate_of != exclude))
        .order_by(articles.c.pk)
    )
    for row in rows:
        if row.minhash is not None and dedup.similarity(signature, dedup.from_bytes(row.minhash)) >= dedup.THRESHOLD:
            return row.duplicate_of or row.id
    return None


def _outlet(document: Document) -> str | None:
    article = document.article
    if article.publisher:
        return article.publisher.strip()
    host = urlsplit(article.url).hostname if article.url else None
    if host:
        return host.removeprefix("www.")
    return article.credit.strip() if article.credit else None


def _insert_article(conn: Connection, document: Document, text: str, sha: str, source: str | None,
                    line: int | None, signature, duplicate_of: str | None) -> int:
    article = document.article
    pk = conn.execute(insert(articles).returning(articles.c.pk).values(
        id=article.id, sha256=sha, published=article.published, title=article.title, url=article.url,
        publisher=article.publisher, credit=article.credit, outlet=_outlet(document), text=text,
        document=document.to_json(), num_events=len(document.events), source=source, line=line,
        ingested_at=now(), minhash=dedup.to_bytes(signature) if signature is not None else None,
        duplicate_of=duplicate_of,
    )).scalar_one()
    if signature is not None:
        conn.execute(insert(article_bands), [{"article_pk": pk, "key": k} for k in dedup.band_keys(signature)])
    return pk


def _chains(items: list[Attribution]) -> dict[str, str]:
    """Attribution id -> its chain of sources from the outermost in ('Tass → Kremlin spokesperson Dmitry Peskov')."""
    by_id = {a.id: a for a in items}
    chains: dict[str, str] = {}
    for item in items:
        names, seen, current = [], set(), item
        while current is not None and current.id not in seen:
            seen.add(current.id)
            names.append(current.source_text or current.cue)
            current = by_id.get(current.parent) if current.parent else None
        chains[item.id] = " → ".join(reversed(names))
    return chains


def _insert_items(conn: Connection, pk: int, document: Document, text_root: str) -> set[tuple[str, str | None]]:
    """Every item of the document; returns the (story key, day) pairs its events belong to."""
    keyed = {a.id: actor_key(a.code, a.kb_id, a.name) for a in document.actors}
    _rows(conn, actors, [{"article_pk": pk, **a.model_dump(exclude={"mentions"}), "key": keyed[a.id]}
                         for a in document.actors])
    _rows(conn, places, [{"article_pk": pk, **p.model_dump(exclude={"mentions"})} for p in document.places])
    _rows(conn, times, [{"article_pk": pk, **t.model_dump()} for t in document.times])
    chains = _chains(document.attributions)
    _rows(conn, attributions, [{"article_pk": pk, **a.model_dump(), "chain": chains[a.id]}
                               for a in document.attributions])
    if not document.events:
        return set()
    countries = {p.id: p.country for p in document.places}
    published = document.article.published[:10] if document.article.published else None
    rows = [_event_row(pk, e, keyed, countries, chains, published, text_root) for e in document.events]
    pks = conn.execute(insert(events).returning(events.c.pk, sort_by_parameter_order=True), rows).scalars().all()
    _rows(conn, event_actors, [
        {"event_pk": epk, "role": role, "position": i, "actor_id": actor_id}
        for epk, e in zip(pks, document.events, strict=True)
        for role, ids in (("source", e.source), ("target", e.target)) for i, actor_id in enumerate(ids)
    ])
    _rows(conn, event_mentions, [
        {"event_pk": epk, "position": i, **m} for epk, e in zip(pks, document.events, strict=True)
        for i, m in enumerate(_mentions(e, chains))
    ])
    return {(row["story_key"], row["story_day"]) for row in rows}


def _rows(conn: Connection, table, rows: list[dict]) -> None:
    if rows:
        conn.execute(insert(table), rows)


def _event_row(pk: int, e: Event, keyed: dict[str, str], countries: dict[str, str | None],
               chains: dict[str, str], published: str | None, text_root: str) -> dict:
    country = countries.get(e.place) if e.place else None
    source = sorted({keyed[a] for a in e.source if a in keyed})
    target = sorted({keyed[a] for a in e.target if a in keyed})
    key, story_day = stories.placement(e.type, e.status, source, target, e.date, published, text_root)
    return {
        "article_pk": pk, "id": e.id, "type": e.type, "mode": e.mode, "context": json.dumps(e.context),
        "cameo": e.cameo, "goldstein": e.goldstein, "date": e.date, "date_basis": e.date_basis, "status": e.status,
        "place_id": e.place, "attribution_id": e.attribution,
        "according_to": chains.get(e.attribution) if e.attribution else None,
        "evidence_start": e.evidence.start, "evidence_end": e.evidence.end, "evidence_text": e.evidence.text,
        "confidence": e.confidence, "rule": e.rule,
        "story_key": key, "story_day": story_day, "story_country": country,
    }


def _mentions(e: Event, chains: dict[str, str]) -> list[dict]:
    """The event's reports in the article; an event without a mentions list is its own single mention."""
    items = e.mentions or [e]
    return [{
        "evidence_start": m.evidence.start, "evidence_end": m.evidence.end, "evidence_text": m.evidence.text,
        "status": m.status, "attribution_id": m.attribution,
        "according_to": chains.get(m.attribution) if m.attribution else None, "date": m.date,
    } for m in items]


def _relink_duplicate(conn: Connection, pk: int) -> set[tuple[str, str | None]]:
    """An article whose original was replaced: find its original again and re-key its events."""
    row = conn.execute(select(articles.c.id, articles.c.minhash, articles.c.published)
                       .where(articles.c.pk == pk)).one()
    signature = dedup.from_bytes(row.minhash) if row.minhash is not None else None
    original = _find_original(conn, signature, exclude=row.id)
    conn.execute(update(articles).where(articles.c.pk == pk).values(duplicate_of=original))
    touched: set[tuple[str, str | None]] = set()
    event_rows = conn.execute(select(events.c.pk, events.c.story_key, events.c.story_day)
                              .where(events.c.article_pk == pk)).all()
    for event_pk, key, day in event_rows:
        touched.add((key, day))
        new_key = stories.rekey(key, original or row.id)
        if new_key != key:
            conn.execute(update(events).where(events.c.pk == event_pk).values(story_key=new_key))
            touched.add((new_key, day))
    return touched

