"""Composing a 催报函 from the obligations it chases and the office settings (pure functions)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from tracker.domain.dates import format_cn
from tracker.domain.errors import ValidationError
from tracker.domain.forms import Form, format_forms
from tracker.domain.letters import (
    LetterContent,
    LetterItem,
    NameListRow,
    body_paragraphs,
    item_line,
    join_distinct,
    missing_forms,
    missing_phrase,
    notice_ref,
    send_to,
)
from tracker.domain.office import OfficeSettings

# 主送 for a letter to a whole category (the clerk can change it before printing).
GROUP_ADDRESSEES: dict[str, str] = {
    "区局": "各区市场监管局",
    "县局": "各县市场监管局",
    "委办局": "市有关委办局",
    "标委会": "各专业标准化技术委员会",
    "技术机构": "各有关技术机构",
    "协会": "各有关协会",
}


@dataclass(frozen=True, slots=True)
class LetterFrame:
    """The facts of one issue: number, dates."""

    number: str
    letter_date: date
    as_of: date
    new_deadline: date


def group_addressee(category: str) -> str:
    return GROUP_ADDRESSEES.get(category, f"各有关{category}单位" if category else "各有关单位")


_TOPIC_VERBS = ("开展", "做好", "报送", "印发", "组织", "举办", "加强", "推进")
_TOPIC_ENDS = ("工作的通知", "的通知", "的函", "通知")


def notice_topic(title: str) -> str:
    """市市场监管委关于开展2023年标准化研学行动的通知 -> 2023年标准化研学行动."""
    if "关于" not in title:
        return ""
    topic = title.rsplit("关于", 1)[1]
    for verb in _TOPIC_VERBS:
        topic = topic.removeprefix(verb)
    for end in _TOPIC_ENDS:
        if topic.endswith(end):
            topic = topic[: -len(end)]
            break
    return topic.strip("《》")


_GENERIC_ENDS = ("总结", "报告", "材料", "方案", "计划", "情况")


def _subject_of(item: LetterItem) -> str:
    """2023年标准化研学行动 + 阶段性总结; 2021年世界标准日宣传活动 + 世界标准日活动总结 ->
    2021年世界标准日活动总结; a specific item (联络员信息表) stands alone."""
    topic = notice_topic(item.notice_title)
    req = item.requirement_title
    if not topic or req in topic:
        return topic or req
    for size in range(len(req), 2, -1):  # the item repeats part of the topic: keep its lead
        at = topic.find(req[:size])
        if at >= 0:
            return topic[:at] + req
    return topic + req if req.endswith(_GENERIC_ENDS) else req


def letter_subject(items: Sequence[LetterItem]) -> str:
    """关于催报{subject}的函: the notice's topic and the item, or the first one 等材料."""
    if len({i.requirement_id for i in items}) > 1:
        return f"{items[0].requirement_title}等材料"
    return _subject_of(items[0])


def contact_line(office: OfficeSettings) -> str:
    parts = [
        f"联系人：{office.contact_person}" if office.contact_person else "",
        f"联系电话：{office.contact_phone}" if office.contact_phone else "",
        f"电子邮箱：{office.contact_email}" if office.contact_email else "",
    ]
    text = "，".join(p for p in parts if p)
    return f"（{text}）" if text else ""


def template_values(
    items: Sequence[LetterItem], office: OfficeSettings, frame: LetterFrame, addressee: str
) -> dict[str, str]:
    missing = Form.NONE
    for item in items:
        missing |= missing_forms(item)
    units = {i.unit_id for i in items}
    return {
        "intro": intro(items, office),
        "unit": addressee,
        "notice": join_distinct([notice_ref(i) for i in items]),
        "notice_title": join_distinct([i.notice_title for i in items]),
        "notice_number": join_distinct([i.notice_number for i in items]),
        "notice_issuer": join_distinct([i.notice_issuer for i in items]) or office.sender_name,
        "notice_issued": join_distinct([format_cn(i.notice_issued) for i in items]),
        "items": join_distinct([i.requirement_title for i in items]),
        "missing": join_distinct([missing_phrase(i) for i in items]),
        "original_deadline": join_distinct([format_cn(i.asked_by) for i in items]),
        "new_deadline": format_cn(frame.new_deadline),
        "as_of": format_cn(frame.as_of),
        "letter_date": format_cn(frame.letter_date),
        "count": str(len(units)),
        "send_to": send_to(
            missing, office.contact_email, office.postal_address, office.office_name
        ),
        "office_name": office.office_name or office.sender_name,
        "sender_name": office.sender_name,
        "contact_person": office.contact_person,
        "contact_phone": office.contact_phone,
        "contact_email": office.contact_email,
        "postal_address": office.postal_address,
        "closing": office.letter_closing,
    }


