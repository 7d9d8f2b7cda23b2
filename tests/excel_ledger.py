"""A small ledger with every status, an exemption, an extension, reminders and unit names
that look like formulas: the fixture behind the Excel tests."""

from __future__ import annotations

from datetime import date

from tracker.domain.forms import Form
from tracker.domain.records import (
    Channel,
    NoticeSpec,
    ReminderMethod,
    RequirementSpec,
    UnitSpec,
)
from tracker.services.bundle import Services

E, P, S = Form.ELECTRONIC, Form.PAPER, Form.SEAL
AS_OF = date(2023, 12, 1)
INJECTIONS = ("=1+1", "+86-22-2718", "-2+3研究会", "@SUM(A1)")


UNITS = (
    UnitSpec("和平区市场监管局", "区局", short_name="和平区", aliases=("和平局",)),
    UnitSpec("河西区市场监管局", "区局", short_name="河西区", aliases=("河西局",)),
    UnitSpec("南开区市场监管局", "区局", short_name="南开区", aliases=("南开局",)),
    UnitSpec("市教委", "委办局"),
    UnitSpec("天津市物流标准化技术委员会", "标委会", short_name="物流标委会"),
)


def build(sv: Services) -> Services:
    """津市场监管标准〔2023〕14号 (阶段性总结 6-27 电子版+盖章, 年度总结 11-10 电子版+纸质版)
    and 〔2023〕21号 (标准化工作总结 12-11, not yet due)."""
    for spec in (*UNITS, *(UnitSpec(name, "协会") for name in INJECTIONS)):
        sv.units.save(spec)
    everyone = ("委办局", "区局", "标委会", "协会")
    sv.notices.create(
        NoticeSpec(
            title="市市场监管委关于开展2023年标准化研学行动的通知",
            doc_number="津市场监管标准〔2023〕14号",
            issued_on=date(2023, 6, 5),
            requirements=(
                RequirementSpec("阶段性总结", date(2023, 6, 27), E | S, everyone),
                RequirementSpec("年度总结", date(2023, 11, 10), E | P, ("区局",)),
            ),
        )
    )
    sv.notices.create(
        NoticeSpec(
            title="关于报送2023年度标准化工作总结的通知",
            doc_number="津市场监管标准〔2023〕21号",
            issued_on=date(2023, 11, 17),
            requirements=(RequirementSpec("标准化工作总结", date(2023, 12, 11), E, ("区局",)),),
        )
    )
    _outcomes(sv)
    return sv


def _outcomes(sv: Services) -> None:
    led = sv.ledger

    def reg(unit: str, req: str, forms: Form, day: date) -> None:
        led.register(led.find_obligation(unit, req), forms, day, Channel.EMAIL)

    reg("和平局", "阶段性总结", E | S, date(2023, 6, 20))  # on time
    reg("河西局", "阶段性总结", E, date(2023, 6, 25))
    reg("河西局", "阶段性总结", S, date(2023, 7, 3))  # late by 6 days
    reg("南开局", "阶段性总结", E, date(2023, 6, 26))  # partial: seal missing
    late = led.find_obligation("市教委", "阶段性总结")  # overdue, chased twice
    led.remind([late], ReminderMethod.PHONE, date(2023, 6, 28))
    led.remind([late], ReminderMethod.LETTER, date(2023, 6, 30), letter_number="催〔2023〕1号")
    led.exempt([led.find_obligation("物流标委会", "阶段性总结")], "本年度无研学任务")
    led.extend([led.find_obligation("=1+1", "阶段性总结")], date(2023, 12, 20), "负责人出差")
    reg("和平局", "年度总结", E | P, date(2023, 11, 8))
    reg("南开局", "年度总结", E | P, date(2023, 11, 15))
    reg("河西局", "标准化工作总结", E, date(2023, 11, 30))
