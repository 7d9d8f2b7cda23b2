"""设置: the office's particulars and letter defaults, and holidays for years without data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from tracker.domain.errors import TrackerError
from tracker.ui.common.screen_fit import FittedDialog, scrolling
from tracker.ui.dialogs.fields import MessageStrip
from tracker.ui.settings.bulletin_tab import BulletinTab
from tracker.ui.settings.chase_tab import ChaseTab
from tracker.ui.settings.holidays_tab import HolidaysTab
from tracker.ui.settings.office_tab import OfficeTab

if TYPE_CHECKING:
    from tracker.domain.records import Change
    from tracker.services.bundle import Services


class SettingsDialog(FittedDialog):
    saved = Signal(list)  # the Changes made

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("设置"))
        self.resize(760, 720)  # less where the screen is smaller: the office form scrolls
        self.original = services.settings.office()
        self.office = OfficeTab(self)
        self.office.load(self.original)
        self.bulletin = BulletinTab(self)
        self.bulletin.load(self.original)
        self.chase = ChaseTab(self)
        self.chase.load(self.original)
        self.holidays = HolidaysTab(services, self)
        self.tabs = QTabWidget(self)
        # The office form is taller than a 1920×1080 screen at 150 %: it scrolls, 保存 stays.
        self.tabs.addTab(scrolling(self.office), self.tr("办公室与催报函"))
        self.tabs.addTab(scrolling(self.bulletin), self.tr("通报"))
        self.tabs.addTab(self.chase, self.tr("督办"))
        self.tabs.addTab(self.holidays, self.tr("节假日"))
        self.errors = MessageStrip("error", self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)

    def save(self) -> bool:
        """Office settings first (validated), then each edited year; stays open on error."""
        changes: list[Change] = []
        try:
            office = self.chase.apply(self.bulletin.applied(self.office.settings()))
            if office != self.original:
                changes.append(self.services.settings.save_office(office))
                self.original = office
            changes.extend(self.holidays.save())
        except TrackerError as exc:
            self.errors.show_error(exc)
            return False
        self.saved.emit(changes)
        self.accept()
        return True
