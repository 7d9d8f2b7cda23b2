"""Names, short names and aliases are one namespace across units: a rename onto another unit's
name, short name or alias is refused (registrations once went to the wrong unit), in the unit
form, the roster import, and by two clerks at the same instant."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from tests.safety.bad_files import workbook
from tracker.domain.errors import ValidationError
from tracker.domain.records import UnitRecord, UnitSpec
from tracker.services.bundle import Services


def spec_of(u: UnitRecord, **changes: object) -> UnitSpec:
    spec = UnitSpec(u.name, u.category, short_name=u.short_name, aliases=u.aliases)
    return replace(spec, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "change, words",
    [
        ({"name": "和平区市场监管局"}, "单位名称“和平区市场监管局”已存在"),
        ({"name": "和平局"}, "单位名称“和平局”已被其他单位使用（是“和平区市场监管局”的别名）"),
        ({"name": "和平区"}, "是“和平区市场监管局”的简称"),
        ({"short_name": "和平局"}, "简称“和平局”已被其他单位使用"),
        ({"short_name": "和平区"}, "简称“和平区”已被其他单位使用"),
        ({"aliases": ("和平区市场监管局",)}, "别名“和平区市场监管局”已被其他单位使用"),
        ({"aliases": ("和平区",)}, "别名“和平区”已被其他单位使用"),
    ],
)
def test_a_rename_onto_another_units_name_is_refused(
    tianjin_units: Services, change: dict[str, object], words: str
) -> None:
    hexi = tianjin_units.units.resolve("河西区市场监管局")
    with pytest.raises(ValidationError, match=words):
        tianjin_units.units.save(spec_of(hexi, **change), hexi.id)
    assert tianjin_units.units.get(hexi.id) == hexi
    assert tianjin_units.units.resolve("和平局").name == "和平区市场监管局"


def test_a_unit_may_keep_its_own_names_and_repeat_them(tianjin_units: Services) -> None:
    heping = tianjin_units.units.resolve("和平局")
    tianjin_units.units.save(spec_of(heping, aliases=("和平局", "和平区"), phone="1"), heping.id)
    assert tianjin_units.units.resolve("和平区").id == heping.id


def test_a_new_unit_named_like_another_units_alias_is_refused(tianjin_units: Services) -> None:
    with pytest.raises(ValidationError, match="和平局"):
        tianjin_units.units.save(UnitSpec("和平局", "区局"))


def test_the_roster_refuses_a_clash_with_a_unit_it_does_not_list(
    tianjin_units: Services, tmp_path: Path
) -> None:
    head = ("单位名称", "类别", "简称", "别名")
    path = workbook(tmp_path / "r.xlsx", [head, ("红桥区市场监管局", "区局", "和平局", "")])
    before = tianjin_units.units.list_units()
    with pytest.raises(ValidationError, match="“简称”列：“和平局”已属于“和平区市场监管局”"):
        tianjin_units.roster.apply(path)
    assert tianjin_units.units.list_units() == before


def test_the_roster_may_move_an_alias_between_units_it_lists(
    tianjin_units: Services, tmp_path: Path
) -> None:
    head = ("单位名称", "类别", "简称", "别名")
    rows = [head, ("和平区市场监管局", "区局", "和平区", ""),
            ("河西区市场监管局", "区局", "河西区", "和平局")]  # fmt: skip
    tianjin_units.roster.apply(workbook(tmp_path / "r.xlsx", rows))
    assert tianjin_units.units.resolve("和平局").name == "河西区市场监管局"


def test_two_clerks_claiming_one_name_at_the_same_instant(
    tianjin_units: Services, workspace_dir: Path, db_url: str | None
) -> None:
    """One takes 中心区 as an alias while the other names a unit's short name 中心区."""
    heping = tianjin_units.units.resolve("和平局")
    hexi = tianjin_units.units.resolve("河西局")
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []
    with Services.open(workspace_dir, db_url) as other:
        jobs = [
            lambda: tianjin_units.units.save(
                spec_of(heping, aliases=("和平局", "中心区")), heping.id
            ),
            lambda: other.units.save(spec_of(hexi, short_name="中心区"), hexi.id),
        ]

        def run(job):  # type: ignore[no-untyped-def]
            barrier.wait(timeout=5)
            try:
                job()
            except ValidationError as exc:
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(j,)) for j in jobs]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
    assert len(errors) == 1 and "中心区" in str(errors[0])
    owners = [u for u in tianjin_units.units.list_units()
              if "中心区" in (u.short_name, *u.aliases)]  # fmt: skip
    assert len(owners) == 1
