"""The monthly assessment page (assessmentPage): per RM per month, every figure traced to its records.

The points come from ``services.assessment.assess``; the page never computes a point. The
supervisor enters the process rating and bonus/malus items; everyone here may export the
sheet (PDF or .xlsx) of what they may see (docs/assessment.md).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
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
from gui.dialogs.assessment_item import AssessmentItemDialog, SourcesDialog
from gui.itemmodels.assessment import AssessmentModel, FiguresModel
from gui.pages.base import Page
from gui.widgets.dates import pydate, qdate
from gui.widgets.field_error import FieldErrorLabel, FieldErrors, named
from gui.widgets.save_path import ask_save_path
from models import Role
from services import assessment
from services.assessment import RmAssessment
from services.errors import ServiceError


class AssessmentPage(Page):
    """The month's assessment: RMs (``assessmentTable``), the chosen RM's figures (``assessmentFiguresTable``;
    double-click one for its records), the rating and items (supervisor), the export.

    Signals:
        assessment_loaded(object): the month's list of ``RmAssessment`` is on screen
        sources_opened(object): the ``SourcesDialog`` opened for a figure
        rating_saved(int): the RM whose rating was saved
        sheet_exported(str): the file written
        export_failed(str): what the person was told
    """

    assessment_loaded = Signal(object)
    sources_opened = Signal(object)
    rating_saved = Signal(int)
    sheet_exported = Signal(str)
    export_failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "assessmentPage", parent)
        self.supervisor = ctx.actor.role == Role.SUPERVISOR
        self._selected: int | None = None
        self._last_dir: Path | None = None
        self.month_edit = named(QDateEdit(qdate(ctx.db.today().replace(day=1))), "assessmentMonthEdit")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(True)
        self.model = AssessmentModel(self)
        self.table = self._table("assessmentTable", self.model)
        self.figures = FiguresModel(self)
        self.figures_table = self._table("assessmentFiguresTable", self.figures)
        self.figures_table.horizontalHeader().setStretchLastSection(True)
        self.rm_label = named(QLabel(), "assessmentRmLabel")
        self.rating_edit = named(QLineEdit(), "ratingEdit")
        self.rating_edit.setPlaceholderText("0–10")
        self.rating_edit.setMaximumWidth(80)
        self.save_rating_button = named(QPushButton(self.tr("Save &rating")), "saveRatingButton")
        self.add_item_button = named(QPushButton(self.tr("Add &bonus/malus…")), "addAssessmentItemButton")
        self.export_button = named(QPushButton(self.tr("&Export sheet…")), "exportAssessmentButton")
        self.export_label = named(QLabel(), "assessmentExportLabel")
        self.errors = FieldErrors(FieldErrorLabel("assessmentGeneral", wrap=True))
        self.supervisor_row = QWidget()
        self._build_layout()
        self._connect_signals()

    def _table(self, name: str, model: AssessmentModel | FiguresModel) -> QTableView:
        table = named(QTableView(), name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        top.addWidget(self.month_edit)
        top.addStretch(1)
        top.addWidget(self.export_label)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.rm_label)
        layout.addWidget(self.figures_table, 2)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("Supervisor's &rating (0–10)"), self.rating_edit, "rating")
        row = QHBoxLayout(self.supervisor_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(form)
        row.addWidget(self.save_rating_button)
        row.addStretch(1)
        row.addWidget(self.add_item_button)
        layout.addWidget(self.supervisor_row)
        layout.addWidget(self.errors.general)
        self.supervisor_row.setVisible(self.supervisor)

    def _connect_signals(self) -> None:
        self.month_edit.dateChanged.connect(self.on_month_changed)
        self.table.selectionModel().currentRowChanged.connect(self.on_current_row_changed)
        self.figures_table.doubleClicked.connect(self.on_figure_double_clicked)
        self.save_rating_button.clicked.connect(self.on_save_rating_clicked)
        self.add_item_button.clicked.connect(self.on_add_item_clicked)
        self.export_button.clicked.connect(self.on_export_clicked)

    @property
    def month(self) -> dt.date:
        return pydate(self.month_edit.date()).replace(day=1)

    def refresh(self) -> None:
        super().refresh()
        db, actor, month = self.ctx.db, self.ctx.actor, self.month
        self.run(lambda: assessment.assess(db, actor, month), self._show, key="load")

    def clear_sensitive(self) -> None:
        super().clear_sensitive()
        self.model.clear()
        self.figures.clear()
        self.rm_label.clear()

    def set_busy(self, busy: bool) -> None:
        for button in (self.save_rating_button, self.add_item_button, self.export_button):
            button.setEnabled(not busy)

    def selected(self) -> RmAssessment | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _show(self, rows: list[RmAssessment]) -> None:
        self.model.set_rows(rows)
        row = self.model.row_of(self._selected) if self._selected is not None else None
        self.table.selectRow(row if row is not None else 0)
        if not rows:
            self._show_rm(None)
        self.assessment_loaded.emit(rows)

    def _show_rm(self, a: RmAssessment | None) -> None:
        self.errors.clear()
        if a is None:
            self.figures.clear()
            self.rm_label.clear()
            return
        self._selected = a.rm_id
        self.figures.set_rows(a.figures)
        self.rm_label.setText(self.tr("{name} ({no}), {month}: {total} points — double-click a figure for its "
                                      "records").format(name=a.rm_name, no=a.staff_no, month=f"{a.month:%Y-%m}",
                                                        total=f"{a.total:.1f}"))
        self.rating_edit.setText("" if a.rating is None else str(a.rating))

    # --- slots -----------------------------------------------------------------------------

    @Slot(QDate)
    def on_month_changed(self, _date: QDate) -> None:
        self.refresh()

    @Slot(QModelIndex, QModelIndex)
    def on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_rm(self.model.row_at(current.row()))

    @Slot(QModelIndex)
    def on_figure_double_clicked(self, index: QModelIndex) -> None:
        a, fig = self.selected(), self.figures.row_at(index.row())
        if a is None or fig is None:
            return
        dialog = SourcesDialog(self.ctx, a.rm_name, fig, self)
        dialog.open()
        self.sources_opened.emit(dialog)

    @Slot()
    def on_save_rating_clicked(self) -> None:
        a = self.selected()
        if a is None or self.busy:
            return
        db, actor, month, text = self.ctx.db, self.ctx.actor, self.month, self.rating_edit.text()
        self.run(lambda: assessment.set_rating(db, actor, a.rm_id, month, text, a.rating_version),
                 lambda _v: self._rating_saved(a.rm_id), failed=self._rating_failed, busy=True, change=True)

    def _rating_failed(self, exc: BaseException) -> None:
        self.errors.show(exc)  # beside the rating; a conflict naming who and when below it; the text stays

    def _rating_saved(self, rm_id: int) -> None:
        self.rating_saved.emit(rm_id)
        self.refresh()

    @Slot()
    def on_add_item_clicked(self) -> None:
        a = self.selected()
        if a is None:
            return
        dialog = AssessmentItemDialog(self.ctx, a.rm_id, a.rm_name, self.month, self)
        dialog.item_added.connect(lambda _i: self.refresh())
        dialog.open()

    # --- exporting ----------------------------------------------------------------------------

    def default_file_name(self) -> str:
        base = self.tr("Assessment sheet")
        return f"{base}_{self.month:%Y-%m}.pdf"

    @Slot()
    def on_export_clicked(self) -> None:
        """Ask where (a .pdf or an .xlsx: the chosen filter or suffix decides); tests answer the QFileDialog."""
        path = ask_save_path(self, self.tr("Save the assessment sheet"), self._last_dir, self.default_file_name(),
                             [(".pdf", self.tr("PDF (*.pdf)")), (".xlsx", self.tr("Excel workbook (*.xlsx)"))])
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        if self.busy:
            return
        db, actor, month = self.ctx.db, self.ctx.actor, self.month
        self._last_dir = path.parent
        self.export_label.setText(self.tr("Exporting {name}…").format(name=path.name))
        self.run(lambda: assessment.export(db, actor, month, path), self._exported, failed=self._export_failed,
                 busy=True, change=True)

    def _exported(self, path: Path) -> None:
        self.export_label.setText(self.tr("Saved to {path}").format(path=str(path)))
        self.sheet_exported.emit(str(path))

    def _export_failed(self, exc: BaseException) -> None:
        why = str(exc) if isinstance(exc, ServiceError) else self.tr("an unexpected error, written to the log")
        text = self.tr("Not exported: {why}").format(why=why)
        self.export_label.setText(text)
        self.export_failed.emit(text)
