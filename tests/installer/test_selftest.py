"""``--self-test`` from the source tree: every check passes, and a broken part is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker import selftest
from tracker.app import parse_args

CHECKS = ("resources", "workspace", "letter", "workbook", "window", "qt-chinese")


@pytest.fixture
def chinese_qt(qapp):  # type: ignore[no-untyped-def]
    """What make_application does: the window icon and Qt's Chinese texts."""
    from tracker.ui.icon import app_icon, install_qt_chinese

    qapp.setWindowIcon(app_icon())
    assert install_qt_chinese(qapp)
    yield qapp
    from PySide6.QtCore import QTranslator

    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)


def test_the_argument_takes_an_optional_report_file() -> None:
    assert parse_args(["--self-test"]).self_test == "-"
    assert parse_args(["--self-test", "r.txt"]).self_test == "r.txt"
    assert parse_args([]).self_test is None


def test_all_checks_pass_and_the_report_is_written(chinese_qt, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "自检.txt"
    assert selftest.run_self_test(chinese_qt, str(report)) == 0
    lines = report.read_text(encoding="utf-8").splitlines()
    assert [line.split()[:2] for line in lines[:-1]] == [["ok", name] for name in CHECKS]
    assert lines[-1].startswith("passed in ")
    assert capsys.readouterr().out.splitlines() == lines  # the same lines on stdout
    assert "主送" in lines[2] and "汇总、明细、矩阵" in lines[3] and "帮助" in lines[4]


def test_a_missing_guide_fails_the_run_and_the_rest_still_runs(
    chinese_qt, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("tracker.ui.help.guide.guide_path", lambda: tmp_path / "missing.html")
    report = tmp_path / "report.txt"
    assert selftest.run_self_test(chinese_qt, str(report)) == 1
    lines = report.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("FAIL resources") and "missing.html" in lines[0]
    assert [line.split()[0] for line in lines if line.split()[1:2] == ["letter"]] == ["ok"]
    assert lines[-1].startswith("FAILED in ")
