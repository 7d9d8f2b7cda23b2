"""Notice files (TOML): a notice, its requirements and who must report, written by hand."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from tracker.domain.dates import parse_date
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.forms import Form, parse_forms
from tracker.domain.records import Contact, NoticeSpec, RequirementSpec
from tracker.domain.text import normalize_name

NOTICE_KEYS = {"doc_number", "title", "issuer", "issued", "theme", "note", "contacts"}
REQUIREMENT_KEYS = {"title", "deadline", "forms", "categories", "units", "note"}


_TOML_WORDS = (
    ("Invalid date or datetime", "日期不存在或写法不对（应写成 2023-06-27）"),
    ("Invalid value", '取值写法不对（文字请加英文双引号，例如 title = "通知"）'),
    ("Illegal character", "有不允许的字符（文字是否少了结尾的双引号？）"),
    ("Cannot overwrite a value", "同一个字段写了两次"),
    ("Expected ']' at the end of a table declaration", "段名缺少“]”"),
)
_TOML_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")
YEARS = range(2000, 2100)  # a date outside is a typo (3023, 1923), not a real deadline


def toml_problem(message: str) -> str:
    """tomllib's English message, said in Chinese with the line and column."""
    what = next((zh for en, zh in _TOML_WORDS if message.startswith(en)), message)
    where = _TOML_WHERE.search(message)
    if where and where.group(1):
        return f"第{where.group(1)}行第{where.group(2)}列{what}"
    return f"文件末尾{what}" if where else what


def _date(value: Any, where: str, problems: list[str], default_year: int | None) -> date | None:
    if value is None:
        problems.append(f"{where}：缺少日期")
        return None
    try:
        day = parse_date(value, default_year=default_year)
    except ValidationError as exc:
        problems.append(f"{where}：{exc}")
        return None
    if day.year not in YEARS:
        problems.append(f"{where}：日期 {day.isoformat()} 的年份不合理，请检查")
        return None
    return day


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
    return tuple(
        Contact(str(c.get("name", "")), str(c.get("phone", "")), str(c.get("email", "")))
        for c in raw
    )


def _requirement(i: int, raw: Any, problems: list[str], year: int | None) -> RequirementSpec | None:
    where = f"第{i}个 [[requirements]]"
    if not isinstance(raw, dict):
        problems.append(f"{where}：格式不对")
        return None
    for key in raw.keys() - REQUIREMENT_KEYS:
        problems.append(f"{where}：不认识的字段“{key}”")
    title = normalize_name(raw.get("title", ""))
    if not title:
        problems.append(f"{where}：缺少 title（报送事项名称）")
    deadline = _date(raw.get("deadline"), f"{where} deadline", problems, year)
    forms = Form.ELECTRONIC
    if "forms" in raw:
        try:
            raw_forms = raw["forms"]
            forms = parse_forms(
                raw_forms
                if isinstance(raw_forms, str)
                else _strings(raw_forms, f"{where} forms", problems)
            )
        except ValidationError as exc:
            problems.append(f"{where} forms：{exc}")
    if not title or deadline is None:
        return None
    return RequirementSpec(
        title=title,
        deadline=deadline,
        forms=forms,
        categories=_strings(raw.get("categories"), f"{where} categories", problems),
        units=_strings(raw.get("units"), f"{where} units", problems),
        note=str(raw.get("note", "")),
    )


def parse_notice_text(text: str, source: str = "通知文件") -> NoticeSpec:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TrackerError(f"{source}不是有效的 TOML：{toml_problem(str(exc))}") from None
    problems: list[str] = []
    notice = data.get("notice")
    if not isinstance(notice, dict):
        raise ValidationError(f"{source}缺少 [notice] 段")
    for key in notice.keys() - NOTICE_KEYS:
        problems.append(f"[notice]：不认识的字段“{key}”")
    title = normalize_name(notice.get("title", ""))
    if not title:
        problems.append("[notice]：缺少 title（通知标题）")
    issued = (
        _date(notice["issued"], "[notice] issued", problems, None) if "issued" in notice else None
    )
    year = issued.year if issued else None
    reqs_raw = data.get("requirements", [])
    if not reqs_raw:
        problems.append("缺少 [[requirements]]（至少一个报送事项）")
    reqs = [_requirement(i, r, problems, year) for i, r in enumerate(reqs_raw, start=1)]
    contacts = _contacts(notice.get("contacts"), problems)
    if problems:
        raise ValidationError(f"{source}有误，未导入", problems)
    return NoticeSpec(
        title=title,
        doc_number=normalize_name(notice.get("doc_number", "")),
        issuer=normalize_name(notice.get("issuer", "")),
        issued_on=issued,
        theme=normalize_name(notice.get("theme", "")),
        body_note=str(notice.get("note", "")),
        contacts=contacts,
        requirements=tuple(r for r in reqs if r is not None),
    )


def read_notice_file(path: Path) -> NoticeSpec:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise TrackerError(f"找不到通知文件：{path}") from None
    except UnicodeDecodeError:
        raise TrackerError(f"通知文件“{path.name}”不是 UTF-8 编码的文本") from None
    return parse_notice_text(text, f"通知文件“{path.name}”")
