"""打开文件 with a name as long as received files' often are: the progress dialog stays within a
1366×768 screen, the name elided in its middle so that its extension still shows, the whole
name in the tooltip. The copy is held mid-way so the dialog is looked at while it runs."""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.ui.screens import fit_problems, host_on, office_screen
from tracker.services import files
from tracker.services.bundle import Services
from tracker.services.files import FileArchive
from tracker.ui.dialogs.obligation_detail import ObligationDetailDialog

from .test_open_files import registered

LONG = (
    "天津市和平区市场监督管理局关于报送2023年世界标准日系列活动总结及佐证材料的报告"
    "（含视频、图片等附件材料共计十五项）.mp4"
)


class MidCopy:
    """Lets the first chunk of ``name``'s copy report its progress, then holds the copy."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
        self.reported, self.open = threading.Event(), threading.Event()
        original = FileArchive.export_copy

        def export_copy(archive, sha256, named, dest, progress=None):  # type: ignore[no-untyped-def]
            if named != name:
                return original(archive, sha256, named, dest, progress)

            def step(n: int) -> None:
                if progress is not None:
                    progress(n)
                self.reported.set()
                assert self.open.wait(20)

            return original(archive, sha256, named, dest, step)

        monkeypatch.setattr(FileArchive, "export_copy", export_copy)
        monkeypatch.setattr(files, "CHUNK", 64 << 10)


def test_a_long_name_keeps_the_progress_dialog_on_a_small_screen(
    qtbot: QtBot, study: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder := tmp_path / "temp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    screen = office_screen("1366x768")
    host = host_on(screen)
    qtbot.addWidget(host)
    dialog = ObligationDetailDialog(
        study, registered(study, tmp_path, (LONG, b"v" * (1 << 20))), host
    )
    dialog.show()
    gate = MidCopy(monkeypatch, LONG)
    task = dialog.on_open_clicked()
    assert task is not None and gate.reported.wait(10)
    progress = dialog.opener.progress
    assert progress is not None
    qtbot.waitUntil(progress.isVisible)
    qtbot.waitUntil(lambda: progress.labelText().endswith(".mp4"), timeout=5000)
    try:
        text = progress.labelText()
        assert "…" in text and "天津市和平区" in text  # elided in the middle: both ends show
        assert text.startswith("正在取出：64 KB / 1.0 MB\n")
        # no wider than half the laptop's screen (before: 948 px, the whole name on one line)
        assert progress.width() <= 1366 // 2 and fit_problems(progress, screen) == []
        label = progress.findChild(QLabel)
        assert label is not None and LONG in label.toolTip()  # the whole name on hover
        if shot := os.environ.get("TRACKER_SHOT"):  # to look at it: TRACKER_SHOT=/tmp/x.png
            progress.grab().save(shot)
    finally:
        gate.open.set()
    qtbot.waitUntil(lambda: not task.running, timeout=20_000)


@pytest.mark.parametrize("screen_name", ["1366x768", "1920x1080@150%"])
def test_every_progress_dialog_elides_a_long_name(qtbot: QtBot, screen_name: str) -> None:
    """The same rule for the other dialogs naming a file (导出 to a workbook, 导出单位名录)."""
    from tracker.ui.common.progress import TaskProgressDialog

    screen = office_screen(screen_name)
    host = host_on(screen)
    qtbot.addWidget(host)
    name = LONG.replace(".mp4", ".xlsx")
    dialog = TaskProgressDialog("导出", f"正在写入“{name}”…", host)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.labelText().endswith(".xlsx”…") and "…" in dialog.labelText()[:-1]
    assert dialog.width() <= screen.availableGeometry().width() // 2
    assert fit_problems(dialog, screen) == []
    dialog.setLabelText("正在写入“统计表.xlsx”…")  # a short one as it is, no tooltip
    label = dialog.findChild(QLabel)
    assert dialog.labelText() == "正在写入“统计表.xlsx”…" and label is not None
    assert label.toolTip() == ""
