"""Word boundaries for titles: jieba's dictionary, plus the words the caller names (notice and
requirement titles, campaign names) and dates such as ``2023年`` kept whole.

jieba loads its dictionary once per process (about half a second); results are cached per
text and word list, so a batch of letters with the same title segments it once.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

# Words of the trade jieba splits into single characters (催/报, 研/学).
OFFICE_WORDS = (
    "催报", "报送", "上报", "补报", "免报", "通报", "延期", "研学", "印发", "标委会",
    "市场监管", "市场监管委", "市场监管局", "标准化", "阶段性", "加盖公章", "佐证材料",
    "世界标准日", "未报送", "电子版", "纸质版",
)  # fmt: skip
# A number and its unit, a bracketed year with its number: never split.
_WHOLE = re.compile(r"〔\d+〕\d*号?|\d+(?:\.\d+)?[年月日号届次批期个家项件%％]?|[A-Za-z][\w.@\-/]*")

_LOCK = threading.Lock()
_TOKENIZER: Any = None


def _tokenizer() -> Any:
    global _TOKENIZER
    with _LOCK:
        if _TOKENIZER is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            tk.initialize()
            for word in OFFICE_WORDS:
                tk.add_word(word, freq=100000)
            _TOKENIZER = tk
        return _TOKENIZER


def word_cuts(text: str, keep: Iterable[str] = ()) -> frozenset[int]:
    """Character offsets (0 < k < len(text)) where ``text`` may break between two words."""
    return _cuts(text, tuple(sorted({w for w in keep if len(w) > 1})))


@lru_cache(maxsize=512)
def _cuts(text: str, keep: tuple[str, ...]) -> frozenset[int]:
    words = _words(text, keep)
    cuts: set[int] = set()
    pos = 0
    for w in words:
        pos += len(w)
        cuts.add(pos)
    cuts.discard(len(text))
    for span in _protected(text, keep):
        cuts -= set(range(span[0] + 1, span[1]))
    return frozenset(cuts)


def _words(text: str, keep: tuple[str, ...]) -> list[str]:
    """jieba's words of ``text`` with the caller's words whole, remembered across runs: loading
    jieba's dictionary costs more than drawing a batch of letters, and an office's titles repeat.

    The caller's words are cut out first and only the text between them goes to jieba, whose
    dictionary is never changed after loading: the words of a text depend on that text and its
    words alone, not on which titles this process (or an earlier run) segmented before."""
    key = "\x1f".join((text, *keep))
    cache = _disk_cache()
    if key in cache:
        return list(cache[key])
    tk = _tokenizer()
    words: list[str] = []
    pos = 0
    for start, end in _kept_words(text, keep):
        if start > pos:
            with _LOCK:
                words.extend(tk.cut(text[pos:start], HMM=False))
        words.append(text[start:end])
        pos = end
    if pos < len(text):
        with _LOCK:
            words.extend(tk.cut(text[pos:], HMM=False))
    cache[key] = words
    _save_cache(cache)
    return words


def _kept_words(text: str, keep: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the caller's words stand in ``text``, left to right, the longer first where two
    overlap."""
    found = []
    for word in keep:
        start = text.find(word)
        while start >= 0:
            found.append((start, start + len(word)))
            start = text.find(word, start + 1)
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda s: (s[0], -(s[1] - s[0]))):
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end))
    return chosen


_CACHE_VERSION = "2:" + "".join(OFFICE_WORDS)
_CACHE: dict[str, list[str]] | None = None


def _cache_file() -> Any:
    from tracker.paths import cache_dir

    return cache_dir() / "title-words.json"


def _disk_cache() -> dict[str, list[str]]:
    global _CACHE
    if _CACHE is None:
        import json

        try:
            data = json.loads(_cache_file().read_text(encoding="utf-8"))
            ok = isinstance(data, dict) and data.get("version") == _CACHE_VERSION
            _CACHE = dict(data.get("words", {})) if ok else {}
        except (OSError, ValueError, AttributeError):
            _CACHE = {}
    return _CACHE


def _save_cache(cache: dict[str, list[str]]) -> None:
    """Best effort: a cache that cannot be written is just not kept."""
    import json
    import os
    import tempfile

    path = _cache_file()
    if len(cache) > 2000:  # an office's titles number in the hundreds: keep the newest
        for key in list(cache)[: len(cache) - 2000]:
            del cache[key]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".title-words-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"version": _CACHE_VERSION, "words": cache}, f, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        pass


def _protected(text: str, keep: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _WHOLE.finditer(text)]
    for word in keep:
        start = text.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = text.find(word, start + 1)
    return spans


def protected_spans(text: str, keep: Iterable[str]) -> list[tuple[int, int]]:
    """The caller's words found in ``text`` (for tests and for relaxing a too-long word)."""
    return [s for s in _protected(text, tuple(keep)) if s[1] - s[0] > 1]
