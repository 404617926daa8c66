"""Adding a planned visit or call to the week's plan, or moving one to another day (docs/diary.md)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
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
    from services.diary import ClientChoice, PlanRow
    from services.permissions import Actor


class PlanDialog(LaneDialog):
    """A new plan (client, visit or call, day, note), or a new day for an existing one (``plan``).

    Signals:
        plan_saved(int): the plan's id
    """

    plan_saved = Signal(int)

    def __init__(self, db: Database, lane: DbLane, actor: Actor, *, day: dt.date,
                 clients: list[ClientChoice] | None = None, plan: PlanRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(lane, "planDialog", "planDialogError", parent)
        self._db, self._actor, self.plan = db, actor, plan
        self.setWindowTitle(self.tr("Move the planned contact") if plan else self.tr("Plan a visit or call"))
        self.setMinimumWidth(420)
        self.client_combo = named(QComboBox(), "planClientCombo")
        if plan is not None:
            self.client_combo.addItem(plan.client, plan.client_id)
        for c in clients or []:
            self.client_combo.addItem(c.label, c.id)
        self.kind_combo = named(QComboBox(), "planKindCombo")
        self.kind_combo.addItem(self.tr("Call"), "call")
        self.kind_combo.addItem(self.tr("Visit"), "visit")
        if plan is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(plan.kind.value))
        self.date_edit = named(QDateEdit(qdate(plan.planned_date if plan else day)), "planDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.note_edit = named(QLineEdit(plan.note or "" if plan else ""), "planNoteEdit")
        for widget in (self.client_combo, self.kind_combo, self.note_edit):
            widget.setEnabled(plan is None)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.add_row(form, self.tr("Client"), self.client_combo, "client")
        self.errors.add_row(form, self.tr("Visit or call"), self.kind_combo, "plan_kind")
        self.errors.add_row(form, self.tr("Day"), self.date_edit, "planned_date")
        self.errors.add_row(form, self.tr("Note"), self.note_edit, "plan_note")

        self.save_button = named(QPushButton(self.tr("Save")), "savePlanButton")
        self.save_button.setAutoDefault(False)
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "cancelPlanButton")
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.on_save_clicked)
        self.cancel_button.clicked.connect(self.reject)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.save_button.setEnabled(not busy)
        self.date_edit.setEnabled(not busy)

    @Slot()
    def on_save_clicked(self) -> None:
        if self.busy:
            return
        from services import diary

        db, actor, plan = self._db, self._actor, self.plan
        day = pydate(self.date_edit.date())
        client_id = self.client_combo.currentData()
        if client_id is None:
            self.errors.show_field("client", self.tr("Choose a client"))
            return
        kind, note = str(self.kind_combo.currentData()), self.note_edit.text()
        self.errors.clear()

        def job() -> int:
            if plan is not None:
                diary.move_plan(db, actor, plan.id, day, version=plan.version)
                return plan.id
            return diary.add_plan(db, actor, int(client_id), day, kind, note)

        def done(plan_id: int) -> None:
            self.plan_saved.emit(plan_id)
            self.accept()

        self.run(job, done, busy=True, change=True)
