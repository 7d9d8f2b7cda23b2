"""帮助 → 使用说明 / 关于 on the real main window, driven as a clerk would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from tracker import __version__
from tracker.ui.help.about import FONT_LICENCES, AboutDialog, AboutInfo


@pytest.fixture
def window(main_window):  # type: ignore[no-untyped-def]
    return main_window


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def labels_text(widget) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_help_is_the_last_menu(qtbot, window) -> None:
    assert window.menuBar().actions()[-1].text() == "帮助"
    texts = [a.text() for a in window.menu("帮助").actions() if not a.isSeparator()]
    assert texts == ["使用说明", "关于报送督办台账"]
    assert window.features.help.guide_action.shortcut().toString() == "F1"


def test_about_shows_version_folders_and_font_licences(
    qtbot, window, opened: list[QUrl], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tracker.services.locations.user_data_dir", lambda: tmp_path / "数据")
    window.features.help.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    qtbot.waitExposed(dialog)
    text = labels_text(dialog)
    assert f"版本 {__version__}" in text
    assert str(tmp_path / "数据") in text
    assert str(window.ctx.services.ws.root) in text
    assert "Arphic Public License" in text and "WenQuanYi Zen Hei" in text
    folder_buttons = [b for b in dialog.findChildren(QPushButton) if b.text() == "打开文件夹"]
    assert len(folder_buttons) == 2  # the data folder and the open workspace
    folder_buttons[1].click()
    assert opened[-1].toLocalFile() == str(window.ctx.services.ws.root)


def test_each_licence_opens_with_its_full_text(qtbot, tmp_path: Path) -> None:
    dialog = AboutDialog(AboutInfo(tmp_path, "postgresql+psycopg://clerk:***@db/tracker"))
    qtbot.addWidget(dialog)
    # a database server has no folder to open; the data folder still has one
    assert [b.text() for b in dialog.findChildren(QPushButton)].count("打开文件夹") == 1
    firsts = []
    for item in FONT_LICENCES:
        shown = dialog.show_licence(item)
        firsts.append(shown.text.toPlainText())
        shown.close()
    assert "ARPHIC PUBLIC LICENSE" in firsts[0]
    assert "GPL-2 with Font embedding exception" in firsts[1]
    assert "As a special exception, if you create a document" in firsts[1]


def test_guide_opens_on_f1_and_covers_the_daily_loop(qtbot, window, opened: list[QUrl]) -> None:
    window.activateWindow()
    window.features.help.guide_action.trigger()
    dialog = window.features.help.guide_dialog
    qtbot.waitExposed(dialog)
    text = dialog.browser.toPlainText()
    for heading in ("登记报送", "查看逾期", "打印催报函", "导出统计表", "数据保存与备份"):
        assert heading in text
    assert dialog.browser.document().toPlainText().count("Ctrl+R") >= 2
    window.features.help.guide_action.trigger()  # a second F1 brings the same window forward
    assert window.features.help.guide_dialog is dialog
    dialog.external_button.click()
    assert opened[-1].toLocalFile().endswith("guide/guide.html")
    dialog.close()
    QApplication.processEvents()
