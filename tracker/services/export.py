"""Exporting the ledger to Excel: 报送情况统计表 and 导出所选.

Reads only; the workbook writers (and openpyxl) load when an export starts, not at start-up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from tracker.domain.clock import today
from tracker.domain.dates import format_cn
from tracker.domain.errors import ValidationError
from tracker.domain.records import ObligationRow
from tracker.reports.status_book import Progress, StatusBook
from tracker.services.figures import FiguresService
from tracker.services.ledger import LedgerService
from tracker.services.ledger_rows import LedgerQuery
from tracker.services.notices import NoticeService
from tracker.services.settings import SettingsService
from tracker.services.units import UnitService
from tracker.services.workspace import Workspace

ALL_NOTICES = "全部通知"
SCOPE_NAMES_SHOWN = 3


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    rows: int
    summary: str  # one sentence for the status bar or the terminal


def check_target(path: Path) -> Path:
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError(f"导出文件“{path.name}”应以 .xlsx 结尾")
    if path.is_dir():
        raise ValidationError(f"“{path}”是文件夹，请指定文件名")
    return path


class ExportService:
    def __init__(
        self,
        ws: Workspace,
        ledger: LedgerService,
        notices: NoticeService,
        units: UnitService,
        settings: SettingsService | None = None,
        figures: FiguresService | None = None,
    ) -> None:
        self.settings = settings
        self.ws = ws
        self.figures = figures
        self.ledger = ledger
        self.notices = notices
        self.units = units

    def _office(self) -> str:
        """制表 in the printed pages' footer: the clerk's office, not the program."""
        return self.settings.office().maker if self.settings is not None else ""

    def scope_label(self, notice_ids: Sequence[int]) -> str:
        if not notice_ids:
            return ALL_NOTICES
        labels = [self.notices.get(nid).label for nid in notice_ids]
        if len(labels) > SCOPE_NAMES_SHOWN:
            shown = "；".join(labels[:SCOPE_NAMES_SHOWN])
            return f"{shown} 等{len(labels)}个通知"
        return "；".join(labels)

    def status_book(self, notice_ids: Sequence[int] = (), as_of: date | None = None) -> StatusBook:
        day = as_of or today()
        rows = self.ledger.rows(LedgerQuery(as_of=day, notice_ids=tuple(notice_ids)))
        if not rows:
            raise ValidationError("所选通知没有任何报送单位，没有可导出的内容")
        return StatusBook(
            rows,
            day,
            self.scope_label(notice_ids),
            author=self.ws.user,
            office=self._office(),
            categories=self.units.categories(),
        )

    def write_status(
        self,
        path: Path,
        notice_ids: Sequence[int] = (),
        as_of: date | None = None,
        progress: Progress | None = None,
    ) -> ExportResult:
        """报送情况统计表 (汇总, 明细, 矩阵) of ``notice_ids`` (all when empty) as of a day."""
        from tracker.reports.xlsx_status import write_status_workbook

        path = check_target(path)
        book = self.status_book(notice_ids, as_of)
        if self.figures is not None:  # the 关键数据 sheet, when the summaries gave figures
            # reading the summaries shows on the bar (and can be cancelled) before writing
            figures = self.figures.table(notice_ids=notice_ids, progress=progress)
            book = replace(book, figures=figures.sheet(book.as_of))
        write_status_workbook(path, book, progress)
        summary = f"已导出报送情况统计表（截至{format_cn(book.as_of)}，{len(book.rows)}条）：{path}"
        return ExportResult(path, len(book.rows), summary)

    def write_selection(
        self,
        path: Path,
        rows: Sequence[ObligationRow],
        columns: Sequence[str],
        *,
        headers: Mapping[str, str] | None = None,
        scope: str = "",
        progress: Progress | None = None,
    ) -> ExportResult:
        """The rows and columns the clerk sees, in that order (column keys: reports.columns)."""
        from tracker.reports.xlsx_selection import write_selection

        path = check_target(path)
        if not rows:
            raise ValidationError("没有选中任何记录，没有可导出的内容")
        as_of = rows[0].as_of
        write_selection(
            path,
            rows,
            columns,
            as_of=as_of,
            scope=scope,
            author=self.ws.user,
            office=self._office(),
            headers=headers,
            progress=progress,
        )
        return ExportResult(path, len(rows), f"已导出{len(rows)}条记录：{path}")
