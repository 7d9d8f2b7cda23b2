"""notices: one 文号 per notice (a partial unique index; notices without 文号 are many)

Two clerks adding the same 文号 at the same instant on PostgreSQL each passed the service's
check and stored two notices with one 文号. The index makes that impossible.

Duplicates already stored are kept, none merged or deleted: the oldest notice keeps its 文号,
each later one gets "（重复N）" appended (cut to the column's 100 characters), and the 操作日志
says which, so the clerk can correct the numbers.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "uq_notices_doc_number"
WHERE = "doc_number <> ''"
DOC_LIMIT = 100


def renamed(doc: str, n: int, taken: set[str]) -> str:
    """``doc`` marked as the n-th duplicate, unique among ``taken``, within 100 characters."""
    while True:
        mark = f"（重复{n}）"
        candidate = doc[: DOC_LIMIT - len(mark)] + mark
        if candidate not in taken:
            return candidate
        n += 1


def upgrade() -> None:
    conn = op.get_bind()
    notices = sa.table("notices", sa.column("id", sa.Integer), sa.column("doc_number", sa.String),
                       sa.column("title", sa.String))
    audit = sa.table("audit_log", sa.column("at", sa.DateTime), sa.column("user", sa.String),
                     sa.column("action", sa.String), sa.column("entity", sa.String),
                     sa.column("entity_id", sa.Integer), sa.column("summary", sa.Text),
                     sa.column("before", sa.Text), sa.column("after", sa.Text),
                     sa.column("undone", sa.Boolean))
    rows = conn.execute(
        sa.select(notices.c.id, notices.c.doc_number, notices.c.title)
        .where(notices.c.doc_number != "")
        .order_by(notices.c.id)
    ).all()
    taken = {r.doc_number for r in rows}
    seen: dict[str, int] = {}
    now = datetime.now().replace(microsecond=0)
    for row in rows:
        count = seen.get(row.doc_number, 0)
        seen[row.doc_number] = count + 1
        if count == 0:
            continue  # the oldest notice keeps its 文号
        new = renamed(row.doc_number, count + 1, taken)
        taken.add(new)
        conn.execute(notices.update().where(notices.c.id == row.id).values(doc_number=new))
        conn.execute(audit.insert().values(
            at=now, user="（升级）", action="notice.update", entity="notice", entity_id=row.id,
            summary=f"升级时发现文号“{row.doc_number}”重复：通知“{row.title[:60]}”的文号已改为"
                    f"“{new}”，请核对后改正",
            before=None, after=None, undone=False,
        ))
    op.create_index(INDEX, "notices", ["doc_number"], unique=True,
                    sqlite_where=sa.text(WHERE), postgresql_where=sa.text(WHERE))


def downgrade() -> None:
    op.drop_index(INDEX, table_name="notices")
