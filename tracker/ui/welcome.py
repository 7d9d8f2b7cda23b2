"""First run: no workspace yet. Offers 新建台账, 打开台账 and 体验示例数据."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.ui.common.screen_fit import FitsScreen

DB_FILE = "tracker.db"  # same name as tracker.services.locations.DB_FILE (not imported: lean)


class WelcomePage(FitsScreen, QWidget):
    """Emits ``chosen(kind, path)``: kind is "new", "open" or "demo" (path "" for demo)."""

    chosen = Signal(str, str)

    def __init__(self, default_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default_dir = default_dir
        self.setWindowTitle(self.tr("报送督办台账"))
        title = QLabel(self.tr("报送督办台账"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "登记各单位对通知报送事项的报送情况，随时掌握谁已报、谁逾期，"
                "打印逾期未报名单和催报函，导出报送情况统计表。\n还没有台账，请选择："
            )
        )
        intro.setWordWrap(True)
        self.new_button = QPushButton(self.tr("新建台账…"))
        self.open_button = QPushButton(self.tr("打开台账…"))
        self.demo_button = QPushButton(self.tr("体验示例数据"))
        self.new_button.setToolTip(self.tr("在一个新文件夹里建立空白台账"))
        self.open_button.setToolTip(self.tr("打开已有的台账文件夹（含 tracker.db）"))
        self.demo_button.setToolTip(
            self.tr("打开一份示例台账（真实通知与模拟的报送情况），不影响正式台账")
        )
        box = QVBoxLayout(self)
        box.setContentsMargins(48, 40, 48, 40)
        box.setSpacing(14)
        box.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(intro)
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumHeight(button.sizeHint().height() * 2)
            box.addWidget(button)
        self.guide_button = QPushButton(self.tr("使用说明"))
        self.guide_button.setFlat(True)
        self.guide_button.setToolTip(self.tr("第一次使用？先看看日常的登记、催报、导出怎么做"))
        self.guide_button.clicked.connect(self.on_guide_button_clicked)
        box.addWidget(self.guide_button, 0, Qt.AlignmentFlag.AlignRight)
        box.addStretch(1)
        self.new_button.clicked.connect(self.on_new_button_clicked)
        self.open_button.clicked.connect(self.on_open_button_clicked)
        self.demo_button.clicked.connect(lambda: self.chosen.emit("demo", ""))
        self.resize(self.fontMetrics().horizontalAdvance("中") * 36, self.sizeHint().height())

    def on_guide_button_clicked(self) -> None:
        from tracker.ui.help.guide import GuideDialog

        self.guide = GuideDialog(self)
        self.guide.show()

    def on_new_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择存放新台账的文件夹"), str(self.default_dir.parent)
        )
        if folder:
            self.choose_new(Path(folder))

    def choose_new(self, folder: Path) -> None:
        if (folder / DB_FILE).exists():
            QMessageBox.information(
                self, self.tr("新建台账"), self.tr("该文件夹中已有台账，将直接打开。")
            )
        self.chosen.emit("new", str(folder))

    def on_open_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择台账文件夹"), str(self.default_dir)
        )
        if folder:
            self.choose_existing(Path(folder))

    def choose_existing(self, folder: Path) -> None:
        if not (folder / DB_FILE).exists():
            QMessageBox.warning(
                self, self.tr("打开台账"), self.tr("该文件夹中没有台账（tracker.db）：%s") % folder
            )
            return
        self.chosen.emit("open", str(folder))
