"""Benchmark: the window after one write, patched (the touched rows) against reloaded (all).

    python tests/benchmarks/bench_refresh.py [--units 250] [--requirements 200] [--repeats 5]

(runs offscreen unless DISPLAY is set). On a generated workspace (250 units × 200
requirements = 50,000 obligations) the real main window (``build_main_window``) shows the
报送情况 grid; each write is made through the services as the dialogs do, and the time runs
from the service's return until the grid and the dashboard are repainted with the change:

  登记 / 免报 / 延期 / 撤销免报 / 删除登记 / 催报   one obligation each, patched in place
  full reload                                       every row read again (imports, restores)

Target: every write <= 100 ms at 50,000 obligations; the ratio to the full reload is printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.helpers.bulk import make_big_workspace  # noqa: E402

AS_OF = date(2023, 12, 1)


def _until(app, flag: list[object], timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    end = time.perf_counter() + timeout
    while not flag and time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.0005)
    if not flag:
        raise TimeoutError("the window did not update")


def measure(window, app, write: Callable[[], object], signal) -> float:  # type: ignore[no-untyped-def]
    """Seconds from the write's return to the repainted grid and dashboard."""
    seen: list[object] = []

    def heard(*_args: object) -> None:
        seen.append(True)

    signal.connect(heard)
    try:
        write()
        start = time.perf_counter()
        _until(app, seen)
        window.ledger_page.view.viewport().repaint()
        window.dashboard.grab()  # the dashboard is on another page: render it all
        return time.perf_counter() - start
    finally:
        signal.disconnect(heard)


def writes(services, rows) -> dict[str, list[Callable[[], object]]]:  # type: ignore[no-untyped-def]
    """Per kind of write, a few writes on different overdue obligations."""
    from tracker.domain.records import ReminderMethod
    from tracker.domain.status import Status

    overdue = [r for r in rows if r.status is Status.OVERDUE]
    step = max(len(overdue) // 40, 1)
    pick = iter(overdue[::step])
    ledger = services.ledger
    registered: list[int] = []
    exempted: list[int] = []

    def register(r) -> Callable[[], object]:  # type: ignore[no-untyped-def]
        return lambda: registered.append(ledger.register(r.obligation_id, r.required_forms).ids[0])

    def exempt(r) -> Callable[[], object]:  # type: ignore[no-untyped-def]
        return lambda: (ledger.exempt([r.obligation_id], "并入市级总结"), exempted.append(r))

    def extend(r) -> Callable[[], object]:  # type: ignore[no-untyped-def]
        to = r.deadline + timedelta(days=400)
        return lambda: ledger.extend([r.obligation_id], to, "单位申请")

    def remind(r) -> Callable[[], object]:  # type: ignore[no-untyped-def]
        return lambda: ledger.remind([r.obligation_id], ReminderMethod.PHONE)

    chosen = {
        "登记": [register(next(pick)) for _ in range(5)],
        "免报": [exempt(next(pick)) for _ in range(5)],
        "延期": [extend(next(pick)) for _ in range(5)],
        "催报": [remind(next(pick)) for _ in range(5)],
    }
    chosen["撤销免报"] = [
        (lambda i=i: ledger.unexempt([exempted[i].obligation_id], "误操作")) for i in range(5)
    ]
    chosen["删除登记"] = [
        (lambda i=i: ledger.delete_submission(registered[i], "登记错了")) for i in range(5)
    ]
    return chosen


def run(units: int, requirements: int, repeats: int) -> None:
    from PySide6.QtWidgets import QApplication

    from tracker.services.bundle import Services
    from tracker.ui.composition import build_main_window
    from tracker.ui.context import AppContext
    from tracker.ui.ledger.filtering import LedgerFilter

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        from PySide6.QtCore import QSettings

        # the window remembers its geometry: not in the user's own settings
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        big = make_big_workspace(Path(tmp) / "台账", units=units, requirements=requirements)
        services = Services.open(big.folder)
        ctx = AppContext("bench")
        window = build_main_window(ctx)
        window.resize(1400, 900)
        window.show()
        window.furnish()
        loaded: list[object] = []
        ctx.snapshots.loaded.connect(lambda _s: loaded.append(True))
        ctx.attach(services)
        _until(app, loaded)
        window.open_ledger(LedgerFilter())
        app.processEvents()
        rows = list(ctx.snapshots.current.rows)
        times: dict[str, list[float]] = {}
        for kind, calls in writes(services, rows).items():
            times[kind] = [measure(window, app, w, ctx.snapshots.updated) for w in calls]
        times["full reload"] = [
            measure(window, app, ctx.snapshots.reload, ctx.snapshots.loaded)
            for _ in range(max(repeats // 2, 2))
        ]
        full = statistics.median(times["full reload"])
        print(f"after one write, {big.obligations} obligations (median / max):")
        for kind, values in times.items():
            median = statistics.median(values)
            print(
                f"  {kind:<12} {median * 1000:8.1f} ms  {max(values) * 1000:8.1f} ms"
                f"   {median / full:6.3f} × full reload"
            )
        worst = max(statistics.median(v) for k, v in times.items() if k != "full reload")
        ratio = worst / full
        print(f"  worst write median = {worst * 1000:.1f} ms (target <= 100), ratio {ratio:.3f}")
        dispose(app, window)
        services.close()


def dispose(app, window) -> None:  # type: ignore[no-untyped-def]
    """Gone before its services close: no later timer or load may reach them."""
    import shiboken6

    from tracker.ui.common.worker import wait_all

    window.close()  # the context stops loading
    wait_all()
    app.processEvents()
    shiboken6.delete(window)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=250)
    parser.add_argument("--requirements", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    platform = "xcb" if os.environ.get("DISPLAY") else "offscreen"
    os.environ.setdefault("QT_QPA_PLATFORM", platform)
    os.environ.setdefault("TRACKER_TODAY", "2023-12-01")
    run(args.units, args.requirements, args.repeats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
