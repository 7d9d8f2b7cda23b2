"""撤销免报, 撤销延期 and 删除登记 from the window: each with a reason, each undone by Ctrl+Z; a
registration's archived files open as copies in the system's viewer; the ladder's 建议."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from tracker.domain.forms import Form
from tracker.domain.ladder import Step
from tracker.domain.records import NoticeSpec, ReminderMethod, RequirementSpec
from tracker.domain.status import Status
from tracker.services.bundle import Services
from tracker.services.demo import DEMO_OFFICE
from tracker.ui.dialogs.obligation_actions import RemindDialog
from tracker.ui.dialogs.obligation_detail import ObligationDetailDialog
from tracker.ui.dialogs.revoke import RevokeDialog
from tracker.ui.ledger.model import COL_SUGGESTION

from .helpers import oid


def row_of(page, obligation_id: int) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(page.proxy.rowCount()) if page._obligation_at(r) == obligation_id)


def test_revoking_an_exemption_needs_a_reason_and_is_undone_by_the_stack(
    qtbot: QtBot, forms_window, study: Services
) -> None:  # type: ignore[no-untyped-def]
    hub = forms_window.features.forms
    hexi, heping = oid(study, "河西局"), oid(study, "和平局")
    study.ledger.exempt([hexi], "机构调整", on=date(2023, 6, 20))
    dialog = RevokeDialog(study, [hexi, heping], "unexempt")
    qtbot.addWidget(dialog)
    assert "机构调整，2023年6月20日批准" in dialog.chosen.text()
    assert "另有1条没有免报" in dialog.chosen.text()
    dialog.ok_button.click()
    assert "撤销的理由" in dialog.errors.text()
    dialog.reason.setText("单位实际已开展活动")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.ok_button.click()
    assert study.ledger.row(hexi).status is Status.OVERDUE
    hub.stack.push(saved.args[0])
    hub.stack.undo_last()
    assert study.ledger.row(hexi).exempt_reason == "机构调整"


def test_the_grid_offers_revoking_and_the_detail(forms_window) -> None:  # type: ignore[no-untyped-def]
    page = forms_window.ledger_page
    titles = [a.text() for a in page._menu_actions]
    for wanted in ("详情…", "撤销免报…", "撤销延期…", "删除登记…", "按建议办理…"):
        assert wanted in titles
    register = [a.text() for a in forms_window.menu("登记").actions()]
    assert "撤销延期…" in register


def test_the_detail_opens_files_as_copies_and_deletes_with_a_reason(
    qtbot: QtBot, study: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "和平区 总结.docx"
    doc.write_bytes(b"summary v1")
    o = oid(study, "和平局")
    study.ledger.register(o, Form.ELECTRONIC, date(2023, 6, 20), files=[doc])
    study.ledger.extend([o], date(2023, 7, 3), "单位申请", on=date(2023, 6, 26))
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    dialog = ObligationDetailDialog(study, o)
    qtbot.addWidget(dialog)
    assert "延期至：2023年7月3日（单位申请，2023年6月26日批准）" in dialog.decisions.text()
    assert dialog.unextend_button.isVisibleTo(dialog) and not dialog.unexempt_button.isVisibleTo(
        dialog
    )
    assert dialog.submissions.rowCount() == 1 and dialog.reminders.rowCount() == 0
    dialog.open_button.click()  # copied in a worker, then handed to the system
    qtbot.waitUntil(lambda: bool(opened))
    [path] = opened
    assert Path(path).name == "和平区 总结.docx" and Path(path).read_bytes() == b"summary v1"
    assert str(study.folder) not in path  # a copy: the archive itself is never handed out
    changes: list[object] = []
    dialog.saved.connect(changes.append)
    from tracker.ui.dialogs.revoke import DeleteSubmissionDialog

    delete = DeleteSubmissionDialog(study, study.ledger.submissions(o)[0], dialog)
    delete.saved.connect(dialog._done)
    delete.reason.setText("登记错了单位")
    delete.ok_button.click()
    assert study.ledger.submissions(o) == [] and dialog.submissions.rowCount() == 0
    assert len(changes) == 1 and "登记错了单位" in changes[0].summary  # type: ignore[attr-defined]


def test_the_suggested_step_is_done_from_the_grid(
    qtbot: QtBot, forms_window, study: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = forms_window
    page, chase = window.ledger_page, window.features.chase
    due = RequirementSpec("联络员名单", date(2023, 11, 30), Form.ELECTRONIC, ("区局",))
    spec = NoticeSpec("关于报送联络员名单的通知", issued_on=date(2023, 11, 1), requirements=(due,))
    study.notices.create(spec)
    fresh = oid(study, "和平局", "联络员名单")  # one working day late: phone first
    late = oid(study, "和平局")  # 阶段性总结, months late: a letter
    qtbot.waitUntil(lambda: fresh in page.model.suggestions, timeout=20_000)
    assert page.model.suggestions[fresh].step is Step.PHONE
    assert page.model.suggestions[late].step is Step.LETTER
    window.show_section("ledger")
    cell = page.view.visualRect(page.proxy.index(row_of(page, fresh), COL_SUGGESTION)).center()
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    dialog = window.features.forms.dialog
    assert isinstance(dialog, RemindDialog) and dialog.chosen_method() is ReminderMethod.PHONE
    assert window.features.forms.flow.current is None  # not 登记报送: the 建议 cell acts
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.model.suggestions[fresh].step is Step.WAIT, timeout=20_000)
    asked: list[list[int]] = []
    monkeypatch.setattr(chase.letters, "letters", lambda ids=None, **_: asked.append(ids))
    page.select_obligations({late})
    page.view.setCurrentIndex(page.proxy.index(row_of(page, late), 0))
    chase.follow_action.trigger()
    assert asked == [[late]]


def test_ctrl_z_says_what_it_undid_and_a_restore_forgets_the_stack(
    qtbot: QtBot, forms_window, study: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    window, hub = forms_window, forms_window.features.forms
    backup = study.backups.backup()
    hub.stack.push(study.ledger.remind([oid(study, "和平局")], ReminderMethod.PHONE))
    hub.stack.undo_last()
    assert window.statusBar().currentMessage().startswith("已撤销：记录催报")
    hub.stack.push(study.ledger.remind([oid(study, "和平局")], ReminderMethod.PHONE))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.features.safety.restore_action.trigger()
    dialog = window.features.safety.restore_dialog
    names = [dialog.model.backup_at(r).path for r in range(dialog.model.rowCount())]
    dialog.table.selectRow(names.index(backup.path))
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.restore_button.click()
    assert len(hub.stack) == 0 and not hub.stack.action.isEnabled()


def test_the_bulletin_step_queues_the_unit_and_the_grid_says_so(
    qtbot: QtBot, forms_window, study: Services
) -> None:  # type: ignore[no-untyped-def]
    from tracker.domain.letter_request import LetterRequest

    window = forms_window
    page, chase = window.ledger_page, window.features.chase
    target = oid(study, "南开局")
    study.settings.save_office(DEMO_OFFICE)  # letters need an office
    study.letters.issue(LetterRequest(as_of=date(2023, 7, 3), letter_date=date(2023, 7, 3),
                                      obligation_ids=(target,)))  # fmt: skip
    qtbot.waitUntil(lambda: page.model.suggestions[target].step is Step.BULLETIN, timeout=20_000)
    dash = window.dashboard
    assert any(target in t.obligation_ids and t.step is Step.BULLETIN for t in dash.todo.rows)
    chase.follow(target)  # 列入通报: on the list for the next 通报
    assert [q.obligation_id for q in study.bulletins.queued()] == [target]
    qtbot.waitUntil(lambda: page.model.suggestions[target].step is Step.QUEUED, timeout=20_000)
    row = row_of(page, target)
    assert page.model.index(page.proxy.source_row(row), COL_SUGGESTION).data() == "已列入通报"
    # No longer a step of its own: 今日待办 offers to issue the notice's 通报, 按单位 says 已列入.
    qtbot.waitUntil(lambda: any(target in t.obligation_ids for t in dash.todo.rows), timeout=20_000)
    line = next(r for r, t in enumerate(dash.todo.rows) if target in t.obligation_ids)
    assert dash.todo.rows[line].action == "生成通报"
    units = dash.unit_lights
    mark = next(
        r for r, u in enumerate(units.rows) if u.unit_id == study.ledger.row(target).unit_id
    )
    assert units.index(mark, units.COL_BULLETIN).data() == "已列入"
    step, ids = dash.todo.step_at(line)  # type: ignore[misc]
    dash.stepRequested.emit(step, ids)
    from tracker.ui.bulletins.dialog import BulletinDialog

    dialog = window.features.bulletins.dialog
    assert isinstance(dialog, BulletinDialog)
    assert dialog.ui.notice.currentData() == study.ledger.row(target).notice_id  # its notice's
    dialog.reject()


def test_the_detail_says_the_unit_is_listed_for_the_next_bulletin_and_takes_it_off(
    qtbot: QtBot, study: Services
) -> None:
    target = oid(study, "南开局")
    dialog = ObligationDetailDialog(study, target)
    qtbot.addWidget(dialog)
    assert dialog.unqueue_button.isHidden() and "通报" not in dialog.decisions.text()
    study.bulletins.queue([target], on=date(2023, 7, 4))
    dialog.reload()
    assert "通报：2023年7月4日已列入下次通报" in dialog.decisions.text()
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.unqueue_button.click()
    assert study.bulletins.queued() == [] and dialog.unqueue_button.isHidden()
    assert saved.args[0].summary == "移出下次通报 1 项"  # pushed for Ctrl+Z by the hub
