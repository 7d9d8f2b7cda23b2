"""归档: a notice the office has closed leaves the dashboard's "only unfinished" view and its
今日待办, whatever is still missing (a unit that will never send keeps it open otherwise).

Kept as the list of archived notice ids in the workspace's settings (shared by every clerk of a
shared ledger); archiving and taking it back are audited.
"""

from __future__ import annotations

import json

from tracker.domain.changes import Changes, Topic
from tracker.domain.errors import NotFoundError
from tracker.domain.records import Change
from tracker.services import audit
from tracker.services.workspace import Workspace
from tracker.store.models import Notice, Setting

ARCHIVE_KEY = "archived_notices"


class NoticeArchive:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def archived(self) -> frozenset[int]:
        with self.ws.reading() as s:
            row = s.get(Setting, ARCHIVE_KEY)
            return frozenset(int(i) for i in json.loads(row.value)) if row else frozenset()

    def archive(self, notice_id: int, archived: bool = True) -> Change:
        """归档 (or, with ``archived`` False, 取消归档) one notice."""
        with self.ws.transaction() as s:
            notice = s.get(Notice, notice_id)
            if notice is None:
                raise NotFoundError(f"通知（编号 {notice_id}）不存在")
            row = s.get(Setting, ARCHIVE_KEY)
            ids = set(json.loads(row.value)) if row else set()
            ids = ids | {notice_id} if archived else ids - {notice_id}
            value = json.dumps(sorted(ids))
            if row is None:
                s.add(Setting(key=ARCHIVE_KEY, value=value))
            else:
                row.value = value
            what = "归档通知" if archived else "取消归档"
            summary = f"{what}：{notice.doc_number or notice.title}"
            aid = audit.record(
                s,
                user=self.ws.user,
                action="notice.archive" if archived else "notice.unarchive",
                entity="notice",
                entity_id=notice_id,
                summary=summary,
            )
        self.ws.announce(Changes.of(Topic.NOTICES))
        return Change((aid,), summary)
