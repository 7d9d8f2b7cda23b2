from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tracker.domain.errors import AmbiguousError, TrackerError, ValidationError
from tracker.domain.forms import Form
from tracker.domain.records import NoticeSpec, RequirementSpec
from tracker.services.bundle import Services
from tracker.services.notice_file import parse_notice_text, read_notice_file

JINCHENG = """
[notice]
doc_number = "晋市市监〔2021〕169号"
title = "关于印发《2021年世界标准日系列活动方案》的通知"
issuer = "晋城市市场监督管理局"
issued = 2021-09-26
contacts = [{ name = "吴一凡", phone = "2055997", email = "jcbzhk@163.com" }]

[[requirements]]
title = "系列活动报名表"
deadline = 2021-10-10
forms = ["电子版", "纸质版", "加盖公章"]
categories = ["区局"]
units = ["市教委"]

[[requirements]]
title = "活动亮点及总结"
deadline = "10月20日前"
forms = "电子版、佐证材料"
categories = ["区局"]
"""


def test_toml_notice_as_in_the_readme(tianjin_units: Services) -> None:
    spec = parse_notice_text(JINCHENG)
    assert spec.requirements[1].deadline == date(2021, 10, 20)
    assert spec.requirements[1].forms == Form.ELECTRONIC | Form.EVIDENCE
    notice_id, change = tianjin_units.notices.create(spec)
    record = tianjin_units.notices.get(notice_id)
    assert record.contacts[0].email == "jcbzhk@163.com"
    assert [r.obligations for r in record.requirements] == [4, 3]
    assert "2项报送事项，4个单位需报送（共7条报送义务）" in change.summary  # not 7 units


def test_toml_problems_are_all_reported(tmp_path: Path) -> None:
    bad = """
[notice]
issued = "2021-09-31"
colour = "red"
[[requirements]]
deadline = "2021年2月30日"
forms = ["传真"]
"""
    with pytest.raises(ValidationError) as err:
        parse_notice_text(bad)
    text = str(err.value)
    for expected in ("缺少 title", "不认识的字段“colour”", "传真", "2021-09-31", "2021年2月30日"):
        assert expected in text
    path = tmp_path / "x.toml"
    path.write_text("not = [toml", encoding="utf-8")
    with pytest.raises(TrackerError, match="不是有效的 TOML"):
        read_notice_file(path)


def test_notice_validation(tianjin_units: Services) -> None:
    spec = NoticeSpec(
        title="通知",
        doc_number="津〔2023〕1号",
        issued_on=date(2023, 6, 5),
        requirements=(
            RequirementSpec("总结", date(2023, 6, 1), Form.NONE, ("不存在的类别",)),
            RequirementSpec("总结", date(2023, 7, 1), Form.ELECTRONIC, (), ("不存在的单位",)),
        ),
    )
    with pytest.raises(ValidationError) as err:
        tianjin_units.notices.create(spec)
    text = str(err.value)
    for expected in (
        "早于发文日期",
        "至少选择一种报送形式",
        "未知类别“不存在的类别”",
        "与前面的事项重名",
        "找不到单位“不存在的单位”",
    ):
        assert expected in text
    assert tianjin_units.notices.list_notices() == []


def test_duplicate_doc_numbers_are_refused(tianjin_units: Services) -> None:
    spec = parse_notice_text(JINCHENG)
    tianjin_units.notices.create(spec)
    with pytest.raises(ValidationError, match=r"文号.*已存在"):
        tianjin_units.notices.create(spec)


def test_requirement_lookup_is_qualified_by_notice(tianjin_units: Services) -> None:
    for n in (1, 2):
        tianjin_units.notices.create(
            NoticeSpec(
                title=f"通知{n}",
                doc_number=f"津〔2023〕{n}号",
                requirements=(
                    RequirementSpec("年度总结", date(2023, 11, 10), Form.ELECTRONIC, ("区局",)),
                ),
            )
        )
    with pytest.raises(AmbiguousError, match="--notice"):
        tianjin_units.notices.resolve_requirement("年度总结")
    assert tianjin_units.notices.resolve_requirement("年度总结", "津〔2023〕2号").obligations == 3


def test_removing_a_unit_with_history_is_refused(tianjin_units: Services) -> None:
    spec = parse_notice_text(JINCHENG)
    notice_id, _ = tianjin_units.notices.create(spec)
    oid = tianjin_units.ledger.find_obligation("市教委", "系列活动报名表")
    tianjin_units.ledger.register(oid, Form.ELECTRONIC, date(2021, 10, 8))
    record = tianjin_units.notices.get(notice_id)
    reqs = tuple(
        RequirementSpec(r.title, r.deadline, r.forms, r.categories, (), r.note, r.id)
        for r in record.requirements
    )
    edited = NoticeSpec(
        title=record.title,
        doc_number=record.doc_number,
        issued_on=record.issued_on,
        requirements=reqs,
    )
    with pytest.raises(ValidationError, match="市教委已有报送"):
        tianjin_units.notices.update(notice_id, edited)


def test_copy_of_last_years_notice_moves_dates(tianjin_units: Services) -> None:
    notice_id, _ = tianjin_units.notices.create(parse_notice_text(JINCHENG))
    copy = tianjin_units.notices.copy_spec(notice_id)
    assert copy.doc_number == ""
    assert copy.issued_on == date(2022, 9, 26)
    assert copy.requirements[0].deadline == date(2022, 10, 10)
    assert "市教委" in copy.requirements[0].units


def test_delete_is_refused_once_registered(tianjin_units: Services) -> None:
    notice_id, _ = tianjin_units.notices.create(parse_notice_text(JINCHENG))
    oid = tianjin_units.ledger.find_obligation("和平区市场监管局", "系列活动报名表")
    tianjin_units.ledger.register(oid, Form.ELECTRONIC, date(2021, 10, 8))
    with pytest.raises(ValidationError, match="不能删除"):
        tianjin_units.notices.delete(notice_id)
