"""登记报送 driven by keyboard on a real workspace: type-ahead, Enter, next dialog, Ctrl+Z."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.typing import type_text
from tests.ui.conftest import ready_context
from tracker.domain.forms import Form
from tracker.domain.status import Status
from tracker.services.bundle import Services
from tracker.ui.dialogs.fields import hint_of
from tracker.ui.dialogs.register import RegisterDialog
from tracker.ui.dialogs.register_flow import RegisterFlow
from tracker.ui.dialogs.undo_stack import ChangeStack

from .helpers import oid

E, P, S = Form.ELECTRONIC, Form.PAPER, Form.SEAL


def make_flow(qtbot: QtBot, services: Services) -> tuple[QWidget, ChangeStack, RegisterFlow]:
    window = QWidget()
    qtbot.addWidget(window)
    ctx = ready_context(services)
    ctx.setParent(window)
    stack = ChangeStack(ctx, window)
    window.addAction(stack.action)
    window.show()
    return window, stack, RegisterFlow(ctx, stack, window)


def test_keyboard_only_registration_opens_the_next_dialog(qtbot: QtBot, study: Services) -> None:
    _, stack, flow = make_flow(qtbot, study)
    dialog = flow.start()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.ui.unit
    qtbot.keyClicks(dialog.ui.unit, "hp")
    assert dialog.ui.unit.popup_visible()
    assert [u.name for u in dialog.ui.unit.candidates()] == ["和平区市场监管局"]
    qtbot.keyClick(dialog.ui.unit.completer_.popup(), Qt.Key.Key_Return)
    assert dialog.ui.unit.text() == "和平区市场监管局"
    assert dialog.isVisible(), "choosing the unit must not save yet"
    # The requirement still owed is chosen and its missing forms ticked.
    assert dialog.current_row() is not None
    assert dialog.current_row().requirement_title == "阶段性总结"
    assert dialog.chosen_forms() == E | P | S
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: flow.current is not None and flow.current is not dialog)
    row = study.ledger.row(oid(study, "和平局"))
    assert row.received_forms == E | P | S
    assert row.status is Status.LATE  # received today (2023-12-01), deadline 6-27
    nxt = flow.current
    assert nxt.ui.unit.text() == ""
    assert "和平区市场监管局" in nxt.ui.previous.text()
    assert len(stack) == 1


def test_pinyin_alias_and_partial_forms(qtbot: QtBot, study: Services) -> None:
    _, _, flow = make_flow(qtbot, study)
    dialog = flow.start()
    qtbot.keyClicks(dialog.ui.unit, "hx")
    assert [u.name for u in dialog.ui.unit.candidates()] == ["河西区市场监管局"]
    qtbot.keyClick(dialog.ui.unit.completer_.popup(), Qt.Key.Key_Return)
    dialog.ui.form_boxes[1].setChecked(False)
    dialog.ui.form_boxes[2].setChecked(False)
    dialog.ui.received_on.setDate(dialog.ui.received_on.date().addDays(-200))
    dialog.ui.save_close.click()
    row = study.ledger.row(oid(study, "河西局"))
    assert row.received_forms == E
    assert row.first_received[E] == date(2023, 5, 15)
    assert flow.current is None


def test_unit_with_nothing_owed_is_told_so(qtbot: QtBot, tianjin_units: Services) -> None:
    dialog = RegisterDialog(tianjin_units)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.ui.unit, "wl")
    qtbot.keyClick(dialog.ui.unit, Qt.Key.Key_Return)
    assert dialog.ui.unit.text() == "天津市物流标准化技术委员会"
    assert "没有需要报送的事项" in dialog.ui.errors.text()
    dialog.ui.save_next.click()
    assert dialog.isVisible()


def test_error_keeps_the_input(qtbot: QtBot, study: Services) -> None:
    dialog = RegisterDialog(study)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.unit.choose(study.units.resolve("南开局").id)
    for box in dialog.ui.form_boxes:
        box.setChecked(False)
    dialog.ui.note.setText("电话说明天送")
    dialog.ui.save_next.click()
    assert "请至少选择一种" in dialog.ui.errors.text()
    assert dialog.isVisible()
    assert dialog.ui.note.text() == "电话说明天送"


def test_files_are_archived_with_the_submission(
    qtbot: QtBot, study: Services, tmp_path: Path
) -> None:
    doc = tmp_path / "和平区 总结.docx"
    doc.write_bytes(b"summary")
    dialog = RegisterDialog(study)
    qtbot.addWidget(dialog)
    dialog.ui.unit.choose(study.units.resolve("和平局").id)
    dialog.ui.files.add_paths([doc])
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.ui.save_close.click()
    [sub] = study.ledger.submissions(oid(study, "和平局"))
    assert sub.files[0][0] == "和平区 总结.docx"
    assert not dialog.isVisible()


def _gated_copy(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """The archive's copy waits at its first chunk until ``gate`` is set (``started`` tells)."""
    from tracker.services.files import FileArchive

    started, gate = threading.Event(), threading.Event()
    original = FileArchive.store

    def store(self, source, progress=None):  # type: ignore[no-untyped-def]
        def step(n: int) -> None:
            started.set()
            assert gate.wait(20)
            if progress is not None:
                progress(n)

        return original(self, source, step)

    monkeypatch.setattr(FileArchive, "store", store)
    return started, gate


