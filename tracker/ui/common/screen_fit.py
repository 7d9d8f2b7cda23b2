"""Windows that fit the screen they open on: a 1366×768 laptop, 1920×1080 at 150 % (1280×720).

The rules every window follows (``tests/ui/test_dialog_screens.py`` opens each dialog on both
screens and holds them):

- **A dialog derives from** :class:`FittedDialog` (or puts :class:`FitsScreen` first among its
  bases, e.g. ``class X(FitsScreen, QWizard)``). Whatever size it asks for with ``resize()``,
  it opens no larger than the free area of its screen, less a Windows title bar and borders
  (:data:`FRAME`), and Qt then places it inside that area.
- **A form that can be taller than that** goes into :func:`scrolling`; its buttons stay below,
  outside the scroll area, so 保存 / 确定 are always on screen.
- **The main window** opens fitted to its screen (:func:`fit_main_window`) and remembers its size
  and whether it was maximised.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QDialog, QFrame, QScrollArea, QWidget

# What Windows 10/11 adds around a window's client area (title bar 31 px, resize borders),
# in logical pixels; the same at 150 % (Qt scales both). Fitting the client area to the free
# area less this keeps the title bar on screen even before the real frame is known.
FRAME = QMargins(8, 31, 8, 8)
# The main window's first size where the screen has room for it (a bigger screen).
MAIN_WINDOW_SIZE = QSize(1280, 800)


def screen_of(widget: QWidget) -> QScreen:
    """The screen ``widget`` opens on: its parent window's; for a window of its own, the one
    its geometry is on (restored onto a second monitor, say), else its own or the primary."""
    parent = widget.parentWidget()
    if parent is not None:
        return parent.window().screen()
    at = QGuiApplication.screenAt(widget.geometry().center())
    return at or widget.screen() or QGuiApplication.primaryScreen()


def room(widget: QWidget) -> QRect:
    """Where ``widget``'s client area may go: the screen's free area less :data:`FRAME`."""
    return screen_of(widget).availableGeometry().marginsRemoved(FRAME)


def fitted_size(widget: QWidget, wanted: QSize) -> QSize:
    """``wanted``, no larger than the room on ``widget``'s screen."""
    return wanted.boundedTo(room(widget).size())


def fit_to_screen(widget: QWidget) -> None:
    """Shrink ``widget`` (about to be shown) to fit its screen; its minimum size too, when a
    fixed one asks for more than the screen has (a layout's minimum cannot be lowered: such a
    form belongs in :func:`scrolling`)."""
    if not widget.testAttribute(Qt.WidgetAttribute.WA_Resized):
        widget.adjustSize()  # what Qt would do on show; done now so that it can be capped
    space = room(widget).size()
    if not space.isValid():
        return
    minimum = widget.minimumSize()
    if minimum.width() > space.width() or minimum.height() > space.height():
        widget.setMinimumSize(minimum.boundedTo(space))
    size = widget.size()
    if size.width() > space.width() or size.height() > space.height():
        widget.resize(size.boundedTo(space))


class FitsScreen:
    """Mix-in for a window class (first among its bases): fits the screen on every show."""

    def setVisible(self, visible: bool) -> None:
        if visible and isinstance(self, QWidget) and not self.isVisible():
            fit_to_screen(self)
        super().setVisible(visible)  # type: ignore[misc]


class FittedDialog(FitsScreen, QDialog):
    """The base of every dialog of the window (see the module's rules)."""


def scrolling(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """``content`` in a frameless scroll area that scrolls only when the screen is too small
    for it; its width follows the dialog's."""
    area = QScrollArea(parent)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(content)
    return area


def fit_main_window(window: QWidget, restored: bool) -> None:
    """The main window before its first show: a restored geometry is kept when it still fits
    (a window last used on a bigger monitor is brought back onto this screen); a first start
    takes :data:`MAIN_WINDOW_SIZE` where it fits and is maximised where it does not."""
    screen = screen_of(window)
    if window.screen() is not screen:  # restored onto another monitor: open there
        window.setScreen(screen)
    space = room(window)
    if restored:
        if not window.isMaximized() and not _fits(window.geometry(), space):
            _place(window, window.size().boundedTo(space.size()), space)
        return
    if MAIN_WINDOW_SIZE.width() <= space.width() and MAIN_WINDOW_SIZE.height() <= space.height():
        _place(window, MAIN_WINDOW_SIZE, space)
    else:
        _place(window, MAIN_WINDOW_SIZE.boundedTo(space.size()), space)  # when un-maximised
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def _fits(geometry: QRect, space: QRect) -> bool:
    return space.contains(geometry)


def _place(window: QWidget, size: QSize, space: QRect) -> None:
    frame = QRect(0, 0, size.width(), size.height())
    frame.moveCenter(space.center())
    window.setGeometry(frame)
