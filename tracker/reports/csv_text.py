"""CSV that a spreadsheet opens as text: a cell Excel, WPS or LibreOffice would run as a formula
(``=HYPERLINK(…)``, ``+1``, ``-1+2``, ``@SUM(1)``, or one led by a tab or carriage return) gets
a leading apostrophe, as OWASP advises against CSV injection."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The cell as text, a leading apostrophe when it would start a formula. A carriage return
    inside becomes a line feed: csv quotes only fields holding the line terminator (\n), and an
    unquoted CR splits the row in Excel."""
    text = "" if value is None else str(value)
    lead = "'" if text.startswith(FORMULA_LEADS) else ""
    return lead + text.replace("\r\n", "\n").replace("\r", "\n")


def csv_text(headers: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    """Header and rows as CSV (``\\n`` line ends, no trailing newline), every cell made safe."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([safe_cell(h) for h in headers])
    writer.writerows([safe_cell(c) for c in row] for row in rows)
    return buf.getvalue().removesuffix("\n")
