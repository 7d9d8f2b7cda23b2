"""dated decisions: the day each 免报 and 延期 was granted

Revision ID: 0003
Revises: 0002
Create Date: 2023-12-01 10:00:00

Existing decisions are dated from their audit entries (the latest grant not undone); one
without an entry (e.g. from an imported Excel ledger) stays undated, in force throughout.
"""

from collections.abc import Sequence
from datetime import date, datetime

import sqlalchemy as sa
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_AUDIT = sa.table(
    'audit_log',
    sa.column('at', sa.DateTime),
    sa.column('action', sa.String),
    sa.column('entity', sa.String),
    sa.column('entity_id', sa.Integer),
    sa.column('undone', sa.Boolean),
)
_OBLIGATIONS = sa.table(
    'obligations',
    sa.column('id', sa.Integer),
    sa.column('exempt_reason', sa.Text),
    sa.column('extended_to', sa.Date),
    sa.column('exempt_on', sa.Date),
    sa.column('extended_on', sa.Date),
)


def _day(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return datetime.fromisoformat(str(value)).date()


def _date_from_audit(action: str, column: str, in_force: sa.ColumnElement[bool]) -> None:
    conn = op.get_bind()
    granted = conn.execute(
        sa.select(_AUDIT.c.entity_id, sa.func.max(_AUDIT.c.at))
        .where(
            _AUDIT.c.action == action,
            _AUDIT.c.entity == 'obligation',
            _AUDIT.c.undone == sa.false(),
        )
        .group_by(_AUDIT.c.entity_id)
    ).all()
    held = set(conn.execute(sa.select(_OBLIGATIONS.c.id).where(in_force)).scalars())
    for oid, at in granted:
        if oid in held and at is not None:
            conn.execute(
                sa.update(_OBLIGATIONS)
                .where(_OBLIGATIONS.c.id == oid)
                .values({column: _day(at)})
            )


def upgrade() -> None:
    op.add_column('obligations', sa.Column('exempt_on', sa.Date(), nullable=True))
    op.add_column('obligations', sa.Column('extended_on', sa.Date(), nullable=True))
    _date_from_audit('obligation.exempt', 'exempt_on', _OBLIGATIONS.c.exempt_reason.is_not(None))
    _date_from_audit('obligation.extend', 'extended_on', _OBLIGATIONS.c.extended_to.is_not(None))


def downgrade() -> None:
    with op.batch_alter_table('obligations') as batch:
        batch.drop_column('extended_on')
        batch.drop_column('exempt_on')
