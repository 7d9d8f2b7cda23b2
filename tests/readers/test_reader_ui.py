"""The readers in the window, driven as a clerk would: the review table, 关键数据, the editor
filled from a notice file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from tests.readers.docs import seed_text, write_docx
from tracker.domain.forms import Form
from tracker.services.bundle import Services
from tracker.ui.common.worker import wait_all

NOTICE = "津市场监管标准〔2023〕14号"


@pytest.fixture(autouse=True)
def _workers_done(qtbot):  # type: ignore[no-untyped-def]
    yield
    wait_all()
    QCoreApplication.processEvents()


def ready_context(services: Services):  # type: ignore[no-untyped-def]
    from tracker.ui.context import AppContext

    ctx = AppContext(str(services.ws.root))
    ctx.attach(services)
    return ctx


def summary(unit: str) -> str:
    return f"2023年研学行动阶段性总结\n开展活动12场次，参与1.2万人次。\n{unit}"


def test_review_correct_register_undo(qtbot, study: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tracker.ui.readers.intake_dialog import IntakeDialog
    from tracker.ui.readers.intake_model import COL_CHECK, COL_REQ, COL_UNIT

    box = tmp_path / "收件"
    box.mkdir()
    write_docx(box / "和平区市场监管局阶段性总结.docx", summary("和平区市场监管局"))
    write_docx(box / "总结.docx", "没有单位名的总结。")
    dialog = IntakeDialog(study, [box])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=20_000)
    model = dialog.model
    assert len(model.confirmed()) == 1  # only the matched one is ticked
    row = next(i for i, p in enumerate(model.rows) if p.file == "收件/总结.docx")
    hd = study.units.resolve("河东区")
    req = study.notices.list_notices()[0].requirements[0]
    assert model.setData(model.index(row, COL_UNIT), hd.id)
    assert model.setData(model.index(row, COL_REQ), req.id)
    assert model.data(model.index(row, COL_CHECK), Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    assert "登记所选（2）" in dialog.register.text()
    dialog.table.setCurrentIndex(model.index(row, COL_UNIT))
    assert dialog.why.text().startswith("收件/总结.docx：未能认出报送单位")  # the whole 依据
    with qtbot.waitSignal(dialog.registered) as got:
        dialog.register.click()
    change = got.args[0]
    oid = study.ledger.find_obligation("河东区市场监管局", req.title, NOTICE)
    assert study.ledger.submissions(oid)[0].forms == Form.ELECTRONIC
    study.undo.undo(change)
    assert study.ledger.submissions(oid) == []


def test_one_received_date_for_the_batch(qtbot, study: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tracker.ui.readers.intake_dialog import IntakeDialog

    path = write_docx(tmp_path / "和平区市场监管局阶段性总结.docx", summary("和平区市场监管局"))
    dialog = IntakeDialog(study, [path])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=20_000)
    own = dialog.model.rows[0].received_on  # the file's own date
    dialog.same_day.setChecked(True)
    dialog.day.set_date_value(date(2023, 6, 21))
    assert dialog.model.rows[0].received_on == date(2023, 6, 21)
    assert "2023年6月21日" in dialog.model.data(dialog.model.index(0, 5))
    dialog.same_day.setChecked(False)
    assert dialog.model.rows[0].received_on == own
    dialog.same_day.setChecked(True)
    with qtbot.waitSignal(dialog.registered):
        dialog.register.click()
    oid = study.ledger.find_obligation("和平区市场监管局", "阶段性总结", NOTICE)
    assert study.ledger.submissions(oid)[0].received_on == date(2023, 6, 21)


def test_cancel_while_reading(qtbot, study: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tracker.ui.readers.intake_dialog import IntakeDialog

    for i in range(30):
        write_docx(tmp_path / f"总结{i}.docx", summary("南开区市场监管局"))
    dialog = IntakeDialog(study, [tmp_path])
    qtbot.addWidget(dialog)
    dialog.on_stop_clicked()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    assert dialog.model.rowCount() == 0 and "已取消" in dialog.summary.text()


def test_figures_tab_edit_and_hover(qtbot, study: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tracker.ui.notices.page import NoticesPage

    oid = study.ledger.find_obligation("河西区市场监管局", "阶段性总结", NOTICE)
    path = write_docx(tmp_path / "河西区总结.docx", seed_text("002"))
    study.ledger.register(oid, Form.ELECTRONIC, date(2023, 6, 20), files=[path])
    page = NoticesPage(ready_context(study))
    qtbot.addWidget(page)
    page.ui.tabs.setCurrentWidget(page.figures)
    model = page.figures.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=20_000)
    col = 2 + model.kinds.index("参与人次")
    cell = model.index(0, col)
    assert model.data(cell) == "700余"
    assert "3个会议就共有约700人参加" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert page.figures.sentence.text() == "全市共参与700余人次。"
    assert model.setData(cell, "720")
    qtbot.waitUntil(lambda: model.rowCount() == 2 and model.data(model.index(0, col)) == "720")
    assert "人工更正（文件读出：700）" in model.data(
        model.index(0, col), Qt.ItemDataRole.ToolTipRole
    )
    assert model.data(model.index(1, col)) == "720"  # 合计
    assert not model.setData(model.index(0, col), "七百")  # not a number: refused, nothing saved


def test_figures_typed_for_a_paper_copy(qtbot, study: Services) -> None:  # type: ignore[no-untyped-def]
    from tracker.ui.notices.page import NoticesPage

    oid = study.ledger.find_obligation("和平区市场监管局", "阶段性总结", NOTICE)
    study.ledger.register(oid, Form.PAPER, date(2023, 6, 20))  # nothing to read
    page = NoticesPage(ready_context(study))
    qtbot.addWidget(page)
    page.ui.tabs.setCurrentWidget(page.figures)
    model = page.figures.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=20_000)  # its row, and 合计
    assert model.data(model.index(0, 0)) == "和平区市场监管局"
    assert "双击格子可填入" in page.figures.status.text()
    col = 2 + model.kinds.index("活动场次")  # every kind has its column
    assert model.setData(model.index(0, col), "15")
    qtbot.waitUntil(lambda: model.data(model.index(0, col)) == "15", timeout=20_000)
    assert page.figures.sentence.text() == "全市共开展活动15场次。"


def test_editor_filled_from_a_notice_file(
    qtbot, study: Services, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    from tracker.ui.notices.page import NoticesPage

    asked: list[str] = []

    def answer(parent, title, label, items, *args):  # type: ignore[no-untyped-def]
        asked.append(label)
        return "技术机构", True

    monkeypatch.setattr(QInputDialog, "getItem", answer)
    path = write_docx(tmp_path / "通知.docx", seed_text("001").replace("有关单位:", "各技术机构:"))
    page = NoticesPage(ready_context(study))
    qtbot.addWidget(page)
    page.open_notice_file(path)
    editor = page.editor
    assert editor is not None
    qtbot.addWidget(editor)
    assert editor.ui.title.text() == "市市场监管委关于开展2021年世界标准日宣传活动的通知"
    assert "待核对" in editor.ui.doc_number.toolTip() and editor.ui.doc_number.styleSheet()
    assert editor.model.rowCount() == 1
    assert "世界标准日活动总结" in editor.model.data(editor.model.index(0, 0))
    page.open_notice_file(tmp_path / "不存在.docx")
    assert "找不到通知文件" in page.ui.message.text()
