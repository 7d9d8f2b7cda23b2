"""How long each text may be: the database's column sizes, checked before a write.

SQLite ignores VARCHAR sizes but PostgreSQL enforces them, so an over-long name must be a
clear message on both, never a server error on one.
"""

from __future__ import annotations

from tracker.domain.dates import EARLIEST, LATEST
from tracker.domain.records import Contact, NoticeSpec, UnitSpec

UNIT_LIMITS: tuple[tuple[str, str, int], ...] = (
    ("name", "单位名称", 200),
    ("category", "类别", 50),
    ("short_name", "简称", 100),
    ("contact_person", "联系人", 100),
    ("phone", "电话", 100),
    ("email", "邮箱", 200),
    ("address", "通讯地址", 500),
)
ALIAS_LIMIT = 200
NOTICE_LIMITS: tuple[tuple[str, str, int], ...] = (
    ("title", "通知标题", 500),
    ("doc_number", "文号", 100),
    ("issuer", "发文单位", 200),
    ("theme", "主题", 500),
)
REQUIREMENT_TITLE_LIMIT = 300
REQUIREMENTS_LIMIT = 200  # a notice asks for a handful; 20,000 took an hour to write
UNITS_NAMED_LIMIT = 10_000  # units named in one requirement (a roster holds at most 10,000)
CONTACT_LIMITS: tuple[tuple[str, str, int], ...] = (
    ("name", "联系人", 100),
    ("phone", "电话", 100),
    ("email", "邮箱", 200),
)


def _over(label: str, value: str, limit: int) -> str | None:
    if len(value) <= limit:
        return None
    return f"{label}过长（{len(value)}个字，最多{limit}个字）：“{value[:20]}…”"


def unit_problems(spec: UnitSpec) -> list[str]:
    found = [_over(label, getattr(spec, f), n) for f, label, n in UNIT_LIMITS]
    found += [_over("别名", a, ALIAS_LIMIT) for a in spec.aliases]
    found.append(sort_order_problem(spec.sort_order))
    return [p for p in found if p]


def contact_problems(contact: Contact) -> list[str]:
    found = [_over(label, getattr(contact, f), n) for f, label, n in CONTACT_LIMITS]
    return [p for p in found if p]


def notice_problems(spec: NoticeSpec) -> list[str]:
    if len(spec.requirements) > REQUIREMENTS_LIMIT:  # said alone: the rest would be thousands
        return [f"报送事项过多（{len(spec.requirements):,}项，最多{REQUIREMENTS_LIMIT}项）"]
    found = [_over(label, getattr(spec, f), n) for f, label, n in NOTICE_LIMITS]
    found += [
        f"报送事项“{r.title[:20]}”列出的单位过多（{len(r.units):,}个，最多{UNITS_NAMED_LIMIT:,}个）"
        for r in spec.requirements
        if len(r.units) > UNITS_NAMED_LIMIT
    ]
    found += [_over("报送事项名称", r.title, REQUIREMENT_TITLE_LIMIT) for r in spec.requirements]
    problems = [p for p in found if p]
    for contact in spec.contacts:
        problems += contact_problems(contact)
    dates = [("发文日期", spec.issued_on)]
    dates += [(f"报送事项“{r.title[:20]}”的时限", r.deadline) for r in spec.requirements]
    for label, day in dates:
        if day is not None and not EARLIEST <= day <= LATEST:
            problems.append(
                f"{label} {day.isoformat()} 的年份不合理"
                f"（应在 {EARLIEST.year} 至 {LATEST.year} 之间）"
            )
    return problems


ATTACHMENT_LIMIT = 2**31 - 1  # submission_files.size is an INTEGER on PostgreSQL
SORT_ORDER_RANGE = (-999_999, 999_999)  # 排序: a small whole number (PostgreSQL INTEGER anyway)
CATEGORY_LIMIT = 50
HOLIDAY_NAME_LIMIT = 50
LETTER_PREFIX_LIMIT = 100  # letter_sequences.prefix
LETTER_NUMBER_LIMIT = 100  # reminders.letter_number
ADDRESSEE_LIMIT = 300  # letters.addressee
OFFICE_TEXT_LIMIT = 200  # names, phone, address … in the office settings
LETTER_TEXT_LIMIT = 10_000  # the letter bodies and closing, and a template given as a file
BULLETIN_TEXT_LIMIT = 500  # bulletins.title and bulletins.addressee
_NUMBER_MARKS = (
    "〔〕[]【】()（）号"  # a prefix holding these would break the number 津标函〔2023〕3号
)
_LETTER_TEXTS = {"letter_body", "letter_body_group", "letter_closing", "bulletin_body"}


_OFFICE_LABELS = {
    "office_name": "处室名称", "sender_name": "发文机关", "signer": "落款",
    "contact_person": "联系人", "contact_phone": "联系电话", "contact_email": "电子邮箱",
    "postal_address": "通讯地址", "letter_prefix": "发文字号前缀", "letter_body": "催报函正文",
    "letter_body_group": "按类别催报函正文", "letter_closing": "结束语", "short_name": "自称",
    "bulletin_prefix": "通报的发文字号前缀", "bulletin_masthead": "发文机关标志",
    "bulletin_printer": "印发机关", "bulletin_copy_to": "抄送", "bulletin_body": "通报正文",
}  # fmt: skip


def sort_order_problem(value: object) -> str | None:
    low, high = SORT_ORDER_RANGE
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return f"排序“{value}”应为 {low} 到 {high} 之间的整数"
    return None


def letter_prefix_problems(prefix: str) -> list[str]:
    found = [p for p in (_over("发文字号前缀", prefix, LETTER_PREFIX_LIMIT),) if p]
    marks = sorted({ch for ch in prefix if ch in _NUMBER_MARKS})
    if marks:
        found.append(
            f"发文字号前缀“{prefix[:30]}”不能含有{'、'.join(marks)}：年份的〔〕和“号”由程序添加"
            "（前缀写成“津市场监管标准函”即可）"
        )
    return found


def office_problems(settings: object) -> list[str]:
    """Every over-long text of the office settings, and a prefix that would break numbers."""
    from dataclasses import fields

    found: list[str] = []
    for f in fields(settings):  # type: ignore[arg-type]
        value = getattr(settings, f.name)
        if not isinstance(value, str):
            continue
        limit = LETTER_TEXT_LIMIT if f.name in _LETTER_TEXTS else OFFICE_TEXT_LIMIT
        problem = _over(_OFFICE_LABELS.get(f.name, f.name), value, limit)
        if problem:
            found.append(problem)
    found += letter_prefix_problems(str(getattr(settings, "letter_prefix", "")))
    return found + letter_prefix_problems(str(getattr(settings, "bulletin_prefix", "")))


def template_problem(template: str, what: str = "正文模板") -> str | None:
    """A body template from a file is held to the settings' limit (a 5 MB one took minutes)."""
    if len(template) <= LETTER_TEXT_LIMIT:
        return None
    return f"{what}过长（{len(template):,}个字，最多{LETTER_TEXT_LIMIT:,}个字），不像是正文模板"
