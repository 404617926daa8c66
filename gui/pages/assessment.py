"""The monthly assessment page (assessmentPage): per RM per month, every figure traced to its records.

The points come from ``services.assessment.assess``; the page never computes a point. The
supervisor enters the process rating and bonus/malus items; everyone here may export the
sheet (PDF or .xlsx) of what they may see (docs/assessment.md). The supervisor submits the month to
the head office (docs/assessment.md "Submitting to the head office"); a label says when it was last
submitted and whether the figures changed since (``Submission.differs_from`` decides).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

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

from gui import messages
from gui.context import AppContext
from gui.itemmodels.assessment import AssessmentModel, FiguresModel
from gui.pages.base import Page
from gui.widgets.dates import pydate, qdate
from gui.widgets.export_status import ExportStatus
from gui.widgets.field_error import FieldErrorLabel, FieldErrors, named
from gui.widgets.save_path import ask_save_path
from gui.widgets.tone import CAUTION, set_tone
from models import Role
from services.saving import when

# Services and dialogs used only when the person acts are imported where used, not at start-up
# (docs/architecture.md "Start-up"); here for annotations only.
if TYPE_CHECKING:
    from services.assessment import RmAssessment, Submission


class AssessmentPage(Page):
    """The month's assessment: RMs (``assessmentTable``), the chosen RM's figures (``assessmentFiguresTable``;
    double-click one for its records), the rating and items (supervisor), the export.

    Signals:
        assessment_loaded(object): the month's list of ``RmAssessment`` is on screen
        sources_opened(object): the ``SourcesDialog`` opened for a figure
        rating_saved(int): the RM whose rating was saved
        sheet_exported(str): the file written
        export_failed(str): what the person was told
        assessment_submitted(object): the ``Submission`` the head office now holds
    """

    assessment_loaded = Signal(object)
    sources_opened = Signal(object)
    rating_saved = Signal(int)
    sheet_exported = Signal(str)
    export_failed = Signal(str)
    assessment_submitted = Signal(object)

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
        self.export_label = ExportStatus("assessmentExportLabel")
        self._submission: Submission | None = None
        self.submit_button = named(QPushButton(self.tr("Submit to &head office…")), "submitAssessmentButton")
        self.submission_label = named(QLabel(), "assessmentSubmissionLabel")
        self.submission_label.setWordWrap(True)
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
        submit_row = QHBoxLayout()
        submit_row.addWidget(self.submission_label, 1)
        submit_row.addWidget(self.submit_button)
        layout.addLayout(submit_row)
        layout.addWidget(self.errors.general)
        self.supervisor_row.setVisible(self.supervisor)
        self.submit_button.setVisible(self.supervisor)
        self.submission_label.setVisible(self.supervisor)

    def _connect_signals(self) -> None:
        self.month_edit.dateChanged.connect(self.on_month_changed)
        self.table.selectionModel().currentRowChanged.connect(self.on_current_row_changed)
        self.figures_table.doubleClicked.connect(self.on_figure_double_clicked)
        self.save_rating_button.clicked.connect(self.on_save_rating_clicked)
        self.add_item_button.clicked.connect(self.on_add_item_clicked)
        self.export_button.clicked.connect(self.on_export_clicked)
        self.submit_button.clicked.connect(self.on_submit_clicked)

    @property
    def month(self) -> dt.date:
        return pydate(self.month_edit.date()).replace(day=1)

    def refresh(self) -> None:
        from services import assessment

        super().refresh()
        db, actor, month = self.ctx.db, self.ctx.actor, self.month
        if not self.supervisor:
            self.run(lambda: assessment.assess(db, actor, month), self._show, key="load")
            return

        def load() -> tuple[list[RmAssessment], Submission | None]:
            return assessment.assess(db, actor, month), assessment.submission(db, actor, month)

        self.run(load, lambda got: self._show(got[0], got[1]), key="load")

    def clear_sensitive(self) -> None:
        super().clear_sensitive()
        self.model.clear()
        self.figures.clear()
        self.rm_label.clear()

    def set_busy(self, busy: bool) -> None:
        for button in (self.save_rating_button, self.add_item_button, self.export_button, self.submit_button):
            button.setEnabled(not busy)

    def selected(self) -> RmAssessment | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _show(self, rows: list[RmAssessment], sub: Submission | None = None) -> None:
        self.model.set_rows(rows)
        if self.supervisor:
            self._show_submission(rows, sub)
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
        from gui.dialogs.assessment_item import SourcesDialog

        a, fig = self.selected(), self.figures.row_at(index.row())
        if a is None or fig is None:
            return
        dialog = SourcesDialog(self.ctx, a.rm_name, fig, self)
        dialog.open()
        self.sources_opened.emit(dialog)

    @Slot()
    def on_save_rating_clicked(self) -> None:
        from services import assessment

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
        from gui.dialogs.assessment_item import AssessmentItemDialog

        a = self.selected()
        if a is None:
            return
        dialog = AssessmentItemDialog(self.ctx, a.rm_id, a.rm_name, self.month, self)
        dialog.item_added.connect(lambda _i: self.refresh())
        dialog.open()

    # --- submitting to the head office ---------------------------------------------------------

    def _show_submission(self, rows: list[RmAssessment], sub: Submission | None) -> None:
        self._submission = sub
        if sub is None:
            self.submission_label.setText(self.tr("{month} has not been submitted to the head office.").format(
                month=f"{self.month:%Y-%m}"))
            set_tone(self.submission_label, None)
            return
        said = self.tr("Submitted to the head office {at} by {by} ({no})").format(
            at=when(sub.submitted_at), by=sub.submitted_by, no=sub.submitted_by_no)
        if sub.differs_from(rows):
            self.submission_label.setText(self.tr("{said}; the figures have changed since: submit again to report "
                                                  "them.").format(said=said))
            set_tone(self.submission_label, CAUTION)
        else:
            self.submission_label.setText(self.tr("{said}; the figures are unchanged.").format(said=said))
            set_tone(self.submission_label, None)

    @Slot()
    def on_submit_clicked(self) -> None:
        if self.busy:
            return
        month = self.month
        messages.confirm(
            self, self.tr("Submit to the head office"),
            self.tr("Submit the assessment of {month} to the head office?").format(month=f"{month:%Y-%m}"),
            lambda: self.submit(month), name="confirmSubmitAssessmentBox",
            yes_text=self.tr("Submit"), no_text=self.tr("Cancel"),
            informative=self.tr("Every RM's points as computed now are reported; a month already submitted "
                                "is replaced. No client data is sent."))

    def submit(self, month: dt.date) -> None:
        """Submit ``month`` (the confirmation's answer; tests call it directly)."""
        from services import assessment

        if self.busy:
            return
        db, actor = self.ctx.db, self.ctx.actor
        version = self._submission.version if self._submission is not None else 0
        self.errors.clear()
        self.run(lambda: assessment.submit(db, actor, month, version), self._submitted,
                 failed=self._submit_failed, busy=True, change=True)

    def _submitted(self, sub: Submission) -> None:
        self.assessment_submitted.emit(sub)
        self.refresh()

    def _submit_failed(self, exc: BaseException) -> None:
        self.errors.show(exc)  # a month not begun, no RM, or someone else's submission naming who and when

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
        from services import assessment

        if self.busy:
            return
        db, actor, month = self.ctx.db, self.ctx.actor, self.month
        self._last_dir = path.parent
        self.export_label.exporting(path)
        self.run(lambda: assessment.export(db, actor, month, path), self._exported, failed=self._export_failed,
                 busy=True, change=True)

    def _exported(self, path: Path) -> None:
        self.sheet_exported.emit(self.export_label.saved(path))

    def _export_failed(self, exc: BaseException) -> None:
        self.export_failed.emit(self.export_label.failed(exc))
