"""汇总: per requirement 应报/按时/逾期补报/部分/逾期未报/未到期/免报/上报率, then per category."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.cell import Cell
from openpyxl.styles import Alignment

from tracker.domain.status import Status
from tracker.domain.tally import NO_RATE, Tally, tally, tally_by
from tracker.reports.status_book import RequirementColumn, StatusBook
from tracker.reports.xlsx_style import (
    BORDER,
    CENTER_WRAP,
    DATE_FORMAT,
    DATE_WIDTH,
    HEADER_FONT,
    LEFT_WRAP,
    PAGE_WIDTH_PX,
    PERCENT_FORMAT,
    PageSpec,
    cell,
    column_px,
    excel_width,
    freeze_and_filter,
    header_cells,
    set_widths,
    setup_page,
    text_lines,
    title_rows,
)

COUNT_HEADERS = ("应报", "按时", "逾期补报", "部分", "逾期未报", "未到期", "免报", "上报率")
HEADERS = ("序号", "通知文号", "报送事项", "时限", *COUNT_HEADERS)
COUNTED = (Status.ON_TIME, Status.LATE, Status.PARTIAL, Status.OVERDUE, Status.PENDING)
NOTE = (
    "说明：应报为需报送的单位数（不含免报）；上报率只计截至日期已到期的事项："
    "（按时 + 逾期补报）÷ 已到期应报，未到期的另列、不计入，部分报送计为未报；"
    "没有已到期事项时上报率为“—”。"
)
HEADER_ROW = 3
COUNT_WIDTH = 7.0  # 应报 … 免报: small numbers; a four-character header takes two lines
# At most this wide in all (units of ``column_px``): one page wide at 88 % or more, so the
# body prints at 9.5 points or more (never the 7-8 points of a squeezed fit-to-width).
PRINT_ROOM_PX = PAGE_WIDTH_PX * 100 / 88
LINE = 14.5  # points per line of 11-point text
MIDDLE = Alignment(vertical="center")


class _Sheet:
    """Appends bordered rows to a write-only sheet, counting rows as it goes."""

    def __init__(self, ws: Any, row: int) -> None:
        self.ws = ws
        self.row = row

    def append(self, values: Sequence[Any]) -> None:
        self.ws.append(values)
        self.row += 1

    def figures(
        self, label: Sequence[Any], t: Tally, *, bold: bool = False, lines: int = 1
    ) -> None:
        style: dict[str, Any] = {"border": BORDER}
        if bold:
            style["font"] = HEADER_FONT
        cells = [v if isinstance(v, Cell) else cell(self.ws, v, **style) for v in label]
        if isinstance(label[0], int):  # 序号 beside wrapped cells: centred in the row
            cells[0] = cell(self.ws, label[0], alignment=MIDDLE, **style)
        for value in (t.required, *(t[s] for s in COUNTED), t[Status.EXEMPT]):
            cells.append(cell(self.ws, value, border=BORDER, alignment=CENTER_WRAP))
        if t.rate is None:  # nothing due yet, or all 免报: no rate, not 0.0 %
            rate = cell(self.ws, NO_RATE, border=BORDER, alignment=CENTER_WRAP)
        else:
            rate = cell(
                self.ws, t.rate, border=BORDER, number_format=PERCENT_FORMAT, alignment=MIDDLE
            )
        if lines > 1:  # a write-only row's height goes out with it: set before appending
            self.ws.row_dimensions[self.row + 1].height = LINE * lines + 3
        self.append([*cells, rate])


def _widths(reqs: list[RequirementColumn]) -> list[float]:
    """序号, 通知文号, 报送事项, 时限, the counts, 上报率. The doc number and the title wrap
    within what the fixed columns leave of one legible page width."""
    fixed = [5, DATE_WIDTH, *([COUNT_WIDTH] * (len(COUNT_HEADERS) - 1)), 8]
    room_px = PRINT_ROOM_PX - sum(column_px(w) for w in fixed) - 2 * column_px(0)
    units = room_px / (column_px(1) - column_px(0))  # what the two columns share
    doc = excel_width([r.notice_label for r in reqs] + ["通知文号"], minimum=12, maximum=36)
    title = excel_width([r.title for r in reqs] + ["报送事项"], minimum=12, maximum=36)
    if doc + title > units:  # both wrap, each in its share of the room
        doc, title = (round(max(12.0, units * w / (doc + title)), 1) for w in (doc, title))
    return [5, doc, title, *fixed[1:]]


def write_summary(wb: Any, book: StatusBook) -> Any:
    ws = wb.create_sheet("汇总")
    reqs = book.requirements()
    repeat = f"{HEADER_ROW}:{HEADER_ROW}"
    setup_page(ws, PageSpec(book.title, book.as_of, repeat_rows=repeat, office=book.office))
    widths = _widths(reqs)
    set_widths(ws, widths)
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    title_rows(ws, f"{book.title}（汇总）", book.subtitle, widths)
    sheet = _Sheet(ws, row=2)  # after the title rows
    ws.row_dimensions[HEADER_ROW].height = 30
    sheet.append(header_cells(ws, HEADERS))
    by_req = tally_by(book.rows, lambda r: r.requirement_id)
    for i, req in enumerate(reqs, start=1):
        date_cell = cell(
            ws, req.deadline, border=BORDER, number_format=DATE_FORMAT, alignment=MIDDLE
        )
        doc = cell(ws, req.notice_label, border=BORDER, alignment=LEFT_WRAP)
        title = cell(ws, req.title, border=BORDER, alignment=LEFT_WRAP)
        lines = max(text_lines(req.notice_label, widths[1]), text_lines(req.title, widths[2]))
        sheet.figures([i, doc, title, date_cell], by_req[req.requirement_id], lines=lines)
    freeze_and_filter(ws, HEADER_ROW, len(HEADERS), sheet.row, ws.freeze_panes)
    _total_row(sheet, "合计", tally(book.rows))
    _category_table(sheet, book)
    sheet.append([])
    ws.row_dimensions[sheet.row + 1].height = 34
    sheet.append([cell(ws, NOTE, alignment=LEFT_WRAP)])
    ws.merged_cells.add(f"A{sheet.row}:L{sheet.row}")
    return ws


def _total_row(sheet: _Sheet, label: str, t: Tally) -> None:
    sheet.figures(["", label, "", ""], t, bold=True)
    sheet.ws.merged_cells.add(f"B{sheet.row}:D{sheet.row}")


def _category_table(sheet: _Sheet, book: StatusBook) -> None:
    ws = sheet.ws
    sheet.append([])
    sheet.append([cell(ws, "按单位类别统计", font=HEADER_FONT)])
    ws.row_dimensions[sheet.row + 1].height = 30
    sheet.append(header_cells(ws, ("序号", "单位类别", "", "", *COUNT_HEADERS)))
    ws.merged_cells.add(f"B{sheet.row}:D{sheet.row}")
    by_cat = tally_by(book.rows, lambda r: r.category)
    for i, category in enumerate(book.category_order(), start=1):
        sheet.figures([i, category, "", ""], by_cat[category])
        ws.merged_cells.add(f"B{sheet.row}:D{sheet.row}")
    _total_row(sheet, "合计", tally(book.rows))
