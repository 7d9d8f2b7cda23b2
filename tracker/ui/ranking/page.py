"""排名: every unit's figures (应报, 按时, 逾期补报 … 按时率) as of the window's day, ranked,
for one notice or all, one year or all, one category or all; exported as a workbook; a
double-click opens the unit's history."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from tracker.domain.changes import Topic
from tracker.domain.ranking import Ranking, RankingScope, UnitRank, percent
from tracker.ui.common.table import ROW_ROLE
from tracker.ui.context import AppContext
from tracker.ui.query_page import QueryPage
from tracker.ui.ranking.models import RankingModel

if TYPE_CHECKING:
    from tracker.services.bundle import Services


class RankedRows(list[UnitRank]):
    """The rows, with the ranking they come from (its total line)."""

    ranking: Ranking


class RankingPage(QueryPage):
    state_key = "ranking"
    topics = Topic.EVERYTHING & ~(Topic.LETTERS | Topic.BULLETINS | Topic.SETTINGS)
    historyRequested = Signal(object)  # a unit id
    bulletinRequested = Signal(object)  # a notice id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, RankingModel(), parent)
        self.ranking: Ranking | None = None
        self.notice = QComboBox()
        self.year = QComboBox()
        self.category = QComboBox()
        self.notice.setMinimumContentsLength(12)
        self.notice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.history_button = QPushButton(self.tr("单位历史…"))
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.bulletin_button = QPushButton(self.tr("生成通报…"))
        self.bulletin_button.setToolTip(self.tr("就所选通知印发上报情况通报，附本排名表"))
        for label, combo in (("通知", self.notice), ("年度", self.year), ("类别", self.category)):
            self.filters.addWidget(QLabel(self.tr(label)))
            self.filters.addWidget(combo, 3 if combo is self.notice else 1)
            combo.currentIndexChanged.connect(self.schedule)
            combo.currentIndexChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        for button in (self.history_button, self.export_button, self.bulletin_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.insertLayout(1, buttons)
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.body.insertWidget(3, self.total)
        self.view.doubleClicked.connect(self.on_view_double_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.history_button.clicked.connect(self.on_history_clicked)
        self.export_button.clicked.connect(self.on_export_clicked)
        self.bulletin_button.clicked.connect(
            lambda: self.bulletinRequested.emit(self.notice.currentData())
        )
        ctx.asOfChanged.connect(self.schedule)
        ctx.ready.connect(self.fill_filters)
        if ctx.is_ready:
            self.fill_filters()
        self._update_buttons()

    # -- filters ---------------------------------------------------------------------------
    def fill_filters(self) -> None:
        if not self.ctx.is_ready:
            return
        services = self.ctx.services
        notices = services.notices.list_notices()
        years = sorted({q.deadline.year for n in notices for q in n.requirements}, reverse=True)
        _refill(self.notice, self.tr("全部通知"), [(n.label, n.id) for n in notices])
        _refill(self.year, self.tr("全部年度"), [(f"{y}年", y) for y in years])
        cats = services.units.categories()
        _refill(self.category, self.tr("全部类别"), [(c, c) for c in cats])

    def on_changes(self, changes: Any) -> None:
        if changes.touches(Topic.NOTICES | Topic.UNITS):
            self.fill_filters()
        super().on_changes(changes)

    def query(self) -> RankingScope:
        notice, category = self.notice.currentData(), self.category.currentData()
        return RankingScope(
            as_of=self.ctx.as_of,
            notice_ids=(notice,) if notice is not None else (),
            year=self.year.currentData(),
            categories=(category,) if category is not None else (),
        )

    def fetch(self, services: Services, query: Any) -> list[Any]:
        ranking = services.ranking.ranking(query)
        rows = RankedRows(ranking.rows)
        rows.ranking = ranking
        return rows

    def loaded(self, rows: list[Any]) -> None:
        ranking: Ranking = rows.ranking  # type: ignore[attr-defined]
        self.ranking = ranking
        t = ranking.total
        self.count_label.setText(
            self.tr("共 %d 个单位，%d 个有应报事项") % (len(ranking.rows), ranking.ranked)
        )
        self.total.setText(
            self.tr(
                "合计：应报%d项，按时%d项，逾期补报%d项，未报或部分%d项，免报%d项，未到期%d项；"
                "上报率%s，按时率%s。名次依次按按时率、上报率和平均逾期天数，相同者并列。"
            )
            % (t.due, t.on_time, t.late, t.missing, t.exempt, t.pending, percent(t.rate),
               percent(t.on_time_rate))
        )  # fmt: skip
        self._update_buttons()

    # -- actions ---------------------------------------------------------------------------
    def selected(self) -> UnitRank | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _update_buttons(self, *_: object) -> None:
        ready = self.ctx.is_ready
        self.history_button.setEnabled(ready and self.selected() is not None)
        self.export_button.setEnabled(ready and bool(self.model.rows))
        self.bulletin_button.setEnabled(ready and self.notice.currentData() is not None)

    def on_view_double_clicked(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.historyRequested.emit(row.unit_id)

    def on_history_clicked(self) -> None:
        if (row := self.selected()) is not None:
            self.historyRequested.emit(row.unit_id)

    def on_export_clicked(self) -> None:
        from tracker.ui.ranking.export import export_ranking

        export_ranking(self, self.ctx.services, self.query())


def _refill(combo: QComboBox, everything: str, items: list[tuple[str, Any]]) -> None:
    """Replace the entries, keeping the chosen one when it is still there."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for text, data in items:
        combo.addItem(text, data)
    at = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(at, 0))
    combo.blockSignals(False)
