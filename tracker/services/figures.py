"""关键数据: key figures read from each registered summary, with the clerk's corrections.

The figures are read from the archived files each time (cached by content hash in memory);
only the clerk's corrections are stored, each one audited.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from threading import Lock

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.changes import Changes, Topic
from tracker.domain.clock import today
from tracker.domain.errors import NotFoundError, ValidationError
from tracker.domain.figures import (
    KINDS,
    Rolled,
    best_of,
    find_figures,
    roll_up,
    summary_sentence,
)
from tracker.domain.records import Change
from tracker.reports.figure_sheet import FigureLine, FigureSheet
from tracker.services import audit
from tracker.services.extract import ExtractError, extract_text, readable
from tracker.services.figure_fixes import figure_state, find_fix
from tracker.services.notices import find_notice
from tracker.services.workspace import Workspace, retry_races
from tracker.store.models import (
    FigureCorrection,
    Notice,
    Obligation,
    Requirement,
    Submission,
    SubmissionFile,
    Unit,
)
from tracker.store.time import now

Progress = Callable[[int, int], None]
MAX_VALUE = 1_000_000_000


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One unit × requirement × kind, as read (and as corrected)."""

    obligation_id: int
    unit_id: int
    unit: str
    category: str
    notice: str
    requirement: str
    kind: str
    value: int
    approx: bool
    sentence: str  # the sentence(s) the reader took it from ("" when only corrected)
    file: str
    corrected: bool = False
    read_value: int | None = None  # what the reader found, when corrected
    note: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "unit": self.unit,
            "requirement": self.requirement,
            "kind": self.kind,
            "value": self.value,
            "approx": self.approx,
            "sentence": self.sentence,
            "file": self.file,
            "corrected": self.corrected,
        }


@dataclass(frozen=True, slots=True)
class Submitted:
    """A unit × requirement with something registered: a row of the 关键数据 tab even when
    nothing was read from it (a scan, a paper copy), so the clerk can type its figures."""

    obligation_id: int
    unit: str
    requirement: str


@dataclass(frozen=True, slots=True)
class FiguresTable:
    scope: str
    rows: tuple[FigureRow, ...]
    problems: tuple[str, ...]  # files that could not be read, one line each
    submitted: tuple[Submitted, ...] = ()

    def totals(self) -> dict[str, tuple[int, bool]]:
        out: dict[str, tuple[int, bool]] = {}
        for r in self.rows:
            value, approx = out.get(r.kind, (0, False))
            out[r.kind] = (value + r.value, approx or r.approx)
        return {k: out[k] for k in KINDS if k in out}

    def sentence(self, area: str = "全市") -> str:
        return summary_sentence(self.totals(), area)

    def sheet(self, as_of: date) -> FigureSheet:
        lines: dict[int, FigureLine] = {}
        for r in self.rows:
            line = lines.setdefault(
                r.obligation_id, FigureLine(r.unit, r.category, r.notice, r.requirement)
            )
            line.values[r.kind] = (r.value, r.approx, r.corrected)
        return FigureSheet(self.scope, as_of, list(lines.values()), self.totals(), self.sentence())


class _TextCache:
    """Figures per file hash: reading a .docx is slow next to looking it up."""

    def __init__(self, size: int = 2000) -> None:
        self._items: OrderedDict[str, dict[str, Rolled]] = OrderedDict()
        self._size = size
        self._lock = Lock()

    def get(self, sha: str, path: Path) -> dict[str, Rolled]:
        with self._lock:
            if sha in self._items:
                self._items.move_to_end(sha)
                return self._items[sha]
        rolled = roll_up(find_figures(extract_text(path).text))
        with self._lock:
            self._items[sha] = rolled
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return rolled


_CACHE = _TextCache()


@dataclass(frozen=True, slots=True)
class _Owner:
    obligation_id: int
    unit_id: int
    unit: str
    category: str
    notice: str
    requirement: str


