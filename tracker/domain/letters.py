"""What a 催报函 says: its parts as plain data, and the body filled from an editable template.

Placeholders are ``{name}``; the list is ``PLACEHOLDERS``. Anything else in braces is kept as
typed, and values are inserted as plain text (never parsed as markup), so ``<``, ``&`` or a
brace in a unit name cannot change a letter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from tracker.domain.dates import format_cn
from tracker.domain.errors import ValidationError
from tracker.domain.forms import Form, members

PLACEHOLDERS: dict[str, str] = {
    "intro": "缘由：某机关于某日印发《通知》（文号），要求于某日前报送某事项（多个通知时概括）",
    "unit": "主送单位（按单位发函时为单位全称，按类别发函时如“各区市场监管局”）",
    "notice": "原通知：《标题》（文号）",
    "notice_title": "原通知标题",
    "notice_number": "原通知文号",
    "notice_issuer": "原通知的发文机关",
    "notice_issued": "原通知印发日期",
    "items": "报送事项名称",
    "missing": "尚缺的材料（如“阶段性总结的加盖公章的纸质版”）",
    "item_list": "逐项列出所缺材料及原定时限（单独成行时每项一段）",
    "original_deadline": "原定报送时限",
    "new_deadline": "补报时限（发函日期后若干个工作日）",
    "as_of": "统计截止日期",
    "letter_date": "发函日期",
    "count": "未报送单位数（按类别发函时）",
    "send_to": "报送方式（电子版发送邮箱、纸质版送达地址）",
    "office_name": "承办处室",
    "sender_name": "发文机关",
    "short_name": "自称（如“我委”“我局”，办公室设置中填写）",
    "contact_person": "联系人",
    "contact_phone": "联系电话",
    "contact_email": "电子邮箱",
    "postal_address": "通信地址",
    "closing": "结语（办公室设置中的“结语”）",
}
# The name a clerk types for each placeholder; the English names keep working (templates
# saved before, scripts).
CHINESE_NAMES: dict[str, str] = {
    "intro": "缘由",
    "unit": "单位",
    "notice": "原通知",
    "notice_title": "通知标题",
    "notice_number": "通知文号",
    "notice_issuer": "原发文机关",
    "notice_issued": "印发日期",
    "items": "报送事项",
    "missing": "所缺材料",
    "item_list": "材料清单",
    "original_deadline": "截止日期",
    "new_deadline": "补报时限",
    "as_of": "统计日期",
    "letter_date": "发函日期",
    "count": "单位数",
    "send_to": "报送方式",
    "office_name": "承办处室",
    "sender_name": "本单位名称",
    "short_name": "自称",
    "contact_person": "联系人",
    "contact_phone": "联系电话",
    "contact_email": "电子邮箱",
    "postal_address": "通信地址",
    "closing": "结语",
}
_BY_CHINESE = {cn: en for en, cn in CHINESE_NAMES.items()}
# {english_name} (an unknown one is an error) or a known {中文名}; other braces stay as typed.
_FIELD = re.compile(r"\{([A-Za-z_]+|" + "|".join(map(re.escape, _BY_CHINESE)) + r")\}")


def placeholder_key(name: str) -> str:
    """The placeholder's English key, from either of its names."""
    return _BY_CHINESE.get(name, name)


def is_item_list_line(line: str) -> bool:
    return line in ("{item_list}", "{材料清单}")


@dataclass(frozen=True, slots=True)
class LetterItem:
    """One obligation a letter chases: what the unit still owes, and by when it was due."""

    obligation_id: int
    unit_id: int
    unit_name: str
    category: str
    notice_id: int
    notice_title: str
    notice_number: str
    notice_issuer: str
    notice_issued: date | None
    requirement_id: int
    requirement_title: str
    deadline: date  # the effective one (after any extension)
    required: Form
    missing: Form
    days_overdue: int
    set_deadline: date | None = None  # the requirement's own deadline (None: ``deadline``)

    @property
    def asked_by(self) -> date:
        """The deadline the notice set, whatever one unit was granted since."""
        return self.set_deadline or self.deadline


@dataclass(frozen=True, slots=True)
class NameListItem:
    """One item a unit owes, as its 名单 row shows it."""

    title: str
    missing: str  # 电子版、加盖公章
    deadline: str  # the notice's: 2023年10月10日
    extended_to: str = ""  # the unit's extension (10月25日; with the year when another)


@dataclass(frozen=True, slots=True)
class NameListRow:
    unit: str
    items: str
    missing: str
    deadline: str
    owed: tuple[NameListItem, ...] = ()  # item by item (the PDF sets one sub-row each)


