"""TrueType fonts parsed once per user, not on every run.

reportlab reads a font's tables (cmap, metrics, glyph offsets) in Python each time a process
registers it: 10-15 ms for each shipped file, more for Windows' 仿宋/黑体/方正小标宋, for every
letter, list or workbook a command prints. What it reads is kept in the per-user cache and
read back while the font file is unchanged (same path, size and modification time, same
reportlab). The font's bytes are still read from the file itself: they are what gets
embedded.

The cache is plain data (dicts, lists, numbers, strings) read with an unpickler that refuses
every global, so a damaged or crafted file can only be ignored, never run. An entry is used
only for the very bytes it was made from (their length and CRC-32, checked on the bytes read
for embedding: under 1 ms for a 5 MB font), so a font replaced by another version with the
same size and time is parsed again. Anything amiss — unreadable, not a regular file, stale,
another layout, wrong types — and the font is parsed as before and the entry rewritten; a
cache that cannot be written is simply not kept.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import stat
import zlib
from pathlib import Path
from typing import Any

CACHE_VERSION = 2
MAX_ENTRY = 64 << 20  # the largest CJK font's tables take a few MB; more is not ours
_SKIPPED = ("_ttf_data", "_pdfScale", "_pos")  # the file's bytes, a lambda, a read cursor


def load_ttfont(name: str, path: str | Path, index: int = 0) -> Any:
    """reportlab's ``TTFont(name, path, subfontIndex=index)``, from the cache when it can."""
    from reportlab.pdfbase.ttfonts import TTFont

    entry = _entry(Path(path), index)
    if entry is not None:
        state = _read(entry)
        if state is not None:
            font = _rebuilt(name, Path(path), state)
            if font is not None:
                return font
    font = TTFont(name, str(path), subfontIndex=index)
    if entry is not None:
        _write(entry, _state_of(font.face))
    return font


def _entry(path: Path, index: int) -> Path | None:
    from reportlab import Version

    from tracker.paths import cache_dir

    try:
        st = path.stat()
        folder = cache_dir() / "fonts"
    except OSError:
        return None
    key = f"{CACHE_VERSION}|{Version}|{path.resolve()}|{index}|{st.st_size}|{st.st_mtime_ns}"
    return folder / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"


def _state_of(face: Any) -> dict[str, Any]:
    from reportlab.pdfbase.ttfonts import TTFNameBytes

    values = {k: v for k, v in vars(face).items() if k not in _SKIPPED}
    names = sorted(k for k, v in values.items() if isinstance(v, TTFNameBytes))
    for k in names:
        values[k] = bytes(values[k])  # TTFNameBytes is rebuilt from its UTF-8 bytes
    data = face._ttf_data
    return {
        "version": CACHE_VERSION,
        "size": len(data),
        "crc32": zlib.crc32(data),
        "face": values,
        "names": names,
    }


# What reportlab's drawing and embedding read, and the types it expects them in.
_SHAPES: dict[str, type | tuple[type, ...]] = {
    "charToGlyph": dict,
    "glyphToChar": dict,
    "charWidths": dict,
    "hmetrics": list,
    "glyphPos": list,
    "table": dict,
    "tables": list,
    "bbox": list,
    "unitsPerEm": int,
    "numGlyphs": int,
    "ascent": (int, float),
    "descent": (int, float),
    "defaultWidth": (int, float),
    "capHeight": (int, float),
    "flags": int,
    "filename": str,
}


def _well_formed(values: dict[str, Any]) -> bool:
    if not all(isinstance(values.get(k), t) for k, t in _SHAPES.items()):
        return False
    c2g = values["charToGlyph"]
    ints = all(type(k) is int and type(v) is int for k, v in c2g.items())
    widths = all(isinstance(v, (int, float)) for v in values["charWidths"].values())
    return ints and widths and values["unitsPerEm"] > 0 and len(values["glyphPos"]) > 0


def _rebuilt(name: str, path: Path, state: dict[str, Any]) -> Any:
    """The TTFont as reportlab's constructor leaves it, from ``state``; None if unusable."""
    from fnmatch import fnmatch
    from weakref import WeakKeyDictionary

    from reportlab import rl_config
    from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

    try:
        values = dict(state["face"])
        for k in state["names"]:
            values[k] = TTFNameBytes(values[k])
        if not _well_formed(values):
            return None
        data = path.read_bytes()  # embedded subsets are cut from the file itself
        if len(data) != state["size"] or zlib.crc32(data) != state["crc32"]:
            return None  # another font under the same name, size and time
        upem = values["unitsPerEm"]
        face = TTFontFace.__new__(TTFontFace)
        face.__dict__.update(values)
        face._ttf_data = data
        face._pos = 0
        face._pdfScale = (lambda x: x) if upem == 1000 else (lambda x, k=1000 / upem: x * k)
    except (OSError, KeyError, TypeError, ValueError, AttributeError, UnicodeError):
        return None
    font = TTFont.__new__(TTFont)  # what TTFont.__init__ sets, the face given instead of parsed
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, g) for g in rl_config.unShapedFontGlob)
    return font


class _PlainData(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"not plain data: {module}.{name}")


def _read(entry: Path) -> dict[str, Any] | None:
    try:
        st = entry.stat()
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_ENTRY:
            return None  # a pipe, a device or a giant: never read
        state = _PlainData(io.BytesIO(entry.read_bytes())).load()
    except FileNotFoundError:
        return None
    except Exception:  # damaged, cut off, crafted: parse the font instead
        return None
    ok = isinstance(state, dict) and state.get("version") == CACHE_VERSION
    return state if ok and isinstance(state.get("face"), dict) else None


def _write(entry: Path, state: dict[str, Any]) -> None:
    import tempfile

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".font-", dir=entry.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except (OSError, pickle.PicklingError):
        pass
