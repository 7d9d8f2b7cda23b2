"""从通知文件新建…: read a notice file, ask about 主送 phrases no rule knows, and open the notice
editor filled in, every uncertain field marked (tinted, with the reason as its tooltip)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QBoxLayout, QInputDialog, QWidget

from tracker.domain.notice_audience import GENERIC
from tracker.ui.dialogs.fields import MessageStrip
from tracker.ui.notices.drafts import draft_from_spec
from tracker.ui.notices.editor import NoticeEditor

DOUBT_STYLE = "background-color: #fff7d6;"
NOTICE_SUFFIXES = (".docx", ".pdf", ".txt", ".doc", ".wps")
_FIELDS = {"doc_number": "doc_number", "title": "title", "issuer": "issuer", "issued": "issued_on"}
_LABELS = {"doc_number": "文号", "title": "标题", "issuer": "发文机关", "issued": "成文日期",
           "contacts": "联系人", "categories": "主送", "requirements": "报送事项"}  # fmt: skip


def ask_unknown_phrases(services: Any, read: Any, parent: QWidget | None) -> bool:
    """For each 主送 phrase no rule knows, ask which category it means; True if any was set."""
    categories = services.units.categories()
    skip = "（不对应任何类别）"
    taught = False
    for phrase in read.draft.unknown_phrases:
        if phrase in GENERIC:
            continue  # 有关单位 and the like: the clerk ticks the units in the editor
        choice, ok = QInputDialog.getItem(
            parent,
            parent.tr("主送单位") if parent else "主送单位",
            f"通知的主送中有“{phrase}”，它指哪一类单位？（以后读通知时照此对应）",
            [*categories, skip],
            0,
            False,
        )
        if ok and choice != skip:
            services.reader.add_rule(phrase, choice)
            taught = True
    return taught


def doubts_text(read: Any) -> str:
    lines = [f"从“{read.source}”读出，标黄的内容请核对："]
    if read.note:
        lines.append(f"· {read.note}")
    for key, why in read.draft.doubts.items():
        lines.append(f"· {_LABELS.get(key, key)}：{why}")
    for i, r in enumerate(read.draft.requirements, start=1):
        for why in r.doubts.values():
            lines.append(f"· 第{i}个事项“{r.title}”：{why}")
    return "\n".join(lines)


def mark(editor: NoticeEditor, read: Any) -> None:
    for key, attr in _FIELDS.items():
        widget = getattr(editor.ui, attr)
        why = read.draft.doubts.get(key)
        source = read.draft.sources.get(key, "")
        if why:
            widget.setStyleSheet(DOUBT_STYLE)
            widget.setToolTip(f"待核对：{why}" + (f"\n原文：{source}" if source else ""))
        elif source:
            widget.setToolTip(f"原文：{source}")
    if read.draft.uncertain or read.note:
        strip = MessageStrip("warning", editor)
        strip.setObjectName("noticeDoubts")
        strip.show_message(doubts_text(read))
        layout = editor.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, strip)


def editor_from_file(services: Any, path: Path, parent: QWidget | None = None) -> NoticeEditor:
    """Raises TrackerError (one Chinese line) when the file cannot be read."""
    read = services.reader.read(path)
    if ask_unknown_phrases(services, read, parent):
        read = services.reader.read(path)
    draft = draft_from_spec(read.draft.to_spec(), services.units.list_units())
    editor = NoticeEditor(services, draft, parent)
    editor.setWindowTitle(editor.tr("从通知文件新建 — {0}").format(read.source))
    mark(editor, read)
    return editor
