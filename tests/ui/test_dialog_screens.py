"""Every dialog of the window fits a 1366×768 laptop and a 1920×1080 screen at 150 %.

The dialogs are found, not listed: every QDialog subclass under ``tracker.ui`` is opened on both
screens of ``tests/screens.json`` (on the demo workspace) and must open no larger than the screen
(with a Windows title bar), inside it, with every button outside a scroll area wholly on
screen. A new dialog whose constructor takes only ``services`` and/or ``parent`` is covered as
it is; one that needs more gets a line in ``BUILDERS`` (the failure says so).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QDialog, QTabWidget, QWidget

import tracker.ui
from tests.ui.screens import (
    SCREENS,
    cut_off_buttons,
    fit_problems,
    host_on,
    office_screen,
    reachable,
)
from tracker.services.bundle import Services
from tracker.ui.common.screen_fit import FitsScreen

TODAY = date(2023, 12, 1)
Builder = Callable[[Services, QWidget, Path], QDialog]


def dialog_classes() -> dict[str, type[QDialog]]:
    for module in pkgutil.walk_packages(tracker.ui.__path__, "tracker.ui."):
        importlib.import_module(module.name)
    found: dict[str, type[QDialog]] = {}
    todo: list[type[Any]] = [QDialog]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("tracker.ui."):
            found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return dict(sorted(found.items()))


def _overdue_ids(sv: Services) -> list[int]:
    from tracker.domain.ledger_query import LedgerQuery

    return [
        r.obligation_id for r in sv.ledger.rows(LedgerQuery(as_of=TODAY)) if r.status.needs_action
    ]


def _obligation(kind: str) -> Builder:
    def build(sv: Services, parent: QWidget, _tmp: Path) -> QDialog:
        from tracker.ui.dialogs import obligation_actions

        cls = getattr(obligation_actions, kind)
        return cls(sv, _overdue_ids(sv)[:30], parent)  # type: ignore[no-any-return]

    return build


def _notice_editor(sv: Services, parent: QWidget, _tmp: Path) -> QDialog:
    from tracker.ui.notices.editor import NoticeEditor

    biggest = max(sv.notices.list_notices(), key=lambda n: len(n.requirements))
    return NoticeEditor.for_notice(sv, biggest.id, parent)


def _letter(sv: Services, parent: QWidget, _tmp: Path) -> QDialog:
    from tracker.domain.letter_request import LetterRequest
    from tracker.ui.letters.letter_dialog import LetterDialog

    return LetterDialog(sv, LetterRequest(as_of=TODAY), parent)


def _status_list(sv: Services, parent: QWidget, _tmp: Path) -> QDialog:
    from tracker.domain.ledger_query import LedgerQuery
    from tracker.ui.letters.list_dialog import StatusListDialog

    return StatusListDialog(sv, LedgerQuery(as_of=TODAY), "overdue", parent)


def _pdf_preview(sv: Services, parent: QWidget, _tmp: Path) -> QDialog:
    from tracker.domain.letter_request import LetterRequest
    from tracker.ui.letters.preview import PdfPreviewDialog

    data = sv.letters.preview_pdf(LetterRequest(as_of=TODAY, letter_date=TODAY), 2)
    return PdfPreviewDialog(data, "催报函（预览，未编号）", "催报函预览", parent)


def _intake(sv: Services, parent: QWidget, tmp: Path) -> QDialog:
    from tracker.ui.readers.intake_dialog import IntakeDialog

    (tmp / "和平区市场监管局2023年研学行动阶段性总结（盖章版）.txt").write_text(
        "和平区市场监管局\n阶段性总结", encoding="utf-8"
    )
    return IntakeDialog(sv, [tmp], parent)


def _roster_import(sv: Services, parent: QWidget, tmp: Path) -> QDialog:
    from openpyxl import Workbook

    from tracker.ui.units.import_dialog import ImportDialog

    book = Workbook()
    sheet = book.active
    sheet.append(["单位名称", "类别", "别名", "电话"])
    for i, unit in enumerate(sv.units.list_units()):
        sheet.append([unit.name, unit.category, "、".join(unit.aliases), f"022-2700{i:04d}"])
    sheet.append(["天津大学", "高校", "天大", "022-27400000"])
    path = tmp / "单位名录（2024年修订）.xlsx"
    book.save(path)
    return ImportDialog(sv, path, parent)


def _unit(sv: Services, parent: QWidget, _tmp: Path) -> QDialog:
    from tracker.ui.units.edit_dialog import UnitDialog

    return UnitDialog(sv, sv.units.list_units()[0], parent)


def _about(sv: Services, parent: QWidget, tmp: Path) -> QDialog:
    from tracker.ui.help.about import AboutDialog, AboutInfo

    return AboutDialog(AboutInfo(tmp, str(sv.ws.root), sv.ws.root), parent)


def _licence(_sv: Services, parent: QWidget, _tmp: Path) -> QDialog:
    from tracker.ui.help.about import FONT_LICENCES, LicenceDialog

    return LicenceDialog(FONT_LICENCES[1], parent)


def _export(sv: Services, parent: QWidget, _tmp: Path) -> QDialog:
    from tracker.ui.excel.export_dialog import ExportDialog

    return ExportDialog(sv, TODAY, parent)


def _progress(_sv: Services, parent: QWidget, _tmp: Path) -> QDialog:
    from tracker.ui.common.progress import TaskProgressDialog

    return TaskProgressDialog("发出催报函", "正在生成并存档催报函…", parent)


def _error(_sv: Services, parent: QWidget, _tmp: Path) -> QDialog:
    from tracker.ui.common.error_dialog import ErrorDialog

    frames = "".join(f'  File "tracker/services/x{i}.py", line {i}, in step\n' for i in range(80))
    return ErrorDialog("写入台账时出错：" + "磁盘已满。" * 30, "Traceback:\n" + frames, parent)


def _bulletin(sv: Services, parent: QWidget, _tmp: Path) -> QDialog:
    from tracker.ui.bulletins.dialog import BulletinDialog

    return BulletinDialog(sv, TODAY, None, parent)


def _unit_history(sv: Services, parent: QWidget, _tmp: Path) -> QDialog:
    from tracker.ui.ranking.history_dialog import UnitHistoryDialog

    return UnitHistoryDialog(sv, sv.units.list_units()[0].id, TODAY, parent)


def _detail(sv: Services, parent: QWidget, _tmp: Path) -> QDialog:
    from tracker.ui.dialogs.obligation_detail import ObligationDetailDialog

    # the obligation with the most registrations and reminders: the fullest detail
    rows = sv.ledger.rows()
    busiest = max(rows, key=lambda r: (r.reminders, len(sv.ledger.submissions(r.obligation_id))))
    return ObligationDetailDialog(sv, busiest.obligation_id, parent)


def _revoke(sv: Services, parent: QWidget, _tmp: Path) -> QDialog:
    from tracker.ui.dialogs.revoke import RevokeDialog

    exempt = [r.obligation_id for r in sv.ledger.rows() if r.exempt_reason is not None]
    return RevokeDialog(sv, exempt, "unexempt", parent)


def _delete_submission(sv: Services, parent: QWidget, _tmp: Path) -> QDialog:
    from tracker.ui.dialogs.revoke import DeleteSubmissionDialog

    sub = next(s for r in sv.ledger.rows() for s in sv.ledger.submissions(r.obligation_id))
    return DeleteSubmissionDialog(sv, sub, parent)


# How to open the dialogs that need more than ``services``/``parent``; None: a base class that
# is never opened by itself (its subclasses are tested).
BUILDERS: dict[str, Builder | None] = {
    "tracker.ui.common.screen_fit.FittedDialog": None,
    "tracker.ui.dialogs.obligation_dialog.ObligationDialog": None,
    "tracker.ui.common.error_dialog.ErrorDialog": _error,
    "tracker.ui.dialogs.obligation_actions.ExemptDialog": _obligation("ExemptDialog"),
    "tracker.ui.dialogs.obligation_actions.ExtendDialog": _obligation("ExtendDialog"),
    "tracker.ui.dialogs.obligation_actions.RemindDialog": _obligation("RemindDialog"),
    "tracker.ui.notices.editor.NoticeEditor": _notice_editor,
    "tracker.ui.letters.letter_dialog.LetterDialog": _letter,
    "tracker.ui.letters.list_dialog.StatusListDialog": _status_list,
    "tracker.ui.letters.preview.PdfPreviewDialog": _pdf_preview,
    "tracker.ui.units.import_dialog.ImportDialog": _roster_import,
    "tracker.ui.readers.intake_dialog.IntakeDialog": _intake,
    "tracker.ui.units.edit_dialog.UnitDialog": _unit,
    "tracker.ui.help.about.AboutDialog": _about,
    "tracker.ui.help.about.LicenceDialog": _licence,
    "tracker.ui.excel.export_dialog.ExportDialog": _export,
    "tracker.ui.common.progress.TaskProgressDialog": _progress,
    "tracker.ui.bulletins.dialog.BulletinDialog": _bulletin,
    "tracker.ui.ranking.history_dialog.UnitHistoryDialog": _unit_history,
    "tracker.ui.dialogs.obligation_detail.ObligationDetailDialog": _detail,
    "tracker.ui.dialogs.revoke.RevokeDialog": _revoke,
    "tracker.ui.dialogs.revoke.DeleteSubmissionDialog": _delete_submission,
}
DIALOGS = dialog_classes()
# The buttons a clerk must always reach (outside any scroll area, on screen), by attribute.
KEY_BUTTONS: dict[str, tuple[str, ...]] = {
    "tracker.ui.notices.editor.NoticeEditor": ("ui.save", "ui.cancel"),
    "tracker.ui.letters.letter_dialog.LetterDialog": ("ui.issue", "ui.preview_all"),
    "tracker.ui.bulletins.dialog.BulletinDialog": ("ui.issue",),
    "tracker.ui.dialogs.register.RegisterDialog": ("ui.save_next", "ui.save_close", "ui.cancel"),
    "tracker.ui.settings.dialog.SettingsDialog": ("buttons",),
    "tracker.ui.dialogs.obligation_actions.ExemptDialog": ("ok_button",),
    "tracker.ui.dialogs.obligation_actions.ExtendDialog": ("ok_button",),
    "tracker.ui.dialogs.obligation_actions.RemindDialog": ("ok_button",),
    "tracker.ui.dialogs.obligation_detail.ObligationDetailDialog": ("delete_button",),
    "tracker.ui.dialogs.revoke.RevokeDialog": ("ok_button",),
    "tracker.ui.settings.office_dialog.OfficeSetupDialog": ("save_button", "later_button"),
}


def _attribute(obj: Any, path: str) -> Any:
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def _generic(cls: type[QDialog]) -> Builder:
    """``cls(services=…, parent=…)`` when its other parameters all have defaults."""
    params = inspect.signature(cls.__init__).parameters
    rest = [
        p
        for n, p in params.items()
        if n not in ("self", "services", "parent") and p.default is p.empty
    ]
    if rest or "parent" not in params:
        names = ", ".join(p.name for p in rest)
        pytest.fail(f"{cls.__qualname__}({names}): add how to open it to BUILDERS in {__file__}")

    def build(sv: Services, parent: QWidget, _tmp: Path) -> QDialog:
        kwargs: dict[str, Any] = {"parent": parent}
        if "services" in params:
            kwargs["services"] = sv
        return cls(**kwargs)

    return build


def test_every_dialog_is_found_and_fits_by_construction() -> None:
    """Each dialog derives from FittedDialog (or mixes FitsScreen in), and the walk finds the
    ones a clerk opens every day."""
    assert {"NoticeEditor", "LetterDialog", "RegisterDialog", "SettingsDialog"} <= {
        c.__name__ for c in DIALOGS.values()
    }
    loose = [name for name, cls in DIALOGS.items() if not issubclass(cls, FitsScreen)]
    assert not loose, f"derive these from tracker.ui.common.screen_fit.FittedDialog: {loose}"


@pytest.fixture(params=list(SCREENS))
def screen(request: pytest.FixtureRequest) -> QScreen:
    return office_screen(request.param)


@pytest.fixture
def host(screen: QScreen) -> Iterator[QWidget]:
    """The dialogs' parent on ``screen``, alive until pytest-qt has closed them."""
    window = host_on(screen)
    yield window
    window.close()


@pytest.mark.parametrize("name", [n for n in DIALOGS if BUILDERS.get(n, ...) is not None])
def test_dialog_fits_the_screen(
    name: str, screen: QScreen, host: QWidget, qtbot: Any, demo_services: Services, tmp_path: Path
) -> None:
    screen_name = screen.name()
    build = BUILDERS.get(name) or _generic(DIALOGS[name])
    dialog = build(demo_services, host, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for tab in dialog.findChildren(QTabWidget) or [None]:
        for i in range(tab.count() if tab is not None else 1):
            if tab is not None:
                tab.setCurrentIndex(i)
            where = f"{name} on {screen_name}" + (f", tab {tab.tabText(i)}" if tab else "")
            assert not fit_problems(dialog, screen), f"{where}: {fit_problems(dialog, screen)}"
            assert not cut_off_buttons(dialog), f"{where}: cut off {cut_off_buttons(dialog)}"
            for path in KEY_BUTTONS.get(name, ()):
                assert reachable(_attribute(dialog, path), dialog), f"{where}: {path}"
