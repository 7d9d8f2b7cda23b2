"""从通知文件新建: a notice file read into a draft the clerk checks, and the 主送 phrases the
clerk taught the reader (``有关单位 → 技术机构``), kept in the workspace's settings."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from tracker.domain.changes import Changes, Topic
from tracker.domain.clock import today
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.notice_draft import NoticeDraft, draft_notice
from tracker.domain.notice_toml import draft_to_toml
from tracker.domain.records import Change
from tracker.domain.text import normalize_name
from tracker.services import audit
from tracker.services.extract import extract_text
from tracker.services.workspace import Workspace
from tracker.store.models import Category, Setting

AUDIENCE_KEY = "notice_reader.audience"


@dataclass(frozen=True, slots=True)
class ReadNotice:
    draft: NoticeDraft
    source: str  # the file's name
    note: str  # from extraction (扫描件 …)

    def toml(self) -> str:
        return draft_to_toml(self.draft, self.source)


class NoticeReader:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    # -- the clerk's own 主送 phrases ---------------------------------------------------
    def rules(self) -> list[tuple[str, str]]:
        with self.ws.reading() as s:
            row = s.get(Setting, AUDIENCE_KEY)
            data = json.loads(row.value) if row else []
        return [(str(p), str(c)) for p, c in data if p and c]

    def categories(self) -> list[str]:
        with self.ws.reading() as s:
            return list(s.scalars(select(Category.name).order_by(Category.sort_order)))

    def add_rule(self, phrase: str, category: str) -> Change:
        """From now on ``phrase`` in a 主送 or a sentence's subject means ``category``."""
        phrase, category = normalize_name(phrase), normalize_name(category)
        if not phrase:
            raise ValidationError("请填写主送中的说法，例如“有关单位”")
        if category not in self.categories():
            raise ValidationError(f"没有类别“{category}”，可用：{'、'.join(self.categories())}")
        return self._save(phrase, [phrase, category], f"主送“{phrase}”对应类别“{category}”")

    def remove_rule(self, phrase: str) -> Change:
        """The clerk's own rule for ``phrase`` forgotten (the built-in ones stay)."""
        phrase = normalize_name(phrase)
        if phrase not in {p for p, _ in self.rules()}:
            raise ValidationError(f"没有自定义的说法“{phrase}”（内置的对应不能删除）")
        return self._save(phrase, None, f"删除主送“{phrase}”的自定义对应")

    def _save(self, phrase: str, rule: list[str] | None, summary: str) -> Change:
        with self.ws.transaction() as s:
            row = s.get(Setting, AUDIENCE_KEY)
            before = json.loads(row.value) if row else []
            after = [[p, c] for p, c in before if p != phrase] + ([rule] if rule else [])
            text = json.dumps(after, ensure_ascii=False)
            if row is None:
                s.add(Setting(key=AUDIENCE_KEY, value=text))
            else:
                row.value = text
            aid = audit.record(
                s,
                user=self.ws.user,
                action="settings.update",
                entity="settings",
                entity_id=None,
                summary=summary,
                before=before,
                after=after,
            )
        self.ws.announce(Changes.of(Topic.SETTINGS))
        return Change((aid,), summary)

    # -- reading a notice ---------------------------------------------------------------
    def read_text(self, text: str, source: str = "") -> ReadNotice:
        draft = draft_notice(text, today=today(), rules=self.rules(), categories=self.categories())
        return ReadNotice(draft, source, "")

    def read(self, path: Path) -> ReadNotice:
        path = Path(path)
        if not path.is_file():
            raise TrackerError(f"找不到通知文件：{path}")
        got = extract_text(path)
        if not got.text.strip():
            why = got.note or "文件中没有文字"
            raise TrackerError(f"“{path.name}”读不出文字（{why}），请用有文字层的文件")
        read = self.read_text(got.text, path.name)
        return ReadNotice(read.draft, path.name, got.note)
