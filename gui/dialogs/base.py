"""The one shape of a dialog that talks to the database: typed lane work and errors beside its fields.

The dialog counterpart of ``gui.pages.base.Page``: the same ``gui.lane_ops.LaneOps`` runs its
work, so a dialog gets the same stale-answer check, busy state and error display:

- answers still on their way when the dialog finishes (accepted, rejected, closed by the
  idle lock) are dropped; a refused change (``change=True``) is still reported;
- ``busy`` is true while a ``busy=True`` job runs; ``set_busy(busy)`` hears each change
  (the base shows the busy cursor; subclasses also disable their buttons);
- a failure without its own ``failed`` goes to ``show_error``: each problem beside its field
  through ``errors`` (a ``FieldErrors``), anything else in the general label — or, once the
  dialog is gone, in a box over its parent.

Only Qt is imported here: the sign-in window is built on this before SQLAlchemy is loaded
(docs/product.md "Budgets").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from gui.lane_ops import LaneOps
from gui.widgets.field_error import FieldErrorLabel, FieldErrors, named

if TYPE_CHECKING:
    from gui.worker import DbLane

T = TypeVar("T")


class LaneDialog(QDialog):
    """Base of every dialog that runs database work.

    ``general_error`` is the objectName of the label for errors that belong to no field.
    A subclass adds its fields with ``self.errors.add_row(...)`` and places ``self.errors.general``.
    """

    def __init__(self, lane: DbLane, object_name: str, general_error: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, object_name)
        self.errors = FieldErrors(named(FieldErrorLabel(general_error.removesuffix("Error"), wrap=True), general_error))
        # Through lambdas: subclasses override set_busy and show_error.
        self._ops = LaneOps(self, lane, on_busy=lambda busy: self.set_busy(busy),
                            on_error=lambda exc: self.show_error(exc))
        self.finished.connect(lambda _result: self._ops.drop_all())

    @property
    def busy(self) -> bool:
        return self._ops.busy

    def set_busy(self, busy: bool) -> None:
        """Called when ``busy`` changes; overrides disable what must not be pressed twice, then call super."""
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def run(self, job: Callable[[], T], done: Callable[[T], None], *,
            failed: Callable[[BaseException], None] | None = None, busy: bool = False,
            key: str | None = None, change: bool = False) -> None:
        """Run ``job`` on the database lane; ``done(answer)`` on the GUI thread unless the answer is stale.

        The same contract as ``Page.run``; an answer is stale once the dialog has finished.
        """
        self._ops.run(job, done, failed=failed, busy=busy, key=key, change=change)

    def show_error(self, exc: BaseException) -> None:
        """Beside the fields while the dialog is open; in a box over its parent once it is gone."""
        if self.isVisible():
            self.errors.show(exc)
            return
        from gui import messages

        messages.show_error(self.parentWidget(), exc)
