"""Key figures in a unit's summary: 场次, 人次, 份, 篇 — with the sentence each came from.

``2千余份`` = 2000, ``1.2万人次`` = 12000, ``三千余人`` = 3000; 余/多/近/约 set ``approx`` (the
value a lower bound). A 共计 figure that covers the parts just before it replaces them
(``350余人…约250人…约100人…3个会议共有约700人`` counts 700, not 1400).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tracker.domain.cn_numbers import NUMBER_PATTERN, parse_number

EVENTS, PEOPLE, MATERIALS, MEDIA = "活动场次", "参与人次", "发放资料份数", "媒体报道篇数"
TRAININGS, TRAINEES = "培训场次", "培训人次"
KINDS: tuple[str, ...] = (EVENTS, PEOPLE, MATERIALS, MEDIA, TRAININGS, TRAINEES)
# How each kind reads in the office's own sentence: (verb phrase, measure word).
PHRASES = {
    EVENTS: ("开展活动", "场次"),
    PEOPLE: ("参与", "人次"),
    MATERIALS: ("发放资料", "份"),
    MEDIA: ("媒体报道", "篇"),
    TRAININGS: ("举办培训", "期"),
    TRAINEES: ("培训", "人次"),
}

_FIGURE = re.compile(
    rf"(?<![第\d.])(?P<pre>近|约|逾|超过|超)?\s*(?P<num>{NUMBER_PATTERN})\s*(?P<q>余|多)?\s*"
    r"(?P<unit>人次|场次|场|次|期|份|篇|人|名)(?P<post>左右)?"
)
_CLAUSE = re.compile(r"[，,；;。！？!?\n]")
_TOTAL = re.compile(r"共计|总计|累计|合计|共有|共")
_TRAINING = re.compile(r"培训|授课|讲座|课堂|宣讲班|培训班")
_MEDIA = re.compile(r"报道|播出|刊发|刊登|发表|文章|稿件|新闻|专访|访谈")
_EVENT = re.compile(r"活动|宣传|会议|座谈|咨询|展览|展示|开展|举办|组织|召开|宣贯|走进|进企业")
_MATERIAL = re.compile(r"资料|宣传单|手册|折页|宣传品|宣传册|宣传画|传单|海报|发放|散发|分发|派发")
_PEOPLE = re.compile(r"参加|参与|出席|到场|现场|咨询|观看|参观|服务|覆盖|受众|群众|共有|听众|人员")
_NOT_MEDIA = re.compile(r"总结|论文|篇\d")


@dataclass(frozen=True, slots=True)
class Figure:
    kind: str
    value: int
    approx: bool
    sentence: str
    total: bool = False  # said as 共/共计/累计: may cover the parts before it


@dataclass(frozen=True, slots=True)
class Rolled:
    kind: str
    value: int
    approx: bool
    sentences: tuple[str, ...]


def _sentences(text: str) -> Iterable[str]:
    for part in re.split(r"[。！？!?\n]", text):
        if part.strip():
            yield part.strip()


def _kind(unit: str, clause: str, people_in_sentence: bool) -> str | None:
    def has(pattern: re.Pattern[str]) -> bool:
        return bool(pattern.search(clause))

    if unit in ("人次", "人", "名"):
        if has(_TRAINING):
            return TRAINEES
        if unit == "人次" or has(_PEOPLE) or people_in_sentence:
            return PEOPLE
        return None
    if unit == "份":
        return MATERIALS if has(_MATERIAL) else None
    if unit == "篇":
        return MEDIA if has(_MEDIA) and not has(_NOT_MEDIA) else None
    if unit == "期":
        return TRAININGS if has(_TRAINING) else None
    if has(_MEDIA):
        return MEDIA
    if has(_TRAINING):
        return TRAININGS
    return EVENTS if has(_EVENT) else None


# A clause is looked at no further than this from its figure: a real one is a few dozen
# characters; unbounded, every figure re-read its whole sentence (a 40,000-character one with
# 8,000 figures took 2.3 s, a 2-million-character file hours).
CLAUSE_REACH = 120


def _clause_of(sentence: str, cuts: list[int], start: int, end: int) -> tuple[str, str]:
    """(the clause holding the match, its text before the number); ``cuts``: where the
    sentence's clause marks are."""
    at = bisect_left(cuts, start)
    left = max(cuts[at - 1] + 1 if at else 0, start - CLAUSE_REACH)
    after = bisect_left(cuts, end)
    right = min(cuts[after] if after < len(cuts) else len(sentence), end + CLAUSE_REACH)
    return sentence[left:right], sentence[left:start]


def find_figures(text: str) -> list[Figure]:
    found: list[Figure] = []
    for sentence in _sentences(text):
        cuts = [m.start() for m in _CLAUSE.finditer(sentence)]
        people = _PEOPLE.search(sentence) is not None
        for m in _FIGURE.finditer(sentence):
            value = parse_number(m["num"])
            if value is None or value <= 0 or value != value or value > 1e9:
                continue
            clause, before = _clause_of(sentence, cuts, m.start(), m.end())
            kind = _kind(m["unit"], clause, people)
            if kind is None:
                continue
            approx = bool(m["pre"] or m["q"] or m["post"])
            total = bool(_TOTAL.search(before))
            found.append(Figure(kind, int(value), approx, sentence, total))
    return found


def roll_up(figures: Sequence[Figure]) -> dict[str, Rolled]:
    """One document's figures per kind: parts add up; a total covering the parts before it
    (their sum no more than the total) replaces them."""
    out: dict[str, Rolled] = {}
    for kind in KINDS:
        mine = [f for f in figures if f.kind == kind]
        if not mine:
            continue
        committed = open_sum = 0
        kept: list[str] = []  # the sentences of the figures counted
        parts: list[str] = []
        for f in mine:
            if not f.total:
                open_sum += f.value
                parts.append(f.sentence)
                continue
            covers = open_sum <= f.value * 1.05
            committed += f.value if covers else open_sum + f.value
            kept += [f.sentence] if covers else [*parts, f.sentence]
            open_sum, parts = 0, []
        value = committed + open_sum
        sentences = tuple(dict.fromkeys(kept + parts))
        out[kind] = Rolled(kind, value, any(f.approx for f in mine), sentences)
    return out


def best_of(documents: Sequence[dict[str, Rolled]]) -> dict[str, Rolled]:
    """A unit's figures from its files for one requirement: the Word file and its sealed PDF
    say the same thing, so the largest per kind is kept, never the sum."""
    out: dict[str, Rolled] = {}
    for doc in documents:
        for kind, rolled in doc.items():
            if kind not in out or rolled.value > out[kind].value:
                out[kind] = rolled
    return out


def format_value(value: int, approx: bool) -> str:
    return f"{value}余" if approx else str(value)


def summary_sentence(totals: dict[str, tuple[int, bool]], area: str = "全市") -> str:
    """``全市共开展活动12场次，参与1.2万余人次，发放资料2000余份……`` from the totals."""
    parts = []
    for kind in KINDS:
        if kind in totals and totals[kind][0] > 0:
            verb, measure = PHRASES[kind]
            value, approx = totals[kind]
            parts.append(f"{verb}{_readable(value)}{'余' if approx else ''}{measure}")
    if not parts:
        return ""
    return f"{area}共" + "，".join(parts) + "。"


def _readable(value: int) -> str:
    if value >= 10_000 and value % 1000 == 0:
        return f"{value / 10_000:g}万"
    return str(value)
