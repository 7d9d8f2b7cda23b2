"""Damaged rows (invalid UTF-8 in a stored text, which integrity_check passes) are read with
replacement characters and said; attachments too large for the size column are refused before
copying; temporaries a killed copy left are cleaned on the next open."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from tests.safety.helpers import REPO, child_env
from tracker.cli import main
from tracker.domain.errors import ValidationError
from tracker.domain.forms import Form
from tracker.domain.records import NoticeSpec, RequirementSpec
from tracker.services import files as files_module
from tracker.services.bundle import Services
from tracker.store import engine as store_engine


@pytest.fixture
def ledger(tianjin_units: Services) -> Services:
    tianjin_units.notices.create(
        NoticeSpec(
            "通知",
            requirements=(RequirementSpec("总结", date(2023, 6, 27), Form.ELECTRONIC, ("区局",)),),
        )
    )
    return tianjin_units


def _damage_text(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE audit_log SET summary = CAST(X'E4B8ADE6' AS TEXT) || '尾' "
            "WHERE id = (SELECT max(id) FROM audit_log)"
        )
        conn.execute("UPDATE units SET name = CAST(X'C0' AS TEXT) || '坏单位' WHERE id = 1")
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_invalid_utf8_in_a_stored_text_is_read_with_replacement_and_said(
    ledger: Services, workspace_dir: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(store_engine, "_damaged_text", [0])
    ledger.close()
    _damage_text(workspace_dir / "tracker.db")
    assert main(["--workspace", str(workspace_dir), "log"]) == 0
    out, err = capsys.readouterr()
    assert "中\ufffd尾" in out
    assert "文字已损坏" in err and "Traceback" not in err
    with Services.open(workspace_dir) as sv:
        names = [u.name for u in sv.units.list_units()]
        assert "\ufffd坏单位" in names
        assert len(sv.ledger.rows()) == 3  # the rows of the damaged unit are still there
        assert "文字已损坏" in sv.damaged_text_note()


def test_an_attachment_too_large_for_the_size_column_is_refused_before_copying(
    ledger: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "录像.mp4"
    big.write_bytes(b"x" * 4096)
    monkeypatch.setattr(files_module, "ATTACHMENT_LIMIT", 4095)  # as if 2 GiB + 1 byte
    oid = ledger.ledger.rows()[0].obligation_id
    with pytest.raises(ValidationError, match="超过单个附件"):
        ledger.ledger.register(oid, Form.ELECTRONIC, files=[big])
    assert not ledger.ws.files.root.exists() or not any(ledger.ws.files.root.rglob("*"))
    assert ledger.ledger.submissions(oid) == []


SLOW_COPY = """
import sys, time
from pathlib import Path
from tracker.domain.forms import Form
from tracker.services import files
from tracker.services.bundle import Services

real = files.os.fdopen
def slow(fd, mode="r", *a, **kw):
    fh = real(fd, mode, *a, **kw)
    write = fh.write
    def slow_write(data):
        n = write(data); fh.flush(); print("copying", flush=True); time.sleep(0.2); return n
    fh.write = slow_write
    return fh
files.os.fdopen = slow
with Services.open(Path(sys.argv[1])) as sv:
    oid = sv.ledger.rows()[0].obligation_id
    sv.ledger.register(oid, Form.ELECTRONIC, files=[Path(sys.argv[2])])
"""


@pytest.mark.slow
def test_temporaries_left_by_killed_copies_are_cleaned_on_the_next_open(
    ledger: Services, workspace_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger.close()
    source = tmp_path / "扫描件.pdf"
    source.write_bytes(os.urandom(8 << 20))  # 8 chunks of 1 MiB: each write sleeps
    killed = 0
    for _ in range(3):
        child = subprocess.Popen(
            [sys.executable, "-c", SLOW_COPY, str(workspace_dir), str(source)],
            stdout=subprocess.PIPE, text=True, env=child_env(), cwd=REPO,
        )  # fmt: skip
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "copying"  # mid-copy
        child.send_signal(signal.SIGKILL)
        child.wait()
        killed += 1
    files = workspace_dir / "files"
    left = list(files.glob(".incoming-*"))
    assert len(left) == killed and all(p.stat().st_size >= 1 << 20 for p in left)
    fresh = files / ".incoming-still-copying"
    fresh.write_bytes(b"another clerk's copy in progress")
    old = time.time() - files_module.LEFTOVER_AGE - 60
    for p in left:
        os.utime(p, (old, old))
    with Services.open(workspace_dir) as sv:
        assert sv.ledger.submissions(sv.ledger.rows()[0].obligation_id) == []
    assert sorted(p.name for p in files.glob(".incoming-*")) == [fresh.name]  # only the live one
