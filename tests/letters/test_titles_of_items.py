"""What a letter's title names: the campaign and the item; two items of one notice both by
name (关于催报阶段性总结等材料的函 left out the campaign and said 等 of two things); broken
between words, the campaign never split from its item (系列 / 活动)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.letters.test_citations import _item
from tracker.domain.letter_compose import LetterFrame, compose_unit_letter
from tracker.domain.letters import LetterItem
from tracker.reports.gbt9704.frame import TITLE, TYPE_W
from tracker.reports.gbt9704.titles import title_lines
from tracker.reports.pdf_draw import Ink
from tracker.reports.pdf_fonts import default_fonts
from tracker.services.demo import DEMO_OFFICE

YANXUE = "市市场监管委关于开展2023年标准化研学行动的通知"
FRAME = LetterFrame("", date(2023, 11, 20), date(2023, 11, 20), date(2023, 11, 27))


def yanxue(rid: int, title: str, deadline: date) -> LetterItem:
    return replace(
        _item(), obligation_id=rid, notice_id=2, notice_title=YANXUE, requirement_id=rid,
        requirement_title=title, notice_number="津市场监管标准〔2023〕14号", deadline=deadline,
        notice_issued=date(2023, 6, 5),
    )  # fmt: skip


def title_of(items: list[LetterItem]) -> list[str]:
    letter = compose_unit_letter(items, DEMO_OFFICE, FRAME)
    measure = Ink(None, default_fonts()).measure("title", TITLE)
    return title_lines(letter.title, TYPE_W, measure, letter.title_words)


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([yanxue(1, "阶段性总结", date(2023, 6, 27)), yanxue(2, "年度总结", date(2023, 11, 10))],
         ["关于催报2023年标准化研学行动", "阶段性总结和年度总结的函"]),
        ([_item(), replace(_item(), obligation_id=2, requirement_id=2,
                           requirement_title="活动亮点及总结", deadline=date(2021, 10, 20))],
         ["关于催报2021年世界标准日系列活动报名表", "和活动亮点及总结的函"]),
        ([_item()], ["关于催报2021年世界标准日", "系列活动报名表的函"]),
        ([yanxue(3, "阶段性总结", date(2023, 6, 27)), _item()],
         ["关于催报2021年世界标准日", "系列活动报名表等材料的函"]),
    ],
)  # fmt: skip
def test_the_title_names_the_campaign_and_what_is_owed(
    items: list[LetterItem], expected: list[str]
) -> None:
    assert title_of(items) == expected
