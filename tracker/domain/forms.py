"""The forms a submission may take (电子版, 纸质版, 加盖公章, 佐证材料), as bit flags."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

from tracker.domain.errors import ValidationError


class Form(enum.IntFlag):
    """Required or received forms. Stored as an integer bit set."""

    NONE = 0
    ELECTRONIC = 1
    PAPER = 2
    SEAL = 4
    EVIDENCE = 8

    @property
    def label(self) -> str:
        return "、".join(FORM_LABELS[f] for f in members(self))


FORM_ORDER: tuple[Form, ...] = (Form.ELECTRONIC, Form.PAPER, Form.SEAL, Form.EVIDENCE)
FORM_LABELS: dict[Form, str] = {
    Form.ELECTRONIC: "电子版",
    Form.PAPER: "纸质版",
    Form.SEAL: "加盖公章",
    Form.EVIDENCE: "佐证材料",
}
FORM_CODES: dict[Form, str] = {
    Form.ELECTRONIC: "electronic",
    Form.PAPER: "paper",
    Form.SEAL: "seal",
    Form.EVIDENCE: "evidence",
}
# Words clerks actually write for each form, mapped to the canonical flag.
_SYNONYMS: dict[str, Form] = {
    "电子版": Form.ELECTRONIC,
    "电子": Form.ELECTRONIC,
    "电子稿": Form.ELECTRONIC,
    "electronic": Form.ELECTRONIC,
    "纸质版": Form.PAPER,
    "纸质": Form.PAPER,
    "纸质稿": Form.PAPER,
    "paper": Form.PAPER,
    "加盖公章": Form.SEAL,
    "盖章": Form.SEAL,
    "公章": Form.SEAL,
    "seal": Form.SEAL,
    "佐证材料": Form.EVIDENCE,
    "佐证": Form.EVIDENCE,
    "图片": Form.EVIDENCE,
    "视频": Form.EVIDENCE,
    "evidence": Form.EVIDENCE,
}
ALL_FORMS = Form.ELECTRONIC | Form.PAPER | Form.SEAL | Form.EVIDENCE
# Every possible value, built once: ``FORM_BY_VALUE[n]`` is ``Form(n)`` without enum overhead
# (the ledger converts hundreds of thousands of stored integers per refresh).
FORM_BY_VALUE: tuple[Form, ...] = tuple(Form(n) for n in range(int(ALL_FORMS) + 1))
SINGLE_FLAGS: tuple[int, ...] = tuple(int(f) for f in FORM_ORDER)


def members(forms: Form | int) -> list[Form]:
    """The single flags set in ``forms``, in display order."""
    value = int(forms)
    return [f for f in FORM_ORDER if value & f]


def form_labels(forms: Form | int) -> list[str]:
    return [FORM_LABELS[f] for f in members(forms)]


def form_codes(forms: Form | int) -> list[str]:
    return [FORM_CODES[f] for f in members(forms)]


def format_forms(forms: Form | int, sep: str = "、") -> str:
    return sep.join(form_labels(forms))


def parse_form(word: str) -> Form:
    key = word.strip().lower()
    if key not in _SYNONYMS:
        known = "、".join(FORM_LABELS.values())
        raise ValidationError(f"无法识别的报送形式“{word.strip()}”，可用：{known}")
    return _SYNONYMS[key]


def parse_forms(value: str | Iterable[str]) -> Form:
    """Parse ``"电子版,纸质版"`` (any of , ，、 / separators) or a list of words."""
    words = re.split(r"[,，、/;；\s]+", value) if isinstance(value, str) else list(value)
    result = Form.NONE
    for word in words:
        if word and word.strip():
            result |= parse_form(word)
    return result
