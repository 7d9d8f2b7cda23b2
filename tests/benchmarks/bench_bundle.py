"""Benchmark: the PyInstaller bundle's size and start-up, against the same app from source.

    python tests/benchmarks/bench_bundle.py [--runs 7] [--bundle dist/tracker]

Without ``--bundle`` it builds one first (installer/build.py --no-installer, about a minute).
Prints, from one run on this machine (offscreen unless DISPLAY is set):
  size        the bundle folder, and its biggest parts
  bare        a bare PySide6 QMainWindow from source (tests/benchmarks/bare_window.py) from
              process start to its first paint: the floor
  main.py     ``python main.py --workspace W`` (the demo) to its first painted window
  bundle      ``dist/tracker/tracker --workspace W`` to its first painted window
  … rows      the same, until the ledger rows are on screen
The ratios bundle / bare and bundle / main.py say what freezing costs (unpacking nothing in
one-folder mode: it should be near 1).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "installer"))

import build  # noqa: E402


def spawn(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def biggest_parts(bundle: Path, count: int = 6) -> list[tuple[str, int]]:
    internal = bundle / "_internal"
    parts = [(p.name, build.folder_size(p) if p.is_dir() else p.stat().st_size)
             for p in internal.iterdir() if not p.is_symlink()]  # fmt: skip
    return sorted(parts, key=lambda item: -item[1])[:count]


def measure(bundle: Path, workspace: Path, runs: int) -> dict[str, list[float]]:
    env = dict(os.environ, TRACKER_TODAY="2023-12-01")
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if not env.get("DISPLAY") else "xcb")
    paint, loaded = {**env, "TRACKER_BENCH_EXIT": "paint"}, {**env, "TRACKER_BENCH_EXIT": "loaded"}
    commands = {
        "bare": ([sys.executable, str(ROOT / "tests" / "benchmarks" / "bare_window.py")], env),
        "main.py": ([sys.executable, "main.py", "--workspace", str(workspace)], paint),
        "main.py rows": ([sys.executable, "main.py", "--workspace", str(workspace)], loaded),
        "bundle": ([str(bundle / build.sup.EXE_NAME), "--workspace", str(workspace)], paint),
        "bundle rows": ([str(bundle / build.sup.EXE_NAME), "--workspace", str(workspace)], loaded),
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for args, environ in commands.values():
        spawn(args, environ)  # warm the file cache
    for _ in range(runs):  # interleaved, so machine noise hits all alike
        for name, (args, environ) in commands.items():
            times[name].append(spawn(args, environ))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bundle = args.bundle
        if bundle is None:
            started = time.perf_counter()
            bundle = build.run_pyinstaller(Path(tmp) / "dist", Path(tmp) / "work")
            print(f"built in {time.perf_counter() - started:.0f} s")
        print(f"size        {build.folder_size(bundle) / 2**20:.1f} MiB  ({bundle})")
        for name, size in biggest_parts(bundle):
            print(f"  {name:28} {size / 2**20:6.1f} MiB")
        from tracker.launch import build_demo_workspace

        workspace = Path(tmp) / "示例 台账"
        build_demo_workspace(workspace)
        times = measure(bundle, workspace, args.runs)
    print(f"start-up, median of {args.runs} (min–max), seconds:")
    for name, values in times.items():
        print(f"  {name:12} {statistics.median(values):.3f}  ({min(values):.3f}–{max(values):.3f})")
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"  bundle / bare = {median['bundle'] / median['bare']:.2f}")
    print(f"  bundle / main.py = {median['bundle'] / median['main.py']:.2f}")
    print(f"  bundle rows / main.py rows = {median['bundle rows'] / median['main.py rows']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
