"""The grid's filter bar: notice, requirement, category, status chips with counts, search."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.records import NoticeRecord
from tracker.domain.status import STATUS_ORDER, Status
from tracker.ui.ledger.filtering import LedgerFilter
from tracker.ui.status_style import colour_names


class LedgerFilterBar(QWidget):
    """Emits ``filterChanged`` whenever the clerk changes a filter (not on ``set_value``)."""

    filterChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._notices: list[NoticeRecord] = []
        self.notice_combo = QComboBox()
        self.requirement_combo = QComboBox()
        self.category_combo = QComboBox()
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("搜索单位：名称、简称、别名或拼音首字母（如 hp）")
        )
        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.status_buttons: dict[Status, QToolButton] = {}
        for combo, chars in (
            (self.notice_combo, 14),
            (self.requirement_combo, 9),
            (self.category_combo, 4),
        ):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(chars)
        self._layout()
        self._fill_requirements()
        self.set_options([], [])
        self._connect()

    def _layout(self) -> None:
        top = QHBoxLayout()
        for text, widget in (
            (self.tr("通知"), self.notice_combo),
            (self.tr("事项"), self.requirement_combo),
            (self.tr("类别"), self.category_combo),
        ):
            top.addWidget(QLabel(text))
            top.addWidget(widget)
        top.addWidget(self.search_edit, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("状态")))
        for status in STATUS_ORDER:
            button = QToolButton()
            button.setCheckable(True)
            button.setText(status.label)
            button.setToolTip(self.tr("只看“%s”（可多选）") % status.label)
            colours = colour_names(status)
            if colours:
                button.setStyleSheet(
                    f"QToolButton {{ color: {colours[0]}; }}"
                    f"QToolButton:checked {{ background: {colours[1]}; color: {colours[0]};"
                    f" font-weight: bold; }}"
                )
            self.status_buttons[status] = button
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(self.clear_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addLayout(bottom)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _connect(self) -> None:
        self.notice_combo.currentIndexChanged.connect(self._on_notice_changed)
        self.requirement_combo.currentIndexChanged.connect(self.filterChanged)
        self.category_combo.currentIndexChanged.connect(self.filterChanged)
        self.search_edit.textChanged.connect(self.filterChanged)
        for button in self.status_buttons.values():
            button.toggled.connect(self.filterChanged)
        self.clear_button.clicked.connect(self.on_clear_button_clicked)

    # -- options -------------------------------------------------------------------------
    def set_options(self, notices: Sequence[NoticeRecord], categories: Sequence[str]) -> None:
        """Refill the combos, keeping what was chosen when it still exists."""
        current = self.value()
        self._notices = list(notices)
        with QSignalBlocker(self.notice_combo), QSignalBlocker(self.category_combo):
            self.notice_combo.clear()
            self.notice_combo.addItem(self.tr("全部通知"), None)
            for n in self._notices:
                self.notice_combo.addItem(n.label, n.id)
                self.notice_combo.setItemData(self.notice_combo.count() - 1, n.label, 3)
            self.category_combo.clear()
            self.category_combo.addItem(self.tr("全部类别"), None)
            for c in categories:
                self.category_combo.addItem(c, c)
        self.set_value(current)

    def _fill_requirements(self) -> None:
        nid = self.notice_combo.currentData()
        with QSignalBlocker(self.requirement_combo):
            self.requirement_combo.clear()
            self.requirement_combo.addItem(self.tr("全部事项"), None)
            for n in self._notices:
                if nid is None or n.id == nid:
                    for r in n.requirements:
                        label = r.title if nid is not None else f"{r.title}（{n.doc_number}）"
                        self.requirement_combo.addItem(label, r.id)

    def _on_notice_changed(self) -> None:
        self._fill_requirements()
        self.filterChanged.emit()

    def on_clear_button_clicked(self) -> None:
        self.set_value(LedgerFilter())
        self.filterChanged.emit()

    # -- value ---------------------------------------------------------------------------
    def value(self) -> LedgerFilter:
        return LedgerFilter(
            notice_id=self.notice_combo.currentData(),
            requirement_id=self.requirement_combo.currentData(),
            category=self.category_combo.currentData(),
            statuses=frozenset(s for s, b in self.status_buttons.items() if b.isChecked()),
            text=self.search_edit.text().strip(),
        )

    def set_value(self, f: LedgerFilter) -> None:
        blockers = [
            QSignalBlocker(w)
            for w in (
                self.notice_combo,
                self.requirement_combo,
                self.category_combo,
                self.search_edit,
                *self.status_buttons.values(),
            )
        ]
        _select(self.notice_combo, f.notice_id)
        self._fill_requirements()
        _select(self.requirement_combo, f.requirement_id)
        _select(self.category_combo, f.category)
        if self.search_edit.text().strip() != f.text:
            self.search_edit.setText(f.text)
        for status, button in self.status_buttons.items():
            button.setChecked(status in f.statuses)
        del blockers

    def set_counts(self, counts: Counter[Status]) -> None:
        for status, button in self.status_buttons.items():
            button.setText(f"{status.label} {counts.get(status, 0)}")


def _select(combo: QComboBox, data: object) -> None:
    i = combo.findData(data) if data is not None else 0
    combo.setCurrentIndex(max(i, 0))
