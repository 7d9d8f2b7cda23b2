"""A workspace with the demo roster and the 2023 研学 notice, for the readers' tests."""

from __future__ import annotations

import pytest

from tracker.paths import resource_path
from tracker.services.bundle import Services
from tracker.services.demo import demo_units
from tracker.services.notice_file import read_notice_file


@pytest.fixture
def roster(services: Services) -> Services:
    for spec in demo_units():
        services.units.save(spec)
    return services


@pytest.fixture
def study(roster: Services) -> Services:
    """津市场监管标准〔2023〕14号: 阶段性总结 by 2023-06-27, 年度总结 by 2023-11-10."""
    spec = read_notice_file(resource_path("demo", "notices", "tj-2023-study.toml"))
    roster.notices.create(spec)
    return roster
