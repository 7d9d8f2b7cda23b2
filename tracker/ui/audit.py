"""操作日志: who changed what and when; the selected entry's before/after below."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QSplitter, QWidget

from tracker.domain.audit_text import change_lines
from tracker.domain.ledger_query import AuditQuery
from tracker.domain.records import AuditRecord
from tracker.ui.common.state import restore_splitter, save_splitter
from tracker.ui.common.table import CENTER, TOOLTIP_ONLY, Column, RowTableModel
from tracker.ui.context import AppContext
from tracker.ui.query_page import QueryPage

if TYPE_CHECKING:
    from tracker.services.bundle import Services


class AuditModel(RowTableModel[AuditRecord]):
    extra_roles = TOOLTIP_ONLY
    COL_AT, COL_USER, COL_ACTION, COL_UNDONE, COL_SUMMARY = range(5)

    def __init__(self, labels: dict[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = labels or {}
        self.columns = (
            Column(
                "时间",
                lambda a: a.at.strftime("%Y-%m-%d %H:%M:%S"),
                lambda a: a.at,
                sample="2026-11-23 14:43:00",
            ),
            Column("用户", lambda a: a.user, width_chars=5),
            Column("操作", lambda a: self.labels.get(a.action, a.action), width_chars=6),
            Column("已撤销", lambda a: "已撤销" if a.undone else "", align=CENTER, width_chars=3),
            Column("内容", lambda a: a.summary, width_chars=40),
        )


class AuditPage(QueryPage):
    state_key = "audit"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, AuditModel(), parent)
        self.action = QComboBox()
        self.action.addItem(self.tr("全部操作"), None)
        self.add_standard_filters(self.tr("操作"), self.action, self.tr("搜索内容"))
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("选择一条记录，这里显示修改前后的内容"))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.body.replaceWidget(self.view, self.splitter)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        restore_splitter("audit", self.splitter)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        ctx.ready.connect(self._fill_actions)
        if ctx.is_ready:
            self._fill_actions()

    def _fill_actions(self) -> None:
        labels = self.ctx.services.audit.action_labels()
        self.model.labels = labels  # type: ignore[attr-defined]
        for code, label in labels.items():
            self.action.addItem(label, code)

    def query(self) -> AuditQuery:
        return AuditQuery(
            since=self.since.date_value_or_none(),
            until=self.until.date_value_or_none(),
            action=self.action.currentData(),
            text=self.search.text().strip(),
            limit=5000,
        )

    def fetch(self, services: Services, query: AuditQuery) -> list[AuditRecord]:
        return list(services.audit.entries(query))

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        entry: AuditRecord = self.model.row_at(self.proxy.mapToSource(current).row())
        lines = change_lines(entry.before, entry.after) or [self.tr("（没有字段变化）")]
        self.detail.setPlainText(f"{entry.summary}\n\n" + "\n".join(lines))

    def save_state(self) -> None:
        super().save_state()
        save_splitter("audit", self.splitter)
