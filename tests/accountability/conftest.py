from __future__ import annotations

from pathlib import Path

import pytest

from tests.accountability.scenario import build
from tracker.services.bundle import Services


@pytest.fixture
def scenario(tianjin_units: Services, tmp_path: Path) -> Services:
    return build(tianjin_units, tmp_path / "received")


@pytest.fixture
def office_scenario(scenario: Services) -> Services:
    """The scenario with the demo's Tianjin office (a new workspace has none)."""
    scenario.settings.update_office(
        sender_name="天津市市场监督管理委员会",
        office_name="标准化处",
        short_name="我委",
        letter_prefix="津市场监管标准函",
        bulletin_prefix="津市场监管标准",
    )
    return scenario


# The window's fixtures (QSettings in a temp folder) for the window tests here.
from tests.ui.conftest import _ui_settings_in_tmp  # noqa: E402

__all__ = ["_ui_settings_in_tmp"]
