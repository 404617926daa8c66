"""Runs service calls off the GUI thread, one at a time (one database lane).

The worker never touches a widget: it hands the result back through a signal
that Qt delivers on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger("lobbydesk.gui.worker")


class _Relay(QObject):
    """Carries one job's outcome back to the GUI thread.

    Signals:
        succeeded(object): the job's return value
        failed(object): the exception it raised
    """

    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the GUI, which decides what the person sees
            if not _is_expected(exc):
                log.exception("background job failed")
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


def _is_expected(exc: BaseException) -> bool:
    from services.errors import ServiceError

    return isinstance(exc, ServiceError)


class DbLane:
    """A single-thread pool: database work runs in order, never on the GUI thread."""

    def __init__(self) -> None:
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> None:
        relay = _Relay()
        self._relays.add(relay)  # keep it alive until it has spoken

        def finish_ok(result: object) -> None:
            self._relays.discard(relay)
            if on_done is not None:
                on_done(result)

        def finish_err(exc: object) -> None:
            self._relays.discard(relay)
            if on_error is not None:
                on_error(exc)  # type: ignore[arg-type]
            else:
                from gui import messages

                messages.show_error(None, exc)  # type: ignore[arg-type]

        relay.succeeded.connect(finish_ok)
        relay.failed.connect(finish_err)
        self.pool.start(_Job(fn, relay))

    def wait(self, msecs: int = 30000) -> bool:
        """Block until queued jobs finish (tests and shutdown)."""
        return self.pool.waitForDone(msecs)
