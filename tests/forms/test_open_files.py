"""打开文件 copies in a worker: a big 佐证材料 video is verified and copied while the window keeps
working, 取消 leaves no copy, a closed dialog neither crashes nor opens anything afterwards, a
small file opens with no progress dialog flashing, and a refused file does not stop the others.

The copy is gated (each chunk waits for the test) with the chunk size made small, so "while it
runs" is a fact the test holds, not a race against the machine's speed."""

from __future__ import annotations

import tempfile
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tracker.domain.forms import Form
from tracker.services import files
from tracker.services.bundle import Services
from tracker.services.files import FileArchive
from tracker.services.viewer_copies import COPY_PREFIX
from tracker.ui.common.progress import TaskProgressDialog
from tracker.ui.common.worker import Task, wait_all
from tracker.ui.dialogs.obligation_detail import ObligationDetailDialog

from .helpers import oid

KB = 1 << 10


class Gate:
    """Holds each chunk of the video's copy until ``release``; says on which thread it ran."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, gated: str = "活动视频.mp4") -> None:
        self.started, self.open = threading.Event(), threading.Event()
        self.threads: set[threading.Thread] = set()
        original = FileArchive.export_copy

        def export_copy(archive, sha256, name, dest, progress=None):  # type: ignore[no-untyped-def]
            if name != gated:
                return original(archive, sha256, name, dest, progress)

            def step(n: int) -> None:
                self.threads.add(threading.current_thread())
                self.started.set()
                assert self.open.wait(20)
                if progress is not None:
                    progress(n)

            return original(archive, sha256, name, dest, step)

        monkeypatch.setattr(FileArchive, "export_copy", export_copy)
        monkeypatch.setattr(files, "CHUNK", 64 * KB)  # the video takes many steps

    def release(self) -> None:
        self.open.set()


class ShowSpy(QObject):
    """Records each Show of the widget it watches."""

    def __init__(self, watched: QWidget) -> None:
        super().__init__()
        self.shown = 0
        watched.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        self.shown += event.type() == QEvent.Type.Show
        return False


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    paths: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: paths.append(url.toLocalFile()) or True
    )
    return paths


@pytest.fixture
def temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temp folder where copies for the viewer go, the test's own."""
    (folder := tmp_path / "temp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def copies(temp: Path) -> list[Path]:
    return sorted(p for p in temp.rglob("*") if p.is_file())


def registered(study: Services, tmp_path: Path, *named: tuple[str, bytes]) -> int:
    """和平局's 阶段性总结, registered with the files ``named`` (name, content)."""
    sent = []
    for name, data in named:
        (path := tmp_path / name).write_bytes(data)
        sent.append(path)
    o = oid(study, "和平局")
    study.ledger.register(o, Form.ELECTRONIC, date(2023, 6, 20), files=sent)
    return o


def detail_with(
    study: Services, tmp_path: Path, *named: tuple[str, bytes]
) -> ObligationDetailDialog:
    return ObligationDetailDialog(study, registered(study, tmp_path, *named))


def copying(
    dialog: ObligationDetailDialog, monkeypatch: pytest.MonkeyPatch
) -> tuple[Gate, Task, TaskProgressDialog]:
    """``dialog`` shown, 打开文件 clicked and its video's copy held at its first chunk."""
    dialog.show()
    gate = Gate(monkeypatch)
    task = dialog.on_open_clicked()
    assert task is not None and gate.started.wait(10)
    progress = dialog.opener.progress
    assert progress is not None
    return gate, task, progress


def test_a_big_video_opens_from_a_worker_while_the_window_keeps_working(
    qtbot: QtBot, study: Services, tmp_path: Path, temp: Path, monkeypatch: pytest.MonkeyPatch,
    opened: list[str],
) -> None:  # fmt: skip
    video = b"v" * (3 << 20) + b"end"
    dialog = detail_with(study, tmp_path, ("活动视频.mp4", video))
    qtbot.addWidget(dialog)
    dialog.show()
    gate = Gate(monkeypatch)
    dialog.open_button.click()  # returns at once: the copy runs in a worker
    assert gate.started.wait(10)
    assert threading.main_thread() not in gate.threads
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=5000)  # the UI thread is free
    progress = dialog.opener.progress
    assert progress is not None
    qtbot.waitUntil(progress.isVisible)  # a long copy shows its progress, with 取消
    assert opened == []
    with qtbot.waitSignal(dialog.opener.opened, timeout=20_000) as handed:
        gate.release()
    [path] = opened
    assert handed.args == [opened]
    assert Path(path).name == "活动视频.mp4" and Path(path).read_bytes() == video
    assert Path(path).parent.parent == temp  # a copy in the temp folder, not the archive
    qtbot.waitUntil(lambda: dialog.opener.progress is None)  # the dialog went with the task


