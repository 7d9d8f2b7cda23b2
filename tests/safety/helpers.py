"""Helpers for the safety tests: running Python in a child process against a workspace."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.setdefault("TRACKER_TODAY", "2023-12-01")
    env.update(extra)
    return env


def run_python(code: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=REPO,
        timeout=timeout,
        check=False,
    )


def run_read_only(folder: Path, code: str, *args: str) -> subprocess.CompletedProcess[str] | None:
    """Run ``code`` with ``folder`` really read-only: permissions for a normal user; for root
    (whom permissions do not stop) a read-only bind mount in a private mount namespace that
    vanishes with the child. None when neither is possible here."""
    if os.geteuid() != 0:
        modes = _make_read_only(folder)
        try:
            return run_python(code, *args)
        finally:
            for path, mode in modes:
                path.chmod(mode)
    if not shutil.which("unshare"):
        return None
    script = 'mount --bind -o ro "$1" "$1" && shift && exec "$@"'
    cmd = ["unshare", "-m", "sh", "-c", script, "sh", str(folder), sys.executable, "-c", code]
    result = subprocess.run(
        [*cmd, *args], capture_output=True, text=True, env=child_env(), cwd=REPO, check=False
    )
    if "mount" in result.stderr and result.returncode != 0 and "Traceback" not in result.stderr:
        return None  # no mount namespaces in this sandbox
    return result


def _make_read_only(folder: Path) -> list[tuple[Path, int]]:
    modes = []
    for path in [*folder.rglob("*"), folder]:
        modes.append((path, path.stat().st_mode))
        path.chmod(0o555 if path.is_dir() else 0o444)
    return modes


def run_on_small_disk(
    folder: Path, size_kib: int, code: str, *args: str
) -> subprocess.CompletedProcess[str] | None:
    """Run ``code`` with a real, small tmpfs mounted on ``folder`` (a private mount namespace
    that vanishes with the child), so it meets a genuinely full disk. None where mounting is
    not possible here (not root, no unshare, no namespaces)."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return None
    folder.mkdir(parents=True, exist_ok=True)
    script = 'mount -t tmpfs -o size="$2"k tmpfs "$1" && shift 2 && exec "$@"'
    cmd = ["unshare", "-m", "sh", "-c", script, "sh", str(folder), str(size_kib),
           sys.executable, "-c", code]  # fmt: skip
    result = subprocess.run(
        [*cmd, *args], capture_output=True, text=True, env=child_env(), cwd=REPO, check=False
    )
    if "mount" in result.stderr and result.returncode != 0 and "Traceback" not in result.stderr:
        return None
    return result
