"""What a 上报情况通报 says, composed from the hand-counted scenario (scenario.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.accountability.scenario import AS_OF, NOTICE_A, NOTICE_C
from tracker.domain.bulletin import DEFAULT_BULLETIN_BODY, fill_body
from tracker.domain.bulletin_request import BulletinRequest
from tracker.domain.errors import ValidationError
from tracker.services.bundle import Services

BULLETIN_DAY = date(2023, 12, 4)


def request(sv: Services, notice: str = NOTICE_A, **kw: object) -> BulletinRequest:
    kw = {"as_of": AS_OF, "bulletin_date": BULLETIN_DAY, **kw}
    return BulletinRequest(sv.notices.resolve(notice).id, **kw)  # type: ignore[arg-type]


def test_two_items_are_counted_as_items_and_named_with_them(office_scenario: Services) -> None:
    content = office_scenario.bulletins.draft(request(office_scenario))
    assert content.title == "关于2023年标准化研学行动有关材料报送情况的通报"
    assert content.masthead == "天津市市场监督管理委员会文件"
    assert content.number == "津市场监管标准〔2023〕\u3000号"  # a 样稿: the number left blank
    assert content.addressee == "各区市场监管局，市有关委办局"
    body = "\n".join(content.paragraphs)
    assert body.startswith(
        "我委于2023年5月20日印发《市市场监管委关于开展2023年标准化研学行动的"
        "通知》（津市场监管标准〔2023〕14号），要求各有关单位于2023年6月20日前报送阶段性总结、"
        "于2023年11月10日前报送年度总结。现将截至2023年12月1日的报送情况通报如下。"
    )
    # R1: 和平 按时, 河西 补报, 南开 免报, 市教委 按时 (extended); R2: 和平 部分, 河西 补报,
    # 南开 未报, 市教委 补报 (extended): 7 items due, 2 on time, 3 late, 2 missing.
    assert (
        "应报送7项，已报送5项（其中按时报送2项、逾期补报3项），上报率71.4%，按时报送率28.6%" in body
    )
    assert "按时报送了材料" not in body  # nobody sent everything on time
    assert (
        "河西区市场监管局（阶段性总结逾期5天、年度总结逾期5天）、市教委（年度总结逾期5天）"
        "未在规定时限内报送" in body
    )
    assert "和平区市场监管局（年度总结缺纸质版）、南开区市场监管局（年度总结未报送）截至" in body
    assert "请未报送的单位于2023年12月11日前将所缺材料报送我委。" in body  # 5 working days on
    assert "天津市市场监督管理委员会" not in body  # the office calls itself by its 自称 inside


def test_a_notice_of_another_issuer_is_cited_by_its_name_and_inner_titles_nest() -> None:
    from tracker.domain.bulletin_compose import NoticeFacts, intro
    from tracker.domain.office import OfficeSettings

    office = OfficeSettings(sender_name="天津市市场监督管理委员会", short_name="我委")
    notice = NoticeFacts(
        notice_id=1,
        title="关于印发《2023年世界标准日系列活动方案》的通知",
        doc_number="晋市监〔2023〕169号",
        issuer="晋城市市场监督管理局",
        issued_on=date(2023, 9, 1),
        requirements=(("活动总结", date(2023, 10, 20)),),
    )
    text = intro(notice, office)
    assert text.startswith("晋城市市场监督管理局于2023年9月1日印发")
    assert "《关于印发〈2023年世界标准日系列活动方案〉的通知》（晋市监〔2023〕169号）" in text


def test_one_item_counts_units_and_praises_the_punctual(office_scenario: Services) -> None:
    sv = office_scenario
    content = sv.bulletins.draft(
        request(sv, NOTICE_C, as_of=date(2023, 12, 21), bulletin_date=date(2023, 12, 22))
    )
    assert content.title == "关于更新标准化工作联络员信息表报送情况的通报"
    body = "\n".join(content.paragraphs)
    assert "应报送4家，已报送1家" in body
    assert "和平区市场监管局按时报送了材料，予以通报表扬。" in body
    assert "补报单位" not in body and "未在规定时限内报送" not in body  # nobody late: no line


def test_the_ranking_table_is_the_attachment(office_scenario: Services) -> None:
    content = office_scenario.bulletins.draft(request(office_scenario))
    assert content.attachment == "上报情况排名表"
    first, *_, total = content.table
    assert (first.rank, first.unit, first.due, first.on_time, first.rate) == (
        "1", "市教委", "2", "1", "100.0%",
    )  # fmt: skip
    assert [r.unit for r in content.table[:-1]] == [
        "市教委", "和平区市场监管局", "河西区市场监管局", "南开区市场监管局",
    ]  # fmt: skip
    assert (total.unit, total.due, total.missing, total.rate) == ("合计", "7", "2", "71.4%")


def test_template_lines_with_nothing_to_say_are_left_out() -> None:
    values = {"on_time_units": "", "late_units": "河西区市场监管局", "as_of": "2023年12月1日"}
    assert fill_body("{按时单位}按时。\n{补报单位}补报。\n截至{截至日期}。", values) == (
        "河西区市场监管局补报。",
        "截至2023年12月1日。",
    )
    with pytest.raises(ValidationError, match=r"无法识别的占位符：\{单位名\}"):
        fill_body("{单位名}", values)
    assert "{按时单位}" in DEFAULT_BULLETIN_BODY


def test_an_edited_template_and_addressee(office_scenario: Services) -> None:
    sv = office_scenario
    req = request(sv, template="截至{as_of}，上报率{上报率}。", addressee="各有关单位")
    content = sv.bulletins.draft(req)
    assert content.paragraphs == ("截至2023年12月1日，上报率71.4%。",)
    assert content.addressee == "各有关单位"
    with pytest.raises(ValidationError, match="占位符"):
        sv.bulletins.draft(replace(req, template="{不存在}"))


def test_nothing_due_yet_or_no_office_is_refused(office_scenario: Services) -> None:
    sv = office_scenario
    with pytest.raises(ValidationError, match="还没有到期应报的事项"):
        sv.bulletins.draft(request(sv, NOTICE_C, as_of=date(2023, 11, 20)))
    sv.settings.update_office(bulletin_prefix="")
    with pytest.raises(ValidationError, match="通报的发文字号前缀"):
        sv.bulletins.draft(request(sv))
