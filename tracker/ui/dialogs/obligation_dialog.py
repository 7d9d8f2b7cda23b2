"""The frame shared by 免报, 延期 and 记录催报: which obligations, a form, OK/Cancel.

A subclass fills ``self.form`` and implements ``apply()``; a refused write shows its Chinese
message in the dialog and keeps what the clerk typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.clock import today
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.ledger_query import LedgerQuery
from tracker.domain.records import Change, ObligationRow
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.dialogs.fields import MessageStrip

if TYPE_CHECKING:
    from tracker.services.bundle import Services

SHOWN_NAMES = 6


def selection_text(rows: Sequence[ObligationRow]) -> str:
    """ "已选 3 条：和平区市场监管局·阶段性总结、…" — the first few, then a count."""
    names = [f"{r.unit_name}·{r.requirement_title}" for r in rows[:SHOWN_NAMES]]
    more = f" 等{len(rows)}条" if len(rows) > SHOWN_NAMES else ""
    return f"已选 {len(rows)} 条：" + "、".join(names) + more


class ObligationDialog(FittedDialog):
    """Acts on one or many obligations; emits ``saved`` with the service's Change."""

    saved = Signal(object)
    title = ""
    ok_text = "确定"

    def __init__(
        self, services: Services, obligation_ids: Sequence[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.obligation_ids = list(dict.fromkeys(obligation_ids))
        self.rows = services.ledger.rows(
            LedgerQuery(as_of=today(), obligation_ids=tuple(self.obligation_ids))
        )
        self.last_change: Change | None = None
        self.setWindowTitle(self.tr(self.title))
        self.setMinimumWidth(460)
        self.chosen = QLabel(selection_text(self.rows), self)
        self.chosen.setWordWrap(True)
        self.form = QFormLayout()
        self.errors = MessageStrip("error", self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr(self.ok_text))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chosen)
        layout.addLayout(self.form)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)

    def apply(self) -> Change:
        raise NotImplementedError

    def versions(self) -> dict[int, int]:
        """The versions shown in this dialog: an edit made meanwhile by someone else makes the
        service refuse (已被他人修改) instead of overwriting it."""
        return {r.obligation_id: r.version for r in self.rows}

    def on_ok_clicked(self) -> None:
        if not self.rows:
            self.errors.show_error(ValidationError("请先在报送情况中选择记录"))
            return
        try:
            change = self.apply()
        except TrackerError as exc:
            self.errors.show_error(exc)
            return
        self.last_change = change
        self.saved.emit(change)
        self.accept()
