"""Which unit sent a received file, for which requirement, in which forms: pure matching.

A proposal is ``matched`` only when one unit and one requirement are found without conflict;
two candidates make it ``ambiguous``, none ``unmatched``. Nothing here guesses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tracker.domain.forms import Form, format_forms
from tracker.domain.intake_kinds import kind_of
from tracker.domain.notice_text import DOC_NUMBER, normalize_doc_number
from tracker.domain.search import pinyin_keys

MATCHED, AMBIGUOUS, UNMATCHED = "matched", "ambiguous", "unmatched"
_FIELD = re.compile(
    r"(?:报送|填报|报名|申报)?单位(?:名称)?\s*(?:[(（]\s*(?:盖章|公章)\s*[)）])?\s*[:：]\s*(.+)"
)
_GENERIC = re.compile(r"总结|材料|情况|报告|工作|相关|有关|的|及|和|以及|电子版|纸质版")
_ASCII_WORD = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True, slots=True)
class UnitKey:
    unit_id: int
    name: str
    keys: tuple[str, ...]  # full name, short name, aliases
    initials: tuple[str, ...]  # pinyin initials of those, lower case


@dataclass(frozen=True, slots=True)
class OpenItem:
    """One obligation a file may answer."""

    obligation_id: int
    unit_id: int
    requirement_id: int
    notice_id: int
    notice: str  # 文号, else the notice's title
    title: str
    deadline: date  # the effective one (延期 included)
    missing: Form


@dataclass(frozen=True, slots=True)
class FileFacts:
    name: str  # as shown to the clerk (relative path)
    name_text: str  # the file's stem and its folders' names
    text: str  # the document's text ("" for pictures, videos, scans)
    forms: Form
    received_on: date


@dataclass(frozen=True, slots=True)
class Match:
    status: str
    unit_id: int | None
    item: OpenItem | None
    reason: str
    unit_candidates: tuple[int, ...] = ()
    item_candidates: tuple[OpenItem, ...] = ()


def unit_key(unit_id: int, name: str, short: str, aliases: Sequence[str]) -> UnitKey:
    keys = tuple(k for k in dict.fromkeys((name, short, *aliases)) if len(k) >= 2)
    initials = tuple(
        dict.fromkeys(i for i in (pinyin_keys(k)[0] for k in keys) if len(i) >= 2 and i.isascii())
    )
    return UnitKey(unit_id, name, keys, initials)


def regions(text: str) -> list[tuple[str, str]]:
    """Where in a document a unit names itself: 单位栏, title lines, signature."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    out = [("单位栏", m[1]) for ln in lines if (m := _FIELD.search(ln))]
    out.append(("标题", "\n".join(lines[:4])))
    out.append(("落款", "\n".join(lines[-6:])))
    return out


def _found_in(text: str, units: Sequence[UnitKey]) -> dict[int, str]:
    """Units named in ``text`` (longest names win: 河西区市场监管局 hides 西区…)."""
    spans: list[tuple[int, int, int, str]] = []
    for u in units:
        for key in u.keys:
            start = text.find(key)
            if start >= 0:
                spans.append((start, start + len(key), u.unit_id, key))
    kept: dict[int, str] = {}
    for s, e, uid, key in spans:
        inside = any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) and u2 != uid
                     for s2, e2, u2, _ in spans)  # fmt: skip
        if not inside and len(key) > len(kept.get(uid, "")):
            kept[uid] = key
    return kept


def _by_initials(name_text: str, units: Sequence[UnitKey]) -> dict[int, str]:
    words = {w.lower() for w in _ASCII_WORD.findall(name_text)}
    return {u.unit_id: i for u in units for i in u.initials if i in words}


def find_units(facts: FileFacts, units: Sequence[UnitKey]) -> list[tuple[int, str]]:
    """(unit id, why) for every unit the file names, in the file name or the document."""
    found: dict[int, list[str]] = {}
    for uid, key in _found_in(facts.name_text, units).items():
        found.setdefault(uid, []).append(f"文件名含“{key}”")
    if not found:
        for uid, key in _by_initials(facts.name_text, units).items():
            found.setdefault(uid, []).append(f"文件名含拼音首字母“{key}”")
    for where, text in regions(facts.text):
        for uid, key in _found_in(text, units).items():
            found.setdefault(uid, []).append(f"{where}含“{key}”")
    return [(uid, "，".join(dict.fromkeys(why))) for uid, why in found.items()]


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"\s+", "", text)
    return {text[i : i + 2] for i in range(len(text) - 1)}


def title_score(title: str, haystack: str) -> float:
    own = _bigrams(_GENERIC.sub(" ", title)) or _bigrams(title)
    if not own:
        return 0.0
    return sum(1 for g in own if g in haystack) / len(own)


def doc_numbers(text: str) -> set[str]:
    return {normalize_doc_number(m) for m in DOC_NUMBER.finditer(text)}


def _haystack(facts: FileFacts) -> str:
    return re.sub(r"\s+", "", facts.name_text + "\n" + "\n".join(t for _, t in regions(facts.text)))


def _distinct(items: Sequence[OpenItem]) -> list[OpenItem]:
    return list({i.requirement_id: i for i in reversed(items)}.values())[::-1]


