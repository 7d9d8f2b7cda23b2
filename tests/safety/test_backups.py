"""Automatic and manual backups: when they are made, how many are kept, what is in them."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import inspect

from tests.safety.revisions import PROBE_REVISION, add_probe_revision
from tracker.domain.forms import Form
from tracker.services.backup_archive import BackupError, verify_backup
from tracker.services.backups import KEEP
from tracker.services.bundle import Services
from tracker.store.sqlite_file import file_health, file_revision


@pytest.fixture
def demo(services: Services) -> Services:
    from tracker.services.demo import build_demo

    build_demo(services)
    return services


def _zips(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.zip"))


def _attach(sv: Services, tmp_path: Path, text: str) -> int:
    doc = tmp_path / f"{text}.docx"
    doc.write_text(text, encoding="utf-8")
    oid = sv.ledger.rows()[0].obligation_id
    return sv.ledger.register(oid, Form.ELECTRONIC, files=[doc]).ids[0]


def test_first_open_of_each_day_backs_up_once_and_keeps_14(
    tianjin_units: Services, workspace_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    daily = workspace_dir / "backups" / "daily"
    assert not daily.exists()  # creating a workspace is no reason to back it up
    tianjin_units.close()
    for day in range(1, 18):
        monkeypatch.setenv("TRACKER_TODAY", f"2023-12-{day:02d}")
        for _ in range(2):  # the second open of a day does nothing
            Services.open(workspace_dir).close()
        os.utime(daily / f"daily-202312{day:02d}.zip", (day * 1000, day * 1000))
    assert _zips(daily) == [f"daily-202312{d:02d}.zip" for d in range(4, 18)]
    assert len(_zips(daily)) == KEEP["daily"] == 14
    info = verify_backup(daily / "daily-20231217.zip")
    assert info.kind == "daily" and info.files_in_pool


def test_a_manual_backup_holds_database_and_files_verified(demo: Services, tmp_path: Path) -> None:
    _attach(demo, tmp_path, "总结")
    dest = tmp_path / "U盘 备份"
    dest.mkdir()
    info = demo.backups.backup(dest)
    assert info.path.parent == dest and info.path.name.startswith("报送督办台账备份-")
    assert info.files == 1 and not info.files_in_pool
    with zipfile.ZipFile(info.path) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
        zf.extract("tracker.db", tmp_path / "out")
    assert any(n.startswith("files/") and n.endswith(".docx") for n in names)
    assert manifest["revision"] == file_revision(tmp_path / "out" / "tracker.db")
    assert file_health(tmp_path / "out" / "tracker.db") == []
    assert "手动备份" in demo.audit.entries()[0].summary


def test_a_tampered_backup_is_refused(demo: Services, tmp_path: Path) -> None:
    _attach(demo, tmp_path, "材料")
    info = demo.backups.backup(tmp_path / "b.zip")
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(info.path) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("files/"):
                data = b"changed" + data
            dst.writestr(item, data)
    with pytest.raises(BackupError, match="校验值"):
        verify_backup(bad)
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(info.path.read_bytes()[:-200])
    with pytest.raises(BackupError, match=r"不是有效的备份文件|已损坏"):
        verify_backup(truncated)
    (tmp_path / "notes.zip").write_bytes(b"")
    with pytest.raises(BackupError, match="不是有效的备份文件"):
        verify_backup(tmp_path / "notes.zip")


def test_every_upgrade_is_preceded_by_a_backup_and_8_are_kept(
    tianjin_units: Services, workspace_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tianjin_units.close()
    folder = workspace_dir / "backups" / "pre-migration"
    old_head = add_probe_revision(tmp_path, monkeypatch)
    with Services.open(workspace_dir) as sv:
        assert len(sv.units.list_units()) == 5
        assert "safety_probe" in inspect(sv.ws.engine).get_table_names()
    (backup,) = folder.glob("*.zip")
    info = verify_backup(backup)
    assert info.kind == "pre-migration" and info.revision == old_head
    for i in range(10):  # eight more upgrades: only the newest eight backups stay
        with zipfile.ZipFile(backup) as zf:
            zf.extract("tracker.db", tmp_path / f"old{i}")
        old = (tmp_path / f"old{i}" / "tracker.db").read_bytes()
        (workspace_dir / "tracker.db").write_bytes(old)
        Services.open(workspace_dir).close()
        newest = max(folder.glob("*.zip"), key=lambda p: p.stat().st_mtime_ns)
        os.utime(newest, (1000 + i, 1000 + i))
    assert len(list(folder.glob("*.zip"))) == KEEP["pre-migration"] == 8
    assert file_revision(workspace_dir / "tracker.db") == PROBE_REVISION
