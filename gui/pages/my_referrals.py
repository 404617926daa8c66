"""My / today's referrals: what became of each referral, live, and voiding one with a reason.

A teller, RM or marketing manager sees the referrals they filed; the lobby
manager and the supervisor see the branch's. The table follows changes made
on any workstation (services.notify through ``ChangeWatcher``) within about
half a second plus the reload, so the referrer learns the RM's outcome
(met, deal, follow-up state) as it comes in.
"""

from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import QDate, QItemSelection, QModelIndex, Signal, Slot
from PySide6.QtGui import QKeySequence
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
from gui.context import AppContext
from gui.dialogs.reason import VoidReasonDialog
from gui.itemmodels.referrals import ReferralTableModel
from gui.pages.base import Page
from gui.widgets.columns import fit_columns
from gui.widgets.dates import pydate, qdate
from gui.widgets.field_error import FieldErrorLabel, named
from gui.widgets.tone import HINT, set_tone
from services import referrals
from services.errors import Conflict, ValidationError
from services.permissions import Action, allowed
from services.referrals import ReferralRow


class MyReferralsPage(Page):
    """The referrals of one day (today unless another is chosen), newest first.

    Signals:
        referral_voided(int): a referral was voided from this page (its id)
    """

    referral_voided = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "myReferralsPage", parent)
        self.scope = "branch" if allowed(ctx.actor.role, Action.REFERRAL_VIEW_BRANCH) else "own"
        self._follow_today = True  # the day moves on with the calendar until someone picks another
        self._void_dialog: VoidReasonDialog | None = None
        self._sized = False
        self.model = ReferralTableModel(ctx, self)
        self.watcher = ctx.changes()
        self._build()
        self._connect_signals()  # the rows arrive with refresh(), when the page is shown

    def _build(self) -> None:
        title = QLabel(self.tr("Branch referrals") if self.scope == "branch"
                       else self.tr("My referrals"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)

        self.date_edit = QDateEdit()
        named(self.date_edit, "referralDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(qdate(self.ctx.db.today()))
        date_label = QLabel(self.tr("&Date"))
        date_label.setBuddy(self.date_edit)
        self.today_button = QPushButton(self.tr("Today"))
        named(self.today_button, "referralTodayButton")
        self.summary_label = QLabel()
        named(self.summary_label, "referralSummaryLabel")
        set_tone(self.summary_label, HINT)
        self.void_button = QPushButton(self.tr("&Void…"))
        named(self.void_button, "voidReferralButton")
        self.void_button.setEnabled(False)
        # The client's profile, for a viewer the row says may open it (docs/profiles.md "Opening").
        self.profile_button = QPushButton(self.tr("Client &profile"))
        named(self.profile_button, "openReferralProfileButton")
        self.profile_button.setEnabled(False)
        self.profile_button.setVisible(allowed(self.ctx.actor.role, Action.CLIENT_PROFILE))
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        named(self.refresh_button, "refreshReferralsButton")
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))

        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(16)
        bar.addWidget(date_label)
        bar.addWidget(self.date_edit)
        bar.addWidget(self.today_button)
        bar.addSpacing(12)
        bar.addWidget(self.summary_label)
        bar.addStretch(1)
        bar.addWidget(self.profile_button)
        bar.addWidget(self.void_button)
        bar.addWidget(self.refresh_button)

        self.table = QTableView()
        named(self.table, "referralTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(60)  # the stretched last column never shrinks below this
        header.setHighlightSections(False)
        self.error_label = FieldErrorLabel("referralTable", wrap=True)
        hint = QLabel(self.tr("Voided referrals stay listed, struck through; hover for the reason."))
        set_tone(hint, HINT)

        page = QVBoxLayout(self)
        page.setContentsMargins(12, 10, 12, 10)
        page.setSpacing(8)
        page.addLayout(bar)
        page.addWidget(self.table, 1)
        page.addWidget(self.error_label)
        page.addWidget(hint)

    def _connect_signals(self) -> None:
        self.date_edit.dateChanged.connect(self.on_date_changed)
        self.today_button.clicked.connect(self.on_today_clicked)
        self.refresh_button.clicked.connect(self.refresh)
        self.void_button.clicked.connect(self.on_void_clicked)
        self.profile_button.clicked.connect(self.on_profile_clicked)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.model.total_changed.connect(self.on_model_total_changed)
        self.model.window_loaded.connect(self.on_model_window_loaded)
        self.model.modelReset.connect(self.on_model_reset)
        self.model.load_failed.connect(self.on_model_load_failed)
        self.watcher.changed.connect(self.on_watcher_changed)

    # --- the page contract ------------------------------------------------------------

    def clear_sensitive(self) -> None:
        """The idle lock: no client names or numbers stay in memory or on screen."""
        super().clear_sensitive()
        if self._void_dialog is not None:
            self._void_dialog.reject()
        self.model.clear()
        self.summary_label.clear()

    def refresh(self) -> None:
        """Shown or unlocked: today may be another day by now; read the rows afresh."""
        super().refresh()
        self.error_label.clear_error()
        if self._follow_today and self._chosen_day() != self.ctx.db.today():
            self.date_edit.setDate(qdate(self.ctx.db.today()))  # on_date_changed reloads
            return
        if self.model.day == self._chosen_day() and self.model.rowCount() > 0:
            self.model.reload()
        else:
            self.model.set_query(self._chosen_day(), self.scope)

    # --- slots -------------------------------------------------------------------------

    def _chosen_day(self) -> dt.date:
        return pydate(self.date_edit.date())

    @Slot(QDate)
    def on_date_changed(self, day: QDate) -> None:
        self._follow_today = pydate(day) == self.ctx.db.today()
        if not self.cleared:
            self.model.set_query(pydate(day), self.scope)

    @Slot()
    def on_today_clicked(self) -> None:
        self.date_edit.setDate(qdate(self.ctx.db.today()))

    @Slot()
    def on_watcher_changed(self) -> None:
        # A hidden page waits: the window calls refresh() when it shows the page, which reads it anyway.
        if not self.cleared and self.isVisible():
            self.model.reload()

    @Slot(int)
    def on_model_total_changed(self, total: int) -> None:
        self.summary_label.setText(self.tr("{n} referrals").format(n=total))

    @Slot()
    def on_model_window_loaded(self) -> None:
        self.error_label.clear_error()
        if self.model.rowCount() and not self._sized:
            # Once: later reloads keep the person's widths. The last column stretches to the
            # edge instead, so no horizontal scroll bar for a few pixels.
            fit_columns(self.table)
            self._sized = True
        self._update_void_button()

    @Slot()
    def on_model_reset(self) -> None:
        self._update_void_button()

    @Slot(object)
    def on_model_load_failed(self, exc: BaseException) -> None:
        self.error_label.show_error(messages.describe(exc))

    @Slot(QItemSelection, QItemSelection)
    def on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_void_button()

    # --- voiding -----------------------------------------------------------------------

    def selected_row(self) -> ReferralRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_void_button(self) -> None:
        row = self.selected_row()
        self.void_button.setEnabled(row is not None and row.can_void)  # the service's rule, on the row
        self.profile_button.setEnabled(row is not None and row.can_open_profile)

    @Slot()
    def on_profile_clicked(self) -> None:
        row = self.selected_row()
        if row is not None and row.can_open_profile:
            from gui.profile_window import open_profile

            open_profile(self.ctx, row.client_id, self.window())

    @Slot()
    def on_void_clicked(self) -> None:
        row = self.selected_row()
        if row is None or not row.can_void:
            return
        dialog = VoidReasonDialog(row.client_name, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.reason_entered.connect(lambda reason: self._void(dialog, row, reason))
        dialog.finished.connect(self._on_void_dialog_finished)
        self._void_dialog = dialog
        dialog.open()

    def _on_void_dialog_finished(self, _result: int) -> None:
        self._void_dialog = None

    def _void(self, dialog: VoidReasonDialog, row: ReferralRow, reason: str) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def done(_result: None) -> None:
            if shiboken6.isValid(dialog):
                dialog.accept()
            self.model.reload()
            self.referral_voided.emit(row.id)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError) and shiboken6.isValid(dialog):
                dialog.show_error(exc)
                return
            if shiboken6.isValid(dialog):
                dialog.reject()
            self.show_error(exc)
            if isinstance(exc, Conflict):
                self.model.reload()  # show what the other person changed

        self.run(lambda: referrals.void_referral(db, actor, row.id, reason, row.version), done, failed=failed,
                 change=True)

    def current_index_for(self, referral_id: int) -> QModelIndex:
        """The table index of a referral's row (tests and keyboard navigation)."""
        for r in range(self.model.rowCount()):
            row = self.model.row_at(r)
            if row is not None and row.id == referral_id:
                return self.model.index(r, 0)
        return QModelIndex()