def test_a_big_video_is_copied_while_the_window_stays_responsive(
    qtbot: QtBot, study: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    video = tmp_path / "活动视频.mp4"
    video.write_bytes(b"v" * (3 << 20))
    started, gate = _gated_copy(monkeypatch)
    dialog = RegisterDialog(study)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.unit.choose(study.units.resolve("和平局").id)
    dialog.ui.files.add_paths([video])
    dialog.ui.save_close.click()  # returns at once: the copy runs in a worker
    assert started.wait(10)
    assert not dialog.ui.save_close.isEnabled() and not dialog.ui.save_next.isEnabled()
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=5000)  # the UI thread is free
    qtbot.waitUntil(lambda: dialog.archiving is not None and dialog.archiving.isVisible())
    assert study.ledger.submissions(oid(study, "和平局")) == []  # nothing written yet
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        gate.set()
    [sub] = study.ledger.submissions(oid(study, "和平局"))
    assert sub.files[0][0] == "活动视频.mp4"


def test_cancelling_the_copy_registers_nothing_and_keeps_the_dialog(
    qtbot: QtBot, study: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    video = tmp_path / "活动视频.mp4"
    video.write_bytes(b"v" * (3 << 20))
    started, gate = _gated_copy(monkeypatch)
    dialog = RegisterDialog(study)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.unit.choose(study.units.resolve("和平局").id)
    dialog.ui.files.add_paths([video])
    dialog.ui.save_close.click()
    assert started.wait(10)
    qtbot.waitUntil(lambda: dialog.archiving is not None and dialog.archiving.isVisible())
    cancel = next(b for b in dialog.archiving.findChildren(QPushButton) if b.text() == "取消")
    cancel.click()
    gate.set()
    qtbot.waitUntil(lambda: "已取消" in dialog.ui.errors.text(), timeout=20_000)
    assert dialog.isVisible() and dialog.ui.save_close.isEnabled()
    assert study.ledger.submissions(oid(study, "和平局")) == []
    root = study.ws.files.root
    assert not root.exists() or not [p for p in root.rglob("*") if p.is_file()]


def test_ctrl_z_undoes_the_last_registration(qtbot: QtBot, study: Services) -> None:
    window, stack, flow = make_flow(qtbot, study)
    dialog = flow.start()
    dialog.ui.unit.choose(study.units.resolve("和平局").id)
    dialog.ui.save_close.click()
    assert study.ledger.row(oid(study, "和平局")).status is Status.LATE
    assert stack.action.text().startswith("撤销：登记报送：和平区市场监管局")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert study.ledger.row(oid(study, "和平局")).status is Status.OVERDUE
    assert not stack.action.isEnabled()


def test_files_dropped_on_the_dialog_list(qtbot: QtBot, study: Services, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    doc, folder = tmp_path / "佐证 照片.jpg", tmp_path / "子目录"
    doc.write_bytes(b"jpeg")
    folder.mkdir()
    dialog = RegisterDialog(study)
    qtbot.addWidget(dialog)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(doc)), QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.ui.files.dropEvent(event)
    dialog.ui.files.dropEvent(event)  # the same file twice is kept once
    assert dialog.ui.files.paths() == [doc]
    dialog.ui.files.item(0).setSelected(True)
    qtbot.keyClick(dialog.ui.files, Qt.Key.Key_Delete)
    assert dialog.ui.files.paths() == []


def test_units_whose_name_starts_with_the_letters_come_first(
    qtbot: QtBot, tianjin_units: Services
) -> None:
    from tracker.domain.records import UnitSpec

    tianjin_units.units.save(UnitSpec("滨海新区市场监管局", "区局", sort_order=-1))  # bhxq: "hx"
    tianjin_units.units.save(UnitSpec("市工业和信息化局", "委办局"))  # sgyhxxhj too
    dialog = RegisterDialog(tianjin_units)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.unit, "hx")
    names = [u.name for u in dialog.ui.unit.candidates()]
    assert names[0] == "河西区市场监管局"
    assert set(names[1:]) == {"滨海新区市场监管局", "市工业和信息化局"}


