"""报送情况统计表: the workbook (汇总, 明细, 矩阵, 排名, and 关键数据 when the summaries gave
any), written in write-only mode."""

from __future__ import annotations

from pathlib import Path

from tracker.domain.ranking import Ranking, RankingScope, rank_units
from tracker.reports.status_book import Progress, StatusBook
from tracker.reports.xlsx_common import save_atomically, write_only_workbook
from tracker.reports.xlsx_detail import write_detail
from tracker.reports.xlsx_matrix import write_matrix
from tracker.reports.xlsx_ranking import write_ranking_sheet
from tracker.reports.xlsx_style import set_properties
from tracker.reports.xlsx_summary import write_summary


def write_status_workbook(path: Path, book: StatusBook, progress: Progress | None = None) -> None:
    """Write the workbook to ``path`` (replaced only once complete).

    ``progress(done, total)`` is called as rows go out; an exception raised from it (the
    window's cancel) abandons the export and leaves any existing file untouched.
    """
    units = len(book.units())
    total = len(book.rows) + units + 1
    with write_only_workbook() as wb:
        set_properties(wb, book.title, book.scope, book.as_of, book.author)
        write_summary(wb, book)
        write_detail(wb, book, progress, 0, total)
        write_matrix(wb, book, progress, len(book.rows), total)
        write_ranking_sheet(wb, book_ranking(book), book.title, book.office)
        if book.figures is not None and book.figures.lines:
            from tracker.reports.xlsx_figures import write_figures

            write_figures(wb, book.figures)
        save_atomically(wb, path)
    if progress is not None:
        progress(total, total)


def book_ranking(book: StatusBook) -> Ranking:
    """The units of the workbook's rows ranked over all of them (its notices, every year)."""
    ranking = rank_units(book.rows, RankingScope(book.as_of), book.categories)
    return Ranking(ranking.scope, ranking.rows, ranking.total, book.scope, ranking.categories)
