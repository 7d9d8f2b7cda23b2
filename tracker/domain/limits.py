"""How long each text may be: the database's column sizes, checked before a write.

SQLite ignores VARCHAR sizes but PostgreSQL enforces them, so an over-long name must be a
clear message on both, never a server error on one.
"""

from __future__ import annotations

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
    return [p for p in found if p]


def contact_problems(contact: Contact) -> list[str]:
    found = [_over(label, getattr(contact, f), n) for f, label, n in CONTACT_LIMITS]
    return [p for p in found if p]


def notice_problems(spec: NoticeSpec) -> list[str]:
    found = [_over(label, getattr(spec, f), n) for f, label, n in NOTICE_LIMITS]
    found += [_over("报送事项名称", r.title, REQUIREMENT_TITLE_LIMIT) for r in spec.requirements]
    problems = [p for p in found if p]
    for contact in spec.contacts:
        problems += contact_problems(contact)
    return problems
