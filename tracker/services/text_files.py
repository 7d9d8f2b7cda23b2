"""Text files a clerk hands the program (notice and map TOML, letter templates, holiday lists):
read whatever Windows Notepad saved — UTF-8 with or without a BOM, UTF-16, or the Chinese
"ANSI" encoding GBK/GB18030 — and parsed TOML that can never end in a traceback."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from tracker.domain.errors import TrackerError, ValidationError, os_error_text
from tracker.domain.text import decode_text

MAX_TEXT_FILE = 8 << 20  # a notice, a map, a template or a year's holidays: kilobytes


def read_text_file(path: Path, what: str) -> str:
    """The text of ``path`` (``what``: 通知文件, 正文模板 … for the messages)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_TEXT_FILE:
            raise ValidationError(f"{what}“{path.name}”大于 8 MB，不像是{what}")
        data = path.read_bytes()
    except FileNotFoundError:
        raise TrackerError(f"找不到{what}：{path}") from None
    except IsADirectoryError:
        raise TrackerError(f"“{path}”是文件夹，不是{what}") from None
    except OSError as exc:
        raise TrackerError(f"无法读取{what}“{path.name}”：{os_error_text(exc)}") from None
    text = decode_text(data)
    if text is None:
        raise ValidationError(
            f"{what}“{path.name}”的编码无法识别（不是 UTF-8，也不是 GBK/GB18030），"
            "请用记事本打开后“另存为”UTF-8 编码"
        )
    return text


_TOML_WORDS = (
    ("Invalid date or datetime", "日期不存在或写法不对（应写成 2023-06-27）"),
    ("Invalid value", '取值写法不对（文字请加英文双引号，例如 title = "通知"）'),
    ("Illegal character", "有不允许的字符（文字是否少了结尾的双引号？）"),
    ("Cannot overwrite a value", "同一个字段写了两次"),
    ("Expected ']' at the end of a table declaration", "段名缺少“]”"),
)
_TOML_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")


def toml_problem(message: str) -> str:
    """tomllib's English message, said in Chinese with the line and column."""
    what = next((zh for en, zh in _TOML_WORDS if message.startswith(en)), message)
    where = _TOML_WHERE.search(message)
    if where and where.group(1):
        return f"第{where.group(1)}行第{where.group(2)}列{what}"
    return f"文件末尾{what}" if where else what


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """``tomllib.loads`` with every failure as a TrackerError (deep nesting included)."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TrackerError(f"{source}不是有效的 TOML：{toml_problem(str(exc))}") from None
    except RecursionError:
        raise TrackerError(f"{source}中的数组或表嵌套层数过多，不像是本程序的文件") from None
