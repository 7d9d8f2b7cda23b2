"""Printing rows for a terminal (aligned for CJK), as CSV or as JSON with stable keys."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from tracker.domain.dates import format_cn
from tracker.domain.forms import form_codes, format_forms
from tracker.domain.records import ObligationRow, SubmissionRecord
from tracker.domain.text import display_width


def pad(text: str, width: int) -> str:
    return text + " " * max(width - display_width(text), 0)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [display_width(h) for h in headers]
    for row in rows:
        widths = [max(w, display_width(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(
        "  ".join(pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )
    return "\n".join(lines)


STATUS_HEADERS = (
    "单位",
    "类别",
    "通知",
    "报送事项",
    "时限",
    "延期至",
    "状态",
    "逾期天数",
    "缺少",
    "催报",
)


def status_cells(r: ObligationRow) -> list[str]:
    return [
        r.unit_name,
        r.category,
        r.doc_number or r.notice_title,
        r.requirement_title,
        format_cn(r.deadline),
        format_cn(r.extended_to),
        r.status.label,
        str(r.days_overdue) if r.days_overdue else "",
        format_forms(r.missing_forms),
        str(r.reminders) if r.reminders else "",
    ]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def row_json(r: ObligationRow) -> dict[str, object]:
    """Stable English keys and codes: scripts may depend on them."""
    return {
        "obligation_id": r.obligation_id,
        "unit": r.unit_name,
        "category": r.category,
        "notice": r.doc_number or r.notice_title,
        "notice_title": r.notice_title,
        "requirement": r.requirement_title,
        "deadline": _iso(r.deadline),
        "extended_to": _iso(r.extended_to),
        "effective_deadline": _iso(r.effective_deadline),
        "status": r.status.value,
        "status_label": r.status.label,
        "required_forms": form_codes(r.required_forms),
        "received_forms": form_codes(r.received_forms),
        "missing_forms": form_codes(r.missing_forms),
        "days_overdue": r.days_overdue,
        "workdays_left": r.workdays_left,
        "exempt_reason": r.exempt_reason,
        "reminders": r.reminders,
        "last_reminder": _iso(r.last_reminder),
        "as_of": _iso(r.as_of),
    }


def submission_json(r: SubmissionRecord, path_for: Callable[[str, str], Path]) -> dict[str, object]:
    """One registration: stable keys ``id``, ``received_on``, ``channel``, ``forms``, ``files``,
    ``note``; each file with its original name, content hash and archived path."""
    return {
        "id": r.id,
        "received_on": r.received_on.isoformat(),
        "channel": r.channel,
        "forms": form_codes(r.forms),
        "files": [
            {"name": name, "sha256": sha, "path": str(path_for(sha, name))} for name, sha in r.files
        ],
        "note": r.note,
    }


def submission_cells(r: SubmissionRecord) -> list[str]:
    names = "、".join(name for name, _sha in r.files)
    return [str(r.id), format_cn(r.received_on), r.channel, format_forms(r.forms), names, r.note]


def render_rows(rows: Sequence[ObligationRow], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([row_json(r) for r in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        from tracker.reports.csv_text import csv_text

        return csv_text(STATUS_HEADERS, (status_cells(r) for r in rows))
    return table(STATUS_HEADERS, [status_cells(r) for r in rows])
