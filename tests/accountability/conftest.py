from __future__ import annotations

from pathlib import Path

import pytest

from tests.accountability.scenario import build
from tracker.services.bundle import Services


@pytest.fixture
def scenario(tianjin_units: Services, tmp_path: Path) -> Services:
    return build(tianjin_units, tmp_path / "received")
