"""关键数据 sheet: one row per unit × requirement, a column per kind of figure, the totals and
the ready sentence for the office's own summary. Plain data in, no session."""

from __future__ import annotations

from typing import Any

from tracker.domain.figures import KINDS
from tracker.reports.columns import Col
from tracker.reports.figure_sheet import FigureLine, FigureSheet
from tracker.reports.xlsx_style import BORDER, HEADER_FONT, LEFT_WRAP, PageSpec, cell, text_lines
from tracker.reports.xlsx_table import HEADER_ROW, Table, column_widths, write_table

SHEET = "关键数据"


def _remark(line: FigureLine) -> str:
    approx = [k for k, (_, a, _) in line.values.items() if a]
    fixed = [k for k, (_, _, c) in line.values.items() if c]
    parts = []
    if approx:
        parts.append(f"约数（下限）：{'、'.join(approx)}")
    if fixed:
        parts.append(f"人工更正：{'、'.join(fixed)}")
    return "；".join(parts)


def figures_table(sheet: FigureSheet) -> Table:
    kinds = [k for k in KINDS if k in sheet.totals]
    cols = [Col("序号", "number", 5), Col("单位", max_width=30, wrap=True), Col("类别")]
    cols += [Col("通知", max_width=24, wrap=True), Col("报送事项", max_width=20, wrap=True)]
    cols += [Col(k, "number", 8) for k in kinds] + [Col("备注", max_width=30, wrap=True)]
    values: list[list[Any]] = []
    for i, line in enumerate(sheet.lines, start=1):
        figures = [line.values[k][0] if k in line.values else None for k in kinds]
        values.append([i, line.unit, line.category, line.notice, line.requirement, *figures,
                       _remark(line)])  # fmt: skip
    approx_total = [k for k in kinds if sheet.totals[k][1]]
    note = f"含约数：{'、'.join(approx_total)}" if approx_total else ""
    values.append([None, "合计", "", "", "", *(sheet.totals[k][0] for k in kinds), note])
    return Table(
        sheet=SHEET,
        title=SHEET,
        subtitle=f"范围：{sheet.scope}（数字取自各单位报送的总结，“余”“多”“约”按下限计）",
        cols=cols,
        values=values,
        page=PageSpec(SHEET, sheet.as_of, repeat_rows="3:3"),
        freeze="C4",
    )


def write_figures(wb: Any, sheet: FigureSheet) -> Any:
    """The table, then the ready sentence on a row of its own, merged across the table so that
    it reads (and prints) as one paragraph."""
    from openpyxl.utils import get_column_letter

    table = figures_table(sheet)
    ws = write_table(wb, table)
    widths = column_widths(table)
    row = HEADER_ROW + len(table.values) + 1
    ws.row_dimensions[row].height = 15 * text_lines(sheet.sentence, sum(widths[2:])) + 6
    label = cell(ws, "汇总表述", font=HEADER_FONT, alignment=LEFT_WRAP, border=BORDER)
    ws.append([cell(ws, None, border=BORDER), label,
               cell(ws, sheet.sentence, alignment=LEFT_WRAP, border=BORDER),
               *(cell(ws, None, border=BORDER) for _ in widths[3:])])  # fmt: skip
    ws.merged_cells.add(f"C{row}:{get_column_letter(len(widths))}{row}")
    return ws
