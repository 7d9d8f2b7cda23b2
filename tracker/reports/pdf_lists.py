"""逾期未报名单 and 即将到期 lists: A4 landscape tables grouped by category, header row repeated,
totals at the end, ``— N —`` page numbers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tracker.domain.dates import format_cn, format_cn_short
from tracker.domain.forms import format_forms
from tracker.domain.records import ObligationRow
from tracker.domain.status_lists import StatusList
from tracker.reports.gbt9704.titles import title_lines
from tracker.reports.pdf_columns import fit_columns
from tracker.reports.pdf_draw import MM, Ink, draw_page_number
from tracker.reports.pdf_fonts import FontSet, default_fonts
from tracker.reports.pdf_output import pdf_bytes, write_pdf
from tracker.reports.pdf_table import Column, Frame, Row, TableWriter

PAGE_W, PAGE_H = 297 * MM, 210 * MM
LEFT, RIGHT = 25 * MM, PAGE_W - 25 * MM
TOP, BOTTOM = 22 * MM, PAGE_H - 25 * MM
SIZE = 12.0  # 小四
TITLE = 22.0

OVERDUE_COLUMNS = (
    Column("序号", 13 * MM, "center"),
    Column("单位", 45 * MM),
    Column("报送事项", 36 * MM),
    Column("原定时限", 34 * MM, "center"),
    Column("逾期天数", 20 * MM, "center"),
    Column("缺少的材料", 26 * MM),
    Column("已催报次数/最近催报", 28 * MM, "center"),
    Column("联系人", 16 * MM, "center"),
    Column("电话", 29 * MM, "center"),
)
DUE_SOON_COLUMNS = (
    Column("序号", 13 * MM, "center"),
    Column("单位", 48 * MM),
    Column("报送事项", 36 * MM),
    Column("报送时限", 34 * MM, "center"),
    Column("剩余工作日", 24 * MM, "center"),
    Column("已收到", 25 * MM),
    Column("尚缺", 22 * MM),
    Column("联系人", 16 * MM, "center"),
    Column("电话", 29 * MM, "center"),
)


def _reminded(r: ObligationRow) -> str:
    """2次/6月30日; the year too when the reminder was not in the list's year."""
    if not r.reminders or r.last_reminder is None:
        return "未催报"
    when = r.last_reminder
    day = format_cn_short(when) if when.year == r.as_of.year else format_cn(when)
    return f"{r.reminders}次/{day}"


def _deadline(r: ObligationRow) -> str:
    """The deadline the notice set; an extension beside it, never instead of it."""
    text = format_cn(r.deadline)
    if r.extended_to is None:
        return text
    until = r.extended_to
    short = format_cn_short(until) if until.year == r.deadline.year else format_cn(until)
    return f"{text}\n延期至{short}"  # on a line of its own: no parentheses (a narrower column)


def overdue_cells(n: int, r: ObligationRow) -> tuple[str, ...]:
    return (
        str(n),
        r.unit_name,
        r.requirement_title,
        _deadline(r),
        str(r.days_overdue),
        format_forms(r.missing_forms),
        _reminded(r),
        r.contact_person,
        r.phone,
    )


def due_soon_cells(n: int, r: ObligationRow) -> tuple[str, ...]:
    return (
        str(n),
        r.unit_name,
        r.requirement_title,
        _deadline(r),
        "" if r.workdays_left is None else str(r.workdays_left),
        format_forms(r.received_forms) or "—",
        format_forms(r.missing_forms),
        r.contact_person,
        r.phone,
    )


def table_rows(report: StatusList) -> list[Row]:
    cells: Callable[[int, ObligationRow], tuple[str, ...]] = (
        overdue_cells if report.kind == "overdue" else due_soon_cells
    )
    rows: list[Row] = []
    n = 0
    for _category, note, group in report.groups:
        rows.append(Row((note,), "group"))
        for r in group:
            n += 1
            rows.append(Row(cells(n, r)))
    if not n:
        rows.append(Row(("（无）",), "total"))
    rows.append(Row((report.totals,), "total"))
    return rows


# Columns that share the width left by the others, in the order they give way when the page
# is too narrow: materials and reminders first, the unit's name last.
FLEXIBLE = {"overdue": (5, 6, 2, 1), "due_soon": (6, 5, 2, 1)}


def _footer(ink: Ink, report: StatusList, page: int) -> None:
    """``— N —`` and, on the other side, the office that made the list."""
    draw_page_number(ink, page, LEFT, RIGHT, BOTTOM)
    if report.office:
        top = BOTTOM + 7 * MM - (ink.fonts.face("song").ascent - 0.3) * 14.0 + 2.0
        label = f"制表：{report.office}"
        if page % 2:
            ink.text(LEFT, top, label, "song", 10.5)
        else:
            ink.right(RIGHT, top, label, "song", 10.5)


def _build(report: StatusList, fonts: FontSet) -> Callable[[Any], None]:
    def build(c: Any) -> None:
        ink = Ink(c, fonts, page_h=PAGE_H)
        page = [1]

        def new_page() -> Frame:
            c.showPage()
            page[0] += 1
            _footer(ink, report, page[0])
            return Frame(LEFT, TOP, BOTTOM)

        _footer(ink, report, 1)
        top = TOP
        measure = ink.measure("title", TITLE)
        for line in title_lines(report.title, RIGHT - LEFT, measure):
            ink.centred(PAGE_W / 2, top, line, "title", TITLE)
            top += TITLE * 1.4
        ink.centred(PAGE_W / 2, top, report.subtitle, "body", 14.0)
        columns = OVERDUE_COLUMNS if report.kind == "overdue" else DUE_SOON_COLUMNS
        rows = table_rows(report)
        pad = SIZE * 0.35
        fitted = fit_columns(
            columns, rows, RIGHT - LEFT, ink.measure("body", SIZE), ink.measure("hei", SIZE),
            pad, FLEXIBLE[report.kind],
        )  # fmt: skip
        frame = Frame(LEFT, top + 14.0 * 2, BOTTOM)
        TableWriter(ink, fitted, SIZE).draw(rows, frame, new_page)
        c.showPage()

    return build


def write_status_list(path: Path, report: StatusList, fonts: FontSet | None = None) -> set[str]:
    """Write the list; returns the characters no font could draw (normally none)."""
    fonts = fonts or default_fonts()
    write_pdf(
        path, _build(report, fonts), report.title, fonts.face("body").name, landscape=True,
        author=report.office,
    )  # fmt: skip
    return set(fonts.missing)


def status_list_pdf(report: StatusList, fonts: FontSet | None = None) -> bytes:
    fonts = fonts or default_fonts()
    return pdf_bytes(
        _build(report, fonts), report.title, fonts.face("body").name, landscape=True,
        author=report.office,
    )  # fmt: skip
