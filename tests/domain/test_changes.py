"""The typed change notices: what they touch, which ledger rows they name, how they merge."""

from __future__ import annotations

from tracker.domain.changes import Changes, Topic


def test_a_notice_touches_only_its_topics() -> None:
    units = Changes.of(Topic.UNITS)
    assert units.touches(Topic.UNITS | Topic.NOTICES)
    assert not units.touches(Topic.REMINDERS | Topic.SETTINGS)


def test_everything_touches_every_topic_and_every_row() -> None:
    everything = Changes.everything()
    for topic in Topic:
        assert everything.touches(topic)
    assert everything.is_everything
    assert everything.rows() is None


def test_rows_named_by_per_obligation_topics() -> None:
    assert Changes.of(Topic.SUBMISSIONS, [3, 4]).rows() == {3, 4}
    assert Changes.of(Topic.OBLIGATIONS | Topic.REMINDERS, [5]).rows() == {5}
    assert Changes.of(Topic.SUBMISSIONS).rows() is None  # not known: any row


def test_rows_of_topics_that_change_any_row_or_none() -> None:
    assert Changes.of(Topic.SETTINGS).rows() == frozenset()
    assert Changes.of(Topic.LETTERS).rows() == frozenset()
    for topic in (Topic.UNITS, Topic.NOTICES, Topic.CALENDAR):
        assert Changes.of(topic).rows() is None
    assert Changes.of(Topic.UNITS | Topic.SUBMISSIONS, [1]).rows() is None


def test_merging_keeps_ids_only_while_every_side_knows_them() -> None:
    merged = Changes.of(Topic.SUBMISSIONS, [1]) | Changes.of(Topic.REMINDERS, [2])
    assert merged.rows() == {1, 2}
    assert merged.touches(Topic.SUBMISSIONS) and merged.touches(Topic.REMINDERS)
    with_settings = Changes.of(Topic.SUBMISSIONS, [1]) | Changes.of(Topic.SETTINGS)
    assert with_settings.rows() == {1}
    unknown = Changes.of(Topic.SUBMISSIONS, [1]) | Changes.of(Topic.OBLIGATIONS)
    assert unknown.rows() is None
    assert (Changes.of(Topic.SETTINGS) | Changes.everything()).is_everything


def test_a_notice_reads_well_in_a_log() -> None:
    assert str(Changes.of(Topic.SUBMISSIONS | Topic.REMINDERS, [7, 2])) == (
        "submissions+reminders [2, 7]"
    )
    assert str(Changes.everything()) == "everything"
