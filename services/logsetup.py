"""The log file: tracebacks go there, never to the console (docs/files-and-faults.md "Logging").

``configure`` is called once by ``main.py`` (command line and window alike). The file is
``lobbydesk.log`` in the per-user log directory (platformdirs ``user_log_dir``, or
``$LOBBYDESK_LOG_DIR``), rotating at 1 MB with 5 old files kept. The console gets one line
per warning or error, without the traceback; records a caller has already told the person
about carry ``extra={"console": False}`` and stay in the file.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOG_DIR_ENV = "LOBBYDESK_LOG_DIR"
LOG_NAME = "lobbydesk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5

_configured: Path | None = None


def log_dir() -> Path:
    env = os.environ.get(LOG_DIR_ENV)
    if env:
        return Path(env)
    from platformdirs import user_log_dir

    from services.appinfo import APP_NAME

    return Path(user_log_dir(APP_NAME, appauthor=False))


def log_path() -> Path | None:
    """The log file in use, once ``configure`` has opened one."""
    return _configured


class _ConsoleFormatter(logging.Formatter):
    """One line: level and message, no traceback, nothing that could drive the terminal."""

    def format(self, record: logging.LogRecord) -> str:
        from services.validation import printable

        first = record.getMessage().strip().splitlines()
        return printable(f"{record.levelname.lower()}: {first[0] if first else ''}")[:300]


class _ConsoleFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return bool(getattr(record, "console", True))


def configure(console_level: int = logging.WARNING) -> Path | None:
    """Send every record at INFO and above to the rotating log file, warnings to the console as one line.

    Returns the file's path, or None when the log directory cannot be written (the console still works).
    """
    global _configured
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_lobbydesk", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(console_level)
    console.setFormatter(_ConsoleFormatter())
    console.addFilter(_ConsoleFilter())
    console._lobbydesk = True  # type: ignore[attr-defined]
    root.addHandler(console)
    _configured = None
    try:
        directory = log_dir()
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / LOG_NAME
        file = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                    encoding="utf-8")
    except OSError as exc:
        logging.getLogger("lobbydesk").warning("no log file (%s); messages go to the console only", exc)
        return None
    file.setLevel(logging.INFO)
    file.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    file._lobbydesk = True  # type: ignore[attr-defined]
    root.addHandler(file)
    _configured = path
    return path
