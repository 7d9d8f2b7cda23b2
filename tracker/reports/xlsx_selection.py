"""Ledger rows as a one-sheet workbook, with the columns asked for, in the order given.

The window's 导出所选 passes what the clerk sees in the grid (rows and columns in view
order); the 明细 sheet of 报送情况统计表 is the same table with a fixed set of columns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from tracker.domain.dates import format_cn
from tracker.domain.errors import ValidationError
from tracker.domain.records import ObligationRow
from tracker.reports.columns import LEDGER_COLUMNS, Col
from tracker.reports.status_book import Progress
from tracker.reports.xlsx_common import save_atomically, write_only_workbook
from tracker.reports.xlsx_style import PageSpec, set_properties
from tracker.reports.xlsx_table import Table, write_table

NUMBER_COL = Col("序号", "number", 5)
SELECTION_TITLE = "报送情况（导出所选）"


def ledger_table(
    rows: Sequence[ObligationRow],
    keys: Sequence[str],
    *,
    sheet: str,
    title: str,
    subtitle: str,
    as_of: date,
    headers: Mapping[str, str] | None = None,
    office: str = "",
) -> Table:
    unknown = [k for k in keys if k not in LEDGER_COLUMNS]
    if unknown or not keys:
        raise ValidationError(f"无法导出的列：{'、'.join(unknown) or '（未选择任何列）'}")
    columns = [LEDGER_COLUMNS[k] for k in keys]
    cols = [NUMBER_COL]
    for c in columns:
        header = (headers or {}).get(c.key)
        cols.append(replace(c.col, header=header) if header else c.col)
    getters = [c.value for c in columns]
    values = [[i, *(get(r) for get in getters)] for i, r in enumerate(rows, start=1)]
    return Table(
        sheet=sheet,
        title=title,
        subtitle=subtitle,
        cols=cols,
        values=values,
        page=PageSpec(title, as_of, repeat_rows="3:3", office=office),
        freeze="C4",
        word_headers=True,
    )


def write_selection(
    path: Path,
    rows: Sequence[ObligationRow],
    keys: Sequence[str],
    *,
    as_of: date,
    scope: str = "",
    author: str = "",
    headers: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    office: str = "",
) -> None:
    """``rows`` in the order given, one column per key of ``keys`` (see reports.columns)."""
    subtitle = f"{scope + '    ' if scope else ''}共{len(rows)}条    截至：{format_cn(as_of)}"
    table = ledger_table(
        rows,
        keys,
        sheet="报送情况",
        title=SELECTION_TITLE,
        subtitle=subtitle,
        as_of=as_of,
        headers=headers,
        office=office,
    )
    with write_only_workbook() as wb:
        set_properties(wb, SELECTION_TITLE, scope or "导出所选", as_of, author)
        write_table(wb, table, progress)
        save_atomically(wb, path)
