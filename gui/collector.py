"""Garbage collection on the GUI thread only, and never during a start-up.

Python's cyclic collector runs in whichever thread happens to allocate when a
threshold is crossed. If that is the database lane's worker and the garbage
holds a Qt object (a closed dialog, a page from a signed-out window), Qt
destroys it on the wrong thread and the process can crash. As qutebrowser
does, automatic collection is switched off and the same generational
thresholds are checked on a timer in the GUI thread instead.

A start-up (the program's first window, or a session's pages) allocates a few
hundred thousand objects that live as long as the window does. Collecting them
is pure loss: the first check after a start-up walked all of them, 60 ms on the
GUI thread just before the RM's queue painted. So checks wait while a start-up
is *held*; its *release* (right after the first paint) freezes what exists
(``gc.freeze``: later collections skip those objects), and a sign-out *thaws*
them, so a signed-out session's garbage is collected after all
(docs/architecture.md "Start-up").
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer, Slot

INTERVAL_MS = 250
# A start-up that is never released (a test building one widget, a failed sign-in) stops
# holding back collection after this long.
HOLD_LIMIT_S = 10.0


class GuiThreadCollector(QObject):
    """Collects garbage on the GUI thread; owns the timer that does it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._held_since: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.on_timer_timeout)
        gc.disable()
        self._timer.start()

    @property
    def holding(self) -> bool:
        return self._held_since is not None and time.monotonic() - self._held_since < HOLD_LIMIT_S

    def hold(self) -> None:
        """A start-up begins: no collection until ``release``."""
        self._held_since = time.monotonic()

    def release(self) -> None:
        """The start-up has painted: what it built stays, and later collections skip it."""
        if self._held_since is None:
            return
        self._held_since = None
        gc.freeze()

    @Slot()
    def on_timer_timeout(self) -> None:
        if self.holding:
            return
        threshold = gc.get_threshold()
        count = gc.get_count()
        for generation in (2, 1, 0):
            if count[generation] > threshold[generation]:
                gc.collect(generation)
                break


_installed: GuiThreadCollector | None = None


def install(app: QObject) -> GuiThreadCollector:
    """Once per QApplication, holding for the start-up that follows; collecting stays automatic
    for code without Qt (CLI, services)."""
    global _installed
    if _installed is None:
        _installed = GuiThreadCollector(app)
        _installed.hold()
    return _installed


def hold() -> None:
    """A start-up begins (the program, or a sign-in's pages)."""
    if _installed is not None:
        _installed.hold()


def release() -> None:
    """The start-up's first paint is on the screen: freeze what it built."""
    if _installed is not None:
        _installed.release()


def thaw() -> None:
    """A session ended: its objects may be garbage now; collections look at them again."""
    gc.unfreeze()
