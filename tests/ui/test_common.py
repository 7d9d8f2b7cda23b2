"""tracker.ui.common: workers, progress, change bridge, error dialog, date widgets, state."""

from __future__ import annotations

import logging
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QSplitter, QWidget
from shiboken6 import isValid

from tracker.domain.changes import Changes, Topic
from tracker.domain.errors import ValidationError
from tracker.ui.common import error_dialog, errors
from tracker.ui.common.changes import ChangeHub
from tracker.ui.common.dates import CnDateEdit, OptionalDateEdit
from tracker.ui.common.progress import run_with_progress
from tracker.ui.common.state import restore_splitter, save_splitter
from tracker.ui.common.worker import run_task


def test_run_task_returns_result_on_ui_thread(qtbot) -> None:
    seen: list[object] = []
    ui_thread = threading.get_ident()

    def work(control) -> str:
        control.progress(1, 2, "一半")
        return f"worker {threading.get_ident() != ui_thread}"

    run_task(work, on_done=lambda r: seen.append((r, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen == [("worker True", ui_thread)]


def test_run_task_reports_errors_to_on_error(qtbot) -> None:
    failures: list[tuple[BaseException, str]] = []

    def work(_control) -> None:
        raise ValidationError("日期不对")

    run_task(work, on_error=lambda e, d: failures.append((e, d)))
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    assert str(failures[0][0]) == "日期不对"
    assert "ValidationError" in failures[0][1]


def test_cancel_stops_a_task_between_steps(qtbot) -> None:
    started = threading.Event()
    steps: list[int] = []

    def work(control) -> None:
        started.set()
        for i in range(1000):
            control.check()
            steps.append(i)
            threading.Event().wait(0.005)

    cancelled: list[bool] = []
    task = run_task(work, on_cancelled=lambda: cancelled.append(True))
    started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=10_000)
    assert cancelled == [True]
    assert len(steps) < 1000


def test_progress_dialog_cancel_button_cancels_the_task(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()

    def work(control) -> None:
        control.progress(1, 10, "第1步")
        release.wait(5)
        control.check()

    dialog = run_with_progress(parent, "导出", "正在导出…", work)
    qtbot.waitUntil(lambda: dialog.labelText() == "第1步", timeout=5000)
    assert dialog.maximum() == 10
    qtbot.waitUntil(dialog.isVisible, timeout=5000)  # appears after its minimum duration
    dialog.findChild(QPushButton).click()
    assert dialog.task is not None and dialog.task.control.cancelled
    with qtbot.waitSignal(dialog.task.signals.cancelled, timeout=5000):
        release.set()


def test_change_hub_delivers_typed_notices_from_a_worker(qtbot, services) -> None:
    hub = ChangeHub()
    hub.watch(services)
    with qtbot.waitSignal(hub.changed, timeout=5000) as blocker:
        thread = threading.Thread(target=lambda: services.units.add_category("协会二"))
        thread.start()
        thread.join()
    assert blocker.args == [Changes.of(Topic.UNITS)]


def test_cn_date_edit_shows_chinese_dates(qtbot) -> None:
    edit = CnDateEdit(date(2023, 6, 27))
    qtbot.addWidget(edit)
    assert edit.text() == "2023年6月27日"
    with qtbot.waitSignal(edit.dateValueChanged) as blocker:
        edit.setDate(QDate(2023, 12, 1))
    assert blocker.args == [date(2023, 12, 1)]


def test_optional_date_edit_reads_none_until_set(qtbot) -> None:
    edit = OptionalDateEdit("不限")
    qtbot.addWidget(edit)
    assert edit.date_value_or_none() is None
    assert edit.text() == "" and edit.placeholderText() == "不限" and edit.is_valid()
    edit.set_date_or_none(date(2023, 1, 5))
    assert edit.date_value_or_none() == date(2023, 1, 5)


def test_error_dialog_offers_copyable_details(qtbot) -> None:
    dialog = error_dialog.ErrorDialog("RuntimeError: 坏了", "Traceback …\nRuntimeError: 坏了")
    qtbot.addWidget(dialog)
    assert "意外错误" in dialog.text()
    assert dialog.detailedText().endswith("RuntimeError: 坏了")
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.details


@pytest.mark.error_dialogs
def test_unexpected_errors_are_logged_and_shown(qtbot, tmp_path: Path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        error_dialog.ErrorDialog, "exec", lambda self: shown.append(self.details) or 0
    )
    path = errors.setup_logging(tmp_path / "logs")
    try:
        raise KeyError("缺失")
    except KeyError as exc:
        errors.excepthook(type(exc), exc, exc.__traceback__)
    logging.getLogger().handlers[-1].flush()
    assert "KeyError" in path.read_text(encoding="utf-8")
    assert shown and "KeyError: '缺失'" in shown[0]


@pytest.mark.error_dialogs
def test_tracker_errors_show_their_message_only(qtbot, monkeypatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    errors.show_error(None, ValidationError("请填写免报理由"))
    assert warned == ["请填写免报理由"]


def test_splitter_state_is_remembered(qtbot) -> None:
    first = QSplitter()
    qtbot.addWidget(first)
    for _ in range(2):
        first.addWidget(QWidget())
    first.resize(400, 100)
    first.setSizes([100, 300])
    save_splitter("t", first)
    second = QSplitter()
    qtbot.addWidget(second)
    for _ in range(2):
        second.addWidget(QWidget())
    second.resize(400, 100)
    assert restore_splitter("t", second)
    assert second.sizes() == first.sizes()


@pytest.mark.parametrize("value", [date(2023, 2, 28), date(2024, 2, 29)])
def test_date_round_trip(qtbot, value: date) -> None:
    edit = CnDateEdit()
    qtbot.addWidget(edit)
    edit.set_date_value(value)
    assert edit.date_value() == value


def test_results_for_a_deleted_owner_are_dropped(qtbot) -> None:
    owner = QWidget()
    release = threading.Event()
    seen: list[object] = []
    task = run_task(lambda _c: release.wait(5) and 42, on_done=seen.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not isValid(owner))
    release.set()
    qtbot.waitUntil(lambda: not task.running)
    assert seen == []
    alive = QWidget()
    task = run_task(lambda _c: 7, on_done=seen.append, owner=alive)
    qtbot.waitUntil(lambda: not task.running)
    assert seen == [7]


def test_file_dialogs_start_in_documents_then_where_the_clerk_went(tmp_path: Path) -> None:
    from tracker.ui.common.folders import documents_dir, remember_folder, start_folder, start_path

    assert start_folder("pdf") == documents_dir()
    assert start_path("pdf", "催报函.pdf") == str(documents_dir() / "催报函.pdf")  # never bare
    chosen = tmp_path / "发文" / "催报函.pdf"
    chosen.parent.mkdir()
    remember_folder("pdf", chosen)
    assert start_folder("pdf") == chosen.parent and start_folder("xlsx") == documents_dir()
    chosen.parent.rmdir()
    assert start_folder("pdf") == documents_dir()  # a folder since removed is not offered


def test_save_as_word_starts_in_documents_then_the_folder_last_used(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """另存为 Word (a 通报's, the 催报函's) never starts in the program's folder."""
    import hashlib

    from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

    from tracker.ui.bulletins.dialog import save_docx
    from tracker.ui.common.folders import documents_dir
    from tracker.ui.letters.letter_dialog import save_word

    offered: list[str] = []
    answer = {"path": ""}

    def ask(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        offered.append(start)
        return answer["path"], ""

    def refused(*args):  # type: ignore[no-untyped-def]
        raise AssertionError(args)  # a modal box would hang the test

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    monkeypatch.setattr(QMessageBox, "warning", refused)
    parent = QWidget()
    qtbot.addWidget(parent)
    source = tmp_path / f"{hashlib.sha256(b'PK').hexdigest()}.docx"  # as archived
    source.write_bytes(b"PK")
    assert save_word(None, "津市场监管标准函〔2023〕3号", parent) is None  # type: ignore[arg-type]
    assert offered[-1] == str(documents_dir() / "津市场监管标准函〔2023〕3号.docx")
    (tmp_path / "发文").mkdir()
    answer["path"] = str(tmp_path / "发文" / "通报")
    assert (
        save_docx(source, "津市场监管标准〔2023〕20号", parent) == tmp_path / "发文" / "通报.docx"
    )
    answer["path"] = ""
    save_word(None, "津市场监管标准函〔2023〕4号", parent)  # type: ignore[arg-type]
    assert offered[-1] == str(tmp_path / "发文" / "津市场监管标准函〔2023〕4号.docx")


def test_reading_a_notice_and_batch_intake_start_where_the_clerk_went(
    qtbot, main_window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """通知 ▸ 从通知文件新建… and 登记 ▸ 批量登记… never start in the program's folder."""
    from PySide6.QtWidgets import QFileDialog

    from tracker.ui.common.folders import documents_dir

    offered: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda _p, _t, start, _f: offered.append(start) or ("", "")
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda _p, _t, start, _f: offered.append(start) or ([], "")
    )
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda _p, _t, start: offered.append(start) or ""
    )
    readers = main_window.features.readers
    readers.notice_action.trigger()
    readers.intake_action.trigger()
    readers.folder_action.trigger()
    assert offered == [str(documents_dir())] * 3
    received = tmp_path / "收文"
    received.mkdir()
    from tracker.ui.common.folders import remember_folder

    remember_folder("received", received / "和平区总结.docx")
    readers.intake_action.trigger()
    readers.folder_action.trigger()
    assert offered[-2:] == [str(received)] * 2
