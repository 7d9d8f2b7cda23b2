"""``tracker-gui --self-test [REPORT]``: prove that a build works, end to end, in seconds.

Made for the PyInstaller bundle (tests/installer, the Windows CI job): in a temporary
workspace it builds the demo (so the Alembic migrations run from the bundled scripts),
issues one 催报函 (reportlab, the shipped fonts, PDFium), writes and reads back the
报送情况统计表 (openpyxl), shows the main window with every extension and finds the icon,
the guide and Qt's Chinese texts. Each check prints one line; the exit code is 0 only when
all passed. A windowed Windows program has no console, so the lines can also go to the file
REPORT. Composition root (beside app.py and launch.py): it may use services and widgets.
"""

from __future__ import annotations

import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

Check = Callable[[], str]


class SelfTestFailed(Exception):
    pass


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailed(message)


class SelfTest:
    def __init__(self, app: QApplication, folder: Path) -> None:
        self.app = app
        self.folder = folder
        self.services: Any = None
        self.lines: list[str] = []

    # -- the checks, in order ------------------------------------------------------------
    def check_resources(self) -> str:
        from tracker.paths import resource_path
        from tracker.ui.help.guide import guide_path
        from tracker.ui.icon import app_icon

        expect(not app_icon().isNull(), "找不到程序图标")
        expect(not self.app.windowIcon().isNull(), "窗口没有图标")
        guide = guide_path().read_text(encoding="utf-8")
        expect("登记报送" in guide, "使用说明不完整")
        fonts = [resource_path("fonts", n) for n in ("song.ttf", "hei.ttf")]
        expect(all(f.stat().st_size > 1_000_000 for f in fonts), "随附字体缺失")
        return f"图标、使用说明、字体在 {resource_path()}"

    def check_workspace(self) -> str:
        from tracker.launch import Target, open_services
        from tracker.store.migrate import HEAD_REVISION

        self.services = open_services(Target(self.folder, demo=True))
        units = self.services.units.list_units()
        rows = self.services.ledger.rows()
        expect(len(units) > 10 and len(rows) > 50, "示例台账内容不全")
        revision = _revision(self.services)
        expect(revision == HEAD_REVISION, f"数据库版本 {revision}，应为 {HEAD_REVISION}")
        return f"示例台账：{len(units)} 个单位，{len(rows)} 条报送记录，数据库版本 {revision}"

    def check_window(self) -> str:
        from PySide6.QtCore import Qt

        from tracker.ui.composition import build_main_window
        from tracker.ui.context import AppContext

        # a start-up warning would open a message box and wait for a click that never comes
        expect(not self.services.warnings, f"打开台账时的警告：{self.services.warnings}")
        ctx = AppContext(str(self.folder))
        window = build_main_window(ctx)
        window.setWindowState(Qt.WindowState.WindowNoState)  # 1280×800, not the screen's size
        window.resize(1280, 800)
        window.show()
        self.settle(0.2)
        window.furnish()  # done after the first paint already; at once if none came yet
        ctx.attach(self.services)
        self.settle(1.0)
        image = window.grab().toImage()
        menus = [a.text() for a in window.menuBar().actions()]
        self._dispose(window)
        expect(image.width() >= 1000 and not image.isNull(), "窗口未能显示")
        expect(menus[-1:] == ["帮助"], f"菜单不全：{menus}")
        return f"主窗口 {image.width()}×{image.height()}，菜单：{'、'.join(menus)}"

    def settle(self, seconds: float) -> None:
        from tracker.ui.common.worker import wait_all

        end = time.monotonic() + seconds
        while time.monotonic() < end:
            wait_all(50)
            self.app.processEvents()

    def _dispose(self, window: Any) -> None:
        """Gone at once, not on close(): that would save this window's geometry as the user's,
        and a window left behind would keep reloading from a workspace about to vanish."""
        import shiboken6

        from tracker.ui.common.worker import wait_all

        wait_all(10_000)
        self.app.processEvents()
        window.hide()
        shiboken6.delete(window)

    def check_letter(self) -> str:
        import pypdfium2

        from tracker.domain.clock import today
        from tracker.domain.letter_request import LetterRequest
        from tracker.domain.status import Status
        from tracker.services.ledger_rows import LedgerQuery

        owed = self.services.ledger.rows(LedgerQuery(as_of=today(), statuses=(Status.OVERDUE,)))
        expect(bool(owed), "示例台账中没有逾期记录")
        req = LetterRequest(as_of=today(), unit_ids=(owed[0].unit_id,))
        letter = self.services.letters.issue(req).letters[0]
        pdf = pypdfium2.PdfDocument(self.services.letters.letter_pdf(letter))
        try:
            text = pdf[0].get_textpage().get_text_range()
            bitmap = pdf[0].render(scale=0.5)
            expect(bitmap.width > 100, "函件页面无法显示")
            pages = len(pdf)
        finally:
            pdf.close()
        expect(owed[0].unit_name in text.replace("\r", "").replace("\n", ""), "函件中没有单位名称")
        return f"催报函 {letter.number}：{pages} 页，主送 {owed[0].unit_name}"

    def check_workbook(self) -> str:
        from openpyxl import load_workbook

        from tracker.domain.clock import today

        path = self.folder.parent / "报送情况统计表.xlsx"
        result = self.services.export.write_status(path, as_of=today())
        unit = self.services.ledger.rows()[0].unit_name
        book = load_workbook(path, read_only=True)
        try:
            sheets = book.sheetnames
            cells = {v for row in book["明细"].iter_rows(values_only=True) for v in row}
        finally:
            book.close()
        expect({"汇总", "明细", "矩阵", "排名"} <= set(sheets), f"工作表不对：{sheets}")
        expect(unit in cells, "明细表中没有单位")
        size = path.stat().st_size // 1024
        return f"报送情况统计表：{result.rows} 条，{size} KB，{'、'.join(sheets)}"

    def check_qt_chinese(self) -> str:
        from PySide6.QtWidgets import QDialogButtonBox

        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        text = box.button(QDialogButtonBox.StandardButton.Cancel).text()
        expect(text == "取消", f"Qt 标准按钮未译成中文：{text}")
        return "Qt 标准按钮为中文"

    def checks(self) -> list[tuple[str, Check]]:
        return [
            ("resources", self.check_resources),
            ("workspace", self.check_workspace),
            ("letter", self.check_letter),
            ("workbook", self.check_workbook),
            ("window", self.check_window),  # last: nothing may write once it watches
            ("qt-chinese", self.check_qt_chinese),
        ]

    # -- running -------------------------------------------------------------------------
    def run(self) -> bool:
        ok = True
        for name, check in self.checks():
            started = time.perf_counter()
            try:
                detail = check()
                status = "ok"
            except Exception as exc:  # every failure is reported, then the next check runs
                detail = f"{exc}\n{traceback.format_exc()}"
                status, ok = "FAIL", False
            self.say(f"{status:4} {name:10} {time.perf_counter() - started:5.2f}s  {detail}")
            if status == "FAIL" and name == "workspace":
                break  # the rest needs the workspace
        return ok

    def say(self, line: str) -> None:
        self.lines.append(line)
        if sys.stdout is not None:  # None in a windowed Windows program
            print(line, flush=True)

    def close(self) -> None:
        if self.services is not None:
            self.services.close()


def _revision(services: Any) -> str | None:
    from tracker.store.migrate import current_revision

    with services.ws.engine.connect() as conn:
        return current_revision(conn)


def run_self_test(app: QApplication, report: str | None = None) -> int:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tracker-selftest-") as tmp:
        test = SelfTest(app, Path(tmp) / "自检 台账")
        try:
            ok = test.run()
        finally:
            from tracker.ui.common.worker import wait_all

            wait_all(10_000)  # the window's loaders, before the database closes
            test.close()
    test.say(f"{'passed' if ok else 'FAILED'} in {time.perf_counter() - started:.1f}s")
    if report and report != "-":
        Path(report).write_text("\n".join(test.lines) + "\n", encoding="utf-8")
    return 0 if ok else 1
