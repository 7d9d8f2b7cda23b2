"""A notice's text made readable, and the head of the notice: 文号, title, issuer, date, theme.

Pure text → facts; each finder returns the value and the line it came from, or a doubt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tracker.domain.cn_numbers import cn_digits, small_number
from tracker.domain.text import normalize_name

_MOJIBAKE = re.compile(r"\?+(?=\s|$)|(?<=\s)\?+|^\?+", re.MULTILINE)  # web copies' lost NBSPs
_BLANKS = re.compile(r"[ \t\u3000\u00a0]+")
_CN_DIGIT = "〇零○一二三四五六七八九"
_CN_SMALL = "一二三四五六七八九十"
# 〔2023〕 as GB/T 9704 writes it; [2023], (2023), ［2023］, 【2023】 and （2023） too.
DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fa5]{2,14}?)\s*[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*(\d{1,4})\s*号"
)
DATE_CN = re.compile(
    rf"(\d{{4}}|[{_CN_DIGIT}]{{4}})\s*年\s*(\d{{1,2}}|[{_CN_SMALL}]{{1,3}})\s*月\s*"
    rf"(\d{{1,2}}|[{_CN_SMALL}]{{1,3}})\s*日"
)
_ISSUER_END = re.compile(r"(委员会|管理局|监管局|监管委|办公室|办公厅|人民政府|局|委|厅|院|会|处)$")


@dataclass(frozen=True, slots=True)
class Found:
    """A value read from the text: where it came from, and why it may be wrong."""

    value: str = ""
    source: str = ""  # the line or sentence it was read from
    doubt: str = ""  # non-empty when the clerk should check it


def clean_lines(text: str) -> list[str]:
    """Non-empty lines, blanks folded to one (names such as ``张永来 苏文博`` need them),
    table cells kept apart by a tab."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _MOJIBAKE.sub(" ", text)
    lines: list[str] = []
    for raw in text.split("\n"):
        cells = [_BLANKS.sub(" ", c).strip() for c in raw.split("\t")]
        line = "\t".join(c for c in cells if c)
        if line:
            lines.append(line)
    return lines


_ENDS = ("。", "；", ";", "：", ":", "！", "？", "!", "?")
_STARTS = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|附件)"
)


def unwrap(lines: list[str]) -> list[str]:
    """Lines a PDF broke to fit the page joined again: a line about as long as the longest
    ones, not ending a sentence, runs on into the next (table rows never do)."""
    lengths = sorted(len(ln) for ln in lines if "\t" not in ln)
    if len(lengths) < 5:
        return list(lines)
    full = lengths[int(len(lengths) * 0.9)] * 0.8
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        joins = (
            prev
            and "\t" not in prev
            and "\t" not in line
            and len(prev) >= full
            and not prev.endswith(_ENDS)
            and not _STARTS.match(line)
        )
        if joins:
            out[-1] = prev + line
        else:
            out.append(line)
    return out


def to_date(year: str, month: str, day: str) -> date | None:
    y = int(year) if year.isdigit() else cn_digits(year)
    m, d = small_number(month), small_number(day)
    if y is None or m is None or d is None:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def normalize_doc_number(match: re.Match[str]) -> str:
    return f"{match[1]}〔{match[2]}〕{match[3]}号"


def find_doc_number(head: list[str]) -> Found:
    """The notice's own 文号, looked for only above the 主送 line: a 文号 further down is an
    attachment's or a cited document's."""
    for line in head:
        if line.startswith(("附件", "根据")):
            continue
        m = DOC_NUMBER.search(line)
        if m:
            value = normalize_doc_number(m)
            doubt = "" if m[0] == value else f"原文写作“{m[0]}”，已改为〔〕"
            return Found(value, line, doubt)
    return Found("", "", "通知开头未见文号，请补上")


def _title_lines(lines: list[str]) -> Found | None:
    for i, line in enumerate(lines[:12]):
        if "关于" not in line or line.startswith(("根据", "附件")):
            continue
        title = line
        if not re.search(r"通知》?$", title) and i + 1 < len(lines):
            joined = title + lines[i + 1]
            if re.search(r"通知》?$", joined) and len(joined) <= 120:
                title = joined
        if re.search(r"(通知|意见|方案|函)》?$", title) and len(title) <= 120:
            return Found(normalize_name(title), line)
    return None


def find_title(lines: list[str], body: str) -> Found:
    found = _title_lines(lines)
    if found:
        return found
    m = re.search(r"开展([^，,。；]{4,30}(?:活动|行动|工作|评选|检查))", body)
    if m:
        title = normalize_name(f"关于开展{m[1]}的通知")
        return Found(title, m[0], f"原文未见标题，按“{m[0]}”拟定，请核对")
    return Found("", "", "原文未见标题，请补上")


def _masthead(lines: list[str]) -> Found | None:
    for line in lines[:4]:
        m = re.fullmatch(r"(.{4,30}?)(?:文件|公函|便函)", line.replace("\t", ""))
        if m and _ISSUER_END.search(m[1]):
            return Found(normalize_name(m[1]), line)
    return None


def _signature(lines: list[str], date_line: int | None) -> Found | None:
    if date_line is None:
        return None
    for line in reversed(lines[max(0, date_line - 3) : date_line]):
        if len(line) <= 30 and _ISSUER_END.search(line) and "：" not in line and ":" not in line:
            return Found(normalize_name(line), line)
    return None


def find_issuer(lines: list[str], title: Found, date_line: int | None) -> Found:
    found = _masthead(lines) or _signature(lines, date_line)
    if found:
        return found
    m = re.match(r"(.{2,30}?)关于", title.value)
    if m and _ISSUER_END.search(m[1]) and not title.doubt:
        return Found(m[1], title.source, "取自标题，可能是简称，请核对")
    body = "".join(lines)
    m = re.search(r"报送?(市[\u4e00-\u9fa5]{2,10}?(?:委|局))", body)
    if m:
        return Found(m[1], m[0], f"原文未署名，按“{m[0]}”推断，请核对")
    return Found("", "", "未找到发文机关，请补上")


def find_issued(lines: list[str]) -> tuple[date | None, Found, int | None]:
    """成文日期: the last line that is only a date; else the 印发 date of the 版记."""
    for i in range(len(lines) - 1, -1, -1):
        m = DATE_CN.fullmatch(lines[i])
        if m and (day := to_date(m[1], m[2], m[3])):
            return day, Found(day.isoformat(), lines[i]), i
    for i in range(len(lines) - 1, -1, -1):
        m = DATE_CN.fullmatch(lines[i].removesuffix("印发").strip())
        if m and (day := to_date(m[1], m[2], m[3])):
            return day, Found(day.isoformat(), lines[i], "取自版记的印发日期，请核对成文日期"), i
    return None, Found("", "", "未找到成文日期，请补上"), None


def find_theme(body: str) -> Found:
    m = re.search(r"中国主题为“([^”]{4,60})”", body) or re.search(
        r"主题(?:确定)?为“([^”]{4,60})”", body
    )
    if not m:
        return Found("")
    return Found(m[1], m[0])