def test_cancelling_stops_the_copy_and_leaves_no_copy(
    qtbot: QtBot, study: Services, tmp_path: Path, temp: Path, monkeypatch: pytest.MonkeyPatch,
    opened: list[str],
) -> None:  # fmt: skip
    dialog = detail_with(
        study, tmp_path, ("总结.pdf", b"%PDF-1.4 small"), ("活动视频.mp4", b"v" * (2 << 20))
    )
    qtbot.addWidget(dialog)
    gate, task, progress = copying(dialog, monkeypatch)
    qtbot.waitUntil(progress.isVisible)
    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "取消")
    cancel.click()
    gate.release()
    qtbot.waitUntil(lambda: not task.running, timeout=20_000)
    assert opened == []
    assert copies(temp) == []  # neither the finished PDF nor part of the video
    assert not [p for p in temp.iterdir() if p.name.startswith(COPY_PREFIX)]
    assert dialog.isVisible() and not dialog.errors.isVisibleTo(dialog)


def test_closing_the_dialog_mid_copy_opens_nothing_afterwards(
    qtbot: QtBot, study: Services, tmp_path: Path, temp: Path, monkeypatch: pytest.MonkeyPatch,
    opened: list[str],
) -> None:  # fmt: skip
    dialog = detail_with(study, tmp_path, ("活动视频.mp4", b"v" * (2 << 20)))
    qtbot.addWidget(dialog)
    gate, task, progress = copying(dialog, monkeypatch)
    spy = ShowSpy(progress)
    dialog.close()  # before the progress dialog would show
    gate.release()
    qtbot.waitUntil(lambda: not task.running, timeout=20_000)
    qtbot.wait(400)  # past the progress dialog's delay: it never appears over nothing
    assert spy.shown == 0 and opened == [] and copies(temp) == []


def test_a_history_closed_and_deleted_mid_copy_is_safe(
    qtbot: QtBot, study: Services, tmp_path: Path, temp: Path, monkeypatch: pytest.MonkeyPatch,
    opened: list[str],
) -> None:  # fmt: skip
    from PySide6.QtCore import QCoreApplication, Qt
    from shiboken6 import isValid

    from tracker.ui.ranking.history_dialog import UnitHistoryDialog

    registered(study, tmp_path, ("活动视频.mp4", b"v" * (2 << 20)))
    heping = study.units.resolve("和平局").id
    dialog = UnitHistoryDialog(study, heping, date(2023, 12, 1))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.history is not None, timeout=10_000)
    row = next(i for i, e in enumerate(dialog.entries.rows) if e.files)
    dialog.entry_view.setCurrentIndex(dialog.entry_view.model().index(row, 0))
    gate = Gate(monkeypatch)
    task = dialog.open_files()
    assert task is not None and gate.started.wait(10)
    dialog.close()  # deleted on close, with its opener and progress dialog
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(dialog)
    gate.release()
    qtbot.waitUntil(lambda: not task.running, timeout=20_000)
    wait_all()
    QCoreApplication.processEvents()
    assert opened == [] and copies(temp) == []


def test_a_small_file_opens_with_no_progress_dialog(
    qtbot: QtBot, study: Services, tmp_path: Path, temp: Path, opened: list[str]
) -> None:
    dialog = detail_with(study, tmp_path, ("和平区 总结.docx", b"summary"))
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.opener.opened, timeout=10_000):
        dialog.open_button.click()
        progress = dialog.opener.progress
        assert progress is not None
        spy = ShowSpy(progress)
    qtbot.wait(400)  # past the delay after which a lasting copy would show its progress
    assert spy.shown == 0
    assert [Path(p).read_bytes() for p in opened] == [b"summary"]


def test_a_refused_program_is_said_and_the_other_files_still_open(
    qtbot: QtBot, study: Services, tmp_path: Path, temp: Path, opened: list[str]
) -> None:
    """The detail refuses a program as the history does (before, it handed 总结.pdf.exe to the
    system, which on Windows runs it), and a refusal no longer stops the files after it."""
    dialog = detail_with(
        study, tmp_path, ("年度总结.pdf.exe", b"MZ"), ("年度总结.pdf", b"%PDF-1.4 sent")
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.opener.opened, timeout=10_000):
        dialog.open_button.click()
    assert [Path(p).name for p in opened] == ["年度总结.pdf"]
    assert "年度总结.pdf.exe" in dialog.errors.text() and "不直接打开" in dialog.errors.text()
    assert [p.name for p in copies(temp)] == ["年度总结.pdf"]  # no copy of the program made


def test_a_click_right_after_the_files_opened_opens_them_again(
    qtbot: QtBot, study: Services, tmp_path: Path, temp: Path, opened: list[str]
) -> None:
    """The copying is over once the files are handed to the viewer: a click at that moment
    (before the worker's end has come through the event queue) opens them again, it is not
    taken for the same click still running (the history's double-click test hit this when
    the machine was busy)."""
    dialog = detail_with(study, tmp_path, ("和平区 总结.docx", b"summary"))
    qtbot.addWidget(dialog)
    again: list[object] = []

    def click_again(_paths: list[str]) -> None:
        if not again:  # once: the second opening would click again too
            again.append(dialog.on_open_clicked())

    dialog.opener.opened.connect(click_again)
    with qtbot.waitSignal(dialog.opener.opened, timeout=10_000):
        dialog.open_button.click()
    qtbot.waitUntil(lambda: len(opened) >= 2, timeout=10_000)
    assert again[0] is not None  # the second click started its own copy
    assert [Path(p).read_bytes() for p in opened] == [b"summary", b"summary"]
    wait_all()
