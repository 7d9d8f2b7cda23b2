"""排名 against the hand-counted scenario (see scenario.py), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from tests.accountability.scenario import AS_OF, NOTICE_A, NOTICE_B
from tracker.domain.errors import ValidationError
from tracker.domain.ranking import Figures, Ranking, RankingScope
from tracker.services.bundle import Services

pytestmark = pytest.mark.both_databases

HEPING, HEXI, NANKAI, JIAOWEI, WULIU = (
    "和平区市场监管局", "河西区市场监管局", "南开区市场监管局", "市教委",
    "天津市物流标准化技术委员会",
)  # fmt: skip


def table(ranking: Ranking) -> dict[str, tuple[int | None, Figures]]:
    return {r.unit: (r.rank, r.figures) for r in ranking.rows}


def test_all_notices_counted_by_hand(scenario: Services) -> None:
    ranking = scenario.ranking.ranking(RankingScope(AS_OF))
    got = table(ranking)
    assert [r.unit for r in ranking.rows] == [HEPING, JIAOWEI, HEXI, NANKAI, WULIU]
    # 和平's 联络员信息表 came early but is not due yet: the Tally leaves it out of 应报.
    assert got[HEPING] == (1, Figures(on_time=2, missing=1, pending=1, days_late=21, reminders=1))
    assert got[JIAOWEI] == (2, Figures(on_time=1, late=1, days_late=5))
    assert got[HEXI] == (3, Figures(late=2, missing=1, pending=1, days_late=376, reminders=2))
    assert got[NANKAI] == (
        4,
        Figures(late=1, missing=1, exempt=1, pending=1, days_late=26, reminders=2),
    )
    assert got[WULIU] == (None, Figures(pending=1))
    hexi = got[HEXI][1]
    assert hexi.due == 3 and hexi.rate == pytest.approx(2 / 3) and hexi.on_time_rate == 0
    assert hexi.days_late_avg == pytest.approx(376 / 3)
    assert got[NANKAI][1].due == 2 and got[NANKAI][1].rate == 0.5
    assert got[WULIU][1].rate is None and got[WULIU][1].days_late_avg is None
    total = ranking.total
    assert (total.due, total.on_time, total.late, total.missing) == (10, 3, 4, 3)
    assert (total.exempt, total.pending, total.reminders) == (1, 4, 5)
    assert total.rate == pytest.approx(7 / 10)


def test_the_rates_are_the_one_tallys(scenario: Services) -> None:
    from tracker.domain.ledger_query import LedgerQuery
    from tracker.domain.tally import tally

    rows = scenario.ledger.rows(LedgerQuery(as_of=AS_OF))
    ranking = scenario.ranking.ranking(RankingScope(AS_OF))
    assert ranking.total.rate == tally(rows).rate
    assert ranking.total.due == tally(rows).due
    for unit in ranking.rows:
        own = tally(r for r in rows if r.unit_id == unit.unit_id)
        assert (unit.figures.due, unit.figures.rate) == (own.due, own.rate)


def test_a_year_counts_the_deadlines_of_that_year(scenario: Services) -> None:
    got = table(scenario.ranking.ranking(RankingScope(AS_OF, year=2023)))
    # Both 50 % on time; 市教委 sent everything (100 %), 和平 half (its early item not due yet).
    assert got[JIAOWEI][0] == 1
    assert got[HEPING] == (2, Figures(on_time=1, missing=1, pending=1, days_late=21, reminders=1))
    assert got[HEXI] == (3, Figures(late=2, pending=1, days_late=10, reminders=1))
    assert got[NANKAI] == (
        4,
        Figures(missing=1, exempt=1, pending=1, days_late=21, reminders=2),
    )
    old = table(scenario.ranking.ranking(RankingScope(AS_OF, year=2022)))
    assert {u: r for u, (r, _) in old.items()} == {HEPING: 1, NANKAI: 2, HEXI: 3}


def test_notices_and_categories_narrow_the_ranking(scenario: Services) -> None:
    a = scenario.notices.resolve(NOTICE_A).id
    b = scenario.notices.resolve(NOTICE_B).id
    ranking = scenario.ranking.ranking(RankingScope(AS_OF, notice_ids=(a, b), categories=("区局",)))
    # Both 0 % on time: 河西 sent 2 of 3 (67 %), 南开 1 of 2 (50 %, its exemption not counted).
    assert [(r.unit, r.rank) for r in ranking.rows] == [(HEPING, 1), (HEXI, 2), (NANKAI, 3)]
    nankai = ranking.of(scenario.units.resolve("南开局").id)
    assert nankai is not None and nankai.figures == Figures(
        late=1, missing=1, exempt=1, days_late=26, reminders=2
    )
    assert "津市场监管标准〔2023〕14号" in ranking.label and "区局" in ranking.label


def test_a_date_range_and_a_replayed_day(scenario: Services) -> None:
    spring = RankingScope(date(2023, 6, 22), since=date(2023, 6, 1), until=date(2023, 6, 30))
    got = table(scenario.ranking.ranking(spring))
    assert got[HEPING] == (1, Figures(on_time=1))
    assert got[HEXI] == (2, Figures(missing=1, days_late=2))  # 6-25 had not come yet
    with pytest.raises(ValidationError, match="晚于"):
        scenario.ranking.ranking(
            RankingScope(AS_OF, since=date(2023, 7, 1), until=date(2023, 6, 1))
        )


def test_equal_figures_share_a_place(tianjin_units: Services) -> None:
    from tracker.domain.forms import Form
    from tracker.domain.records import NoticeSpec, RequirementSpec

    sv = tianjin_units
    sv.notices.create(
        NoticeSpec("关于报送材料的通知", requirements=(
            RequirementSpec("材料", date(2023, 10, 10), Form.ELECTRONIC, ("区局",)),
        ))
    )  # fmt: skip
    for unit in ("和平局", "河西局"):
        sv.ledger.register(sv.ledger.find_obligation(unit, "材料"), Form.ELECTRONIC,
                           date(2023, 10, 12))  # fmt: skip
    ranking = sv.ranking.ranking(RankingScope(AS_OF))
    assert [(r.unit, r.rank) for r in ranking.rows] == [(HEPING, 1), (HEXI, 1), (NANKAI, 3)]
