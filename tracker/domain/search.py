"""Matching what a clerk types (name, alias, pinyin initials such as ``hp``) to units."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=8192)
def pinyin_keys(text: str) -> tuple[str, str]:
    """(initials, full pinyin) of ``text``, lower-case: 和平区 → ("hpq", "hepingqu")."""
    from pypinyin import Style, lazy_pinyin  # imported on first use: it loads a large table

    initials = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default"))
    full = "".join(lazy_pinyin(text, errors="default"))
    return initials.lower(), full.lower()


def search_blob(name: str, aliases: Iterable[str] = ()) -> str:
    """One lower-case string holding every way a unit may be found; matched by substring."""
    parts: list[str] = []
    for text in (name, *aliases):
        if not text:
            continue
        initials, full = pinyin_keys(text)
        parts.extend((text.lower(), initials, full))
    return "\x1f".join(parts)


def matches(blob: str, query: str) -> bool:
    """Every blank-separated word of ``query`` occurs somewhere in the unit's blob."""
    words = query.lower().split()
    return all(w in blob for w in words)
