"""Articles with their actors, places, times, attributions and events; history and errors.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _article_fk() -> sa.Column:
    return sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(512), nullable=False, unique=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("published", sa.String(40)),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("credit", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("num_events", sa.Integer, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("line", sa.Integer),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "actors",
        _article_fk(),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("country", sa.String(16)),
        sa.Column("sector", sa.String(16)),
        sa.Column("code", sa.String(32)),
        sa.Column("kb_id", sa.String(128)),
        sa.Column("key", sa.Text, nullable=False),
        sa.UniqueConstraint("article_pk", "id", name="uq_actors_article_id"),
    )
    op.create_index("ix_actors_code", "actors", ["code"])
    op.create_index("ix_actors_country", "actors", ["country"])
    op.create_table(
        "places",
        _article_fk(),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("country", sa.String(16)),
        sa.Column("admin1", sa.Text),
        sa.Column("feature", sa.String(32)),
        sa.Column("geonameid", sa.BigInteger),
        sa.UniqueConstraint("article_pk", "id", name="uq_places_article_id"),
    )
    op.create_table(
        "times",
        _article_fk(),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("value", sa.String(64), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.UniqueConstraint("article_pk", "id", name="uq_times_article_id"),
    )
    op.create_table(
        "attributions",
        _article_fk(),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("source", sa.String(64)),
        sa.Column("source_text", sa.Text),
        sa.Column("cue", sa.Text, nullable=False),
        sa.Column("cue_start", sa.Integer, nullable=False),
        sa.Column("cue_end", sa.Integer, nullable=False),
        sa.Column("content_start", sa.Integer),
        sa.Column("content_end", sa.Integer),
        sa.Column("channel", sa.Text),
        sa.Column("parent", sa.String(64)),
        sa.Column("quote", sa.Boolean, nullable=False),
        sa.Column("chain", sa.Text, nullable=False),
        sa.UniqueConstraint("article_pk", "id", name="uq_attributions_article_id"),
    )
    op.create_table(
        "events",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        _article_fk(),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("mode", sa.Text),
        sa.Column("context", sa.Text, nullable=False),
        sa.Column("cameo", sa.String(8)),
        sa.Column("goldstein", sa.Float),
        sa.Column("date", sa.String(10)),
        sa.Column("date_basis", sa.String(16)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("place_id", sa.String(64)),
        sa.Column("attribution_id", sa.String(64)),
        sa.Column("according_to", sa.Text),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("rule", sa.Text),
        sa.UniqueConstraint("article_pk", "id", name="uq_events_article_id"),
    )
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_type", "events", ["type"])
    op.create_table(
        "event_actors",
        sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.pk", ondelete="CASCADE"), nullable=False),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("actor_id", sa.String(64), nullable=False),
    )
    op.create_index("ix_event_actors_event", "event_actors", ["event_pk"])
    op.create_table(
        "event_mentions",
        sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.pk", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attribution_id", sa.String(64)),
        sa.Column("according_to", sa.Text),
        sa.Column("date", sa.String(10)),
    )
    op.create_index("ix_event_mentions_event", "event_mentions", ["event_pk"])
    op.create_table(
        "history",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(512), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.String(32), nullable=False),
        sa.Column("replaced_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_history_article", "history", ["article_id"])
    op.create_table(
        "errors",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("fingerprint", sa.String(64), nullable=False, unique=True),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("line", sa.Integer),
        sa.Column("article_id", sa.String(512)),
        sa.Column("at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    for table in ("errors", "history", "event_mentions", "event_actors", "events", "attributions", "times",
                  "places", "actors", "articles"):
        op.drop_table(table)
