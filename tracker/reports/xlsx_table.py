"""One flat table on a write-only sheet: title rows, a styled header, typed cells, print setup.

Used by the 明细 sheet and by the selection export, the two places where rows run into the
tens of thousands; everything here is shaped by the benchmark in tests/benchmarks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from openpyxl.styles import Alignment

from tracker.reports.columns import Col
from tracker.reports.status_book import Progress
from tracker.reports.xlsx_common import FORMULA_LEADS
from tracker.reports.xlsx_style import (
    BORDER,
    DATE_FORMAT,
    DATE_WIDTH,
    PERCENT_FORMAT,
    PageSpec,
    TemplateCell,
    excel_width,
    freeze_and_filter,
    header_cells,
    set_widths,
    setup_page,
    split_print,
    status_cells,
    text_lines,
    title_rows,
)

HEADER_ROW = 3
PRINTED_AGAIN = 2  # 序号 and 单位 repeat on each printed part of a wide sheet
PROGRESS_STEP = 2000
_LEADS = "".join(FORMULA_LEADS)
FORMATTED = ("date", "percent")
LINE_HEIGHT = 14.5  # points per line of 11-point text
STATUS_ALIGNMENT = Alignment(horizontal="center", vertical="center")
# Every data cell centred vertically, as in the 汇总 and the printed lists: a one-line cell
# beside a wrapped 通知文号 sits in the middle of the row, not at its foot.
MIDDLE = Alignment(vertical="center")
MIDDLE_WRAP = Alignment(vertical="center", wrap_text=True)


@dataclass(frozen=True, slots=True)
class Table:
    sheet: str
    title: str
    subtitle: str
    cols: Sequence[Col]
    values: Sequence[list[Any]]  # one list per row, one value per column
    page: PageSpec
    freeze: str = "A4"
    # The app's own headers broken between words where a column is narrower (逾期 / 天数);
    # a sheet whose headers are data (关键数据's figure names) keeps them as they are.
    word_headers: bool = False


def column_widths(table: Table) -> list[float]:
    widths = []
    for j, col in enumerate(table.cols):
        head = excel_width([col.header], minimum=col.min_width, maximum=col.max_width)
        if col.kind == "date":
            widths.append(max(DATE_WIDTH, head))
            continue
        texts = {v if type(v) is str else str(v) for v in (row[j] for row in table.values) if v}
        data = excel_width(texts, minimum=col.min_width, maximum=col.max_width)
        widths.append(
            max(data, head) if col.kind in ("text", "status") else data
        )  # numbers' headers wrap
    return widths


def scrub_control_characters(table: Table) -> None:
    """Drop control characters (pasted in from other programs) that xlsx cannot hold;
    openpyxl would refuse the whole export over one of them."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    for j, col in enumerate(table.cols):
        if col.kind != "text":
            continue
        texts = {v for v in (row[j] for row in table.values) if type(v) is str}
        bad = {
            t: ILLEGAL_CHARACTERS_RE.sub("", t) for t in texts if ILLEGAL_CHARACTERS_RE.search(t)
        }
        if bad:
            for row in table.values:
                if row[j] in bad:
                    row[j] = bad[row[j]]


def write_table(
    wb: Any, table: Table, progress: Progress | None = None, done: int = 0, total: int = 0
) -> Any:
    """Append ``table`` as a new sheet of the write-only workbook ``wb``."""
    ws = wb.create_sheet(table.sheet)
    n = len(table.cols)
    scrub_control_characters(table)
    widths = column_widths(table)
    # write-only: sheet properties, views and widths go out before the first row
    setup_page(ws, table.page)
    split = split_print(ws, widths, repeat=PRINTED_AGAIN)
    set_widths(ws, widths)
    ws.freeze_panes = table.freeze
    title_rows(ws, table.title, table.subtitle, widths)
    ws.row_dimensions[HEADER_ROW].height = 30
    headers = _headers(table.cols, widths) if table.word_headers else [c.header for c in table.cols]
    ws.append(header_cells(ws, headers))
    _write_rows(ws, table, widths, progress, done, total or len(table.values))
    last = HEADER_ROW + len(table.values)
    freeze_and_filter(ws, HEADER_ROW, n, last, table.freeze)
    if split:  # the title rows, merged across every part, would print cut at each part's edge
        from openpyxl.utils import get_column_letter

        ws.print_area = f"A{HEADER_ROW}:{get_column_letter(n)}{max(last, HEADER_ROW)}"
    return ws


def _headers(cols: Sequence[Col], widths: list[float]) -> list[str]:
    return [header_text(c.header, w) for c, w in zip(cols, widths, strict=True)]