def test_undo_refused_says_why_and_drops_the_change(qtbot: QtBot, study: Services) -> None:
    _, stack, flow = make_flow(qtbot, study)
    dialog = flow.start()
    dialog.ui.unit.choose(study.units.resolve("和平局").id)
    dialog.ui.save_close.click()
    study.undo.undo(stack.top())  # taken back elsewhere (e.g. by another window) first
    with qtbot.waitSignal(stack.failed) as failed:
        assert stack.undo_last() is None
    assert "已经撤销过了" in failed.args[0]
    assert len(stack) == 0
    assert stack.action.text() == "撤销"


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_a_typed_date_past_today_is_refused_visibly(qtbot: QtBot, study: Services) -> None:
    _, _, flow = make_flow(qtbot, study)
    dialog = flow.start()
    qtbot.waitExposed(dialog)
    dialog.ui.unit.choose(study.units.resolve("和平局").id)
    field = dialog.ui.received_on
    _focus(qtbot, field)
    type_text(field, "2026年12月1日", replace=True)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "2026年12月1日"  # kept as typed, never another day
    assert not dialog.ui.save_next.isEnabled() and not dialog.ui.save_close.isEnabled()
    hint = hint_of(dialog.ui.received_row)
    assert hint.isVisible() and "不能晚于今天（2023年12月1日）" in hint.text()
    qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter again: still nothing saved
    assert dialog.isVisible() and study.ledger.submissions(oid(study, "和平局")) == []
    type_text(field, "2023年11月18日", replace=True)
    assert dialog.ui.save_next.isEnabled() and not hint.isVisible()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: flow.current is not None and flow.current is not dialog)
    [sub] = study.ledger.submissions(oid(study, "和平局"))
    assert sub.received_on == date(2023, 11, 18)


def test_a_back_dated_day_is_kept_visibly_with_today_offered(qtbot: QtBot, study: Services) -> None:
    _, _, flow = make_flow(qtbot, study)
    dialog = flow.start()
    qtbot.waitExposed(dialog)
    assert not dialog.ui.received_today.isVisible() and not dialog.ui.kept_date.isVisible()
    dialog.ui.unit.choose(study.units.resolve("和平局").id)
    dialog.ui.received_on.set_date_value(date(2023, 11, 18))
    assert dialog.ui.received_today.isVisible()
    dialog.ui.save_next.click()
    nxt = flow.current
    qtbot.waitExposed(nxt)
    assert nxt.ui.received_on.date_value() == date(2023, 11, 18)
    assert nxt.ui.kept_date.isVisible() and nxt.ui.received_today.isVisible()
    nxt.ui.received_today.click()
    assert nxt.ui.received_on.date_value() == date(2023, 12, 1)
    assert not nxt.ui.kept_date.isVisible() and not nxt.ui.received_today.isVisible()


def test_two_starts_while_a_dialog_is_open_show_the_same_dialog(
    qtbot: QtBot, study: Services
) -> None:
    _, _, flow = make_flow(qtbot, study)
    first = flow.start()
    assert flow.start() is first
    first.reject()
    assert flow.start() is not first
