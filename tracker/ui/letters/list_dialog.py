"""逾期未报名单 / 即将到期名单: pick the kind and date, see the pages, print, save or open."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import TrackerError
from tracker.domain.ledger_query import LedgerQuery
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.letters.letter_dialog import pydate, qdate
from tracker.ui.letters.letter_form import date_edit
from tracker.ui.letters.pdf_pages import open_in_viewer
from tracker.ui.letters.preview import (
    PagesView,
    close_buttons,
    print_with_dialog,
    save_with_dialog,
)

if TYPE_CHECKING:
    from tracker.domain.status_lists import StatusList
    from tracker.services.bundle import Services

KINDS = (("overdue", "逾期未报名单"), ("due_soon", "即将到期名单"))


class StatusListDialog(FittedDialog):
    """``scope`` narrows the list (a notice, a requirement, categories); its as_of is the
    starting date."""

    def __init__(
        self,
        services: Services,
        scope: LedgerQuery,
        kind: str = "overdue",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("打印名单")
        self.services = services
        self.scope = scope
        self.data = b""
        self.kind = QComboBox()
        for code, label in KINDS:
            self.kind.addItem(label, code)
        self.kind.setCurrentIndex(0 if kind == "overdue" else 1)
        self.as_of = date_edit()
        self.as_of.setDate(qdate(scope.as_of))
        self.within = QSpinBox()
        self.within.setRange(0, 60)
        self.within.setValue(5)
        self.within.setSuffix(" 个工作日内到期")
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.view = PagesView()
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh)
        for signal in (
            self.kind.currentIndexChanged,
            self.as_of.dateChanged,
            self.within.valueChanged,
        ):
            signal.connect(self._timer.start)
        self.resize(1000, 760)
        self.refresh()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow("名单", self.kind)
        form.addRow("截至", self.as_of)
        form.addRow("即将到期", self.within)
        buttons = close_buttons()
        self.print_button = QPushButton("打印…")
        self.save_button = QPushButton("另存为…")
        self.open_button = QPushButton("用系统阅读器打开")
        for b in (self.print_button, self.save_button, self.open_button):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(lambda: print_with_dialog(self.data, self))
        self.save_button.clicked.connect(lambda: save_with_dialog(self.data, self.file_name, self))
        self.open_button.clicked.connect(lambda: open_in_viewer(self.data, self.file_name))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.totals)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    @property
    def file_name(self) -> str:
        return str(self.kind.currentText())

    def report(self) -> StatusList:
        query = replace(self.scope, as_of=pydate(self.as_of.date()), statuses=())
        if self.kind.currentData() == "overdue":
            return self.services.lists.overdue(query)
        return self.services.lists.due_soon(query, self.within.value())

    def refresh(self) -> None:
        self.within.setEnabled(self.kind.currentData() == "due_soon")
        try:
            report = self.report()
            self.data = self.services.lists.pdf(report)
        except TrackerError as exc:
            self.totals.setText(str(exc))
            return
        self.totals.setText(f"{report.title}{report.subtitle}　{report.totals}")
        self.view.show_pdf(self.data)
