"""通知与报送事项: the notices with their requirements; new, edit, copy from last year, delete."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from tracker.domain.changes import Changes, Topic
from tracker.domain.dates import format_cn
from tracker.domain.errors import TrackerError
from tracker.domain.records import NoticeRecord
from tracker.ui.context import AppContext
from tracker.ui.dialogs.file_drop import local_files
from tracker.ui.notices.editor import NoticeEditor
from tracker.ui.notices.models import SORT_ROLE, NoticeTableModel, RequirementSummaryModel
from tracker.ui.notices.page_layout import PageLayout

if TYPE_CHECKING:
    from tracker.services.bundle import Services

# Notice rows name their units' categories and count workdays to the deadlines.
TOPICS = Topic.NOTICES | Topic.UNITS | Topic.CALENDAR
# 关键数据 reads the registered files and the clerk's corrections (announced as submissions).
FIGURE_TOPICS = Topic.SUBMISSIONS | Topic.NOTICES | Topic.UNITS


def notice_details(n: NoticeRecord) -> str:
    lines = [f"{n.doc_number}　{n.title}".strip()]
    if n.issuer or n.issued_on:
        lines.append(f"{n.issuer}　{format_cn(n.issued_on)}".strip())
    if n.theme:
        lines.append(f"主题：{n.theme}")
    if n.contacts:
        people = "；".join(" ".join(x for x in (c.name, c.phone, c.email) if x) for c in n.contacts)
        lines.append(f"联系人：{people}")
    if n.body_note:
        lines.append(f"报送要求：{n.body_note}")
    return "\n".join(lines)


class NoticesPage(QWidget):
    """Filled once the workspace is open; refreshed on the change notices about notices,
    units and the calendar."""

    changed = Signal(object)  # a Change made from this page
    figureCorrected = Signal(object)  # the Change of a 关键数据 correction (undoable)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = NoticeTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.requirements = RequirementSummaryModel(self)
        self.ui = PageLayout(self, self.proxy, self.model, self.requirements)
        self.editor: NoticeEditor | None = None
        from tracker.ui.readers.figures_panel import FiguresPanel

        self.figures = FiguresPanel(lambda: self.services, self)
        self.ui.tabs.addTab(self.figures, self.tr("关键数据"))
        self.figures.corrected.connect(self.figureCorrected)
        self.setAcceptDrops(True)
        self._connect()
        self.refresh()
        ctx.ready.connect(self.refresh)
        ctx.changes.changed.connect(self.on_changes)

    @property
    def services(self) -> Services:
        return self.ctx.services

    def _connect(self) -> None:
        ui = self.ui
        ui.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        ui.table.doubleClicked.connect(lambda _: self.on_edit_clicked())
        ui.search.textChanged.connect(self.proxy.setFilterFixedString)
        ui.new.clicked.connect(self.on_new_clicked)
        ui.from_file.clicked.connect(self.on_from_file_clicked)
        ui.tabs.currentChanged.connect(lambda _: self._on_tab_changed())
        ui.edit.clicked.connect(self.on_edit_clicked)
        ui.copy.clicked.connect(self.on_copy_clicked)
        ui.delete.clicked.connect(self.on_delete_clicked)

    # -- data ----------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        if changes.touches(FIGURE_TOPICS):
            self.figures.invalidate()
        if changes.touches(TOPICS):
            self.refresh()  # shows the figures too
        elif changes.touches(FIGURE_TOPICS):
            self._show_figures()

    def refresh(self) -> None:
        self.ui.new.setEnabled(self.ctx.is_ready)
        if not self.ctx.is_ready:
            self.on_selection_changed()
            return
        chosen = self.selected_notice()
        self.model.set_rows(self.services.notices.list_notices())
        self.select_notice(chosen.id if chosen else None)

    def selected_notice(self) -> NoticeRecord | None:
        rows = self.ui.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def select_notice(self, notice_id: int | None) -> None:
        row = self.model.row_of(notice_id) if notice_id is not None else -1
        if row < 0 and self.proxy.rowCount():
            self.ui.table.selectRow(0)
        elif row >= 0:
            self.ui.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self.on_selection_changed()

    def on_selection_changed(self, *_: QItemSelection) -> None:
        n = self.selected_notice()
        self.requirements.set_rows(list(n.requirements) if n else [])
        if n is not None:
            self.ui.details.setText(notice_details(n))
        elif self.ctx.is_ready:
            self.ui.details.setText(self.tr("还没有通知，点“新建通知”开始"))
        else:
            self.ui.details.setText(self.tr("正在打开台账…"))
        for button in (self.ui.edit, self.ui.copy, self.ui.delete):
            button.setEnabled(n is not None)
        self.ui.message.clear_message()
        self._show_figures()

    def _on_tab_changed(self) -> None:
        if self.ui.tabs.currentWidget() is self.figures:
            self.ui.make_room_below()
        self._show_figures()

    def _show_figures(self) -> None:
        """关键数据 reads the summaries' files: only while its tab is the one on show."""
        if self.ui.tabs.currentWidget() is self.figures:
            n = self.selected_notice()
            self.figures.show_notice(n.id if n else None)

    # -- actions -------------------------------------------------------------------------
    def on_new_clicked(self) -> None:
        self._open(NoticeEditor.for_new(self.services, self))

    def on_from_file_clicked(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from tracker.ui.common.folders import remember_folder, start_folder

        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择通知文件"),
            str(start_folder("notice")),
            self.tr("通知文件 (*.docx *.pdf *.txt *.doc *.wps);;所有文件 (*)"),
        )
        if path:
            remember_folder("notice", path)
            self.open_notice_file(Path(path))

    def open_notice_file(self, path: Path) -> None:
        """通知 ▸ 从通知文件新建…: the editor filled in from the file, doubts marked."""
        from tracker.ui.readers.notice_file import editor_from_file

        try:
            editor = editor_from_file(self.services, path, self)
        except TrackerError as exc:
            self.ui.message.show_error(exc)
            return
        self._open(editor)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from tracker.ui.readers.notice_file import NOTICE_SUFFIXES

        paths = local_files(event.mimeData())
        if len(paths) == 1 and paths[0].suffix.lower() in NOTICE_SUFFIXES:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.open_notice_file(paths[0])

    def on_edit_clicked(self) -> None:
        if n := self.selected_notice():
            self._open(NoticeEditor.for_notice(self.services, n.id, self))

    def on_copy_clicked(self) -> None:
        if n := self.selected_notice():
            self._open(NoticeEditor.for_copy(self.services, n.id, self))

    def _open(self, editor: NoticeEditor) -> None:
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._on_editor_saved)
        self.editor = editor
        editor.open()

    def _on_editor_saved(self, notice_id: int, change: object) -> None:
        self.refresh()
        self.select_notice(notice_id)
        self.changed.emit(change)

    def on_delete_clicked(self) -> None:
        n = self.selected_notice()
        if n is None or not self.confirm_delete(n):
            return
        try:
            change = self.services.notices.delete(n.id)
        except TrackerError as exc:
            self.ui.message.show_error(exc)
            return
        self.refresh()
        self.changed.emit(change)

    def confirm_delete(self, n: NoticeRecord) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("删除通知"),
            self.tr("确定删除“{0}”及其报送事项？已登记报送的通知不能删除。").format(n.label),
        )
        return answer == QMessageBox.StandardButton.Yes
