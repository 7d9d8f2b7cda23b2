"""The readers' window actions: 通知 ▸ 从通知文件新建…, 登记 ▸ 批量登记收到的材料… / 批量登记
文件夹…, and a folder dropped anywhere on the window (outside the grid, which takes files for
one registration)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from tracker.domain.records import Change
from tracker.ui.common.folders import remember_folder, start_folder

if TYPE_CHECKING:
    from tracker.ui.dialogs.undo_stack import ChangeStack
    from tracker.ui.main_window import MainWindow
    from tracker.ui.readers.intake_dialog import IntakeDialog


def local_paths(mime: QMimeData) -> list[Path]:
    """Dropped local files and folders."""
    if not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if p.exists()]


class ReaderActions(QObject):
    def __init__(self, window: MainWindow, stack: ChangeStack) -> None:
        super().__init__(window)
        self.window = window
        self.stack = stack  # one Ctrl+Z takes a whole batch back
        self.dialog: IntakeDialog | None = None  # the last one opened (tests, screenshots)
        self.notice_action = QAction(self.tr("从通知文件新建…"), window)
        self.notice_action.triggered.connect(lambda _=False: self.on_notice_from_file())
        self.intake_action = QAction(self.tr("批量登记收到的材料…"), window)
        self.intake_action.triggered.connect(lambda _=False: self.on_intake_files())
        self.folder_action = QAction(self.tr("批量登记文件夹…"), window)
        self.folder_action.triggered.connect(lambda _=False: self.on_intake_folder())
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def on_notice_from_file(self) -> None:
        from tracker.ui.notices.page import NoticesPage

        if not self.window.ctx.is_ready:
            return
        self.window.show_section("notices")
        self.window.section("notices", NoticesPage).on_from_file_clicked()

    def on_intake_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("选择收到的材料（可多选）"),
            str(start_folder("received")),
            self.tr("所有文件 (*)"),
        )
        if paths:
            remember_folder("received", paths[0])
            self.open_intake([Path(p) for p in paths])

    def on_intake_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("选择收到材料的文件夹"), str(start_folder("received"))
        )
        if folder:
            remember_folder("received", Path(folder).parent)  # next time: beside this one
            self.open_intake([Path(folder)])

    def open_intake(self, paths: Sequence[Path]) -> None:
        ctx = self.window.ctx
        if not ctx.is_ready:
            return
        from tracker.ui.readers.intake_dialog import IntakeDialog

        dialog = IntakeDialog(ctx.services, paths, self.window)
        dialog.registered.connect(self.on_registered)
        self.dialog = dialog
        dialog.open()

    def on_registered(self, change: Change) -> None:
        self.stack.push(change)  # 编辑 ▸ 撤销 takes the whole batch back
        self.window.statusBar().showMessage(change.summary, 8000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.DragEnter:
            assert isinstance(event, QDragEnterEvent)
            if any(p.is_dir() for p in local_paths(event.mimeData())):
                event.acceptProposedAction()
                return True
        if watched is self.window and event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = local_paths(event.mimeData())
            if any(p.is_dir() for p in paths):
                event.acceptProposedAction()
                self.open_intake(paths)
                return True
        return super().eventFilter(watched, event)
