"""Next week's visits and calls on the diary page: the plan, the proposal, and editing them.

What may be done comes with the service's ``WeekPlan.can_edit``; the panel never re-decides it.
Its lane work runs through the page that holds it (``Page.run``: one busy state, one error
display), and the page reloads the day and the plan together when the plan changes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs.appointment_plan import PlanDialog
from gui.itemmodels.diary import PlanColumn, WeekPlanModel
from gui.pages.base import Page
from gui.widgets.field_error import named

# Services and dialogs used only when the person acts are imported where used, not at start-up
# (docs/architecture.md "Start-up"); here for annotations only.
if TYPE_CHECKING:
    from services import diary
    from services.diary import ClientChoice, WeekPlan


def list_table(name: str) -> QTableView:
    """A read-only list of whole rows, one selected at a time (the diary's two tables)."""
    table = named(QTableView(), name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setHighlightSections(False)
    return table


class WeekPlanPanel(QWidget):
    """``planWeekLabel``, ``planTable`` and the accept / add / move / drop buttons.

    Signals:
        changed(str): the plan was changed; what to tell the person
        dialog_opened(object): a plan dialog opened (the page holds back reloads while it is open)
    """

    changed = Signal(str)
    dialog_opened = Signal(object)

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.page = page
        self.plan: WeekPlan | None = None
        self.label = named(QLabel(), "planWeekLabel")
        self.model = WeekPlanModel(self)
        self.table = list_table("planTable")
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PlanColumn.NOTE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((PlanColumn.DATE, 120), (PlanColumn.KIND, 60), (PlanColumn.CLIENT, 170),
                              (PlanColumn.STATE, 80)):
            self.table.setColumnWidth(column, width)
        self.accept_button = named(QPushButton(self.tr("Accept the proposal")), "acceptProposalButton")
        self.add_button = named(QPushButton(self.tr("Add…")), "addPlanButton")
        self.move_button = named(QPushButton(self.tr("Move…")), "movePlanButton")
        self.drop_button = named(QPushButton(self.tr("Drop")), "dropPlanButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.label, 1)
        for button in self.buttons:
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.accept_button.clicked.connect(self.on_accept_clicked)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.move_button.clicked.connect(self.on_move_clicked)
        self.drop_button.clicked.connect(self.on_drop_clicked)

    @property
    def buttons(self) -> tuple[QPushButton, ...]:
        return self.accept_button, self.add_button, self.move_button, self.drop_button

    def show_plan(self, plan: WeekPlan | None) -> None:
        self.plan = plan
        self.model.set_rows([*plan.rows, *plan.proposals] if plan else [])
        if plan is None:
            self.label.clear()
        else:
            end = plan.week_start + dt.timedelta(days=6)
            text = self.tr("Visits and calls planned for {start} to {end}").format(
                start=plan.week_start.isoformat(), end=end.isoformat())
            if plan.proposals:
                text += " · " + self.tr("{n} proposed").format(n=len(plan.proposals))
            self.label.setText(text)
        for button in self.buttons:
            button.setVisible(plan is None or plan.can_edit)

    def current(self) -> diary.PlanRow | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.plan_at(index.row()) if index.isValid() else None

    def update_actions(self, free: bool) -> None:
        row, plan = self.current(), self.plan
        editable = free and plan is not None and plan.can_edit
        self.accept_button.setEnabled(editable and plan is not None and bool(plan.proposals))
        self.add_button.setEnabled(editable)
        self.move_button.setEnabled(editable and row is not None)
        self.drop_button.setEnabled(editable and row is not None)

    # --- the actions ----------------------------------------------------------------------------

    @Slot()
    def on_accept_clicked(self) -> None:
        from services import diary

        plan = self.plan
        if plan is None or not plan.can_edit or self.page.busy:
            return
        db, actor = self.page.ctx.db, self.page.ctx.actor
        self.page.run(lambda: diary.accept_proposal(db, actor, plan.week_start),
                      lambda added: self.changed.emit(self.tr("{n} planned contacts added.").format(n=added)),
                      busy=True, change=True)

    @Slot()
    def on_add_clicked(self) -> None:
        from services import diary

        plan = self.plan
        if plan is None or not plan.can_edit or self.page.busy:
            return
        db, actor = self.page.ctx.db, self.page.ctx.actor
        self.page.run(lambda: diary.plan_clients(db, actor), lambda clients: self._open_dialog(clients, None),
                      busy=True)

    @Slot()
    def on_move_clicked(self) -> None:
        row = self.current()
        if row is not None and not self.page.busy:
            self._open_dialog([], row)

    def _open_dialog(self, clients: list[ClientChoice], row: diary.PlanRow | None) -> None:
        if self.plan is None:
            return
        ctx = self.page.ctx
        dialog: QDialog = PlanDialog(ctx.db, ctx.lane, ctx.actor, day=self.plan.week_start, clients=clients, plan=row,
                                     parent=self.page)
        dialog.plan_saved.connect(lambda _plan_id: self.changed.emit(self.tr("Plan saved.")))  # type: ignore[attr-defined]
        dialog.finished.connect(dialog.deleteLater)
        self.dialog_opened.emit(dialog)
        dialog.open()

    @Slot()
    def on_drop_clicked(self) -> None:
        from services import diary

        row = self.current()
        if row is None or self.page.busy:
            return
        db, actor = self.page.ctx.db, self.page.ctx.actor

        def failed(exc: BaseException) -> None:
            self.page.show_error(exc)
            self.changed.emit("")  # someone else changed it meanwhile: show what is true now

        self.page.run(lambda: diary.drop_plan(db, actor, row.id, version=row.version),
                      lambda _none: self.changed.emit(self.tr("Planned contact dropped.")), failed=failed, busy=True,
                      change=True)
