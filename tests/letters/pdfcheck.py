"""Reading PDFs back: pages, words with font and position (mm from the top-left), fonts."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.tools import tool

MM = 72 / 25.4


@dataclass(frozen=True)
class Word:
    text: str
    x_mm: float
    top_mm: float
    size: float
    font: str
    page: int


def pages_text(path: Path) -> list[str]:
    out = subprocess.run(
        [tool("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return out.split("\f")[:-1]


def raw_text(path: Path) -> str:
    """The text in content order with line breaks removed (cells wrapped over lines join)."""
    out = subprocess.run(
        [tool("pdftotext"), "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return out.replace("\n", "")


def words(path: Path) -> list[Word]:
    import pdfplumber

    found: list[Word] = []
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            lines = page.extract_text_lines(return_chars=True, strip=True)
            for line in lines:
                first = line["chars"][0]
                found.append(
                    Word(
                        line["text"],
                        first["x0"] / MM,
                        first["top"] / MM,
                        round(first["size"], 1),
                        first["fontname"],
                        n,
                    )
                )
    return found


def page_sizes_mm(path: Path) -> list[tuple[float, float]]:
    from pypdf import PdfReader

    return [
        (float(p.mediabox.width) / MM, float(p.mediabox.height) / MM) for p in PdfReader(path).pages
    ]


def fonts(path: Path) -> list[dict[str, str]]:
    out = subprocess.run(
        [tool("pdffonts"), str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    rows = []
    for line in out:
        parts = line.split()
        # name type [type2] encoding emb sub uni id gen: emb/sub/uni are the 5th-3rd from the end
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows
