"""One flat table on a write-only sheet: title rows, a styled header, typed cells, print setup.

Used by the 明细 sheet and by the selection export, the two places where rows run into the
tens of thousands; everything here is shaped by the benchmark in tests/benchmarks.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from tracker.domain.text import display_width
from tracker.reports.status_book import Progress
from tracker.reports.xlsx_common import FORMULA_LEADS
from tracker.reports.xlsx_style import (
    DATE_WIDTH,
    PERCENT_FORMAT,
    WRAP,
    PageSpec,
    TemplateCell,
    cell,
    date_template,
    excel_width,
    freeze_and_filter,
    header_cells,
    set_widths,
    setup_page,
    title_rows,
)

Kind = Literal["text", "date", "number", "percent"]
HEADER_ROW = 3
PROGRESS_STEP = 2000
_LEADS = "".join(FORMULA_LEADS)
FORMATTED = ("date", "percent")
LINE_HEIGHT = 14.5  # points per line of 11-point text


@dataclass(frozen=True, slots=True)
class Col:
    header: str
    kind: Kind = "text"
    min_width: float = 6
    max_width: float = 40
    wrap: bool = False  # long text wraps within max_width instead of widening the page


@dataclass(frozen=True, slots=True)
class Table:
    sheet: str
    title: str
    subtitle: str
    cols: Sequence[Col]
    values: Sequence[list[Any]]  # one list per row, one value per column
    page: PageSpec
    freeze: str = "A4"


def column_widths(table: Table) -> list[float]:
    widths = []
    for j, col in enumerate(table.cols):
        head = excel_width([col.header], minimum=col.min_width, maximum=col.max_width)
        if col.kind == "date":
            widths.append(max(DATE_WIDTH, head))
            continue
        texts = {v if type(v) is str else str(v) for v in (row[j] for row in table.values) if v}
        data = excel_width(texts, minimum=col.min_width, maximum=col.max_width)
        widths.append(max(data, head if col.kind == "text" else min(head, 10)))
    return widths


def write_table(
    wb: Any, table: Table, progress: Progress | None = None, done: int = 0, total: int = 0
) -> Any:
    """Append ``table`` as a new sheet of the write-only workbook ``wb``."""
    ws = wb.create_sheet(table.sheet)
    n = len(table.cols)
    widths = column_widths(table)
    # write-only: sheet properties, views and widths go out before the first row
    setup_page(ws, table.page)
    set_widths(ws, widths)
    ws.freeze_panes = table.freeze
    title_rows(ws, table.title, table.subtitle, n)
    ws.row_dimensions[HEADER_ROW].height = 30
    ws.append(header_cells(ws, (c.header for c in table.cols)))
    _write_rows(ws, table, widths, progress, done, total or len(table.values))
    last = HEADER_ROW + len(table.values)
    freeze_and_filter(ws, HEADER_ROW, n, last, table.freeze)
    return ws


def _write_rows(
    ws: Any,
    table: Table,
    widths: list[float],
    progress: Progress | None,
    done: int,
    total: int,
) -> None:
    # Styled values go out through one reused template cell per column (see TemplateCell):
    # dates and percents always, wrapped text only when too long for its column.
    stamps = {j: _template(ws, c) for j, c in enumerate(table.cols) if c.kind in FORMATTED}
    wraps = {
        j: (TemplateCell.make(ws, alignment=WRAP), _lines(widths[j]))
        for j, c in enumerate(table.cols)
        if c.wrap
    }
    plain = [j for j in range(len(table.cols)) if j not in wraps]
    append = ws.append
    for i, values in enumerate(table.values, start=1):
        row = list(values)
        for j in plain:
            v = row[j]
            if type(v) is str:
                if v and v[0] in _LEADS:
                    row[j] = cell(ws, v)  # text, never a formula
            elif v is not None and j in stamps:
                stamp = stamps[j]
                stamp.value = v
                row[j] = stamp
        tallest = 1
        for j, (wrap, lines) in wraps.items():
            v = row[j]
            if type(v) is str and v:
                n = lines(v)
                if n > 1 or v[0] in _LEADS:
                    wrap.value = v
                    wrap.data_type = "s"
                    row[j] = wrap
                    tallest = max(tallest, n)
        if tallest > 1:  # not every program sizes wrapped rows itself (LibreOffice does not)
            ws.row_dimensions[HEADER_ROW + i].height = LINE_HEIGHT * tallest + 2
        append(row)
        if progress is not None and i % PROGRESS_STEP == 0:
            progress(done + i, total)
    if progress is not None:
        progress(done + len(table.values), total)


def _lines(width: float) -> Callable[[str], int]:
    """How many lines a text takes wrapped in a column ``width`` wide (cached per text)."""
    limit = max((width - 1.5) / 1.05, 2)
    known: dict[str, int] = {}

    def lines(text: str) -> int:
        answer = known.get(text)
        if answer is None:
            answer = known[text] = max(1, math.ceil(display_width(text) / limit))
        return answer

    return lines


def _template(ws: Any, col: Col) -> TemplateCell:
    # Every cell keeps Excel's default bottom alignment, so a wrapped row still lines up.
    if col.kind == "date":
        return date_template(ws)
    return TemplateCell.make(ws, number_format=PERCENT_FORMAT)
