"""What a write changed: the typed notice a service announces after each commit.

A service says what it touched (``Changes.of(Topic.SUBMISSIONS, obligation_ids=[7])``); the
window fans the notice out from one place (``tracker.ui.common.changes.ChangeHub``) and every
page asks only what it shows: ``changes.touches(Topic.UNITS)``; the ledger views ask
``changes.rows()`` which obligations to reload. A restore announces ``Changes.everything()``,
which touches every topic, so no page can be left showing the old data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Flag, auto


class Topic(Flag):
    UNITS = auto()  # units, their categories, aliases and contacts
    NOTICES = auto()  # notices, requirements and the obligations they create or drop
    OBLIGATIONS = auto()  # 免报 / 延期 of obligations (and their revocation)
    SUBMISSIONS = auto()  # submissions registered or deleted
    REMINDERS = auto()  # 催报 records
    LETTERS = auto()  # issued letters (催报函)
    BULLETINS = auto()  # issued 通报 and the list for the next one
    SETTINGS = auto()  # the office's settings
    CALENDAR = auto()  # holidays and make-up workdays
    # all of the above, e.g. after a restore
    EVERYTHING = (
        UNITS
        | NOTICES
        | OBLIGATIONS
        | SUBMISSIONS
        | REMINDERS
        | LETTERS
        | BULLETINS
        | SETTINGS
        | CALENDAR
    )


# Topics whose changes are known per obligation (the notice can name the obligations).
PER_OBLIGATION = Topic.OBLIGATIONS | Topic.SUBMISSIONS | Topic.REMINDERS
# Topics that change ledger rows; those not per obligation change any row (a full reload).
ROW_TOPICS = PER_OBLIGATION | Topic.UNITS | Topic.NOTICES | Topic.CALENDAR


@dataclass(frozen=True, slots=True)
class Changes:
    """``topics`` that changed; for the per-obligation topics, ``obligation_ids`` names the
    obligations whose rows changed, or is None when they are not known (any row may have)."""

    topics: Topic
    obligation_ids: frozenset[int] | None = None

    @classmethod
    def of(cls, topics: Topic, obligation_ids: Iterable[int] | None = None) -> Changes:
        if not topics & PER_OBLIGATION:
            return cls(topics, frozenset())
        return cls(topics, None if obligation_ids is None else frozenset(obligation_ids))

    @classmethod
    def everything(cls) -> Changes:
        """After a restore (or anything that replaced the data wholesale)."""
        return cls(Topic.EVERYTHING, None)

    def touches(self, topics: Topic) -> bool:
        """Did any of ``topics`` change? Always true for ``everything()``."""
        return bool(self.topics & topics)

    @property
    def is_everything(self) -> bool:
        return self.topics == Topic.EVERYTHING

    def rows(self) -> frozenset[int] | None:
        """The obligations whose ledger rows must be read again: an empty set when no row
        changed, their ids, or None when any row may have changed (reload them all)."""
        if not self.topics & ROW_TOPICS:
            return frozenset()
        if self.topics & (ROW_TOPICS & ~PER_OBLIGATION):
            return None
        return self.obligation_ids

    def __or__(self, other: Changes) -> Changes:
        """Both notices as one (e.g. several announcements while a reload was running)."""
        if not isinstance(other, Changes):
            return NotImplemented
        topics = self.topics | other.topics
        known = [s.obligation_ids for s in (self, other) if s.topics & PER_OBLIGATION]
        if any(ids is None for ids in known):
            return Changes(topics, None)
        return Changes(topics, frozenset().union(*(ids for ids in known if ids is not None)))

    def __str__(self) -> str:
        if self.is_everything:
            return "everything"
        names = [t.name or "" for t in Topic if t in self.topics and t != Topic.EVERYTHING]
        text = "+".join(names).lower()
        return f"{text} {sorted(self.obligation_ids)}" if self.obligation_ids else text
