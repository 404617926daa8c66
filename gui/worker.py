"""Runs service calls off the GUI thread, one at a time (one database lane).

The worker never touches a widget: it hands the result back through a signal
that Qt delivers on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar, cast

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger("lobbydesk.gui.worker")

T = TypeVar("T")


class _Relay(QObject):
    """Carries one job's outcome back to the GUI thread.

    Signals:
        succeeded(object): the job's return value
        failed(object): the exception it raised
    """

    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    """One call on the lane. Python owns it (no autoDelete): the lane drops it on the GUI
    thread once its outcome has been delivered, so nothing a job refers to — a page's
    bound method, say — is ever released, and perhaps destroyed, on the worker thread."""

    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn: Callable[[], Any] | None = fn
        self.relay = relay
        self.setAutoDelete(False)

    def run(self) -> None:
        # Called through the attribute, never held in a local: once the call returns only
        # ``self.fn`` refers to the function, and the lane lets go of that on the GUI thread.
        assert self.fn is not None
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


# Jobs in flight, across every lane: a window (and its lane) may be closed and collected
# while its last job still runs; the job must outlive it until its outcome is delivered.
_IN_FLIGHT: dict[_Relay, _Job] = {}


class DbLane:
    """A single-thread pool: database work runs in order, never on the GUI thread."""

    def __init__(self) -> None:
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)

    def submit(self, fn: Callable[[], T], on_done: Callable[[T], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None, *, owner: QObject | None = None) -> None:
        """Run ``fn`` here; hand its result or error to the callbacks on the GUI thread.

        Typed: ``on_done`` receives what ``fn`` returns, so no caller checks the answer's type.
        Pages use ``Page.run`` (gui/pages/base.py), which adds the stale-answer check and the busy state.

        With ``owner`` (the page or model that asked), the outcome is dropped when the
        owner has been deleted meanwhile: a signed-out window's late answers go nowhere.
        """
        relay = _Relay()
        job = _Job(fn, relay)
        _IN_FLIGHT[relay] = job

        def release() -> None:
            # On the GUI thread: break the relay <-> closure cycle and let go of the job here.
            relay.succeeded.disconnect()
            relay.failed.disconnect()
            done = _IN_FLIGHT.pop(relay, None)
            if done is not None:
                done.fn = None
            relay.deleteLater()

        def owner_gone() -> bool:
            return owner is not None and not shiboken6.isValid(owner)

        def finish_ok(result: object) -> None:
            release()
            if on_done is not None and not owner_gone():
                on_done(cast(T, result))

        def finish_err(exc: object) -> None:
            release()
            if owner_gone():
                return
            error = exc if isinstance(exc, BaseException) else RuntimeError(repr(exc))
            if on_error is not None:
                on_error(error)
            else:
                from gui import messages

                messages.show_error(None, error)

        relay.succeeded.connect(finish_ok)
        relay.failed.connect(finish_err)
        self.pool.start(job)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until queued jobs finish (tests and shutdown)."""
        return self.pool.waitForDone(msecs)
