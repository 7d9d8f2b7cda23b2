"""Benchmark: 批量登记 proposals for 100 mixed received files (target ≤ 10 s on this machine).

    python tests/benchmarks/bench_intake.py [--rounds 3]

40 .docx summaries, 30 PDFs (10 with a red seal, 5 scans), 20 photos and 10 GBK .txt files,
named as units name them, against the demo roster and the 2023 研学 notice. The floor, measured
in the same run, is reading and hashing the same files (what any intake must do at least);
the figure printed is our time and its ratio to that floor.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("TRACKER_TODAY", "2023-12-01")

from tests.readers.docs import seed_text, write_docx, write_pdf
from tracker.paths import resource_path
from tracker.services.bundle import Services
from tracker.services.demo import demo_units
from tracker.services.notice_file import read_notice_file

TARGET_SECONDS = 10.0
DISTRICTS = [u.name for u in demo_units() if u.category == "区局"]


def make_files(folder: Path) -> list[Path]:
    body = seed_text("000")[:3000]
    for i in range(40):
        unit = DISTRICTS[i % len(DISTRICTS)]
        write_docx(
            folder / f"{unit}研学行动阶段性总结{i}.docx", f"{unit}阶段性总结\n{body}\n{unit}"
        )
    for i in range(30):
        unit = DISTRICTS[(i + 3) % len(DISTRICTS)]
        name = folder / f"{unit}年度总结{i}（盖章）.pdf"
        write_pdf(name, f"{unit}年度总结\n{body[:1200]}\n{unit}", seal=i < 10, scanned=i >= 25)
    for i in range(20):
        unit = DISTRICTS[i % len(DISTRICTS)]
        sub = folder / unit
        sub.mkdir(exist_ok=True)
        (sub / f"活动照片{i}.jpg").write_bytes(os.urandom(200_000))
    for i in range(10):
        unit = DISTRICTS[(i + 7) % len(DISTRICTS)]
        text = f"单位：{unit}\n阶段性总结\n{body[:800]}"
        (folder / f"{unit}总结{i}.txt").write_bytes(text.encode("gb18030"))
    return sorted(p for p in folder.rglob("*") if p.is_file())


def floor(paths: list[Path]) -> float:
    start = time.perf_counter()
    for p in paths:
        hashlib.sha256(p.read_bytes()).hexdigest()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-intake-") as tmp:
        root = Path(tmp)
        inbox = root / "收件"
        inbox.mkdir()
        paths = make_files(inbox)
        assert len(paths) == 100, len(paths)
        with Services.open(root / "ws") as sv:
            for spec in demo_units():
                sv.units.save(spec)
            sv.notices.create(
                read_notice_file(resource_path("demo", "notices", "tj-2023-study.toml"))
            )
            ours, floors = [], []
            for _ in range(args.rounds):
                floors.append(floor(paths))
                start = time.perf_counter()
                proposals = sv.intake.propose([inbox], on=date(2023, 6, 21))
                ours.append(time.perf_counter() - start)
        took, base = statistics.median(ours), statistics.median(floors)
        counts = {
            s: sum(p.status == s for p in proposals) for s in ("matched", "ambiguous", "unmatched")
        }
        print(
            f"intake: {len(proposals)} files proposed in {took:.2f} s (median of {args.rounds}); "
            f"floor (read + SHA-256) {base:.3f} s; ratio {took / base:.0f}×; {counts}"
        )
        print(f"target ≤ {TARGET_SECONDS:.0f} s: {'ok' if took <= TARGET_SECONDS else 'MISSED'}")
        return 0 if took <= TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
