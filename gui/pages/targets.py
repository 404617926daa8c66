"""Monthly targets page (targetsPage): the supervisor sets each RM's targets; everyone here sees progress.

Progress is counted by ``services.targets.progress`` from the recorded work; the page shows it as
figures (``targetsTable``) and as bars (``targetsChart``) for the chosen RM (docs/assessment.md).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from gui.itemmodels.targets import TargetsModel, figure_label, value_text
from gui.pages.base import Page
from gui.widgets.bar_chart import BarChart
from gui.widgets.dates import pydate, qdate
from gui.widgets.field_error import FieldErrorLabel, FieldErrors, named
from gui.widgets.target_progress import progress_bars
from models import Role

# Services and dialogs used only when the person acts are imported where used, not at start-up
# (docs/architecture.md "Start-up"); here for annotations only.
if TYPE_CHECKING:
    from services.targets import RmProgress

EDIT_NAMES = {
    "new_premium_clients": "targetNewPremiumEdit",
    "converted_referrals": "targetConvertedEdit",
    "contacts": "targetContactsEdit",
    "maintenance_contacts": "targetMaintenanceEdit",
    "aum_growth": "targetAumEdit",
}


class TargetsPage(Page):
    """The month's targets and progress, one row per RM (an RM sees their own row only).

    Signals:
        progress_loaded(object): the month's list of ``RmProgress`` is on screen
        targets_saved(int): the RM whose targets were saved
    """

    progress_loaded = Signal(object)
    targets_saved = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        from services.targets import FIGURES

        super().__init__(ctx, "targetsPage", parent)
        self.supervisor = ctx.actor.role == Role.SUPERVISOR
        self._selected: int | None = None
        self.month_edit = named(QDateEdit(qdate(ctx.db.today().replace(day=1))), "targetsMonthEdit")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(True)
        self.model = TargetsModel(self)
        self.table = named(QTableView(), "targetsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.chart_title = named(QLabel(), "targetsChartTitle")
        self.chart = named(BarChart(label_width=130), "targetsChart")
        self.edits: dict[str, QLineEdit] = {f: named(QLineEdit(), EDIT_NAMES[f]) for f in FIGURES}
        self.save_button = named(QPushButton(self.tr("&Save targets")), "saveTargetsButton")
        self.errors = FieldErrors(FieldErrorLabel("targetsGeneral", wrap=True))
        self.form_box = QGroupBox(self.tr("Targets"))
        self._build_layout()
        self._connect_signals()

    def _build_layout(self) -> None:
        from services.targets import FIGURES

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        top.addWidget(self.month_edit)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chart_title)
        layout.addWidget(self.chart)
        form = QFormLayout(self.form_box)
        for f in FIGURES:
            self.errors.add_row(form, figure_label(f), self.edits[f], f)
        form.addRow(self.errors.general)
        form.addRow(self.save_button)
        layout.addWidget(self.form_box)
        self.form_box.setVisible(self.supervisor)

    def _connect_signals(self) -> None:
        self.month_edit.dateChanged.connect(self.on_month_changed)
        self.table.selectionModel().currentRowChanged.connect(self.on_current_row_changed)
        self.save_button.clicked.connect(self.on_save_clicked)

    @property
    def month(self) -> dt.date:
        return pydate(self.month_edit.date()).replace(day=1)

    def refresh(self) -> None:
        from services import targets

        super().refresh()
        db, actor, month = self.ctx.db, self.ctx.actor, self.month
        self.run(lambda: targets.progress(db, actor, month), self._show, key="load")

    def clear_sensitive(self) -> None:
        super().clear_sensitive()
        self.model.clear()
        self.chart.clear()
        self.chart_title.clear()

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy and self.selected() is not None)

    def selected(self) -> RmProgress | None:
        return self.model.progress_at(self.table.currentIndex().row())

    def _show(self, rows: list[RmProgress]) -> None:
        self.model.set_rows(rows)
        row = self.model.row_of(self._selected) if self._selected is not None else None
        self.table.selectRow(row if row is not None else 0)
        if not rows:
            self._show_rm(None)
        self.progress_loaded.emit(rows)

    def _show_rm(self, p: RmProgress | None) -> None:
        from services.targets import FIGURES

        self.errors.clear()
        self.save_button.setEnabled(p is not None and not self.busy)
        if p is None:
            self.chart.clear()
            self.chart_title.clear()
            return
        self._selected = p.rm_id
        self.chart_title.setText(self.tr("{name} ({no}): progress in {month}").format(
            name=p.rm_name, no=p.staff_no, month=f"{p.month:%Y-%m}"))
        self.chart.set_bars(progress_bars(p))
        self.form_box.setTitle(self.tr("Targets of {name} for {month}").format(name=p.rm_name,
                                                                              month=f"{p.month:%Y-%m}"))
        for f in FIGURES:
            value = p.target.get(f) if p.target is not None else None
            self.edits[f].setText("" if value is None else value_text(value).replace(",", ""))

    @Slot(QDate)
    def on_month_changed(self, _date: QDate) -> None:
        self.refresh()

    @Slot(QModelIndex, QModelIndex)
    def on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_rm(self.model.progress_at(current.row()))

    @Slot()
    def on_save_clicked(self) -> None:
        from services import targets
        from services.targets import FIGURES

        p = self.selected()
        if p is None or self.busy:
            return
        db, actor, month = self.ctx.db, self.ctx.actor, self.month
        data = {f: self.edits[f].text() for f in FIGURES}
        self.run(lambda: targets.set_targets(db, actor, p.rm_id, month, data, p.version),
                 lambda _v: self._saved(p.rm_id), failed=self._save_failed, busy=True, change=True)

    def _saved(self, rm_id: int) -> None:
        self.targets_saved.emit(rm_id)
        self.refresh()

    def _save_failed(self, exc: BaseException) -> None:
        self.errors.show(exc)  # a field's problem beside it; a conflict naming who and when below; typing kept
