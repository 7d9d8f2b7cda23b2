"""The app icon (resources/icons, drawn by tools/make_icon.py) and Qt's own Chinese texts."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QSize, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from tracker.paths import resource_path

ICON_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """Every drawn size, so Qt never scales a 256 px picture down to 16 px."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_path("icons", f"app-{size}.png")
        if path.exists():
            icon.addFile(str(path), QSize(size, size))
    return icon


def install_qt_chinese(app: QApplication) -> bool:
    """Qt's standard buttons and dialogs (确定/取消, the file dialog) in Chinese."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder
    ):
        return False
    return app.installTranslator(translator)
