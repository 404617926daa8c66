"""Recording one contact attempt of a follow-up, and booking the appointment it may bring (docs/contacts.md).

Which fields a result asks for is the service's rule (``services.contacts.next_date_rule``,
``asks_appointment``): the dialog shows or hides rows by it and lets the service refuse
the rest, beside the field (docs/product.md "Bad input").
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTime, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.dialogs.base import LaneDialog
from gui.widgets.dates import pydate, qdate
from gui.widgets.field_error import named
from models import ContactChannel, ContactResult
from services import contacts, followups
from services.db import BRANCH_TZ
from services.errors import Conflict
from services.followups import QueueRow


def contact_channel_label(value: ContactChannel | str) -> str:
    return {
        ContactChannel.PHONE: QCoreApplication.translate("ContactLabels", "Phone"),
        ContactChannel.SMS: QCoreApplication.translate("ContactLabels", "SMS"),
        ContactChannel.EMAIL: QCoreApplication.translate("ContactLabels", "E-mail"),
        ContactChannel.LETTER: QCoreApplication.translate("ContactLabels", "Letter"),
        ContactChannel.VISIT: QCoreApplication.translate("ContactLabels", "Visit"),
    }[ContactChannel(value)]


def contact_result_label(value: ContactResult | str) -> str:
    return {
        ContactResult.REACHED: QCoreApplication.translate("ContactLabels", "Reached"),
        ContactResult.NO_ANSWER: QCoreApplication.translate("ContactLabels", "No answer"),
        ContactResult.DECLINED: QCoreApplication.translate("ContactLabels", "Declined"),
        ContactResult.APPOINTMENT: QCoreApplication.translate("ContactLabels", "Appointment booked"),
        ContactResult.WRONG_NUMBER: QCoreApplication.translate("ContactLabels", "Wrong number"),
    }[ContactResult(value)]


class ContactDialog(LaneDialog):
    """One 联络记录 for the follow-up ``row``; accepted once the service saved it.

    A save refused because someone else changed the follow-up meanwhile names who and
    when, keeps everything typed, and takes the follow-up's current version: saving
    again records this contact after theirs (docs/contacts.md "Two people at once").
    ``saved_version`` is the follow-up's version after the save.
    """

    def __init__(self, ctx: AppContext, row: QueueRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx.lane, "contactDialog", "contactDialogError", parent)
        self._ctx = ctx
        self._row = row
        self._version = row.version
        self.saved_version: int | None = None
        self.setWindowTitle(self.tr("Record contact"))
        self.setMinimumWidth(480)

        self.client_label = named(QLabel(self.tr("Client: {name}").format(name=row.client_name)),
                                  "contactClientLabel")
        self.client_label.setTextFormat(Qt.TextFormat.PlainText)
        self.channel_combo = named(QComboBox(), "contactChannelCombo")
        for ch in ContactChannel:
            self.channel_combo.addItem(contact_channel_label(ch), ch.value)
        self.result_combo = named(QComboBox(), "contactResultCombo")
        for res in ContactResult:
            self.result_combo.addItem(contact_result_label(res), res.value)
        self.note_edit = named(QPlainTextEdit(), "contactNoteEdit")
        self.note_edit.setPlaceholderText(self.tr("What was said (optional)"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(72)
        today = ctx.db.today()
        self.next_date_edit = named(QDateEdit(), "nextContactDateEdit")
        self.next_date_edit.setCalendarPopup(True)
        self.next_date_edit.setDisplayFormat("yyyy-MM-dd")
        self.next_date_edit.setDate(qdate(today + dt.timedelta(days=1)))
        # A past date may be typed: the service refuses it beside the field, with its reason.
        self.appointment_at_edit = named(QDateTimeEdit(), "appointmentAtEdit")
        self.appointment_at_edit.setCalendarPopup(True)
        self.appointment_at_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        tomorrow = today + dt.timedelta(days=1)
        self.appointment_at_edit.setDateTime(QDateTime(qdate(tomorrow), QTime(10, 0)))
        self.place_edit = named(QLineEdit(), "appointmentPlaceEdit")
        self.place_edit.setPlaceholderText(self.tr("e.g. wealth management room, 2nd floor"))
        self.purpose_edit = named(QLineEdit(), "appointmentPurposeEdit")
        self.purpose_edit.setPlaceholderText(self.tr("e.g. present a fund savings plan"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.add_row(form, self.tr("Channel"), self.channel_combo, "contact_channel")
        self.errors.add_row(form, self.tr("Result"), self.result_combo, "contact_result")
        self.errors.add_row(form, self.tr("Note"), self.note_edit, "contact_note", "contact_at")
        self.errors.add_row(form, self.tr("Next contact"), self.next_date_edit, "next_contact_date")
        self.errors.add_row(form, self.tr("Appointment at"), self.appointment_at_edit, "appointment_at")
        self.errors.add_row(form, self.tr("Place"), self.place_edit, "appointment_place")
        self.errors.add_row(form, self.tr("Purpose"), self.purpose_edit, "appointment_purpose")
        self._form = form

        self.save_button = named(QPushButton(self.tr("Save")), "saveContactButton")
        self.save_button.setDefault(True)
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "cancelContactButton")
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(self.client_label)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        self._connect_signals()
        self.on_result_changed(self.result_combo.currentIndex())
        ctx.register_sensitive(self)  # it names the client

    def _connect_signals(self) -> None:
        self.result_combo.currentIndexChanged.connect(self.on_result_changed)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.cancel_button.clicked.connect(self.reject)

    def chosen_result(self) -> ContactResult:
        return ContactResult(self.result_combo.currentData())

    @Slot(int)
    def on_result_changed(self, _index: int) -> None:
        """Rows by the service's rule for this result; what was typed in a hidden row stays."""
        result = self.chosen_result()
        rule = contacts.next_date_rule(result)
        self._form.setRowVisible(self.next_date_edit, rule != contacts.NextDate.FROM_APPOINTMENT)
        booking = contacts.asks_appointment(result)
        for field in (self.appointment_at_edit, self.place_edit, self.purpose_edit):
            self._form.setRowVisible(field, booking)
        self.errors.clear()
        self.adjustSize()

    def _appointment_at(self) -> dt.datetime:
        d, t = self.appointment_at_edit.date(), self.appointment_at_edit.time()
        return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=BRANCH_TZ)

    @Slot()
    def on_save_clicked(self) -> None:
        if self.busy:
            return
        self.errors.clear()
        db, actor, fu_id, version = self._ctx.db, self._ctx.actor, self._row.id, self._version
        result = self.chosen_result()
        booking = contacts.asks_appointment(result)
        asks_date = contacts.next_date_rule(result) != contacts.NextDate.FROM_APPOINTMENT
        channel = str(self.channel_combo.currentData())
        note = self.note_edit.toPlainText()
        next_date = pydate(self.next_date_edit.date()) if asks_date else None
        at = self._appointment_at() if booking else None
        place = self.place_edit.text() if booking else None
        purpose = self.purpose_edit.text() if booking else None

        def save() -> int:
            return followups.record_contact(db, actor, fu_id, channel=channel, result=result.value, note=note,
                                            next_contact_date=next_date, appointment_at=at, place=place,
                                            purpose=purpose, version=version)

        self.run(save, self.on_saved, failed=self.on_refused, busy=True, change=True)

    def on_saved(self, version: int) -> None:
        self.saved_version = version
        self.accept()

    def on_refused(self, exc: BaseException) -> None:
        self.show_error(exc)
        if isinstance(exc, Conflict):
            self._take_current_version()

    def _take_current_version(self) -> None:
        db, actor, fu_id = self._ctx.db, self._ctx.actor, self._row.id
        self.run(lambda: contacts.current_version(db, actor, fu_id), self._set_version, busy=True)

    def _set_version(self, version: int) -> None:
        self._version = version

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        for w in (self.channel_combo, self.result_combo, self.note_edit, self.next_date_edit,
                  self.appointment_at_edit, self.place_edit, self.purpose_edit, self.save_button):
            w.setEnabled(not busy)


__all__ = ["ContactDialog", "contact_channel_label", "contact_result_label"]
