"""The office screens of the test platform (``tests/screens.json``) and what "fits" means."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QWidget

from tracker.ui.common.screen_fit import FRAME

# The office screens: name in tests/screens.json -> its free area (less a 40 px taskbar), in
# logical px. The file has a big monitor too (BIG), where the window has room to spare.
SCREENS = {"1366x768": QRect(0, 0, 1366, 728), "1920x1080@150%": QRect(1366, 0, 1280, 680)}
BIG = "2560x1440"
_ALL = {**SCREENS, BIG: QRect(2646, 0, 2560, 1400)}


def office_screen(name: str) -> QScreen:
    for screen in QGuiApplication.screens():
        if screen.name() == name:
            assert screen.availableGeometry() == _ALL[name]
            return screen
    pytest.skip(f"QT_QPA_PLATFORM is not the offscreen platform of tests/screens.json ({name})")


def host_on(screen: QScreen) -> QWidget:
    """A shown window on ``screen``: the parent of the dialogs tested there."""
    host = QWidget()
    area = screen.availableGeometry()
    host.setGeometry(area.x() + 40, area.y() + 60, 600, 400)
    host.show()
    return host


def fit_problems(window: QWidget, screen: QScreen) -> list[str]:
    """Why ``window`` does not fit ``screen`` with a Windows frame around it (empty: it fits)."""
    area = screen.availableGeometry()
    problems = []
    if window.screen() is not screen:
        problems.append(f"opened on {window.screen().name()}, not on {screen.name()}")
    if not window.isMaximized():
        framed = window.size().grownBy(FRAME)
        if framed.width() > area.width() or framed.height() > area.height():
            problems.append(
                f"{window.width()}×{window.height()} (+ title bar) > {area.width()}×{area.height()}"
            )
    if not area.contains(window.frameGeometry()):
        problems.append(f"placed at {window.frameGeometry()} outside {area}")
    return problems


def in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def cut_off_buttons(window: QWidget) -> list[str]:
    """Buttons shown outside any scroll area that are not wholly inside ``window``."""
    cut = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or in_scroll_area(button, window):
            continue
        rect = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        if not window.rect().contains(rect):
            cut.append(button.text() or type(button).__name__)
    return cut


def reachable(button: QWidget, window: QWidget) -> bool:
    """Shown, outside every scroll area and wholly inside ``window``."""
    rect = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
    return (
        button.isVisibleTo(window)
        and not in_scroll_area(button, window)
        and window.rect().contains(rect)
    )
