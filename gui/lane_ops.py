"""Typed database work for one widget: the stale-answer check, the busy state and the error display.

Anki's ``QueryOp[T]`` / ``CollectionOp`` is the model. ``LaneOps.run(job, done)`` runs ``job``
on a window's database lane and hands its answer, typed, to ``done`` on the GUI thread. Pages
(``gui.pages.base.Page``), dialogs (``gui.dialogs.base.LaneDialog``), the lock screen and the
main window each hold one; none of them calls ``DbLane.submit`` itself.

- stale answers: ``drop_all()`` (the idle lock, a dialog that closed) drops every answer in
  flight; for jobs with a ``key`` only the newest job with that key is answered (a slower
  answer to an earlier keystroke never replaces a newer one);
- busy: ``busy`` is true while a ``busy=True`` job runs; ``on_busy`` hears each change;
- errors: a failure goes to the job's ``failed``, otherwise to ``on_error``. A refused
  *change* (``change=True``) is reported even when its answer is dropped: the person must
  learn that it did not happen.

Only Qt is imported here: the sign-in window uses this before SQLAlchemy is loaded
(docs/product.md "Budgets").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from gui.worker import DbLane

T = TypeVar("T")


class LaneOps:
    """The lane operations of ``owner``; answers for a deleted ``owner`` go nowhere."""

    def __init__(self, owner: QObject, lane: DbLane, *, on_busy: Callable[[bool], None],
                 on_error: Callable[[BaseException], None]) -> None:
        self._owner = owner
        self.lane = lane
        self._on_busy = on_busy
        self._on_error = on_error
        self._generation = 0  # bumped by drop_all: every answer in flight is dropped
        self._latest: dict[str, int] = {}  # per key, the sequence number of the newest job
        self._busy_jobs = 0

    @property
    def busy(self) -> bool:
        return self._busy_jobs > 0

    def drop_all(self) -> None:
        """Every answer still on its way is out of date (the screen was cleared, the dialog closed)."""
        self._generation += 1

    def drop_answers(self, key: str) -> None:
        """Answers still on their way for ``key`` are out of date (the person moved on)."""
        self._latest[key] = self._latest.get(key, 0) + 1

    def run(self, job: Callable[[], T], done: Callable[[T], None], *,
            failed: Callable[[BaseException], None] | None = None, busy: bool = False,
            key: str | None = None, change: bool = False) -> None:
        """Run ``job`` on the lane; ``done(answer)`` on the GUI thread unless the answer is stale.

        ``busy``: busy until the answer is back. ``key``: only the newest job with this key is
        answered. ``change``: the job changes data, so its failure is reported even when stale.
        Without ``failed`` a failure goes to ``on_error``.
        """
        generation = self._generation
        sequence = 0
        if key is not None:
            self.drop_answers(key)
            sequence = self._latest[key]
        if busy:
            self._add_busy(1)

        def current() -> bool:
            return generation == self._generation and (key is None or self._latest.get(key) == sequence)

        def on_done(answer: T) -> None:
            if busy:
                self._add_busy(-1)
            if current():
                done(answer)

        def on_failed(exc: BaseException) -> None:
            if busy:
                self._add_busy(-1)
            if current():
                (failed or self._on_error)(exc)
            elif change:
                self._on_error(exc)

        self.lane.submit(job, on_done, on_failed, owner=self._owner)

    def _add_busy(self, delta: int) -> None:
        was = self.busy
        self._busy_jobs = max(0, self._busy_jobs + delta)
        if self.busy != was:
            self._on_busy(self.busy)
