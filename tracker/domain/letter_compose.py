"""Composing a 催报函 from the obligations it chases and the office settings (pure functions)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from tracker.domain.dates import format_cn, format_cn_short
from tracker.domain.errors import ValidationError
from tracker.domain.forms import Form, format_forms
from tracker.domain.letters import (
    LetterContent,
    LetterItem,
    NameListItem,
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
# A notice that 印发《…方案》: its topic is the campaign, not the document type.
_DOC_TYPES = (
    "实施方案", "工作方案", "活动方案", "方案", "实施细则", "细则", "办法", "意见", "计划",
)  # fmt: skip


def campaign(topic: str) -> str:
    """2021年世界标准日系列活动方案 -> 2021年世界标准日系列活动 (the name a reader knows)."""
    for end in _DOC_TYPES:
        if topic.endswith(end) and len(topic) > len(end) + 2:
            kept = topic[: -len(end)]
            return kept + "活动" if end == "活动方案" else kept
    return topic


def _subject_of(item: LetterItem) -> str:
    """2023年标准化研学行动 + 阶段性总结; 2021年世界标准日宣传活动 + 世界标准日活动总结 ->
    2021年世界标准日活动总结; 2021年世界标准日系列活动方案 + 活动亮点及总结 ->
    2021年世界标准日系列活动亮点及总结; a specific item (联络员信息表) stands alone."""
    topic = campaign(notice_topic(item.notice_title))
    req = item.requirement_title
    if not topic or req in topic:
        return topic or req
    for size in range(len(req), 1, -1):  # the topic ends as the item begins: say it once
        if topic.endswith(req[:size]):
            return topic[:-size] + req
    for size in range(len(req), 2, -1):  # the item repeats part of the topic: keep its lead
        at = topic.find(req[:size])
        if at >= 0:
            return topic[:at] + req
    return topic + req if req.endswith(_GENERIC_ENDS) else req


def letter_subject(items: Sequence[LetterItem]) -> str:
    """关于催报{subject}的函: the notice's topic and the item; two items of one notice named
    both (2023年标准化研学行动阶段性总结和年度总结), more the first one 等材料 — with its topic,
    so the reader still knows which campaign is meant."""
    firsts = _requirements(items)
    subject = _subject_of(items[0])
    if len(firsts) == 1:
        return subject
    if _two_of_one_notice(firsts):
        return f"{subject}和{firsts[1].requirement_title}"
    return f"{subject}等材料"


def _requirements(items: Sequence[LetterItem]) -> list[LetterItem]:
    """One item per requirement, in the letter's order."""
    return list({i.requirement_id: i for i in items}.values())


def _two_of_one_notice(firsts: Sequence[LetterItem]) -> bool:
    return len(firsts) == 2 and len({i.notice_title for i in firsts}) == 1


def title_words(items: Sequence[LetterItem]) -> tuple[str, ...]:
    """Words a title must not be broken inside: campaign names and requirement titles."""
    words: list[str] = []
    joined = _two_of_one_notice(_requirements(items))  # …报名表和活动亮点及总结
    for i in items:
        topic = notice_topic(i.notice_title)
        words += [topic, campaign(topic), i.requirement_title]
        subject, name = _subject_of(i), campaign(topic)
        overlap = name in subject and len(subject) < len(name) + len(i.requirement_title)
        if overlap and joined and i.requirement_title in subject:  # 系列活动 said once:
            words.append(subject)  # neither alone protects it; 和 the other item follows
    return tuple(dict.fromkeys(w for w in words if len(w) > 1))


def contact_line(office: OfficeSettings, body: Sequence[str] = ()) -> str:
    """（联系人：…，联系电话：…，电子邮箱：…）; the address is left out when the body already
    gives it (the 附注 then fits one line)."""
    email = office.contact_email
    said = bool(email) and any(email in p for p in body)
    parts = [
        f"联系人：{office.contact_person}" if office.contact_person else "",
        f"联系电话：{office.contact_phone}" if office.contact_phone else "",
        f"电子邮箱：{email}" if email and not said else "",
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
        "short_name": office.short_name or "我单位",
        "contact_person": office.contact_person,
        "contact_phone": office.contact_phone,
        "contact_email": office.contact_email,
        "postal_address": office.postal_address,
        "closing": office.letter_closing,
    }


