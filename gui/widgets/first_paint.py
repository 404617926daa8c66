"""Run something once a widget has painted — for work that should wait until the person sees the page.

The lane runs one job at a time and Python runs one thread at a time: a heavy job that
starts while the RM's queue is being painted takes the interpreter from the GUI thread
in 5 ms slices, and the paint waits for each (docs/architecture.md "Start-up"). The
queue's page starts its other lists only once the queue's rows are on the screen.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A hidden widget never paints: the work starts after this long all the same.
FALLBACK_MS = 300


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None], fallback_ms: int) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self, self._fire)  # after this paint, not during it
        return False

    def _fire(self) -> None:
        then, self._then = self._then, None
        if then is None:
            return
        if shiboken6.isValid(self._widget):
            self._widget.removeEventFilter(self)
        self.deleteLater()
        then()


def after_next_paint(widget: QWidget, then: Callable[[], None], fallback_ms: int = FALLBACK_MS) -> None:
    """Call ``then`` once on the GUI thread, right after ``widget``'s next paint (or after ``fallback_ms``)."""
    _AfterPaint(widget, then, fallback_ms)
