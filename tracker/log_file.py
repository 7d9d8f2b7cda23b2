"""The log file ``logs/tracker.log`` (rotated at 1 MB), for the window and the command line
alike: tracebacks go there, the clerk sees one Chinese sentence. No Qt here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

LOG_NAME = "tracker.log"
_handler: Any = None  # the file handler once set up (logging is imported lazily: start-up)


def log() -> Any:
    """The app's logger (``log().info(…)``). Until a log file is set up its records go
    nowhere — never to the clerk's console as Python's last-resort handler would."""
    import logging

    logger = logging.getLogger("tracker")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
    return logger


def setup_logging(log_dir: Path) -> Path | None:
    """Log to ``log_dir/tracker.log``; replaces an earlier log file. None (and no file log)
    when the folder cannot be written: a log must never stop the program."""
    global _handler
    import logging
    from logging.handlers import RotatingFileHandler

    path = log_dir / LOG_NAME

    class QuietHandler(RotatingFileHandler):
        def handleError(self, record: logging.LogRecord) -> None:
            pass  # a full disk must not add "--- Logging error ---" to the clerk's screen

    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = QuietHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _handler = handler
    return path


def log_file() -> Path | None:
    name = getattr(_handler, "baseFilename", None)
    return Path(name) if name else None
