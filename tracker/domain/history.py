"""A unit's history: every obligation it had across notices and years (its files, the 通报
that named it), and how it did each year against the other units of its category (pure
functions over ledger rows)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from tracker.domain.dates import format_cn
from tracker.domain.ranking import Figures, RankingScope, figures, rank_units
from tracker.domain.records import ObligationRow, UnitRecord
from tracker.domain.status import Status


@dataclass(frozen=True, slots=True)
class ReceivedFile:
    """A file received for an obligation, as archived (opened from the history)."""

    name: str  # its original name, without folders
    sha256: str
    received_on: date


@dataclass(frozen=True, slots=True)
class BulletinMention:
    """A 通报 that named an obligation as late or missing, and how it stood then."""

    number: str
    bulletin_date: date
    status: Status

    @property
    def text(self) -> str:
        """津市场监管标准〔2023〕31号（2023年12月4日）"""
        return f"{self.number}（{format_cn(self.bulletin_date)}）"


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    row: ObligationRow
    files: tuple[ReceivedFile, ...] = ()  # in the order they were received
    named_in: tuple[BulletinMention, ...] = ()  # oldest first

    @property
    def file_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.files)

    @property
    def named_text(self) -> str:
        """The 通报 that named it: 津市场监管标准〔2023〕31号（2023年12月4日）、…"""
        return "、".join(m.text for m in self.named_in)

    @property
    def received_on(self) -> date | None:
        """When it was complete; for an incomplete one, when the first part arrived."""
        if self.row.completed_on is not None:
            return self.row.completed_on
        return min(self.row.first_received.values(), default=None)


@dataclass(frozen=True, slots=True)
class YearRecord:
    """One year (of the deadlines): the unit's figures and its place in its category."""

    year: int
    figures: Figures
    rank: int | None
    ranked: int  # units of the category with something due that year


@dataclass(frozen=True, slots=True)
class UnitHistory:
    unit: UnitRecord
    as_of: date
    entries: tuple[HistoryEntry, ...]
    years: tuple[YearRecord, ...]  # newest first


def unit_history(
    unit: UnitRecord,
    as_of: date,
    category_rows: Sequence[ObligationRow],
    files: Mapping[int, Sequence[ReceivedFile]],
    named: Mapping[int, Sequence[BulletinMention]] | None = None,
) -> UnitHistory:
    """``category_rows``: the ledger rows of every unit of ``unit``'s category (the unit's own
    among them) as of ``as_of``; ``files``: the files received, by obligation id; ``named``:
    the 通报 that named each obligation."""
    named = named or {}
    own = [r for r in category_rows if r.unit_id == unit.id]
    own.sort(key=lambda r: (r.deadline, r.notice_id, r.requirement_id), reverse=True)
    entries = tuple(
        HistoryEntry(
            r, tuple(files.get(r.obligation_id, ())), tuple(named.get(r.obligation_id, ()))
        )
        for r in own
    )
    years = []
    for year in sorted({r.deadline.year for r in own}, reverse=True):
        ranking = rank_units(category_rows, RankingScope(as_of, year=year))
        place = ranking.of(unit.id)
        mine = figures(r for r in own if r.deadline.year == year)
        years.append(YearRecord(year, mine, place.rank if place else None, ranking.ranked))
    return UnitHistory(unit, as_of, entries, tuple(years))
