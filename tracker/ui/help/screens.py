"""Screenshots of 帮助 → 使用说明 and 关于 and of the icon (called by ``tracker.screens``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from tracker.paths import resource_path

if TYPE_CHECKING:
    from tracker.ui.main_window import MainWindow

Settle = Callable[[QApplication, float], None]


def shoot_help(app: QApplication, window: MainWindow, out: Path, settle: Settle) -> None:
    guide = window.features.help.show_guide()
    settle(app, 0.3)
    _save(guide.grab().toImage(), out, "help-guide")
    guide.browser.verticalScrollBar().setValue(guide.browser.verticalScrollBar().maximum() // 2)
    settle(app, 0.2)
    _save(guide.grab().toImage(), out, "help-guide-daily")
    guide.close()
    about = window.features.help.show_about()
    settle(app, 0.3)
    _save(about.grab().toImage(), out, "help-about")
    about.close()
    _save(icon_sheet(), out, "app-icon-sizes")


def icon_sheet() -> QImage:
    """Each drawn size as is, on light and dark ground, and 16/32 px enlarged 8×/4×."""
    sheet = QImage(760, 300, QImage.Format.Format_ARGB32)
    sheet.fill(QColor("#f0f0f0"))
    p = QPainter(sheet)
    p.fillRect(QRect(0, 150, 760, 150), QColor("#202020"))
    x = 10
    for size in (16, 20, 24, 32, 40, 48, 64, 128):
        image = QImage(str(resource_path("icons", f"app-{size}.png")))
        p.drawImage(x, 10, image)
        p.drawImage(x, 160, image)
        x += size + 14
    for size, scale, left in ((16, 8, 480), (32, 4, 620)):
        image = QImage(str(resource_path("icons", f"app-{size}.png")))
        target = QRect(left, 10, size * scale, size * scale)
        p.drawImage(
            target, image.scaled(target.size(), mode=Qt.TransformationMode.FastTransformation)
        )
    p.end()
    return sheet


def _save(image: QImage, out: Path, name: str) -> Path:
    path = out / f"{name}.png"
    image.save(str(path))
    print(path)
    return path
