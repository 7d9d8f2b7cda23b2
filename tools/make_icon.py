"""Draw the app icon (a developer tool; the results are committed in resources/icons/).

    QT_QPA_PLATFORM=offscreen python tools/make_icon.py

The icon: a blue ledger board with a clip, a white sheet with ticked rows, and a red round
seal (公章) with a white star over its lower right corner. Each size is drawn on its own, with
less detail as it shrinks, so 16 px stays a clean shape rather than a blurred 256 px picture.
Writes app-<size>.png for every size, app.png (256 px) and app.ico (all sizes; uncompressed
32-bit bitmaps up to 48 px for old icon readers, PNG above, as Windows itself does).
"""

from __future__ import annotations

import math
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
BITMAP_UP_TO = 48  # sizes above this are stored as PNG inside the .ico

BOARD = QColor("#1f4e8c")
BOARD_EDGE = QColor("#163a69")
PAPER = QColor("#ffffff")
INK = QColor("#8a96a8")
TICK = QColor("#2e7d32")
CLIP = QColor("#c7ced8")
CLIP_EDGE = QColor("#5d6b7e")
SEAL = QColor("#d7262e")
SEAL_EDGE = QColor("#a3161d")


def star(center: QPointF, outer: float, inner: float) -> QPainterPath:
    path = QPainterPath()
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        point = QPointF(center.x() + r * math.cos(angle), center.y() + r * math.sin(angle))
        path.moveTo(point) if i == 0 else path.lineTo(point)
    path.closeSubpath()
    return path


def box(u: float, size: int, x: float, y: float, w: float, h: float) -> QRectF:
    """A rectangle of the design grid, snapped to whole pixels below 48 px."""
    if size >= 48:
        return QRectF(x * u, y * u, w * u, h * u)
    left, top = round(x * u), round(y * u)
    return QRectF(left, top, round((x + w) * u) - left, round((y + h) * u) - top)


def draw_board(p: QPainter, u: float, size: int) -> None:
    """The board and the sheet; ``u`` is one unit of the 256-unit design grid."""
    p.setPen(QPen(BOARD_EDGE, 4 * u) if size >= 48 else Qt.PenStyle.NoPen)
    p.setBrush(BOARD)
    p.drawRoundedRect(box(u, size, 34, 26, 172, 218), 20 * u, 20 * u)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(PAPER)
    p.drawRoundedRect(box(u, size, 54, 58, 132, 168), 6 * u, 6 * u)


def draw_clip(p: QPainter, u: float, size: int) -> None:
    if size < 24:
        p.setBrush(CLIP)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRect(box(u, size, 88, 14, 80, 40))
        return
    p.setPen(QPen(CLIP_EDGE, max(1.0, 5 * u)))
    p.setBrush(CLIP)
    p.drawRoundedRect(QRectF(84 * u, 30 * u, 88 * u, 38 * u), 10 * u, 10 * u)
    p.drawEllipse(QPointF(128 * u, 26 * u), 18 * u, 18 * u)
    p.setBrush(BOARD)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(QPointF(128 * u, 26 * u), 7 * u, 7 * u)


def draw_rows(p: QPainter, u: float, size: int) -> None:
    """Ruled rows: three whole-pixel bars at small sizes, four with ticks from 48 px up."""
    detailed = size >= 48
    rows = (96, 132, 168, 204) if detailed else (92, 136, 180)
    for i, y in enumerate(rows):
        left = 96 if detailed else 72
        # the seal covers the right end of the lower rows
        right = 166 if i < 2 or not detailed else 120
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(INK)
        if detailed:
            p.drawRect(QRectF(left * u, (y - 5) * u, (right - left) * u, 10 * u))
        else:  # snapped to the pixel grid so the bars stay sharp
            top, height = round((y - 6) * u), max(1, round(12 * u))
            p.drawRect(QRectF(round(left * u), top, round((right - left) * u), height))
        if detailed:
            pen = QPen(TICK, 9 * u, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolyline([QPointF(68 * u, y * u), QPointF(75 * u, (y + 7) * u),
                            QPointF(86 * u, (y - 8) * u)])  # fmt: skip


def draw_seal(p: QPainter, u: float, size: int) -> None:
    center = QPointF(180 * u, 190 * u)
    radius = 58 * u if size >= 32 else 64 * u
    p.setPen(QPen(SEAL_EDGE, max(1.0, 3 * u)) if size >= 48 else Qt.PenStyle.NoPen)
    p.setBrush(SEAL)
    p.drawEllipse(center, radius, radius)
    if size >= 48:  # the seal's inner ring
        p.setPen(QPen(PAPER, max(1.0, 5 * u)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(center, radius - 11 * u, radius - 11 * u)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(PAPER)
    outer = radius * (0.62 if size >= 32 else 0.7)
    p.drawPath(star(center, outer, outer * 0.42))


def draw_icon(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    u = size / 256
    draw_board(p, u, size)
    draw_clip(p, u, size)
    draw_rows(p, u, size)
    draw_seal(p, u, size)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def bitmap_bytes(image: QImage) -> bytes:
    """A 32-bit DIB as an .ico stores it: header with doubled height, BGRA rows bottom-up,
    then the 1-bit AND mask (all zero: the alpha channel decides)."""
    size = image.width()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)  # BGRA in memory (little endian)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    stride = size * 4
    raw = bytes(image.constBits())
    rows = b"".join(raw[y * image.bytesPerLine() :][:stride] for y in reversed(range(size)))
    mask_stride = ((size + 31) // 32) * 4
    return header + rows + bytes(mask_stride * size)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    entries, blobs = [], []
    offset = 6 + 16 * len(images)
    for size, image in sorted(images.items()):
        blob = bitmap_bytes(image) if size <= BITMAP_UP_TO else png_bytes(image)
        dim = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return struct.pack("<HHH", 0, 1, len(images)) + b"".join(entries) + b"".join(blobs)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    images = {size: draw_icon(size) for size in SIZES}
    for size, image in images.items():
        (OUT / f"app-{size}.png").write_bytes(png_bytes(image))
    (OUT / "app.png").write_bytes(png_bytes(images[256]))
    (OUT / "app.ico").write_bytes(ico_bytes(images))
    print(f"wrote {len(images)} sizes to {OUT}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