def intro(items: Sequence[LetterItem], office: OfficeSettings) -> str:
    """The 缘由 sentence: the notice, its date and deadline; several notices are summed up."""
    first = items[0]
    issuer = first.notice_issuer or office.sender_name
    notices = list(dict.fromkeys(notice_ref(i) for i in items))
    if len(notices) > 1:
        return f"{issuer}先后印发{notices[0]}等{len(notices)}个通知，对有关材料的报送作出了安排。"
    when = f"于{format_cn(first.notice_issued)}" if first.notice_issued else ""
    asked = dict.fromkeys((i.requirement_title, i.asked_by) for i in items)
    parts = "、".join(f"于{format_cn(day)}前报送{title}" for title, day in asked)
    return f"{issuer}{when}印发{notices[0]}，要求{parts}。"


def _paragraphs(template: str, values: dict[str, str], lines: list[str]) -> tuple[str, ...]:
    paragraphs = body_paragraphs(template, values, lines)
    if not values["notice_issued"]:  # a notice without an issue date: drop the dangling 于
        paragraphs = [p.replace("于印发", "印发") for p in paragraphs]
    return tuple(paragraphs)


def _letter(
    items: Sequence[LetterItem],
    office: OfficeSettings,
    frame: LetterFrame,
    addressee: str,
    paragraphs: tuple[str, ...],
    **extra: Any,
) -> LetterContent:
    """What every 催报函 carries, whatever its mode."""
    return LetterContent(
        sender_name=office.sender_name,
        number=frame.number,
        title=f"关于催报{letter_subject(items)}的函",
        addressee=addressee,
        paragraphs=paragraphs,
        signer=office.signer or office.sender_name,
        letter_date=frame.letter_date,
        contact_line=contact_line(office),
        has_seal=office.letter_has_seal,
        **extra,
    )


def compose_unit_letter(
    items: Sequence[LetterItem],
    office: OfficeSettings,
    frame: LetterFrame,
    template: str | None = None,
) -> LetterContent:
    """One letter to one unit, listing everything it owes across notices."""
    if not items:
        raise ValidationError("没有需要催报的事项")
    addressee = items[0].unit_name
    values = template_values(items, office, frame, addressee)
    with_notice = len({i.notice_id for i in items}) > 1
    lines = [item_line(n, item, with_notice) for n, item in enumerate(items, 1)]
    paragraphs = _paragraphs(template or office.letter_body, values, lines)
    return _letter(items, office, frame, addressee, paragraphs, attachments=())


def compose_group_letter(
    items: Sequence[LetterItem],
    office: OfficeSettings,
    frame: LetterFrame,
    addressee: str,
    template: str | None = None,
) -> LetterContent:
    """One letter to a whole category, with the units that owe listed in an attachment."""
    if not items:
        raise ValidationError("没有需要催报的事项")
    values = template_values(items, office, frame, addressee)
    lines = [item_line(n, item, True) for n, item in enumerate(items, 1)]
    paragraphs = _paragraphs(template or office.letter_body_group, values, lines)
    return _letter(
        items, office, frame, addressee, paragraphs,
        attachments=("未报送单位名单",), name_list=tuple(name_list_rows(items)),
    )  # fmt: skip


def name_list_rows(items: Sequence[LetterItem]) -> list[NameListRow]:
    """One row per unit and item, units together in ledger order."""
    rank = {uid: n for n, uid in enumerate(dict.fromkeys(i.unit_id for i in items))}
    ranked = sorted(items, key=lambda i: rank[i.unit_id])
    return [
        NameListRow(
            unit=i.unit_name,
            items=i.requirement_title,
            missing=format_forms(missing_forms(i)),
            deadline=format_cn(i.deadline) + ("（延期）" if i.deadline != i.asked_by else ""),
        )
        for i in ranked
    ]
