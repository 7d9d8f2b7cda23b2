"""Letters into a folder that cannot be written: refused before anything is numbered; and when
the PDF cannot be written after issuing, the clerk is told the letters were issued, which
numbers, and where their archived copies are (a reprint gives them back)."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path
from typing import Any

import pytest

from tests.safety.helpers import run_read_only
from tracker.cli import main
from tracker.services.bundle import Services


def _cli(sv: Services, workspace_dir: Path, db_url: str | None, *argv: str) -> list[str]:
    where = ["--workspace", str(workspace_dir)]  # with a database URL: where the files are
    return where + (["--db-url", db_url] if db_url else []) + list(argv)


@pytest.mark.both_databases
def test_a_read_only_out_folder_is_refused_before_numbering(
    overdue_ledger: Services,
    workspace_dir: Path,
    db_url: str | None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    real = tempfile.TemporaryFile

    def read_only(*args: Any, dir: Any = None, **kw: Any) -> Any:
        if dir is not None and Path(dir) == tmp_path / "只读":
            raise OSError(errno.EROFS, "Read-only file system", str(dir))
        return real(*args, dir=dir, **kw)

    monkeypatch.setattr(tempfile, "TemporaryFile", read_only)
    (tmp_path / "只读").mkdir()
    argv = _cli(
        overdue_ledger,
        workspace_dir,
        db_url,
        "letters",
        "--out",
        str(tmp_path / "只读" / "催报函.pdf"),
    )
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "没有发出任何函件" in err and "只读" in err and "Traceback" not in err
    assert overdue_ledger.letters.issued() == []
    assert overdue_ledger.ledger.reminders() == []


@pytest.mark.both_databases
def test_a_pdf_that_cannot_be_written_after_issuing_says_where_the_letters_are(
    overdue_ledger: Services,
    workspace_dir: Path,
    db_url: str | None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "催报函.pdf"
    real = Path.write_bytes

    def fails_for_out(self: Path, data: bytes) -> int:
        if self == out:
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", fails_for_out)
    assert main(_cli(overdue_ledger, workspace_dir, db_url, "letters", "--out", str(out))) == 1
    err = capsys.readouterr().err.strip().splitlines()[-1]
    issued = overdue_ledger.letters.issued()
    assert issued and issued[-1].number in err and "已编号、记为催报并存档" in err
    assert str(issued[0].archive_path.parent.parent) in err and "--reprint" in err
    monkeypatch.undo()
    again = tmp_path / "重印.pdf"
    number = issued[0].number
    assert (
        main(
            _cli(
                overdue_ledger,
                workspace_dir,
                db_url,
                "letters",
                "--reprint",
                number,
                "--out",
                str(again),
            )
        )
        == 0
    )
    assert again.read_bytes() == overdue_ledger.letters.letter_pdf(issued[0])


def test_a_really_read_only_folder_on_this_machine(
    overdue_ledger: Services, workspace_dir: Path, tmp_path: Path
) -> None:
    """The same, against a folder the operating system refuses (a read-only bind mount for root)."""
    folder = tmp_path / "只读夹"
    folder.mkdir()
    overdue_ledger.close()
    code = (
        "import sys; from tracker.cli import main;"
        "sys.exit(main(['--workspace', sys.argv[1], 'letters', '--out', sys.argv[2]]))"
    )
    result = run_read_only(folder, code, str(workspace_dir), str(folder / "催报函.pdf"))
    if result is None:
        pytest.skip("no way to make a read-only folder here")
    assert result.returncode == 1 and "没有发出任何函件" in result.stderr
    with Services.open(workspace_dir) as sv:
        assert sv.letters.issued() == []
