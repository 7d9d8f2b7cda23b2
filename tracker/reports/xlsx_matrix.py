"""矩阵: units down, requirements across, each cell a status's short word in its colours
(``Status.terms``: the same words and palette as the window's 矩阵)."""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter

from tracker.domain.dates import format_cn_short
from tracker.domain.status import STATUS_ORDER, Status
from tracker.domain.tally import NO_RATE, tally_by
from tracker.reports.status_book import Progress, RequirementColumn, StatusBook
from tracker.reports.xlsx_style import (
    BORDER,
    CENTER_WRAP,
    HEADER_FONT,
    PERCENT_FORMAT,
    PageSpec,
    cell,
    excel_width,
    freeze_and_filter,
    header_cells,
    set_widths,
    setup_page,
    status_cells,
    text_lines,
    title_rows,
)

REQ_WIDTH = 10.0
LINE = 14.5  # points per line of 11-point text
FIRST = 4  # first requirement column (after 序号, 单位, 类别)
FIT_WIDTH_LIMIT = 20  # more requirement columns than this print across pages instead


def _header_heights(reqs: list[RequirementColumn]) -> tuple[float, float]:
    """Heights of the notice row and the requirement row, so wrapped labels show whole."""
    spans: dict[int, tuple[str, int]] = {}
    for r in reqs:
        label, n = spans.get(r.notice_id, (r.notice_label, 0))
        spans[r.notice_id] = (label, n + 1)
    notice = max((text_lines(t, REQ_WIDTH * n) for t, n in spans.values()), default=1)
    title = max((text_lines(r.title, REQ_WIDTH) for r in reqs), default=1) + 1  # + deadline
    return min(LINE * notice + 6, 100.0), min(LINE * title + 6, 130.0)


def _headers(ws: Any, reqs: list[RequirementColumn], end: int) -> None:
    ws.row_dimensions[3].height, ws.row_dimensions[4].height = _header_heights(reqs)
    # each notice's label once, over its first requirement (the merge covers the rest)
    notices = [
        r.notice_label if i == 0 or reqs[i - 1].notice_id != r.notice_id else ""
        for i, r in enumerate(reqs)
    ]
    ws.append(header_cells(ws, ["序号", "单位", "类别", *notices, "逾期未报", "部分报送"]))
    titles = [f"{r.title}\n{format_cn_short(r.deadline)}" for r in reqs]
    ws.append(header_cells(ws, ["", "", "", *titles, "", ""]))
    for col in (1, 2, 3, end - 1, end):
        letter = get_column_letter(col)
        ws.merged_cells.add(f"{letter}3:{letter}4")
    start = FIRST
    for i in range(1, len(reqs) + 1):  # one merged label over each notice's requirements
        if i == len(reqs) or reqs[i].notice_id != reqs[start - FIRST].notice_id:
            if i + FIRST - 1 > start:
                ws.merged_cells.add(
                    f"{get_column_letter(start)}3:{get_column_letter(i + FIRST - 1)}3"
                )
            start = i + FIRST


def write_matrix(
    wb: Any, book: StatusBook, progress: Progress | None = None, done: int = 0, total: int = 0
) -> Any:
    ws = wb.create_sheet("矩阵")
    reqs, units = book.requirements(), book.units()
    end = FIRST + len(reqs) + 1  # the last column: 部分报送
    setup_page(
        ws,
        PageSpec(
            book.title,
            book.as_of,
            repeat_rows="3:4",
            repeat_cols="A:C",
            fit_width=len(reqs) <= FIT_WIDTH_LIMIT,
        ),
    )
    widths = _widths(units, len(reqs))
    set_widths(ws, widths)
    ws.freeze_panes = "D5"
    title_rows(ws, f"{book.title}（矩阵）", book.subtitle, widths)
    _headers(ws, reqs, end)
    _body(ws, book, reqs, units, progress, done, total)
    freeze_and_filter(ws, 4, end, 4 + len(units), "D5")
    _rates(ws, book, reqs)
    _legend(ws)
    return ws


def _widths(units: list[Any], requirements: int) -> list[float]:
    return [
        5,
        excel_width([u.name for u in units] + ["单位"], minimum=12, maximum=34),
        excel_width([u.category for u in units], minimum=8, maximum=14),
        *([REQ_WIDTH] * requirements),
        9,
        9,
    ]


def _body(
    ws: Any,
    book: StatusBook,
    reqs: list[RequirementColumn],
    units: list[Any],
    progress: Progress | None,
    done: int,
    total: int,
) -> None:
    grid = {(r.unit_id, r.requirement_id): r.status for r in book.rows}
    styled = status_cells(ws, lambda s: s.word, border=BORDER, alignment=CENTER_WRAP)
    blank = cell(ws, None, border=BORDER)
    plain = {"border": BORDER}
    for i, unit in enumerate(units, start=1):
        statuses = [grid.get((unit.unit_id, req.requirement_id)) for req in reqs]
        overdue = sum(1 for s in statuses if s is Status.OVERDUE)
        partial = sum(1 for s in statuses if s is Status.PARTIAL)
        ws.append(
            [
                cell(ws, i, **plain),
                cell(ws, unit.name, **plain),
                cell(ws, unit.category, **plain),
                *(blank if s is None else styled[s] for s in statuses),
                cell(ws, overdue or None, alignment=CENTER_WRAP, **plain),
                cell(ws, partial or None, alignment=CENTER_WRAP, **plain),
            ]
        )
        if progress is not None and i % 50 == 0:
            progress(done + i, total)


def _rate_cell(ws: Any, rate: float | None) -> Any:
    """The rate, or — when nothing is due yet (never 0.0 %)."""
    if rate is None:
        return cell(ws, NO_RATE, border=BORDER, alignment=CENTER_WRAP)
    return cell(ws, rate, border=BORDER, number_format=PERCENT_FORMAT)


def _rates(ws: Any, book: StatusBook, reqs: list[RequirementColumn]) -> None:
    by_req = tally_by(book.rows, lambda r: r.requirement_id)
    rates = [_rate_cell(ws, by_req[r.requirement_id].rate) for r in reqs]
    label = cell(ws, "上报率", font=HEADER_FONT, border=BORDER)
    ws.append([cell(ws, None, border=BORDER), label, cell(ws, None, border=BORDER), *rates])


def _legend(ws: Any) -> None:
    ws.append([])
    ws.append([None, cell(ws, "图例", font=HEADER_FONT)])
    styled = status_cells(ws, lambda s: s.word, border=BORDER, alignment=CENTER_WRAP)
    for status in STATUS_ORDER:
        ws.append([None, styled[status], status.terms.meaning])
    ws.append([None, cell(ws, None, border=BORDER), "空白：该单位无需报送此项"])
