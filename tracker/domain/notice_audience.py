"""主送 and a sentence's subject → the workspace's unit categories.

The built-in phrases cover what notices of a standards office say; the clerk adds her own
(``有关单位 → 技术机构``), checked first. A phrase no rule knows is returned, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# (words the phrase contains, category). Order matters: the first rule that fits wins, so
# 各县（市、区）市场监管局 is a 县局 before it can look like an 区市场监管局.
DEFAULT_RULES: tuple[tuple[str, str], ...] = (
    ("成员单位", "委办局"),
    ("委办局", "委办局"),
    ("有关部门", "委办局"),
    ("行政主管部门", "委办局"),
    ("委办", "委办局"),
    ("县（市、区）", "县局"),
    ("县(市、区)", "县局"),
    ("县（市）", "县局"),
    ("县(市)", "县局"),
    ("县局", "县局"),
    ("县市场监", "县局"),
    ("开发区分局", "县局"),
    ("区市场监管局", "区局"),
    ("区市场监督管理局", "区局"),
    ("区局", "区局"),
    ("标准化技术委员会", "标委会"),
    ("标委会", "标委会"),
    ("技术委员会", "标委会"),
    ("技术机构", "技术机构"),
    ("研究院", "技术机构"),
    ("协会", "协会"),
    ("商会", "协会"),
    ("社会组织", "协会"),
)
# "Everyone addressed": in a sentence's subject it means the 主送, not a category.
GENERIC = ("各单位", "各有关单位", "有关单位", "各相关单位", "相关单位", "你单位", "各部门")
_SPLIT = re.compile(r"[、，,；;]|以及|及|和|与")
_OPEN, _CLOSE = "（(〔[", "）)〕]"


@dataclass(frozen=True, slots=True)
class Audience:
    categories: tuple[str, ...]
    unknown: tuple[str, ...]  # phrases no rule knows: ask the clerk
    generic: bool  # the phrase list held 各单位 / 有关单位 …


def split_phrases(text: str) -> list[str]:
    """``各县（市、区）市场监管局、开发区分局`` → two phrases (a 、 inside brackets stays)."""
    parts: list[str] = []
    depth, start = 0, 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and (m := _SPLIT.match(text, i)):
            parts.append(text[start:i])
            start = i + len(m[0])
            i = start
            continue
        i += 1
    parts.append(text[start:])
    return [p.strip(" ：:") for p in parts if p.strip(" ：:")]


def category_of(phrase: str, rules: Sequence[tuple[str, str]]) -> str | None:
    for words, category in rules:
        if words and words in phrase:
            return category
    return None


def map_audience(
    text: str,
    extra_rules: Iterable[tuple[str, str]] = (),
    known: Iterable[str] | None = None,
) -> Audience:
    """Categories of the phrases in ``text``; ``known`` (the workspace's categories), when
    given, turns a rule's category the workspace lacks into an unknown phrase."""
    rules = (*tuple(extra_rules), *DEFAULT_RULES)
    known_set = set(known) if known is not None else None
    cats: list[str] = []
    unknown: list[str] = []
    generic = False
    for phrase in split_phrases(text):
        cat = category_of(phrase, rules)
        if cat is None and phrase in GENERIC:
            generic = True
            unknown.append(phrase)
            continue
        if cat is None or (known_set is not None and cat not in known_set):
            unknown.append(phrase)
        elif cat not in cats:
            cats.append(cat)
    return Audience(tuple(cats), tuple(unknown), generic)
