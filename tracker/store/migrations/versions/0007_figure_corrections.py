"""figure corrections: the clerk's own value for a key figure the reader got wrong

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('figure_corrections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('obligation_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('approx', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('corrected_at', sa.DateTime(), nullable=False),
    sa.Column('corrected_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['obligation_id'], ['obligations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('obligation_id', 'kind')
    )
    with op.batch_alter_table('figure_corrections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_figure_corrections_obligation_id'), ['obligation_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('figure_corrections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_figure_corrections_obligation_id'))
    op.drop_table('figure_corrections')
