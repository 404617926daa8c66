"""客户经理工作日志: one RM's day (planned against done), its appointments, and the next week's visit and call plan.

What may be done with a line (hold, miss or move an appointment; edit the plan) comes with
the service's rows (``DiaryItem.can_*``, ``WeekPlan.can_edit``); the page never re-decides it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.itemmodels.diary import DayColumn, DiaryDayModel
from gui.pages.base import Page
from gui.widgets.dates import pydate, qdate
from gui.widgets.export_status import ExportStatus
from gui.widgets.field_error import named
from gui.widgets.maintenance_due import MaintenanceDuePanel
from gui.widgets.save_path import ask_save_path
from gui.widgets.tone import HINT, set_tone
from gui.widgets.week_plan import WeekPlanPanel, list_table

# Services and dialogs used only when the person acts are imported where used, not at start-up
# (docs/architecture.md "Start-up"); here for annotations only.
if TYPE_CHECKING:
    from services import diary
    from services.diary import Count, DiaryDay, DiaryItem, RmChoice, WeekPlan


class DiaryPage(Page):
    """The work diary of one RM and one day, with next week's plan of visits and calls.

    Signals:
        day_loaded(object): a ``DiaryDay`` and its ``WeekPlan`` are on screen (the day is passed)
        appointment_changed(int): an appointment was marked held / missed, or moved (its id)
        plan_changed(): the week plan was changed (accepted, added, moved, dropped)
        diary_exported(str): the PDF written, as a local path
    """

    day_loaded = Signal(object)
    appointment_changed = Signal(int)
    plan_changed = Signal()
    diary_exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "diaryPage", parent)
        self.diary: DiaryDay | None = None
        self.plan: WeekPlan | None = None
        self._rms: list[RmChoice] = []
        self._stale = False
        self._dialog: QDialog | None = None
        self._last_dir: Path | None = None

        self.rm_label = QLabel(self.tr("RM"))
        self.rm_combo = named(QComboBox(), "diaryRmCombo")
        self.rm_combo.setMinimumContentsLength(12)
        self.date_edit = named(QDateEdit(qdate(ctx.db.today())), "diaryDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.reload_button = named(QPushButton(self.tr("Reload")), "diaryReloadButton")
        self.export_button = named(QPushButton(self.tr("Export PDF…")), "exportDiaryButton")
        self.counts_label = named(QLabel(), "diaryCountsLabel")
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.made_label = named(QLabel(), "diaryMadeLabel")
        set_tone(self.made_label, HINT)

        self.day_model = DiaryDayModel(self)
        self.table = list_table("diaryTable")
        self.table.setModel(self.day_model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DayColumn.DETAIL, QHeaderView.ResizeMode.Stretch)
        for col, width in ((DayColumn.TIME, 64), (DayColumn.KIND, 110), (DayColumn.CLIENT, 170),
                           (DayColumn.DONE, 72)):
            self.table.setColumnWidth(col, width)

        self.held_button = named(QPushButton(self.tr("Held")), "appointmentHeldButton")
        self.missed_button = named(QPushButton(self.tr("Missed")), "appointmentMissedButton")
        self.move_button = named(QPushButton(self.tr("Move…")), "moveAppointmentButton")
        self.status_label = ExportStatus("diaryStatusLabel")
        set_tone(self.status_label, HINT)

        self.week = WeekPlanPanel(self)
        self.plan_model = self.week.model

        self.watcher = ctx.changes()

        top = QHBoxLayout()
        top.addWidget(self.rm_label)
        top.addWidget(self.rm_combo)
        top.addWidget(QLabel(self.tr("Day")))
        top.addWidget(self.date_edit)
        top.addWidget(self.reload_button)
        top.addStretch(1)
        top.addWidget(self.export_button)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("Appointment:")))
        actions.addWidget(self.held_button)
        actions.addWidget(self.missed_button)
        actions.addWidget(self.move_button)
        actions.addSpacing(12)
        actions.addWidget(self.status_label, 1)
        day_box = QWidget()
        day_layout = QVBoxLayout(day_box)
        day_layout.setContentsMargins(0, 0, 0, 0)
        day_layout.addWidget(self.counts_label)
        day_layout.addWidget(self.made_label)
        day_layout.addWidget(self.table, 1)
        day_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(day_box)
        splitter.addWidget(self.week)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # The diary RM's maintenance due, birthdays and holidays (docs/maintenance.md "On the desk").
        self.maintenance = MaintenanceDuePanel(ctx, self, compact=True)
        splitter.addWidget(self.maintenance)
        splitter.setStretchFactor(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._connect_signals()
        self._show(None, None)

    def _connect_signals(self) -> None:
        self.rm_combo.currentIndexChanged.connect(self.on_rm_changed)
        self.date_edit.dateChanged.connect(self.on_date_changed)
        self.reload_button.clicked.connect(self.on_reload_clicked)
        self.export_button.clicked.connect(self.on_export_clicked)
        self.table.selectionModel().currentRowChanged.connect(self.on_day_row_changed)
        self.week.table.selectionModel().currentRowChanged.connect(self.on_plan_row_changed)
        self.held_button.clicked.connect(self.on_held_clicked)
        self.missed_button.clicked.connect(self.on_missed_clicked)
        self.move_button.clicked.connect(self.on_move_clicked)
        self.week.changed.connect(self.on_plan_changed)
        self.week.dialog_opened.connect(self._track_dialog)
        self.watcher.changed.connect(self.on_watcher_changed)

    # --- the page contract ----------------------------------------------------------------

    def refresh(self) -> None:
        from services import diary

        super().refresh()
        self._stale = False
        if self._rms:
            self._load()
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.run(lambda: diary.rms(db, actor), self._on_rms, busy=True, key="rms")

    def clear_sensitive(self) -> None:
        super().clear_sensitive()
        self.maintenance.clear_sensitive()
        self._close_dialog()
        self._show(None, None)
        self.status_label.clear()

    # --- loading ----------------------------------------------------------------------------

    @property
    def day(self) -> dt.date:
        return pydate(self.date_edit.date())

    @property
    def rm_id(self) -> int | None:
        data = self.rm_combo.currentData()
        return int(data) if data is not None else None

    def _on_rms(self, rms: list[RmChoice]) -> None:
        self._rms = rms
        self.rm_combo.blockSignals(True)
        self.rm_combo.clear()
        for rm in rms:
            self.rm_combo.addItem(f"{rm.name}（{rm.staff_no}）", rm.id)
        own = self.rm_combo.findData(self.ctx.actor.staff_id)
        self.rm_combo.setCurrentIndex(own if own >= 0 else 0)
        self.rm_combo.blockSignals(False)
        # The chooser is the supervisor's: an RM reads only their own diary.
        chooser = len(rms) > 1 or (len(rms) == 1 and rms[0].id != self.ctx.actor.staff_id)
        self.rm_combo.setVisible(chooser)
        self.rm_label.setVisible(chooser)
        self._load()

    def _load(self, *, keep: tuple[str, int] | None = None) -> None:
        from services import diary

        rm_id = self.rm_id
        if rm_id is None:
            self._show(None, None)
            return
        db, actor, day = self.ctx.db, self.ctx.actor, self.day
        monday = diary.week_start(day) + dt.timedelta(days=7)
        if rm_id != self.maintenance.rm_id or not self.maintenance.model.rowCount():
            self.maintenance.set_rm(rm_id)

        def job() -> tuple[DiaryDay, WeekPlan]:
            return diary.day(db, actor, rm_id, day), diary.week_plan(db, actor, rm_id, monday)

        self.run(job, lambda answer: self._on_loaded(answer, keep), busy=True, key="load")

    def _on_loaded(self, answer: tuple[DiaryDay, WeekPlan], keep: tuple[str, int] | None) -> None:
        day, plan = answer
        if day.day != self.day or day.rm_id != self.rm_id:
            return  # the person moved on; that load follows
        current = self._current_item()
        self._show(day, plan)
        target = keep or ((current.kind.value, current.entity_id) if current else None)
        if target is not None:
            row = next((n for n, i in enumerate(day.items) if (i.kind.value, i.entity_id) == target), None)
            if row is not None:
                self.table.selectionModel().setCurrentIndex(
                    self.day_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.day_loaded.emit(day)
        if self._stale:
            self._reload_if_free()

    def _show(self, day: DiaryDay | None, plan: WeekPlan | None) -> None:
        self.diary, self.plan = day, plan
        self.day_model.set_rows(day.items if day else ())
        self.week.show_plan(plan)
        if day is None:
            self.counts_label.clear()
            self.made_label.clear()
        else:
            self.counts_label.setText(self._counts_text(day))
            self.made_label.setText(self._made_text(day))
        self._update_actions()

    def _count(self, label: str, c: Count) -> str:
        text = f"{label} {c.done}/{c.planned}"
        return f'<span style="color:#b3261e">{text}</span>' if c.done < c.planned else text

    def _counts_text(self, day: DiaryDay) -> str:
        parts = [
            self._count(self.tr("Follow-ups"), day.follow_ups),
            self._count(self.tr("Appointments"), day.appointments),
            self._count(self.tr("Visits"), day.visits),
            self._count(self.tr("Calls"), day.calls),
        ]
        total = self.tr("Done {done} of {planned} planned").format(done=day.total.done, planned=day.total.planned)
        return f"<b>{total}</b> · " + " · ".join(parts)

    def _made_text(self, day: DiaryDay) -> str:
        text = self.tr("Contacts made: {n} · outcomes: {m}, deals: {d}, {amount} yuan").format(
            n=day.contacts_made, m=day.outcomes, d=day.deals, amount=f"{day.amount_total:,.2f}")
        if day.more_due:
            text += " · " + self.tr("{n} more overdue follow-ups not listed").format(n=day.more_due)
        return text

    def _current_item(self) -> DiaryItem | None:
        index = self.table.selectionModel().currentIndex()
        return self.day_model.item_at(index.row()) if index.isValid() else None

    def set_busy(self, busy: bool) -> None:
        for widget in (self.reload_button, self.export_button):
            widget.setEnabled(not busy)
        self._update_actions()

    def _update_actions(self) -> None:
        item, free = self._current_item(), not self.busy
        self.held_button.setEnabled(free and item is not None and item.can_hold)
        self.missed_button.setEnabled(free and item is not None and item.can_miss)
        self.move_button.setEnabled(free and item is not None and item.can_move)
        self.week.update_actions(free)
        self.export_button.setEnabled(free and self.diary is not None)

    def _dialog_open(self) -> bool:
        return self._dialog is not None and shiboken6.isValid(self._dialog) and self._dialog.isVisible()

    def _close_dialog(self) -> None:
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.close()
        self._dialog = None

    def _reload_if_free(self) -> None:
        """Reload for a change made elsewhere, unless busy or a dialog is open (then it waits)."""
        if self.cleared:
            return
        if not self.isVisible() or self.busy or self._dialog_open():
            self._stale = True
            return
        self._stale = False
        self._load()

    # --- slots ------------------------------------------------------------------------------

    @Slot()
    def on_watcher_changed(self) -> None:
        self._reload_if_free()

    @Slot(int)
    def on_rm_changed(self, _index: int) -> None:
        if not self.cleared:
            self._load()

    @Slot(QDate)
    def on_date_changed(self, _date: QDate) -> None:
        if not self.cleared:
            self._load()

    @Slot()
    def on_reload_clicked(self) -> None:
        self._load()

    @Slot(QModelIndex, QModelIndex)
    def on_day_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()

    @Slot(QModelIndex, QModelIndex)
    def on_plan_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()

    def _end_appointment(self, held: bool) -> None:
        from services import appointments

        item = self._current_item()
        if item is None or self.busy:
            return
        db, actor = self.ctx.db, self.ctx.actor
        mark = appointments.mark_held if held else appointments.mark_missed

        def done(_version: int) -> None:
            self.status_label.setText(self.tr("Marked held.") if held else self.tr("Marked missed."))
            self.appointment_changed.emit(item.entity_id)
            self._load(keep=(item.kind.value, item.entity_id))

        def failed(exc: BaseException) -> None:
            self.show_error(exc)
            self._load()  # someone else changed it meanwhile: show what is true now

        self.run(lambda: mark(db, actor, item.entity_id, version=item.version), done, failed=failed, busy=True,
                 change=True)

    @Slot()
    def on_held_clicked(self) -> None:
        self._end_appointment(True)

    @Slot()
    def on_missed_clicked(self) -> None:
        self._end_appointment(False)

    @Slot()
    def on_move_clicked(self) -> None:
        from gui.dialogs.appointment_move import MoveAppointmentDialog

        item = self._current_item()
        if item is None or not item.can_move or self.busy:
            return
        self._close_dialog()
        dialog = MoveAppointmentDialog(self.ctx.db, self.ctx.lane, self.ctx.actor, item, self)
        dialog.appointment_moved.connect(self.on_appointment_moved)
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()

    @Slot(int)
    def on_appointment_moved(self, new_id: int) -> None:
        self.status_label.setText(self.tr("Appointment moved."))
        self.appointment_changed.emit(new_id)
        self._load()

    @Slot(str)
    def on_plan_changed(self, text: str) -> None:
        if text:
            self.status_label.setText(text)
            self.plan_changed.emit()
        self._load()

    @Slot(object)
    def _track_dialog(self, dialog: QDialog) -> None:
        self._close_dialog()
        self._dialog = dialog

    # --- export -----------------------------------------------------------------------------

    def default_file_name(self) -> str:
        staff_no = self.diary.rm_staff_no if self.diary else ""
        return f"diary-{staff_no}-{self.day.isoformat()}.pdf"

    def _ask_path(self) -> Path | None:
        """Where to save; None when the person cancels. Tests replace this or call ``export_to``."""
        return ask_save_path(self, self.tr("Save the diary"), self._last_dir, self.default_file_name(),
                             [(".pdf", self.tr("PDF (*.pdf)"))])

    @Slot()
    def on_export_clicked(self) -> None:
        path = self._ask_path()
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write the shown day as a PDF to ``path`` on the lane (rendering is no work for the GUI thread)."""
        from services import diary

        rm_id = self.rm_id
        if self.busy or rm_id is None:
            return
        db, actor, day = self.ctx.db, self.ctx.actor, self.day
        self._last_dir = path.parent
        self.status_label.exporting(path)

        def done(exported: diary.Exported) -> None:
            self.diary_exported.emit(self.status_label.saved(exported.path))

        def failed(exc: BaseException) -> None:
            self.status_label.failed(exc)
            self.show_error(exc)

        self.run(lambda: diary.export_day(db, actor, rm_id, day, path), done, failed=failed, busy=True, change=True)
