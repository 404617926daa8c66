"""The RM's outcome dialog (营销成果) for one received referral, with an optional follow-up from it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.dialogs.base import LaneDialog
from gui.itemmodels.received import no_deal_reason_label
from gui.widgets.dates import pydate, qdate
from gui.widgets.field_error import named
from gui.widgets.tone import HINT, set_tone
from models import NoDealReason
from services import received
from services.db import BRANCH_TZ
from services.received import FollowUpRequest, ReceivedRow


class OutcomeDialog(LaneDialog):
    """Met / deal, products, amount, the no-deal reason, and "open a follow-up" on a date.

    The rules are the service's (``services.received.record_outcome``): a refused field
    shows beside it, a save on a version someone else changed meanwhile is refused naming
    who and when, and the dialog stays open with everything as typed.

    Signals:
        outcome_saved(int): the referral's id, once its outcome was saved
    """

    outcome_saved = Signal(int)

    def __init__(self, ctx: AppContext, row: ReceivedRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx.lane, "outcomeDialog", "outcomeDialogError", parent)
        self.ctx = ctx
        self.row = row
        self.setWindowTitle(self.tr("Outcome of a referral"))
        self.setMinimumWidth(540)  # the English amount message fits on its one line

        when = row.created_at.astimezone(BRANCH_TZ).strftime("%Y-%m-%d %H:%M")
        self.client_label = named(QLabel(self.tr("{client} ({mobile}), referred by {referrer} at {time}").format(
            client=row.client_name, mobile=row.client_mobile, referrer=row.referrer_name, time=when)),
            "outcomeClientLabel")
        self.client_label.setTextFormat(Qt.TextFormat.PlainText)
        self.client_label.setWordWrap(True)

        self.met_check = named(QCheckBox(self.tr("Met the client")), "outcomeMetCheck")
        self.deal_check = named(QCheckBox(self.tr("Deal closed")), "outcomeDealCheck")
        self.products_edit = named(QLineEdit(), "outcomeProductsEdit")
        self.products_edit.setMaxLength(200)
        self.products_edit.setPlaceholderText(self.tr("e.g. fund, insurance"))
        self.amount_edit = named(QLineEdit(), "outcomeAmountEdit")
        self.amount_edit.setPlaceholderText(self.tr("yuan, up to two decimals; optional"))
        self.reason_combo = named(QComboBox(), "noDealReasonCombo")
        self.reason_combo.addItem(self.tr("— choose —"), None)
        for reason in NoDealReason:
            self.reason_combo.addItem(no_deal_reason_label(reason), reason.value)
        self.follow_up_check = named(QCheckBox(self.tr("Open a follow-up (after-sale call or second try)")),
                                     "outcomeFollowUpCheck")
        for box in (self.met_check, self.deal_check, self.follow_up_check):
            # As wide as its text: a click on the empty end of a grown row would do nothing.
            box.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.follow_up_date = named(QDateEdit(), "followUpDateEdit")
        self.follow_up_date.setCalendarPopup(True)
        self.follow_up_date.setDisplayFormat("yyyy-MM-dd")
        self.follow_up_date.setDate(qdate(ctx.db.today() + dt.timedelta(days=1)))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.errors.add_row(form, self.tr("Meeting"), self.met_check, "met")
        self.errors.add_row(form, self.tr("Result"), self.deal_check, "deal")
        self.errors.add_row(form, self.tr("Products"), self.products_edit, "products")
        self.errors.add_row(form, self.tr("Amount"), self.amount_edit, "amount")
        self.errors.add_row(form, self.tr("No-deal reason"), self.reason_combo, "no_deal_reason")
        self.errors.add_row(form, self.tr("Follow-up"), self.follow_up_check, "follow_up")
        self.errors.add_row(form, self.tr("First contact on"), self.follow_up_date, "follow_up_date")

        self.save_button = named(QPushButton(self.tr("Save outcome")), "saveOutcomeButton")
        self.save_button.setDefault(True)
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "cancelOutcomeButton")
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        hint = QLabel(self.tr("The lobby's day close reads what you record here."))
        set_tone(hint, HINT)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(8)
        layout.addWidget(self.client_label)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        self._load(row)
        self._connect_signals()
        self._update_enabled()

    def _load(self, row: ReceivedRow) -> None:
        # A referred client came to meet the RM: "met" is the usual case.
        self.met_check.setChecked(row.met is not False)
        self.deal_check.setChecked(bool(row.deal))
        self.products_edit.setText(row.products or "")
        self.amount_edit.setText("" if row.amount is None else f"{row.amount:.2f}")
        if row.no_deal_reason is not None:
            self.reason_combo.setCurrentIndex(self.reason_combo.findData(row.no_deal_reason.value))
        self.follow_up_check.setChecked(False)
        self.follow_up_check.setEnabled(row.can_open_follow_up or row.confirmed_at is None)

    def _connect_signals(self) -> None:
        self.met_check.toggled.connect(self.on_choice_toggled)
        self.deal_check.toggled.connect(self.on_choice_toggled)
        self.follow_up_check.toggled.connect(self.on_choice_toggled)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.cancel_button.clicked.connect(self.reject)

    def _update_enabled(self) -> None:
        met = self.met_check.isChecked()
        deal = met and self.deal_check.isChecked()
        busy = self.busy
        self.met_check.setEnabled(not busy)
        self.deal_check.setEnabled(met and not busy)
        self.products_edit.setEnabled(deal and not busy)
        self.amount_edit.setEnabled(deal and not busy)
        self.reason_combo.setEnabled(met and not deal and not busy)
        self.follow_up_date.setEnabled(self.follow_up_check.isChecked() and not busy)
        self.save_button.setEnabled(not busy)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self._update_enabled()

    @Slot()
    def on_choice_toggled(self) -> None:
        if not self.met_check.isChecked() and self.deal_check.isChecked():
            self.deal_check.setChecked(False)  # nobody closes a deal with a client they did not meet
        self._update_enabled()

    @Slot()
    def on_save_clicked(self) -> None:
        if self.busy:
            return
        self.errors.clear()
        ctx, row = self.ctx, self.row
        met = self.met_check.isChecked()
        deal = met and self.deal_check.isChecked()
        products, amount = self.products_edit.text(), self.amount_edit.text()
        reason = self.reason_combo.currentData() if met and not deal else None
        follow_up = FollowUpRequest(pydate(self.follow_up_date.date())) if self.follow_up_check.isChecked() else None

        def save() -> int:
            return received.record_outcome(ctx.db, ctx.actor, row.id, met=met, deal=deal, products=products,
                                           amount=amount if deal else None, no_deal_reason=reason,
                                           version=row.version, follow_up=follow_up)

        # Refused: each problem beside its field, a concurrent change in the general label; nothing is cleared.
        self.run(save, self.on_save_done, busy=True, change=True)

    def on_save_done(self, _version: int) -> None:
        self.accept()
        self.outcome_saved.emit(self.row.id)
