"""联系人 / 联系电话 / 联系方式 / 电子邮箱: names paired with numbers in the order written."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.domain.records import Contact

_NAME_LABEL = re.compile(r"联\s*系\s*人\s*[:：]?")
_PHONE_LABEL = re.compile(r"(?:联系电话|联系方式|电话|手机|传真)(?:[(（]传真[)）])?\s*[:：]?")
_MAIL_LABEL = re.compile(r"(?:电子邮箱|电子信箱|邮箱|E-?mail)\s*[:：]?", re.IGNORECASE)
_PHONE = re.compile(r"(?<!\d)(?:\d{3,4}-)?\d{7,8}(?:-\d{1,5})?(?!\d)|(?<!\d)1\d{10}(?!\d)")
# Bounded parts (RFC 5321: 64 before the @, 255 after): unbounded, every start in a long run
# of such characters without an @ scanned to its end (20,000 of "1-" took 0.5 s, 2 MB hours).
_MAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,255}\.[A-Za-z]{2,63}"
)
_NAME = re.compile(r"[\u4e00-\u9fa5·]{1,4}")


@dataclass(frozen=True, slots=True)
class ContactsFound:
    contacts: tuple[Contact, ...]
    source: str
    doubt: str


def _names(text: str) -> list[str]:
    """``张永来 苏文博 范旭`` → three; ``范 旭`` (spaced to line up with longer names) → 范旭."""
    tokens = _NAME.findall(text)
    names: list[str] = []
    single = ""
    for tok in tokens:
        if len(tok) == 1:
            single += tok
            if len(single) >= 2:
                names.append(single)
                single = ""
            continue
        names.append(tok)
    return names


def _block(lines: list[str]) -> list[str]:
    for i, line in enumerate(lines):
        if _NAME_LABEL.search(line):
            block = [line]
            for nxt in lines[i + 1 : i + 6]:
                if nxt.startswith(("附件", "抄送")) or re.fullmatch(r"\d{4}\s*年.*日", nxt):
                    break
                if _PHONE.search(nxt) or _MAIL.search(nxt) or _PHONE_LABEL.search(nxt):
                    block.append(nxt)
                elif len(nxt) <= 12 and _NAME.fullmatch(nxt.replace(" ", "")):
                    block.append(nxt)  # a second name on its own line
                else:
                    break
            return block
    return []


def find_contacts(lines: list[str]) -> ContactsFound:
    block = _block(lines)
    if not block:
        return ContactsFound((), "", "未找到联系人")
    names: list[str] = []
    phones: list[str] = []
    mails: list[str] = []
    for line in block:
        mails += _MAIL.findall(line)
        line = _MAIL.sub(" ", _MAIL_LABEL.sub(" ", line))
        label = _PHONE_LABEL.search(line)
        name_part, phone_part = (
            (line[: label.start()], line[label.end() :]) if label else (line, "")
        )
        if not label and _PHONE.search(line):
            first = _PHONE.search(line)
            name_part, phone_part = line[: first.start()], line[first.start() :]  # type: ignore[union-attr]
        names += _names(_NAME_LABEL.sub(" ", name_part))
        phones += _PHONE.findall(phone_part)
    mail = mails[0] if mails else ""
    count = max(len(names), 1 if phones else 0)
    contacts = []
    for i in range(count):
        name = names[i] if i < len(names) else ""
        phone = phones[i] if i < len(phones) else (phones[-1] if phones else "")
        contacts.append(Contact(name, phone, mail))
    doubt = ""
    if phones and len(phones) != len(names):
        doubt = f"联系人{len(names)}位、电话{len(phones)}个，配对请核对"
    return ContactsFound(tuple(contacts), " ".join(block), doubt)
