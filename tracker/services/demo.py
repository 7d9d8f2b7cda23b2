"""The demo workspace: the seeds' notices, realistic units and a realistic mix of outcomes.

Outcomes are drawn from a fixed random seed, so the demo is the same on every machine. A fourth
notice is dated relative to today, so the dashboard always has deadlines coming up.
"""

from __future__ import annotations

import random
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from tracker.domain.clock import today
from tracker.domain.errors import TrackerError
from tracker.domain.forms import Form, members
from tracker.domain.office import OfficeSettings
from tracker.domain.records import (
    Channel,
    Contact,
    NoticeSpec,
    ReminderMethod,
    RequirementSpec,
    UnitSpec,
)
from tracker.paths import resource_path
from tracker.services.bundle import Services
from tracker.services.notice_file import read_notice_file
from tracker.store.models import Notice, Unit

DEMO_MARK = "demo_workspace"
# The demo's office: the seeds' Tianjin standards office. Only the demo carries it.
DEMO_OFFICE = OfficeSettings(
    office_name="市市场监管委标准化处",
    sender_name="天津市市场监督管理委员会",
    signer="天津市市场监督管理委员会",
    contact_person="苏文博",
    contact_phone="27182054",
    contact_email="scjgbzhc@tj.gov.cn",
    postal_address="天津市河西区友谊路",
    letter_prefix="津市场监管标准函",
    short_name="我委",
    bulletin_prefix="津市场监管标准",
)
_PEOPLE = tuple(
    "王芳 李静 张伟 刘洋 陈晨 杨帆 赵敏 黄磊 周婷 吴昊 徐明 孙丽 马超 朱琳 胡军 郭佳".split()  # noqa: SIM905
)
# Outcome weights for one obligation of the demo.
_OUTCOMES = (
    ("on_time", 52),
    ("late", 13),
    ("partial", 11),
    ("missing", 12),
    ("exempt", 4),
    ("extended", 8),
)


def demo_units() -> list[UnitSpec]:
    data = tomllib.loads(resource_path("demo", "units.toml").read_text(encoding="utf-8"))
    specs: list[UnitSpec] = []
    for group in data["units"]:
        for i, (name, short, aliases) in enumerate(group["names"]):
            person = _PEOPLE[(len(specs) * 7) % len(_PEOPLE)]
            specs.append(
                UnitSpec(
                    name=name,
                    category=group["category"],
                    short_name=short,
                    aliases=tuple(a for a in aliases.split("、") if a),
                    contact_person=person,
                    phone=f"022-{23000000 + len(specs) * 1379:08d}",
                    email=f"bz{len(specs) + 1:02d}@example.gov.cn",
                    sort_order=i + 1,
                )
            )
    return specs


def current_notice(day: date, services: Services) -> NoticeSpec:
    cal = services.ws.calendar()
    return NoticeSpec(
        title=f"关于报送{day.year}年度标准化工作总结的通知",
        doc_number=f"津市场监管标准〔{day.year}〕21号",
        issuer="天津市市场监督管理委员会",
        issued_on=day - timedelta(days=24),
        contacts=(Contact("苏文博", "27182054", "scjgbzhc@tj.gov.cn"),),
        requirements=(
            RequirementSpec(
                "标准化工作总结",
                cal.add_workdays(day, 6),
                Form.ELECTRONIC | Form.SEAL,
                ("区局", "委办局"),
            ),
            RequirementSpec(
                "标准化试点项目进展报告",
                cal.add_workdays(day, 2),
                Form.ELECTRONIC,
                ("技术机构", "标委会"),
            ),
            RequirementSpec("联络员信息表", day - timedelta(days=4), Form.ELECTRONIC, ("区局",)),
        ),
    )


