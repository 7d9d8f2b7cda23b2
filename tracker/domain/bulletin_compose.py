"""Composing a 上报情况通报 from the ledger rows of one notice, its ranking and the office's
settings (pure functions)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from tracker.domain.bulletin import (
    ATTACHMENT,
    BulletinContent,
    RankTableRow,
    fill_body,
)
from tracker.domain.dates import format_cn
from tracker.domain.errors import ValidationError
from tracker.domain.forms import format_forms
from tracker.domain.letter_compose import group_addressee, notice_topic, self_name
from tracker.domain.letters import cited_title
from tracker.domain.office import OfficeSettings
from tracker.domain.ranking import RANKING_NOTE, Figures, Ranking, days_text, percent
from tracker.domain.records import ObligationRow
from tracker.domain.status import Status


@dataclass(frozen=True, slots=True)
class NoticeFacts:
    """The notice a 通报 reports on."""

    notice_id: int
    title: str
    doc_number: str
    issuer: str
    issued_on: date | None
    requirements: tuple[tuple[str, date], ...]  # (title, deadline) of those reported on


@dataclass(frozen=True, slots=True)
class BulletinFrame:
    number: str
    bulletin_date: date
    as_of: date
    new_deadline: date


def masthead(office: OfficeSettings) -> str:
    """发文机关标志: the setting, else the office's name + 文件."""
    return office.bulletin_masthead.strip() or f"{office.sender_name}文件"


def bulletin_subject(notice: NoticeFacts) -> str:
    """2023年标准化研学行动阶段性总结; several items: 2023年标准化研学行动有关材料."""
    topic = notice_topic(notice.title)
    titles = [t for t, _ in notice.requirements]
    if len(titles) != 1:
        return f"{topic}有关材料" if topic else "有关材料"
    req = titles[0]
    if not topic or req in topic:
        return topic or req
    for size in range(len(req), 1, -1):  # the item repeats the topic's tail: join them there
        if topic.endswith(req[:size]):
            return topic[:-size] + req
    return topic + req


def title_words(notice: NoticeFacts) -> tuple[str, ...]:
    """Words the title must not be broken inside: the notice's topic and its items."""
    words = [notice_topic(notice.title), *(t for t, _ in notice.requirements)]
    return tuple(w for w in dict.fromkeys(words) if w)


def bulletin_title(notice: NoticeFacts) -> str:
    return f"关于{bulletin_subject(notice)}报送情况的通报"


def addressee(rows: Sequence[ObligationRow]) -> str:
    """主送: the kinds of units that owed, as a notice addresses them."""
    cats = dict.fromkeys(r.category for r in rows)
    return "，".join(dict.fromkeys(group_addressee(c) for c in cats)) or "各有关单位"


def intro(notice: NoticeFacts, office: OfficeSettings) -> str:
    issuer = self_name(notice.issuer, office)  # 我委 when the notice is the office's own
    when = f"于{format_cn(notice.issued_on)}" if notice.issued_on else ""
    number = f"（{notice.doc_number}）" if notice.doc_number else ""
    asked = "、".join(f"于{format_cn(d)}前报送{t}" for t, d in notice.requirements)
    return f"{issuer}{when}印发《{cited_title(notice.title)}》{number}，要求各有关单位{asked}。"


def _late_note(r: ObligationRow, several: bool) -> str:
    what = r.requirement_title if several else ""
    return f"{what}逾期{r.days_overdue}天"


def _missing_note(r: ObligationRow, several: bool) -> str:
    what = r.requirement_title if several else ""
    if r.status is Status.PARTIAL:
        return f"{what}缺{format_forms(r.missing_forms)}"
    return f"{what}未报送" if several else ""


