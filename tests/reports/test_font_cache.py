"""Fonts parsed once per user: the cached font draws the very same PDF, a changed or damaged
entry is parsed again, and a crafted cache file is refused, never run."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from tracker.paths import resource_path
from tracker.reports import font_cache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(folder))
    return folder / "fonts"


@pytest.fixture
def font_file(tmp_path: Path) -> Path:
    copy = tmp_path / "song.ttf"
    shutil.copyfile(Path(str(resource_path("fonts", "song.ttf"))), copy)
    return copy


def _pdf(font: object, name: str) -> bytes:
    """A page in ``font`` (registered under ``name``), byte-stable (reportlab's invariant)."""
    import io

    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(font)
    saved = rl_config.invariant
    rl_config.invariant = 1
    try:
        buf = io.BytesIO()
        c = Canvas(buf, initialFontName=name)
        c.setFont(name, 16)
        c.drawString(72, 700, "天津市市场监督管理委员会 关于催报2023年阶段性总结的函 Ab12")
        c.showPage()
        c.save()
        return buf.getvalue()
    finally:
        rl_config.invariant = saved


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from reportlab.pdfbase.ttfonts import TTFontFile

    seen: list[str] = []
    real = TTFontFile.extractInfo

    def counted(self: object, *a: object, **kw: object) -> object:
        seen.append("parsed")
        return real(self, *a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(TTFontFile, "extractInfo", counted)
    return seen


def test_the_cached_font_draws_the_same_pdf(
    cache: Path, font_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    parsed = _parses(monkeypatch)
    first = font_cache.load_ttfont("CacheA", font_file)
    assert parsed == ["parsed"] and len(list(cache.glob("*.pickle"))) == 1
    again = font_cache.load_ttfont("CacheB", font_file)
    assert parsed == ["parsed"]  # read back, not parsed
    fresh = TTFont("CacheC", str(font_file))
    assert set(vars(again)) == set(vars(fresh))  # every attribute reportlab's constructor sets
    assert set(vars(again.face)) == set(vars(fresh.face))
    assert again.face.charToGlyph == fresh.face.charToGlyph
    assert _pdf(again, "CacheB").replace(b"CacheB", b"CacheC") == _pdf(fresh, "CacheC")
    assert first.face.name == fresh.face.name


def test_a_changed_or_damaged_entry_is_parsed_again(
    cache: Path, font_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = _parses(monkeypatch)
    font_cache.load_ttfont("CacheD", font_file)
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(b"\x80\x05cut off")
    font_cache.load_ttfont("CacheE", font_file)
    assert len(parsed) == 2
    assert font_cache._read(entry) is not None  # rewritten whole
    stat = font_file.stat()
    os.utime(font_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # the font replaced
    font_cache.load_ttfont("CacheF", font_file)
    assert len(parsed) == 3 and len(list(cache.glob("*.pickle"))) == 2


def test_a_crafted_cache_file_is_refused_not_run(
    cache: Path, font_file: Path, tmp_path: Path
) -> None:
    font_cache.load_ttfont("CacheG", font_file)
    (entry,) = cache.glob("*.pickle")
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    entry.write_bytes(pickle.dumps({"version": font_cache.CACHE_VERSION, "face": Evil()}))
    font = font_cache.load_ttfont("CacheH", font_file)
    assert not marker.exists()
    assert font.face.charToGlyph  # parsed from the file instead


def test_an_unwritable_cache_only_costs_the_parse(
    tmp_path: Path, font_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(blocker))
    font = font_cache.load_ttfont("CacheI", font_file)
    assert font.face.charToGlyph and blocker.read_text() == "x"


def test_another_font_with_the_same_name_size_and_time_is_parsed_again(
    cache: Path, font_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A font replaced in place by another version that kept its size and time (copied with
    its dates, an installer's archive times): the entry belongs to other bytes."""
    from reportlab.pdfbase.ttfonts import TTFont

    parsed = _parses(monkeypatch)
    font_cache.load_ttfont("CacheJ", font_file)
    stat = font_file.stat()
    data = bytearray(font_file.read_bytes())
    data[-1] ^= 0xFF  # the same length, other bytes
    font_file.write_bytes(bytes(data))
    os.utime(font_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert font_file.stat().st_size == stat.st_size
    font = font_cache.load_ttfont("CacheK", font_file)
    assert len(parsed) == 2 and font.face._ttf_data == bytes(data)
    fresh = TTFont("CacheL", str(font_file))
    assert font.face.charToGlyph == fresh.face.charToGlyph


def test_plain_data_of_the_wrong_shape_is_parsed_again(
    cache: Path, font_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = _parses(monkeypatch)
    font_cache.load_ttfont("CacheM", font_file)
    (entry,) = cache.glob("*.pickle")
    good = pickle.loads(entry.read_bytes())
    for k, bad in (("charToGlyph", {"a": "b"}), ("charWidths", "wide"), ("glyphPos", []),
                   ("unitsPerEm", 0), ("hmetrics", None)):  # fmt: skip
        state = {**good, "face": {**good["face"], k: bad}}
        entry.write_bytes(pickle.dumps(state))
        font = font_cache.load_ttfont("CacheN", font_file)
        assert font.face.charToGlyph == good["face"]["charToGlyph"], k
    assert len(parsed) == 6
    entry.write_bytes(pickle.dumps({k: v for k, v in good.items() if k != "crc32"}))
    font_cache.load_ttfont("CacheO", font_file)
    assert len(parsed) == 7


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_an_entry_that_is_not_a_regular_file_is_never_read(
    cache: Path, font_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = _parses(monkeypatch)
    font_cache.load_ttfont("CacheP", font_file)
    (entry,) = cache.glob("*.pickle")
    entry.unlink()
    os.mkfifo(entry)  # reading it would wait for ever
    font = font_cache.load_ttfont("CacheQ", font_file)
    assert len(parsed) == 2 and font.face.charToGlyph
    assert entry.is_file()  # replaced by a good entry
    with entry.open("r+b") as f:
        f.truncate(font_cache.MAX_ENTRY + 1)  # a giant (sparse): not read either
    reads: list[str] = []
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        reads.append(self.suffix)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    font_cache.load_ttfont("CacheR", font_file)
    assert len(parsed) == 3 and ".pickle" not in reads


def test_a_read_only_cache_is_used_but_not_written(
    cache: Path, font_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache folder the user cannot write (a locked-down profile; as root chmod binds no
    one, so writes are refused where the module makes them): a good entry is still read, a
    missing one costs only the parse, and nothing is left behind."""
    import tempfile

    parsed = _parses(monkeypatch)
    font_cache.load_ttfont("CacheS", font_file)

    def refused(*a: object, **kw: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    font_cache.load_ttfont("CacheT", font_file)
    assert len(parsed) == 1  # read back though nothing can be written
    (entry,) = cache.glob("*.pickle")
    entry.unlink()
    font = font_cache.load_ttfont("CacheU", font_file)
    assert len(parsed) == 2 and font.face.charToGlyph
    assert list(cache.iterdir()) == []
