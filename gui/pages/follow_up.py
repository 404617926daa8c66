"""The RM's desk: the follow-up queue, overdue first, live (docs/follow-ups.md).

An RM sees their own queue; the supervisor every RM's (``rmFilterCombo``: all, or one) and
reassigns an open follow-up. The header counts overdue / due today / upcoming; filters and a
search box narrow the table. Changes made on any workstation reload the table through the
change watcher, so a reassignment shows in both RMs' windows.

The page is a vertical splitter: the referrals the RM received today above
(``gui.pages.received_referrals``), the queue below (docs/follow-ups.md "Layout"). The
buttons open the contact, close and pre-contact plan dialogs (``gui.dialogs.contact``,
``close_follow_up``, ``contact_plan``) and the client's profile window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import messages
from gui.context import AppContext
from gui.itemmodels.follow_up_queue import FollowUpQueueModel
from gui.pages.base import Page
from gui.pages.received_referrals import ReceivedReferralsPanel
from gui.widgets.columns import fit_columns
from gui.widgets.field_error import FieldErrorLabel, named
from gui.widgets.first_paint import after_next_paint
from gui.widgets.labels import client_type_label, follow_up_state_label
from gui.widgets.maintenance_due import MaintenanceDuePanel
from gui.widgets.target_progress import TargetProgress
from gui.widgets.tone import ALERT, DUE_TODAY, HINT, set_tone
from models import ClientType, FollowUpOrigin, FollowUpState
from services import accounts, followups
from services.followups import QueueCounts, QueueFilter, QueueRow, RmOption
from services.permissions import Action, allowed

SEARCH_DELAY_MS = 250


class FollowUpPage(Page):
    """The follow-up queue.

    Signals (emitted as the dialog opens):
        contact_requested(object): "Record contact" on a row (a ``QueueRow``)
        close_requested(object, bool): "Close" (False) or "Abandon" (True) on a row
    """

    contact_requested = Signal(object)
    close_requested = Signal(object, bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "followUpPage", parent)
        self.branch_view = allowed(ctx.actor.role, Action.FOLLOWUP_REASSIGN)  # the supervisor
        self.model = FollowUpQueueModel(ctx, self, branch_view=self.branch_view)
        self.watcher = ctx.changes()
        self._rms: list[RmOption] = []
        self._choices_loaded = False
        self._others_due = False  # the desk's other lists wait for the queue's first paint
        self._keep_id: int | None = None  # the selected follow-up, kept across reloads
        self._sized = False
        self._dialog: QDialog | None = None
        self._build()
        self._connect_signals()

    # --- building ----------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("Follow-up queue"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        self.overdue_label = named(QLabel(), "overdueCountLabel")
        set_tone(self.overdue_label, ALERT)
        self.due_today_label = named(QLabel(), "dueTodayCountLabel")
        set_tone(self.due_today_label, DUE_TODAY)
        self.upcoming_label = named(QLabel(), "upcomingCountLabel")
        self._show_counts(None)
        self.rm_combo = named(QComboBox(), "rmFilterCombo")
        self.rm_combo.addItem(self.tr("All RMs"), None)
        self.rm_combo.setVisible(self.branch_view)
        self.refresh_button = named(QPushButton(self.tr("Refresh (F5)")), "refreshFollowUpsButton")
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))

        header = QHBoxLayout()
        header.addWidget(title)
        header.addSpacing(16)
        for label in (self.overdue_label, self.due_today_label, self.upcoming_label):
            header.addWidget(label)
            header.addSpacing(10)
        header.addStretch(1)
        if self.branch_view:
            rm_label = QLabel(self.tr("&RM"))
            rm_label.setBuddy(self.rm_combo)
            header.addWidget(rm_label)
            header.addWidget(self.rm_combo)
        header.addWidget(self.refresh_button)

        self.state_combo = named(QComboBox(), "stateFilterCombo")
        self.state_combo.addItem(self.tr("Any state"), None)
        for state in (FollowUpState.OPEN, FollowUpState.APPOINTED):
            self.state_combo.addItem(follow_up_state_label(state), state)
        self.type_combo = named(QComboBox(), "clientTypeFilterCombo")
        self.type_combo.addItem(self.tr("Any client type"), None)
        for kind in ClientType:
            self.type_combo.addItem(client_type_label(kind), kind)
        self.interest_combo = named(QComboBox(), "interestFilterCombo")
        self.interest_combo.addItem(self.tr("Any interest"), None)
        self.source_combo = named(QComboBox(), "sourceFilterCombo")
        self.source_combo.addItem(self.tr("Any source"), None)
        self.source_combo.addItem(self.tr("Referrals"), FollowUpOrigin.REFERRAL)
        self.source_combo.addItem(self.tr("Own prospects"), FollowUpOrigin.OWN)
        self.search_edit = named(QLineEdit(), "followUpSearchEdit")
        self.search_edit.setPlaceholderText(self.tr("Search: name, last four digits or full mobile"))
        self.search_edit.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        for combo in (self.state_combo, self.type_combo, self.interest_combo, self.source_combo):
            filters.addWidget(combo)
        filters.addWidget(self.search_edit, 1)

        self.table = named(QTableView(), "followUpTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        table_header = self.table.horizontalHeader()
        table_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table_header.setStretchLastSection(True)
        table_header.setDefaultSectionSize(80)
        table_header.setHighlightSections(False)
        self.error_label = FieldErrorLabel("followUpTable", wrap=True)

        self.add_own_button = named(QPushButton(self.tr("&Add own follow-up…")), "addOwnFollowUpButton")
        self.contact_button = named(QPushButton(self.tr("Record &contact…")), "recordContactButton")
        self.close_button = named(QPushButton(self.tr("C&lose…")), "closeFollowUpButton")
        self.abandon_button = named(QPushButton(self.tr("A&bandon…")), "abandonFollowUpButton")
        self.abandon_button.setToolTip(self.tr("Offered after the branch's number of failed attempts in a row"))
        self.reassign_button = named(QPushButton(self.tr("&Reassign…")), "reassignButton")
        self.reassign_button.setVisible(self.branch_view)
        self.plan_button = named(QPushButton(self.tr("&Plan…")), "contactPlanButton")
        self.plan_button.setToolTip(self.tr("The pre-contact plan: strengths, personality, needs, goal"))
        self.profile_button = named(QPushButton(self.tr("Pro&file…")), "openQueueProfileButton")
        self.profile_button.setToolTip(self.tr("The client's profile (also a double-click on the row)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_own_button)
        buttons.addStretch(1)
        for button in self._row_buttons():
            button.setEnabled(False)
            buttons.addWidget(button)
        hint = QLabel(self.tr("Overdue first, oldest first, then due today, then upcoming. "
                              "Clients are masked here: the full number only in the profile."))
        set_tone(hint, HINT)

        self.queue_panel = named(QWidget(), "followUpQueuePanel")
        panel = QVBoxLayout(self.queue_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.setSpacing(8)
        panel.addLayout(header)
        panel.addLayout(filters)
        panel.addWidget(self.table, 1)
        panel.addWidget(self.error_label)
        panel.addLayout(buttons)
        panel.addWidget(hint)

        # Received referrals above the queue; maintenance due below it (docs/maintenance.md "On the desk").
        self.splitter = named(QSplitter(Qt.Orientation.Vertical), "followUpSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.received = ReceivedReferralsPanel(self)
        self.maintenance = MaintenanceDuePanel(self.ctx, self)
        for index, (panel_widget, stretch) in enumerate(((self.received, 1), (self.queue_panel, 2),
                                                         (self.maintenance, 1))):
            self.splitter.addWidget(panel_widget)
            self.splitter.setStretchFactor(index, stretch)
        page = QVBoxLayout(self)
        page.setContentsMargins(12, 10, 12, 10)
        page.addWidget(self.splitter)
        self.targets: TargetProgress | None = None
        if self.ctx.actor.role == "rm":  # the month's targets on the RM's desk (docs/assessment.md)
            self.targets = TargetProgress(self.ctx, load_on_show=False)
            page.addWidget(self.targets)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

    def _connect_signals(self) -> None:
        self.refresh_button.clicked.connect(self.refresh)
        self.rm_combo.currentIndexChanged.connect(self.on_query_changed)
        for combo in (self.state_combo, self.type_combo, self.interest_combo, self.source_combo):
            combo.currentIndexChanged.connect(self.on_query_changed)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self.on_query_changed)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.model.window_loaded.connect(self.on_model_window_loaded)
        self.model.counts_changed.connect(self._show_counts)
        self.model.modelReset.connect(self._update_buttons)
        self.model.load_failed.connect(self.on_model_load_failed)
        self.watcher.changed.connect(self.on_watcher_changed)
        self.add_own_button.clicked.connect(self.on_add_own_clicked)
        self.contact_button.clicked.connect(lambda: self._with_row(self.open_contact))
        self.close_button.clicked.connect(lambda: self._with_row(lambda row: self.open_close(row, False)))
        self.abandon_button.clicked.connect(lambda: self._with_row(lambda row: self.open_close(row, True)))
        self.reassign_button.clicked.connect(self.on_reassign_clicked)
        self.plan_button.clicked.connect(lambda: self._with_row(self.open_plan))
        self.profile_button.clicked.connect(lambda: self._with_row(self.open_client_profile))
        self.table.doubleClicked.connect(lambda _index: self._with_row(self.open_client_profile))
        self.rm_combo.currentIndexChanged.connect(lambda _i: self.received.set_rm(self.rm_combo.currentData()))
        self.rm_combo.currentIndexChanged.connect(lambda _i: self.maintenance.set_rm(self.rm_combo.currentData()))

    # --- the page contract ------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        self.error_label.clear_error()
        # The queue first: the morning starts with it. The combo choices are a few rows; the desk's
        # other lists start once the queue's rows are painted (on_model_window_loaded), so neither
        # the lane nor the interpreter is busy with them while the queue is being drawn
        # (docs/architecture.md "Start-up").
        self._others_due = True
        if self.model.rowCount() or self.model.loading:
            self.model.reload()
        else:
            self.model.set_query(self.rm_combo.currentData(), self.filters())
        if not self._choices_loaded:
            self._load_choices()

    def _refresh_others(self) -> None:
        if self.cleared:
            return
        self.received.refresh()
        self.maintenance.refresh()
        if self.targets is not None:
            self.targets.refresh()

    def _start_others(self) -> None:
        if self._others_due:
            self._others_due = False
            after_next_paint(self.table.viewport(), self._refresh_others)

    def clear_sensitive(self) -> None:
        super().clear_sensitive()
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.reject()
        self._dialog = None
        self.received.clear_sensitive()
        self.maintenance.clear_sensitive()
        self.model.clear()
        self._show_counts(None)

    # --- choices ------------------------------------------------------------------------

    def _load_choices(self) -> None:
        db, actor, branch_view = self.ctx.db, self.ctx.actor, self.branch_view

        def load() -> tuple[list[RmOption], tuple[str, ...]]:
            rms = followups.queue_rms(db, actor) if branch_view else []
            return rms, accounts.get_settings(db, actor.home_branch).interests

        self.run(load, self._on_choices, key="choices")

    def _on_choices(self, result: tuple[list[RmOption], tuple[str, ...]]) -> None:
        rms, interests = result
        self._choices_loaded = True
        self._rms = list(rms)
        chosen = self.rm_combo.currentData()
        self.rm_combo.blockSignals(True)
        while self.rm_combo.count() > 1:
            self.rm_combo.removeItem(1)
        for rm in self._rms:
            self.rm_combo.addItem(f"{rm.name} ({rm.staff_no})", rm.id)
        self.rm_combo.setCurrentIndex(max(0, self.rm_combo.findData(chosen)))
        self.rm_combo.blockSignals(False)
        self.interest_combo.blockSignals(True)
        for interest in interests:
            self.interest_combo.addItem(interest, interest)
        self.interest_combo.blockSignals(False)

    def filters(self) -> QueueFilter:
        return QueueFilter(state=self.state_combo.currentData(), client_type=self.type_combo.currentData(),
                           interest=self.interest_combo.currentData(), source=self.source_combo.currentData(),
                           search=self.search_edit.text())

    # --- slots -------------------------------------------------------------------------

    @Slot()
    def on_query_changed(self) -> None:
        self._search_timer.stop()
        if not self.cleared:
            self.model.set_query(self.rm_combo.currentData(), self.filters())

    @Slot()
    def on_watcher_changed(self) -> None:
        # A hidden page waits: the window calls refresh() when it shows the page, which reads it anyway.
        if not self.cleared and self.isVisible():
            self.model.reload()

    @Slot(object)
    def _show_counts(self, counts: QueueCounts | None) -> None:
        shown = counts or QueueCounts(0, 0, 0)
        blank = counts is None
        self.overdue_label.setText(self.tr("Overdue: {n}").format(n="—" if blank else shown.overdue))
        self.due_today_label.setText(self.tr("Due today: {n}").format(n="—" if blank else shown.due_today))
        self.upcoming_label.setText(self.tr("Upcoming: {n}").format(n="—" if blank else shown.upcoming))

    @Slot()
    def on_model_window_loaded(self) -> None:
        self.error_label.clear_error()
        self._start_others()
        if self.model.rowCount() and not self._sized:
            fit_columns(self.table)
            self._sized = True
        if self._keep_id is not None and not self.table.selectionModel().hasSelection():
            row = self.model.row_of(self._keep_id)
            if row >= 0:
                self.select_row(row)
        self._update_buttons()

    @Slot(object)
    def on_model_load_failed(self, exc: BaseException) -> None:
        self._start_others()
        self.error_label.show_error(messages.describe(exc))

    @Slot(QItemSelection, QItemSelection)
    def on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        row = self.selected_row()
        if row is not None:
            self._keep_id = row.id
        self._update_buttons()

    def select_row(self, row: int) -> None:
        self.table.selectionModel().select(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.setCurrentIndex(self.model.index(row, 0))

    def selected_row(self) -> QueueRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        row = self.selected_row()
        for button in self._row_buttons():
            button.setEnabled(row is not None)
        self.abandon_button.setEnabled(row is not None and row.propose_abandon)  # the service's rule, on the row

    def _row_buttons(self) -> tuple[QPushButton, ...]:
        """The buttons that act on the selected row."""
        return (self.contact_button, self.plan_button, self.close_button, self.abandon_button,
                self.reassign_button, self.profile_button)

    def _with_row(self, act: Callable[[QueueRow], None]) -> None:
        row = self.selected_row()
        if row is not None:
            act(row)

    # --- contact, plan, close and the profile ------------------------------------------
    # Each dialog's module is imported as it opens, not at start-up (docs/architecture.md "Start-up").

    def open_contact(self, row: QueueRow) -> None:
        """Record a contact on ``row``; the table reloads once it is saved."""
        from gui.dialogs.contact import ContactDialog

        self._open_saving(ContactDialog(self.ctx, row, self))
        self.contact_requested.emit(row)

    def open_plan(self, row: QueueRow) -> None:
        from gui.dialogs.contact_plan import ContactPlanDialog

        self._open_saving(ContactPlanDialog(self.ctx, row, self))

    def open_close(self, row: QueueRow, abandon: bool) -> None:
        """Close ``row`` with an outcome, or abandon it (the reason is asked either way)."""
        from gui.dialogs.close_follow_up import CloseFollowUpDialog

        self._open_saving(CloseFollowUpDialog(self.ctx, row, self, abandon=abandon))
        self.close_requested.emit(row, abandon)

    def open_client_profile(self, row: QueueRow) -> None:
        """The client's profile window; the service decides whether this viewer may see it."""
        from gui.profile_window import open_profile

        open_profile(self.ctx, row.client_id, self)

    def _open_saving(self, dialog: QDialog) -> None:
        dialog.accepted.connect(self.model.reload)
        self._open(dialog)

    # --- own follow-ups and reassigning -------------------------------------------------

    @Slot()
    def on_add_own_clicked(self) -> None:
        from gui.dialogs.own_follow_up import OwnFollowUpDialog

        dialog = OwnFollowUpDialog(self.ctx, self)
        dialog.created.connect(self._on_created)
        self._open(dialog)

    def _on_created(self, follow_up_id: int) -> None:
        self._keep_id = follow_up_id
        self.table.clearSelection()
        self.model.reload()

    @Slot()
    def on_reassign_clicked(self) -> None:
        from gui.dialogs.reassign import ReassignDialog

        row = self.selected_row()
        if row is None or not self.branch_view:
            return
        dialog = ReassignDialog(self.ctx, row, self._rms, self)
        dialog.reassigned.connect(lambda _id: self.model.reload())
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._on_dialog_finished)
        self._dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        self._dialog = None

    def current_index_for(self, follow_up_id: int) -> QModelIndex:
        """The table index of a follow-up's row (tests and keyboard navigation)."""
        row = self.model.row_of(follow_up_id)
        return self.model.index(row, 0) if row >= 0 else QModelIndex()

    @property
    def rms(self) -> Sequence[RmOption]:
        return tuple(self._rms)
