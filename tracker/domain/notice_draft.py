"""A notice drafted from its own text: what was found, where, and what the clerk must check."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from tracker.domain.forms import Form
from tracker.domain.notice_audience import GENERIC, Audience, map_audience
from tracker.domain.notice_contacts import find_contacts
from tracker.domain.notice_deadlines import RequirementDraft, forms_elsewhere, read_requirements
from tracker.domain.notice_text import (
    Found,
    clean_lines,
    find_doc_number,
    find_issued,
    find_issuer,
    find_theme,
    find_title,
    unwrap,
)
from tracker.domain.records import Contact, NoticeSpec, RequirementSpec

_ADDRESSEE = re.compile(r"^[^。]{2,200}[：:]$")


@dataclass(slots=True)
class NoticeDraft:
    title: str
    doc_number: str
    issuer: str
    issued_on: date | None
    theme: str
    contacts: tuple[Contact, ...]
    addressees: str  # the 主送 line as written
    categories: tuple[str, ...]  # what the 主送 maps to
    unknown_phrases: tuple[str, ...]  # 主送 phrases no rule knows: ask the clerk
    requirements: list[RequirementDraft]
    doubts: dict[str, str] = field(default_factory=dict)  # field name → why to check it
    sources: dict[str, str] = field(default_factory=dict)  # field name → the line it came from

    @property
    def uncertain(self) -> bool:
        return bool(self.doubts) or any(r.doubts for r in self.requirements)

    def to_spec(self) -> NoticeSpec:
        return NoticeSpec(
            title=self.title,
            doc_number=self.doc_number,
            issuer=self.issuer,
            issued_on=self.issued_on,
            theme=self.theme,
            contacts=self.contacts,
            requirements=tuple(
                RequirementSpec(
                    title=r.title,
                    deadline=r.deadline,
                    forms=r.forms,
                    categories=r.categories,
                    units=r.units,
                    note=r.note,
                )
                for r in self.requirements
            ),
        )


def _addressee_line(lines: list[str]) -> int | None:
    for i, line in enumerate(lines[:15]):
        if (
            _ADDRESSEE.match(line)
            and re.search(r"各|有关|单位|局|委员会|部门", line)
            and not line.startswith(("联系", "附件", "电话", "时间", "地点"))
        ):
            return i
    return None


def _year(doc_number: str, issued: date | None, body: str, today: date) -> tuple[int, str]:
    m = re.search(r"〔(\d{4})〕", doc_number)
    if m:
        return int(m[1]), ""
    if issued:
        return issued.year, ""
    years = re.findall(r"(20\d\d)\s*年", body)
    if years:
        return int(max(set(years), key=years.count)), "年份取自正文中最常出现的年份"
    return today.year, "原文未写年份，暂按今年"


def _who(
    req: RequirementDraft, main: Audience, rules: list[tuple[str, str]], known: set[str] | None
) -> None:
    if req.subject:
        own = map_audience(req.subject, rules, known)
        asked = [p for p in own.unknown if p not in GENERIC]
        if own.categories:
            req.categories = own.categories
            if asked:
                req.doubts["categories"] = f"句中的“{'、'.join(asked)}”未对应到类别，请确认"
            return
    req.categories = main.categories
    if main.unknown:
        req.doubts.setdefault("categories", f"主送中的“{'、'.join(main.unknown)}”未对应到类别")


def _settle(req: RequirementDraft, year: int, issued: date | None, year_doubt: str) -> None:
    if req.forms & (Form.ELECTRONIC | Form.PAPER) == Form.NONE:
        req.forms |= Form.ELECTRONIC
        req.doubts.setdefault("forms", "未写明电子版或纸质版，暂按电子版")
    if issued and req.deadline < issued and req.deadline.year == year:
        req.deadline = replace_year(req.deadline, year + 1)
        req.doubts["deadline"] = "时限早于成文日期，已按次年"
    elif year_doubt:
        req.doubts["deadline"] = year_doubt


def replace_year(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 2月29日
        return day.replace(year=year, day=28)


def draft_notice(
    text: str,
    *,
    today: date,
    rules: Iterable[tuple[str, str]] = (),
    categories: Iterable[str] | None = None,
) -> NoticeDraft:
    """Read a notice's text. ``rules`` are the clerk's own 主送 phrases (checked first);
    ``categories`` the workspace's categories (a rule naming another one is asked about)."""
    lines = clean_lines(text)
    body = "".join(lines)
    extra = list(rules)
    known = set(categories) if categories is not None else None
    at = _addressee_line(lines)
    head = lines[: at if at is not None else 8]
    doc = find_doc_number(head)
    title = find_title(lines, body)
    issued, issued_found, date_line = find_issued(lines)
    issuer = find_issuer(lines, title, date_line)
    contacts = find_contacts(lines)
    addressees = lines[at].rstrip("：:") if at is not None else ""
    main = map_audience(addressees, extra, known)
    found: dict[str, Found] = {
        "doc_number": doc,
        "title": title,
        "issuer": issuer,
        "issued": issued_found,
        "theme": find_theme(body),
    }
    doubts = {k: f.doubt for k, f in found.items() if f.doubt}
    if contacts.doubt:
        doubts["contacts"] = contacts.doubt
    if not addressees:
        doubts["categories"] = "未找到主送单位，请指定报送单位"
    elif main.unknown:
        doubts["categories"] = f"主送中的“{'、'.join(main.unknown)}”未对应到类别，请确认"
    year, year_doubt = _year(doc.value, issued, body, today)
    running = unwrap(lines[at + 1 :] if at is not None else lines)
    reqs = read_requirements(running, year)
    forms_elsewhere(running, reqs)
    for r in reqs:
        _who(r, main, extra, known)
        _settle(r, year, issued, year_doubt)
    if not reqs:
        doubts["requirements"] = "未找到设定报送时限的句子，请手工添加报送事项"
    sources = {k: f.source for k, f in found.items() if f.source}
    if contacts.source:
        sources["contacts"] = contacts.source
    return NoticeDraft(
        title=title.value,
        doc_number=doc.value,
        issuer=issuer.value,
        issued_on=issued,
        theme=found["theme"].value,
        contacts=contacts.contacts,
        addressees=addressees,
        categories=main.categories,
        unknown_phrases=main.unknown,
        requirements=reqs,
        doubts=doubts,
        sources=sources,
    )