def header_text(header: str, width: float) -> str:
    """A header wider than its column on two lines broken between words (逾期 / 天数), the
    lines as even as the words allow: the programs would wrap it anywhere (逾期天 / 数)."""
    from tracker.domain.text import display_width

    if display_width(header) <= (width - 1.5) / 1.05:  # fits (the inverse of excel_width)
        return header
    from tracker.reports.gbt9704.segment import word_cuts

    cuts = word_cuts(header)
    if not cuts:
        return header
    k = min(cuts, key=lambda k: max(display_width(header[:k]), display_width(header[k:])))
    return f"{header[:k]}\n{header[k:]}"


def _write_rows(
    ws: Any,
    table: Table,
    widths: list[float],
    progress: Progress | None,
    done: int,
    total: int,
) -> None:
    styler = _Styler(ws, table.cols, widths)
    heights = _RowHeights()
    append = ws.append
    for i, values in enumerate(table.values, start=1):
        row = list(values)
        tallest = styler.apply(row)
        if tallest > 1:  # not every program sizes wrapped rows itself (LibreOffice does not)
            ws.row_dimensions[HEADER_ROW + i] = heights[tallest]
        append(row)
        if progress is not None and i % PROGRESS_STEP == 0:
            progress(done + i, total)
    if progress is not None:
        progress(done + len(table.values), total)


class _Styler:
    """Turns a row of plain values into what ``ws.append`` needs: every cell through one
    reused, thinly bordered template cell per column and value type (see TemplateCell) —
    dates and percents formatted, statuses in their colours, long text wrapped. A text cell
    is always written as text, so nothing reads as a formula.
    """

    def __init__(self, ws: Any, cols: Sequence[Col], widths: list[float]) -> None:
        self.ws = ws
        self.cols = list(cols)
        self.templates: list[dict[type, TemplateCell]] = [{} for _ in cols]
        self.wrapped = [
            TemplateCell.make(ws, alignment=MIDDLE_WRAP, border=BORDER) if c.wrap else None
            for c in cols
        ]
        self.line_count = [_lines(w) for w in widths]
        self.statuses = {j: _status_cells(ws) for j, c in enumerate(cols) if c.kind == "status"}
        self.blank = TemplateCell.make(
            ws, data_type="n", border=BORDER, alignment=MIDDLE
        )  # an empty cell

    def apply(self, row: list[Any]) -> int:
        """Replace the values in ``row`` by styled cells; return the lines its tallest cell
        takes."""
        tallest = 1
        for j, v in enumerate(row):
            statuses = self.statuses.get(j)
            if statuses is not None and v in statuses:
                row[j] = statuses[v]
                continue
            if v is None or v == "":
                row[j] = self.blank
                continue
            wrap = self.wrapped[j]
            if wrap is not None and type(v) is str:
                n = self.line_count[j](v)
                if n > 1:
                    wrap.put(v)
                    row[j] = wrap
                    tallest = max(tallest, n)
                    continue
            target = self.templates[j].get(type(v))
            if target is None:
                target = self.templates[j][type(v)] = _template(self.ws, self.cols[j], v)
            target.put(v)
            row[j] = target
        return tallest


def _lines(width: float) -> Callable[[str], int]:
    """How many lines a text takes wrapped in a column ``width`` wide (cached per text)."""
    known: dict[str, int] = {}

    def lines(text: str) -> int:
        answer = known.get(text)
        if answer is None:
            answer = known[text] = text_lines(text, width)
        return answer

    return lines


def _status_cells(ws: Any) -> dict[Any, TemplateCell]:
    """A status label's cell in the status's colours (as in the window's grid)."""
    cells = status_cells(ws, lambda s: s.label, alignment=STATUS_ALIGNMENT, border=BORDER)
    return {s.label: c for s, c in cells.items()}


def _template(ws: Any, col: Col, sample: Any) -> TemplateCell:
    """The bordered, vertically centred cell for values like ``sample`` in ``col``."""
    style = {"border": BORDER, "alignment": MIDDLE}
    if isinstance(sample, str):
        return TemplateCell.make(ws, data_type="s", **style)
    if isinstance(sample, date):
        return TemplateCell.make(ws, data_type="d", number_format=DATE_FORMAT, **style)
    if col.kind == "percent":
        return TemplateCell.make(ws, data_type="n", number_format=PERCENT_FORMAT, **style)
    return TemplateCell.make(ws, data_type="n", **style)


class _RowHeights(dict[int, dict[str, str]]):
    """The row attributes for each height. The write-only writer only merges a row's entry
    into its tag, so one small mapping per height serves every row that tall (cheaper than
    a RowDimension per row, measured in tests/benchmarks/bench_export.py)."""

    def __missing__(self, lines: int) -> dict[str, str]:
        attrs = self[lines] = {"ht": f"{LINE_HEIGHT * lines + 2:g}", "customHeight": "1"}
        return attrs
