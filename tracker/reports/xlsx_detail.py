"""明细: one row per obligation, every figure the clerk checks, dates as real Excel dates."""

from __future__ import annotations

from typing import Any

from tracker.domain.forms import FORM_ORDER, Form, format_forms
from tracker.domain.records import ObligationRow
from tracker.domain.status import Status
from tracker.reports.status_book import Progress, StatusBook
from tracker.reports.xlsx_style import PageSpec
from tracker.reports.xlsx_table import Col, Table, write_table

NOT_REQUIRED = "无需"  # a form the requirement did not ask for

DETAIL_COLS: tuple[Col, ...] = (
    Col("序号", "number", 5),
    Col("单位", max_width=24, wrap=True),
    Col("类别", min_width=8),
    Col("通知文号", max_width=29, wrap=True),
    Col("报送事项", max_width=22, wrap=True),
    Col("原定时限", "date"),
    Col("延期至", "date"),
    Col("状态", min_width=11),
    Col("电子版", "date"),
    Col("纸质版", "date"),
    Col("盖章", "date"),
    Col("佐证材料", "date"),
    Col("逾期天数", "number", 6),
    Col("催报次数", "number", 6),
    Col("最近催报", "date"),
    Col("备注", max_width=28, wrap=True),
)


def remark(r: ObligationRow) -> str:
    parts = []
    if r.exempt_reason is not None:
        parts.append(f"免报：{r.exempt_reason}" if r.exempt_reason else "免报")
    if r.extended_to is not None and r.extension_reason:
        parts.append(f"延期：{r.extension_reason}")
    if r.status is Status.PARTIAL or (r.status is Status.PENDING and r.received_forms):
        parts.append(f"缺{format_forms(r.missing_forms)}")
    if r.note:
        parts.append(r.note)
    return "；".join(parts)


def received_dates(r: ObligationRow) -> list[Any]:
    """The first day each form arrived; 无需 for a form not asked for (and not sent)."""
    out: list[Any] = []
    for form in FORM_ORDER:
        day = r.first_received.get(form)
        if day is None and not (r.required_forms & form or r.required_forms == Form.NONE):
            out.append(NOT_REQUIRED)
        else:
            out.append(day)
    return out


def detail_values(i: int, r: ObligationRow) -> list[Any]:
    return [
        i,
        r.unit_name,
        r.category,
        r.doc_number or r.notice_title,
        r.requirement_title,
        r.deadline,
        r.extended_to,
        r.status.label,
        *received_dates(r),
        r.days_overdue or None,
        r.reminders,
        r.last_reminder,
        remark(r),
    ]


def detail_table(book: StatusBook) -> Table:
    values = [detail_values(i, r) for i, r in enumerate(book.rows, start=1)]
    return Table(
        sheet="明细",
        title=f"{book.title}（明细）",
        subtitle=book.subtitle,
        cols=DETAIL_COLS,
        values=values,
        page=PageSpec(book.title, book.as_of, repeat_rows="3:3"),
        freeze="C4",
    )


def write_detail(
    wb: Any, book: StatusBook, progress: Progress | None = None, done: int = 0, total: int = 0
) -> Any:
    return write_table(wb, detail_table(book), progress, done, total)
