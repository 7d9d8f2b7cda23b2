r"""Build the one-folder bundle, then the Windows installer when Inno Setup is present.

    python installer/build.py                 # dist/tracker/ (+ dist/tracker-setup-<v>.exe)
    python installer/build.py --no-installer  # the bundle only
    python installer/build.py --self-test     # and run the built program's --self-test

Inno Setup's compiler (6.3 or later) is looked for in ISCC (environment), on PATH and in its
default folders. A Chinese wizard needs a release that ships Languages\ChineseSimplified.isl,
or ``--chinese-isl FILE`` naming a translation file; otherwise the wizard's own buttons fall
back to English (our texts — shortcuts, tasks, messages — are Chinese either way) and ISCC
warns.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import spec_support as sup  # noqa: E402

ISCC_FOLDERS = (
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "Inno Setup 6",
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "Inno Setup 6",
    Path(os.environ.get("LOCALAPPDATA", "")) / "Programs" / "Inno Setup 6",
)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(dist: Path, work: Path) -> Path:
    command = [
        sys.executable, "-m", "PyInstaller", str(HERE / "tracker.spec"), "--noconfirm",
        "--distpath", str(dist), "--workpath", str(work), "--log-level", "WARN",
    ]  # fmt: skip
    subprocess.run(command, check=True, cwd=sup.ROOT)
    return dist / sup.EXE_NAME


def find_iscc() -> Path | None:
    named = os.environ.get("ISCC", "").strip()
    if named:
        return Path(named)
    on_path = shutil.which("ISCC") or shutil.which("iscc")
    if on_path:
        return Path(on_path)
    for folder in ISCC_FOLDERS:
        if (folder / "ISCC.exe").exists():
            return folder / "ISCC.exe"
    return None


def run_iscc(iscc: Path, bundle: Path, out: Path, chinese_isl: Path | None) -> Path:
    version = sup.app_version()
    command = [
        str(iscc),
        f"/DAppVersion={version}",
        "/DFileVersion=" + ".".join(str(n) for n in sup.version_tuple(version)),
        f"/DSourceDir={bundle}",
        f"/DOutputDir={out}",
        f"/DIconFile={sup.ICON_ICO}",
    ]
    if chinese_isl is not None:
        command.append(f"/DChineseIsl={chinese_isl.resolve()}")
    command.append(str(HERE / "tracker.iss"))
    subprocess.run(command, check=True)
    return out / f"tracker-setup-{version}.exe"


def self_test(bundle: Path) -> int:
    exe = bundle / (f"{sup.EXE_NAME}.exe" if sys.platform == "win32" else sup.EXE_NAME)
    report = bundle.parent / "self-test.txt"
    started = time.perf_counter()
    code = subprocess.run([str(exe), "--self-test", str(report)], check=False).returncode
    print(report.read_text(encoding="utf-8") if report.exists() else "(no report)")
    print(f"self-test exit code {code} after {time.perf_counter() - started:.1f} s")
    return code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=sup.ROOT / "dist")
    parser.add_argument("--work", type=Path, default=sup.ROOT / "build")
    parser.add_argument("--no-installer", action="store_true", help="skip Inno Setup")
    parser.add_argument("--chinese-isl", type=Path, help="Inno Setup ChineseSimplified.isl")
    parser.add_argument(
        "--self-test", action="store_true", help="run the built program's self-test"
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    bundle = run_pyinstaller(args.dist.resolve(), args.work.resolve())
    size = folder_size(bundle)
    print(
        f"bundle: {bundle} — {size / 2**20:.1f} MiB, built in {time.perf_counter() - started:.0f} s"
    )
    if args.self_test and self_test(bundle) != 0:
        return 1
    if args.no_installer:
        return 0
    iscc = find_iscc()
    if iscc is None:
        print("Inno Setup (ISCC.exe) not found: installer skipped (set ISCC=path\\to\\ISCC.exe)")
        return 0
    setup = run_iscc(iscc, bundle, args.dist.resolve(), args.chinese_isl)
    print(f"installer: {setup} — {setup.stat().st_size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