def self_name(issuer: str, office: OfficeSettings) -> str:
    """我委 (the 自称; 我单位 when none is set) when the notice is the office's own, else the
    issuer's name."""
    own = not issuer or issuer == office.sender_name
    return (office.short_name or "我单位") if own else issuer


def in_order(items: Sequence[LetterItem]) -> list[LetterItem]:
    """Items by deadline (then notice date and title): the order a reader checks them."""
    return sorted(
        items, key=lambda i: (i.asked_by, i.notice_issued or i.asked_by, i.requirement_title)
    )


def intro(items: Sequence[LetterItem], office: OfficeSettings) -> str:
    """The 缘由 sentence: the notices in date order, each cited once, and what they asked."""
    items = in_order(items)
    by_notice: dict[int, list[LetterItem]] = {}
    for i in sorted(items, key=lambda i: (i.notice_issued or i.asked_by, i.notice_id)):
        by_notice.setdefault(i.notice_id, []).append(i)
    issuers = {i.notice_issuer or office.sender_name for i in items}
    who = self_name(items[0].notice_issuer, office) if len(issuers) == 1 else ""
    cited = []
    for group in by_notice.values():
        first = group[0]
        when = f"于{format_cn(first.notice_issued)}" if first.notice_issued else ""
        by = "" if who else self_name(first.notice_issuer, office)
        cited.append(f"{by}{when}印发{notice_ref(first)}")
    lead = who + ("先后" if who and len(cited) > 1 else "")
    asked = dict.fromkeys((i.requirement_title, i.asked_by) for i in items)
    parts = "、".join(f"于{format_cn(day)}前报送{title}" for title, day in asked)
    return f"{lead}{'，'.join(cited)}，要求{parts}。"


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
        contact_line=contact_line(office, paragraphs),
        has_seal=office.letter_has_seal,
        title_words=title_words(items),
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
    items = in_order(items)
    addressee = items[0].unit_name
    values = template_values(items, office, frame, addressee)
    titles = [i.requirement_title for i in items]
    lines = [
        item_line(
            n if len(items) > 1 else None,
            item,
            f"（{item.notice_number}）" if titles.count(item.requirement_title) > 1 else "",
        )
        for n, item in enumerate(items, 1)
    ]
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
    items = in_order(items)
    values = template_values(items, office, frame, addressee)
    lines = [item_line(None, item) for item in items]
    paragraphs = _paragraphs(template or office.letter_body_group, values, lines)
    return _letter(
        items, office, frame, addressee, paragraphs,
        attachments=("未报送单位名单",), name_list=tuple(name_list_rows(items)),
    )  # fmt: skip


def name_list_rows(items: Sequence[LetterItem]) -> list[NameListRow]:
    """One row per unit (the count the body states), units in ledger order, each row naming
    everything that unit still owes."""
    units: dict[int, list[LetterItem]] = {}
    for i in items:
        units.setdefault(i.unit_id, []).append(i)
    return [_unit_row(in_order(owed)) for owed in units.values()]


def _unit_row(owed: list[LetterItem]) -> NameListRow:
    forms = [format_forms(missing_forms(i)) for i in owed]
    if len(set(forms)) == 1:
        missing = forms[0]
    else:
        missing = "；".join(f"{i.requirement_title}：{f}" for i, f in zip(owed, forms, strict=True))
    deadlines = [
        format_cn(i.asked_by)
        + (f"（延期至{format_cn(i.deadline)}）" if i.deadline != i.asked_by else "")
        for i in owed
    ]
    return NameListRow(
        unit=owed[0].unit_name,
        items="、".join(dict.fromkeys(i.requirement_title for i in owed)),
        missing=missing,
        deadline="、".join(dict.fromkeys(deadlines)),
        owed=tuple(_owed_item(i) for i in owed),
    )


def _owed_item(item: LetterItem) -> NameListItem:
    until = ""
    if item.deadline != item.asked_by:
        same_year = item.deadline.year == item.asked_by.year
        until = format_cn_short(item.deadline) if same_year else format_cn(item.deadline)
    return NameListItem(
        item.requirement_title,
        format_forms(missing_forms(item)),
        format_cn(item.asked_by),
        until,
    )
