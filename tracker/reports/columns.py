"""The columns a ledger row can be exported with, by stable key (no openpyxl here).

The window's 导出所选 maps the grid's visible columns to these keys; the CLI and the tests use
the keys directly. Values are typed: dates stay dates and counts stay numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from tracker.domain.forms import FORM_ORDER, Form, format_forms
from tracker.domain.records import ObligationRow
from tracker.domain.status import Status

Kind = Literal["text", "date", "number", "percent", "status"]  # status: a Status.label
NOT_REQUIRED = "无需"  # a form the requirement did not ask for


@dataclass(frozen=True, slots=True)
class Col:
    header: str
    kind: Kind = "text"
    min_width: float = 6
    max_width: float = 40
    wrap: bool = False  # long text wraps within max_width instead of widening the page


@dataclass(frozen=True, slots=True)
class LedgerColumn:
    key: str
    col: Col
    value: Callable[[ObligationRow], Any]


def remark(r: ObligationRow) -> str:
    """备注: exemption, extension reason, what is missing, and the clerk's own note."""
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


def received_on(r: ObligationRow, form: Form) -> Any:
    """The first day ``form`` arrived; 无需 when it was not asked for (and not sent)."""
    day = r.first_received.get(form)
    if day is None and r.required_forms != Form.NONE and not r.required_forms & form:
        return NOT_REQUIRED
    return day


def received_dates(r: ObligationRow) -> list[Any]:
    return [received_on(r, form) for form in FORM_ORDER]


def _form_column(key: str, header: str, form: Form) -> LedgerColumn:
    return LedgerColumn(key, Col(header, "date"), lambda r: received_on(r, form))


_ALL: tuple[LedgerColumn, ...] = (
    LedgerColumn("unit", Col("单位", max_width=20, wrap=True), lambda r: r.unit_name),
    LedgerColumn("short_name", Col("简称", max_width=14), lambda r: r.unit_short_name),
    LedgerColumn("category", Col("类别", min_width=8), lambda r: r.category),
    LedgerColumn(
        "notice", Col("通知文号", max_width=16, wrap=True), lambda r: r.doc_number or r.notice_title
    ),
    LedgerColumn("notice_title", Col("通知", max_width=30, wrap=True), lambda r: r.notice_title),
    LedgerColumn(
        "requirement", Col("报送事项", max_width=22, wrap=True), lambda r: r.requirement_title
    ),
    LedgerColumn("deadline", Col("原定时限", "date"), lambda r: r.deadline),
    LedgerColumn("extended_to", Col("延期至", "date"), lambda r: r.extended_to),
    LedgerColumn("effective_deadline", Col("截止日期", "date"), lambda r: r.effective_deadline),
    LedgerColumn("status", Col("状态", "status", min_width=11), lambda r: r.status.label),
    LedgerColumn(
        "required_forms", Col("报送形式", max_width=24), lambda r: format_forms(r.required_forms)
    ),
    LedgerColumn(
        "received_forms", Col("已收材料", max_width=24), lambda r: format_forms(r.received_forms)
    ),
    LedgerColumn(
        "missing_forms", Col("缺少材料", max_width=24), lambda r: format_forms(r.missing_forms)
    ),
    _form_column("electronic", "电子版", Form.ELECTRONIC),
    _form_column("paper", "纸质版", Form.PAPER),
    _form_column("seal", "盖章", Form.SEAL),
    _form_column("evidence", "佐证材料", Form.EVIDENCE),
    LedgerColumn("completed_on", Col("报齐日期", "date"), lambda r: r.completed_on),
    LedgerColumn("days_overdue", Col("逾期天数", "number", 6), lambda r: r.days_overdue or None),
    LedgerColumn("workdays_left", Col("剩余工作日", "number", 6), lambda r: r.workdays_left),
    LedgerColumn("reminders", Col("催报次数", "number", 6), lambda r: r.reminders),
    LedgerColumn("last_reminder", Col("最近催报", "date"), lambda r: r.last_reminder),
    LedgerColumn("contact_person", Col("联系人", max_width=12), lambda r: r.contact_person),
    LedgerColumn("phone", Col("电话", max_width=20), lambda r: r.phone),
    LedgerColumn("email", Col("邮箱", max_width=30), lambda r: r.email),
    LedgerColumn(
        "exempt_reason", Col("免报理由", max_width=24, wrap=True), lambda r: r.exempt_reason
    ),
    LedgerColumn(
        "extension_reason", Col("延期理由", max_width=24, wrap=True), lambda r: r.extension_reason
    ),
    LedgerColumn("remark", Col("备注", max_width=24, wrap=True), remark),
    LedgerColumn("note", Col("说明", max_width=28, wrap=True), lambda r: r.note),
)
LEDGER_COLUMNS: dict[str, LedgerColumn] = {c.key: c for c in _ALL}
