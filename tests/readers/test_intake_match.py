"""Matching a received file without guessing: the title words outrank "the only open item"."""

from __future__ import annotations

from datetime import date

from tracker.domain.forms import Form
from tracker.domain.intake_match import FileFacts, OpenItem, match_file, unit_key

UNITS = (
    unit_key(1, "和平区市场监管局", "和平区", []),
    unit_key(2, "南开区市场监管局", "南开区", []),
)
NAMES = {1: "和平区市场监管局", 2: "南开区市场监管局"}


def item(unit: int, req: int, title: str, missing: Form = Form.ELECTRONIC) -> OpenItem:
    notice = "津市场监管标准〔2023〕14号" if req < 10 else "津市场监管标准〔2021〕30号"
    return OpenItem(req * 10 + unit, unit, req, req, notice, title, date(2023, 6, 27), missing)


def facts(name: str, text: str = "") -> FileFacts:
    return FileFacts(name, name.rsplit(".", 1)[0], text, Form.ELECTRONIC, date(2023, 6, 20))


def test_the_only_open_item_is_matched_when_the_title_agrees_or_says_nothing() -> None:
    items = [item(1, 1, "阶段性总结")]
    assert match_file(facts("和平区阶段性总结.docx"), UNITS, items, NAMES).status == "matched"
    got = match_file(facts("和平区材料.docx"), UNITS, items, NAMES)
    assert got.status == "matched" and "唯一待报" in got.reason


def test_the_only_open_item_is_not_taken_when_the_title_names_another() -> None:
    # 和平区 owes only 阶段性总结; the file is a 世界标准日活动总结 (owed by 南开区 only)
    items = [item(1, 1, "阶段性总结"), item(2, 11, "世界标准日活动总结")]
    got = match_file(facts("和平区世界标准日活动总结.docx"), UNITS, items, NAMES)
    assert got.status == "ambiguous" and got.unit_id == 1
    assert "标题像是“津市场监管标准〔2021〕30号 世界标准日活动总结”" in got.reason


def test_a_requirement_already_complete_is_proposed_but_not_matched() -> None:
    items = [item(1, 1, "阶段性总结", Form.NONE), item(1, 2, "年度总结")]
    got = match_file(facts("和平区阶段性总结.docx"), UNITS, items, NAMES)
    assert got.status == "ambiguous" and got.item is not None and got.item.title == "阶段性总结"
    assert "已报齐此事项" in got.reason
