"""日终核对 page: check the day's referrals with the RMs, record outcomes, close or reopen the day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, Signal, SignalInstance, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import messages
from gui.context import AppContext
from gui.itemmodels.day_close import Column, DayCloseTableModel
from gui.widgets.dates import pydate, qdate
from gui.widgets.field_error import FieldErrorLabel, add_field_row, named
from services import dayclose
from services.dayclose import DayReconciliation, DayState, ReconLine
from services.db import BRANCH_TZ
from services.errors import ValidationError
from services.permissions import Action, allowed

BANNER_STYLE = (
    "QLabel#dayClosedBanner { background: #fff4e5; color: #7a4100; border: 1px solid #f0c48a;"
    " border-radius: 3px; padding: 4px 8px; font-weight: bold; }"
)


def _hm(moment: dt.datetime | None) -> str:
    return moment.astimezone(BRANCH_TZ).strftime("%Y-%m-%d %H:%M") if moment else ""


class ReasonDialog(QDialog):
    """Asks the reason for a forced close or a reopen; OK only once something is typed."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "dayReasonDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.prompt_label = QLabel(prompt)
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reason_edit = QLineEdit()
        named(self.reason_edit, "reasonEdit")
        self.reason_edit.setMaxLength(200)
        self.reason_edit.setPlaceholderText(self.tr("Required, kept in the audit log"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        named(ok, "reasonOkButton")
        ok.setText(self.tr("OK"))
        ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self.on_reason_text_changed)

    @Slot(str)
    def on_reason_text_changed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))

    def reason(self) -> str:
        return self.reason_edit.text().strip()


