"""Read-only lists of notices and units, shown until the forms engineer's editors replace them
(``MainWindow.set_section_widget("notices" | "units", widget)``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from tracker.domain.dates import format_cn
from tracker.domain.records import NoticeRecord, UnitRecord
from tracker.ui.common.proxy import BulkProxyModel
from tracker.ui.common.table import (
    DATE_SAMPLE,
    RIGHT,
    TOOLTIP_ONLY,
    Column,
    RowTableModel,
    setup_table,
)
from tracker.ui.common.worker import run_task
from tracker.ui.context import AppContext


class NoticeListModel(RowTableModel[NoticeRecord]):
    extra_roles = TOOLTIP_ONLY
    COL_DOC, COL_TITLE, COL_ISSUER, COL_ISSUED, COL_ITEMS, COL_DEADLINES = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column("文号", lambda n: n.doc_number, sample="津市场监管标准〔2023〕14号"),
            Column("标题", lambda n: n.title, width_chars=26),
            Column("发文单位", lambda n: n.issuer, width_chars=12),
            Column(
                "发文日期",
                lambda n: format_cn(n.issued_on),
                lambda n: n.issued_on or date.min,
                sample=DATE_SAMPLE,
            ),
            Column(
                "报送事项", lambda n: "、".join(r.title for r in n.requirements), width_chars=16
            ),
            Column("截止日期", _deadlines, width_chars=10),
        )


def _deadlines(n: NoticeRecord) -> str:
    return "、".join(dict.fromkeys(format_cn(r.deadline) for r in n.requirements))


class UnitListModel(RowTableModel[UnitRecord]):
    extra_roles = TOOLTIP_ONLY
    COL_NAME, COL_SHORT, COL_CATEGORY, COL_ALIASES, COL_PERSON, COL_PHONE, COL_STATE = range(7)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column("单位名称", lambda u: u.name, width_chars=16),
            Column("简称", lambda u: u.short_name, width_chars=7),
            Column("类别", lambda u: u.category, width_chars=5),
            Column("别名", lambda u: "、".join(u.aliases), width_chars=10),
            Column("联系人", lambda u: u.contact_person, width_chars=5),
            Column("电话", lambda u: u.phone, width_chars=8),
            Column("状态", lambda u: "在用" if u.active else "停用", align=RIGHT, width_chars=3),
        )


class RecordListPage(QWidget):
    """A titled table refreshed on the workspace's change signal."""

    def __init__(
        self,
        ctx: AppContext,
        model: RowTableModel[Any],
        load: Any,
        hint: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.model, self._load = ctx, model, load
        self.proxy = BulkProxyModel(self)
        self.proxy.setSourceModel(model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        setup_table(self.view, model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(
            -1, self.view.horizontalHeader().sortIndicatorOrder()
        )
        box = QVBoxLayout(self)
        box.addWidget(QLabel(hint))
        box.addWidget(self.view, 1)
        ctx.ready.connect(self.reload)
        ctx.changes.changed.connect(self.reload)
        if ctx.is_ready:
            self.reload()

    def reload(self, _what: str = "") -> None:
        services = self.ctx.services
        run_task(lambda _c: self._load(services), on_done=self.model.set_rows)


def notices_page(ctx: AppContext) -> RecordListPage:
    return RecordListPage(
        ctx,
        NoticeListModel(),
        lambda sv: sv.notices.list_notices(),
        "通知及其报送事项（最新的在前）",
    )


def units_page(ctx: AppContext) -> RecordListPage:
    return RecordListPage(
        ctx,
        UnitListModel(),
        lambda sv: sv.units.list_units(),
        "报送单位名录（按类别排列）",
    )
