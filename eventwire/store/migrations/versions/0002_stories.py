"""Story events across articles and near-duplicate articles.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("minhash", sa.LargeBinary))
        batch.add_column(sa.Column("duplicate_of", sa.String(512)))
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("story_key", sa.Text))
        batch.add_column(sa.Column("story_day", sa.String(10)))
        batch.add_column(sa.Column("story_country", sa.String(16)))
        batch.add_column(sa.Column("story_id", sa.String(32)))
    op.create_index("ix_events_story_key", "events", ["story_key", "story_day"])
    op.create_index("ix_events_story_id", "events", ["story_id"])
    op.create_table(
        "article_bands",
        sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
        sa.Column("key", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_article_bands_key", "article_bands", ["key"])
    op.create_index("ix_article_bands_article", "article_bands", ["article_pk"])
    op.create_table(
        "stories",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("window_start", sa.String(10)),
        sa.Column("country", sa.String(16)),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("num_articles", sa.Integer, nullable=False),
        sa.Column("num_distinct_texts", sa.Integer, nullable=False),
        sa.Column("num_mentions", sa.Integer, nullable=False),
        sa.Column("num_sources", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_stories_key", "stories", ["key"])
    op.create_index("ix_stories_date", "stories", ["date"])


def downgrade() -> None:
    op.drop_table("stories")
    op.drop_table("article_bands")
    op.drop_index("ix_events_story_id", "events")
    op.drop_index("ix_events_story_key", "events")
    with op.batch_alter_table("events") as batch:
        for name in ("story_id", "story_country", "story_day", "story_key"):
            batch.drop_column(name)
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("duplicate_of")
        batch.drop_column("minhash")
