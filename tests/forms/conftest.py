"""Fixtures for the forms tests (dialogs, notices, units, settings) on a real workspace."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain.forms import Form
from tracker.domain.records import NoticeSpec, RequirementSpec
from tracker.services.bundle import Services

E, P, S = Form.ELECTRONIC, Form.PAPER, Form.SEAL


@pytest.fixture(autouse=True)
def _workers_done(qtbot):  # type: ignore[no-untyped-def]
    """After each test, let background tasks end and deliver their results while the test's
    widgets still exist (this fixture ends before qtbot closes them)."""
    yield
    from PySide6.QtCore import QCoreApplication

    from tracker.ui.common.worker import wait_all

    wait_all()
    QCoreApplication.processEvents()


@pytest.fixture
def study(tianjin_units: Services) -> Services:
    """津市场监管标准〔2023〕14号: 阶段性总结 by 6-27 and 年度总结 by 11-10."""
    spec = NoticeSpec(
        title="关于开展2023年标准化研学行动的通知",
        doc_number="津市场监管标准〔2023〕14号",
        issuer="天津市市场监督管理委员会",
        issued_on=date(2023, 6, 5),
        requirements=(
            RequirementSpec("阶段性总结", date(2023, 6, 27), E | P | S, ("区局",), ("市教委",)),
            RequirementSpec("年度总结", date(2023, 11, 10), E | S, ("区局",)),
        ),
    )
    tianjin_units.notices.create(spec)
    return tianjin_units


@pytest.fixture
def forms_window(qtbot, study: Services, tmp_path):  # type: ignore[no-untyped-def]
    """The shell's main window on ``study`` with the forms installed, rows loaded."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from tracker.ui.common.worker import wait_all
    from tracker.ui.context import AppContext
    from tracker.ui.dialogs.install import install
    from tracker.ui.file_menu import install_file_menu
    from tracker.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    ctx = AppContext(str(study.ws.root))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    install_file_menu(window)  # as tracker.app does, before the extensions
    install(window)
    window.show()
    with qtbot.waitSignal(ctx.snapshots.loaded, timeout=20_000):
        ctx.attach(study)
    yield window
    window.close()
    wait_all()
    QCoreApplication.processEvents()  # deliver late worker results while the pages still exist