@dataclass(frozen=True, slots=True)
class LetterContent:
    """Everything printed on one letter, as final text."""

    sender_name: str
    number: str
    title: str
    addressee: str  # 主送, without the colon
    paragraphs: tuple[str, ...]
    attachments: tuple[str, ...]
    signer: str
    letter_date: date
    contact_line: str
    has_seal: bool
    name_list: tuple[NameListRow, ...] = ()
    name_list_title: str = "未报送单位名单"
    title_words: tuple[str, ...] = ()  # never broken inside (notice topics, requirement titles)
    sample: bool = False  # 样稿: a preview, marked on every page, the number left blank


def fill_template(template: str, values: Mapping[str, str]) -> str:
    """Replace ``{name}`` placeholders; an unknown one is an error naming it."""
    found = {placeholder_key(m.group(1)) for m in _FIELD.finditer(template)}
    unknown = sorted(found - set(PLACEHOLDERS))
    if unknown:
        known = "、".join("{" + CHINESE_NAMES.get(k, k) + "}" for k in PLACEHOLDERS)
        names = "、".join("{" + u + "}" for u in unknown)
        raise ValidationError(f"模板中有无法识别的占位符：{names}。可用：{known}")
    return _FIELD.sub(lambda m: values.get(placeholder_key(m.group(1)), ""), template)


def body_paragraphs(
    template: str, values: Mapping[str, str], item_lines: Sequence[str]
) -> list[str]:
    """The filled body, one string per paragraph. A line that is only ``{item_list}`` becomes
    one paragraph per item; elsewhere ``{item_list}`` joins them with ；."""
    paragraphs: list[str] = []
    joined = dict(values, item_list="；".join(line.rstrip("。；") for line in item_lines))
    for raw in template.splitlines():
        line = raw.strip()
        if is_item_list_line(line):
            paragraphs.extend(item_lines)
        elif line:
            paragraphs.append(fill_template(line, joined).strip())
    return [p for p in paragraphs if p]


def join_distinct(values: Sequence[str], sep: str = "、") -> str:
    return sep.join(dict.fromkeys(v for v in values if v))


def missing_phrase(item: LetterItem) -> str:
    """阶段性总结的加盖公章的纸质版和佐证材料 — what is still owed for one item."""
    parts = [_form_phrase(f) for f in members(missing_forms(item))] or ["材料"]
    if len(parts) > 1:
        parts = ["、".join(parts[:-1]), parts[-1]]
    return f"{item.requirement_title}的{'和'.join(parts)}"


def _form_phrase(form: Form) -> str:
    return {
        Form.ELECTRONIC: "电子版",
        Form.PAPER: "纸质版",
        Form.SEAL: "加盖公章的纸质版",
        Form.EVIDENCE: "佐证材料",
    }[form]


def missing_forms(item: LetterItem) -> Form:
    """The seal implies paper: a missing seal is a missing sealed paper copy."""
    forms = item.missing
    if forms & Form.SEAL and forms & Form.PAPER:
        forms = Form(int(forms) & ~int(Form.PAPER))
    return forms


def item_line(n: int | None, item: LetterItem, source: str = "") -> str:
    """``1. 阶段性总结：…（原定时限…）。``; ``n`` None for a letter chasing one item (no ``1.``,
    no deadline unless extended: the 缘由 states it);
    ``source`` tells items of the same title apart (the notice's number)."""
    what = "、".join(_form_phrase(f) for f in members(missing_forms(item))) or "材料"
    lead = f"{n}. " if n is not None else ""
    when = f"（{deadline_phrase(item)}）"
    if n is None and item.deadline == item.asked_by:
        when = ""  # one item: the 缘由 has just said its deadline
    return f"{lead}{source}{item.requirement_title}：{what}{when}。"


def deadline_phrase(item: LetterItem) -> str:
    """原定时限2023年6月27日, or with the extension the unit was granted."""
    text = f"原定时限{format_cn(item.asked_by)}"
    if item.deadline != item.asked_by:
        text += f"，已延期至{format_cn(item.deadline)}"
    return text


def notice_ref(item: LetterItem) -> str:
    number = f"（{item.notice_number}）" if item.notice_number else ""
    return f"《{cited_title(item.notice_title)}》{number}"


def cited_title(title: str) -> str:
    """A title to set inside 《》: its own 《》 become 〈〉 (GB/T 15834: 书名号里边还要用书名号时，
    外面一层用双书名号，里边一层用单书名号) — 《关于印发〈…方案〉的通知》."""
    return title.replace("《", "〈").replace("》", "〉")


def send_to(missing: Form, email: str, address: str, office: str) -> str:
    """How to send: e-mail for electronic copies, post or in person for paper ones."""
    parts = []
    if missing & Form.ELECTRONIC or missing & Form.EVIDENCE:
        parts.append(f"电子版发送至{email}" if email else "电子版通过电子邮件报送")
    if missing & (Form.PAPER | Form.SEAL):
        where = address or office
        parts.append(f"纸质版寄送或送至{where}" if where else "纸质版寄送或当面报送")
    return "，".join(parts) + "。" if parts else ""
