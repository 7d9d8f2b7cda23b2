"""Writing a PDF file safely: to a temporary file beside the target, then replacing it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tracker.domain.errors import TrackerError, os_failure


class Cancelled(TrackerError):
    """The user cancelled a long job; nothing was written."""

    def __init__(self) -> None:
        super().__init__("已取消")


def new_canvas(
    target: Any, title: str, font: str, landscape: bool = False, author: str = ""
) -> Any:
    """A canvas whose initial font is ``font`` (reportlab would name Helvetica on every page,
    a font never embedded)."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pagesizes import landscape as turn
    from reportlab.pdfgen.canvas import Canvas

    rl_config.useA85 = 0  # binary streams: smaller files, and no slow pure-Python ASCII85
    size = turn(A4) if landscape else A4
    c = Canvas(target, pagesize=size, pageCompression=1, initialFontName=font)
    c.setTitle(title)
    c.setAuthor(author or "报送督办台账")  # the office when known: the program is the creator
    c.setCreator("报送督办台账")
    return c


def write_pdf(
    path: Path,
    build: Callable[[Any], None],
    title: str,
    font: str,
    landscape: bool = False,
    author: str = "",
) -> None:
    """``build(canvas)`` draws the pages; the file appears whole or not at all."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".pdf", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise os_failure(exc, f"无法写入“{path}”") from exc
    try:
        c = new_canvas(tmp, title, font, landscape, author)
        build(c)
        c.save()
        os.replace(tmp, path)
    except PermissionError:
        raise TrackerError(
            f"无法写入“{path.name}”：文件可能正在 PDF 阅读器中打开，请关闭后重试"
        ) from None
    except OSError as exc:  # a full disk while saving: nothing is left half-written
        raise os_failure(exc, f"无法写入“{path.name}”") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def pdf_bytes(
    build: Callable[[Any], None], title: str, font: str, landscape: bool = False, author: str = ""
) -> bytes:
    import io

    buf = io.BytesIO()
    c = new_canvas(buf, title, font, landscape, author)
    build(c)
    c.save()
    return buf.getvalue()
