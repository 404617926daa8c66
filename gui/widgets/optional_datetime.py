"""A date-and-time field that may be left empty (a pending referral's preferred contact time)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from services.db import BRANCH_TZ

# QDateTimeEdit always holds a value; its minimum, shown as the "not set" text,
# stands for "nothing chosen yet".
_UNSET = QDateTime(QDate(2000, 1, 1), QTime(0, 0))
_PERSON_REASONS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                   Qt.FocusReason.MouseFocusReason, Qt.FocusReason.ShortcutFocusReason)
_PASSING_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape,
                 Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta)


def next_working_day_at_ten(today: dt.date) -> dt.datetime:
    """The default suggestion: the next Monday–Friday at 10:00 branch time."""
    day = today + dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(10, 0), BRANCH_TZ)


class OptionalDateTimeEdit(QDateTimeEdit):
    """Empty until the person enters it: then it offers ``suggest()`` to adjust.

    ``value()`` is a branch-time ``datetime`` or None; the person is asked to
    choose deliberately (the client is asked when to call), yet Tab into the
    field and on accepts the suggestion, and the calendar opens on it.
    """

    def __init__(self, suggest: Callable[[], dt.datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._suggest = suggest
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.setMinimumDateTime(_UNSET)
        self.setSpecialValueText(self.tr("Not set"))
        self.setDateTime(_UNSET)

    def value(self) -> dt.datetime | None:
        if self.is_unset():
            return None
        d, t = self.date(), self.time()
        return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=BRANCH_TZ)

    def set_value(self, value: dt.datetime | None) -> None:
        if value is None:
            self.setDateTime(_UNSET)
            return
        local = value.astimezone(BRANCH_TZ) if value.tzinfo else value
        self.setDateTime(QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)))

    def is_unset(self) -> bool:
        return self.dateTime() == _UNSET

    def focusInEvent(self, event: QFocusEvent) -> None:
        # The person came here (Tab, click, mnemonic): offer the suggestion to adjust. When
        # the form puts the cursor here to show an error, the field stays as it was.
        if self.is_unset() and self.isEnabled() and event.reason() in _PERSON_REASONS:
            self.set_value(self._suggest())
        super().focusInEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The first editing key on an empty field starts from the suggestion, not from 2000-01-01.
        if self.is_unset() and event.key() not in _PASSING_KEYS:
            self.set_value(self._suggest())
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                event.accept()  # showing the suggestion is this key's effect
                return
        super().keyPressEvent(event)
