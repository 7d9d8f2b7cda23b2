"""Status colours and glyphs shared by the grid, the matrix and the dashboard."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

from tracker.domain.status import Status

# (text colour, background) — 逾期未报 red, 部分报送 orange, 逾期补报 amber, 已按时报送 green,
# 免报 grey, 未到期 plain.
_COLOURS: dict[Status, tuple[str, str]] = {
    Status.OVERDUE: ("#b3261e", "#fbdcdc"),
    Status.PARTIAL: ("#b85000", "#ffe2c2"),
    Status.LATE: ("#7a5c00", "#fff0b8"),
    Status.ON_TIME: ("#1d6b2a", "#daf0dc"),
    Status.EXEMPT: ("#5f6368", "#e8e8e8"),
}

GLYPHS: dict[Status, str] = {
    Status.ON_TIME: "✓",
    Status.LATE: "补",
    Status.PENDING: "○",
    Status.OVERDUE: "✗",
    Status.PARTIAL: "缺",
    Status.EXEMPT: "免",
}
GLYPH_MEANINGS: dict[Status, str] = {
    Status.ON_TIME: "已按时报送",
    Status.LATE: "逾期补报",
    Status.PENDING: "未到期",
    Status.OVERDUE: "逾期未报",
    Status.PARTIAL: "部分报送（缺材料）",
    Status.EXEMPT: "免报",
}

_fg: dict[Status, QBrush] = {}
_bg: dict[Status, QBrush] = {}


def foreground(status: Status) -> QBrush | None:
    if status not in _COLOURS:
        return None
    if status not in _fg:
        _fg[status] = QBrush(QColor(_COLOURS[status][0]))
    return _fg[status]


def background(status: Status) -> QBrush | None:
    if status not in _COLOURS:
        return None
    if status not in _bg:
        _bg[status] = QBrush(QColor(_COLOURS[status][1]))
    return _bg[status]


def colour_names(status: Status) -> tuple[str, str] | None:
    """(text, background) colour names, for style sheets."""
    return _COLOURS.get(status)
