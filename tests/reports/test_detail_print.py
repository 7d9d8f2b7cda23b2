"""The demo's 明细 as LibreOffice prints it: two legible parts (序号 and 单位 on both), never a
part holding a single column, no title or scope line cut off at a part's edge, headers broken
between words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.office import convert
from tests.ui.conftest import demo_dir, demo_services  # noqa: F401  (fixtures)
from tracker.services.bundle import Services

DETAIL_HEADERS = {
    "序号", "单位", "类别", "通知文号", "报送事项", "原定时限", "延期至", "状态", "电子版",
    "纸质版", "盖章", "佐证材料", "逾期", "天数", "催报", "次数", "最近催报", "备注",
}  # fmt: skip


def _header_words(page) -> set[str]:  # type: ignore[no-untyped-def]
    """The words on the table's header row (the line of 序号) of a printed page."""
    words = page.extract_words()
    first = min((w for w in words if w["text"] == "序号"), key=lambda w: w["top"])
    band = (first["top"] - 12, first["bottom"] + 12)
    return {w["text"] for w in words if band[0] <= w["top"] <= band[1]}


def test_demo_detail_prints_in_two_whole_parts(
    demo_services: Services,  # noqa: F811
    tmp_path: Path,
    office_profile: Path,
) -> None:
    import pdfplumber

    book = tmp_path / "统计表.xlsx"
    demo_services.export.write_status(book, as_of=date(2023, 6, 28))
    convert(book, "pdf", tmp_path / "pdf", office_profile)
    parts: dict[frozenset[str], int] = {}
    with pdfplumber.open(tmp_path / "pdf" / "统计表.pdf") as pdf:
        for page in pdf.pages:
            text = page.extract_text() or ""
            if text.splitlines()[-1].split()[0] != "明细":
                continue
            words = _header_words(page)
            assert not {"逾期天", "催报次"} & words, words  # headers break between words
            heads = frozenset(words & DETAIL_HEADERS)
            parts[heads] = parts.get(heads, 0) + 1
            sizes = [c["size"] for c in page.chars if c["text"].strip()]
            assert min(sizes) >= 9.0, min(sizes)
            # the page header names the sheet; a title or scope row cut at the edge does not
            assert text.count("明细") == 2, text.splitlines()[:3]
            assert "范围：" not in text or "范围：全部通知" in text
    assert len(parts) == 2, [sorted(p) for p in parts]
    for heads in parts:
        assert {"序号", "单位"} <= heads and len(heads - {"序号", "单位"}) >= 4, sorted(heads)
    assert set().union(*parts) == DETAIL_HEADERS
    assert len(set(parts.values())) == 1  # every row on both parts