class OutcomePanel(QGroupBox):
    """The 营销成果 of the selected referred line: met, deal, products, amount.

    Signals:
        outcome_submitted(): the person asked to save what the panel holds
    """

    outcome_submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Outcome"), parent)
        named(self, "outcomePanel")
        self.setFixedWidth(236)
        self.line: ReconLine | None = None
        self._editable = False
        self._loaded_values: tuple[bool, bool, str, str] = (True, False, "", "")
        self.line_label = QLabel()
        named(self.line_label, "outcomeLineLabel")
        self.line_label.setWordWrap(True)
        self.line_label.setTextFormat(Qt.TextFormat.PlainText)
        self.line_label.setMinimumHeight(40)
        self.line_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.met_yes = QRadioButton(self.tr("Met"))
        self.met_no = QRadioButton(self.tr("Not met"))
        self.deal_yes = QRadioButton(self.tr("Deal"))
        self.deal_no = QRadioButton(self.tr("No deal"))
        for widget, name in ((self.met_yes, "metYesRadio"), (self.met_no, "metNoRadio"),
                             (self.deal_yes, "dealYesRadio"), (self.deal_no, "dealNoRadio")):
            named(widget, name)
        self.met_group, self.deal_group = QButtonGroup(self), QButtonGroup(self)
        self.met_group.addButton(self.met_yes)
        self.met_group.addButton(self.met_no)
        self.deal_group.addButton(self.deal_yes)
        self.deal_group.addButton(self.deal_no)

        self.products_edit = QLineEdit()
        named(self.products_edit, "outcomeProductsEdit")
        self.products_edit.setMaxLength(200)
        self.products_edit.setPlaceholderText(self.tr("e.g. fund, insurance"))
        self.amount_edit = QLineEdit()
        named(self.amount_edit, "outcomeAmountEdit")
        self.amount_edit.setPlaceholderText(self.tr("yuan, optional"))
        self.errors = {"products": FieldErrorLabel("outcomeProductsEdit"),
                       "amount": FieldErrorLabel("outcomeAmountEdit")}

        self.save_button = QPushButton(self.tr("Confirm outcome"))
        named(self.save_button, "saveOutcomeButton")
        self.save_button.setDefault(True)
        self.hint_label = QLabel()
        named(self.hint_label, "outcomeHintLabel")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #666;")

        met_row, deal_row = QHBoxLayout(), QHBoxLayout()
        met_row.addWidget(self.met_yes)
        met_row.addWidget(self.met_no)
        met_row.addStretch(1)
        deal_row.addWidget(self.deal_yes)
        deal_row.addWidget(self.deal_no)
        deal_row.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("Meeting"), met_row)
        form.addRow(self.tr("Result"), deal_row)
        for text, edit, error in ((self.tr("Products"), self.products_edit, self.errors["products"]),
                                  (self.tr("Amount"), self.amount_edit, self.errors["amount"])):
            label = QLabel(text)
            label.setBuddy(edit)
            add_field_row(form, label, edit, error)  # the error's row takes no room while empty
        layout = QVBoxLayout(self)
        layout.addWidget(self.line_label)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.hint_label)
        layout.addStretch(1)
        self._connect_signals()
        self.show_line(None, editable=False)

    def _connect_signals(self) -> None:
        self.met_group.buttonToggled.connect(self.on_choice_toggled)
        self.deal_group.buttonToggled.connect(self.on_choice_toggled)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.amount_edit.returnPressed.connect(self.on_save_clicked)
        self.products_edit.returnPressed.connect(self.on_save_clicked)

    # --- what the panel shows --------------------------------------------------

    def show_line(self, line: ReconLine | None, *, editable: bool, hint: str = "") -> None:
        """Load ``line``'s outcome and enable editing if allowed; an unconfirmed line gets the usual guess."""
        self.line = line
        self._editable = editable and line is not None and line.needs_outcome
        self.clear_errors()
        if line is None:
            self.line_label.setText(self.tr("Select a referred client in the table."))
        else:
            time = line.created_at.astimezone(BRANCH_TZ).strftime("%H:%M")
            self.line_label.setText(self.tr("{client} ({time}), RM {rm}").format(
                client=line.client_name, time=time, rm=line.rm_name))
        if line is not None and line.met is not None:
            self._set_values(line.met, bool(line.deal), line.products or "",
                             "" if line.amount is None else f"{line.amount:.2f}")
        elif self._editable:
            # A referred client met the RM on the spot by definition: "met, no deal" is the usual case.
            self._set_values(True, False, "", "")
        else:
            self._clear_values()  # nothing recorded and nothing to record: show no guess
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        self._update_enabled()
        self._loaded_values = self.values()

    def is_dirty(self) -> bool:
        """The person changed the outcome on screen and has not saved it yet."""
        return self._editable and self.values() != self._loaded_values

    def _clear_values(self) -> None:
        for group in (self.met_group, self.deal_group):
            group.setExclusive(False)  # an exclusive group keeps one button checked
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self.products_edit.clear()
        self.amount_edit.clear()

    def _set_values(self, met: bool, deal: bool, products: str, amount: str) -> None:
        (self.met_yes if met else self.met_no).setChecked(True)
        (self.deal_yes if deal else self.deal_no).setChecked(True)
        self.products_edit.setText(products)
        self.amount_edit.setText(amount)

    def _update_enabled(self) -> None:
        editable = self._editable
        met = self.met_yes.isChecked()
        deal = met and self.deal_yes.isChecked()
        for widget in (self.met_yes, self.met_no, self.save_button):
            widget.setEnabled(editable)
        self.deal_yes.setEnabled(editable and met)
        self.deal_no.setEnabled(editable and met)
        self.products_edit.setEnabled(editable and deal)
        self.amount_edit.setEnabled(editable and deal)

    def values(self) -> tuple[bool, bool, str, str]:
        met = self.met_yes.isChecked()
        deal = met and self.deal_yes.isChecked()
        return met, deal, self.products_edit.text(), self.amount_edit.text()

    def show_errors(self, fields: dict[str, str]) -> bool:
        """Put each field's message beside it; False when none of them is one of ours."""
        shown = False
        for field, label in self.errors.items():
            if fields.get(field):
                label.show_error(fields[field])
                shown = True
            else:
                label.clear_error()
        return shown

    def clear_errors(self) -> None:
        self.show_errors({})

    def clear(self) -> None:
        self.show_line(None, editable=False)

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(self._editable and not busy)

    # --- slots -----------------------------------------------------------------

    @Slot()
    def on_choice_toggled(self) -> None:
        if not self.met_yes.isChecked() and self.deal_yes.isChecked():
            self.deal_no.setChecked(True)  # nobody closes a deal with a client they did not meet
        self._update_enabled()

    @Slot()
    def on_save_clicked(self) -> None:
        if self._editable and self.save_button.isEnabled():
            self.outcome_submitted.emit()


