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


@pytest.fixture(autouse=True)
def _ui_settings_in_tmp(tmp_path):  # type: ignore[no-untyped-def]
    """Remembered folders, widths and geometry go to the test's folder, not the user's."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture(autouse=True)
def _editors_close_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    """qtbot closes every widget after a test: an editor with edits would ask (a modal box)
    whether to drop them. Tests that check the question patch it themselves."""
    from tracker.ui.notices import editor

    monkeypatch.setattr(editor, "ask_discard", lambda _parent: True)


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
    """The real main window on ``study``, rows loaded."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from tests.ui.conftest import open_main_window
    from tracker.ui.common.worker import wait_all

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    window = open_main_window(qtbot, study)
    yield window
    window.close()
    wait_all()
    QCoreApplication.processEvents()  # deliver late worker results while the pages still exist
