"""排名 and 单位历史: the ledger's rows as of a day, counted per unit (reads only)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select

from tracker.domain.clock import today
from tracker.domain.dates import format_cn
from tracker.domain.errors import ValidationError
from tracker.domain.history import UnitHistory, unit_history
from tracker.domain.ledger_query import LedgerQuery
from tracker.domain.ranking import Ranking, RankingScope, rank_units
from tracker.domain.records import UnitRecord
from tracker.services.export import ExportResult, check_target
from tracker.services.ledger import LedgerService
from tracker.services.notices import NoticeService
from tracker.services.units import UnitService
from tracker.store.models import Submission, SubmissionFile

NOTICES_NAMED = 3


class RankingService:
    def __init__(self, ledger: LedgerService, notices: NoticeService, units: UnitService) -> None:
        self.ledger = ledger
        self.notices = notices
        self.units = units

    def ranking(self, scope: RankingScope) -> Ranking:
        """Every unit owing something in ``scope``, best first."""
        if scope.since and scope.until and scope.since > scope.until:
            raise ValidationError(
                f"起始日期{format_cn(scope.since)}晚于截止日期{format_cn(scope.until)}"
            )
        query = LedgerQuery(
            as_of=scope.as_of, notice_ids=scope.notice_ids, categories=scope.categories
        )
        rows = self.ledger.rows(query)
        ranking = rank_units(rows, scope, self.units.categories())
        return Ranking(
            ranking.scope, ranking.rows, ranking.total, self.label(scope), ranking.categories
        )

    def write_xlsx(self, path: Path, scope: RankingScope) -> ExportResult:
        """报送情况排名表 as a workbook of one sheet."""
        from tracker.reports.xlsx_ranking import write_ranking_workbook

        path = check_target(path)
        ranking = self.ranking(scope)
        write_ranking_workbook(path, ranking, self.ledger.ws.user)
        summary = f"已导出报送情况排名表（{len(ranking.rows)}个单位）：{path}"
        return ExportResult(path, len(ranking.rows), summary)

    def label(self, scope: RankingScope) -> str:
        """范围 in words: 津市场监管标准〔2023〕14号；2023年 …"""
        parts = []
        if scope.notice_ids:
            labels = [self.notices.get(n).doc_number or self.notices.get(n).title
                      for n in scope.notice_ids]  # fmt: skip
            shown = "、".join(labels[:NOTICES_NAMED])
            parts.append(shown + (f"等{len(labels)}个通知" if len(labels) > NOTICES_NAMED else ""))
        else:
            parts.append("全部通知")
        if scope.year is not None:
            parts.append(f"{scope.year}年")
        if scope.since or scope.until:
            parts.append(f"{format_cn(scope.since)}至{format_cn(scope.until)}".strip("至"))
        if scope.categories:
            parts.append("、".join(scope.categories))
        return "；".join(parts)

    # -- one unit's history ----------------------------------------------------------------
    def history(self, unit: UnitRecord | str, as_of: date | None = None) -> UnitHistory:
        """Every obligation ``unit`` (a record, or a name or alias) had, newest first, with
        its figures and its place in its category per year."""
        record = self.units.resolve(unit) if isinstance(unit, str) else unit
        day = as_of or today()
        rows = self.ledger.rows(LedgerQuery(as_of=day, categories=(record.category,)))
        own = [r.obligation_id for r in rows if r.unit_id == record.id]
        return unit_history(record, day, rows, self.files(own, day))

    def files(self, obligation_ids: Sequence[int], as_of: date) -> dict[int, list[str]]:
        """Original names of the files received for each obligation by ``as_of``."""
        out: dict[int, list[str]] = defaultdict(list)
        if not obligation_ids:
            return out
        stmt = (
            select(Submission.obligation_id, SubmissionFile.original_name)
            .join(SubmissionFile, SubmissionFile.submission_id == Submission.id)
            .where(Submission.obligation_id.in_(obligation_ids), Submission.received_on <= as_of)
            .order_by(Submission.received_on, Submission.id, SubmissionFile.id)
        )
        with self.ledger.ws.reading() as s:
            for oid, name in s.execute(stmt):
                out[oid].append(Path(name).name)
        return out
