"""The wheel carries everything: every package under tracker/, the resources as the package
``tracker.resources`` and the migration scripts; installed from the wheel alone (no source
tree on the path), ``tracker demo``, a letter with embedded fonts and the window's self-test
work."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

import pytest

from tests.letters.pdfcheck import fonts

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def packages_on_disk() -> set[str]:
    found = {"tracker.resources"}  # resources/ at the top, mapped by package-dir
    for init in (ROOT / "tracker").rglob("__init__.py"):
        if "__pycache__" not in init.parts:
            found.add(".".join(init.parent.relative_to(ROOT).parts))
    return found


def test_every_package_under_tracker_is_listed_in_pyproject() -> None:
    listed = set(SETUPTOOLS["packages"])
    assert packages_on_disk() - listed == set(), "add these to [tool.setuptools] packages"
    assert listed - packages_on_disk() == set(), "listed but not on disk"


def test_resources_are_the_package_tracker_resources() -> None:
    assert SETUPTOOLS["package-dir"] == {"tracker.resources": "resources"}
    assert (ROOT / "resources" / "__init__.py").is_file()
    assert not (ROOT / "tracker" / "resources").exists()  # one source, the design card's


def matches(path: str, glob: str) -> bool:
    """setuptools' package-data rule: ``fonts/*`` is the files directly in fonts/."""
    pure = PurePosixPath(path)
    return len(pure.parts) == len(PurePosixPath(glob).parts) and pure.match(glob)


def test_every_resource_file_is_package_data() -> None:
    globs = SETUPTOOLS["package-data"]["tracker.resources"]
    source = ROOT / "resources"
    files = [
        p.relative_to(source).as_posix()
        for p in source.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc")
    ]
    assert len(files) > 15
    missed = [f for f in files if not any(matches(f, g) for g in globs)]
    assert missed == [], "add a pattern to [tool.setuptools.package-data] tracker.resources"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A wheel built offline by the setuptools of the test environment, from a copy of the
    source (a build in place would leave build/ and egg-info behind)."""
    top = tmp_path_factory.mktemp("wheel")
    src = top / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("tracker", "resources"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    out = top / "dist"
    build = "import sys; from setuptools import build_meta as b; print(b.build_wheel(sys.argv[1]))"
    done = subprocess.run(
        [sys.executable, "-c", build, str(out)],
        cwd=src,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    yield out / done.stdout.strip().splitlines()[-1]
    shutil.rmtree(top, ignore_errors=True)


@pytest.mark.slow
def test_the_wheel_holds_every_module_resource_and_migration(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (ROOT / "tracker").rglob("*.py"):
        if "__pycache__" not in path.parts:
            assert path.relative_to(ROOT).as_posix() in names
    for path in (ROOT / "resources").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            assert f"tracker/resources/{path.relative_to(ROOT / 'resources').as_posix()}" in names
    assert not [n for n in names if n.startswith(("resources/", "tests/"))]


def run_installed(site: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Python with the unpacked wheel first on the path, started outside the source tree."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "TRACKER_"))}
    env.update(
        PYTHONPATH=str(site),
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        QT_QPA_PLATFORM="offscreen",
        TRACKER_TODAY="2023-12-01",
    )
    return subprocess.run(
        [sys.executable, *args], cwd=home, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.slow
def test_installed_from_the_wheel_the_app_works(wheel: Path, tmp_path: Path) -> None:
    site, home = tmp_path / "site", tmp_path / "home"
    zipfile.ZipFile(wheel).extractall(site)
    home.mkdir()
    where = "import tracker, tracker.paths as p; print(tracker.__file__); print(p.resources_dir())"
    done = run_installed(site, home, "-c", where)
    assert done.returncode == 0, done.stderr
    assert [Path(line).is_relative_to(site) for line in done.stdout.split()] == [True, True]

    ws = str(home / "台账")
    done = run_installed(site, home, "-m", "tracker", "--workspace", ws, "demo")
    assert done.returncode == 0, done.stdout + done.stderr
    letter = home / "催报函.pdf"
    done = run_installed(site, home, "-m", "tracker", "--workspace", ws, "letters",
                         "--preview", "--out", str(letter))  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    faces = fonts(letter)
    assert faces and all(face["emb"] == "yes" for face in faces), faces

    report = home / "自检.txt"
    selftest = "import sys; from tracker.app import main; raise SystemExit(main(sys.argv))"
    done = run_installed(site, home, "-c", selftest, "--self-test", str(report))
    assert done.returncode == 0, done.stdout + done.stderr
    lines = report.read_text(encoding="utf-8").splitlines()
    assert [line.split()[0] for line in lines[:-1]] == ["ok"] * 6, lines
    assert str(site / "tracker" / "resources") in lines[0]
