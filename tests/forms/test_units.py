"""单位名录 on a real workspace: filter, edit aliases, deactivate, categories, export, import."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ready_context
from tracker.reports.roster_xlsx import read_roster
from tracker.services.bundle import Services
from tracker.ui.units.edit_dialog import UnitDialog
from tracker.ui.units.import_dialog import ImportDialog
from tracker.ui.units.models import UnitListProxy, UnitTableModel
from tracker.ui.units.page import UnitsPage


def make_page(qtbot: QtBot, services: Services) -> UnitsPage:
    page = UnitsPage(ready_context(services))
    page.ctx.setParent(page)
    qtbot.addWidget(page)
    page.show()
    return page


def shown_names(page: UnitsPage) -> list[str]:
    proxy = page.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def make_xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_search_by_pinyin_and_category(qtbot: QtBot, tianjin_units: Services) -> None:
    page = make_page(qtbot, tianjin_units)
    assert len(shown_names(page)) == 5
    page.ui.search.setText("nk")
    assert shown_names(page) == ["南开区市场监管局"]
    page.ui.search.setText("")
    page.ui.category.setCurrentText("标委会")
    assert shown_names(page) == ["天津市物流标准化技术委员会"]


def test_edit_aliases(qtbot: QtBot, tianjin_units: Services) -> None:
    unit = tianjin_units.units.resolve("和平局")
    dialog = UnitDialog(tianjin_units, unit)
    qtbot.addWidget(dialog)
    assert dialog.aliases.text() == "和平局"
    dialog.aliases.setText("和平局、和平区局，和平")
    dialog.lines["phone"].setText("27000001")
    assert dialog.save()
    again = tianjin_units.units.resolve("和平区局")
    assert again.aliases == ("和平局", "和平区局", "和平")
    assert again.phone == "27000001"


def test_alias_taken_by_another_unit_is_refused(qtbot: QtBot, tianjin_units: Services) -> None:
    dialog = UnitDialog(tianjin_units, tianjin_units.units.resolve("河西局"))
    qtbot.addWidget(dialog)
    dialog.aliases.setText("河西局、和平局")
    assert not dialog.save()
    assert "别名“和平局”已被其他单位使用" in dialog.errors.text()
    assert dialog.aliases.text() == "河西局、和平局"


def test_new_unit_from_the_page(qtbot: QtBot, tianjin_units: Services) -> None:
    page = make_page(qtbot, tianjin_units)
    page.ui.new.click()
    dialog = page.dialog
    assert isinstance(dialog, UnitDialog)
    dialog.lines["name"].setText("红桥区市场监管局")
    dialog.category.setCurrentText("区局")
    dialog.aliases.setText("红桥局")
    assert dialog.save()
    assert "红桥区市场监管局" in shown_names(page)


def test_deactivate_and_reactivate_never_delete(qtbot: QtBot, tianjin_units: Services) -> None:
    page = make_page(qtbot, tianjin_units)
    page.select_unit(tianjin_units.units.resolve("市教委").id)
    assert page.ui.toggle_active.text() == "停用"
    page.ui.toggle_active.click()
    assert not tianjin_units.units.resolve("市教委").active
    assert page.ui.show_inactive.isChecked()
    assert "停用单位“市教委”" in page.ui.info.text()
    assert page.ui.toggle_active.text() == "重新启用"
    page.ui.show_inactive.setChecked(False)
    assert "市教委" not in shown_names(page)
    page.ui.show_inactive.setChecked(True)
    page.select_unit(tianjin_units.units.resolve("市教委").id)
    page.ui.toggle_active.click()
    assert tianjin_units.units.resolve("市教委").active


def test_add_category(qtbot: QtBot, tianjin_units: Services) -> None:
    page = make_page(qtbot, tianjin_units)
    page.ask_category_name = lambda: "高校"  # type: ignore[method-assign]
    page.ui.add_category.click()
    assert "高校" in tianjin_units.units.categories()
    assert page.ui.category.findText("高校") > 0
    page.ui.add_category.click()
    assert "已存在" in page.ui.message.text()


def test_export_and_template(qtbot: QtBot, tianjin_units: Services, tmp_path: Path) -> None:
    page = make_page(qtbot, tianjin_units)
    target = tmp_path / "导出 名录.xlsx"
    page.transfer.ask_save_path = lambda suggested: target  # type: ignore[method-assign]
    with qtbot.waitSignal(page.transfer.message, timeout=10_000):
        page.ui.export.click()
    roster = read_roster(target)
    assert len(roster.rows) == 5
    assert "已导出5个单位" in page.ui.info.text()
    assert page.transfer.folder() == tmp_path  # the next roster dialog starts there
    template = tmp_path / "模板.xlsx"
    page.transfer.ask_save_path = lambda suggested: template  # type: ignore[method-assign]
    with qtbot.waitSignal(page.transfer.message, timeout=10_000):
        page.ui.template.click()
    assert template.exists()


def test_import_preview_shows_changes_then_imports(
    qtbot: QtBot, qtmodeltester, tianjin_units: Services, tmp_path: Path
) -> None:
    path = make_xlsx(
        tmp_path / "名录.xlsx",
        [
            ["单位名称", "类别", "电话"],
            ["和平区市场监管局", "区局", "27000001"],
            ["河西区市场监管局", "区局", ""],
            ["红桥区市场监管局", "区局", "27000003"],
        ],
    )
    page = make_page(qtbot, tianjin_units)
    page.transfer.ask_open_path = lambda: path  # type: ignore[method-assign]
    page.ui.import_.click()
    dialog = page.transfer.dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    model = dialog.model
    qtmodeltester.check(model)
    kinds = {model.index(r, 1).data(): model.index(r, 2).data() for r in range(model.rowCount())}
    assert kinds == {
        "和平区市场监管局": "更新",
        "河西区市场监管局": "不变",
        "红桥区市场监管局": "新增",
    }
    assert "电话：（空） → 27000001" in model.index(0, 3).data()
    assert "新增1个、更新1个、不变1个" in dialog.summary.text()
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(page.transfer.changed, timeout=10_000):
        dialog.ok.click()
    assert tianjin_units.units.resolve("红桥区市场监管局").phone == "27000003"
    assert "红桥区市场监管局" in shown_names(page)
    assert "已导入“名录.xlsx”" in page.ui.info.text()


def test_import_preview_lists_every_bad_row(
    qtbot: QtBot, tianjin_units: Services, tmp_path: Path
) -> None:
    path = make_xlsx(
        tmp_path / "坏名录.xlsx",
        [
            ["单位名称", "类别", "排序", "邮箱"],
            ["", "区局", 1, ""],
            ["河北区市场监管局", "区局", "第三", ""],
            ["河东区市场监管局", "区局", 4, "not-an-email"],
        ],
    )
    dialog = ImportDialog(tianjin_units, path)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        pass
    problems = dialog.problems_model.stringList()
    assert len(problems) == 3
    assert any("第2行“单位名称”列" in p for p in problems)
    assert any("第3行“排序”列" in p for p in problems)
    assert any("第4行“邮箱”列" in p for p in problems)
    assert "未导入任何内容" in dialog.error.text()
    assert not dialog.ok.isEnabled()
    assert not dialog.problems.isHidden()


def test_new_categories_need_consent(qtbot: QtBot, tianjin_units: Services, tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "新类别.xlsx", [["单位名称", "类别"], ["天津大学", "高校"]])
    dialog = ImportDialog(tianjin_units, path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    assert dialog.consent.text().startswith("同时新增类别：高校")
    assert not dialog.ok.isEnabled()
    dialog.consent.setChecked(True)
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.ok.click()
    assert "高校" in tianjin_units.units.categories()
    assert tianjin_units.units.resolve("天津大学").category == "高校"


def test_unit_models(qtmodeltester, tianjin_units: Services) -> None:
    model = UnitTableModel()
    model.set_rows(tianjin_units.units.list_units())
    qtmodeltester.check(model)
    proxy = UnitListProxy()
    proxy.setSourceModel(model)
    proxy.set_query("hx")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1


def test_roster_order_is_kept_until_a_column_is_clicked(
    qtbot: QtBot, tianjin_units: Services
) -> None:
    page = make_page(qtbot, tianjin_units)
    assert shown_names(page)[:3] == ["和平区市场监管局", "河西区市场监管局", "南开区市场监管局"]
