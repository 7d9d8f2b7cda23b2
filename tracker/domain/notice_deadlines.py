"""Every sentence of a notice that sets a deadline → one requirement per deadline.

``于10月27日前``, ``6月27日前提供``, ``截止10月10日``; two deadlines in one sentence give two
requirements; a table row (cells split by tabs) is a sentence of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from tracker.domain.forms import Form
from tracker.domain.notice_text import to_date
from tracker.domain.text import normalize_name

_CN_DIGIT = "〇零○一二三四五六七八九"
_CN_SMALL = "一二三四五六七八九十"
_DATE = re.compile(
    rf"(?:(\d{{4}}|[{_CN_DIGIT}]{{4}})\s*年\s*)?(\d{{1,2}}|[{_CN_SMALL}]{{1,3}})\s*月\s*"
    rf"(\d{{1,2}}|[{_CN_SMALL}]{{1,3}})\s*[日号]"
)
_BEFORE_WORDS = re.compile(
    r"(?:截止|截至|不晚于|最迟|最晚)(?:到|至|于|日期|时间)?(?:为|是)?[:：]?\s*$"
)
_AFTER_WORDS = re.compile(
    r"^\s*(?:[(（][^)）]{0,8}[)）])?\s*(?:\d{1,2}[:：]\d{2}|\d{1,2}时|下班)?\s*"
    r"(?:前|之前|以前|止|为止)"
)
_SENTENCE_END = re.compile(r"[。；;！!？\n]")
_VERBS = re.compile(
    r"^[，,、：:\s\t]*(?:请|并|须|需|务必)?\s*(?:将|把)?\s*"
    r"(?:提供|提交|报送|上报|报来|报至|报|送交|寄送|发送|填报|交)?\s*(?:的)?"
)
_STOP = re.compile(
    r"[（(，,；;。：:\t]|以及|及相关|和相关|并附|电子版|电子稿|电子文档|纸质|盖章|加盖|一式|"
    r"报送|上报|报市|报至|报给|报区|发送|送至|发至|各一份|原件|扫描件|至邮箱|邮箱|正式"
)
_DESTINATION = re.compile(r"(委|局|处|科|办|邮箱|中心|院)$")
_ENUMERATOR = re.compile(
    r"^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])\s*"
)
_FORMS_ONLY = re.compile(
    r"电子版|电子稿|电子文档|电子|纸质版|纸质稿|纸质|加盖公章|盖章|公章|佐证材料|的|及|和|、|"
    r"各一份|一份|材料|[\s，,。]"
)
_SUBJECT = re.compile(
    r"^(?:请|并|同时|另外)?\s*((?:各|有关|相关|市|区|县|专业|在津|全市|你)[^，,。；：:]*?)"
    r"(?=于|在|要|应|需|须|务必|按|结合|将|请|及时|积极|认真|提供|报送|截止|$)"
)
_FORM_WORDS: tuple[tuple[str, Form], ...] = (
    ("电子", Form.ELECTRONIC),
    ("邮箱", Form.ELECTRONIC),
    ("纸质", Form.PAPER),
    ("盖章", Form.SEAL),
    ("公章", Form.SEAL),
    ("正式报送", Form.SEAL),
    ("正式文件", Form.SEAL),  # a formal document bears the unit's seal
    ("正式行文", Form.SEAL),
    ("佐证", Form.EVIDENCE),
    ("图片", Form.EVIDENCE),
    ("照片", Form.EVIDENCE),
    ("视频", Form.EVIDENCE),
)


@dataclass(frozen=True, slots=True)
class DeadlineHit:
    start: int
    end: int
    day: date


@dataclass(slots=True)
class RequirementDraft:
    """One requirement as read; ``doubts`` maps a field name to why the clerk should check it."""

    title: str
    deadline: date
    forms: Form
    categories: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    subject: str = ""  # the sentence's subject, e.g. 各县（市、区）局 ("" = the 主送)
    sentence: str = ""
    note: str = ""
    doubts: dict[str, str] = field(default_factory=dict)


def sentences(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        out += [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]
    return out


def deadlines_in(sentence: str, year: int) -> list[DeadlineHit]:
    hits: list[DeadlineHit] = []
    for m in _DATE.finditer(sentence):
        before, after = sentence[max(0, m.start() - 8) : m.start()], sentence[m.end() :]
        tail = _AFTER_WORDS.match(after)
        lead = _BEFORE_WORDS.search(before)
        if not (tail or lead):
            continue
        day = to_date(m[1] or str(year), m[2], m[3])
        start = m.start() - (len(before) - lead.start() if lead else 0)
        if day is not None:
            hits.append(DeadlineHit(start, m.end() + (tail.end() if tail else 0), day))
    return hits


def forms_in(text: str) -> Form:
    found = Form.NONE
    for word, form in _FORM_WORDS:
        if word in text:
            found |= form
    return found


def _clip(text: str) -> str:
    text = _VERBS.sub("", text, count=1)
    m = re.match(r"《([^》]{2,80})》", text)
    if m:
        return normalize_name(m[1])
    stop = _STOP.search(text)
    title = (text[: stop.start()] if stop else text).strip(" 的")
    title = normalize_name(title)
    return "" if _FORMS_ONLY.sub("", title) == "" or _DESTINATION.search(title) else title


def _title_before(before: str) -> str:
    m = re.search(r"《([^》]{2,80})》", before)
    if m:
        return normalize_name(m[1])
    clauses = [c for c in re.split(r"[，,；;：:\t]", _ENUMERATOR.sub("", before)) if c.strip()]
    for clause in reversed(clauses):
        text = re.sub(r"(?:请|并)?\s*(?:于|在)?\s*$", "", clause.strip())
        if text and not _SUBJECT.match(text) and not re.fullmatch(r"[\d\s]+", text):
            return _clip(text) or normalize_name(text)
    return ""


# How far from a deadline its title and subject are looked for: a real sentence is ~200
# characters; without a bound every deadline re-read all the text before it (20,000 characters
# of "6月27日前" took 11 s, a 2-million-character file hours).
WINDOW = 400


def title_of(sentence: str, hit: DeadlineHit, next_start: int) -> str:
    after = sentence[hit.end : min(next_start, hit.end + WINDOW)]
    title = _clip(after) if after.strip() else ""
    return title or _title_before(sentence[max(0, hit.start - WINDOW) : hit.start])


def subject_of(text_before: str) -> str:
    """The nearest clause before the deadline that starts with a subject (请各区市场监管局…)."""
    clauses = re.split(r"[，,；;：:]", _ENUMERATOR.sub("", text_before))
    for clause in reversed(clauses):
        m = _SUBJECT.match(clause.strip())
        if m and m[1].strip():
            return normalize_name(m[1])
    return ""


def read_requirements(lines: list[str], year: int) -> list[RequirementDraft]:
    """The raw requirements, forms and subjects from their own sentence only."""
    found: list[RequirementDraft] = []
    for sentence in sentences(lines):
        hits = deadlines_in(sentence, year)
        for i, hit in enumerate(hits):
            nxt = hits[i + 1].start if i + 1 < len(hits) else len(sentence)
            since = 0 if i == 0 else hits[i - 1].end
            lead = sentence[max(since, hit.start - WINDOW) : hit.start]
            title = title_of(sentence, hit, nxt)
            doubts: dict[str, str] = {}
            if not title:
                title = "报送材料"
                doubts["title"] = "句中未写明报送什么，请补上"
            found.append(
                RequirementDraft(
                    title=title,
                    deadline=hit.day,
                    forms=forms_in(lead + sentence[hit.start : min(nxt, hit.end + WINDOW)]),
                    subject=subject_of(sentence[max(0, hit.start - WINDOW) : hit.start]),
                    sentence=sentence,
                    doubts=doubts,
                )
            )
    return _unique(found)


def _unique(found: list[RequirementDraft]) -> list[RequirementDraft]:
    seen: set[tuple[str, date]] = set()
    out: list[RequirementDraft] = []
    for r in found:
        if (r.title, r.deadline) not in seen:
            seen.add((r.title, r.deadline))
            out.append(r)
    return out


def forms_elsewhere(lines: list[str], reqs: list[RequirementDraft]) -> None:
    """A sentence without a deadline that says how things are sent (``6月和11月两次总结材料均
    正式（加盖公章）报送…邮箱``) adds its forms to the requirements of the months it names, or
    to all when it names none but says 均/上述/以上."""
    for sentence in sentences(lines):
        if _DATE.search(sentence) and deadlines_in(sentence, 2000):
            continue
        forms = forms_in(sentence)
        if not forms or not re.search(r"报送|提交|提供|报", sentence):
            continue
        months = {int(m) for m in re.findall(r"(\d{1,2})\s*月", sentence)}
        if months:
            targets = [r for r in reqs if r.deadline.month in months]
        elif re.search(r"均|上述|以上|所有|全部", sentence):
            targets = list(reqs)
        else:
            continue
        for r in targets:
            if forms & ~r.forms:
                r.forms |= forms
                r.doubts["forms"] = f"报送形式参考了另一句：“{sentence[:60]}”"
