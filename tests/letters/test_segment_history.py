"""The words of a text depend on that text and the caller's words only: not on which titles
the process segmented before, nor on what an earlier run left in the user's cache (a clean
machine broke 世界标准日 / 活动总结 as 世界标准日活 / 动总结 after other notices' titles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.reports.gbt9704 import segment

TEXTS = ("世界标准日活动总结", "标准化试点项目进展报告", "晋城市市场监督管理局城区分局")
OTHER_TITLES = (
    ("关于开展世界标准日活动的通知", ("日活动", "标准日活", "动总结")),
    ("系列活动方案活动亮点及总结", ("系列活动方案", "活动亮点及总结", "点项", "局城")),
)


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segment, "_cache_file", lambda: tmp_path / "title-words.json")
    monkeypatch.setattr(segment, "_CACHE", None)
    segment._cuts.cache_clear()


def cuts_now() -> list[frozenset[int]]:
    segment._cuts.cache_clear()
    return [segment.word_cuts(text) for text in TEXTS]


def test_other_titles_segmented_before_change_nothing(fresh_cache: None) -> None:
    before = cuts_now()
    for title, keep in OTHER_TITLES:
        segment.word_cuts(title, keep)
    segment._CACHE = {}  # as a clean machine: nothing remembered from the first pass
    assert cuts_now() == before


def test_the_callers_words_stay_whole_and_bound_their_neighbours(fresh_cache: None) -> None:
    text = "关于催报2023年标准化研学行动阶段性总结和年度总结的函"
    cuts = segment.word_cuts(text, ("2023年标准化研学行动", "阶段性总结", "年度总结"))
    start = text.index("2023年")
    end = start + len("2023年标准化研学行动")
    assert start in cuts and end in cuts
    assert not any(start < k < end for k in cuts)
    assert text.index("年度总结") in cuts
