"""Tells a page that another workstation (or this one) changed the database: a Qt face on services.notify."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from gui.worker import DbLane
from services.db import Database
from services.notify import ChangeFeed

log = logging.getLogger("lobbydesk.gui.live")

POLL_MS = 500  # two looks a second keep "within 2 s" with room for the reload itself
RECONNECT_AFTER_S = 5.0

T = TypeVar("T")


class _FeedHolder:
    """Owns the feed apart from the QObject, so it is closed even when Qt deletes the watcher."""

    def __init__(self) -> None:
        self.feed: ChangeFeed | None = None

    def close(self) -> None:
        feed, self.feed = self.feed, None
        if feed is not None:
            feed.close()


class ChangeWatcher(QObject):
    """Polls a ``ChangeFeed`` on a timer and says when something changed.

    The feed is opened on the database lane (connecting may wait for the
    server); ``poll()`` itself only reads what already arrived, so calling it
    on the GUI thread costs microseconds.

    Signals:
        changed(): something was committed since the last look
    """

    changed = Signal()

    def __init__(self, db: Database, lane: DbLane, parent: QObject | None = None, *, start: bool = True) -> None:
        """``start=False``: nothing is watched until ``start()`` (pages built before their session starts)."""
        super().__init__(parent)
        self._db = db
        self._lane = lane
        self._holder = _FeedHolder()
        self._opening = False
        self._last_attempt = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.on_timer_timeout)
        self.destroyed.connect(self._holder.close)
        self._started = False
        if start:
            self.start()

    def start(self) -> None:
        """Begin watching: changes committed from the moment the feed listens are reported."""
        if not self._started:
            self._started = True
            self._open_feed()

    @property
    def ready(self) -> bool:
        """True once the feed listens: changes committed from now on will be reported."""
        return self._holder.feed is not None

    def _open_feed(self) -> None:
        db = self._db
        self._attempt(lambda: ChangeFeed(db), self._on_feed_opened)

    def _attempt(self, work: Callable[[], T], on_done: Callable[[T], None]) -> None:
        """Open or reconnect the feed on the lane; one attempt at a time."""
        self._opening = True
        self._last_attempt = time.monotonic()
        self._lane.submit(work, on_done, self._on_feed_failed)

    def _may_retry(self) -> bool:
        return not self._opening and time.monotonic() - self._last_attempt >= RECONNECT_AFTER_S

    def _on_feed_opened(self, feed: ChangeFeed) -> None:
        if not shiboken6.isValid(self):
            feed.close()
            return
        self._opening = False
        self._holder.feed = feed
        self._timer.start()

    def _on_feed_failed(self, exc: BaseException) -> None:
        # No live updates is an inconvenience, not an error to put in front of the person;
        # the timer keeps trying.
        log.warning("change feed unavailable: %s", exc)
        if not shiboken6.isValid(self):
            return
        self._opening = False
        self._timer.start()

    @Slot()
    def on_timer_timeout(self) -> None:
        feed = self._holder.feed
        if feed is None:
            if self._may_retry():
                self._open_feed()
            return
        if feed.poll():
            self.changed.emit()
        elif feed.needs_reconnect and self._may_retry():
            self._attempt(feed.reconnect, self._on_reconnected)

    def _on_reconnected(self, _result: None) -> None:
        if shiboken6.isValid(self):
            self._opening = False

    def close(self) -> None:
        """Stop polling and release the listening connection."""
        self._timer.stop()
        self._holder.close()
