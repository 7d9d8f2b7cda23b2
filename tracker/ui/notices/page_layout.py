"""The widgets of the notices page, laid out; behaviour lives in ``page.py``."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.ui.dialogs.fields import MessageStrip, read_only_table
from tracker.ui.notices.models import NoticeTableModel, RequirementSummaryModel


class PageLayout:
    def __init__(
        self,
        page: QWidget,
        notices: QAbstractItemModel,
        source: NoticeTableModel,
        requirements: RequirementSummaryModel,
    ) -> None:
        tr = page.tr
        self.new = QPushButton(tr("新建通知"), page)
        self.from_file = QPushButton(tr("从通知文件新建…"), page)
        self.from_file.setToolTip(
            tr("读取通知原文（.docx/.pdf/.txt/.doc/.wps）生成草稿；也可把文件拖到本页")
        )
        self.edit = QPushButton(tr("修改"), page)
        self.copy = QPushButton(tr("从往年通知复制"), page)
        self.copy.setToolTip(tr("以所选通知为底稿新建，日期顺延一年，文号留空"))
        self.delete = QPushButton(tr("删除"), page)
        self.search = QLineEdit(page)
        self.search.setPlaceholderText(tr("搜索文号或标题"))
        self.search.setClearButtonEnabled(True)
        self.table = read_only_table(page, notices, source, NoticeTableModel.COL_TITLE)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NoticeTableModel.COL_ISSUED, Qt.SortOrder.DescendingOrder)
        self.details = QLabel(page)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.req_table = read_only_table(
            page, requirements, requirements, RequirementSummaryModel.COL_TITLE
        )
        self.message = MessageStrip("error", page)
        self._arrange(page)

    def _arrange(self, page: QWidget) -> None:
        bar = QHBoxLayout()
        for button in (self.new, self.from_file, self.edit, self.copy, self.delete):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.search, 1)
        lower = QWidget(page)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.details)
        self.tabs = QTabWidget(lower)
        self.tabs.addTab(self.req_table, page.tr("报送事项"))
        lower_layout.addWidget(self.tabs, 1)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.setObjectName("noticesSplitter")
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setSizes([320, 280])
        self.split = split
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

    def make_room_below(self, share: float = 0.62) -> None:
        """A tab with one row per unit (关键数据) gets most of the height; the clerk's own
        dragged split is kept when it already gives that much."""
        sizes = self.split.sizes()
        total = sum(sizes)
        if total > 0 and sizes[1] < total * share:
            below = int(total * share)
            self.split.setSizes([total - below, below])
