"""A zero-byte or foreign ``tracker.db`` (a failed copy, a sync tool) is refused like a damaged
one and the newest backup offered — never opened as a new empty ledger whose daily backup then
stores it empty. And workspace folders named with ``%``, ``#`` or ``?`` (legal on Windows and
Linux) keep their database inside them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.cli import main
from tracker.domain.errors import DatabaseDamagedError
from tracker.services.bundle import Services

FOREIGN = {
    "zero bytes": b"",
    "a text file": "单位名称,类别\n".encode(),
    "a zip": b"PK\x03\x04" + b"\0" * 200,
    "half a header": b"SQLite for",
}


@pytest.mark.parametrize("case", FOREIGN)
def test_a_file_that_is_no_ledger_is_refused_untouched(
    case: str, tianjin_units: Services, workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tianjin_units.close()
    db = workspace_dir / "tracker.db"
    db.write_bytes(FOREIGN[case])
    before = sorted(p.name for p in workspace_dir.rglob("*"))
    with pytest.raises(DatabaseDamagedError, match=r"已损坏：它(是空文件|不是台账数据库)"):
        Services.open(workspace_dir)
    assert db.read_bytes() == FOREIGN[case]
    assert sorted(p.name for p in workspace_dir.rglob("*")) == before  # no daily backup of it
    assert main(["--workspace", str(workspace_dir), "status"]) == 1
    err = capsys.readouterr().err
    assert "未能打开" in err and "Traceback" not in err


def test_a_zero_byte_ledger_offers_the_newest_backup_and_restores_from_it(
    tianjin_units: Services, workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wanted = [u.name for u in tianjin_units.units.list_units()]
    tianjin_units.backups.backup()
    tianjin_units.close()
    (workspace_dir / "tracker.db").write_bytes(b"")
    with pytest.raises(DatabaseDamagedError, match=r"restore .*报送督办台账备份-") as err:
        Services.open(workspace_dir)
    assert "空文件" in str(err.value)
    backup = str(err.value).split('restore "')[1].split('"')[0]
    assert main(["--workspace", str(workspace_dir), "restore", backup]) == 0
    with Services.open(workspace_dir) as sv:
        assert [u.name for u in sv.units.list_units()] == wanted


ODD_FOLDERS = ["what?台账", "a#b", "50%台账", "x%20y", "q?mode=ro", "a&b=c;d", "台账 #1 (2023)"]


@pytest.mark.parametrize("name", ODD_FOLDERS)
def test_odd_workspace_paths_keep_the_database_inside_them(tmp_path: Path, name: str) -> None:
    parent = tmp_path / "p"
    parent.mkdir()
    folder = parent / name
    with Services.open(folder) as sv:
        from tracker.domain.records import UnitSpec

        sv.units.save(UnitSpec("和平区市场监管局", "区局"))
        backup = sv.backups.backup().path
        assert sv.ws.location is not None and sv.ws.location.db == folder / "tracker.db"
    assert sorted(p.name for p in parent.iterdir()) == [name]  # nothing written beside it
    assert (folder / "tracker.db").stat().st_size > 0
    with Services.open(folder) as sv:
        assert [u.name for u in sv.units.list_units()] == ["和平区市场监管局"]
        sv.backups.restore(backup)  # the restore and its upgrade step reopen it by URL too
        assert len(sv.units.list_units()) == 1
    assert main(["--workspace", str(folder), "units", "list"]) == 0
