"""What every window and page is handed: the database, who is signed in, the worker lane."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import QWidget

from gui.sensitive import SensitiveWindows
from gui.widgets.change_watcher import ChangeWatcher
from gui.worker import DbLane
from services.db import Database
from services.permissions import Actor


@dataclass
class AppContext:
    """Shared by the pages of one signed-in window. Holds no Session: services open their own."""

    db: Database
    actor: Actor
    lang: str = "zh_CN"
    lane: DbLane = field(default_factory=DbLane)
    sensitive: SensitiveWindows = field(default_factory=SensitiveWindows)
    # False while the pages are built beside the password check: nothing is watched before the
    # session starts (the sign-in's own write would read as a change; docs/architecture.md "Start-up").
    live: bool = True
    _changes: ChangeWatcher | None = field(default=None, init=False, repr=False)

    def changes(self) -> ChangeWatcher:
        """The session's one watch on the database, shared by every page that follows changes
        (one listening connection and one poll timer per window, however many pages)."""
        if self._changes is None:
            self._changes = ChangeWatcher(self.db, self.lane, start=self.live)
        return self._changes

    def go_live(self) -> None:
        """The session has started: watching begins."""
        self.live = True
        if self._changes is not None:
            self._changes.start()

    def register_sensitive(self, window: QWidget) -> None:
        """``window`` (a top-level window or dialog) shows client data: the idle lock hides it."""
        self.sensitive.register(window)

    def close(self) -> None:
        """End of the session: its client windows close; stop watching, release the listening connection."""
        self.sensitive.close_all()
        if self._changes is not None:
            self._changes.close()
            self._changes = None
