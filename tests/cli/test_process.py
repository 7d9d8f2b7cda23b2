"""A command in a process of its own: collection held through start-up, resumed once the
workspace is open, the exit code passed on (tracker.process)."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from tracker import process
from tracker.cli import main


@pytest.fixture
def restore_gc():  # type: ignore[no-untyped-def]
    yield
    process._held = False
    gc.enable()


def test_collection_resumes_once_the_workspace_is_open(tmp_path: Path, restore_gc) -> None:
    process.hold_collection()
    assert not gc.isenabled()
    assert main(["--workspace", str(tmp_path / "ws"), "init"]) == 0
    assert gc.isenabled()
    gc.unfreeze()  # what the command froze belongs to this test process: let it go again


def test_release_without_hold_changes_nothing(restore_gc) -> None:
    frozen = gc.get_freeze_count()
    process.release_collection()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_python_m_tracker_passes_the_exit_code_on(tmp_path: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "tracker", "--workspace", str(tmp_path / "ws"), "init"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ok.returncode == 0, ok.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "tracker", "--workspace", str(tmp_path / "none"), "units", "list"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert missing.returncode != 0 and "台账不存在" in missing.stderr
    assert "Traceback" not in missing.stderr
