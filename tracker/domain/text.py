"""Normalising names typed or pasted by people: full-width spaces, stray blanks, alias lists."""

from __future__ import annotations

import codecs
import re
import unicodedata

_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # keeps \t \n \r
_ALIAS_SEP = re.compile(r"[、，,;；/\n]+")
# NFKC would also turn full-width punctuation such as （） and 〔〕 into ASCII, which changes
# how a document number or name reads; only spaces and ASCII letters/digits are folded.
_WIDE = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F) if chr(c - 0xFEE0).isalnum()}
_WIDE["\u3000"] = " "
_WIDE["\u00a0"] = " "
_TRANSLATE = str.maketrans(_WIDE)


def normalize_name(value: object) -> str:
    """Collapse internal runs of blanks and trim; fold full-width spaces, letters and digits.

    Chinese names have no meaningful internal spaces, so blanks between CJK characters are
    dropped ("和平区 市场监管局" → "和平区市场监管局"); between Latin words one space is kept.
    """
    if value is None:
        return ""
    text = str(value).translate(_TRANSLATE)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")  # zero-width junk
    text = _CONTROL.sub(" ", text)  # NUL and the like (PostgreSQL refuses NUL outright)
    text = _SPACES.sub(" ", text).strip()
    return re.sub(r"(?<=[^\x00-\x7f]) (?=\S)|(?<=\S) (?=[^\x00-\x7f])", "", text)


def normalize_text(value: object) -> str:
    """Trim and fold full-width spaces, keeping the text's own line breaks."""
    if value is None:
        return ""
    text = _CONTROL.sub("", str(value))
    lines = [_SPACES.sub(" ", ln.translate(_TRANSLATE)).strip() for ln in text.splitlines()]
    return "\n".join(lines).strip()


def split_aliases(value: object) -> list[str]:
    """``"和平局、和平区局，和平"`` → three aliases, normalised, unique, in order."""
    if value is None:
        return []
    seen: list[str] = []
    for part in _ALIAS_SEP.split(str(value)):
        name = normalize_name(part)
        if name and name not in seen:
            seen.append(name)
    return seen


def display_width(text: str) -> int:
    """Columns ``text`` takes in a fixed-width font: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip


def decode_text(data: bytes) -> str | None:
    """A text file as Windows Notepad may have saved it: a BOM decides (UTF-8, UTF-16); else
    valid UTF-8; else GB18030 (Notepad's "ANSI" on a Chinese system; GBK is a subset).
    None when it is none of these."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return None
