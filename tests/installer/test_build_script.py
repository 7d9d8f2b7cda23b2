"""installer/build.py finds Inno Setup's compiler and hands it what the .iss script expects."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import tracker

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "installer"))
import build

FAKE_ISCC = """#!/bin/sh
printf '%s\\n' "$@" > "$(dirname "$0")/args.txt"
"""


@pytest.fixture
def fake_iscc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    iscc = tmp_path / "Inno Setup 6" / "ISCC.exe"
    iscc.parent.mkdir()
    iscc.write_text(FAKE_ISCC)
    iscc.chmod(0o755)
    monkeypatch.setenv("ISCC", str(iscc))
    return iscc


def test_iscc_is_found_through_the_environment_first(fake_iscc: Path) -> None:
    assert build.find_iscc() == fake_iscc


def test_iscc_gets_the_version_folders_and_translation(fake_iscc: Path, tmp_path: Path) -> None:
    bundle, out, isl = tmp_path / "dist" / "tracker", tmp_path / "dist", tmp_path / "zh.isl"
    setup = build.run_iscc(fake_iscc, bundle, out, isl)
    args = (fake_iscc.parent / "args.txt").read_text(encoding="utf-8").splitlines()
    version = tracker.__version__
    assert args[:5] == [
        f"/DAppVersion={version}",
        "/DFileVersion=" + ".".join(map(str, build.sup.version_tuple(version))),
        f"/DSourceDir={bundle}",
        f"/DOutputDir={out}",
        f"/DIconFile={build.sup.ICON_ICO}",
    ]
    assert args[5] == f"/DChineseIsl={isl.resolve()}"
    assert args[-1].endswith("installer/tracker.iss")
    assert setup == out / f"tracker-setup-{version}.exe"
    iss = (build.HERE / "tracker.iss").read_text(encoding="utf-8-sig")
    assert "OutputBaseFilename=tracker-setup-{#AppVersion}" in iss
    assert build.sup.ICON_ICO.is_file()


def test_without_iscc_the_bundle_alone_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ISCC", raising=False)
    monkeypatch.setattr(build.shutil, "which", lambda _name: None)
    monkeypatch.setattr(build, "ISCC_FOLDERS", ())
    assert build.find_iscc() is None
