"""default rating scale and newsroom settings

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RATINGS = [
    ("True", "The claim is accurate and nothing significant is missing.", 5),
    ("Mostly true", "The claim is accurate but needs clarification or extra context.", 4),
    ("Half true", "The claim is partly accurate but leaves out important details.", 3),
    ("Mostly false", "The claim has an element of truth but ignores critical facts.", 2),
    ("False", "The claim is not accurate.", 1),
    ("Misleading", "Accurate facts presented in a way that gives a wrong impression.", None),
    ("Unverifiable", "There is not enough evidence to prove or disprove the claim.", None),
]

SETTINGS = [
    ("min_sources", "1"),
    ("allow_self_approval", "false"),
    ("organization", "Factcheck desk"),
    ("report_url", ""),
]

rating = sa.table(
    "rating",
    sa.column("label", sa.String),
    sa.column("description", sa.Text),
    sa.column("value", sa.Integer),
    sa.column("position", sa.Integer),
)
setting = sa.table("setting", sa.column("key", sa.String), sa.column("value", sa.Text))


def upgrade() -> None:
    op.bulk_insert(
        rating,
        [
            {"label": label, "description": desc, "value": value, "position": i}
            for i, (label, desc, value) in enumerate(RATINGS, start=1)
        ],
    )
    op.bulk_insert(setting, [{"key": k, "value": v} for k, v in SETTINGS])


def downgrade() -> None:
    op.execute(setting.delete().where(setting.c.key.in_([k for k, _ in SETTINGS])))
    op.execute(rating.delete().where(rating.c.label.in_([label for label, _, _ in RATINGS])))
