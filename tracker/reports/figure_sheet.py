"""What the 关键数据 sheet is made of (plain data: no openpyxl, so services build it cheaply)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class FigureLine:
    unit: str
    category: str
    notice: str
    requirement: str
    values: dict[str, tuple[int, bool, bool]] = field(default_factory=dict)  # (value, 约数, 已更正)


@dataclass(frozen=True, slots=True)
class FigureSheet:
    scope: str
    as_of: date
    lines: Sequence[FigureLine]
    totals: dict[str, tuple[int, bool]]
    sentence: str