class DayClosePage(QWidget):
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
        super().__init__(parent)
        named(self, "dayClosePage")
        self.ctx = ctx
        self.rec: DayReconciliation | None = None
        self._generation = 0  # results of a superseded load (or one from before a lock) are dropped
        self._busy = False
        self._locked = False  # between clear_sensitive() and refresh(): nothing is loaded
        self._stale = False  # the database changed while a reload had to wait
        self._reason_dialog: ReasonDialog | None = None
        self._confirm_box: QMessageBox | None = None
        self.setStyleSheet(BANNER_STYLE)

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
        self.table = QTableView()
        named(self.table, "dayCloseTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(False)  # the red of a missing line must stand out alone
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().hide()  # the time column already orders the day
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._fit_columns()
        header.setSectionResizeMode(Column.PRODUCTS, QHeaderView.ResizeMode.Stretch)

        self.panel = OutcomePanel()
        self.watcher = ctx.changes()  # RMs confirming in their queues, a close elsewhere
        self.close_button = QPushButton(self.tr("Close day"))
        named(self.close_button, "closeDayButton")
        self.reopen_button = QPushButton(self.tr("Reopen day…"))
        named(self.reopen_button, "reopenDayButton")
        self.reopen_button.setVisible(allowed(ctx.actor.role, Action.DAY_REOPEN))
        self.hint_label = QLabel()
        named(self.hint_label, "dayCloseHintLabel")
        self.hint_label.setStyleSheet("color: #666;")

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

    def _fit_columns(self) -> None:
        """Dense widths that keep all twelve columns in view at 1280 px, never narrower than the header."""
        widths = {Column.TIME: 44, Column.REFERRER: 56, Column.CLIENT: 60, Column.MOBILE: 88, Column.STATUS: 52,
                  Column.RM: 60, Column.MET: 36, Column.DEAL: 36, Column.PRODUCTS: 80, Column.AMOUNT: 80,
                  Column.CONFIRMED: 90, Column.FOLLOW_UP: 108}
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        for column, width in widths.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            # +10 %: the style sheet sets header titles bold; +18: its padding and the grid line.
            self.table.setColumnWidth(column, max(width, metrics.horizontalAdvance(title) * 11 // 10 + 18))

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
        self._locked = False
        self._stale = False
        today = self.ctx.db.today()
        self.date_edit.setMaximumDate(qdate(today))
        self._load()

    def clear_sensitive(self) -> None:
        """The idle lock: no client stays on screen, and no late result brings one back."""
        self._locked = True
        self._generation += 1
        self._close_dialogs()
        self._show_reconciliation(None)

    # --- helpers -------------------------------------------------------------------

    @property
    def day(self) -> dt.date:
        return pydate(self.date_edit.date())

    def _submit(self, job: Callable[[], Any], on_done: Callable[[Any], None],
                on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run ``job`` on the lane; drop its result if the page is gone or was cleared meanwhile.

        A refused change is still reported when its result is dropped: the
        person must learn that it did not happen.
        """
        generation = self._generation
        self._set_busy(True)

        def done(result: Any) -> None:
            if generation == self._generation:
                self._set_busy(False)
                on_done(result)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._set_busy(False)
                (on_error or self._show_error)(exc)
            elif on_error is not None:
                self._show_error(exc)

        self.ctx.lane.submit(job, done, failed, owner=self)

    def _show_error(self, exc: BaseException) -> None:
        messages.show_error(self, exc)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.refresh_button.setEnabled(not busy)
        self.panel.set_busy(busy)
        self._update_actions()

    def _load(self, *, select_referral: int | None = None) -> None:
        db, actor, day = self.ctx.db, self.ctx.actor, self.day
        self._generation += 1
        self._submit(lambda: dayclose.reconciliation(db, actor, day),
                     lambda rec: self._on_loaded(rec, select_referral))

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
        rec, role = self.rec, self.ctx.actor.role
        can_force = allowed(role, Action.DAY_CLOSE_FORCE)
        self.close_button.setText(self.tr("Close day"))
        self.close_button.setToolTip("")
        hint = ""
        if rec is None or rec.closed:
            enabled = False
        elif rec.missing == 0:
            enabled = allowed(role, Action.DAY_CLOSE)
            hint = self.tr("Everything is confirmed; the day can be closed.")
        elif can_force:
            enabled = True
            self.close_button.setText(self.tr("Force close…"))
            hint = self.tr("{n} referred clients still lack the outcome.").format(n=rec.missing)
        else:
            enabled = False
            hint = self.tr("{n} referred clients still lack the outcome; record them before closing.").format(
                n=rec.missing)
            self.close_button.setToolTip(hint)
        self.close_button.setEnabled(enabled and not self._busy)
        self.reopen_button.setEnabled(rec is not None and rec.closed and not self._busy)
        self.hint_label.setText(hint)

    def _close_dialogs(self) -> None:
        for dialog in (self._reason_dialog, self._confirm_box):
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.close()
                dialog.deleteLater()
        self._reason_dialog = self._confirm_box = None

    def _ask_reason(self, title: str, prompt: str, then: Callable[[str], None]) -> None:
        """A window-modal reason dialog; ``then(reason)`` runs when the person confirms."""
        self._close_dialogs()
        dialog = ReasonDialog(title, prompt, self)
        self._reason_dialog = dialog
        dialog.accepted.connect(lambda: then(dialog.reason()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # --- slots -----------------------------------------------------------------------

    def _reload_if_free(self) -> None:
        """Reload for a change made elsewhere, unless that would disturb the person.

        Busy, asking a question, or an outcome typed but not saved: the reload
        waits (``_stale``) for the next moment that is free. Hidden: the window
        calls ``refresh()`` when it shows the page, which reads the day anyway.
        """
        if self._locked:
            return
        dialog_open = any(d is not None and shiboken6.isValid(d) and d.isVisible()
                          for d in (self._reason_dialog, self._confirm_box))
        if not self.isVisible() or self._busy or dialog_open or self.panel.is_dirty():
            self._stale = True
            return
        self._stale = False
        self._load()

    @Slot()
    def on_watcher_changed(self) -> None:
        self._reload_if_free()

    @Slot(QDate)
    def on_date_changed(self, _date: QDate) -> None:
        if not self._locked:
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
        if line is None or self._busy:
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
            if isinstance(exc, ValidationError) and self.panel.show_errors(exc.fields):
                return
            self._show_error(exc)
            self._load(select_referral=line.referral_id)  # a closed day or a newer edit: show what is true now

        self._submit(job, done, failed)

    @Slot()
    def on_close_clicked(self) -> None:
        rec = self.rec
        if rec is None or rec.closed or self._busy:
            return
        day = rec.day.isoformat()
        if rec.missing:
            prompt = self.tr("{n} referred clients of {day} still lack the outcome. "
                             "Why close the day anyway?").format(n=rec.missing, day=day)
            self._ask_reason(self.tr("Force close"), prompt, lambda reason: self._close(rec, reason))
            return
        self._close_dialogs()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Close day"),
                          self.tr("Close {day}? Its referrals become read-only; only the supervisor can reopen "
                                  "the day.").format(day=day),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        named(box, "confirmCloseBox")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Close day"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self._confirm_box = box
        yes = box.button(QMessageBox.StandardButton.Yes)

        def finished() -> None:
            if box.clickedButton() is yes:
                self._close(rec, None)
            box.deleteLater()

        box.finished.connect(finished)
        box.open()

    @Slot()
    def on_reopen_clicked(self) -> None:
        rec = self.rec
        if rec is None or not rec.closed or self._busy:
            return
        prompt = self.tr("Reopen {day}? Say why; changes after the close are audited.").format(day=rec.day.isoformat())
        self._ask_reason(self.tr("Reopen day"), prompt, lambda reason: self._reopen(rec, reason))

    def _close(self, rec: DayReconciliation, reason: str | None) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self._change_day(lambda: dayclose.close_day(db, actor, rec.day, reason, version=rec.version), self.day_closed)

    def _reopen(self, rec: DayReconciliation, reason: str) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self._change_day(lambda: dayclose.reopen_day(db, actor, rec.day, reason, version=rec.version),
                         self.day_reopened)

    def _change_day(self, job: Callable[[], DayState], announce: SignalInstance) -> None:
        """Close or reopen on the lane, say so with ``announce``; either way read the day again."""
        self._confirm_box = self._reason_dialog = None  # the box or dialog that asked is done with

        def done(state: DayState) -> None:
            announce.emit(state)
            self._load()

        def failed(exc: BaseException) -> None:
            self._show_error(exc)
            self._load()  # someone else closed or reopened it meanwhile: show what is true now

        self._submit(job, done, failed)
