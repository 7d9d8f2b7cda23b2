"""The app icon: an .ico Windows can use (every size from 16 to 256 px) and the window icon."""

from __future__ import annotations

import struct

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QImageReader

from tracker.paths import resource_path
from tracker.ui.icon import ICON_SIZES, app_icon

SEAL_RED = QColor("#d7262e")


def ico_directory(data: bytes) -> list[tuple[int, int, int]]:
    """(size, bits per pixel, is PNG) of each image in an .ico file."""
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    entries = []
    for i in range(count):
        w, h, _colors, _r, _planes, bpp, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        assert w == h and offset + length <= len(data)
        is_png = data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        entries.append((w or 256, bpp, int(is_png)))
    return entries


def is_seal_red(color: QColor) -> bool:
    return color.alpha() > 200 and abs(color.red() - SEAL_RED.red()) < 30 and color.green() < 70


def test_ico_holds_every_size_small_ones_as_bitmaps() -> None:
    entries = ico_directory(resource_path("icons", "app.ico").read_bytes())
    assert [size for size, _, _ in entries] == list(ICON_SIZES)
    assert all(bpp == 32 for _, bpp, _ in entries)
    assert [png for size, _, png in entries if size <= 48] == [0] * 6  # old readers
    assert [png for size, _, png in entries if size > 48] == [1] * 3


def test_qt_reads_each_image_of_the_ico_at_its_size() -> None:
    reader = QImageReader(str(resource_path("icons", "app.ico")))
    sizes = []
    for i in range(reader.imageCount()):
        reader.jumpToImage(i)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.append(image.width())
    assert sorted(sizes) == list(ICON_SIZES)


def test_every_size_shows_the_red_seal_on_a_transparent_corner() -> None:
    for size in ICON_SIZES:
        image = QImage(str(resource_path("icons", f"app-{size}.png")))
        assert image.size() == QSize(size, size)
        assert image.pixelColor(0, size - 1).alpha() == 0  # bottom-left corner: transparent
        half = range(size // 2, size)
        quarter = [image.pixelColor(x, y) for x in half for y in half]
        seal = [c for c in quarter if is_seal_red(c)]
        assert len(seal) > 0.3 * len(quarter), size  # the seal fills the lower right


def test_window_icon_offers_the_drawn_sizes(qapp) -> None:  # type: ignore[no-untyped-def]
    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} == set(ICON_SIZES)
