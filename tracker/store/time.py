"""Timestamps as the database stores them: local wall-clock time, to the second."""

from datetime import datetime


def now() -> datetime:
    return datetime.now().replace(microsecond=0)
