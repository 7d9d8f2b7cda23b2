"""PDF pages for the window: rendered to QImage with PDFium, printed onto a QPrinter, saved,
or opened in the system's viewer. (PySide6.QtPdf is not installed; pypdfium2 is small.)"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QRect, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from tracker.reports.pdf_split import PDFIUM_LOCK


def page_count(data: bytes) -> int:
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(data)
        try:
            return len(doc)
        finally:
            doc.close()


def render_pages(data: bytes, dpi: float, first: int = 0, last: int | None = None) -> list[QImage]:
    """Pages ``first``..``last`` (inclusive) as RGB images at ``dpi``."""
    import pypdfium2 as pdfium

    images: list[QImage] = []
    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(data)
        try:
            end = len(doc) - 1 if last is None else min(last, len(doc) - 1)
            for index in range(first, end + 1):
                bitmap = doc[index].render(scale=dpi / 72, rev_byteorder=True)
                image = QImage(
                    bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                    QImage.Format.Format_RGB888,
                )  # fmt: skip
                images.append(image.copy())  # own the pixels before the bitmap is freed
        finally:
            doc.close()
    return images


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print every page (or the dialog's page range) at the printer's resolution; returns the
    number of pages sent."""
    total = page_count(data)
    first, last = printer.fromPage(), printer.toPage()
    pages = range(first - 1, last) if first > 0 else range(total)
    dpi = min(printer.resolution(), 300)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("无法开始打印：打印机不可用")
    try:
        for n, index in enumerate(pages):
            if n:
                printer.newPage()
            image = render_pages(data, dpi, index, index)[0]
            target = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            painter.drawImage(_fit(image, target), image)
    finally:
        painter.end()
    return len(pages)


def _fit(image: QImage, target: QRect) -> QRect:
    """The largest rectangle of the image's shape inside ``target``, at its top-left."""
    scale = min(target.width() / image.width(), target.height() / image.height())
    return QRect(0, 0, int(image.width() * scale), int(image.height() * scale))


def save_pdf(data: bytes, path: Path) -> None:
    from tracker.domain.errors import TrackerError, os_failure

    try:
        Path(path).write_bytes(data)
    except PermissionError:
        raise TrackerError(
            f"无法写入“{Path(path).name}”：文件可能正在 PDF 阅读器中打开，或文件夹只读"
        ) from None
    except OSError as exc:  # a read-only folder, a full disk …
        raise os_failure(exc, f"无法写入“{Path(path).name}”") from None


def open_in_viewer(data: bytes, name: str) -> Path:
    """Write to a temporary file and open it with the system's PDF viewer."""
    folder = Path(tempfile.gettempdir()) / "tracker-pdf"
    folder.mkdir(exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{name}-", suffix=".pdf", dir=folder)
    os.close(fd)
    Path(tmp).write_bytes(data)
    QDesktopServices.openUrl(QUrl.fromLocalFile(tmp))
    return Path(tmp)
