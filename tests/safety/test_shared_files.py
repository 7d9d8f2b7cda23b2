"""A shared office: archived files in one configurable shared folder for every clerk."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.cli import main
from tracker.domain.forms import Form
from tracker.services.bundle import Services
from tracker.services.demo import build_demo

pytestmark = pytest.mark.both_databases


def test_clerks_share_the_files_folder(
    tmp_path: Path, db_url: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "共享 盘" / "归档文件"
    desk_a, desk_b = tmp_path / "甲的电脑", tmp_path / "乙的电脑"
    # SQLite: both desks point at one workspace folder; PostgreSQL: each its own local folder
    desk_b_ws = desk_a if db_url is None else desk_b
    doc = tmp_path / "总结.pdf"
    doc.write_bytes(b"%PDF-1.4 summary")
    with Services.open(desk_a, db_url, files_dir=shared) as a:
        build_demo(a)
        oid = a.ledger.rows()[0].obligation_id
        a.ledger.register(oid, Form.ELECTRONIC, files=[doc])
    monkeypatch.setenv("TRACKER_FILES_DIR", str(shared))
    with Services.open(desk_b_ws, db_url) as b:
        name, sha = b.ledger.submissions(oid)[-1].files[0]
        assert b.ws.files.root == shared
        assert b.ws.files.path_for(sha, name).read_bytes() == b"%PDF-1.4 summary"
    assert not (desk_a / "files").exists()


def test_the_command_line_takes_a_files_folder(
    tmp_path: Path, db_url: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "共享"
    doc = tmp_path / "材料.docx"
    doc.write_bytes(b"docx")
    ws = ["--workspace", str(tmp_path / "ws"), "--files-dir", str(shared)]
    if db_url:
        ws += ["--db-url", db_url]
    assert main([*ws, "demo"]) == 0
    code = main([*ws, "register", "和平局", "阶段性总结", "--forms", "电子版", "--file", str(doc)])
    assert code == 0, capsys.readouterr()
    assert len(list(shared.glob("??/*.docx"))) == 1
