"""编辑 ▸ 撤销 takes a 关键数据 correction back: to the reader's value or to the correction
before it, refused when the figure was corrected again since (on SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.readers.docs import write_docx
from tracker.domain.audit_text import change_lines
from tracker.domain.changes import Changes, Topic
from tracker.domain.errors import ConflictError
from tracker.domain.forms import Form
from tracker.domain.records import NoticeSpec, RequirementSpec
from tracker.services.bundle import Services

KIND = "参与人次"


@pytest.fixture
def ledger(tianjin_units: Services, tmp_path: Path) -> Services:
    """和平局 sent a summary the reader finds 700余人次 in."""
    req = RequirementSpec("总结", date(2023, 6, 27), Form.ELECTRONIC, ("区局",))
    tianjin_units.notices.create(
        NoticeSpec("关于报送总结的通知", doc_number="津标〔2023〕2号", requirements=(req,))
    )
    summary = write_docx(tmp_path / "和平区总结.docx", "总结\n活动共吸引群众700余人次参与。")
    tianjin_units.ledger.register(_oid(tianjin_units), Form.ELECTRONIC, date(2023, 6, 20),
                                  files=[summary])  # fmt: skip
    return tianjin_units


@pytest.fixture
def second(ledger: Services, workspace_dir: Path, db_url: str | None) -> Iterator[Services]:
    """Another clerk on the same ledger."""
    with Services.open(workspace_dir, db_url) as other:
        yield other


def _oid(sv: Services) -> int:
    return sv.ledger.find_obligation("和平局", "总结")


def _figure(sv: Services) -> tuple[int, bool, bool, str]:
    """(value, approx, corrected, note) of 和平局's 参与人次 as the 关键数据 tab shows it."""
    (row,) = [r for r in sv.figures.table("津标〔2023〕2号").rows if r.kind == KIND]
    return row.value, row.approx, row.corrected, row.note


def test_undo_brings_the_readers_value_back(ledger: Services) -> None:
    assert _figure(ledger) == (700, True, False, "")
    change = ledger.figures.correct(_oid(ledger), KIND, 720, note="电话核实")
    assert _figure(ledger) == (720, False, True, "电话核实")
    seen: list[Changes] = []
    ledger.subscribe(seen.append)
    undo = ledger.undo.undo(change)
    assert _figure(ledger) == (700, True, False, "")
    assert seen == [Changes.of(Topic.SUBMISSIONS, [_oid(ledger)])]  # the tab refreshes
    assert undo.summary == f"撤销：{change.summary}"
    assert ledger.audit.entries()[1].undone


def test_undo_of_the_second_correction_brings_the_first_back(ledger: Services) -> None:
    oid = _oid(ledger)
    ledger.figures.correct(oid, KIND, 750, approx=True, note="按签到表")
    second_fix = ledger.figures.correct(oid, KIND, 760, note="按照片")
    assert _figure(ledger) == (760, False, True, "按照片")
    ledger.undo.undo(second_fix)
    assert _figure(ledger) == (750, True, True, "按签到表")


def test_refused_when_corrected_again_since(ledger: Services, second: Services) -> None:
    oid = _oid(ledger)
    mine = ledger.figures.correct(oid, KIND, 720)
    second.figures.correct(oid, KIND, 730, note="另一位同事核实")
    with pytest.raises(ConflictError, match="之后又被更正过"):
        ledger.undo.undo(mine)
    assert _figure(ledger) == (730, False, True, "另一位同事核实")
    assert not [e for e in ledger.audit.entries() if e.undone]
    # put back to what the reader found by someone else: still not this undo's to take back
    second.figures.correct(oid, KIND, None)
    with pytest.raises(ConflictError):
        ledger.undo.undo(mine)
    assert _figure(ledger) == (700, True, False, "")


def test_undo_of_back_to_the_readers_value_brings_the_correction_back(
    ledger: Services,
) -> None:
    oid = _oid(ledger)
    ledger.figures.correct(oid, KIND, 720, approx=True, note="电话核实")
    back = ledger.figures.correct(oid, KIND, None)
    assert _figure(ledger) == (700, True, False, "")
    ledger.undo.undo(back)
    assert _figure(ledger) == (720, True, True, "电话核实")


def test_the_entry_records_the_kind_and_reads_in_chinese(ledger: Services) -> None:
    ledger.figures.correct(_oid(ledger), KIND, 720, note="电话核实")
    entry = ledger.audit.entries()[0]
    assert json.loads(entry.before or "{}") == {
        "kind": KIND, "value": None, "approx": False, "note": ""}  # fmt: skip
    assert json.loads(entry.after or "{}")["kind"] == KIND
    assert sorted(change_lines(entry.before, entry.after)) == [
        "备注：（无） → 电话核实",
        "更正值：（无） → 720",
    ]


def test_an_entry_from_before_undo_is_refused_in_chinese(ledger: Services) -> None:
    """Entries written before corrections could be undone lack the kind: refused, kept."""
    from tracker.domain.errors import TrackerError
    from tracker.domain.records import Change
    from tracker.services import audit

    oid = _oid(ledger)
    ledger.figures.correct(oid, KIND, 720)
    with ledger.ws.transaction() as s:
        aid = audit.record(s, user="x", action="figure.correct", entity="obligation",
                           entity_id=oid, summary="更正关键数据：旧记录", before=None,
                           after={"value": 720, "approx": False, "note": ""})  # fmt: skip
    with pytest.raises(TrackerError, match="旧版本"):
        ledger.undo.undo(Change((aid,), "更正关键数据：旧记录"))
    assert _figure(ledger) == (720, False, True, "")
