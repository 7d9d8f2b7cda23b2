"""排名 and 单位历史: the ledger's rows as of a day, counted per unit (reads only)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tracker.domain.clock import today
from tracker.domain.dates import format_cn
from tracker.domain.errors import ValidationError
from tracker.domain.history import BulletinMention, ReceivedFile, UnitHistory, unit_history
from tracker.domain.ledger_query import LedgerQuery
from tracker.domain.ranking import Ranking, RankingScope, rank_units
from tracker.domain.records import UnitRecord
from tracker.domain.runnable import without_bidi
from tracker.domain.status import Status
from tracker.services.archiving import ByteProgress
from tracker.services.export import ExportResult, check_target
from tracker.services.ledger import LedgerService
from tracker.services.notices import NoticeService
from tracker.services.units import UnitService
from tracker.services.viewer_copies import viewer_copy
from tracker.store.models import Bulletin, BulletinItem, Submission, SubmissionFile

NOTICES_NAMED = 3
# How a 通报 names an obligation: late or missing (the on-time ones it praises).
NAMED_STATUSES = (Status.LATE.value, Status.OVERDUE.value, Status.PARTIAL.value)


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
        its files, the 通报 that named it, and its figures and place in its category per
        year."""
        record = self.units.resolve(unit) if isinstance(unit, str) else unit
        day = as_of or today()
        rows = self.ledger.rows(LedgerQuery(as_of=day, categories=(record.category,)))
        own = [r.obligation_id for r in rows if r.unit_id == record.id]
        return unit_history(record, day, rows, self.files(own, day), self.named(own, day))

    def files(self, obligation_ids: Sequence[int], as_of: date) -> dict[int, list[ReceivedFile]]:
        """The files received for each obligation by ``as_of``, in the order they came."""
        out: dict[int, list[ReceivedFile]] = defaultdict(list)
        stmt = (
            select(Submission.obligation_id, SubmissionFile.original_name, SubmissionFile.sha256,
                   Submission.received_on)
            .join(SubmissionFile, SubmissionFile.submission_id == Submission.id)
            .where(Submission.received_on <= as_of)
            .order_by(Submission.received_on, Submission.id, SubmissionFile.id)
        )  # fmt: skip
        for oid, name, sha, day in self._chunked(stmt, Submission.obligation_id, obligation_ids):
            out[oid].append(ReceivedFile(_base_name(name), sha, day))
        return out

    def named(self, obligation_ids: Sequence[int], as_of: date) -> dict[int, list[BulletinMention]]:
        """The 通报 issued by ``as_of`` that named each obligation as late or missing."""
        out: dict[int, list[BulletinMention]] = defaultdict(list)
        stmt = (
            select(BulletinItem.obligation_id, Bulletin.number, Bulletin.bulletin_date,
                   BulletinItem.status)
            .join(Bulletin, Bulletin.id == BulletinItem.bulletin_id)
            .where(BulletinItem.status.in_(NAMED_STATUSES), Bulletin.bulletin_date <= as_of)
            .order_by(Bulletin.bulletin_date, Bulletin.id)
        )  # fmt: skip
        for oid, number, day, status in self._chunked(
            stmt, BulletinItem.obligation_id, obligation_ids
        ):
            out[oid].append(BulletinMention(number, day, Status(status)))
        return out

    def _chunked(self, stmt: Any, column: Any, ids: Sequence[int]) -> list[Any]:
        """``stmt`` for ``column`` in ``ids``, 500 at a time (SQLite limits bound parameters)."""
        found: list[Any] = []
        with self.ledger.ws.reading() as s:
            for at in range(0, len(ids), 500):
                found.extend(s.execute(stmt.where(column.in_(ids[at : at + 500]))))
        return found

    def received_copy(self, file: ReceivedFile, progress: ByteProgress | None = None) -> Path:
        """A verified copy of a received file under its own name in a fresh temporary folder,
        to open in the system's viewer (never the archive itself, never a program);
        ``progress(bytes done, bytes in all)`` as it is copied, an exception from it stops the
        copy and leaves nothing (see :mod:`tracker.services.viewer_copies`)."""
        return viewer_copy(self.ledger.ws.files, file.sha256, file.name, progress)


def _base_name(name: str) -> str:
    """The name without any folder (Windows or POSIX separators)."""
    return without_bidi(name).replace("\\", "/").rsplit("/", 1)[-1]
