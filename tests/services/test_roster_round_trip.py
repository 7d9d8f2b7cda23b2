"""The roster round trip: export → edit in a spreadsheet program → import preview shows
exactly what changed. LibreOffice re-saves the file, as Excel or WPS would."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.office import convert
from tracker.domain.records import UnitSpec
from tracker.reports.roster_xlsx import write_roster
from tracker.services.bundle import Services


def roster(sv: Services) -> Services:
    for spec in (
        UnitSpec("和平区市场监管局", "区局", "和平区", ("和平局", "和平区局"), "王芳",
                 "022-23001379", "bz01@example.gov.cn", "和平区南京路1号", 1),
        UnitSpec("河西区市场监管局", "区局", "河西区", ("河西局",), phone="27000002", sort_order=2),
        UnitSpec("市教委", "委办局", sort_order=3),
        UnitSpec("=1+1", "协会", sort_order=4),
        UnitSpec("已撤销的标委会", "标委会", active=False),
    ):  # fmt: skip
        sv.units.save(spec)
    return sv


def resaved(path: Path, tmp_path: Path, profile: Path) -> Path:
    convert(path, "xlsx:Calc MS Excel 2007 XML", tmp_path / "resaved", profile)
    return tmp_path / "resaved" / path.name


def test_unchanged_round_trip_changes_nothing(
    services: Services, tmp_path: Path, office_profile: Path
) -> None:
    sv = roster(services)
    path = tmp_path / "名录.xlsx"
    write_roster(path, sv.units.list_units(), sv.units.categories())
    plan = sv.roster.preview(resaved(path, tmp_path, office_profile))
    assert (plan.count("新增"), plan.count("更新"), plan.count("不变")) == (0, 0, 5)


def test_edits_made_in_a_spreadsheet_show_in_the_preview(
    services: Services, tmp_path: Path, office_profile: Path
) -> None:
    sv = roster(services)
    path = tmp_path / "名录.xlsx"
    write_roster(path, sv.units.list_units(), sv.units.categories())
    wb = load_workbook(path)  # the clerk edits: a phone, an alias, one new unit
    ws = wb["单位名录"]
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    ws.cell(rows["河西区市场监管局"], 6).value = "27009999"
    ws.cell(rows["和平区市场监管局"], 4).value = "和平局"
    ws.append(["南开区市场监管局", "区局", "南开区", "南开局", "", "27000003", "", "", 5, "启用"])
    wb.save(path)
    plan = sv.roster.preview(resaved(path, tmp_path, office_profile))
    changes = {c.name: c for c in plan.changes}
    assert changes["南开区市场监管局"].kind == "新增"
    assert changes["河西区市场监管局"].details == ("电话：27000002 → 27009999",)
    assert changes["和平区市场监管局"].details == ("别名：和平局、和平区局 → 和平局",)
    assert changes["=1+1"].kind == "不变"  # still text, never a formula
    assert (plan.count("新增"), plan.count("更新"), plan.count("不变")) == (1, 2, 3)
    sv.roster.apply(resaved(path, tmp_path, office_profile))
    assert sv.units.resolve("南开局").phone == "27000003"
    assert not sv.units.resolve("已撤销的标委会").active
