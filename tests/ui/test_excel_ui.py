"""Excel in the window: the export dialog, 导出所选 from the grid, the old-ledger wizard —
real widgets, a real workspace, real files read back."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget, QWizard

from tests import excel_ledger, old_ledger
from tracker.domain.status import Status
from tracker.services.bundle import Services
from tracker.services.ledger_rows import LedgerQuery
from tracker.ui.excel import runner as runner_module
from tracker.ui.excel.export_dialog import ExportDialog
from tracker.ui.excel.import_wizard import LedgerImportWizard
from tracker.ui.excel.runner import ExportRunner
from tracker.ui.ledger.model import COL_CATEGORY, COL_DEADLINE, COL_STATUS

AS_OF = excel_ledger.AS_OF


@pytest.fixture
def ledger(services: Services) -> Services:
    return excel_ledger.build(services)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    seen: list[Path] = []
    monkeypatch.setattr(runner_module, "open_path", lambda p: seen.append(p) or True)
    return seen


def export_dialog(qtbot, ledger: Services, target: Path) -> ExportDialog:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(ledger, AS_OF)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.path.setText(str(target))
    return dialog


def test_export_dialog_writes_the_chosen_notice_and_offers_to_open(
    qtbot, ledger: Services, tmp_path: Path, opened: list[Path]
) -> None:
    target = tmp_path / "导出" / "统计表"  # .xlsx is added
    dialog = export_dialog(qtbot, ledger, target)
    assert dialog.ui.as_of.date_value() == AS_OF
    dialog.ui.some_notices.setChecked(True)
    model = dialog.ui.notices
    texts = [model.item(r).text() for r in range(model.rowCount())]
    row = next(i for i, t in enumerate(texts) if "〔2023〕14号" in t)
    model.item(row).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.ui.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.runner is not None and dialog.runner.done_box is not None,
                    timeout=20_000)  # fmt: skip
    assert dialog.result() == ExportDialog.DialogCode.Accepted
    written = target.with_name("统计表.xlsx")
    assert load_workbook(written)["明细"].max_row == 3 + 12
    box = dialog.runner.done_box
    assert "已导出报送情况统计表（截至2023年12月1日，12条）" in box.text()
    dialog.runner.open_button.click()
    assert opened == [written]


def test_a_file_open_in_excel_is_retried_and_nothing_is_half_written(
    qtbot, ledger: Services, tmp_path: Path, opened: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "统计表.xlsx"
    target.write_bytes(b"open in Excel")
    real_replace = os.replace

    def locked(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied", dst)

    monkeypatch.setattr(os, "replace", locked)
    dialog = export_dialog(qtbot, ledger, target)
    qtbot.mouseClick(dialog.ui.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.runner.retry_box is not None, timeout=20_000)
    assert "正在 Excel 或 WPS 中打开，请关闭后重试" in dialog.runner.retry_box.text()
    assert target.read_bytes() == b"open in Excel"
    assert [p.name for p in target.parent.iterdir()] == ["统计表.xlsx"]  # no temporary left
    monkeypatch.setattr(os, "replace", real_replace)  # the clerk closed Excel
    dialog.runner.retry_button.click()
    qtbot.waitUntil(lambda: dialog.runner.done_box is not None, timeout=20_000)
    assert load_workbook(target).sheetnames == ["汇总", "明细", "矩阵", "排名"]


def test_cancel_leaves_the_old_file_alone(qtbot, ledger: Services, tmp_path: Path) -> None:
    target = tmp_path / "统计表.xlsx"
    target.write_bytes(b"last week's export")
    gate = threading.Event()

    def write(path: Path, progress) -> object:  # type: ignore[no-untyped-def]
        def held(done: int, total: int) -> None:
            gate.wait(10)  # the clerk presses 取消 while rows are going out
            progress(done, total)

        return ledger.export.write_status(path, (), AS_OF, held)

    parent = QWidget()
    qtbot.addWidget(parent)
    runner = ExportRunner(parent, "导出", write)
    ended: list[object] = []
    runner.finished.connect(ended.append)
    runner.start(target)
    cancel = next(b for b in runner.progress.findChildren(QPushButton) if b.text() == "取消")
    cancel.click()
    gate.set()
    qtbot.waitUntil(lambda: bool(ended), timeout=20_000)
    assert ended == [None]
    assert target.read_bytes() == b"last week's export"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx"] == ["统计表.xlsx"]


def test_export_selected_follows_the_grid(
    qtbot, main_window, tmp_path: Path, opened: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    excel = main_window.features.excel
    page = main_window.ledger_page
    header = page.view.horizontalHeader()
    header.moveSection(header.visualIndex(COL_STATUS), 0)  # 状态 first
    header.setSectionHidden(COL_CATEGORY, True)
    page.view.sortByColumn(COL_DEADLINE, Qt.SortOrder.DescendingOrder)
    page.view.selectRow(4)
    page.view.selectionModel().select(
        page.proxy.index(1, 0),
        page.view.selectionModel().SelectionFlag.Select
        | page.view.selectionModel().SelectionFlag.Rows,
    )
    shown = [
        r for r in page.visible_rows() if r.obligation_id in set(page.selected_obligation_ids())
    ]
    assert len(shown) == 2
    target = tmp_path / "所选.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert excel.export_selected_action.isEnabled()
    excel.export_selected_action.trigger()
    qtbot.waitUntil(lambda: excel.selection_runner.done_box is not None, timeout=20_000)
    ws = load_workbook(target)["报送情况"]
    headers = [c.value for c in ws[3]]
    assert headers[:4] == ["序号", "状态", "单位", "通知"]
    assert "类别" not in headers and "截止日期" in headers
    assert [ws.cell(r, 3).value for r in (4, 5)] == [r.unit_name for r in shown]
    assert ws.cell(4, 2).value == shown[0].status.label
    assert ws.max_row == 5


def test_import_wizard_maps_previews_and_imports(qtbot, services: Services, tmp_path: Path) -> None:
    sv = old_ledger.roster_and_notice(services)
    path = old_ledger.write(tmp_path / "原台账.xlsx")
    wizard = LedgerImportWizard(sv)
    qtbot.addWidget(wizard)
    changes: list[object] = []
    wizard.imported.connect(changes.append)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.file_page.load(str(path))
    assert wizard.file_page.isComplete()
    assert [wizard.file_page.sheet.itemText(i) for i in range(2)] == [old_ledger.SHEET, "说明"]
    wizard.next()
    page = wizard.mapping_page
    assert page.header_row.value() == 5 and page.unit_column.currentData() == 2
    mapped = {r.letter: (r.requirement_id is not None, r.forms) for r in page.model.rows}
    assert mapped["C"] == (True, old_ledger.E) and mapped["F"] == (True, old_ledger.P)
    assert mapped["A"][0] is False and mapped["G"][0] is False
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.plan is not None, timeout=20_000)
    assert preview.model.rowCount() == 11
    assert "登记9条、免报1条" in preview.summary.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: bool(changes), timeout=20_000)
    rows = sv.ledger.rows(LedgerQuery(as_of=AS_OF))
    got = {(r.unit_name, r.requirement_title): r.status for r in rows}
    assert got["河西区市场监管局", "阶段性总结"] is Status.LATE
    sv.undo.undo(changes[0])  # one change: the whole import
    rows = sv.ledger.rows(LedgerQuery(as_of=AS_OF))
    assert all(r.status in (Status.OVERDUE, Status.PENDING) for r in rows)


def test_import_wizard_refuses_a_bad_ledger(qtbot, services: Services, tmp_path: Path) -> None:
    sv = old_ledger.roster_and_notice(services)
    rows = [list(r) for r in old_ledger.ROWS]
    rows[7][3] = "下周补"
    path = old_ledger.write(tmp_path / "原台账.xlsx", rows)
    wizard = LedgerImportWizard(sv)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.load(str(path))
    wizard.next()
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.plan is not None, timeout=20_000)
    assert preview.problems.isVisible()
    assert "D8（河西区市场监管局·阶段性总结）：无法识别“下周补”" in preview.problems.toPlainText()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_menu_and_grid_actions_are_in_place(qtbot, main_window) -> None:
    excel = main_window.features.excel
    texts = [a.text() or "-" for a in main_window.menu("文件").actions()]
    ours = ["-", "导出报送情况统计表…", "导入原台账…"]
    assert texts[-8:] == [*ours, "-", "备份台账…", "从备份恢复…", "-", "退出"]
    toolbar = [a.text() for a in main_window.ledger_page.toolbar.actions()]
    assert "导出所选…" in toolbar and "导出当前列表…" in toolbar
    assert not excel.export_selected_action.isEnabled()  # nothing selected yet
    assert excel.export_listed_action.isEnabled()


def test_import_from_the_window_is_one_undo(
    qtbot, main_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import Workbook

    excel = main_window.features.excel
    services = main_window.ctx.services
    late = [
        r
        for r in services.ledger.rows(LedgerQuery(as_of=AS_OF))
        if r.requirement_title == "阶段性总结" and r.status is Status.OVERDUE
    ][:2]
    wb = Workbook()
    wb.active.append(["单位名称", "阶段性总结"])
    for r in late:
        wb.active.append([r.unit_name, "✓ 7月3日"])
    wb.save(tmp_path / "原台账.xlsx")
    excel.ledger_import_action.trigger()
    wizard = excel.ledger_import_wizard
    wizard.file_page.load(str(tmp_path / "原台账.xlsx"))
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.plan is not None, timeout=20_000)
    assert wizard.preview_page.plan.summary == "登记2条、免报0条"
    wizard.button(QWizard.WizardButton.FinishButton).click()
    stack = main_window.features.forms.stack
    qtbot.waitUntil(lambda: stack.top() is not None, timeout=20_000)
    assert "导入原台账" in stack.action.text()
    row = services.ledger.row(late[0].obligation_id, AS_OF)
    assert row.status is Status.LATE and row.completed_on is not None
    stack.undo_last()
    assert services.ledger.row(late[0].obligation_id, AS_OF).status is Status.OVERDUE