class FiguresService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def table(
        self,
        notice: str | int | None = None,
        progress: Progress | None = None,
        *,
        notice_ids: Sequence[int] = (),
    ) -> FiguresTable:
        """Figures of one notice (id, 文号 or title), of ``notice_ids``, or of all notices."""
        with self.ws.reading() as s:
            ids = list(notice_ids)
            scope = ""
            if notice is not None:
                n = s.get(Notice, notice) if isinstance(notice, int) else find_notice(s, notice)
                if n is None:
                    raise NotFoundError(f"通知（编号 {notice}）不存在")
                ids, scope = [n.id], f"{n.doc_number} {n.title}".strip()
            owners, files, fixes, submitted = _load(s, ids)
            scope = scope or ("全部通知" if not ids else f"{len(ids)}个通知")
        problems: list[str] = []
        by_obligation: dict[int, list[tuple[dict[str, Rolled], str]]] = {}
        for i, (oid, sha, name) in enumerate(files):
            if progress is not None:
                progress(i, len(files))
            try:
                rolled = _CACHE.get(sha, self.ws.files.path_for(sha, name))
            except (ExtractError, OSError) as exc:
                problems.append(f"{owners[oid].unit}：{exc}")
                continue
            by_obligation.setdefault(oid, []).append((rolled, name))
        rows = [
            row
            for oid, owner in owners.items()
            for row in _rows(owner, by_obligation.get(oid, []), fixes.get(oid, {}))
        ]
        shown = tuple(
            Submitted(oid, owners[oid].unit, owners[oid].requirement)
            for oid in owners
            if oid in submitted
        )
        return FiguresTable(scope, tuple(rows), tuple(problems), shown)

    def write_xlsx(self, path: Path, notice: str | int | None = None) -> FiguresTable:
        """The 关键数据 sheet alone, as its own workbook."""
        from tracker.reports.xlsx_common import save_atomically, write_only_workbook
        from tracker.reports.xlsx_figures import write_figures
        from tracker.services.export import check_target

        path = check_target(path)
        table = self.table(notice)
        if not table.rows:
            raise ValidationError("所选通知的报送材料中没有读出关键数据，没有可导出的内容")
        with write_only_workbook() as wb:
            write_figures(wb, table.sheet(today()))
            save_atomically(wb, path)
        return table

    @retry_races  # two clerks correcting it first at once: the second runs again, over it
    def correct(
        self, obligation_id: int, kind: str, value: int | None, approx: bool = False, note: str = ""
    ) -> Change:
        """The clerk's value for ``kind`` (None: back to what the reader found)."""
        if kind not in KINDS:
            raise ValidationError(f"没有“{kind}”这项数据，可用：{'、'.join(KINDS)}")
        if value is not None and not 0 <= value <= MAX_VALUE:
            raise ValidationError(f"{kind}应在 0 到 {MAX_VALUE} 之间")
        with self.ws.transaction() as s:
            o = s.get(Obligation, obligation_id)
            if o is None:
                raise NotFoundError(f"报送义务（编号 {obligation_id}）不存在")
            fix = find_fix(s, obligation_id, kind)
            before = figure_state(kind, fix)
            where = f"{o.unit.name}·{o.requirement.title}·{kind}"
            if value is None:
                if fix is not None:
                    s.delete(fix)
                summary = f"恢复关键数据：{where}（按文件读出的数）"
                fix = None
            else:
                if fix is None:
                    fix = FigureCorrection(obligation_id=obligation_id, kind=kind)
                    s.add(fix)
                fix.value, fix.approx, fix.note = value, approx, note
                fix.corrected_at, fix.corrected_by = now(), self.ws.user
                summary = f"更正关键数据：{where} = {value}{'余' if approx else ''}"
            s.flush()
            aid = audit.record(
                s,
                user=self.ws.user,
                action="figure.correct",
                entity="obligation",
                entity_id=obligation_id,
                summary=summary,
                before=before,
                after=figure_state(kind, fix),
            )
        self.ws.announce(Changes.of(Topic.SUBMISSIONS, [obligation_id]))
        return Change((aid,), summary)


def _rows(
    owner: _Owner,
    docs: Sequence[tuple[dict[str, Rolled], str]],
    fixes: dict[str, FigureCorrection],
) -> list[FigureRow]:
    best = best_of([d for d, _ in docs])
    source = {k: name for d, name in docs for k, r in d.items() if best.get(k) is r}
    rows = []
    for kind in KINDS:
        read, fix = best.get(kind), fixes.get(kind)
        if read is None and fix is None:
            continue
        rows.append(
            FigureRow(
                obligation_id=owner.obligation_id,
                unit_id=owner.unit_id,
                unit=owner.unit,
                category=owner.category,
                notice=owner.notice,
                requirement=owner.requirement,
                kind=kind,
                value=fix.value if fix else read.value,  # type: ignore[union-attr]
                approx=fix.approx if fix else read.approx,  # type: ignore[union-attr]
                sentence="；".join(read.sentences[:3]) if read else "",
                file=source.get(kind, ""),
                corrected=fix is not None,
                read_value=read.value if (fix and read) else None,
                note=fix.note if fix else "",
            )
        )
    return rows


Loaded = tuple[
    dict[int, _Owner],
    list[tuple[int, str, str]],
    dict[int, dict[str, FigureCorrection]],
    set[int],  # obligations with a submission registered
]


def _load(s: Session, notice_ids: Sequence[int]) -> Loaded:
    stmt = (
        select(Obligation, Unit, Requirement, Notice)
        .join(Unit, Obligation.unit_id == Unit.id)
        .join(Requirement, Obligation.requirement_id == Requirement.id)
        .join(Notice, Requirement.notice_id == Notice.id)
        .order_by(Notice.id, Requirement.position, Unit.category, Unit.sort_order, Unit.id)
    )
    owned = select(Obligation.id).join(Requirement, Obligation.requirement_id == Requirement.id)
    if notice_ids:
        stmt = stmt.where(Notice.id.in_(notice_ids))
        owned = owned.where(Requirement.notice_id.in_(notice_ids))
    owners: dict[int, _Owner] = {}
    for o, u, r, n in s.execute(stmt):
        owners[o.id] = _Owner(o.id, u.id, u.name, u.category, n.doc_number or n.title, r.title)
    file_stmt = (
        select(Submission.obligation_id, SubmissionFile.sha256, SubmissionFile.original_name)
        .join(SubmissionFile, SubmissionFile.submission_id == Submission.id)
        .where(Submission.obligation_id.in_(owned.scalar_subquery()))
        .order_by(Submission.id, SubmissionFile.id)
    )
    files = [(oid, sha, name) for oid, sha, name in s.execute(file_stmt) if readable(Path(name))]
    fixes: dict[int, dict[str, FigureCorrection]] = {}
    fix_stmt = select(FigureCorrection).where(
        FigureCorrection.obligation_id.in_(owned.scalar_subquery())
    )
    for fix in s.scalars(fix_stmt):
        s.expunge(fix)
        fixes.setdefault(fix.obligation_id, {})[fix.kind] = fix
    submitted = set(
        s.scalars(
            select(Submission.obligation_id)
            .where(Submission.obligation_id.in_(owned.scalar_subquery()))
            .distinct()
        )
    )
    return owners, files, fixes, submitted
