"""Today's date, overridable with TRACKER_TODAY (YYYY-MM-DD) for demos, replays and tests."""

from __future__ import annotations

import os
from datetime import date


def today() -> date:
    fixed = os.environ.get("TRACKER_TODAY", "").strip()
    if not fixed:
        return date.today()
    from tracker.domain.dates import EARLIEST, LATEST
    from tracker.domain.errors import ValidationError

    try:
        day = date.fromisoformat(fixed)
    except ValueError:
        day = None
    if day is None or not EARLIEST <= day <= LATEST:
        raise ValidationError(
            f"环境变量 TRACKER_TODAY 的值“{fixed[:40]}”不是 {EARLIEST.year}–{LATEST.year} 年间的"
            "日期（应写成 2023-12-01），请改正或删除它"
        )
    return day
