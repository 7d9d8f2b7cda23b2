"""First run: the office is the clerk's own. A workspace without the office's name asks for it
(name, 自称, 函号前缀, 处室, contact, phone, e-mail, address) before anything goes out in it;
the same fields are in 工具 ▸ 设置 and ``tracker office``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import TrackerError
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.dialogs.fields import MessageStrip
from tracker.ui.settings.office_tab import OFFICE_FIELDS, OFFICE_HINTS

if TYPE_CHECKING:
    from tracker.services.bundle import Services

ASKED = ("sender_name", "short_name", "letter_prefix", "office_name", "contact_person",
         "contact_phone", "contact_email", "postal_address")  # fmt: skip
REQUIRED = ("sender_name", "letter_prefix")


class OfficeSetupDialog(FittedDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("填写本单位信息"))
        intro = QLabel(
            self.tr(
                "催报函以本单位的名义发出。请先填写本单位信息；带 * 的两项是发函必需的，"
                "其余可以以后在 工具 ▸ 设置 中补充。"
            ),
            self,
        )
        intro.setWordWrap(True)
        labels = dict(OFFICE_FIELDS)
        office = services.settings.office()
        self.lines: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name in ASKED:
            edit = QLineEdit(str(getattr(office, name)), self)
            edit.setPlaceholderText(self.tr(OFFICE_HINTS[name]))
            edit.textChanged.connect(self._enable)
            self.lines[name] = edit
            star = " *" if name in REQUIRED else ""
            form.addRow(self.tr(labels[name]) + star, edit)
        self.errors = MessageStrip("error", self)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.later_button = self.buttons.addButton(
            self.tr("以后再填"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.clicked.connect(self.on_save_clicked)
        self.later_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        self._enable()
        self.resize(560, self.sizeHint().height())
        self.lines["sender_name"].setFocus()

    def _enable(self, *_args: object) -> None:
        self.save_button.setEnabled(all(self.lines[n].text().strip() for n in REQUIRED))

    def on_save_clicked(self) -> None:
        values = {name: edit.text().strip() for name, edit in self.lines.items()}
        try:
            self.services.settings.update_office(**values)
        except TrackerError as exc:
            self.errors.show_error(exc)
            return
        self.accept()


def offer_office_setup(window: QWidget, services: Services) -> OfficeSetupDialog | None:
    """Ask for the office when this workspace has none (a new one); None when it has."""
    if services.settings.office().is_set_up:
        return None
    dialog = OfficeSetupDialog(services, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
