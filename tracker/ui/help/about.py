"""帮助 → 关于: version, where the data lives, the licences of what is shipped."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker import APP_NAME, __version__
from tracker.paths import resource_path
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.icon import app_icon


@dataclass(frozen=True)
class AboutInfo:
    data_dir: Path  # the user's data folder (default workspace, demo, logs)
    workspace: str  # what is open: a folder or a database URL (password hidden)
    workspace_dir: Path | None = None  # the open workspace's folder, when it is a local one


@dataclass(frozen=True)
class ShippedLicence:
    what: str  # what is shipped, as the clerk would call it
    licence: str
    files: tuple[str, ...]  # under resources/fonts


FONT_LICENCES = (
    ShippedLicence(
        "宋体替代字体 song.ttf：文鼎 AR PL UMing CN（GB 2312 子集）",
        "Arphic Public License",
        ("ARPHICPL.TXT", "LICENSE-ARPHIC.txt"),
    ),
    ShippedLicence(
        "黑体替代字体 hei.ttf：文泉驿正黑 WenQuanYi Zen Hei（GB 2312 子集）",
        "GNU GPL v2，附字体嵌入例外（嵌入 PDF 的文字不受 GPL 约束）",
        ("LICENSE-WQY-ZENHEI.txt",),
    ),
)


class AboutDialog(FittedDialog):
    def __init__(self, info: AboutInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.setWindowTitle(self.tr("关于%s") % APP_NAME)
        box = QVBoxLayout(self)
        box.addLayout(self._header())
        box.addLayout(self._places())
        box.addWidget(self._licences())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 40)

    def _header(self) -> QHBoxLayout:
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        title = QLabel(f"<b style='font-size:16pt'>{APP_NAME}</b><br>版本 {__version__}")
        self.version_label = title
        about = QLabel(
            self.tr(
                "登记各单位对通知报送事项的报送情况，掌握谁已报、谁逾期，"
                "打印逾期未报名单和催报函，导出报送情况统计表。"
            )
        )
        about.setWordWrap(True)
        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(about)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addSpacing(12)
        row.addLayout(text, 1)
        return row

    def _places(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow(
            self.tr("数据文件夹："), self._path_row(str(self.info.data_dir), self.info.data_dir)
        )
        form.addRow(
            self.tr("当前台账："), self._path_row(self.info.workspace, self.info.workspace_dir)
        )
        runtime = f"Python {platform.python_version()} · Qt {qVersion()} · PySide6 {pyside_version}"
        form.addRow(self.tr("运行环境："), QLabel(runtime))
        return form

    def _path_row(self, text: str, folder: Path | None) -> QWidget:
        label = QLabel(text or self.tr("（尚未打开）"))
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label, 1)
        if folder is not None:
            button = QPushButton(self.tr("打开文件夹"))
            button.clicked.connect(lambda: open_folder(folder))
            layout.addWidget(button)
        return row

    def _licences(self) -> QGroupBox:
        group = QGroupBox(self.tr("随附字体及许可"))
        grid = QGridLayout(group)
        self.licence_buttons: list[QPushButton] = []
        for i, item in enumerate(FONT_LICENCES):
            label = QLabel(f"{item.what}<br><span style='color:#555'>{item.licence}</span>")
            label.setWordWrap(True)
            button = QPushButton(self.tr("查看许可"))
            button.clicked.connect(lambda _=False, it=item: self.show_licence(it))
            self.licence_buttons.append(button)
            grid.addWidget(label, i, 0)
            grid.addWidget(button, i, 1)
        note = QLabel(
            self.tr(
                "界面使用 Qt for Python（PySide6，LGPL v3）。公文和名单优先使用 Windows "
                "自带的仿宋、宋体、黑体、楷体，缺少时才使用以上随附字体。"
            )
        )
        note.setWordWrap(True)
        grid.addWidget(note, len(FONT_LICENCES), 0, 1, 2)
        grid.setColumnStretch(0, 1)
        return group

    def show_licence(self, item: ShippedLicence) -> QDialog:
        dialog = LicenceDialog(item, self)
        dialog.open()
        return dialog


class LicenceDialog(FittedDialog):
    def __init__(self, item: ShippedLicence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(item.licence)
        self.text = QPlainTextEdit(licence_text(item))
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.text)
        box.addWidget(buttons)
        self.resize(680, 560)


def licence_text(item: ShippedLicence) -> str:
    parts = []
    for name in item.files:
        path = resource_path("fonts", name)
        parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n\n".join(parts)


def open_folder(folder: Path) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
