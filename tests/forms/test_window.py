"""The forms inside the real main window: sections, grid actions, file drops, Ctrl+Z."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from tracker.domain.status import Status
from tracker.ui.dialogs.obligation_actions import ExemptDialog
from tracker.ui.notices.page import NoticesPage
from tracker.ui.settings.dialog import SettingsDialog
from tracker.ui.units.page import UnitsPage

from .helpers import oid


def grid_status(window, obligation_id: int) -> Status:  # type: ignore[no-untyped-def]
    rows = window.ledger_page.model.rows
    return next(r.status for r in rows if r.obligation_id == obligation_id)


def test_sections_are_the_editors(forms_window) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(forms_window.section_widget("notices"), NoticesPage)
    assert isinstance(forms_window.section_widget("units"), UnitsPage)
    menus = [a.text() for a in forms_window.menuBar().actions()]
    assert menus[:2] == ["文件", "编辑"]
    titles = [a.text() for a in forms_window.menu("登记").actions()]
    assert titles[:4] == ["登记报送…", "免报…", "延期…", "记录催报…"]


def test_register_from_the_grid_then_ctrl_z(qtbot: QtBot, forms_window, study) -> None:  # type: ignore[no-untyped-def]
    window, hub = forms_window, forms_window.features.forms
    target = oid(study, "和平局")
    window.show_section("ledger")
    window.ledger_page.select_obligations({target})
    hub.register_action.trigger()
    dialog = hub.flow.current
    assert dialog.ui.unit.text() == "和平区市场监管局"
    assert dialog.current_row().obligation_id == target
    dialog.ui.save_close.click()
    # Wait for the state, not for a signal that a busy machine may deliver before we listen.
    qtbot.waitUntil(lambda: grid_status(window, target) is Status.LATE, timeout=20_000)
    undo = hub.stack.action
    assert undo.text().startswith("撤销：登记报送：和平区市场监管局")
    assert undo in window.menu("编辑").actions()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=20_000)
    grid = window.ledger_page.view
    grid.setFocus()  # as after clicking a row; a text box would take Ctrl+Z for its own text
    with qtbot.waitSignal(window.ctx.snapshots.updated, timeout=20_000):
        qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert grid_status(window, target) is Status.OVERDUE
    assert not undo.isEnabled()


def test_exempt_several_selected_rows(qtbot: QtBot, forms_window, study) -> None:  # type: ignore[no-untyped-def]
    window, hub = forms_window, forms_window.features.forms
    chosen = {oid(study, "河西局"), oid(study, "南开局")}
    window.ledger_page.select_obligations(chosen)
    assert hub.exempt_action.isEnabled()
    hub.exempt_action.trigger()
    dialog = hub.dialog
    assert isinstance(dialog, ExemptDialog)
    assert "已选 2 条" in dialog.chosen.text()
    dialog.reason.setText("并入市级总结")
    dialog.ok_button.click()
    qtbot.waitUntil(
        lambda: {grid_status(window, o) for o in chosen} == {Status.EXEMPT}, timeout=20_000
    )
    assert len(hub.stack) == 1


def test_activating_a_row_opens_its_registration(forms_window, study) -> None:  # type: ignore[no-untyped-def]
    target = oid(study, "市教委")
    forms_window.ledger_page.obligationActivated.emit(target)
    dialog = forms_window.features.forms.flow.current
    assert dialog.current_row().obligation_id == target


def test_files_dropped_on_a_grid_row(forms_window, study, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "南开区 阶段性总结.pdf"
    doc.write_bytes(b"%PDF-1.4")
    window = forms_window
    window.show_section("ledger")
    page = window.ledger_page
    target = oid(study, "南开局")
    page.select_obligations({target})
    view = page.view
    row = view.selectionModel().selectedRows()[0].row()
    centre = view.visualRect(page.proxy.index(row, 0)).center()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(doc))])
    event = QDropEvent(
        QPointF(centre),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)
    dialog = window.features.forms.flow.current
    assert dialog.current_row().obligation_id == target
    assert dialog.ui.files.paths() == [doc]


def test_settings_from_the_tools_menu(forms_window) -> None:  # type: ignore[no-untyped-def]
    forms_window.features.forms.settings_action.trigger()
    assert isinstance(forms_window.features.forms.dialog, SettingsDialog)


def test_double_clicking_a_row_opens_one_dialog_and_registers_once(
    qtbot: QtBot, forms_window, study
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from tracker.ui.dialogs.register import RegisterDialog

    window, hub = forms_window, forms_window.features.forms
    target = oid(study, "南开局")
    window.show_section("ledger")
    page = window.ledger_page
    opened: list[object] = []
    hub.flow.dialog_opened.connect(opened.append)
    row = next(r for r in range(page.proxy.rowCount()) if page._obligation_at(r) == target)
    view = page.view
    view.scrollTo(page.proxy.index(row, 0))
    rect = view.visualRect(page.proxy.index(row, 0))
    # As the system delivers a double-click: press, release, double-click, release.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: hub.flow.current is not None)
    QApplication.processEvents()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, RegisterDialog)]
    assert len(opened) == 1 and [d for d in dialogs if d.isVisible()] == [hub.flow.current]
    dialog = hub.flow.current
    assert dialog.current_row().obligation_id == target
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Enter saves …
    qtbot.waitUntil(lambda: hub.flow.current is not dialog)
    qtbot.keyClick(hub.flow.current, Qt.Key.Key_Escape)  # … and the next form is cancelled
    assert len(study.ledger.submissions(target)) == 1
