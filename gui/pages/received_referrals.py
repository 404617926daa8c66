"""The RM's received referrals: a panel for the follow-up page (today by default, any day, live) and the
outcome dialog it opens (docs/received.md)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QDate, QItemSelection, QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import messages
from gui.itemmodels.received import ReceivedTableModel
from gui.pages.base import Page
from gui.widgets.columns import fit_columns
from gui.widgets.dates import pydate, qdate
from gui.widgets.field_error import FieldErrorLabel, named
from gui.widgets.tone import HINT, set_tone
from services.permissions import Action, allowed
from services.received import ReceivedRow

# Services and dialogs used only when the person acts are imported where used, not at start-up
# (docs/architecture.md "Start-up"); here for annotations only.
if TYPE_CHECKING:
    from gui.dialogs.outcome import OutcomeDialog



class ReceivedReferralsPanel(QWidget):
    """Referrals naming the signed-in RM on one day, newest first; new arrivals highlighted.

    Lives on a host page (``followUpPage``): its work runs through ``page.run``, and the page
    calls ``refresh()`` when shown or unlocked and ``clear_sensitive()`` at the idle lock.
    The supervisor sees every RM's referrals, or one RM's after ``set_rm(rm_id)``.

    Signals:
        outcome_saved(int): an outcome was saved from this panel (the referral's id)
    """

    outcome_saved = Signal(int)

    def __init__(self, page: Page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "receivedReferralsPanel")
        self.page = page
        self.ctx = page.ctx
        self._rm_id: int | None = None
        self._all_rms = allowed(self.ctx.actor.role, Action.RECEIVED_VIEW_ANY)
        self._follow_today = True
        self._sized = False
        self.dialog: OutcomeDialog | None = None
        self._select_when_loaded: int | None = None
        self.model = ReceivedTableModel(self.ctx, self)
        self.watcher = self.ctx.changes()
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        title = QLabel(self.tr("Referrals received"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.date_edit = named(QDateEdit(), "receivedDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(qdate(self.ctx.db.today()))
        date_label = QLabel(self.tr("Da&y"))
        date_label.setBuddy(self.date_edit)
        self.today_button = named(QPushButton(self.tr("Today")), "receivedTodayButton")
        self.summary_label = named(QLabel(), "receivedSummaryLabel")
        set_tone(self.summary_label, HINT)
        self.outcome_button = named(QPushButton(self.tr("Record &outcome…")), "recordOutcomeButton")
        self.outcome_button.setEnabled(False)

        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(12)
        bar.addWidget(date_label)
        bar.addWidget(self.date_edit)
        bar.addWidget(self.today_button)
        bar.addSpacing(12)
        bar.addWidget(self.summary_label)
        bar.addStretch(1)
        bar.addWidget(self.outcome_button)

        self.table = named(QTableView(), "receivedReferralsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.error_label = FieldErrorLabel("receivedReferralsTable", wrap=True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)

    def _connect_signals(self) -> None:
        self.date_edit.dateChanged.connect(self.on_date_changed)
        self.today_button.clicked.connect(self.on_today_clicked)
        self.outcome_button.clicked.connect(self.on_outcome_clicked)
        self.table.doubleClicked.connect(self.on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.model.total_changed.connect(self.on_model_total_changed)
        self.model.window_loaded.connect(self.on_model_window_loaded)
        self.model.modelReset.connect(self._update_buttons)
        self.model.load_failed.connect(self.on_model_load_failed)
        self.watcher.changed.connect(self.on_watcher_changed)

    # --- what the host page calls -----------------------------------------------------

    def refresh(self) -> None:
        """Shown or unlocked: today may be another day by now; read the rows afresh."""
        self.error_label.clear_error()
        if self._follow_today and self.chosen_day() != self.ctx.db.today():
            self.date_edit.setDate(qdate(self.ctx.db.today()))  # on_date_changed reloads
            return
        if self.model.day == self.chosen_day() and self.model.rowCount() > 0:
            self.model.reload()
        else:
            self._query()

    def clear_sensitive(self) -> None:
        """The idle lock: no client stays on screen (the window closes the outcome dialog)."""
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()
        self.model.clear()
        self.summary_label.clear()

    def set_rm(self, rm_id: int | None) -> None:
        """The supervisor looks at one RM's referrals (None: every RM's)."""
        self._rm_id = rm_id
        self._all_rms = rm_id is None and allowed(self.ctx.actor.role, Action.RECEIVED_VIEW_ANY)
        if not self.page.cleared:
            self._query()

    def chosen_day(self) -> dt.date:
        return pydate(self.date_edit.date())

    def selected_row(self) -> ReceivedRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def note_arrivals(self, referral_ids: list[int]) -> None:
        """The notification announced these: highlight them, loaded now or later."""
        self.model.mark_new(referral_ids)

    def select_referral(self, referral_id: int) -> None:
        """Select a referral's row (the notification's "open"), now or as soon as it is loaded."""
        k = self.model.row_of(referral_id)
        if k < 0:
            self._select_when_loaded = referral_id
            return
        self._select_when_loaded = None
        self.table.selectRow(k)
        self.table.scrollTo(self.model.index(k, 0))

    def _query(self) -> None:
        self.model.set_query(self.chosen_day(), self._rm_id, all_rms=self._all_rms)

    # --- slots -------------------------------------------------------------------------

    @Slot(QDate)
    def on_date_changed(self, day: QDate) -> None:
        self._follow_today = pydate(day) == self.ctx.db.today()
        if not self.page.cleared:
            self._query()

    @Slot()
    def on_today_clicked(self) -> None:
        self.date_edit.setDate(qdate(self.ctx.db.today()))

    @Slot()
    def on_watcher_changed(self) -> None:
        # A hidden panel waits: the page's refresh() reads it when shown.
        if not self.page.cleared and self.isVisible():
            self.model.reload()

    @Slot(int)
    def on_model_total_changed(self, total: int) -> None:
        self.summary_label.setText(self.tr("{n} received").format(n=total))

    @Slot()
    def on_model_window_loaded(self) -> None:
        self.error_label.clear_error()
        if self.model.rowCount() and not self._sized:
            fit_columns(self.table)
            self._sized = True
        if self._select_when_loaded is not None and self.model.row_of(self._select_when_loaded) >= 0:
            self.select_referral(self._select_when_loaded)
        self._update_buttons()

    @Slot(object)
    def on_model_load_failed(self, exc: BaseException) -> None:
        self.error_label.show_error(messages.describe(exc))

    @Slot(QItemSelection, QItemSelection)
    def on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        row = self.selected_row()
        if row is not None:
            self.model.acknowledge(row.id)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.outcome_button.setEnabled(row is not None and row.can_record_outcome)  # the service's rule

    @Slot(QModelIndex)
    def on_table_double_clicked(self, _index: QModelIndex) -> None:
        self.on_outcome_clicked()

    @Slot()
    def on_outcome_clicked(self) -> None:
        from gui.dialogs.outcome import OutcomeDialog

        row = self.selected_row()
        if row is None or not row.can_record_outcome or self.dialog is not None:
            return
        dialog = OutcomeDialog(self.ctx, row, self)
        dialog.outcome_saved.connect(self.on_dialog_outcome_saved)
        dialog.finished.connect(self.on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    @Slot(int)
    def on_dialog_outcome_saved(self, referral_id: int) -> None:
        self.model.reload()
        self.outcome_saved.emit(referral_id)

    @Slot(int)
    def on_dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.deleteLater()
        if self.model.day is not None and not self.page.cleared:
            self.model.reload()  # a refused save (someone else changed it) shows what they saved
