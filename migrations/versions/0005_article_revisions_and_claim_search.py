"""article revisions, claim revision flags, full-text search over claim text

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29

The full-text objects are made with raw SQL because they differ by database:
SQLite FTS5 tables (external content: they index claim.text without a copy of
it, kept in step by triggers), one over every claim and one over reviewed claims
only, and on PostgreSQL a GIN index over to_tsvector('english', text) plus the
same index partial to reviewed claims. They are not models; `factcheck.store.models.
include_name` keeps Alembic's autogenerate from comparing them.

SQLite note: a later batch migration that RECREATES the claim table (move and
copy) drops the triggers; such a migration must create them again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS_TABLE = (
    "CREATE VIRTUAL TABLE claim_fts USING fts5("
    "text, content='claim', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')"
)
FTS_TRIGGERS = (
    "CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN "
    "INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER claim_fts_update AFTER UPDATE OF text ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text); END",
)
# Reviewed claims only (verdict set): what the memory of past verdicts searches. A
# tenth of the claims or fewer, so its candidate search reads a tenth of the postings.
FTS_REVIEWED_TABLE = (
    "CREATE VIRTUAL TABLE claim_fts_reviewed USING fts5("
    "text, content='claim', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')"
)
# One trigger per event, so the old entry is always removed before the new one is added.
# Never run 'rebuild' on this table: it would index every claim, not only reviewed ones.
FTS_REVIEWED_TRIGGERS = (
    "CREATE TRIGGER claim_fts_reviewed_insert AFTER INSERT ON claim "
    "WHEN new.verdict IS NOT NULL BEGIN "
    "INSERT INTO claim_fts_reviewed(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER claim_fts_reviewed_delete AFTER DELETE ON claim "
    "WHEN old.verdict IS NOT NULL BEGIN "
    "INSERT INTO claim_fts_reviewed(claim_fts_reviewed, rowid, text) "
    "VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER claim_fts_reviewed_update AFTER UPDATE OF text, verdict ON claim BEGIN "
    "INSERT INTO claim_fts_reviewed(claim_fts_reviewed, rowid, text) "
    "SELECT 'delete', old.id, old.text WHERE old.verdict IS NOT NULL; "
    "INSERT INTO claim_fts_reviewed(rowid, text) "
    "SELECT new.id, new.text WHERE new.verdict IS NOT NULL; END",
)
PG_INDEXES = (
    "CREATE INDEX ix_claim_text_fts ON claim USING gin (to_tsvector('english', text))",
    "CREATE INDEX ix_claim_text_fts_reviewed ON claim "
    "USING gin (to_tsvector('english', text)) WHERE verdict IS NOT NULL",
)


def upgrade() -> None:
    op.create_table(
        "article_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("source_path", sa.String(length=1000), nullable=True),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stored_by", sa.String(length=200), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_revision_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_revision")),
        sa.UniqueConstraint("article_id", "number", name="uq_article_revision_article_id_number"),
    )
    with op.batch_alter_table("article_revision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_article_revision_content_hash"), ["content_hash"], unique=False
        )

    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revision", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(sa.Column("revised_at", sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("withdrawn", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("withdrawn_in", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "changed_since_review", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )
        batch_op.add_column(sa.Column("previous_text", sa.Text(), nullable=True))

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(FTS_TABLE)
        for trigger in FTS_TRIGGERS:
            op.execute(trigger)
        op.execute("INSERT INTO claim_fts(claim_fts) VALUES ('rebuild')")
        op.execute(FTS_REVIEWED_TABLE)
        for trigger in FTS_REVIEWED_TRIGGERS:
            op.execute(trigger)
        op.execute(
            "INSERT INTO claim_fts_reviewed(rowid, text) "
            "SELECT id, text FROM claim WHERE verdict IS NOT NULL"
        )
    elif dialect == "postgresql":
        for index in PG_INDEXES:
            op.execute(index)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in ("claim_fts", "claim_fts_reviewed"):
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{event}")
            op.execute(f"DROP TABLE IF EXISTS {table}")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_claim_text_fts_reviewed")
        op.execute("DROP INDEX IF EXISTS ix_claim_text_fts")

    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_column("previous_text")
        batch_op.drop_column("changed_since_review")
        batch_op.drop_column("withdrawn_in")
        batch_op.drop_column("withdrawn")

    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_column("revised_at")
        batch_op.drop_column("revision")

    with op.batch_alter_table("article_revision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_revision_content_hash"))

    op.drop_table("article_revision")