@dataclass
class _Scenario:
    services: Services
    rng: random.Random
    until: date

    def play(self, obligation_id: int, deadline: date, forms: Form) -> None:
        outcome = self.rng.choices([o for o, _ in _OUTCOMES], [w for _, w in _OUTCOMES])[0]
        ledger = self.services.ledger
        if outcome == "exempt":
            reason = self.rng.choice(["本单位未开展相关活动", "机构调整，职能划转"])
            ledger.exempt([obligation_id], reason, on=self._granted(obligation_id, deadline, 12))
            return
        if outcome == "extended":
            new = deadline + timedelta(days=self.rng.choice([5, 7, 10]))
            reasons = ["承办活动任务集中，申请延期", "材料需主要负责同志审签，申请延期"]
            if deadline.year <= 2022:
                reasons.append("因疫情防控任务较重，申请延期")
            ledger.extend(
                [obligation_id],
                new,
                self.rng.choice(reasons),
                on=self._granted(obligation_id, deadline, 4),
            )
            if self.rng.random() < 0.6:
                self._send(obligation_id, forms, new - timedelta(days=1))
            return
        if outcome == "missing":
            self._remind(obligation_id, deadline)
            return
        if outcome == "partial":
            first = members(forms)[0]
            self._send(obligation_id, first, deadline - timedelta(days=self.rng.randint(0, 3)))
            self._remind(obligation_id, deadline)
            return
        late = outcome == "late"
        self._send_split(obligation_id, forms, deadline, late)

    def _granted(self, oid: int, deadline: date, before: int) -> date:
        """A decision taken a few days before the deadline (never after today). Not drawn from
        ``rng``: the outcomes stay those of earlier versions of the demo."""
        return min(deadline - timedelta(days=oid % (before + 1)), self.until)

    def _send_split(self, oid: int, forms: Form, deadline: date, late: bool) -> None:
        electronic = forms & Form.ELECTRONIC
        rest = Form(int(forms) & ~int(Form.ELECTRONIC))
        day = deadline - timedelta(days=self.rng.randint(0, 6))
        if electronic and rest and self.rng.random() < 0.5:
            self._send(oid, electronic, day)
            later = (
                deadline + timedelta(days=self.rng.randint(1, 6))
                if late
                else day + timedelta(days=min(self.rng.randint(0, 2), (deadline - day).days))
            )
            self._send(oid, rest, later, Channel.PAPER)
        else:
            when = deadline + timedelta(days=self.rng.randint(1, 9)) if late else day
            self._send(oid, forms, when)

    def _send(self, oid: int, forms: Form, day: date, channel: Channel = Channel.EMAIL) -> None:
        if day > self.until:  # the current notice: some units have already sent theirs
            if self.rng.random() < 0.5:
                return
            day = self.until - timedelta(days=self.rng.randint(0, 4))
        self.services.ledger.register(oid, forms, day, channel)

    def _remind(self, oid: int, deadline: date) -> None:
        day = deadline + timedelta(days=2)
        if day <= self.until and self.rng.random() < 0.7:
            self.services.ledger.remind([oid], ReminderMethod.PHONE, day, note="电话提醒联络员")


def build_demo(services: Services) -> None:
    """Fill an empty workspace with the demo; rebuilds one that holds only the demo."""
    with services.ws.reading() as s:
        has_data = s.scalar(select(func.count()).select_from(Unit)) or s.scalar(
            select(func.count()).select_from(Notice)
        )
    if has_data and not services.settings.get_value(DEMO_MARK, False):
        raise TrackerError(
            "当前台账已有数据，示例数据请放到新的文件夹：tracker --workspace 新文件夹 demo"
        )
    if has_data:
        raise TrackerError("当前台账已是示例台账；如需重建，请删除该文件夹后再运行 tracker demo")
    services.settings.save_office(DEMO_OFFICE)
    for unit in demo_units():
        services.units.save(unit)
    rng = random.Random(20231110)
    now = today()
    scenario = _Scenario(services, rng, now)
    specs = [read_notice_file(p) for p in sorted(resource_path("demo", "notices").glob("*.toml"))]
    specs.append(current_notice(now, services))
    for spec in specs:
        notice_id, _ = services.notices.create(spec)
        for req in services.notices.get(notice_id).requirements:
            for oid in _obligations(services, req.id):
                scenario.play(oid, req.deadline, req.forms)
        if past_year(spec, now):
            services.archive.archive(notice_id)
    services.settings.set_value(DEMO_MARK, True)


def past_year(spec: NoticeSpec, now: date) -> bool:
    """A notice whose every deadline fell in an earlier year: the office closed it (归档) long
    ago, and nothing of it is chased any more (no 今日待办 for a 2021 summary in 2026)."""
    return max(r.deadline for r in spec.requirements).year < now.year


def _obligations(services: Services, requirement_id: int) -> list[int]:
    from tracker.domain.ledger_query import LedgerQuery

    rows = services.ledger.rows(LedgerQuery(as_of=today(), requirement_ids=(requirement_id,)))
    return [r.obligation_id for r in rows]
