"""The floor for the start-up benchmark: a bare PySide6 QMainWindow, started like main.py and
quitting at its first paint (the same event filter main.py's window uses).

With BARE_TEXT=1 the window also shows one line of Chinese text: that second floor includes
loading the fonts (fontconfig, a CJK font file), which any window with text pays."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: os._exit(0))
        return False


def main() -> None:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("报送督办台账")
    window.resize(1280, 800)
    if os.environ.get("BARE_TEXT"):
        from PySide6.QtWidgets import QLabel

        window.setCentralWidget(QLabel("报送督办台账"))
    spy = _FirstPaint()
    window.installEventFilter(spy)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
