"""What every window and page is handed: the database, who is signed in, the worker lane."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from gui.worker import DbLane
from services.db import Database
from services.permissions import Actor

if TYPE_CHECKING:
    from gui.widgets.change_watcher import ChangeWatcher


@dataclass
class AppContext:
    """Shared by the pages of one signed-in window. Holds no Session: services open their own."""

    db: Database
    actor: Actor
    lang: str = "zh_CN"
    lane: DbLane = field(default_factory=DbLane)
    _changes: ChangeWatcher | None = field(default=None, init=False, repr=False)

    def changes(self) -> ChangeWatcher:
        """The session's one watch on the database, shared by every page that follows changes
        (one listening connection and one poll timer per window, however many pages)."""
        if self._changes is None:
            from gui.widgets.change_watcher import ChangeWatcher

            self._changes = ChangeWatcher(self)
        return self._changes

    def close(self) -> None:
        """End of the session: stop watching and release the listening connection."""
        if self._changes is not None:
            self._changes.close()
            self._changes = None
