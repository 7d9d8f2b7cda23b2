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
    if not r.reminders:
        return "未催报"
    return f"{r.reminders}次/{format_cn_short(r.last_reminder)}"


def _deadline(r: ObligationRow) -> str:
    text = format_cn(r.effective_deadline)
    return f"{text}（延期）" if r.extended_to else text


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


def _build(report: StatusList, fonts: FontSet) -> Callable[[Any], None]:
    def build(c: Any) -> None:
        ink = Ink(c, fonts, page_h=PAGE_H)
        page = [1]

        def new_page() -> Frame:
            c.showPage()
            page[0] += 1
            draw_page_number(ink, page[0], LEFT, RIGHT, BOTTOM)
            return Frame(LEFT, TOP, BOTTOM)

        draw_page_number(ink, 1, LEFT, RIGHT, BOTTOM)
        top = TOP
        measure = ink.measure("title", TITLE)
        for line in title_lines(report.title, RIGHT - LEFT, measure):
            ink.centred(PAGE_W / 2, top, line, "title", TITLE)
            top += TITLE * 1.4
        ink.centred(PAGE_W / 2, top, report.subtitle, "body", 14.0)
        columns = OVERDUE_COLUMNS if report.kind == "overdue" else DUE_SOON_COLUMNS
        frame = Frame(LEFT, top + 14.0 * 2, BOTTOM)
        TableWriter(ink, columns, SIZE).draw(table_rows(report), frame, new_page)
        c.showPage()

    return build


def write_status_list(path: Path, report: StatusList, fonts: FontSet | None = None) -> set[str]:
    """Write the list; returns the characters no font could draw (normally none)."""
    fonts = fonts or default_fonts()
    write_pdf(path, _build(report, fonts), report.title, fonts.face("body").name, landscape=True)
    return set(fonts.missing)


def status_list_pdf(report: StatusList, fonts: FontSet | None = None) -> bytes:
    fonts = fonts or default_fonts()
    return pdf_bytes(_build(report, fonts), report.title, fonts.face("body").name, landscape=True)
