"""排名 sheet: one row per unit, best first, with the figures of ``domain.ranking``; also as a
workbook of its own (``tracker ranking --format xlsx``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tracker.domain.dates import format_cn
from tracker.domain.ranking import RANKING_NOTE as NOTE
from tracker.domain.ranking import Figures, Ranking
from tracker.reports.xlsx_common import save_atomically, write_only_workbook
from tracker.reports.xlsx_style import (
    BORDER,
    CENTER_WRAP,
    HEADER_FONT,
    LEFT_WRAP,
    PERCENT_FORMAT,
    PageSpec,
    cell,
    excel_width,
    freeze_and_filter,
    header_cells,
    set_properties,
    set_widths,
    setup_page,
    text_lines,
    title_rows,
    word_lines,
)
from tracker.reports.xlsx_table import LINE_HEIGHT

TITLE = "报送情况排名表"
HEADERS = (
    "名次", "单位", "类别", "应报", "按时", "逾期补报", "未报/部分", "免报", "未到期",
    "上报率", "按时率", "平均逾期天数", "催报次数",
)  # fmt: skip
HEADER_ROW = 3


def write_ranking_sheet(
    wb: Any, ranking: Ranking, book_title: str = TITLE, office: str = ""
) -> Any:
    """The sheet 排名; ``book_title`` heads each printed page (the workbook's title)."""
    ws = wb.create_sheet("排名")
    as_of = ranking.scope.as_of
    title = TITLE if book_title == TITLE else f"{book_title}（排名）"
    repeat = f"{HEADER_ROW}:{HEADER_ROW}"
    setup_page(ws, PageSpec(book_title, as_of, repeat_rows=repeat, office=office))
    names = [r.unit for r in ranking.rows] + ["单位"]
    cats = [r.category for r in ranking.rows] + ["类别"]
    # A long name wraps in its cell (at most 28 wide), and the headers on two lines between
    # words: wider, the page would be squeezed under 9 points to stay one page wide.
    widths = [6, excel_width(names, minimum=14, maximum=28), excel_width(cats, minimum=8),
              7, 7, 7, 8, 7, 8, 8, 8, 12, 7]  # fmt: skip
    set_widths(ws, widths)
    ws.freeze_panes = f"A{HEADER_ROW + 1}"  # write-only: before the first row goes out
    subtitle = f"范围：{ranking.label or '全部通知'}    截至：{format_cn(as_of)}"
    title_rows(ws, title, subtitle, widths)
    ws.row_dimensions[HEADER_ROW].height = 30
    ws.append(header_cells(ws, [_header(h, w) for h, w in zip(HEADERS, widths, strict=True)]))
    row = HEADER_ROW
    for r in ranking.rows:
        lines = text_lines(r.unit, widths[1])
        if lines > 1:  # a write-only row's height goes out with it: set before appending
            ws.row_dimensions[row + 1].height = LINE_HEIGHT * lines + 3
        ws.append(_figure_cells(ws, ["" if r.rank is None else r.rank, r.unit, r.category],
                                r.figures))  # fmt: skip
        row += 1
    freeze_and_filter(ws, HEADER_ROW, len(HEADERS), row, ws.freeze_panes)
    ws.append(_figure_cells(ws, ["", "合计", ""], ranking.total, bold=True))
    row += 1
    ws.merged_cells.add(f"B{row}:C{row}")
    ws.append([])
    ws.row_dimensions[row + 2].height = 48
    ws.append([cell(ws, NOTE, alignment=LEFT_WRAP)])
    ws.merged_cells.add(f"A{row + 2}:M{row + 2}")
    return ws


def _header(text: str, width: float) -> str:
    """On one line when it fits, else on two broken between words (逾期 / 补报)."""
    return text if excel_width([text]) <= width else word_lines(text, width)


def _figure_cells(ws: Any, label: list[Any], f: Figures, *, bold: bool = False) -> list[Any]:
    style: dict[str, Any] = {"border": BORDER}
    if bold:
        style["font"] = HEADER_FONT
    cells = [cell(ws, v, alignment=CENTER_WRAP if i != 1 else LEFT_WRAP, **style)
             for i, v in enumerate(label)]  # fmt: skip
    counts = (f.due, f.on_time, f.late, f.missing, f.exempt, f.pending)
    cells += [cell(ws, v, alignment=CENTER_WRAP, **style) for v in counts]
    for rate in (f.rate, f.on_time_rate):
        cells.append(cell(ws, "—" if rate is None else rate, number_format=PERCENT_FORMAT,
                          alignment=CENTER_WRAP, **style))  # fmt: skip
    days = "—" if f.days_late_avg is None else round(f.days_late_avg, 1)
    cells.append(cell(ws, days, number_format="0.0", alignment=CENTER_WRAP, **style))
    cells.append(cell(ws, f.reminders, alignment=CENTER_WRAP, **style))
    return cells


def write_ranking_workbook(path: Path, ranking: Ranking, author: str = "") -> None:
    with write_only_workbook() as wb:
        set_properties(wb, TITLE, ranking.label, ranking.scope.as_of, author)
        write_ranking_sheet(wb, ranking)
        save_atomically(wb, path)
