"""The title bar's badge for whoever owns complaints: "… (2 overdue complaints)", kept live (docs/complaints.md).

It appends its count to whatever title the window sets (the branch's name comes later
than the session), reads the count on the lane whenever the window's change watch hears
a change, and every few minutes (a complaint becomes overdue when a day passes, which
changes nothing in the database). Only a count shows: no client data, so the idle lock
leaves it.
"""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QMainWindow

from gui.context import AppContext
from gui.lane_ops import LaneOps

log = logging.getLogger("lobbydesk.gui.complaints")

RECOUNT_MS = 5 * 60_000


class ComplaintBadge(QObject):
    """Keeps ``window``'s title ending in the overdue count while the session lasts."""

    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self._window, self._ctx = window, ctx
        self._suffix = ""
        self.count: int | None = None
        self._ops = LaneOps(self, ctx.lane, on_busy=lambda _busy: None,
                            on_error=lambda exc: log.warning("overdue complaints not counted: %s", exc))
        self._timer = QTimer(self)
        self._timer.setInterval(RECOUNT_MS)
        self._timer.timeout.connect(self.recount)
        window.windowTitleChanged.connect(self.on_title_changed)
        self._watcher = ctx.changes()
        self._watcher.changed.connect(self.recount)
        self._timer.start()
        self.recount()

    @Slot()
    def recount(self) -> None:
        from services import complaints

        db, actor = self._ctx.db, self._ctx.actor
        self._ops.run(lambda: complaints.overdue_count(db, actor), self._show, key="count")

    def _show(self, count: int) -> None:
        self.count = count
        suffix = self.tr(" ({n} overdue complaints)").format(n=count) if count else ""
        base = self._window.windowTitle().removesuffix(self._suffix)
        self._suffix = suffix
        self._window.setWindowTitle(base + suffix)

    @Slot(str)
    def on_title_changed(self, title: str) -> None:
        if self._suffix and not title.endswith(self._suffix):  # the window set a new title of its own
            self._window.setWindowTitle(title + self._suffix)

    def close(self) -> None:
        """The session ended: no more counting, and the title loses its badge."""
        self._timer.stop()
        self._ops.drop_all()
        with contextlib.suppress(RuntimeError, TypeError):  # the watcher is gone already
            self._watcher.changed.disconnect(self.recount)
        self._window.windowTitleChanged.disconnect(self.on_title_changed)
        self._window.setWindowTitle(self._window.windowTitle().removesuffix(self._suffix))
        self._suffix = ""
        self.deleteLater()


def attach_complaint_badge(window: QMainWindow, ctx: AppContext) -> ComplaintBadge | None:
    """A badge for the roles that own complaints (the lobby manager, the supervisor); None for anyone else."""
    from services.permissions import owns_complaints

    return ComplaintBadge(window, ctx) if owns_complaints(ctx.actor) else None
