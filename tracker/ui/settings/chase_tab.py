"""督办: when the dashboard turns amber, and the escalation ladder's steps (电话 → 催报函 → 通报),
in working days. One spin box per ``OfficeSettings`` field; the others are kept as they are."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from tracker.domain.office import OfficeSettings

# (OfficeSettings field, label, tooltip)
CHASE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("due_soon_workdays", "临近到期提醒", "时限前这么多个工作日内仍未报送的，概览中标为黄色"),
    ("ladder_phone_after", "逾期后电话催报", "逾期满这么多个工作日，建议电话催报"),
    ("ladder_phone_grace", "电话催报后等待", "电话催报后这么多个工作日仍未报送，建议发催报函"),
    (
        "ladder_letter_after",
        "逾期后发催报函",
        "逾期满这么多个工作日，无论是否电话催报过，建议发催报函",
    ),
)


class ChaseTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spins: dict[str, QSpinBox] = {}
        form = QFormLayout()
        for name, label, tip in CHASE_FIELDS:
            spin = QSpinBox(self)
            spin.setRange(0, 60)
            spin.setSuffix(self.tr(" 个工作日"))
            spin.setToolTip(self.tr(tip))
            self.spins[name] = spin
            form.addRow(self.tr(label), spin)
        note = QLabel(
            self.tr(
                "催报函的补报时限过后仍未报送的，建议列入通报。"
                "“报送情况”的“建议”一栏和概览的“今日待办”按这里的设置给出下一步。"
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color:#666;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)

    def load(self, settings: OfficeSettings) -> None:
        for name, spin in self.spins.items():
            spin.setValue(int(getattr(settings, name)))

    def apply(self, settings: OfficeSettings) -> OfficeSettings:
        values: dict[str, Any] = {name: spin.value() for name, spin in self.spins.items()}
        return replace(settings, **values)
