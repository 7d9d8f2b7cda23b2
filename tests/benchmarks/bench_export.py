"""Benchmark: 报送情况统计表 of a 250-unit × 150-requirement workspace vs an unstyled floor.

    python tests/benchmarks/bench_export.py [--rounds 3]

The floor is measured in the same run: openpyxl write-only writing the same cell values
(already computed) with no styling. Targets: 明细 ≤ 1.3× its floor, the styled three-sheet
workbook ≤ 2× its floor. Our times include turning the rows into cell values.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.big_workspace import AS_OF, build
from tracker.reports.status_book import StatusBook
from tracker.reports.xlsx_detail import detail_table
from tracker.reports.xlsx_status import write_status_workbook
from tracker.reports.xlsx_table import write_table
from tracker.services.ledger_rows import LedgerQuery

TARGET_DETAIL = 1.3
TARGET_BOOK = 2.0


def _raw_sheets(book: StatusBook) -> dict[str, list[list[Any]]]:
    """The cell values of the three sheets, unstyled, for the floor."""
    table = detail_table(book)
    detail = [[book.title], [book.subtitle], [c.header for c in table.cols], *table.values]
    reqs, units = book.requirements(), book.units()
    grid = {(r.unit_id, r.requirement_id): r.status.word for r in book.rows}
    matrix: list[list[Any]] = [[book.title], [book.subtitle], [r.title for r in reqs]]
    for i, u in enumerate(units, 1):
        cells = [grid.get((u.unit_id, r.requirement_id)) for r in reqs]
        matrix.append([i, u.name, u.category, *cells, 0, 0])
    summary = [[i, r.notice_label, r.title, r.deadline, *range(8)] for i, r in enumerate(reqs)]
    return {"汇总": summary, "明细": detail, "矩阵": matrix}


def floor(path: Path, sheets: dict[str, list[list[Any]]]) -> None:
    wb = Workbook(write_only=True)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)


def ours_detail(path: Path, book: StatusBook) -> None:
    wb = Workbook(write_only=True)
    write_table(wb, detail_table(book))
    wb.save(path)


def timed(func: Callable[[], None]) -> float:
    """CPU seconds of this process: the machine is shared, wall time swings with the others."""
    start = time.process_time()
    func()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        t0 = time.perf_counter()
        sv = build(out / "workspace")
        print(f"workspace built in {time.perf_counter() - t0:.2f} s")
        t0 = time.perf_counter()
        rows = sv.ledger.rows(LedgerQuery(as_of=AS_OF))
        print(f"{len(rows)} ledger rows loaded in {time.perf_counter() - t0:.2f} s")
        book = StatusBook(rows, AS_OF, "全部通知", "benchmark", sv.units.categories())
        raw = _raw_sheets(book)
        best: dict[str, float] = {}
        for _ in range(args.rounds):  # interleaved, best of n: the machine is shared
            runs = {
                "floor 明细": lambda: floor(out / "f1.xlsx", {"明细": raw["明细"]}),
                "ours 明细": lambda: ours_detail(out / "o1.xlsx", book),
                "floor workbook": lambda: floor(out / "f2.xlsx", raw),
                "ours workbook": lambda: write_status_workbook(out / "o2.xlsx", book),
            }
            for name, run in runs.items():
                best[name] = min(best.get(name, float("inf")), timed(run))
        sv.close()
    for name, seconds in best.items():
        print(f"{name:<16} {seconds:6.2f} s CPU")
    _verdict("明细", best["ours 明细"] / best["floor 明细"], TARGET_DETAIL)
    _verdict("styled workbook", best["ours workbook"] / best["floor workbook"], TARGET_BOOK)


def _verdict(what: str, ratio: float, target: float) -> None:
    ok = "OK" if ratio <= target else "OVER TARGET"
    print(f"{what}: {ratio:.2f}× the floor (target ≤ {target}×) {ok}")


if __name__ == "__main__":
    main()
