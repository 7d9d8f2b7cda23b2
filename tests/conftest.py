"""Shared fixtures: a fresh real workspace (SQLite file in a temp folder) per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tracker.domain.records import UnitSpec
from tracker.services.bundle import Services

TODAY = date(2023, 12, 1)


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run on a fixed 'today' so that dates in 2021/2023 behave the same every year."""
    monkeypatch.setenv("TRACKER_TODAY", TODAY.isoformat())
    monkeypatch.delenv("TRACKER_WORKSPACE", raising=False)
    monkeypatch.delenv("TRACKER_DB_URL", raising=False)


@pytest.fixture
def workspace_dir(tmp_path: Path) -> Path:
    return tmp_path / "台账 工作区"


@pytest.fixture
def services(workspace_dir: Path) -> Iterator[Services]:
    with Services.open(workspace_dir) as sv:
        yield sv


@pytest.fixture
def tianjin_units(services: Services) -> Services:
    """Three district bureaus, one city bureau and one technical committee."""
    for spec in (
        UnitSpec("和平区市场监管局", "区局", short_name="和平区", aliases=("和平局",)),
        UnitSpec("河西区市场监管局", "区局", short_name="河西区", aliases=("河西局",)),
        UnitSpec("南开区市场监管局", "区局", short_name="南开区", aliases=("南开局",)),
        UnitSpec("市教委", "委办局"),
        UnitSpec("天津市物流标准化技术委员会", "标委会", short_name="物流标委会"),
    ):
        services.units.save(spec)
    return services
