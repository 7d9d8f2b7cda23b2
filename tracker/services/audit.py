"""The audit log: every change, when, by which OS user, what, and before/after as JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from tracker.domain.ledger_query import AuditQuery
from tracker.domain.records import AuditRecord
from tracker.services.workspace import Workspace
from tracker.store.models import AuditEntry

__all__ = ["ACTION_LABELS", "AuditQuery", "AuditService", "dumps", "record"]

ACTION_LABELS = {
    "unit.create": "新增单位",
    "unit.update": "修改单位",
    "unit.import": "导入单位名录",
    "unit.deactivate": "停用单位",
    "unit.activate": "启用单位",
    "category.create": "新增类别",
    "notice.create": "新建通知",
    "notice.update": "修改通知",
    "notice.delete": "删除通知",
    "notice.archive": "归档通知",
    "notice.unarchive": "取消归档",
    "requirement.units": "调整报送单位",
    "submission.create": "登记报送",
    "submission.delete": "删除登记",
    "obligation.exempt": "免报",
    "obligation.unexempt": "撤销免报",
    "obligation.extend": "延期",
    "obligation.unextend": "撤销延期",
    "reminder.create": "记录催报",
    "reminder.delete": "删除催报记录",
    "figure.correct": "更正关键数据",
    "letter.issue": "发催报函",
    "ledger.import": "导入原台账",
    "calendar.update": "修改节假日",
    "settings.update": "修改设置",
    "undo": "撤销",
    "backup.create": "备份",
    "backup.restore": "恢复",
}


def _json_default(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)  # type: ignore[return-value]
    return str(value)


def dumps(data: Any) -> str | None:
    if data is None:
        return None
    return json.dumps(data, ensure_ascii=False, default=_json_default, sort_keys=True)


def record(
    session: Session,
    *,
    user: str,
    action: str,
    entity: str,
    entity_id: int | None,
    summary: str,
    before: Any = None,
    after: Any = None,
) -> int:
    """One audit entry; every field by keyword so a call cannot swap before/after."""
    entry = AuditEntry(
        at=datetime.now().replace(microsecond=0),
        user=user,
        action=action,
        entity=entity,
        entity_id=entity_id,
        summary=summary,
        before=dumps(before),
        after=dumps(after),
        undone=False,
    )
    session.add(entry)
    session.flush()
    return entry.id


@dataclass(frozen=True, slots=True)
class Entry:
    """One audit entry for ``record_many``."""

    action: str
    entity: str
    entity_id: int | None
    summary: str
    before: Any = None
    after: Any = None


def record_many(session: Session, *, user: str, entries: Sequence[Entry]) -> None:
    """Many entries at one instant in one INSERT (a batch of letters and its reminders)."""
    if not entries:
        return
    at = datetime.now().replace(microsecond=0)
    rows = [
        {
            "at": at,
            "user": user,
            "action": e.action,
            "entity": e.entity,
            "entity_id": e.entity_id,
            "summary": e.summary,
            "before": dumps(e.before),
            "after": dumps(e.after),
            "undone": False,
        }
        for e in entries
    ]
    session.execute(insert(AuditEntry), rows)


class AuditService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    @staticmethod
    def action_labels() -> dict[str, str]:
        """Chinese names of the logged actions (for filters in the window)."""
        return dict(ACTION_LABELS)

    def entries(self, query: AuditQuery | None = None) -> list[AuditRecord]:
        q = query or AuditQuery()
        stmt = select(AuditEntry).order_by(AuditEntry.id.desc())
        if q.since:
            stmt = stmt.where(AuditEntry.at >= datetime.combine(q.since, datetime.min.time()))
        if q.until:
            stmt = stmt.where(AuditEntry.at <= datetime.combine(q.until, datetime.max.time()))
        if q.action:
            stmt = stmt.where(AuditEntry.action == q.action)
        if q.text:
            stmt = stmt.where(AuditEntry.summary.contains(q.text))
        with self.ws.reading() as s:
            rows = s.scalars(stmt.limit(q.limit)).all()
            return [
                AuditRecord(
                    e.id,
                    e.at,
                    e.user,
                    e.action,
                    e.entity,
                    e.entity_id,
                    e.summary,
                    e.before,
                    e.after,
                    e.undone,
                )
                for e in rows
            ]
