"""The RM's maintenance due, with the coming week's birthdays and holidays (docs/maintenance.md).

``MaintenanceDuePanel`` sits on the RM's desk (``followUpPage``) and, smaller, on the diary page.
It shows ``maintenanceDueTable`` (a lazy keyset model, overdue first), ``upcomingBirthdaysList``
and ``upcomingHolidaysLabel``; ``dueRecordMaintenanceButton`` records maintenance for the
selected client and a double-click opens the client's profile. Whose list it shows is set by
the page (``set_rm``: None for one's own; the supervisor may choose an RM).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import messages
from gui.context import AppContext
from gui.itemmodels.maintenance_due import MaintenanceDueModel
from gui.lane_ops import LaneOps
from gui.widgets.field_error import FieldErrorLabel, named
from gui.widgets.labels import tier_label
from gui.widgets.tone import HINT, TITLE, set_tone

# Services and dialogs used only when the person acts are imported where used, not at start-up
# (docs/architecture.md "Start-up"); here for annotations only.
if TYPE_CHECKING:
    from services.maintenance import Birthday, DueRow, HolidaySpan



def holiday_label(code: str) -> str:
    labels: dict[str, str] = {
        "new_years_day": QCoreApplication.translate("MaintenanceDue", "New Year's Day"),
        "spring_festival": QCoreApplication.translate("MaintenanceDue", "Spring Festival"),
        "tomb_sweeping_day": QCoreApplication.translate("MaintenanceDue", "Tomb-sweeping Day"),
        "labour_day": QCoreApplication.translate("MaintenanceDue", "Labour Day"),
        "dragon_boat_festival": QCoreApplication.translate("MaintenanceDue", "Dragon Boat Festival"),
        "national_day": QCoreApplication.translate("MaintenanceDue", "National Day"),
        "mid_autumn_festival": QCoreApplication.translate("MaintenanceDue", "Mid-autumn Festival"),
    }
    return labels.get(code, code.replace("_", " "))


def _day(day: dt.date) -> str:
    return f"{day.month}-{day.day:02d}"


class MaintenanceDuePanel(QWidget):
    """What maintenance asks of one RM now, and the coming week's occasions for a greeting."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        named(self, "maintenanceDuePanel")
        self.ctx = ctx
        self.rm_id: int | None = None
        self._ops = LaneOps(self, ctx.lane, on_busy=lambda _busy: None, on_error=self.show_error)
        self._dialog: QDialog | None = None
        self.model = MaintenanceDueModel(ctx, self)

        self.title = QLabel(self.tr("Maintenance due"))
        set_tone(self.title, TITLE)
        self.count_label = named(QLabel(), "maintenanceDueCountLabel")
        set_tone(self.count_label, HINT)
        self.table = named(QTableView(), "maintenanceDueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the client
        for column, width in enumerate((170, 120, 70, 100, 100, 90)):
            self.table.setColumnWidth(column, width)
        self.error_label = FieldErrorLabel("maintenanceDueTable", wrap=True)
        self.record_button = named(QPushButton(self.tr("Record &maintenance…")), "dueRecordMaintenanceButton")
        self.profile_button = named(QPushButton(self.tr("Profile…")), "dueOpenProfileButton")
        for button in (self.record_button, self.profile_button):
            button.setEnabled(False)

        self.birthdays_title = QLabel(self.tr("Birthdays, coming 7 days"))
        set_tone(self.birthdays_title, TITLE)
        self.birthdays_list = named(QListWidget(), "upcomingBirthdaysList")
        self.holidays_title = QLabel(self.tr("Holidays, coming 7 days"))
        set_tone(self.holidays_title, TITLE)
        self.holidays_label = named(QLabel(), "upcomingHolidaysLabel")
        self.holidays_label.setWordWrap(True)

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.count_label, 1)
        head.addWidget(self.profile_button)
        head.addWidget(self.record_button)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(head)
        left.addWidget(self.table, 1)
        left.addWidget(self.error_label)
        if not compact:
            hint = QLabel(self.tr("Overdue first. A call is kept by any contact, a visit by a visit; "
                                  "the plans per tier are the branch's setting."))
            set_tone(hint, HINT)
            hint.setWordWrap(True)
            left.addWidget(hint)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.birthdays_title)
        right.addWidget(self.birthdays_list, 1)
        right.addWidget(self.holidays_title)
        right.addWidget(self.holidays_label)
        side = QWidget()
        side.setLayout(right)
        side.setFixedWidth(300)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 1)
        row.addWidget(side)

        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.window_loaded.connect(self._show_count)
        self.model.load_failed.connect(self.on_load_failed)
        self.table.doubleClicked.connect(lambda _index: self.open_profile())
        self.profile_button.clicked.connect(self.open_profile)
        self.record_button.clicked.connect(self.open_record)
        self._show_occasions([], [])

    # --- loading --------------------------------------------------------------------------

    def set_rm(self, rm_id: int | None) -> None:
        """Whose list to show (None: one's own); loads it."""
        self.rm_id = rm_id
        self.refresh()

    def refresh(self) -> None:
        self.error_label.clear_error()
        today = self.ctx.db.today()
        self.model.load(self.rm_id, today)
        db, actor, rm_id = self.ctx.db, self.ctx.actor, self.rm_id

        def job() -> tuple[list[Birthday], list[HolidaySpan]]:
            # First imported here, on the lane: the desk's first refresh comes right after the
            # queue has painted, and the import is 5-25 ms (docs/architecture.md "Start-up").
            from services import maintenance

            return maintenance.birthdays(db, actor, today, rm_id=rm_id), maintenance.holidays(db, actor, today)

        self._ops.run(job, lambda answer: self._show_occasions(*answer), key="occasions")

    def clear_sensitive(self) -> None:
        self._ops.drop_all()
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.reject()
        self._dialog = None
        self.model.clear()
        self.birthdays_list.clear()
        self.holidays_label.clear()
        self.count_label.clear()

    def _show_count(self) -> None:
        n = self.model.rowCount()
        overdue = sum(1 for r in range(n) if (row := self.model.row_at(r)) is not None and row.overdue_days > 0)
        more = self.tr(" or more") if self.model.canFetchMore() else ""
        self.count_label.setText(self.tr("{n}{more} due, {overdue} overdue").format(n=n, more=more, overdue=overdue))

    def _show_occasions(self, birthdays: list[Birthday], holidays: list[HolidaySpan]) -> None:
        self.birthdays_list.clear()
        for b in birthdays:
            self.birthdays_list.addItem(self.tr("{day}  {client}, turns {age}").format(
                day=_day(b.day), client=b.client, age=b.age))
            self.birthdays_list.item(self.birthdays_list.count() - 1).setToolTip(tier_label(b.tier))
        if not birthdays:
            self.birthdays_list.addItem(self.tr("None"))
        parts = [(h.name or holiday_label(h.code)) + " " + (_day(h.first_day) if h.first_day == h.last_day
                                                else f"{_day(h.first_day)}–{_day(h.last_day)}") for h in holidays]
        self.holidays_label.setText(self.tr("; ").join(parts) if parts else self.tr("None"))

    @Slot(object)
    def on_load_failed(self, exc: BaseException) -> None:
        self.error_label.show_error(messages.describe(exc))

    def show_error(self, exc: BaseException) -> None:
        messages.show_error(self, exc)

    # --- acting on a row --------------------------------------------------------------------

    def selected(self) -> DueRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        row = self.selected()
        self.profile_button.setEnabled(row is not None)
        self.record_button.setEnabled(row is not None)

    @Slot()
    def open_profile(self) -> None:
        row = self.selected()
        if row is None:
            return
        from gui.profile_window import open_profile

        open_profile(self.ctx, row.client_id, self.window())

    @Slot()
    def open_record(self) -> None:
        row = self.selected()
        if row is None:
            return
        from gui.dialogs.maintenance import MaintenanceDialog

        dialog = MaintenanceDialog(self.ctx, row.client_id, row.client, self)
        dialog.saved.connect(lambda _recorded: self.refresh())
        self._dialog = dialog
        dialog.open()


__all__ = ["MaintenanceDuePanel", "holiday_label"]
