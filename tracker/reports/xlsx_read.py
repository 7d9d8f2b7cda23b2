"""Reading one sheet of a clerk's .xlsx, bounded: an .xlsx is a zip, and a hostile or careless
one must not cost minutes or gigabytes.

- every XML part is refused before it is inflated when its uncompressed size is over
  ``XML_PART_LIMIT`` (a 3 MB file whose sheet inflates to 3 GiB: refused at once);
- the sheet is streamed (openpyxl's read-only parser; defusedxml when installed), and only the
  cells actually present are kept — never the declared dimension, so an empty styled cell at
  XFD1048576 costs one cell, not a million rows;
- rows and columns holding values are capped, with a message naming the cap.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.domain.errors import TrackerError, ValidationError

XML_PART_LIMIT = 32 << 20  # one XML part, uncompressed: a real roster's sheet is well under 5 MB
PACKAGE_LIMIT = 1 << 30  # every part together (pictures included), uncompressed
PARTS_LIMIT = 5_000
CELL_LIMIT = 500_000  # cell elements parsed, empty styled ones included
Span = tuple[int, int, int, int]  # min_row, min_col, max_row, max_col


class WorkbookTooLarge(ValidationError):
    """A workbook (or one sheet) past a cap; nothing was read from it."""


@dataclass(frozen=True, slots=True)
class SheetCells:
    """The cells of one sheet that hold a value, by 1-based (row, column)."""

    source: str  # the file's name
    sheet: str
    sheets: tuple[str, ...]  # every sheet of the file, to choose from
    by_row: dict[int, dict[int, Any]]
    merged: tuple[Span, ...]  # clipped to the rows and columns that hold values
    formulas: frozenset[tuple[int, int]]  # formula cells (their saved result, if any, is a value)
    max_row: int  # the last row / column holding a value (0 when the sheet is empty)
    max_col: int

    def value(self, row: int, col: int) -> Any:
        return self.by_row.get(row, {}).get(col)

    def rows_with_values(self) -> list[int]:
        return sorted(self.by_row)

    def row(self, row: int) -> dict[int, Any]:
        return self.by_row.get(row, {})

    def dense(self) -> tuple[tuple[Any, ...], ...]:
        """Rows 1..max_row, each max_col wide (None where nothing is)."""
        grid = [[None] * self.max_col for _ in range(self.max_row)]
        for r, cells in self.by_row.items():
            for c, v in cells.items():
                grid[r - 1][c - 1] = v
        return tuple(tuple(r) for r in grid)


def check_package_size(zf: zipfile.ZipFile, name: str) -> None:
    """Refuse a workbook whose parts would inflate past the caps, before inflating any."""
    infos = zf.infolist()
    if len(infos) > PARTS_LIMIT:
        raise WorkbookTooLarge(f"文件“{name}”包含 {len(infos)} 个部件，不像是正常的 Excel 工作簿")
    total = 0
    for info in infos:
        total += info.file_size
        if info.filename.endswith((".xml", ".rels")) and info.file_size > XML_PART_LIMIT:
            raise WorkbookTooLarge(
                f"文件“{name}”中的 {info.filename} 解压后有 {_mb(info.file_size)}"
                f"（压缩后 {_mb(info.compress_size)}），超过 {_mb(XML_PART_LIMIT)} 的上限，"
                "不像是正常的工作簿（可能是“压缩炸弹”或表格中有大量带格式的空单元格）；未导入任何内容"
            )
    if total > PACKAGE_LIMIT:
        raise WorkbookTooLarge(
            f"文件“{name}”解压后共有 {_mb(total)}，超过 {_mb(PACKAGE_LIMIT)} 的上限；未导入任何内容"
        )


def _mb(size: int) -> str:
    return f"{size / (1 << 20):,.1f} MB" if size < (1 << 30) else f"{size / (1 << 30):,.1f} GB"


def read_sheet(
    path: Path, sheet: str | None = None, *, max_rows: int, max_cols: int, what: str = "工作表"
) -> SheetCells:
    """The values of ``sheet`` (default: the first) of an .xlsx, within the caps."""
    from tracker.reports.xlsx_common import check_workbook_file, load_checked

    path = Path(path)
    check_workbook_file(path)
    wb = load_checked(path, read_only=True)
    try:
        names = tuple(wb.sheetnames)
        if sheet is not None and sheet not in names:
            raise TrackerError(f"“{path.name}”中没有工作表“{sheet}”（有：{'、'.join(names)}）")
        if sheet is None and not wb.worksheets:  # a damaged workbook.xml can list none
            raise TrackerError(f"无法读取“{path.name}”：文件已损坏（没有工作表）")
        ws = wb[sheet] if sheet else wb.worksheets[0]
        if not hasattr(ws, "_get_source"):
            raise TrackerError(f"“{path.name}”的“{ws.title}”是图表，不是表格")
        return _stream(wb, ws, path.name, names, max_rows, max_cols, what)
    except (OSError, zipfile.BadZipFile, EOFError, KeyError) as exc:
        raise TrackerError(f"无法读取“{path.name}”：文件已损坏（{exc}）") from None
    except (ValueError, TypeError, SyntaxError) as exc:  # malformed XML, a bad cell reference
        raise TrackerError(f"无法读取“{path.name}”：文件内容已损坏（{exc}）") from None
    finally:
        wb.close()


def _stream(
    wb: Any, ws: Any, name: str, names: tuple[str, ...], max_rows: int, max_cols: int, what: str
) -> SheetCells:
    parser = _parser(wb, ws)
    by_row: dict[int, dict[int, Any]] = {}
    max_col = 0
    parsed = 0
    with ws._get_source() as src:
        parser.source = src
        for _row, cells in parser.parse():
            parsed += len(cells)
            if parsed > CELL_LIMIT:
                raise WorkbookTooLarge(
                    f"“{name}”的{what}“{ws.title}”有超过 {CELL_LIMIT:,} 个单元格"
                    "（可能有大量带格式的空单元格），请删去多余的行列后再导入；未导入任何内容"
                )
            for cell in cells:
                value = cell["value"]
                if value is None or value == "":
                    continue
                r, c = cell["row"], cell["column"]
                if c > max_cols:
                    raise WorkbookTooLarge(
                        f"“{name}”的{what}“{ws.title}”第{r}行第{c}列有内容，超过 {max_cols} 列的"
                        "上限，不像是这类表格。请检查文件，删去多余的列后再导入；未导入任何内容"
                    )
                if r > max_rows:
                    raise WorkbookTooLarge(
                        f"“{name}”的{what}“{ws.title}”超过 {max_rows} 行（也可能表格下方有大量"
                        "带格式的空行）。请检查文件，删去多余的行后再导入；未导入任何内容"
                    )
                by_row.setdefault(r, {})[c] = value
                max_col = max(max_col, c)
    max_row = max(by_row, default=0)
    return SheetCells(
        name, ws.title, names, by_row, _merged(parser, max_row, max_col),
        frozenset(parser.formulas), max_row, max_col,
    )  # fmt: skip


def _parser(wb: Any, ws: Any) -> Any:
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):  # type: ignore[misc]
        """Also notes which cells hold a formula (their saved result is the value)."""

        formulas: set[tuple[int, int]]

        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if element.find(FORMULA_TAG) is not None:
                self.formulas.add((cell["row"], cell["column"]))
            return cell

    parser = Parser(
        None,
        ws._shared_strings,
        data_only=True,
        epoch=wb.epoch,
        date_formats=wb._date_formats,
        timedelta_formats=wb._timedelta_formats,
    )
    parser.formulas = set()
    return parser


def _merged(parser: Any, max_row: int, max_col: int) -> tuple[Span, ...]:
    from openpyxl.utils import range_boundaries

    found = getattr(parser.merged_cells, "mergeCell", None) or []
    spans = []
    for item in found:
        min_col, min_row, hi_col, hi_row = range_boundaries(item.ref)
        if min_row > max_row or min_col > max_col:
            continue  # merged blanks below or right of the table hold nothing
        spans.append((min_row, min_col, min(hi_row, max_row), min(hi_col, max_col)))
    return tuple(spans)
