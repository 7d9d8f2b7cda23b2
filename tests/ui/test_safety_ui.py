"""文件 → 备份台账… / 从备份恢复… on the real window and a real demo workspace."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tracker.domain.records import ReminderMethod
from tracker.services.backup_archive import verify_backup
from tracker.ui.safety.backup_model import BackupTableModel
from tracker.ui.safety.restore_dialog import RestoreDialog


@pytest.fixture
def window(main_window):  # type: ignore[no-untyped-def]
    return main_window


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, *a, **k: seen.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return seen


def test_the_file_menu_offers_backup_and_restore_before_quit(qtbot, window) -> None:
    texts = [a.text() for a in window.menu("文件").actions() if not a.isSeparator()]
    assert texts[-3:] == ["备份台账…", "从备份恢复…", "退出"]
    safety = window.features.safety
    assert safety.backup_action.isEnabled() and safety.restore_action.isEnabled()


def test_backup_runs_in_a_worker_and_says_where_it_went(
    qtbot, window, messages: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "U盘" / "台账备份.zip"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.features.safety.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert "已备份到" in messages[0] and str(target) in messages[0]
    assert verify_backup(target).kind == "manual"


def test_restore_from_the_dialog_brings_the_window_back_to_the_backup(
    qtbot, window, messages: list[str]
) -> None:
    services = window.ctx.services
    backup = services.backups.backup()  # into the workspace's own backups/manual
    row = services.ledger.rows()[0]
    services.ledger.exempt([row.obligation_id], "误操作")
    dialog = RestoreDialog(services, window)
    qtbot.addWidget(dialog)
    dialog.show()
    names = [dialog.model.backup_at(r).path for r in range(dialog.model.rowCount())]
    assert backup.path in names
    dialog.table.selectRow(names.index(backup.path))
    with (
        qtbot.waitSignal(window.ctx.snapshots.loaded, timeout=20_000),
        qtbot.waitSignal(dialog.accepted, timeout=20_000),
    ):
        dialog.restore_button.click()
    assert "已从" in messages[-1]
    assert services.ledger.row(row.obligation_id).exempt_reason is None
    kinds = {b.kind for b in services.backups.list()}
    assert "pre-restore" in kinds  # the state it replaced was kept


def test_a_restore_shows_the_restored_data_on_every_page(
    qtbot, window, messages: list[str]
) -> None:
    """Issue 11: after a restore the 通知与报送事项 page (and every other) shows the backup."""
    from datetime import date

    from tracker.domain.forms import Form
    from tracker.domain.records import NoticeSpec, RequirementSpec, UnitSpec

    services = window.ctx.services
    backup = services.backups.backup()
    notices, units, reminders = (
        window.notices_page,
        window.units_page,
        window.section_widget("reminders"),
    )
    before = {n.doc_number for n in notices.model.rows}
    services.units.save(UnitSpec("恢复后应消失的单位", "区局"))
    spec = NoticeSpec(
        title="恢复后应消失的通知",
        doc_number="津市场监管标准〔2026〕99号",
        issued_on=date(2023, 11, 1),
        requirements=(RequirementSpec("总结", date(2023, 11, 30), Form.ELECTRONIC, ("区局",)),),
    )
    services.notices.create(spec)
    reminded = len(services.ledger.reminders())
    services.ledger.remind([services.ledger.rows()[0].obligation_id], ReminderMethod.PHONE)
    qtbot.waitUntil(lambda: "津市场监管标准〔2026〕99号" in _docs(notices), timeout=20_000)
    assert any(u.name == "恢复后应消失的单位" for u in units.model.rows)
    qtbot.waitUntil(lambda: reminders.model.rowCount() == reminded + 1, timeout=20_000)

    run_restore(window, backup.path)

    qtbot.waitUntil(lambda: _docs(notices) == before, timeout=20_000)
    assert not any(u.name == "恢复后应消失的单位" for u in units.model.rows)
    qtbot.waitUntil(lambda: reminders.model.rowCount() == reminded, timeout=20_000)
    snapshot_docs = lambda: {n.doc_number for n in window.ctx.snapshots.current.notices}  # noqa: E731
    qtbot.waitUntil(lambda: snapshot_docs() == before, timeout=20_000)
    combo = window.matrix_page.notice_combo
    assert combo.findText("恢复后应消失的通知", Qt.MatchFlag.MatchContains) < 0


def _docs(page) -> set[str]:  # type: ignore[no-untyped-def]
    return {n.doc_number for n in page.model.rows}


def run_restore(window, path: Path) -> None:  # type: ignore[no-untyped-def]
    """As the restore dialog does: in a worker, so the notice arrives from another thread."""
    from tracker.ui.common.worker import run_task

    services = window.ctx.services
    run_task(lambda _c: services.backups.restore(path))


def test_a_bad_backup_file_is_reported_and_nothing_changes(
    qtbot, window, messages, error_reports, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bogus = tmp_path / "不是备份.zip"
    bogus.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bogus), ""))
    before = [r.status for r in window.ctx.services.ledger.rows()]
    dialog = RestoreDialog(window.ctx.services, window)
    qtbot.addWidget(dialog)
    dialog.other_button.click()
    qtbot.waitUntil(lambda: bool(error_reports.errors), timeout=20_000)
    assert "不是本程序的备份文件" in str(error_reports.take()[-1])  # the error dialog's text
    assert [r.status for r in window.ctx.services.ledger.rows()] == before


def test_backup_model(qtmodeltester, demo_services) -> None:
    demo_services.backups.backup()
    model = BackupTableModel()
    model.set_rows(demo_services.backups.list())
    qtmodeltester.check(model)
    assert model.rowCount() >= 1
    assert model.data(model.index(0, model.COL_KIND)) in {"手动备份", "每日自动备份"}


def test_an_exemption_dialog_left_open_while_someone_registers_is_refused(
    qtbot, demo_services, demo_dir: Path
) -> None:
    from tracker.domain.forms import Form
    from tracker.services.bundle import Services
    from tracker.ui.dialogs.obligation_actions import ExemptDialog, ExtendDialog

    oid = demo_services.ledger.rows()[0].obligation_id
    exempt = ExemptDialog(demo_services, [oid])
    extend = ExtendDialog(demo_services, [oid])
    for dialog in (exempt, extend):
        qtbot.addWidget(dialog)
    with Services.open(demo_dir) as other_clerk:  # a second desk registers meanwhile
        other_clerk.ledger.register(oid, Form.PAPER)
    exempt.reason.setText("未收到材料")
    exempt.on_ok_clicked()
    extend.reason.setText("单位申请")
    extend.on_ok_clicked()
    for dialog in (exempt, extend):
        assert dialog.last_change is None
        assert "已被他人修改" in dialog.errors.text()
    row = demo_services.ledger.row(oid)
    assert row.exempt_reason is None
