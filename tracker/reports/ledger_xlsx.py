"""Reading a clerk's old Excel ledger as a plain grid: merged titles, two-row headers and
blank lines included. What the cells mean is decided elsewhere (domain.ledger_marks)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.domain.ledger_map import column_letter
from tracker.domain.text import normalize_name
from tracker.reports.xlsx_read import read_sheet

HEADER_SCAN_ROWS = 20
# An old ledger is a few hundred units by a few dozen items; far more is the wrong file.
MAX_ROWS = 5_000
MAX_COLS = 500
UNIT_WORDS = ("单位", "名称", "部门")
Span = tuple[int, int, int, int]  # min_row, min_col, max_row, max_col


@dataclass(frozen=True, slots=True)
class SheetGrid:
    source: str  # the file's name
    sheet: str
    sheets: tuple[str, ...]  # every sheet of the file, to choose from
    cells: tuple[tuple[Any, ...], ...]  # values by row, then column (0-based here)
    merged: tuple[Span, ...]

    @property
    def rows(self) -> int:
        return len(self.cells)

    @property
    def cols(self) -> int:
        return max((len(r) for r in self.cells), default=0)

    def raw(self, row: int, col: int) -> Any:
        """The value stored at 1-based ``row``/``col`` (None outside the sheet)."""
        if 1 <= row <= len(self.cells) and 1 <= col <= len(self.cells[row - 1]):
            return self.cells[row - 1][col - 1]
        return None

    def span_of(self, row: int, col: int) -> Span | None:
        for span in self.merged:
            if span[0] <= row <= span[2] and span[1] <= col <= span[3]:
                return span
        return None

    def value(self, row: int, col: int) -> Any:
        """The value shown at ``row``/``col``: a merged area's value fills all of it."""
        span = self.span_of(row, col)
        return self.raw(span[0], span[1]) if span else self.raw(row, col)

    def filled(self, row: int) -> int:
        return sum(1 for v in (self.cells[row - 1] if row <= self.rows else ()) if _text(v))

    def is_title(self, row: int) -> bool:
        """A title or a note line: one value at most (often merged across the table)."""
        return self.filled(row) <= 1

    def guess_header_row(self) -> int:
        """The last header row: the first row naming 单位, extended down when that cell is
        merged over two rows (a two-level header); else the first row that is not a title."""
        for r in range(1, min(self.rows, HEADER_SCAN_ROWS) + 1):
            if self.is_title(r):
                continue
            for c in range(1, self.cols + 1):
                if any(w in _text(self.raw(r, c)) for w in UNIT_WORDS):
                    span = self.span_of(r, c)
                    return span[2] if span else r
        return next((r for r in range(1, self.rows + 1) if not self.is_title(r)), 1)

    def header_top(self, header_row: int) -> int:
        """The first row of the header block ending at ``header_row``: the row above too
        when it groups columns (阶段性总结 merged over 电子版 and 盖章)."""
        above = header_row - 1
        if above < 1 or self.is_title(above):
            return header_row
        groups = any(s[0] <= above <= s[2] and s[3] > s[1] for s in self.merged)
        straddles = any(s[0] <= above and s[2] >= header_row for s in self.merged)
        return above if groups or straddles else header_row

    def labels(self, header_row: int) -> dict[int, str]:
        """Each column's header text, the levels joined with “/” (阶段性总结/电子版)."""
        top = self.header_top(header_row)
        out: dict[int, str] = {}
        for c in range(1, self.cols + 1):
            parts: list[str] = []
            for r in range(top, header_row + 1):
                text = _text(self.value(r, c))
                if text and text not in parts:
                    parts.append(text)
            out[c] = "/".join(parts)
        return out

    def guess_unit_column(self, header_row: int) -> int:
        for c, label in self.labels(header_row).items():
            if any(w in label for w in UNIT_WORDS):
                return c
        return 1

    def is_heading(self, row: int, col: int) -> bool:
        """Inside a merged area as wide as half the table: a group heading (一、区局)."""
        span = self.span_of(row, col)
        return span is not None and (span[3] - span[1] + 1) * 2 >= self.cols

    def samples(self, header_row: int, col: int, count: int = 3) -> list[str]:
        found = []
        for r in range(header_row + 1, self.rows + 1):
            text = "" if self.is_heading(r, col) else _text(self.value(r, col))
            if text:
                found.append(text)
                if len(found) == count:
                    break
        return found

    def caption(self, col: int, header_row: int) -> str:
        label = self.labels(header_row).get(col, "")
        return f"{column_letter(col)}列" + (f"“{label}”" if label else "")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    return normalize_name(value)


def read_ledger_sheet(path: Path, sheet: str | None = None) -> SheetGrid:
    """The sheet ``sheet`` (default: the first) of an .xlsx, values only, within the caps."""
    cells = read_sheet(Path(path), sheet, max_rows=MAX_ROWS, max_cols=MAX_COLS, what="台账")
    return SheetGrid(cells.source, cells.sheet, cells.sheets, cells.dense(), cells.merged)
