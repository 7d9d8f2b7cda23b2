"""Opening a workspace: damaged, read-only, or opened by two processes at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.safety.helpers import REPO, child_env, run_read_only
from tracker.domain.errors import DatabaseDamagedError
from tracker.domain.forms import Form
from tracker.services.bundle import Services
from tracker.services.demo import build_demo
from tracker.services.workspace import Workspace


def _damage(db: Path) -> None:
    with db.open("r+b") as fh:  # overwrite a stretch of pages in the middle of the file
        fh.seek(4096 * 4)
        fh.write(os.urandom(4096 * 3))


def _demo_workspace(folder: Path) -> Path:
    with Services.open(folder) as sv:
        build_demo(sv)
    return folder / "tracker.db"


def test_a_damaged_database_is_refused_with_the_way_to_restore(workspace_dir: Path) -> None:
    db = _demo_workspace(workspace_dir)
    with Services.open(workspace_dir) as sv:  # a later open: the day's backup is made
        assert sv.backups.list()
    _damage(db)
    before = db.read_bytes()
    with pytest.raises(DatabaseDamagedError) as err:
        Workspace.open(workspace_dir)
    message = str(err.value)
    assert "已损坏" in message
    assert "tracker --workspace" in message and "restore" in message
    assert "daily-20231201.zip" in message  # names the newest backup to restore from
    assert db.read_bytes() == before  # refused, untouched


def test_a_damaged_database_without_backups_says_so(workspace_dir: Path) -> None:
    db = _demo_workspace(workspace_dir)
    _damage(db)
    with pytest.raises(DatabaseDamagedError, match="没有找到备份文件"):
        Workspace.open(workspace_dir)


def test_a_file_that_is_not_a_database_is_refused_clearly(workspace_dir: Path) -> None:
    workspace_dir.mkdir(parents=True)
    (workspace_dir / "tracker.db").write_bytes(b"PK\x03\x04 this is a zip, not SQLite" * 200)
    with pytest.raises(DatabaseDamagedError, match="已损坏"):
        Workspace.open(workspace_dir)


OPEN_READ_ONLY = """
import sys
from tracker.services.bundle import Services
from tracker.domain.errors import TrackerError
try:
    Services.open(sys.argv[1])
except TrackerError as exc:
    print(type(exc).__name__, exc)
    sys.exit(3)
print("opened")
"""


def test_a_read_only_workspace_is_refused_clearly_and_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "只读 台账"
    db = _demo_workspace(folder)
    before = sorted(p.name for p in folder.rglob("*"))
    size = db.stat().st_size
    result = run_read_only(folder, OPEN_READ_ONLY, str(folder))
    if result is None:
        pytest.skip("cannot make a folder read-only here (root without mount namespaces)")
    assert result.returncode == 3, result.stdout + result.stderr
    assert "ReadOnlyWorkspaceError" in result.stdout
    assert "只读" in result.stdout and "没有写入权限" in result.stdout
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in folder.rglob("*")) == before
    assert db.stat().st_size == size


WRITER = """
import sys
from tracker.domain.forms import Form
from tracker.services.bundle import Services
sv = Services.open(sys.argv[1])
oid = int(sys.argv[2])
for i in range(int(sys.argv[3])):
    change = sv.ledger.register(oid, Form.ELECTRONIC, note=f"{sys.argv[4]}-{i}")
    print(change.ids[0], flush=True)
"""


def test_two_processes_write_the_same_workspace_at_once(workspace_dir: Path) -> None:
    """WAL + busy timeout + BEGIN IMMEDIATE: both writers finish, nothing is lost."""
    _demo_workspace(workspace_dir)
    with Services.open(workspace_dir) as sv:
        oid = sv.ledger.rows()[0].obligation_id
        before = len(sv.ledger.submissions(oid))
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", WRITER, str(workspace_dir), str(oid), "40", name],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=child_env(),
                cwd=REPO,
            )
            for name in ("甲", "乙")
        ]
        # meanwhile this process reads and writes too
        for _ in range(10):
            sv.ledger.register(oid, Form.PAPER, note="本进程")
            assert sv.ledger.rows()
        outputs = [p.communicate(timeout=120) for p in procs]
        for p, (out, err) in zip(procs, outputs, strict=True):
            assert p.returncode == 0, err
            assert len(out.split()) == 40
        notes = [s.note for s in sv.ledger.submissions(oid)]
    assert len(notes) == before + 90
    assert sorted(n for n in notes if n.startswith("甲")) == sorted(f"甲-{i}" for i in range(40))
    assert sorted(n for n in notes if n.startswith("乙")) == sorted(f"乙-{i}" for i in range(40))