def _scored(facts: FileFacts, items: Sequence[OpenItem]) -> list[tuple[float, OpenItem]]:
    hay = _haystack(facts)
    return sorted(((title_score(i.title, hay), i) for i in items), key=lambda p: -p[0])


def _clear_lead(scored: Sequence[tuple[float, OpenItem]]) -> OpenItem | None:
    """The requirement the file's title words name, when one clearly leads."""
    if not scored:
        return None
    best = scored[0][0]
    second = scored[1][0] if len(scored) > 1 else 0.0
    return scored[0][1] if best >= 0.5 and best - second >= 0.25 else None


def titled_other(facts: FileFacts, chosen: OpenItem, items: Sequence[OpenItem]) -> OpenItem | None:
    """A requirement other than ``chosen`` that the file's title clearly names instead (a
    世界标准日活动总结 is not the unit's only open 阶段性总结)."""
    others = [i for i in _distinct(items) if i.requirement_id != chosen.requirement_id]
    lead = _clear_lead(_scored(facts, [chosen, *others]))
    return lead if lead is not None and lead.requirement_id != chosen.requirement_id else None


def pick_item(facts: FileFacts, items: Sequence[OpenItem]) -> tuple[OpenItem | None, str]:
    """The one requirement the file answers, and why; (None, why not) when it is unclear."""
    if not items:
        return None, "没有对应的报送事项"
    items = _distinct(items)
    numbers = doc_numbers(facts.name_text + "\n" + facts.text[:3000])
    cited = [i for i in items if i.notice in numbers]
    pool = cited or list(items)
    why = [f"正文含文号“{cited[0].notice}”"] if cited else []
    if len(pool) == 1:
        only = "通知中唯一的事项" if cited else "该单位唯一待报的事项"
        return pool[0], "，".join([*why, only])
    scored = _scored(facts, pool)
    if lead := _clear_lead(scored):
        return lead, "，".join([*why, f"标题词与“{lead.title}”相符"])
    best = scored[0][0]
    near = [i for s, i in scored if s >= best - 0.25] if best > 0 else pool
    near.sort(key=lambda i: abs((i.deadline - facts.received_on).days))
    gap = [abs((i.deadline - facts.received_on).days) for i in near[:2]]
    if len(near) == 1 or (gap[0] * 3 <= gap[1] and gap[1] - gap[0] >= 30):
        return near[0], "，".join([*why, f"时限最近（{near[0].deadline:%m月%d日}）"])
    return None, "可能是：" + "；".join(f"{i.notice} {i.title}" for i in near[:4])


def match_file(
    facts: FileFacts, units: Sequence[UnitKey], items: Sequence[OpenItem], names: dict[int, str]
) -> Match:
    found = find_units(facts, units)
    if len(found) > 1:
        listed = "；".join(f"{names.get(uid, uid)}（{why}）" for uid, why in found[:4])
        return Match(AMBIGUOUS, None, None, f"多个单位：{listed}", tuple(u for u, _ in found))
    owed = [i for i in items if found and i.unit_id == found[0][0]]
    open_items = [i for i in owed if i.missing] or owed
    if not found:
        item, why = pick_item(facts, items)
        return Match(UNMATCHED, None, item, f"未能认出报送单位；{why}")
    uid, unit_why = found[0]
    if not owed:
        return Match(UNMATCHED, uid, None, f"{unit_why}，但该单位没有相应的报送事项")
    done = _clear_lead(_scored(facts, _distinct(owed)))
    if done is not None and not done.missing and any(i.missing for i in owed):
        why = f"标题词与“{done.title}”相符，但该单位已报齐此事项"
        return Match(AMBIGUOUS, uid, done, f"{unit_why}；{why}", (uid,), (done,))
    item, why = pick_item(facts, open_items)
    if item is None:
        return Match(AMBIGUOUS, uid, None, f"{unit_why}；{why}", (uid,), tuple(open_items))
    if other := titled_other(facts, item, items):
        why = f"{why}，但标题像是“{other.notice} {other.title}”"
        return Match(AMBIGUOUS, uid, item, f"{unit_why}；{why}", (uid,), (item,))
    if facts.forms == Form.NONE:
        return Match(UNMATCHED, uid, item, f"{unit_why}；{why}；未能判断报送形式")
    return Match(MATCHED, uid, item, f"{unit_why}；{why}；{format_forms(facts.forms)}")


_SEAL_WORDS = re.compile(r"盖章|公章|签章|章\)|章）|用印")


def file_forms(suffix: str, name: str, text: str, red_seal: bool) -> tuple[Form, str]:
    """The forms a file is (Word/WPS/text → 电子版; a PDF saying 盖章 or showing a red seal →
    also 加盖公章; pictures, videos, archives → 佐证材料) and why."""
    kind = kind_of(suffix)
    if kind == "media":
        return Form.EVIDENCE, "图片、视频或压缩包"
    if kind == "pdf":
        if red_seal:
            return Form.ELECTRONIC | Form.SEAL, "PDF 首页有红色印章"
        if _SEAL_WORDS.search(name) or _SEAL_WORDS.search(text[-400:]):
            return Form.ELECTRONIC | Form.SEAL, "PDF 写明盖章"
        return Form.ELECTRONIC, "PDF"
    if kind == "text":
        return Form.ELECTRONIC, "电子文档"
    return Form.NONE, "不认识的文件类型"
