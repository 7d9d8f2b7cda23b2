"""Qt brushes for the status palette declared once in ``tracker.domain.status.TERMS``."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QBrush, QColor, QFont

from tracker.domain.status import Status


@cache
def foreground(status: Status) -> QBrush | None:
    ink = status.terms.ink
    return QBrush(QColor(ink)) if ink else None


@cache
def background(status: Status) -> QBrush | None:
    fill = status.terms.fill
    return QBrush(QColor(fill)) if fill else None


@cache
def ink(colour: str) -> QBrush:
    return QBrush(QColor(colour))


@cache
def font(status: Status) -> QFont | None:
    """Bold for the status that most needs the eye (逾期未报), else the view's own font."""
    if not status.terms.bold:
        return None
    bold = QFont()
    bold.setBold(True)
    return bold


def colour_names(status: Status) -> tuple[str, str] | None:
    """(text, background) colour names, for style sheets; None for the plain 未到期."""
    t = status.terms
    return (t.ink, t.fill) if t.ink and t.fill else None


def swatch_html(status: Status) -> str:
    """The status's matrix word on its colours, as rich text (a legend's entry)."""
    t = status.terms
    weight = " font-weight:bold;" if t.bold else ""
    look = f"color:{t.ink or '#000000'}; background:{t.fill or '#ffffff'};{weight}"
    return f'<span style="{look}">&nbsp;{t.word}&nbsp;</span>'
