"""Printing a unit's history: ``tracker units history UNIT [--format table|json]``."""

from __future__ import annotations

import json

from tracker.cli.output import table
from tracker.domain.dates import format_cn
from tracker.domain.history import HistoryEntry, UnitHistory
from tracker.domain.ranking import days_text, percent

ENTRY_HEADERS = (
    "通知", "报送事项", "时限", "状态", "逾期天数", "催报", "收到日期", "文件", "已通报",
)  # fmt: skip
YEAR_HEADERS = (
    "年度", "应报", "按时", "逾期补报", "未报/部分", "免报", "未到期", "上报率", "按时率",
    "平均逾期天数", "类别内名次",
)  # fmt: skip


def entry_json(e: HistoryEntry) -> dict[str, object]:
    """Stable keys: scripts depend on them. ``deadline`` is the one the unit was held to
    (after any extension), the one ``days_overdue`` counts from."""
    r = e.row
    received = e.received_on
    return {
        "notice": r.doc_number or r.notice_title,
        "requirement": r.requirement_title,
        "deadline": r.effective_deadline.isoformat(),
        "status": r.status.value,
        "days_overdue": r.days_overdue,
        "reminders": r.reminders,
        "received_on": received.isoformat() if received else None,
    }


def _entry_cells(e: HistoryEntry) -> list[str]:
    r = e.row
    deadline = format_cn(r.effective_deadline) + ("（延期）" if r.extended_to else "")
    return [
        r.doc_number or r.notice_title,
        r.requirement_title,
        deadline,
        r.status.label,
        str(r.days_overdue) if r.days_overdue else "",
        str(r.reminders) if r.reminders else "",
        format_cn(e.received_on),
        "、".join(e.file_names),
        e.named_text,
    ]


def render_history(history: UnitHistory, fmt: str) -> str:
    if fmt == "json":
        return json.dumps([entry_json(e) for e in history.entries], ensure_ascii=False, indent=2)
    unit = history.unit
    head = f"{unit.name}（{unit.category}）报送情况，截至{format_cn(history.as_of)}"
    if not history.entries:
        return head + "\n没有任何报送义务"
    years = []
    for y in history.years:
        f = y.figures
        place = f"{y.rank}/{y.ranked}" if y.rank is not None else "—"
        years.append([
            f"{y.year}年", str(f.due), str(f.on_time), str(f.late), str(f.missing),
            str(f.exempt), str(f.pending), percent(f.rate), percent(f.on_time_rate),
            days_text(f.days_late_avg), place,
        ])  # fmt: skip
    return "\n\n".join(
        [
            head + "\n" + table(ENTRY_HEADERS, [_entry_cells(e) for e in history.entries]),
            "各年情况（类别内名次：名次/有应报事项的单位数）\n" + table(YEAR_HEADERS, years),
        ]
    )
