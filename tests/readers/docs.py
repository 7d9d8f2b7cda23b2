"""Real documents for the readers' tests: seed texts written as .docx and .pdf."""

from __future__ import annotations

from pathlib import Path

# Verbatim copies of ../shared/seeds (real notices 001, 003, 004; real summaries 000, 002), so
# the tests run from any clone.
SEEDS = Path(__file__).resolve().parent / "seeds"
FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "song.ttf"


def seed_path(number: str) -> Path:
    """``"004"`` → the seed file."""
    return next(SEEDS.glob(f"{number}_*.txt"))


def seed_text(number: str) -> str:
    return seed_path(number).read_text(encoding="utf-8")


def write_docx(path: Path, text: str, tables: tuple[list[list[str]], ...] = ()) -> Path:
    """Each line a paragraph; a line holding tabs becomes a table row of its own table."""
    import docx

    doc = docx.Document()
    pending: list[list[str]] = []

    def flush() -> None:
        if pending:
            table = doc.add_table(rows=0, cols=max(len(r) for r in pending))
            for row in pending:
                cells = table.add_row().cells
                for cell, value in zip(cells, row, strict=False):
                    cell.text = value
            pending.clear()

    for line in text.splitlines():
        if "\t" in line:
            pending.append(line.split("\t"))
            continue
        flush()
        doc.add_paragraph(line)
    flush()
    for rows in tables:
        pending.extend(rows)
        flush()
    doc.save(str(path))
    return path


def write_pdf(path: Path, text: str, *, seal: bool = False, scanned: bool = False) -> Path:
    """A real PDF with the text set in the bundled Song face (wrapped), or a page with no text
    layer at all (``scanned``), optionally with a red seal drawn low on the first page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "Song" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Song", str(FONT)))
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    y = height - 60
    if seal:
        c.setStrokeColorRGB(0.85, 0.05, 0.05)
        c.setLineWidth(3)
        c.circle(width - 150, 160, 55)
    if scanned:
        c.setFillColorRGB(0.2, 0.2, 0.2)
        c.rect(60, 300, 400, 300, fill=1)  # a picture of a page, no text
        c.showPage()
        c.save()
        return path
    c.setFont("Song", 11)
    for line in text.splitlines():
        line = line.replace("\t", "    ")
        while True:
            chunk, line = line[:44], line[44:]
            c.drawString(50, y, chunk)
            y -= 16
            if y < 60:
                c.showPage()
                c.setFont("Song", 11)
                y = height - 60
            if not line:
                break
    c.showPage()
    c.save()
    return path
