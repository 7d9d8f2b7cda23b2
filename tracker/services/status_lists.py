"""逾期未报名单 and 即将到期 lists: the rows of a scope, grouped and totalled, as PDF."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tracker.domain.errors import ValidationError
from tracker.domain.status import Status
from tracker.domain.status_lists import StatusList, build_status_list
from tracker.services.ledger import LedgerService
from tracker.services.ledger_rows import LedgerQuery
from tracker.services.settings import SettingsService

DUE_SOON_WORKDAYS = 5


class StatusListService:
    def __init__(self, ledger: LedgerService, settings: SettingsService | None = None) -> None:
        self.ledger = ledger
        self.settings = settings

    def _office(self) -> str:
        """制表: the office named in the list's footer (处室 of the 发文机关)."""
        if self.settings is None:
            return ""
        return self.settings.office().maker

    def overdue(self, query: LedgerQuery) -> StatusList:
        """逾期未报 and 部分报送 rows of the scope (``query`` without its status filter)."""
        scope = self.ledger.rows(replace(query, statuses=()))
        listed = [r for r in scope if r.status.needs_action]
        return replace(
            build_status_list("overdue", listed, scope, query.as_of), office=self._office()
        )

    def due_soon(self, query: LedgerQuery, within: int = DUE_SOON_WORKDAYS) -> StatusList:
        """Rows not yet due, still missing something, due within ``within`` working days."""
        if within < 0:
            raise ValidationError("“即将到期”的工作日数不能为负数")
        scope = self.ledger.rows(replace(query, statuses=()))
        listed = [
            r
            for r in scope
            if r.status is Status.PENDING
            and r.workdays_left is not None
            and r.workdays_left <= within
        ]
        extra = f"，{within}个工作日内到期"
        built = build_status_list("due_soon", listed, scope, query.as_of, extra)
        return replace(built, office=self._office())

    @staticmethod
    def write(report: StatusList, path: Path) -> set[str]:
        """The list as an A4 landscape PDF; returns characters no font could draw."""
        from tracker.reports.pdf_lists import write_status_list

        return write_status_list(path, report)

    @staticmethod
    def pdf(report: StatusList) -> bytes:
        from tracker.reports.pdf_lists import status_list_pdf

        return status_list_pdf(report)
