"""``tracker office``: the clerk's own office, blank in a new workspace, the demo's in the demo."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.cli import main
from tracker.services.bundle import Services


@pytest.fixture
def run(workspace_dir: Path, capsys: pytest.CaptureFixture[str]):
    def _run(*argv: str, ok: bool = True) -> str:
        code = main(["--workspace", str(workspace_dir), *argv])
        out, err = capsys.readouterr()
        assert (code == 0) is ok, (code, out, err)
        return out if ok else err

    return _run


def test_a_new_workspace_shows_a_blank_office(run) -> None:
    run("init")
    out = run("office")
    assert "苏文博" not in out and "友谊路" not in out
    assert "尚未填写本单位名称" in out and "--name" in out


def test_office_sets_only_the_fields_given(run, workspace_dir: Path) -> None:
    run("init")
    run("office", "--name", "晋城市市场监督管理局", "--short-name", "我局",
        "--letter-prefix", "晋市市监函", "--department", "标准化科", "--contact", "吴一凡",
        "--phone", "2055997", "--email", "jcbzhk@163.com", "--address", "晋城市泽州路")  # fmt: skip
    out = run("office", "--phone", "0356-2055997")
    assert "晋城市市场监督管理局" in out and "0356-2055997" in out and "尚未填写" not in out
    with Services.open(workspace_dir, create=False) as sv:
        office = sv.settings.office()
    assert (office.sender_name, office.short_name, office.letter_prefix) == (
        "晋城市市场监督管理局",
        "我局",
        "晋市市监函",
    )
    assert (office.office_name, office.contact_person, office.contact_email) == (
        "标准化科",
        "吴一凡",
        "jcbzhk@163.com",
    )
    assert (office.contact_phone, office.postal_address) == ("0356-2055997", "晋城市泽州路")
    assert "修改办公室设置" in run("log")


def test_the_demo_keeps_its_tianjin_office(run) -> None:
    run("demo")
    out = run("office")
    assert "天津市市场监督管理委员会" in out and "我委" in out and "苏文博" in out


def test_letters_without_an_office_name_are_refused(run, tmp_path: Path) -> None:
    run("init")
    err = run("letters", "--out", str(tmp_path / "l.pdf"), ok=False)
    assert "工具 ▸ 设置" in err and "tracker office" in err
    assert not (tmp_path / "l.pdf").exists()
