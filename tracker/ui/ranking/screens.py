"""Screenshots of issue 15's window parts: 排名, a unit's history, 生成通报 (tracker.screens)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from tracker.ui.main_window import MainWindow


def shoot(widget: QWidget, out: Path, name: str) -> None:
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def shoot_accountability(
    app: QApplication, window: MainWindow, out: Path, settle: Callable[..., None]
) -> None:
    from tracker.ui.ranking.history_dialog import open_history
    from tracker.ui.ranking.page import RankingPage

    window.show_section("ranking")
    settle(app, 1.0)
    page = window.section_widget("ranking")
    shoot(window, out, "ranking")
    rows = page.model.rows if isinstance(page, RankingPage) else []
    if rows:
        dialog = open_history(window, window.ctx, rows[len(rows) // 2].unit_id)
        settle(app, 1.0)
        if dialog is not None:
            shoot(dialog, out, "unit-history")
            dialog.close()
    window.features.bulletins.generate()
    settle(app, 3.0)
    bulletin = window.features.bulletins.dialog
    if bulletin is not None:
        shoot(bulletin, out, "bulletin")
        bulletin.close()
