"""Restoring: the backup is checked first, the current state saved, then replaced whole."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from tests.safety.test_open_checks import _damage
from tracker.cli import main
from tracker.domain.changes import Changes
from tracker.domain.errors import DatabaseDamagedError
from tracker.domain.forms import Form
from tracker.services.backup_archive import BackupError, verify_backup
from tracker.services.bundle import Services
from tracker.services.demo import build_demo
from tracker.services.workspace import Workspace


@pytest.fixture
def demo(services: Services) -> Services:
    build_demo(services)
    return services


def _state(sv: Services) -> list[tuple[str, str, str]]:
    return [(r.unit_name, r.requirement_title, r.status.value) for r in sv.ledger.rows()]


def test_restore_brings_back_data_and_files_and_keeps_what_it_replaced(
    demo: Services, workspace_dir: Path, tmp_path: Path
) -> None:
    doc = tmp_path / "总结 <终稿>.docx"
    doc.write_bytes(b"final text")
    oid = demo.ledger.rows()[0].obligation_id
    sub = demo.ledger.register(oid, Form.ELECTRONIC, files=[doc]).ids[0]
    wanted = _state(demo)
    backup = demo.backups.backup(tmp_path / "备份.zip").path
    demo.ledger.delete_submission(sub, "测试")
    demo.ledger.exempt([r.obligation_id for r in demo.ledger.rows()[:5]], "测试")
    shutil.rmtree(workspace_dir / "files")
    changed = _state(demo)
    assert changed != wanted
    seen: list[Changes] = []
    demo.subscribe(seen.append)

    result = demo.backups.restore(backup)

    assert _state(demo) == wanted  # the same open services see the restored data
    assert seen == [Changes.everything()]
    assert result.files_restored == 1 and not result.files_missing
    (name, sha) = demo.ledger.submissions(oid)[-1].files[0]
    assert name == "总结 <终稿>.docx"
    assert demo.ws.files.path_for(sha, name).read_bytes() == b"final text"
    assert result.safety_copy is not None
    with Services.open(tmp_path / "check") as other:
        other.backups.restore(result.safety_copy)  # the replaced state is really in there
        assert _state(other) == changed
    assert "恢复" in demo.audit.entries()[0].summary


def test_a_bad_backup_changes_nothing(demo: Services, workspace_dir: Path, tmp_path: Path) -> None:
    good = demo.backups.backup(tmp_path / "good.zip").path
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[:-10] + b"x" * 10 if item.filename == "tracker.db" else data)
    before = _state(demo)
    backups_before = sorted((workspace_dir / "backups").rglob("*"))
    with pytest.raises(BackupError, match="校验值"):
        demo.backups.restore(bad)
    assert _state(demo) == before
    assert sorted((workspace_dir / "backups").rglob("*")) == backups_before  # no safety copy


def test_a_backup_from_a_newer_version_is_refused(demo: Services, tmp_path: Path) -> None:
    from tracker.services import backup_archive

    scratch = tmp_path / "newer"
    with Services.open(scratch) as other:
        other.ws.engine.dispose()
        with sqlite3.connect(scratch / "tracker.db") as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.close()
        info = backup_archive.write_backup(
            scratch / "tracker.db",
            scratch / "files",
            tmp_path / "n.zip",
            "manual",
            include_files=True,
        )
    before = _state(demo)
    with pytest.raises(BackupError, match="更新版本"):
        demo.backups.restore(info.path)
    assert _state(demo) == before


def test_restore_from_the_command_line_repairs_a_damaged_workspace(
    demo: Services, workspace_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wanted = _state(demo)
    demo.close()
    ws = ["--workspace", str(workspace_dir)]
    assert main([*ws, "backup", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "已备份到" in out and "已校验" in out
    (backup,) = tmp_path.glob("报送督办台账备份-*.zip")
    verify_backup(backup)
    _damage(workspace_dir / "tracker.db")
    with pytest.raises(DatabaseDamagedError):
        Workspace.open(workspace_dir)
    assert main([*ws, "status"]) == 1
    assert "已损坏" in capsys.readouterr().err
    assert main([*ws, "restore", str(backup)]) == 0
    assert "已从" in capsys.readouterr().out
    with Services.open(workspace_dir) as sv:
        assert _state(sv) == wanted
    assert list((workspace_dir / "backups" / "pre-restore").glob("damaged-*/tracker.db"))
    assert main([*ws, "backup", "--list"]) == 0
    listing = capsys.readouterr().out
    assert "每日自动备份" in listing or "恢复前" in listing


def test_restore_of_a_missing_file_says_so(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--workspace", str(workspace_dir), "restore", str(workspace_dir / "x.zip")])
    assert code == 1
    assert "找不到备份文件" in capsys.readouterr().err
