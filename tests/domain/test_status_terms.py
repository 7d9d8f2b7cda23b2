"""The one status vocabulary: words, which statuses count as done or need chasing, and a
palette that reads on screen, on paper and in grey print."""

from __future__ import annotations

from tracker.domain.status import DONE, NEEDS_ACTION, OPEN, STATUS_ORDER, Status


def _luminance(colour: str) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_every_status_has_a_distinct_label_and_word() -> None:
    assert [s.word for s in STATUS_ORDER] == ["未报", "部分", "未到期", "补报", "按时", "免报"]
    assert len({s.label for s in Status}) == len({s.word for s in Status}) == len(Status)


def test_done_and_needing_action_are_declared_once_and_never_overlap() -> None:
    assert {Status.ON_TIME, Status.LATE} == DONE
    assert NEEDS_ACTION == (Status.OVERDUE, Status.PARTIAL)
    assert {Status.PENDING, Status.OVERDUE, Status.PARTIAL} == OPEN
    assert not DONE & set(NEEDS_ACTION)
    assert not Status.EXEMPT.is_owed and not Status.EXEMPT.is_done
    assert DONE | OPEN | {Status.EXEMPT} == set(Status)


def test_palette_reads_on_screen_and_in_grey() -> None:
    coloured = [s for s in STATUS_ORDER if s.terms.fill]
    for s in coloured:
        ink, fill = s.terms.ink, s.terms.fill
        assert ink and fill
        assert _contrast(ink, fill) >= 4.5, s  # WCAG AA for body text
    # printed in grey, what needs chasing is the darkest: 逾期未报, then 部分报送
    grey = {s: _luminance(s.terms.fill or "#ffffff") for s in Status}
    settled = [grey[s] for s in (Status.ON_TIME, Status.LATE, Status.EXEMPT, Status.PENDING)]
    assert grey[Status.OVERDUE] < grey[Status.PARTIAL] < min(settled)
    assert Status.OVERDUE.terms.bold
