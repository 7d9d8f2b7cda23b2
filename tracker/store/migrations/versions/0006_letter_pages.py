"""letters archived as their printed batch: each letter's first page in the batch's PDF

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 11:00:00

Until now every letter of a batch was archived as its own PDF (the whole batch's font subsets
in each: 200 letters took 17 MB and 200 flushed files). From here a batch is archived once, as
printed, and a letter names its pages in it. A letter archived before is the whole of its own
file, so its first page is 0.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "letters", sa.Column("first_page", sa.Integer(), nullable=False, server_default="0")
    )


def downgrade() -> None:
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.drop_column("first_page")
