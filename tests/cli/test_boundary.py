"""The command line's error boundary: anything unexpected is one Chinese line and exit 1, the
traceback in logs/tracker.log; output to a GBK console or file never crashes on 𠀀."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.safety.helpers import REPO, child_env
from tracker.cli import main, status
from tracker.domain.records import UnitSpec
from tracker.services.bundle import Services


def test_an_unexpected_error_is_one_line_and_its_traceback_is_logged(
    tianjin_units: Services,
    workspace_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tianjin_units.close()

    def broken(*_a: object) -> int:
        raise KeyError("内部的键")

    monkeypatch.setattr(status, "cmd_status", broken)
    code = main(["--workspace", str(workspace_dir), "status"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    (line,) = err.strip().splitlines()
    assert (
        line.startswith("错误：程序遇到意外错误") and "KeyError" in line and "tracker.log" in line
    )
    log = (workspace_dir / "logs" / "tracker.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "内部的键" in log and "broken" in log


@pytest.mark.parametrize(
    "exc, words",
    [
        (MemoryError(), "内存不足"),
        (OSError(13, "Permission denied", "x.pdf"), "没有权限"),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"), "意外错误"),
    ],
)
def test_known_and_unknown_causes_get_one_chinese_line(
    exc: BaseException,
    words: str,
    workspace_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken(*_a: object) -> int:
        raise exc

    monkeypatch.setattr(status, "cmd_status", broken)
    assert main(["--workspace", str(workspace_dir), "status"]) == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("错误：") and words in line and "Traceback" not in line


def test_ctrl_c_is_a_quiet_cancel(
    workspace_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*_a: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(status, "cmd_status", interrupted)
    assert main(["--workspace", str(workspace_dir), "status"]) == 130
    assert capsys.readouterr().err.strip() == "已取消"


def _run_gbk(
    workspace: Path, *args: str, to_file: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = child_env(PYTHONIOENCODING="gbk")
    out = to_file.open("wb") if to_file else subprocess.PIPE
    try:
        return subprocess.run(
            [sys.executable, "-m", "tracker", "--workspace", str(workspace), *args],
            stdout=out, stderr=subprocess.PIPE, env=env, cwd=REPO, check=False, timeout=120,
        )  # fmt: skip
    finally:
        if to_file:
            out.close()  # type: ignore[union-attr]


def test_a_gbk_console_or_redirect_gets_a_replacement_not_a_crash(
    services: Services, workspace_dir: Path, tmp_path: Path
) -> None:
    services.units.save(UnitSpec("𠀀研究所", "技术机构", aliases=("䶮所",)))
    services.close()
    piped = _run_gbk(workspace_dir, "units", "list")
    assert piped.returncode == 0, piped.stderr.decode("gbk", "replace")
    text = piped.stdout.decode("gbk")
    assert "?研究所" in text  # 𠀀 is not in GBK: replaced, the rest intact
    redirected = tmp_path / "名录.txt"
    result = _run_gbk(workspace_dir, "units", "list", to_file=redirected)
    assert result.returncode == 0
    assert "?研究所" in redirected.read_bytes().decode("gbk")
    err = _run_gbk(workspace_dir, "register", "𠀀不存在", "x", "--forms", "电子版")
    assert err.returncode == 1 and b"Traceback" not in err.stderr
    assert "找不到单位“?不存在”" in err.stderr.decode("gbk")


def test_the_output_streams_are_left_alone_when_they_cannot_be_reconfigured(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tracker.cli.boundary import plain_output

    class Odd:
        def reconfigure(self, **_kw: object) -> None:
            raise ValueError("closed")

    monkeypatch.setattr(sys, "stdout", Odd())
    monkeypatch.setattr(sys, "stderr", object())
    plain_output()  # neither raises
