"""The refresh benchmark still runs (on a small workspace), so it cannot rot unnoticed."""

from __future__ import annotations

import pytest

from tests.benchmarks import bench_refresh


def test_the_refresh_benchmark_runs(qtbot, capsys: pytest.CaptureFixture[str]) -> None:
    bench_refresh.run(units=20, requirements=10, repeats=2)
    out = capsys.readouterr().out
    for kind in ("登记", "免报", "延期", "催报", "撤销免报", "删除登记", "full reload"):
        assert kind in out
    assert "worst write median" in out
