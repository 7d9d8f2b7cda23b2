"""Turning the editor's checklist back into a spec: whole categories, then single units."""

from __future__ import annotations

from tracker.domain.records import UnitRecord
from tracker.ui.notices.drafts import audience, bump_years


def unit(i: int, name: str, category: str, active: bool = True) -> UnitRecord:
    return UnitRecord(i, name, category, "", (), "", "", "", "", i, active)


UNITS = [
    unit(1, "和平区市场监管局", "区局"),
    unit(2, "河西区市场监管局", "区局"),
    unit(3, "南开区市场监管局", "区局", active=False),
    unit(4, "市教委", "委办局"),
    unit(5, "市科技局", "委办局"),
]


def test_a_fully_ticked_category_is_written_as_the_category() -> None:
    assert audience({1, 2, 4}, UNITS, ["区局", "委办局"]) == (("区局",), ("市教委",))


def test_inactive_units_neither_count_nor_appear() -> None:
    assert audience({1, 2, 3}, UNITS, ["区局", "委办局"]) == (("区局",), ())
    assert audience({1}, UNITS, ["区局", "委办局"]) == ((), ("和平区市场监管局",))


def test_nothing_ticked() -> None:
    assert audience(set(), UNITS, ["区局"]) == ((), ())


def test_bump_years_moves_years_but_not_document_numbers() -> None:
    assert (
        bump_years("关于开展2023年标准化研学行动的通知", 1) == "关于开展2024年标准化研学行动的通知"
    )
    assert bump_years("2023年度工作总结", 1) == "2024年度工作总结"
    assert bump_years("津市场监管标准〔2023〕14号", 1) == "津市场监管标准〔2023〕14号"
    assert bump_years("GB/T 20231年", 1) == "GB/T 20231年"
