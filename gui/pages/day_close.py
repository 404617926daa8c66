"""日终核对 page: check the day's referrals with the RMs, record outcomes, close or reopen the day.

What the viewer may do with the day (close, close only with a reason, reopen) comes with the
reconciliation from ``services.dayclose``; the page shows it and never re-decides it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QDateEdit, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui import messages
from gui.context import AppContext
from gui.dialogs.reason import ReasonDialog
from gui.itemmodels.day_close import DayCloseTableModel
from gui.pages.base import Page
from gui.widgets.dates import pydate, qdate
from gui.widgets.day_close_table import DayCloseTable
from gui.widgets.field_error import named
from gui.widgets.outcome_panel import OutcomePanel
from gui.widgets.tone import HINT, set_tone
from services import dayclose
from services.dayclose import DayReconciliation, DayState
from services.db import BRANCH_TZ


def _hm(moment: dt.datetime | None) -> str:
    return moment.astimezone(BRANCH_TZ).strftime("%Y-%m-%d %H:%M") if moment else ""


class DayClosePage(Page):
    """日终核对 for one date: the lines, what is missing, the outcome editor, close and reopen.

    Every service call runs on the context's database lane; results come back here.

    Signals:
        reconciliation_loaded(object): a ``DayReconciliation`` arrived and is on screen
        outcome_recorded(int): the outcome of that referral id was saved
        day_closed(object): the day was closed (``DayState``)
        day_reopened(object): the day was reopened (``DayState``)
    """

    reconciliation_loaded = Signal(object)
    outcome_recorded = Signal(int)
    day_closed = Signal(object)
    day_reopened = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "dayClosePage", parent)
        self.rec: DayReconciliation | None = None
        self._stale = False  # the database changed while a reload had to wait
        self._dialog: QDialog | None = None  # the question or reason dialog on screen

        today = ctx.db.today()
        self.date_edit = QDateEdit(qdate(today))
        named(self.date_edit, "dayCloseDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(qdate(today))
        self.refresh_button = QPushButton(self.tr("Reload"))
        named(self.refresh_button, "dayCloseRefreshButton")
        self.summary_label = QLabel()
        named(self.summary_label, "dayCloseSummaryLabel")
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.state_label = QLabel()
        named(self.state_label, "dayCloseStateLabel")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.banner = QLabel()
        named(self.banner, "dayClosedBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)  # it quotes a reason someone typed
        self.banner.hide()

        self.model = DayCloseTableModel(self)
        self.table = DayCloseTable(self.model)

        self.panel = OutcomePanel()
        self.watcher = ctx.changes()  # RMs confirming in their queues, a close elsewhere
        self.close_button = QPushButton(self.tr("Close day"))
        named(self.close_button, "closeDayButton")
        self.reopen_button = QPushButton(self.tr("Reopen day…"))
        named(self.reopen_button, "reopenDayButton")
        self.reopen_button.hide()  # until the day's reconciliation says the viewer may reopen days
        self.hint_label = QLabel()
        named(self.hint_label, "dayCloseHintLabel")
        set_tone(self.hint_label, HINT)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Business day")))
        top.addWidget(self.date_edit)
        top.addWidget(self.refresh_button)
        top.addSpacing(12)
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.state_label)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addWidget(self.panel)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint_label, 1)
        bottom.addWidget(self.reopen_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        self._connect_signals()
        self._show_reconciliation(None)

    def _connect_signals(self) -> None:
        self.date_edit.dateChanged.connect(self.on_date_changed)
        self.refresh_button.clicked.connect(self.on_refresh_clicked)
        self.table.selectionModel().currentRowChanged.connect(self.on_current_row_changed)
        self.panel.outcome_submitted.connect(self.on_outcome_submitted)
        self.close_button.clicked.connect(self.on_close_clicked)
        self.reopen_button.clicked.connect(self.on_reopen_clicked)
        self.watcher.changed.connect(self.on_watcher_changed)

    # --- the page contract -------------------------------------------------------

    def refresh(self) -> None:
        """Reload the shown day (after unlock, when the page is shown); today may have moved on."""
        super().refresh()
        self._stale = False
        today = self.ctx.db.today()
        self.date_edit.setMaximumDate(qdate(today))
        self._load()

    def clear_sensitive(self) -> None:
        """The idle lock: no client stays on screen, and no late result brings one back."""
        super().clear_sensitive()
        self._close_dialog()
        self._show_reconciliation(None)

    # --- helpers -------------------------------------------------------------------

    @property
    def day(self) -> dt.date:
        return pydate(self.date_edit.date())

    def set_busy(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)
        self.panel.set_busy(busy)
        self._update_actions()

    def _load(self, *, select_referral: int | None = None) -> None:
        db, actor, day = self.ctx.db, self.ctx.actor, self.day
        self.run(lambda: dayclose.reconciliation(db, actor, day),
                 lambda rec: self._on_loaded(rec, select_referral), busy=True, key="load")

    def _on_loaded(self, rec: DayReconciliation, select_referral: int | None) -> None:
        if rec.day != self.day:
            return  # the date moved on while this one was loading; its own load follows
        current = self.panel.line.referral_id if self.panel.line else None
        self._show_reconciliation(rec)
        keep = select_referral if select_referral is not None else current
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.reconciliation_loaded.emit(rec)
        if self._stale:
            self._reload_if_free()

    def _show_reconciliation(self, rec: DayReconciliation | None) -> None:
        self.rec = rec
        self.model.set_lines(rec.lines if rec else ())
        self.panel.show_line(None, editable=False, hint=self._panel_hint())
        if rec is None:
            self.summary_label.clear()
            self.state_label.clear()
            self.banner.hide()
        else:
            self.summary_label.setText(self._summary_text(rec))
            self.state_label.setText(self._state_text(rec))
            self.banner.setText(self._banner_text(rec))
            self.banner.setVisible(rec.closed)
        self.table.setEnabled(rec is not None)
        self._update_actions()

    def _summary_text(self, rec: DayReconciliation) -> str:
        parts = [
            self.tr("Referred {n}").format(n=rec.referred),
            self.tr("Confirmed {n}").format(n=rec.confirmed),
        ]
        missing = self.tr("Missing {n}").format(n=rec.missing)
        parts.append(f'<b style="color:#b3261e">{missing}</b>' if rec.missing else missing)
        parts.append(self.tr("Pending {n} (with follow-up {m})").format(n=rec.pending, m=rec.pending_with_follow_up))
        if rec.voided:
            parts.append(self.tr("Void {n}").format(n=rec.voided))
        return " · ".join(parts)

    def _state_text(self, rec: DayReconciliation) -> str:
        if rec.closed:
            return self.tr("Closed by {who} at {when}").format(who=rec.closed_by or "?", when=_hm(rec.closed_at))
        if rec.reopened_at is not None:
            return self.tr("Reopened by {who} at {when}").format(who=rec.reopened_by or "?",
                                                                  when=_hm(rec.reopened_at))
        return self.tr("Not closed")

    def _banner_text(self, rec: DayReconciliation) -> str:
        text = self.tr("Closed (read-only)")
        if rec.close_reason:
            text += "  " + self.tr("Closed anyway: {reason}").format(reason=rec.close_reason)
        return text

    def _panel_hint(self) -> str:
        if self.rec is not None and self.rec.closed:
            return self.tr("The day is closed; outcomes can no longer be changed.")
        return ""

    def _update_actions(self) -> None:
        """The buttons and hint from what the reconciliation says the viewer may do."""
        rec = self.rec
        self.close_button.setText(self.tr("Close day"))
        self.close_button.setToolTip("")
        hint = ""
        if rec is not None and not rec.closed:
            if not rec.needs_reason:
                hint = self.tr("Everything is confirmed; the day can be closed.")
            elif rec.can_close:
                self.close_button.setText(self.tr("Force close…"))
                hint = self.tr("{n} referred clients still lack the outcome.").format(n=rec.missing)
            else:
                hint = self.tr("{n} referred clients still lack the outcome; record them before closing.").format(
                    n=rec.missing)
                self.close_button.setToolTip(hint)
        self.close_button.setEnabled(rec is not None and rec.can_close and not self.busy)
        if rec is not None:
            self.reopen_button.setVisible(rec.may_reopen)
        self.reopen_button.setEnabled(rec is not None and rec.can_reopen and not self.busy)
        self.hint_label.setText(hint)

    def _dialog_open(self) -> bool:
        return self._dialog is not None and shiboken6.isValid(self._dialog) and self._dialog.isVisible()

    def _close_dialog(self) -> None:
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.close()
        self._dialog = None

    # --- slots -----------------------------------------------------------------------

    def _reload_if_free(self) -> None:
        """Reload for a change made elsewhere, unless that would disturb the person.

        Busy, asking a question, or an outcome typed but not saved: the reload
        waits (``_stale``) for the next moment that is free. Hidden: the window
        calls ``refresh()`` when it shows the page, which reads the day anyway.
        """
        if self.cleared:
            return
        if not self.isVisible() or self.busy or self._dialog_open() or self.panel.is_dirty():
            self._stale = True
            return
        self._stale = False
        self._load()

    @Slot()
    def on_watcher_changed(self) -> None:
        self._reload_if_free()

    @Slot(QDate)
    def on_date_changed(self, _date: QDate) -> None:
        if not self.cleared:
            self._load()

    @Slot()
    def on_refresh_clicked(self) -> None:
        self._load()

    @Slot(QModelIndex, QModelIndex)
    def on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        line = self.model.line_at(current.row()) if current.isValid() else None
        closed = self.rec is not None and self.rec.closed
        hint = self._panel_hint()
        if line is not None and not closed:
            if line.voided:
                hint = self.tr("A void referral has no outcome.")
            elif not line.needs_outcome:
                hint = self.tr("A pending client is followed up by the RM; nothing to confirm here.")
        self.panel.show_line(line, editable=not closed, hint=hint)
        if self._stale:
            self._reload_if_free()

    @Slot()
    def on_outcome_submitted(self) -> None:
        line = self.panel.line
        if line is None or self.busy:
            return
        met, deal, products, amount = self.panel.values()
        db, actor = self.ctx.db, self.ctx.actor
        self.panel.clear_errors()

        def job() -> int:
            return dayclose.record_outcome(db, actor, line.referral_id, met=met, deal=deal, products=products,
                                           amount=amount, version=line.version)

        def done(_version: int) -> None:
            self.outcome_recorded.emit(line.referral_id)
            self._load(select_referral=line.referral_id)

        def failed(exc: BaseException) -> None:
            if self.panel.errors.claims(exc):
                self.panel.errors.show(exc)
                return
            self.show_error(exc)
            self._load(select_referral=line.referral_id)  # a closed day or a newer edit: show what is true now

        self.run(job, done, failed=failed, busy=True, change=True)

    @Slot()
    def on_close_clicked(self) -> None:
        rec = self.rec
        if rec is None or not rec.can_close or self.busy:
            return
        day = rec.day.isoformat()
        self._close_dialog()
        if rec.needs_reason:
            prompt = self.tr("{n} referred clients of {day} still lack the outcome. "
                             "Why close the day anyway?").format(n=rec.missing, day=day)
            self._dialog = messages.ask_reason(self, self.tr("Force close"), prompt,
                                               lambda dialog, reason: self._close(rec, dialog, reason))
            return
        self._dialog = messages.confirm(
            self, self.tr("Close day"),
            self.tr("Close {day}? Its referrals become read-only; only the supervisor can reopen the day.").format(
                day=day),
            lambda: self._close(rec, None, None), name="confirmCloseBox", yes_text=self.tr("Close day"),
            no_text=self.tr("Cancel"))

    @Slot()
    def on_reopen_clicked(self) -> None:
        rec = self.rec
        if rec is None or not rec.can_reopen or self.busy:
            return
        self._close_dialog()
        prompt = self.tr("Reopen {day}? Say why; changes after the close are audited.").format(day=rec.day.isoformat())
        self._dialog = messages.ask_reason(self, self.tr("Reopen day"), prompt,
                                           lambda dialog, reason: self._reopen(rec, dialog, reason))

    def _close(self, rec: DayReconciliation, dialog: ReasonDialog | None, reason: str | None) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self._change_day(lambda: dayclose.close_day(db, actor, rec.day, reason, version=rec.version), dialog,
                         self.day_closed)

    def _reopen(self, rec: DayReconciliation, dialog: ReasonDialog, reason: str) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self._change_day(lambda: dayclose.reopen_day(db, actor, rec.day, reason, version=rec.version), dialog,
                         self.day_reopened)

    def _change_day(self, job: Callable[[], DayState], dialog: ReasonDialog | None,
                    announce: SignalInstance) -> None:
        """Close or reopen on the lane, say so with ``announce``; either way read the day again.

        A reason dialog stays open until the change is saved; a refused reason shows in it, as typed.
        """

        def done(state: DayState) -> None:
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.accept()
            announce.emit(state)
            self._load()

        def failed(exc: BaseException) -> None:
            if dialog is not None and shiboken6.isValid(dialog):
                if dialog.errors.claims(exc):
                    dialog.show_error(exc)
                    return
                dialog.reject()
            self.show_error(exc)
            self._load()  # someone else closed or reopened it meanwhile: show what is true now

        self.run(job, done, failed=failed, busy=True, change=True)
