"""Today's date, overridable with TRACKER_TODAY (YYYY-MM-DD) for demos, replays and tests."""

from __future__ import annotations

import os
from datetime import date


def today() -> date:
    fixed = os.environ.get("TRACKER_TODAY", "").strip()
    if fixed:
        return date.fromisoformat(fixed)
    return date.today()
