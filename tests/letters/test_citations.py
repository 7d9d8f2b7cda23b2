"""How letters and lists cite a notice whose title holds a book title of its own, and which day
a letter counts as of."""

from __future__ import annotations

from datetime import date

from tracker.domain.forms import Form
from tracker.domain.letter_compose import LetterFrame, compose_unit_letter
from tracker.domain.letters import LetterItem, cited_title
from tracker.domain.status_lists import list_title
from tracker.services.demo import DEMO_OFFICE

JINCHENG = "晋城市市场监督管理局关于印发《2021年世界标准日系列活动方案》的通知"


def _item() -> LetterItem:
    return LetterItem(
        obligation_id=1, unit_id=1, unit_name="泽州县市场监督管理局", category="县局",
        notice_id=1, notice_title=JINCHENG, notice_number="晋市市监〔2021〕169号",
        notice_issuer="晋城市市场监督管理局", notice_issued=date(2021, 9, 26),
        requirement_id=1, requirement_title="系列活动报名表", deadline=date(2021, 10, 10),
        required=Form.ELECTRONIC | Form.PAPER, missing=Form.PAPER, days_overdue=5,
    )  # fmt: skip


def test_a_book_title_inside_a_cited_title_takes_single_marks() -> None:
    assert (
        cited_title(JINCHENG)
        == "晋城市市场监督管理局关于印发〈2021年世界标准日系列活动方案〉的通知"
    )
    frame = LetterFrame("", date(2021, 10, 15), date(2021, 10, 15), date(2021, 10, 22))
    letter = compose_unit_letter([_item()], DEMO_OFFICE, frame)
    body = "".join(letter.paragraphs)
    assert "《晋城市市场监督管理局关于印发〈2021年世界标准日系列活动方案〉的通知》" in body
    assert body.count("《") == body.count("》") == 1  # one pair: nothing nested


def test_a_list_of_one_notice_cites_it_the_same_way() -> None:
    from types import SimpleNamespace

    row = SimpleNamespace(notice_title=JINCHENG, doc_number="晋市市监〔2021〕169号")
    title, _ = list_title("overdue", [row], date(2021, 10, 15))  # type: ignore[list-item]
    assert (
        title
        == "《晋城市市场监督管理局关于印发〈2021年世界标准日系列活动方案〉的通知》逾期未报名单"
    )
