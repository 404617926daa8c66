"""The one shape of a page: its widgets, ``refresh()``, ``clear_sensitive()`` and typed database work.

``run(job, done)`` runs ``job`` on the window's database lane and hands its answer, typed,
to ``done`` on the GUI thread, through the page's ``gui.lane_ops.LaneOps`` (the one
stale-answer check, busy state and error display that dialogs share):

- an answer is dropped when the page was cleared by the idle lock since
  (``clear_sensitive``), or — for jobs with a ``key`` — when a newer job with the same
  key was started (a slower answer to an earlier keystroke);
- ``busy`` is true while a ``busy=True`` job runs, and ``set_busy`` is called when that
  changes, for the page to disable its buttons;
- a failure goes to ``failed`` when given, otherwise to ``show_error``
  (``gui.messages.show_error``). A refused *change* (``change=True``) is reported even
  when its answer is dropped: the person must learn that it did not happen.

See docs/architecture.md "Pages" for how to add one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from gui import messages
from gui.context import AppContext
from gui.lane_ops import LaneOps
from gui.widgets.field_error import named

T = TypeVar("T")


class Page(QWidget):
    """Base of every page in the main window's stack.

    A subclass builds its widgets in ``__init__`` (after ``super().__init__``), loads
    nothing until ``refresh()`` (the window calls it when it shows the page and after
    unlock), and empties every client datum in ``clear_sensitive()`` (the idle lock,
    signing out). Both overrides call ``super()`` first.
    """

    def __init__(self, ctx: AppContext, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, object_name)
        self.ctx = ctx
        # Through lambdas: subclasses override set_busy and show_error.
        self._ops = LaneOps(self, ctx.lane, on_busy=lambda busy: self.set_busy(busy),
                            on_error=lambda exc: self.show_error(exc))
        self._cleared = False

    # --- the page contract ---------------------------------------------------------------

    def refresh(self) -> None:
        """Shown, or unlocked: read what the page shows afresh. Overrides call ``super().refresh()`` first."""
        self._cleared = False

    def clear_sensitive(self) -> None:
        """The idle lock or signing out: no client data stays on screen, and no late answer brings it back.

        Overrides call ``super().clear_sensitive()`` first, then empty their widgets.
        """
        self._cleared = True
        self._ops.drop_all()

    @property
    def cleared(self) -> bool:
        """Between ``clear_sensitive()`` and the next ``refresh()``: nothing may be loaded."""
        return self._cleared

    # --- the lane ---------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._ops.busy

    def set_busy(self, busy: bool) -> None:
        """Called when ``busy`` changes; pages disable what must not be pressed twice."""

    def drop_answers(self, key: str) -> None:
        """Answers still on their way for ``key`` are out of date (the person moved on)."""
        self._ops.drop_answers(key)

    def run(self, job: Callable[[], T], done: Callable[[T], None], *,
            failed: Callable[[BaseException], None] | None = None, busy: bool = False,
            key: str | None = None, change: bool = False) -> None:
        """Run ``job`` on the database lane; ``done(answer)`` on the GUI thread unless the answer is stale.

        ``busy``: the page is busy until the answer is back. ``key``: only the newest job with
        this key is answered. ``change``: the job changes data, so its failure is reported
        even when stale. Without ``failed`` a failure is shown with ``show_error``.
        """
        self._ops.run(job, done, failed=failed, busy=busy, key=key, change=change)

    def show_error(self, exc: BaseException) -> None:
        messages.show_error(self, exc)
