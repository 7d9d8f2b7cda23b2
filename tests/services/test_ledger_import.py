"""Importing a clerk's old Excel ledger: the mapping, the preview, all or nothing, undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.office import convert
from tests.old_ledger import ROWS, SHEET, E, P, S, roster_and_notice, write
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.ledger_map import ColumnMap, LedgerMapping
from tracker.domain.status import Status
from tracker.services.audit import AuditQuery
from tracker.services.bundle import Services
from tracker.services.ledger_import_plan import EXEMPT, NO_DATE_DEADLINE, REGISTER, SKIP
from tracker.services.ledger_rows import LedgerQuery

AS_OF = date(2023, 12, 1)


@pytest.fixture
def sv(services: Services) -> Services:
    return roster_and_notice(services)


def mapping(sv: Services) -> LedgerMapping:
    stage = sv.notices.resolve_requirement("阶段性总结").id
    year = sv.notices.resolve_requirement("年度总结").id
    return LedgerMapping(
        SHEET,
        header_row=5,
        unit_column=2,
        columns=(ColumnMap(3, stage, E), ColumnMap(4, stage, S), ColumnMap(5, year, E),
                 ColumnMap(6, year, P)),
    )  # fmt: skip


def statuses(sv: Services) -> dict[tuple[str, str], Status]:
    rows = sv.ledger.rows(LedgerQuery(as_of=AS_OF))
    return {(r.unit_name[:2], r.requirement_title): r.status for r in rows}


def submissions(sv: Services) -> int:
    rows = sv.ledger.rows(LedgerQuery(as_of=AS_OF))
    return sum(len(sv.ledger.submissions(r.obligation_id)) for r in rows)


def test_inspect_finds_the_two_row_header_and_the_unit_column(sv: Services, tmp_path: Path) -> None:
    grid = sv.ledger_import.inspect(write(tmp_path / "台账.xlsx"))
    assert grid.sheets == (SHEET, "说明")
    assert grid.guess_header_row() == 5
    assert grid.guess_unit_column(5) == 2
    labels = grid.labels(5)
    assert labels[3] == "阶段性总结/电子版" and labels[6] == "年度总结/纸质版"
    assert grid.samples(5, 3) == ["2023-06-20", "6月25日", "6.26"]


def test_suggested_mapping_matches_requirements_and_forms(sv: Services, tmp_path: Path) -> None:
    grid = sv.ledger_import.inspect(write(tmp_path / "台账.xlsx"))
    assert sv.ledger_import.suggest(grid) == mapping(sv)


def test_preview_reads_every_kind_of_mark(sv: Services, tmp_path: Path) -> None:
    plan = sv.ledger_import.preview(write(tmp_path / "台账.xlsx"), mapping(sv))
    assert plan.problems == ()
    got = {(e.cell, e.action, e.forms, e.day) for e in plan.entries}
    assert got == {
        ("C7", REGISTER, E, date(2023, 6, 20)),  # a real Excel date
        ("D7", REGISTER, S, date(2023, 6, 20)),  # "6.20" typed as text
        ("E7", REGISTER, E, date(2023, 11, 10)),  # ✓ with no date: the deadline
        ("F7", REGISTER, P, date(2023, 11, 10)),  # √
        ("C8", REGISTER, E, date(2023, 6, 25)),  # 6月25日
        ("D8", REGISTER, S, date(2023, 7, 3)),  # 已报7.3
        ("C10", REGISTER, E, date(2023, 6, 26)),
        ("E10", REGISTER, E, date(2023, 11, 15)),
        ("F10", REGISTER, P, date(2023, 11, 10)),  # 已报
        ("C13", EXEMPT, 0, None),
        ("D13", SKIP, 0, None),  # the second 免报 of the same unit and item
    }
    assert next(e for e in plan.entries if e.cell == "E7").note == NO_DATE_DEADLINE
    assert plan.summary == "登记9条、免报1条、已登记过跳过1条"
    assert any("一、区局" in n and "标题或说明行" in n for n in plan.notes)
    assert any("合计" in n for n in plan.notes)


def test_import_lands_exactly_what_the_preview_showed(sv: Services, tmp_path: Path) -> None:
    plan, change = sv.ledger_import.apply(write(tmp_path / "台账.xlsx"), mapping(sv))
    assert len(change.audit_ids) == plan.writes == 10
    got = statuses(sv)
    assert got["和平", "阶段性总结"] is Status.ON_TIME
    assert got["河西", "阶段性总结"] is Status.LATE
    assert got["南开", "阶段性总结"] is Status.PARTIAL  # the seal never came
    assert got["市教", "阶段性总结"] is Status.OVERDUE
    assert got["天津", "阶段性总结"] is Status.EXEMPT
    assert got["和平", "年度总结"] is Status.ON_TIME
    assert got["南开", "年度总结"] is Status.LATE  # electronic on 11-15
    assert got["河西", "年度总结"] is Status.OVERDUE
    entry = sv.audit.entries(AuditQuery(action="ledger.import"))[0]
    assert "登记9条、免报1条" in entry.summary


def test_reimport_registers_nothing_twice(sv: Services, tmp_path: Path) -> None:
    path = write(tmp_path / "台账.xlsx")
    sv.ledger_import.apply(path, mapping(sv))
    before = submissions(sv)
    plan = sv.ledger_import.preview(path, mapping(sv))
    assert plan.writes == 0 and plan.count(SKIP) == 11
    with pytest.raises(ValidationError, match="没有需要新登记的内容"):
        sv.ledger_import.apply(path, mapping(sv))
    assert submissions(sv) == before


def test_the_whole_import_undoes_at_once(sv: Services, tmp_path: Path) -> None:
    _, change = sv.ledger_import.apply(write(tmp_path / "台账.xlsx"), mapping(sv))
    sv.undo.undo(change)
    assert submissions(sv) == 0
    assert statuses(sv)["天津", "阶段性总结"] is Status.OVERDUE


def test_a_bad_ledger_lands_nothing_and_names_every_problem(sv: Services, tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[11] = [4, "市教委", "催了两次", None, None, None, None]  # unreadable
    rows[8] = [9, "红桥区", "✓", None, None, None, None]  # not in the roster
    rows[12] = [5, "物流标委会", "2099-01-05", None, "✓", None, None]  # future; not owed
    path = write(tmp_path / "坏台账.xlsx", rows)
    plan = sv.ledger_import.preview(path, mapping(sv))
    assert len(plan.problems) == 4, plan.problems
    text = "\n".join(plan.problems)
    assert "C12" in text and "催了两次" in text
    assert "第9行" in text and "红桥区" in text
    assert "C13" in text and "晚于今天" in text
    assert "E13" in text and "不在" in text
    with pytest.raises(ValidationError) as err:
        sv.ledger_import.apply(path, mapping(sv))
    assert len(err.value.problems) == 4
    assert submissions(sv) == 0
    assert sv.audit.entries(AuditQuery(action="ledger.import")) == []


def test_a_ledger_resaved_by_libreoffice_imports_the_same(
    sv: Services, tmp_path: Path, office_profile: Path
) -> None:
    original = write(tmp_path / "台账.xlsx")
    convert(original, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo", office_profile)
    resaved = tmp_path / "lo" / "台账.xlsx"
    grid = sv.ledger_import.inspect(resaved)
    assert sv.ledger_import.suggest(grid) == mapping(sv)
    expected = sv.ledger_import.preview(original, mapping(sv)).entries
    assert sv.ledger_import.preview(resaved, mapping(sv)).entries == expected


def test_mapping_mistakes_are_refused_before_reading(sv: Services, tmp_path: Path) -> None:
    path = write(tmp_path / "台账.xlsx")
    stage = sv.notices.resolve_requirement("阶段性总结").id
    with pytest.raises(ValidationError, match="对应关系"):
        sv.ledger_import.preview(path, LedgerMapping(SHEET, 5, 3, (ColumnMap(3, stage),)))
    with pytest.raises(TrackerError, match="没有工作表"):
        sv.ledger_import.preview(path, LedgerMapping("2022年", 5, 2, (ColumnMap(3, stage),)))


def test_not_an_xlsx_is_a_clear_message(sv: Services, tmp_path: Path) -> None:
    bad = tmp_path / "台账.xlsx"
    bad.write_text("单位,阶段性总结\n和平局,✓\n", encoding="utf-8")
    with pytest.raises(TrackerError, match=r"不是 \.xlsx 格式"):
        sv.ledger_import.inspect(bad)
