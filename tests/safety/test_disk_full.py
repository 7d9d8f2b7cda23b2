"""A full disk: registering, importing, backing up, exporting and opening each end in one
Chinese sentence, nothing half-written, nothing lost; the workspace still opens when the daily
backup cannot be made. On a real small tmpfs where this machine allows it, and with ENOSPC
injected at each writer everywhere (on SQLite and PostgreSQL where a database is involved)."""

from __future__ import annotations

import errno
import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.safety.bad_files import roster
from tests.safety.helpers import REPO, run_on_small_disk
from tracker.cli import main
from tracker.domain.errors import DatabaseDamagedError, DiskFullError, TrackerError
from tracker.domain.forms import Form
from tracker.domain.records import NoticeSpec, RequirementSpec
from tracker.services import open_checks
from tracker.services import workspace as workspace_module
from tracker.services.bundle import Services

FULL = "磁盘空间已满"


def enospc(*_args: Any, **_kw: Any) -> Any:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def ledger(tianjin_units: Services) -> Services:
    tianjin_units.notices.create(
        NoticeSpec(
            "通知",
            requirements=(RequirementSpec("总结", date(2023, 6, 27), Form.ELECTRONIC, ("区局",)),),
        )
    )
    return tianjin_units


def _dotfiles(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*"))


def test_on_a_real_full_disk_every_write_is_refused_plainly_and_nothing_is_lost(
    tmp_path: Path,
) -> None:
    disk = tmp_path / "small-disk"
    outside = tmp_path / "outside"
    outside.mkdir()
    code = (
        "import sys; sys.path.insert(0, sys.argv[3]);"
        "from tests.safety.full_disk_worker import main; from pathlib import Path;"
        "main(Path(sys.argv[1]), Path(sys.argv[2]))"
    )
    result = run_on_small_disk(disk, 2048, code, str(disk), str(outside), str(REPO))
    if result is None:
        pytest.skip("cannot mount a small tmpfs here (needs root and mount namespaces)")
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    attempts = {x["what"]: x for x in lines if "what" in x}
    assert set(attempts) == {"attachment", "roster", "backup", "export", "register", "open"}
    for what in ("attachment", "backup", "export"):  # each needs new room on the disk
        assert attempts[what]["kind"] == "DiskFullError", attempts[what]
        assert FULL in attempts[what]["text"]
    for what, x in attempts.items():
        assert x["ok"] or not x["kind"].startswith("RAW"), (what, x)
        assert x["ok"] or FULL in x["text"], (what, x)
    assert attempts["open"]["ok"]  # the workspace opens though its daily backup failed
    (warned,) = [x["warnings"] for x in lines if "warnings" in x]
    assert any("今日自动备份未能完成" in w and FULL in w for w in warned)
    (left,) = [x["left"] for x in lines if "left" in x]
    assert left == []  # no .incoming-, .~ or .backup- leftovers


@pytest.mark.both_databases
def test_an_attachment_on_a_full_disk_registers_nothing_and_leaves_no_temp(
    ledger: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "总结.docx"
    doc.write_bytes(b"x" * 100_000)
    oid = ledger.ledger.rows()[0].obligation_id

    class Full:
        def __init__(self, fd: int, mode: str) -> None:
            import os

            os.close(fd)

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        write = staticmethod(enospc)

    monkeypatch.setattr("tracker.services.files.os.fdopen", Full)
    with pytest.raises(DiskFullError, match=f"无法归档文件“总结.docx”：{FULL}"):
        ledger.ledger.register(oid, Form.ELECTRONIC, files=[doc])
    assert ledger.ledger.submissions(oid) == []
    assert _dotfiles(ledger.ws.files.root) == []


@pytest.mark.both_databases
def test_an_export_on_a_full_disk_leaves_the_old_file_and_no_temp(
    ledger: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "统计表.xlsx"
    target.write_bytes(b"yesterday's workbook")
    real_fdopen = __import__("os").fdopen

    def full_fdopen(fd: int, mode: str = "r", *a: Any, **kw: Any) -> Any:
        fh = real_fdopen(fd, mode, *a, **kw)
        fh.write = enospc
        return fh

    monkeypatch.setattr("tracker.reports.xlsx_common.os.fdopen", full_fdopen)
    with pytest.raises(DiskFullError, match=f"无法保存“统计表.xlsx”：{FULL}"):
        ledger.export.write_status(target)
    assert target.read_bytes() == b"yesterday's workbook"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_full_database_is_refused_with_its_own_message_and_rolled_back(
    ledger: Services, workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite's own SQLITE_FULL (the file may not grow: max_page_count), through the CLI."""
    oid = ledger.ledger.rows()[0].obligation_id
    before = len(ledger.audit.entries())
    from sqlalchemy import event

    @event.listens_for(ledger.ws.engine, "connect")
    def cap(dbapi_conn: Any, _record: Any) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    ledger.ws.engine.dispose()
    with pytest.raises(DiskFullError, match=FULL):
        for i in range(200):  # notes of 4 KB each: the file must grow
            ledger.ledger.register(oid, Form.ELECTRONIC, note=f"{i}" + "备注" * 2000)
    event.remove(ledger.ws.engine, "connect", cap)
    ledger.ws.engine.dispose()
    assert sqlite3.connect(workspace_dir / "tracker.db").execute(
        "PRAGMA integrity_check"
    ).fetchone() == ("ok",)
    assert len(ledger.audit.entries()) >= before


def test_the_workspace_opens_when_its_daily_backup_meets_a_full_disk(
    ledger: Services, workspace_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger.close()
    for failure in (
        OSError(errno.ENOSPC, "No space left on device"),
        sqlite3.OperationalError("database or disk is full"),
        RuntimeError("anything else"),
    ):

        def fail(*_a: Any, exc: BaseException = failure) -> None:
            raise exc

        monkeypatch.setattr(workspace_module, "daily_backup", fail)
        with Services.open(workspace_dir) as sv:
            assert len(sv.ledger.rows()) == 3
            (warning,) = sv.ws.warnings
            assert warning.startswith("今日自动备份未能完成") and "照常使用" in warning
            assert "。。" not in warning


def test_a_disk_too_full_for_sqlite_to_open_is_not_called_damaged(
    ledger: Services, workspace_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil
    from collections import namedtuple

    ledger.close()
    monkeypatch.setattr(open_checks, "check_health", lambda _c: ["disk I/O error"])
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage(10, 10, 0))
    with pytest.raises(DiskFullError, match=r"磁盘空间已满.*台账文件没有损坏"):
        Services.open(workspace_dir)
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage(10 << 30, 0, 10 << 30))
    with pytest.raises(TrackerError, match="磁盘读写错误") as err:
        Services.open(workspace_dir)
    assert not isinstance(err.value, DatabaseDamagedError)


def test_a_backup_meeting_a_full_disk_leaves_no_temp_folder(
    ledger: Services, workspace_dir: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    import zipfile

    monkeypatch.setattr(zipfile.ZipFile, "writestr", enospc)
    with pytest.raises(DiskFullError, match=FULL):
        ledger.backups.backup()
    ledger.close()
    assert main(["--workspace", str(workspace_dir), "backup"]) == 1
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]  # after the 注意 that today's backup failed too
    assert last.startswith("错误：") and FULL in last and "Traceback" not in err
    assert [p for p in (workspace_dir / "backups").rglob(".backup-*")] == []


def test_restoring_onto_a_disk_without_room_changes_nothing(
    ledger: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil
    from collections import namedtuple

    backup = ledger.backups.backup(tmp_path / "b.zip").path
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage(10, 10, 1000))
    with pytest.raises(TrackerError, match="磁盘空间不足，无法恢复"):
        ledger.backups.restore(backup)
    assert len(ledger.ledger.rows()) == 3


def test_a_roster_import_on_a_full_database_lands_nothing(
    ledger: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    path = roster(tmp_path / "r.xlsx", ("南开区市场监管局", "区局"), ("红桥区市场监管局", "区局"))
    before = ledger.units.list_units()
    real = ledger.ws._factory

    def failing_factory() -> Any:
        session = real()
        original = session.commit

        def commit() -> None:
            original  # noqa: B018 - never reached: the disk is full at commit
            raise OperationalError(
                "COMMIT", {}, sqlite3.OperationalError("database or disk is full")
            )

        session.commit = commit  # type: ignore[method-assign]
        return session

    monkeypatch.setattr(ledger.ws, "_factory", failing_factory)
    with pytest.raises(DiskFullError, match=FULL):
        ledger.roster.apply(path)
    monkeypatch.undo()
    assert ledger.units.list_units() == before
