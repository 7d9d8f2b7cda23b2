"""Saving a workbook where it cannot go gives a Chinese message, never a bare OSError."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from tracker.domain.errors import TrackerError
from tracker.reports.xlsx_common import save_atomically


def test_an_unusable_folder_is_reported_in_chinese(tmp_path: Path) -> None:
    blocker = tmp_path / "不是文件夹"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(TrackerError, match=r"无法在.*中保存文件"):
        save_atomically(Workbook(), blocker / "统计表.xlsx")
    assert blocker.read_text(encoding="utf-8") == "x"
