"""Build the fonts shipped in resources/fonts/ (a developer tool, not used at run time).

The letters prefer the Windows fonts (FangSong, SimSun, SimHei, KaiTi). Elsewhere they use these
freely licensed TrueType fonts, cut down to GB 2312 plus ASCII and common punctuation so the
repository stays small. Hinting is dropped (it is for screens at small sizes; print is unhurt).

    apt-get install fonts-arphic-uming fonts-wqy-zenhei
    pip install fonttools
    python tools/subset_fonts.py

No 楷体 is shipped (it would add 2.7 MB): without KaiTi the （一） headings use the Song face.

Sources (Debian packages) and licences:
  AR PL UMing CN (uming.ttc #0)      Arphic Public License  -> resources/fonts/song.ttf
  WenQuanYi Zen Hei (wqy-zenhei #0)  GPLv2 + font embedding exception -> resources/fonts/hei.ttf
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts"
SOURCES = {
    "song.ttf": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "hei.ttf": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
}
NOTICE = (
    "Modified for the 报送督办台账 project by tools/subset_fonts.py: subset to GB 2312 plus "
    "ASCII, Latin-1 and common punctuation, hinting removed, on"
)
# Beyond GB 2312: punctuation official documents and forms use, and the Latin-1 letters.
EXTRA = "〔〕〖〗【】《》「」『』—―…‥·・•“”‘’〇○●□■△▲◇◆※№℃①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳￥"


def gb2312_chars() -> set[str]:
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def wanted() -> str:
    chars = gb2312_chars() | set(EXTRA)
    chars |= {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x100)}
    return "".join(sorted(chars))


def load(path: str, index: int | None) -> TTFont:
    return TTCollection(path).fonts[index] if index is not None else TTFont(path)


def build(name: str, path: str, index: int | None, text: str) -> None:
    font = load(path, index)
    options = subset.Options()
    options.hinting = False
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    # Both licences ask a modified file to say how and when it was changed (name ID 10).
    font["name"].setName(f"{NOTICE} {date.today().isoformat()}.", 10, 3, 1, 0x409)
    out = OUT / name
    font.save(out)
    print(f"{out.name}: {out.stat().st_size / 1e6:.1f} MB from {path}")


def main() -> None:
    text = wanted()
    for name, (path, index) in SOURCES.items():
        build(name, path, index, text)


if __name__ == "__main__":
    main()
