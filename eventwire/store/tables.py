"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

The migrations in ``migrations/versions`` build exactly these tables (a test compares them); a change
here needs a new migration. Dates are ISO strings (``YYYY-MM-DD``), which sort and compare alike on
both backends. Items inside a document keep their own ids (``a3``, ``e7``); rows are keyed by the
article's surrogate key ``article_pk`` plus that id, and cascade away with the article.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

__all__ = [
    "actors", "article_bands", "articles", "attributions", "errors", "event_actors", "event_mentions", "events",
    "history", "metadata", "places", "stories", "times",
]

metadata = MetaData()


def _article_fk() -> Column:
    return Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False)


articles = Table(
    "articles", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(512), nullable=False, unique=True),
    Column("sha256", String(64), nullable=False),
    Column("published", String(40)),
    Column("title", Text),
    Column("url", Text),
    Column("publisher", Text),
    Column("credit", Text),
    Column("outlet", Text, doc="publisher, else the URL's host, else the credit line: what num_sources counts"),
    Column("text", Text, nullable=False),
    Column("document", Text, nullable=False, doc="the contract's document, as JSON"),
    Column("num_events", Integer, nullable=False),
    Column("source", Text, doc="the input it was read from"),
    Column("line", Integer),
    Column("ingested_at", String(32), nullable=False),
    # near-duplicates (migration 0002)
    Column("minhash", LargeBinary, doc="near-duplicate fingerprint (eventwire.dedup)"),
    Column("duplicate_of", String(512), doc="id of the earlier article this one is a near-duplicate of"),
)

# near-duplicates (migration 0002): the LSH band keys of each article's fingerprint
article_bands = Table(
    "article_bands", metadata,
    _article_fk(),
    Column("key", BigInteger, nullable=False),
    Index("ix_article_bands_key", "key"),
    Index("ix_article_bands_article", "article_pk"),
)

actors = Table(
    "actors", metadata,
    _article_fk(),
    Column("id", String(64), nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("country", String(16)),
    Column("sector", String(16)),
    Column("code", String(32)),
    Column("kb_id", String(128)),
    Column("key", Text, nullable=False, doc="what a dyad is keyed by: code, else KB id, else the name"),
    UniqueConstraint("article_pk", "id", name="uq_actors_article_id"),
    Index("ix_actors_code", "code"),
    Index("ix_actors_country", "country"),
)

places = Table(
    "places", metadata,
    _article_fk(),
    Column("id", String(64), nullable=False),
    Column("name", Text, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(16)),
    Column("admin1", Text),
    Column("feature", String(32)),
    Column("geonameid", BigInteger),
    UniqueConstraint("article_pk", "id", name="uq_places_article_id"),
)

times = Table(
    "times", metadata,
    _article_fk(),
    Column("id", String(64), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String(64), nullable=False),
    Column("type", String(16), nullable=False),
    UniqueConstraint("article_pk", "id", name="uq_times_article_id"),
)

attributions = Table(
    "attributions", metadata,
    _article_fk(),
    Column("id", String(64), nullable=False),
    Column("source", String(64)),
    Column("source_text", Text),
    Column("cue", Text, nullable=False),
    Column("cue_start", Integer, nullable=False),
    Column("cue_end", Integer, nullable=False),
    Column("content_start", Integer),
    Column("content_end", Integer),
    Column("channel", Text),
    Column("parent", String(64)),
    Column("quote", Boolean, nullable=False),
    Column("chain", Text, nullable=False, doc="source texts from the outermost in: 'Tass → Peskov said'"),
    UniqueConstraint("article_pk", "id", name="uq_attributions_article_id"),
)

events = Table(
    "events", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("id", String(64), nullable=False),
    Column("type", String(16), nullable=False),
    Column("mode", Text),
    Column("context", Text, nullable=False, doc="JSON list"),
    Column("cameo", String(8)),
    Column("goldstein", Float),
    Column("date", String(10)),
    Column("date_basis", String(16)),
    Column("status", String(16), nullable=False),
    Column("place_id", String(64)),
    Column("attribution_id", String(64)),
    Column("according_to", Text),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("rule", Text),
    # story events (migration 0002)
    Column("story_key", Text, doc="JSON [type, polarity, dyad, text root or null]: what the members of a story share"),
    Column("story_day", String(10), doc="the event's date, else the article's publication date"),
    Column("story_country", String(16), doc="the country of the event's place"),
    Column("story_id", String(32)),
    UniqueConstraint("article_pk", "id", name="uq_events_article_id"),
    Index("ix_events_date", "date"),
    Index("ix_events_type", "type"),
    Index("ix_events_story_key", "story_key", "story_day"),
    Index("ix_events_story_id", "story_id"),
)

event_actors = Table(
    "event_actors", metadata,
    Column("event_pk", Integer, ForeignKey("events.pk", ondelete="CASCADE"), nullable=False),
    Column("role", String(8), nullable=False, doc="source | target"),
    Column("position", Integer, nullable=False),
    Column("actor_id", String(64), nullable=False),
    Index("ix_event_actors_event", "event_pk"),
)

event_mentions = Table(
    "event_mentions", metadata,
    Column("event_pk", Integer, ForeignKey("events.pk", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("attribution_id", String(64)),
    Column("according_to", Text),
    Column("date", String(10)),
    Index("ix_event_mentions_event", "event_pk"),
)

history = Table(
    "history", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(512), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("document", Text, nullable=False),
    Column("ingested_at", String(32), nullable=False),
    Column("replaced_at", String(32), nullable=False),
    Index("ix_history_article", "article_id"),
)

errors = Table(
    "errors", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("fingerprint", String(64), nullable=False, unique=True, doc="sha256 of source, line, id, code, message"),
    Column("code", String(64), nullable=False),
    Column("message", Text, nullable=False),
    Column("source", Text),
    Column("line", Integer),
    Column("article_id", String(512)),
    Column("at", String(32), nullable=False),
)

# Story events and near-duplicates (migration 0002): one real event reported by many articles.
stories = Table(
    "stories", metadata,
    Column("id", String(32), primary_key=True),
    Column("key", Text, nullable=False, doc="the members' story_key"),
    Column("window_start", String(10), doc="first day of the members' one-day window (null: undated)"),
    Column("country", String(16)),
    Column("type", String(16), nullable=False),
    Column("date", String(10)),
    Column("num_articles", Integer, nullable=False),
    Column("num_distinct_texts", Integer, nullable=False),
    Column("num_mentions", Integer, nullable=False),
    Column("num_sources", Integer, nullable=False),
    Column("data", Text, nullable=False, doc="the story line, as JSON"),
    Index("ix_stories_key", "key"),
    Index("ix_stories_date", "date"),
)
