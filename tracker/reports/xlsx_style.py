"""The office's look for exported workbooks: styles, column widths, print and page setup.

Imported only when a workbook is written (openpyxl is heavy); callers import this module
inside the functions that need it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.properties import PageSetupProperties

from tracker.domain.dates import format_cn
from tracker.domain.status import Status
from tracker.domain.text import display_width
from tracker.reports.xlsx_common import FORMULA_LEADS

DATE_FORMAT = 'yyyy"年"m"月"d"日"'
PERCENT_FORMAT = "0.0%"
APP_NAME = "报送督办台账"
# Width of "2023年12月31日" in Excel's width units, with a little room.
DATE_WIDTH = 15.5

_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_FONT = Font(bold=True)
TITLE_FONT = Font(bold=True, size=16)
SUBTITLE_FONT = Font(size=11, color="404040")
CENTER_WRAP = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT_WRAP = Alignment(horizontal="left", vertical="center", wrap_text=True)
WRAP = Alignment(wrap_text=True)


def excel_width(texts: Iterable[str], *, minimum: float = 6, maximum: float = 50) -> float:
    """A column width (Excel units, about one Latin digit each) that fits the widest text.

    A CJK character is about 2.1 digits wide in Excel's default font (less in LibreOffice);
    plus a little padding.
    """
    widest = max((display_width(t) for t in set(texts) if t), default=0)
    return round(min(max(widest * 1.05 + 1.5, minimum), maximum), 1)


def text_lines(text: str, width: float) -> int:
    """Lines ``text`` takes when wrapped in a column ``width`` wide (the inverse of
    ``excel_width``, with a little slack for its rounding)."""
    per_line = max((width - 1.5) / 1.05, 2) + 0.05
    return max(1, math.ceil(display_width(text) / per_line))


def line_room(width: float) -> float:
    """Display units (a CJK character is 2) one line of a column ``width`` wide holds in the
    narrower of Excel and LibreOffice."""
    return max((width - 1.5) / 1.05 * 7 / 8.5, 2.0)


def word_lines(text: str, width: float) -> str:
    """``text`` broken at word boundaries into lines that fit a column ``width`` wide (Excel
    units), joined by newlines: Excel, WPS and LibreOffice would otherwise wrap it anywhere
    (世界标准日活 / 动总结)."""
    from tracker.domain.text import display_width
    from tracker.reports.gbt9704.titles import title_lines

    lines = title_lines(text, line_room(width), lambda t: float(display_width(t)))
    return "\n".join(lines)


def cell(ws: Any, value: Any = None, **style: Any) -> Any:
    """A styled write-only cell (``font=``, ``fill=``, ``border=``, ``alignment=``,
    ``number_format=``)."""
    c = WriteOnlyCell(ws, value)
    if isinstance(value, str) and value.startswith(FORMULA_LEADS):
        c.data_type = "s"  # never a formula
    for key, val in style.items():
        setattr(c, key, val)
    return c


def header_cells(ws: Any, names: Iterable[str]) -> list[Any]:
    return [
        cell(ws, n, font=HEADER_FONT, fill=HEADER_FILL, border=BORDER, alignment=CENTER_WRAP)
        for n in names
    ]


class TemplateCell(Cell):  # type: ignore[misc]
    """A styled cell reused for every row of one column of a write-only sheet.

    ``ws.append`` writes a row out before returning, so one cell can carry each row's value
    in turn. Its style is fixed once made: the style id is looked up once, not per value.
    """

    __slots__ = ("_fixed_style_id",)

    @classmethod
    def make(cls, ws: Any, data_type: str = "s", **style: Any) -> TemplateCell:
        c = cls(ws, row=1, column=1)
        for key, val in style.items():
            setattr(c, key, val)
        c._fixed_style_id = Cell.style_id.fget(c)
        c.data_type = data_type
        return c

    def put(self, value: Any) -> None:
        """Take a value of this column's one type (a date, or a number) without re-deriving
        the type and number format on every row, as the ``value`` setter does."""
        self._value = value  # type: ignore[misc]  # (a slot of Cell)

    @property
    def style_id(self) -> int:
        return int(self._fixed_style_id)

    @property
    def has_style(self) -> bool:  # asked twice per cell written; always styled
        return True

    def __repr__(self) -> str:  # openpyxl formats it into an error it catches, on every row
        return "<TemplateCell>"


def date_template(ws: Any) -> TemplateCell:
    return TemplateCell.make(ws, data_type="d", number_format=DATE_FORMAT)


def status_cells(
    ws: Any, text: Callable[[Status], str], **style: Any
) -> dict[Status, TemplateCell]:
    """One cell per status in the one palette (``Status.terms``) plus ``style``, its value
    ``text(status)``: reused for every cell of that status, as the value is the same."""
    cells = {}
    for s in Status:
        t = s.terms
        look: dict[str, Any] = {"font": Font(color=_argb(t.ink), bold=t.bold), **style}
        if t.fill:
            look["fill"] = PatternFill("solid", fgColor=_argb(t.fill))
        c = TemplateCell.make(ws, **look)
        c.value = text(s)
        cells[s] = c
    return cells


def _argb(colour: str | None) -> str | None:
    """ "#9c0006" as openpyxl wants it ("9C0006"); None stays the default."""
    return colour.lstrip("#").upper() if colour else None


def title_rows(ws: Any, title: str, subtitle: str, widths: Sequence[float]) -> None:
    """Rows 1-2: the title and the scope/as-of line, each merged across the table. The scope
    wraps within the table: text running past it would widen the printout."""
    from openpyxl.utils import get_column_letter

    last = get_column_letter(max(len(widths), 1))
    ws.row_dimensions[1].height = 30
    ws.row_dimensions[2].height = 15 * text_lines(subtitle, sum(widths)) + 3
    ws.append([cell(ws, title, font=TITLE_FONT, alignment=Alignment(horizontal="center"))])
    ws.append([cell(ws, subtitle, font=SUBTITLE_FONT, alignment=LEFT_WRAP)])
    if len(widths) > 1:
        ws.merged_cells.add(f"A1:{last}1")
        ws.merged_cells.add(f"A2:{last}2")


def set_widths(ws: Any, widths: Iterable[float]) -> None:
    from openpyxl.utils import get_column_letter

    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def _escape(text: str) -> str:
    return text.replace("&", "&&")  # & starts a code in Excel headers and footers


@dataclass(frozen=True, slots=True)
class PageSpec:
    title: str
    as_of: date
    repeat_rows: str | None = None  # e.g. "3:3"
    repeat_cols: str | None = None  # e.g. "A:C"
    fit_width: bool = True
    office: str = ""  # 制表, in the footer (never the program's name)


MIN_PRINT_SCALE = 82  # 11-point cells print at 9 points at least
PAGE_WIDTH_PX = (297 / 25.4 - 0.8) * 96  # A4 landscape less the margins, at 96 dpi


PRINT_SLACK = 0.98  # a part that fills the page to the pixel spills a column onto a page of its own


def column_px(width: float) -> float:
    """A column's printed width in pixels at 100 %, as the widest of the programs measures
    it: Excel takes 7 px a unit plus 5 px padding, LibreOffice about 9.1 px a unit (its
    default font's digits are wider; measured from its PDFs), so a part that fits here fits
    in both."""
    return width * 9.1 + 5


def print_parts(widths: Sequence[float], repeat: int) -> tuple[int, list[int]] | None:
    """A sheet too wide for one page at ``MIN_PRINT_SCALE``: the scale and the columns after
    which a new page starts, the first ``repeat`` columns printed again on each part. None
    when fitting one page wide stays legible. The scale is the largest (up to a little above
    the floor) that needs no more parts than the floor does."""
    px = [column_px(w) for w in widths]
    if sum(px) * MIN_PRINT_SCALE / 100 <= PAGE_WIDTH_PX * PRINT_SLACK:
        return None
    fewest = len(_part_breaks(px, repeat, MIN_PRINT_SCALE))
    for scale in range(MIN_PRINT_SCALE + 8, MIN_PRINT_SCALE, -1):
        breaks = _part_breaks(px, repeat, scale)
        if len(breaks) == fewest:
            return scale, breaks
    return MIN_PRINT_SCALE, _part_breaks(px, repeat, MIN_PRINT_SCALE)


def _part_breaks(px: Sequence[float], repeat: int, scale: int) -> list[int]:
    """Greedy parts at ``scale`` (the fewest there are): the columns after which each ends."""
    room = PAGE_WIDTH_PX * PRINT_SLACK * 100 / scale
    head = sum(px[:repeat])
    breaks, used = [], head
    for k in range(repeat, len(px)):
        if used + px[k] > room and used > head:
            breaks.append(k)  # a break after column k (1-based k = the last on the page)
            used = head
        used += px[k]
    return breaks


def split_print(ws: Any, widths: Sequence[float], repeat: int) -> bool:
    """Print a wide sheet in parts (unit columns repeated) at a legible scale instead of
    squeezing it onto one page; returns whether it did. Call before the first row."""
    parts = print_parts(widths, repeat)
    if parts is None:
        return False
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break

    scale, breaks = parts
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=False)
    ws.page_setup.scale = scale
    ws.print_title_cols = f"A:{get_column_letter(repeat)}"
    for k in breaks:
        ws.col_breaks.append(Break(id=k))
    return True


def setup_page(ws: Any, spec: PageSpec) -> None:
    """A4 landscape, one page wide, header rows repeated, title/as-of/page N of M.

    Write-only sheets: call before the first row (the fit-to-page flag goes out first).
    """
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.orientation = "landscape"
    if spec.fit_width:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages tall as it takes
    if spec.repeat_rows:
        ws.print_title_rows = spec.repeat_rows
    if spec.repeat_cols:
        ws.print_title_cols = spec.repeat_cols
    ws.print_options.horizontalCentered = True
    margins = ws.page_margins
    margins.left = margins.right = 0.4
    margins.top = margins.bottom = 0.7
    margins.header = margins.footer = 0.3
    ws.oddHeader.center.text = _escape(spec.title)
    ws.oddHeader.center.size = 12
    ws.oddHeader.right.text = _escape(f"截至{format_cn(spec.as_of)}")
    ws.oddFooter.left.text = "&A"  # the sheet name
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    if spec.office:
        ws.oddFooter.right.text = _escape(f"制表：{spec.office}")


def freeze_and_filter(ws: Any, header_row: int, columns: int, last_row: int, freeze: str) -> None:
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = freeze
    if last_row >= header_row:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(columns)}{last_row}"


def set_properties(wb: Any, title: str, subject: str, as_of: date, author: str) -> None:
    props = wb.properties
    props.title = title
    props.subject = subject
    props.creator = author or APP_NAME
    props.lastModifiedBy = author or APP_NAME
    props.keywords = f"报送情况; 截至{as_of.isoformat()}"
    props.description = f"{APP_NAME}导出，截至{format_cn(as_of)}"
    props.category = "报送情况统计"
    props.created = props.modified = datetime.now().replace(microsecond=0)
