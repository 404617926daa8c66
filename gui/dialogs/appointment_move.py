"""Moving an appointment to a new date and time (docs/diary.md "Appointments").

The service decides what is acceptable (a time later than now, a place of at most
100 characters without control characters); a refusal shows beside its field and
everything typed stays.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs.base import LaneDialog
from gui.widgets.dates import pydate, qdate
from gui.widgets.field_error import named

if TYPE_CHECKING:
    from gui.worker import DbLane
    from services.db import Database
    from services.diary import DiaryItem
    from services.permissions import Actor

# The branch's time zone (services.db.BRANCH_TZ): the edit shows and takes the branch's wall-clock time.
BRANCH_TZ = dt.timezone(dt.timedelta(hours=8))


class MoveAppointmentDialog(LaneDialog):
    """New date-time, place and purpose of one appointment; the old one stays, marked moved.

    Signals:
        appointment_moved(int): the new appointment's id
    """

    appointment_moved = Signal(int)

    def __init__(self, db: Database, lane: DbLane, actor: Actor, item: DiaryItem,
                 parent: QWidget | None = None) -> None:
        super().__init__(lane, "moveAppointmentDialog", "moveAppointmentDialogError", parent)
        self._db, self._actor, self.item = db, actor, item
        self.setWindowTitle(self.tr("Move the appointment"))
        self.setMinimumWidth(460)
        when = item.at.astimezone(BRANCH_TZ) if item.at else None
        intro = QLabel(self.tr("Client {client}, booked for {at}.").format(
            client=item.client, at=when.strftime("%Y-%m-%d %H:%M") if when else "?"))
        intro.setObjectName("moveAppointmentIntroLabel")
        intro.setWordWrap(True)

        tomorrow = db.today() + dt.timedelta(days=1)
        start = QDateTime(qdate(tomorrow), QTime(when.hour, when.minute) if when else QTime(10, 0))
        self.at_edit = named(QDateTimeEdit(start), "appointmentAtEdit")
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.place_edit = named(QLineEdit(item.place or ""), "appointmentPlaceEdit")
        self.purpose_edit = named(QLineEdit(item.purpose or ""), "appointmentPurposeEdit")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.add_row(form, self.tr("New date and time"), self.at_edit, "appointment_at")
        self.errors.add_row(form, self.tr("Place"), self.place_edit, "appointment_place")
        self.errors.add_row(form, self.tr("Purpose"), self.purpose_edit, "appointment_purpose")

        self.save_button = named(QPushButton(self.tr("Move")), "saveMoveAppointmentButton")
        self.save_button.setAutoDefault(False)
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "cancelMoveAppointmentButton")
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.on_save_clicked)
        self.cancel_button.clicked.connect(self.reject)

    def new_at(self) -> dt.datetime:
        """The chosen moment: the date and time shown, in the branch's time zone."""
        chosen = self.at_edit.dateTime()
        time = chosen.time()
        return dt.datetime.combine(pydate(chosen.date()), dt.time(time.hour(), time.minute()), BRANCH_TZ)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        for widget in (self.at_edit, self.place_edit, self.purpose_edit, self.save_button):
            widget.setEnabled(not busy)

    @Slot()
    def on_save_clicked(self) -> None:
        if self.busy:
            return
        from services import appointments

        db, actor, item = self._db, self._actor, self.item
        new_at, place, purpose = self.new_at(), self.place_edit.text(), self.purpose_edit.text()
        self.errors.clear()

        def job() -> int:
            return appointments.move(db, actor, item.entity_id, new_at=new_at, place=place, purpose=purpose,
                                     version=item.version)

        def done(new_id: int) -> None:
            self.appointment_moved.emit(new_id)
            self.accept()

        self.run(job, done, busy=True, change=True)
