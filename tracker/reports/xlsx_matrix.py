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
    LEFT_WRAP,
    PERCENT_FORMAT,
    PageSpec,
    cell,
    column_px,
    excel_width,
    freeze_and_filter,
    header_cells,
    line_room,
    set_widths,
    setup_page,
    status_cells,
    text_lines,
    title_rows,
    word_lines,
)

REQ_WIDTH = 10.0
LINE = 14.5  # points per line of 11-point text
FIRST = 4  # first requirement column (after 序号, 单位, 类别)
FIT_WIDTH_LIMIT = 20  # more requirement columns than this print across pages instead


def _fits_by_words(text: str, width: float) -> bool:
    """Whether ``text`` breaks into lines of ``width`` only between words."""
    from tracker.domain.text import display_width
    from tracker.reports.gbt9704.segment import word_cuts

    lines = word_lines(text, width).split("\n")
    cuts, at = word_cuts(text), 0
    for line in lines[:-1]:
        at += len(line)
        if at not in cuts:
            return False
    return all(display_width(line) <= line_room(width) + 0.01 for line in lines)


def requirement_width(title: str, notice_label: str | None) -> float:
    """A requirement column wide enough that its title (and a notice label over it alone)
    breaks only between words: REQ_WIDTH, or wider up to 18."""
    texts = [title] + ([notice_label] if notice_label else [])
    for width in (REQ_WIDTH, 12.0, 14.0, 16.0, 18.0):
        if all(_fits_by_words(t, width) for t in texts):
            return width
    return 18.0


def _spans(reqs: list[RequirementColumn]) -> dict[int, tuple[str, int]]:
    spans: dict[int, tuple[str, int]] = {}
    for r in reqs:
        label, n = spans.get(r.notice_id, (r.notice_label, 0))
        spans[r.notice_id] = (label, n + 1)
    return spans


def _notice_widths(reqs: list[RequirementColumn], widths: list[float]) -> dict[int, float]:
    """The width each notice's label spans: its requirements' columns together."""
    spans: dict[int, float] = {}
    for r, w in zip(reqs, widths[FIRST - 1 : FIRST - 1 + len(reqs)], strict=True):
        spans[r.notice_id] = spans.get(r.notice_id, 0.0) + w
    return spans


def _header_heights(reqs: list[RequirementColumn], widths: list[float]) -> tuple[float, float]:
    """Heights of the notice row and the requirement row, so wrapped labels show whole."""
    spans = _notice_widths(reqs, widths)
    labels = {r.notice_id: r.notice_label for r in reqs}
    notice = max((_count(word_lines(labels[n], w)) for n, w in spans.items()), default=1)
    own = widths[FIRST - 1 : FIRST - 1 + len(reqs)]
    title = max((_count(word_lines(r.title, w)) for r, w in zip(reqs, own, strict=True)), default=1)
    return min(LINE * notice + 6, 100.0), min(LINE * (title + 1) + 6, 130.0)


def _count(lines: str) -> int:
    return lines.count("\n") + 1


def _headers(ws: Any, reqs: list[RequirementColumn], end: int, widths: list[float]) -> None:
    ws.row_dimensions[3].height, ws.row_dimensions[4].height = _header_heights(reqs, widths)
    # each notice's label once, over its first requirement (the merge covers the rest)
    spans = _notice_widths(reqs, widths)
    notices = [
        word_lines(r.notice_label, spans[r.notice_id])
        if i == 0 or reqs[i - 1].notice_id != r.notice_id
        else ""
        for i, r in enumerate(reqs)
    ]
    ws.append(header_cells(ws, ["序号", "单位", "类别", *notices, "逾期未报", "部分报送"]))
    own = widths[FIRST - 1 : FIRST - 1 + len(reqs)]
    titles = [
        f"{word_lines(r.title, w)}\n{format_cn_short(r.deadline)}"
        for r, w in zip(reqs, own, strict=True)
    ]
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
            office=book.office,
        ),
    )
    widths = _widths(units, reqs)
    set_widths(ws, widths)
    ws.freeze_panes = "D5"
    title_rows(ws, f"{book.title}（矩阵）", book.subtitle, widths)
    _headers(ws, reqs, end, widths)
    _body(ws, book, reqs, units, progress, done, total)
    freeze_and_filter(ws, 4, end, 4 + len(units), "D5")
    _rates(ws, book, reqs)
    _legend(ws, 6 + len(units), _legend_break(widths, ws, 5 + len(units)))
    return ws


# A4 landscape, the margins of ``setup_page``: the printable area in points and in pixels.
PRINT_HEIGHT = (210 / 25.4 - 1.4) * 72  # the page header and footer sit in the margins
PRINT_WIDTH_PX = (297 / 25.4 - 0.8) * 96


def _legend_break(widths: list[float], ws: Any, rows_before: int) -> bool:
    """Whether the legend (8 rows) would straddle a page: then it starts a page of its own.
    Estimated from the fit-to-width scale and the row heights; two rows of slack."""
    px = sum(column_px(w) for w in widths)
    scale = min(1.0, PRINT_WIDTH_PX / px)
    room = PRINT_HEIGHT / scale
    heights = [ws.row_dimensions[r].height or 15.0 for r in range(1, rows_before + 1)]
    repeat = sum(heights[2:4])  # the header rows print on every page
    used, first = 0.0, True
    for h in heights:
        if used + h > room:
            used, first = repeat + h, False
        else:
            used += h
    del first
    return used + 9 * 15.0 > room - 15.0  # the legend's rows, a row of slack


def _widths(units: list[Any], reqs: list[RequirementColumn]) -> list[float]:
    spans = _spans(reqs)
    alone = [r.notice_label if spans[r.notice_id][1] == 1 else None for r in reqs]
    return [
        5,
        excel_width([u.name for u in units] + ["单位"], minimum=12, maximum=34),
        excel_width([u.category for u in units], minimum=8, maximum=14),
        *(requirement_width(r.title, a) for r, a in zip(reqs, alone, strict=True)),
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
    unit_width = ws.column_dimensions["B"].width or 34
    styled = status_cells(ws, lambda s: s.word, border=BORDER, alignment=CENTER_WRAP)
    blank = cell(ws, None, border=BORDER)
    plain = {"border": BORDER}
    for i, unit in enumerate(units, start=1):
        statuses = [grid.get((unit.unit_id, req.requirement_id)) for req in reqs]
        overdue = sum(1 for s in statuses if s is Status.OVERDUE)
        partial = sum(1 for s in statuses if s is Status.PARTIAL)
        lines = text_lines(unit.name, unit_width)
        if lines > 1:  # a long name wraps (LibreOffice does not size the row itself)
            ws.row_dimensions[4 + i].height = LINE * lines + 2
        ws.append(
            [
                cell(ws, i, **plain),
                cell(ws, unit.name, alignment=LEFT_WRAP, **plain),
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


def _legend(ws: Any, blank_row: int, new_page: bool = False) -> None:
    """The words and colours explained, kept on one page (after ``blank_row``)."""
    ws.append([])
    if new_page:
        from openpyxl.worksheet.pagebreak import Break

        ws.row_breaks.append(Break(id=blank_row))
    ws.append([None, cell(ws, "图例", font=HEADER_FONT)])
    styled = status_cells(ws, lambda s: s.word, border=BORDER, alignment=CENTER_WRAP)
    for status in STATUS_ORDER:
        ws.append([None, styled[status], status.terms.meaning])
    ws.append([None, cell(ws, None, border=BORDER), "空白：该单位无需报送此项"])
