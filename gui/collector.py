"""Garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when a
threshold is crossed. If that is the database lane's worker and the garbage
holds a Qt object (a closed dialog, a page from a signed-out window), Qt
destroys it on the wrong thread and the process can crash. As qutebrowser
does, automatic collection is switched off and the same generational
thresholds are checked on a timer in the GUI thread instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    """Collects garbage on the GUI thread; owns the timer that does it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.on_timer_timeout)
        gc.disable()
        self._timer.start()

    @Slot()
    def on_timer_timeout(self) -> None:
        threshold = gc.get_threshold()
        count = gc.get_count()
        for generation in (2, 1, 0):
            if count[generation] > threshold[generation]:
                gc.collect(generation)
                break


_installed: GuiThreadCollector | None = None


def install(app: QObject) -> GuiThreadCollector:
    """Once per QApplication; collecting stays automatic for code without Qt (CLI, services)."""
    global _installed
    if _installed is None:
        _installed = GuiThreadCollector(app)
    return _installed
