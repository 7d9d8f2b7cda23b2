"""In the window: a 关键数据 cell corrected by typing into it, then 编辑 ▸ 撤销 (Ctrl+Z) names
the correction and puts the reader's value back in the cell."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit

from tests.readers.docs import seed_text, write_docx
from tests.ui.conftest import open_main_window
from tracker.domain.forms import Form
from tracker.services.bundle import Services
from tracker.ui.common.worker import wait_all

NOTICE = "津市场监管标准〔2023〕14号"


def test_a_correction_is_undone_from_the_edit_menu(qtbot, study: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    oid = study.ledger.find_obligation("河西区市场监管局", "阶段性总结", NOTICE)
    path = write_docx(tmp_path / "河西区总结.docx", seed_text("002"))
    study.ledger.register(oid, Form.ELECTRONIC, date(2023, 6, 20), files=[path])
    window = open_main_window(qtbot, study)
    stack = window.features.forms.stack
    registered = len(stack)  # nothing pushed yet by this test
    window.show_section("notices")
    page = window.notices_page
    page.ui.tabs.setCurrentWidget(page.figures)
    model, table = page.figures.model, page.figures.table
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=20_000)
    col = 2 + model.kinds.index("参与人次")
    cell = model.index(0, col)
    assert model.data(cell) == "700余"

    # as the clerk does: double-click the cell, type, Enter
    table.scrollTo(cell)
    at = table.visualRect(cell).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=at)  # the press it needs
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=at)
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "720")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.data(model.index(0, col)) == "720", timeout=20_000)
    assert len(stack) == registered + 1
    assert stack.action.isEnabled()
    assert stack.action.text() == "撤销：更正关键数据：河西区市场监管局·阶段性总结·参与人次 = 720"

    stack.action.trigger()  # 编辑 ▸ 撤销
    qtbot.waitUntil(lambda: model.data(model.index(0, col)) == "700余", timeout=20_000)
    tip = model.data(model.index(0, col), Qt.ItemDataRole.ToolTipRole)
    assert "人工更正" not in tip
    assert model.data(model.index(1, col)) == "700余"  # 合计
    assert len(stack) == registered
    assert study.audit.entries()[0].summary.startswith("撤销：更正关键数据")
    window.close()
    wait_all()
    QCoreApplication.processEvents()
