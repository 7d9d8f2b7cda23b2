"""Screenshots of the forms inside the window (called by ``tracker.ui.screens``).

Dialogs are grabbed from the screen, not the widget, so an open type-ahead popup or calendar
shows up as the clerk sees it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tracker.domain.status import Status

if TYPE_CHECKING:
    from tracker.ui.dialogs.hub import FormsHub
    from tracker.ui.main_window import MainWindow

Settle = Callable[[QApplication, float], None]


def shoot_screen(widget: QWidget, out: Path, name: str) -> Path:
    """The screen area of ``widget`` and whatever floats over it (popups)."""
    screen = QGuiApplication.primaryScreen()
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    frame = widget.frameGeometry()
    pixmap = screen.grabWindow(0, top_left.x(), top_left.y(), frame.width(), frame.height())
    path = out / f"{name}.png"
    pixmap.save(str(path))
    print(path)
    return path


def _close(dialog: QWidget | None) -> None:
    if dialog is not None:
        dialog.close()


def shoot_forms(app: QApplication, window: MainWindow, out: Path, settle: Settle) -> None:
    hub = window.features.forms
    services = window.ctx.services
    rows = services.ledger.rows()
    overdue = [r for r in rows if r.status is Status.OVERDUE][:3]
    _shoot_register(app, window, hub, out, settle)
    if overdue:
        _shoot_selection_dialogs(app, window, hub, [r.obligation_id for r in overdue], out, settle)
    _shoot_notice_editor(app, window, out, settle)
    _shoot_roster_import(app, window, out, settle)
    from tracker.ui.settings.dialog import SettingsDialog

    hub.settings_action.trigger()
    settle(app, 0.3)
    settings = hub.dialog
    assert isinstance(settings, SettingsDialog)
    shoot_screen(settings, out, "dialog-settings")
    settings.tabs.setCurrentWidget(settings.holidays)
    settle(app, 0.2)
    shoot_screen(settings, out, "dialog-settings-holidays")
    _close(settings)


def _shoot_register(
    app: QApplication, window: MainWindow, hub: FormsHub, out: Path, settle: Settle
) -> None:
    hub.register_action.trigger()
    dialog = hub.flow.current
    assert dialog is not None
    dialog.activateWindow()
    dialog.ui.unit.setFocus()
    settle(app, 0.3)
    QTest.keyClicks(dialog.ui.unit, "hx")
    settle(app, 0.3)
    shoot_screen(dialog, out, "dialog-register-typeahead")
    dialog.ui.unit.hide_popup()
    dialog.ui.unit.choose_best()
    settle(app, 0.3)
    shoot_screen(dialog, out, "dialog-register")
    _close(dialog)


def _shoot_selection_dialogs(
    app: QApplication, window: MainWindow, hub: FormsHub, ids: list[int], out: Path, settle: Settle
) -> None:
    from tracker.ui.ledger.filtering import LedgerFilter

    window.open_ledger(LedgerFilter())  # the rows must be visible to be selected
    settle(app, 0.3)
    window.ledger_page.select_obligations(set(ids))
    settle(app, 0.2)
    for action, name in (
        (hub.exempt_action, "exempt"),
        (hub.extend_action, "extend"),
        (hub.remind_action, "remind"),
    ):
        action.trigger()
        settle(app, 0.3)
        assert hub.dialog is not None
        shoot_screen(hub.dialog, out, f"dialog-{name}")
        _close(hub.dialog)


def _shoot_notice_editor(app: QApplication, window: MainWindow, out: Path, settle: Settle) -> None:
    window.show_section("notices")
    page = window.notices_page
    settle(app, 0.2)
    for button, name in (
        (page.ui.edit, "dialog-notice-editor"),
        (page.ui.copy, "dialog-notice-copy"),
    ):
        button.click()
        settle(app, 0.3)
        assert page.editor is not None
        shoot_screen(page.editor, out, name)
        _close(page.editor)


def _shoot_roster_import(app: QApplication, window: MainWindow, out: Path, settle: Settle) -> None:
    """A clerk's roster with a changed phone, a new unit and a new category, previewed."""
    import tempfile

    from openpyxl import Workbook

    from tracker.ui.units.import_dialog import ImportDialog

    services = window.ctx.services
    units = services.units.list_units()[:2]
    wb = Workbook()
    sheet = wb.active
    sheet.append(["单位名称", "类别", "别名", "电话"])
    for i, u in enumerate(units):
        sheet.append([u.name, u.category, "、".join(u.aliases), f"022-2700000{i}"])
    sheet.append(["天津大学", "高校", "天大", "022-27400000"])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "单位名录（2024年修订）.xlsx"
        wb.save(path)
        window.show_section("units")
        dialog = ImportDialog(services, path, window)
        dialog.show()
        settle(app, 1.0)
        shoot_screen(dialog, out, "dialog-roster-import")
        dialog.close()
