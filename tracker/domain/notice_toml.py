"""A drafted notice written as the TOML ``tracker notice add`` takes, a comment on each doubt."""

from __future__ import annotations

import json

from tracker.domain.forms import form_labels
from tracker.domain.notice_deadlines import RequirementDraft
from tracker.domain.notice_draft import NoticeDraft

DOUBT = "待核对"


def toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def _list(values: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(toml_string(v) for v in values) + "]"


def _line(key: str, value: str, doubt: str = "") -> str:
    text = f"{key} = {value}"
    return f"{text}  # {DOUBT}：{doubt}" if doubt else text


def _one_line(text: str, limit: int = 90) -> str:
    """For a comment: one line of printable text (TOML allows no control character there)."""
    text = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _requirement(r: RequirementDraft) -> list[str]:
    d = r.doubts
    out = ["", "[[requirements]]"]
    if r.sentence:
        out.append(f"# 原文：{_one_line(r.sentence)}")
    out.append(_line("title", toml_string(r.title), d.get("title", "")))
    out.append(_line("deadline", r.deadline.isoformat(), d.get("deadline", "")))
    out.append(_line("forms", _list(form_labels(r.forms)), d.get("forms", "")))
    cats = d.get("categories", "" if r.categories else "没有对应到类别，请指定 categories 或 units")
    out.append(_line("categories", _list(r.categories), cats))
    if r.units:
        out.append(_line("units", _list(r.units)))
    if r.note:
        out.append(_line("note", toml_string(r.note)))
    return out


def draft_to_toml(draft: NoticeDraft, source: str = "") -> str:
    d = draft.doubts
    out: list[str] = []
    if source:
        out.append(f"# 由“{source}”读出的通知草稿。标有“{DOUBT}”的值请核对后再导入。")
    if draft.addressees:
        out.append(f"# 主送：{_one_line(draft.addressees)}")
    if "categories" in d:
        out.append(f"# {DOUBT}：{d['categories']}（可用 tracker notice audience 说法=类别 设定）")
    out += ["[notice]"]
    out.append(_line("doc_number", toml_string(draft.doc_number), d.get("doc_number", "")))
    out.append(_line("title", toml_string(draft.title), d.get("title", "")))
    out.append(_line("issuer", toml_string(draft.issuer), d.get("issuer", "")))
    if draft.issued_on:
        out.append(_line("issued", draft.issued_on.isoformat(), d.get("issued", "")))
    else:
        out.append(f"# issued = 2023-06-05  # {DOUBT}：{d.get('issued', '未找到成文日期')}")
    if draft.theme:
        out.append(_line("theme", toml_string(draft.theme)))
    if draft.contacts:
        items = ",\n".join(
            f"  {{ name = {toml_string(c.name)}, phone = {toml_string(c.phone)}, "
            f"email = {toml_string(c.email)} }}"
            for c in draft.contacts
        )
        note = f"  # {DOUBT}：{d['contacts']}" if "contacts" in d else ""
        out.append(f"contacts = [{note}\n{items},\n]")
    elif "contacts" in d:
        out.append(f"# contacts：{d['contacts']}")
    if "requirements" in d:
        out.append(f"# {DOUBT}：{d['requirements']}")
    for r in draft.requirements:
        out += _requirement(r)
    return "\n".join(out) + "\n"
