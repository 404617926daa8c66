"""The branch's own holiday list, editable: a section for the settings page (admin, supervisor).

Built as ``HolidaysSection(ctx, parent)``; it loads on ``refresh()`` and owns its lane work.
A day added here overrides the public calendar for this branch (docs/complaints.md
"Working days"): a closure on a working day, or a make-up working day on a rest day.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelection, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.itemmodels.holidays import HolidayListModel, holiday_kind_label
from gui.lane_ops import LaneOps
from gui.widgets.dates import pydate, qdate
from gui.widgets.field_error import FieldErrorLabel, FieldErrors, named
from gui.widgets.tone import HINT, set_tone
from models import HolidayKind
from services import workdays
from services.workdays import HolidayRow


class HolidaysSection(QWidget):
    """The list from the start of this year on, with Add and Remove.

    Signals:
        holidays_changed(): a day was added or removed here
    """

    holidays_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "holidaysSection")
        self.ctx = ctx
        self._ops = LaneOps(self, ctx.lane, on_busy=lambda busy: self.set_busy(busy), on_error=self.show_error)
        self.errors = FieldErrors(named(FieldErrorLabel("holidaysSection", wrap=True), "holidaysSectionError"))
        self.model = HolidayListModel(self)
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        box = QGroupBox(self.tr("The branch's holiday list"))
        self.table = named(QTableView(), "holidayTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(140)
        today = self.ctx.db.today()
        self.day_edit = named(QDateEdit(qdate(today)), "holidayDayEdit")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.kind_combo = named(QComboBox(), "holidayKindCombo")
        for kind in HolidayKind:
            self.kind_combo.addItem(holiday_kind_label(kind), kind.value)
        self.name_edit = named(QLineEdit(), "holidayNameEdit")
        self.name_edit.setPlaceholderText(self.tr("e.g. renovation, system upgrade"))
        self.name_edit.setMaxLength(30)
        self.add_button = named(QPushButton(self.tr("&Add day")), "addHolidayButton")
        self.remove_button = named(QPushButton(self.tr("&Remove selected")), "removeHolidayButton")
        self.remove_button.setEnabled(False)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("Day"), self.day_edit, "holiday_day")
        self.errors.add_row(form, self.tr("The branch is"), self.kind_combo, "holiday_kind")
        self.errors.add_row(form, self.tr("Name"), self.name_edit, "holiday_name")
        self.calendar_label = named(QLabel(), "holidayCalendarLabel")
        self.calendar_label.setWordWrap(True)
        set_tone(self.calendar_label, HINT)
        self.calendar_label.setText(self._calendar_note(today))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        inner = QVBoxLayout(box)
        inner.addWidget(self.calendar_label)
        inner.addWidget(self.table, 1)
        inner.addLayout(form)
        inner.addWidget(self.errors.general)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(box)

    def _calendar_note(self, today: dt.date) -> str:
        note = self.tr("Public holidays and make-up working days come from China's official calendar; "
                       "add only the days this branch differs.")
        if not workdays.calendar_covers(dt.date(today.year + 1, 1, 1)):
            note += " " + self.tr("The calendar does not cover {year} yet: until it is updated, deadlines in "
                                  "{year} count Monday to Friday plus this list.").format(year=today.year + 1)
        return note

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self.on_add_clicked)
        self.remove_button.clicked.connect(self.on_remove_clicked)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)

    def show_error(self, exc: BaseException) -> None:
        """Beside its field when it names one, else in the section's general label."""
        self.errors.show(exc)

    @property
    def busy(self) -> bool:
        return self._ops.busy

    def set_busy(self, busy: bool) -> None:
        self.add_button.setEnabled(not busy)
        self.remove_button.setEnabled(not busy and self.selected() is not None)

    def refresh(self) -> None:
        db, actor, since = self.ctx.db, self.ctx.actor, self.ctx.db.today().replace(month=1, day=1)
        self._ops.run(lambda: workdays.list_holidays(db, actor, since=since), self._show, key="load")

    def _show(self, rows: list[HolidayRow]) -> None:
        self.model.set_rows(rows)
        self.remove_button.setEnabled(False)

    def selected(self) -> HolidayRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @Slot(QItemSelection, QItemSelection)
    def on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.remove_button.setEnabled(not self.busy and self.selected() is not None)

    @Slot()
    def on_add_clicked(self) -> None:
        if self.busy:
            return
        self.errors.clear()
        db, actor = self.ctx.db, self.ctx.actor
        day, kind, name = pydate(self.day_edit.date()), self.kind_combo.currentData(), self.name_edit.text()
        self._ops.run(lambda: workdays.add_holiday(db, actor, day=day, kind=kind, name=name), self._on_changed,
                      busy=True, change=True)

    @Slot()
    def on_remove_clicked(self) -> None:
        row = self.selected()
        if row is None or self.busy:
            return
        self.errors.clear()
        db, actor = self.ctx.db, self.ctx.actor
        self._ops.run(lambda: workdays.remove_holiday(db, actor, row.id), self._on_changed, busy=True, change=True)

    def _on_changed(self, _answer: object) -> None:
        self.name_edit.clear()
        self.holidays_changed.emit()
        self.refresh()


__all__ = ["HolidaysSection"]
