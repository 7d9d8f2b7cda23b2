"""The dashboard's small widgets: progress bars in the item's colour, the empty-workspace guide."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.tally import format_rate
from tracker.ui.dashboard.models import LIGHT_ROLE, PROGRESS_ROLE


class ProgressDelegate(QStyledItemDelegate):
    """Draws the ratio in ``PROGRESS_ROLE`` as a progress bar with its percentage."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        ratio = index.data(PROGRESS_ROLE)
        if ratio is None:
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect
        text = format_rate(float(ratio))  # as the workbook and the lists print it
        text_width = option.fontMetrics.horizontalAdvance("100.0%") + 8
        bar = QRect(
            rect.left() + 6,
            rect.top() + rect.height() // 3,
            max(rect.width() - text_width - 12, 10),
            max(rect.height() // 3, 4),
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e4e4e4"))
        painter.drawRoundedRect(bar, 3, 3)
        done = QRect(bar)
        done.setWidth(round(bar.width() * min(max(float(ratio), 0.0), 1.0)))
        colour = index.data(LIGHT_ROLE) or "#3f9a4a"  # red / amber / green by the item's state
        painter.setBrush(QColor(str(colour)))
        painter.drawRoundedRect(done, 3, 3)
        painter.setPen(option.palette.text().color())
        painter.drawText(
            QRect(bar.right() + 6, rect.top(), text_width, rect.height()),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            text,
        )
        painter.restore()


class EmptyGuide(QWidget):
    """An empty workspace: the next step, and a button that takes it."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel()
        self.text.setWordWrap(True)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.text.setFont(font)
        self.units_button = QPushButton(self.tr("导入单位名录…"))
        self.notices_button = QPushButton(self.tr("新建通知…"))
        self.units_button.clicked.connect(lambda: self.chosen.emit("units"))
        self.notices_button.clicked.connect(lambda: self.chosen.emit("notices"))
        row = QHBoxLayout()
        row.addWidget(self.units_button)
        row.addWidget(self.notices_button)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.addStretch(1)
        box.addWidget(self.text)
        box.addLayout(row)
        box.addStretch(2)

    def show_hint(self, hint: str) -> None:
        self.text.setText(hint)
        first = hint.startswith("第一步")
        self.units_button.setVisible(first)
        self.notices_button.setVisible(not first)
