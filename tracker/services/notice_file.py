"""Notice files (TOML): a notice, its requirements and who must report, written by hand.

Every field's type is checked and a wrong one is named (``title = 5``, a contact whose name is
a table, forms that are a number): a file is imported whole or refused with every problem.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from tracker.domain.dates import parse_date
from tracker.domain.errors import ValidationError
from tracker.domain.forms import Form, parse_forms
from tracker.domain.records import Contact, NoticeSpec, RequirementSpec
from tracker.domain.text import normalize_name
from tracker.services.text_files import parse_toml, read_text_file
from tracker.services.text_files import toml_problem as toml_problem

NOTICE_KEYS = {"doc_number", "title", "issuer", "issued", "theme", "note", "contacts"}
REQUIREMENT_KEYS = {"title", "deadline", "forms", "categories", "units", "note"}
CONTACT_KEYS = {"name", "phone", "email"}
_TYPE_NAMES = {int: "数字", float: "数字", bool: "true/false", list: "列表", dict: "表"}


def _kind(value: Any) -> str:
    if isinstance(value, date):
        return "日期"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _text(raw: dict[str, Any], key: str, where: str, problems: list[str], *, lines: bool = False,
          numbers: bool = False) -> str:  # fmt: skip
    """A text field: absent → "", a string → itself (normalised), else a problem."""
    value = raw.get(key)
    if value is None:
        return ""
    if numbers and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # phone = 2055997
    if not isinstance(value, str):
        problems.append(
            f'{where} {key}：应为文字（加英文双引号，如 {key} = "…"），而不是{_kind(value)}'
        )
        return ""
    return value.strip() if lines else normalize_name(value)


def _date(value: Any, where: str, problems: list[str], default_year: int | None) -> date | None:
    if value is None:
        problems.append(f"{where}：缺少日期")
        return None
    if not isinstance(value, str | date):
        problems.append(f'{where}：应为日期（如 2023-06-27 或 "6月27日"），而不是{_kind(value)}')
        return None
    try:
        return parse_date(value, default_year=default_year)
    except ValidationError as exc:
        problems.append(f"{where}：{exc}")
        return None


def _strings(value: Any, where: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f'{where}：应为文字列表，例如 ["区局", "标委会"]')
        return ()
    return tuple(normalize_name(v) for v in value if normalize_name(v))


def _contacts(raw: Any, problems: list[str]) -> tuple[Contact, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(c, dict) for c in raw):
        problems.append('[notice] contacts：应为 [{ name = "…", phone = "…" }] 形式的列表')
        return ()
    found = []
    for i, c in enumerate(raw, start=1):
        where = f"[notice] contacts 第{i}个"
        problems.extend(f"{where}：不认识的字段“{k}”" for k in c.keys() - CONTACT_KEYS)
        name = _text(c, "name", where, problems)
        phone = _text(c, "phone", where, problems, numbers=True)
        found.append(Contact(name, phone, _text(c, "email", where, problems)))
    return tuple(found)


def _forms(raw: dict[str, Any], where: str, problems: list[str]) -> Form:
    if "forms" not in raw:
        return Form.ELECTRONIC
    value = raw["forms"]
    try:
        return parse_forms(value if isinstance(value, str) else _strings(value, f"{where} forms",
                                                                         problems))  # fmt: skip
    except ValidationError as exc:
        problems.append(f"{where} forms：{exc}")
        return Form.ELECTRONIC


def _requirement(i: int, raw: Any, problems: list[str], year: int | None) -> RequirementSpec | None:
    where = f"第{i}个 [[requirements]]"
    if not isinstance(raw, dict):
        problems.append(f"{where}：格式不对")
        return None
    for key in raw.keys() - REQUIREMENT_KEYS:
        problems.append(f"{where}：不认识的字段“{key}”")
    title = _text(raw, "title", where, problems)
    if not title and isinstance(raw.get("title", ""), str):
        problems.append(f"{where}：缺少 title（报送事项名称）")
    deadline = _date(raw.get("deadline"), f"{where} deadline", problems, year)
    forms = _forms(raw, where, problems)
    categories = _strings(raw.get("categories"), f"{where} categories", problems)
    units = _strings(raw.get("units"), f"{where} units", problems)
    note = _text(raw, "note", where, problems, lines=True)
    if not title or deadline is None:
        return None
    return RequirementSpec(title, deadline, forms, categories, units, note)


def parse_notice_text(text: str, source: str = "通知文件") -> NoticeSpec:
    data = parse_toml(text, source)
    problems: list[str] = []
    notice = data.get("notice")
    if not isinstance(notice, dict):
        raise ValidationError(f"{source}缺少 [notice] 段")
    for key in notice.keys() - NOTICE_KEYS:
        problems.append(f"[notice]：不认识的字段“{key}”")
    title = _text(notice, "title", "[notice]", problems)
    if not title and isinstance(notice.get("title", ""), str):
        problems.append("[notice]：缺少 title（通知标题）")
    issued = (
        _date(notice["issued"], "[notice] issued", problems, None) if "issued" in notice else None
    )
    year = issued.year if issued else None
    reqs_raw = data.get("requirements", [])
    if not isinstance(reqs_raw, list):
        problems.append("requirements：应写成一个或多个 [[requirements]] 段")
        reqs_raw = []
    if not reqs_raw:
        problems.append("缺少 [[requirements]]（至少一个报送事项）")
    reqs = [_requirement(i, r, problems, year) for i, r in enumerate(reqs_raw, start=1)]
    contacts = _contacts(notice.get("contacts"), problems)
    spec_fields = {
        k: _text(notice, k, "[notice]", problems) for k in ("doc_number", "issuer", "theme")
    }
    note = _text(notice, "note", "[notice]", problems, lines=True)
    if problems:
        raise ValidationError(f"{source}有误，未导入", list(dict.fromkeys(problems)))
    return NoticeSpec(
        title=title,
        doc_number=spec_fields["doc_number"],
        issuer=spec_fields["issuer"],
        issued_on=issued,
        theme=spec_fields["theme"],
        body_note=note,
        contacts=contacts,
        requirements=tuple(r for r in reqs if r is not None),
    )


def read_notice_file(path: Path) -> NoticeSpec:
    path = Path(path)
    text = read_text_file(path, "通知文件")
    return parse_notice_text(text, f"通知文件“{path.name}”")
