"""The supervisor's Scoring menu: score settings, and the branch recompute with its progress bar.

The recompute (``services.scoring.recompute_branch``: batches of a few thousand clients, each
its own short unit of work) runs on a lane of its own, so the window's lane — every page's
reads and saves — is never queued behind it and the window never freezes; its progress comes
back through a signal to a progress dialog, whose Cancel stops it after the batch in hand
(what was scored stays scored; running it again carries on idempotently).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QProgressDialog

from gui import messages
from gui.worker import DbLane

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from gui.context import AppContext
    from services.scoring import RecomputeProgress, RecomputeResult


class _Progress(QObject):
    """Carries the recompute's progress from its thread to the GUI thread.

    Signals:
        progressed(int, int): clients done, clients in all
    """

    progressed = Signal(int, int)


class ScoreMenu(QObject):
    """Fills ``scoringMenu`` for a supervisor's session; empty (and hidden) for every other role."""

    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self.menu = menu
        self.menu.setObjectName("scoringMenu")
        self.settings_action = QAction(translate("ScoreMenu", "Score settings…"), window)
        self.settings_action.setObjectName("scoreSettingsAction")
        self.recompute_action = QAction(translate("ScoreMenu", "Recompute the branch's scores"), window)
        self.recompute_action.setObjectName("recomputeBranchAction")
        self.menu.addAction(self.settings_action)
        self.menu.addAction(self.recompute_action)
        self.settings_action.triggered.connect(self.on_settings_triggered)
        self.recompute_action.triggered.connect(self.on_recompute_triggered)
        self._ctx: AppContext | None = None
        self._batch_lane = DbLane()  # the recompute's own thread (see the module's docstring)
        self._stop = threading.Event()
        self.progress_dialog: QProgressDialog | None = None
        self._relay = _Progress(self)
        self._relay.progressed.connect(self.on_progressed)
        self.start(None)

    # --- the session ---------------------------------------------------------------------------

    def start(self, ctx: AppContext | None) -> None:
        from services.permissions import Action, allowed

        self._ctx = ctx
        shown = ctx is not None and allowed(ctx.actor.role, Action.SCORE_SETTINGS)
        self.menu.menuAction().setVisible(shown)
        self.settings_action.setEnabled(shown)
        self.recompute_action.setEnabled(shown and not self.running)

    def set_enabled(self, enabled: bool) -> None:
        """The idle lock disables the menu's actions; unlocking gives back what the role may use."""
        if enabled:
            self.start(self._ctx)
        else:
            self.settings_action.setEnabled(False)
            self.recompute_action.setEnabled(False)

    def stop(self) -> None:
        """Signing out: a recompute in hand stops after its batch."""
        self._stop.set()
        self._batch_lane.wait(30_000)
        self.start(None)

    @property
    def running(self) -> bool:
        return self.progress_dialog is not None

    # --- settings ------------------------------------------------------------------------------

    @Slot()
    def on_settings_triggered(self) -> None:
        from gui.dialogs.score_settings import ScoreSettingsDialog

        if self._ctx is None:
            return
        dialog = ScoreSettingsDialog(self._ctx.db, self._ctx.lane, self._ctx.actor, self._window)
        dialog.saved.connect(self.on_settings_saved)
        dialog.open()
        self.settings_dialog = dialog

    @Slot(bool)
    def on_settings_saved(self, recompute: bool) -> None:
        if recompute:
            self.recompute(settings_changed=True)

    # --- the recompute -------------------------------------------------------------------------

    @Slot()
    def on_recompute_triggered(self) -> None:
        self.recompute(settings_changed=False)

    def recompute(self, *, settings_changed: bool) -> None:
        from models import TierCause
        from services.scoring import recompute_branch

        if self._ctx is None or self.running:
            return
        db, actor, relay, stop = self._ctx.db, self._ctx.actor, self._relay, self._stop
        stop.clear()
        dialog = QProgressDialog(translate("ScoreMenu", "Scoring the branch's clients…"),
                                 translate("ScoreMenu", "Stop"), 0, 0, self._window)
        dialog.setObjectName("recomputeProgressDialog")
        dialog.setWindowTitle(translate("ScoreMenu", "Recompute the branch's scores"))
        dialog.setWindowModality(Qt.WindowModality.NonModal)  # the window stays usable meanwhile
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(stop.set)
        # Not client data, but registered so the idle lock hides it and unlocking brings it back
        # instead of closing it: the recompute goes on under the lock.
        self._ctx.register_sensitive(dialog)
        dialog.show()
        self.progress_dialog = dialog
        self.recompute_action.setEnabled(False)
        cause = TierCause.SETTINGS if settings_changed else TierCause.RECOMPUTE

        def job() -> RecomputeResult:
            def report(p: RecomputeProgress) -> None:
                relay.progressed.emit(p.done, p.total)  # queued to the GUI thread

            return recompute_branch(db, actor, progress=report, cause=cause, should_stop=stop.is_set)

        self._batch_lane.submit(job, self.on_recompute_done, self.on_recompute_failed, owner=self)

    @Slot(int, int)
    def on_progressed(self, done: int, total: int) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setMaximum(max(total, 1))
            self.progress_dialog.setValue(done)
            self.progress_dialog.setLabelText(
                translate("ScoreMenu", "Scored {done} of {total} clients").format(done=done, total=total))

    def _finish(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self.start(self._ctx)

    def on_recompute_done(self, result: RecomputeResult) -> None:
        self._finish()
        if self._ctx is None:
            return
        text = translate("ScoreMenu", "Scored {clients} clients: {changed} changed score, {moves} changed tier.")
        text = text.format(clients=result.clients, changed=result.changed, moves=result.tier_moves)
        if not result.complete:
            text += " " + translate("ScoreMenu", "Stopped before the end; run it again to carry on.")
        messages.info(self._window, translate("ScoreMenu", "Recompute the branch's scores"), text,
                      name="recomputeDoneMessageBox")

    def on_recompute_failed(self, exc: BaseException) -> None:
        self._finish()
        messages.show_error(self._window, exc)
