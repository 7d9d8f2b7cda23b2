"""Importing the clerk's old Excel ledger: inspect the sheet, map its columns, preview what it
would register, then register all of it in one transaction — or nothing.

Each registration is written and audited like one made in the window, so the whole import
can be undone at once (Ctrl+Z) and every line appears in 操作日志.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from tracker.domain.changes import Changes, Topic
from tracker.domain.dates import format_cn
from tracker.domain.errors import ValidationError
from tracker.domain.forms import format_forms
from tracker.domain.ledger_map import LedgerMapping
from tracker.domain.records import Change, Channel
from tracker.reports.ledger_xlsx import SheetGrid, read_ledger_sheet
from tracker.services import audit
from tracker.services.ledger_import_plan import (
    EXEMPT,
    REGISTER,
    LedgerImportPlan,
    PlannedEntry,
    Planner,
)
from tracker.services.ledger_map_file import read_map_file, suggest_mapping
from tracker.services.ledger_writes import obligation_state
from tracker.services.submissions import new_submission, submission_snapshot
from tracker.services.workspace import Workspace
from tracker.store.models import Obligation

EXEMPT_REASON = "原台账标注免报"


class LedgerImport:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def inspect(self, path: Path, sheet: str | None = None) -> SheetGrid:
        """The sheet as a grid, for choosing the header row and the columns."""
        return read_ledger_sheet(Path(path), sheet)

    def suggest(self, grid: SheetGrid, header_row: int | None = None) -> LedgerMapping:
        """A first mapping: the 单位 column, and columns whose headers name a requirement."""
        with self.ws.reading() as s:
            return suggest_mapping(s, grid, header_row)

    def load_map(self, map_path: Path, path: Path) -> LedgerMapping:
        """A mapping from a MAP.toml file (see README) for the workbook at ``path``."""
        with self.ws.reading() as s:
            return read_map_file(s, Path(map_path), Path(path))

    def preview(self, path: Path, mapping: LedgerMapping) -> LedgerImportPlan:
        mapping.check()
        grid = read_ledger_sheet(Path(path), mapping.sheet)
        with self.ws.reading() as s:
            return Planner(s, grid, mapping).plan()

    def apply(self, path: Path, mapping: LedgerMapping) -> tuple[LedgerImportPlan, Change]:
        """Register everything the preview showed, in one transaction; any problem → nothing."""
        mapping.check()
        grid = read_ledger_sheet(Path(path), mapping.sheet)
        with self.ws.transaction() as s:
            plan = Planner(s, grid, mapping).plan()  # again, inside the transaction
            if plan.problems:
                raise ValidationError(
                    f"原台账“{plan.source}”有{len(plan.problems)}处问题，未导入任何内容",
                    list(plan.problems),
                )
            if not plan.writes:
                raise ValidationError(f"原台账“{plan.source}”中没有需要新登记的内容，未导入")
            ids = [self._write(s, plan, e) for e in plan.entries if e.action in (REGISTER, EXEMPT)]
            summary = f"导入原台账“{plan.source}”（{plan.sheet}）：{plan.summary}"
            audit.record(
                s,
                user=self.ws.user,
                action="ledger.import",
                entity="ledger",
                entity_id=None,
                summary=summary,
            )
        self.ws.announce(Changes.of(Topic.SUBMISSIONS | Topic.OBLIGATIONS))  # rows unknown: all
        return plan, Change(tuple(ids), summary)

    def _write(self, s: Session, plan: LedgerImportPlan, e: PlannedEntry) -> int:
        o = s.get(Obligation, e.obligation_id)
        assert o is not None  # the plan was made in this transaction
        where = f"{o.unit.name}·{o.requirement.title}"
        if e.action == EXEMPT:
            before = obligation_state(o)
            o.exempt_reason = EXEMPT_REASON
            s.flush()
            what = f"导入原台账：{where}：免报（{EXEMPT_REASON}）"
            return audit.record(
                s,
                user=self.ws.user,
                action="obligation.exempt",
                entity="obligation",
                entity_id=o.id,
                summary=what,
                before=before,
                after=obligation_state(o),
            )
        assert e.day is not None
        sub = new_submission(
            received_on=e.day,
            channel=Channel.OTHER.value,
            forms=int(e.forms),
            note=f"导入原台账“{plan.source}”{e.cell}：{e.text}",
            created_by=self.ws.user,
        )
        o.submissions.append(sub)
        s.flush()
        what = f"导入原台账：{where}，{format_cn(e.day)}收到{format_forms(e.forms)}"
        return audit.record(
            s,
            user=self.ws.user,
            action="submission.create",
            entity="submission",
            entity_id=sub.id,
            summary=what,
            after=submission_snapshot(sub),
        )