def _named(
    rows: Sequence[ObligationRow],
    statuses: tuple[Status, ...],
    note: Callable[[ObligationRow, bool], str],
) -> str:
    """Units with a row in ``statuses``, each once with its notes: 河西区市场监管局（逾期5天）."""
    several = len({r.requirement_id for r in rows}) > 1
    notes: dict[str, list[str]] = {}
    for r in rows:
        if r.status in statuses:
            text = note(r, several)
            notes.setdefault(r.unit_name, [])
            if text:
                notes[r.unit_name].append(text)
    return "、".join(f"{u}（{'、'.join(n)}）" if n else u for u, n in notes.items())


def praised(rows: Sequence[ObligationRow], ranking: Ranking) -> str:
    """Units that sent everything due on time, in the ledger's order."""
    whole = {
        r.unit_id for r in ranking.rows if r.figures.due and r.figures.on_time == r.figures.due
    }
    return "、".join(dict.fromkeys(r.unit_name for r in rows if r.unit_id in whole))


def template_values(
    rows: Sequence[ObligationRow],
    ranking: Ranking,
    notice: NoticeFacts,
    office: OfficeSettings,
    frame: BulletinFrame,
) -> dict[str, str]:
    t: Figures = ranking.total
    missing = _named(rows, (Status.OVERDUE, Status.PARTIAL), _missing_note)
    return {
        "intro": intro(notice, office),
        "as_of": format_cn(frame.as_of),
        "notice": f"《{cited_title(notice.title)}》"
        + (f"（{notice.doc_number}）" if notice.doc_number else ""),
        "items": "、".join(title for title, _ in notice.requirements),
        "due": str(t.due),
        "sent": str(t.sent),
        "on_time": str(t.on_time),
        "late": str(t.late),
        "missing": str(t.missing),
        "rate": percent(t.rate),
        "on_time_rate": percent(t.on_time_rate),
        "unit_word": "家" if len(notice.requirements) <= 1 else "项",
        "on_time_units": praised(rows, ranking),
        "late_units": _named(rows, (Status.LATE,), _late_note),
        "missing_units": missing,
        "new_deadline": format_cn(frame.new_deadline) if missing else "",
        "self_name": office.short_name.strip() or "我单位",
        "sender_name": office.sender_name,
        "office_name": office.office_name or office.sender_name,
    }


def rank_table(ranking: Ranking) -> tuple[RankTableRow, ...]:
    def line(rank: str, unit: str, f: Figures) -> RankTableRow:
        return RankTableRow(
            rank, unit, str(f.due), str(f.on_time), str(f.late), str(f.missing),
            percent(f.rate), percent(f.on_time_rate), days_text(f.days_late_avg),
        )  # fmt: skip

    rows = [line("" if r.rank is None else str(r.rank), r.unit, r.figures) for r in ranking.rows]
    return (*rows, line("", "合计", ranking.total))


def compose_bulletin(
    rows: Sequence[ObligationRow],
    ranking: Ranking,
    notice: NoticeFacts,
    office: OfficeSettings,
    frame: BulletinFrame,
    *,
    template: str | None = None,
    to: str | None = None,
    sample: bool = False,
) -> BulletinContent:
    if not ranking.total.due:
        raise ValidationError(
            f"截至{format_cn(frame.as_of)}，《{cited_title(notice.title)}》还没有到期应报的事项，无可通报的内容"
        )
    values = template_values(rows, ranking, notice, office, frame)
    return BulletinContent(
        masthead=masthead(office),
        number=frame.number,
        title=bulletin_title(notice),
        addressee=(to or "").strip() or addressee(rows),
        paragraphs=fill_body(template or office.bulletin_body, values),
        signer=office.signer or office.sender_name,
        bulletin_date=frame.bulletin_date,
        has_seal=office.letter_has_seal,
        table=rank_table(ranking),
        table_note=RANKING_NOTE,
        printer=office.bulletin_printer.strip() or f"{office.sender_name}办公室",
        copy_to=office.bulletin_copy_to.strip(),
        attachment=ATTACHMENT,
        sample=sample,
        title_words=title_words(notice),
    )
