"""The head office's monthly assessment page (headOfficeAssessmentPage): every branch's month as its
supervisor submitted it, and the chosen branch's RMs (docs/head-office.md "The monthly assessment
figures"). Staff figures only: nothing here names a client."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.itemmodels.head_office_assessment import BranchAssessmentModel, SubmittedRowsModel
from gui.pages.base import Page
from gui.widgets.dates import pydate, qdate
from gui.widgets.export_status import ExportStatus
from gui.widgets.field_error import named
from gui.widgets.save_path import ask_save_path
from gui.widgets.tone import HINT, set_tone
from services import headoffice
from services.assessment import Submission
from services.headoffice import BranchAssessment
from services.saving import when


def _table(name: str) -> QTableView:
    view = named(QTableView(), name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(False)  # figures stay beside their headers
    return view


class HeadOfficeAssessmentPage(Page):
    """A month (``headOfficeAssessmentMonthEdit``), the branches (``headOfficeAssessmentTable``) and the
    selected branch's RMs (``headOfficeAssessmentRmTable``); the per-branch table exported as PDF or .xlsx
    (``exportHeadOfficeAssessmentButton``).

    Signals:
        branches_loaded(object): the month's list of ``BranchAssessment`` is on screen
        branch_loaded(object): the selected branch's ``Submission`` (or None) is on screen
        table_exported(str): the file written
        export_failed(str): what the person was told
    """

    branches_loaded = Signal(object)
    branch_loaded = Signal(object)
    table_exported = Signal(str)
    export_failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "headOfficeAssessmentPage", parent)
        self._selected: int | None = None
        self._last_dir: Path | None = None
        today = ctx.db.today()
        self.month_edit = named(QDateEdit(qdate(today.replace(day=1))), "headOfficeAssessmentMonthEdit")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(True)
        self.month_edit.setMaximumDate(qdate(today))
        self.count_label = named(QLabel(), "headOfficeAssessmentCountLabel")
        set_tone(self.count_label, HINT)
        self.model = BranchAssessmentModel(self)
        self.table = _table("headOfficeAssessmentTable")
        self.table.setModel(self.model)
        self.branch_label = named(QLabel(), "headOfficeAssessmentBranchLabel")
        self.branch_label.setWordWrap(True)
        self.rms = SubmittedRowsModel(self)
        self.rm_table = _table("headOfficeAssessmentRmTable")
        self.rm_table.setModel(self.rms)
        note = named(QLabel(self.tr("Each branch's supervisor submits the month's assessment; a branch that has "
                                    "not submitted shows no figures.")), "headOfficeAssessmentNoteLabel")
        set_tone(note, HINT)
        note.setWordWrap(True)
        self.export_button = named(QPushButton(self.tr("&Export…")), "exportHeadOfficeAssessmentButton")
        self.export_label = ExportStatus("headOfficeAssessmentExportLabel")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        top.addWidget(self.month_edit)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.export_label)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.branch_label)
        layout.addWidget(self.rm_table, 2)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.month_edit.dateChanged.connect(self.on_month_changed)
        self.table.selectionModel().currentRowChanged.connect(self.on_current_row_changed)
        self.export_button.clicked.connect(self.on_export_clicked)

    def month(self) -> dt.date:
        return pydate(self.month_edit.date()).replace(day=1)

    def refresh(self) -> None:
        super().refresh()
        self.month_edit.setMaximumDate(qdate(self.ctx.db.today()))
        db, actor, month = self.ctx.db, self.ctx.actor, self.month()
        self.run(lambda: headoffice.assessment_by_branch(db, actor, month), self._show, key="load")

    def _show(self, rows: list[BranchAssessment]) -> None:
        self.model.set_rows(rows)
        done = sum(1 for r in rows if r.submitted)
        self.count_label.setText(self.tr("{done} of {n} branches submitted").format(done=done, n=len(rows)))
        at = next((i for i, r in enumerate(rows) if r.branch.id == self._selected), 0)
        if rows:
            self.table.selectRow(at)
        else:
            self._show_branch(None, None)
        self.branches_loaded.emit(rows)

    def _load_branch(self, line: BranchAssessment | None) -> None:
        if line is None:
            self._show_branch(None, None)
            return
        self._selected = line.branch.id
        if not line.submitted:  # nothing to ask for: the branch has not submitted the month
            self._show_branch(line, None)
            return
        db, actor, month, branch = self.ctx.db, self.ctx.actor, self.month(), line.branch.id
        self.run(lambda: headoffice.assessment_of_branch(db, actor, branch, month),
                 lambda sub: self._show_branch(line, sub), key="branch")

    def _show_branch(self, line: BranchAssessment | None, sub: Submission | None) -> None:
        self.rms.set_rows(sub.rows if sub is not None else ())
        if line is None:
            self.branch_label.clear()
        elif sub is None:
            self.branch_label.setText(self.tr("{code} {name}: {month} not submitted").format(
                code=line.branch.code, name=line.branch.name, month=f"{self.month():%Y-%m}"))
        else:
            self.branch_label.setText(self.tr("{code} {name}: {month} submitted {at} by {by} ({no})").format(
                code=line.branch.code, name=line.branch.name, month=f"{sub.month:%Y-%m}",
                at=when(sub.submitted_at), by=sub.submitted_by, no=sub.submitted_by_no))
        self.branch_loaded.emit(sub)

    @Slot(QDate)
    def on_month_changed(self, _date: QDate) -> None:
        if not self.cleared:
            self.refresh()

    @Slot(QModelIndex, QModelIndex)
    def on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._load_branch(self.model.row_at(current.row()))

    # --- exporting ----------------------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)

    def default_file_name(self) -> str:
        base = self.tr("Branches assessment")
        return f"{base}_{self.month():%Y-%m}.pdf"

    @Slot()
    def on_export_clicked(self) -> None:
        """Ask where (a .pdf or an .xlsx: the chosen filter or suffix decides); tests answer the QFileDialog."""
        path = ask_save_path(self, self.tr("Save every branch's assessment"), self._last_dir, self.default_file_name(),
                             [(".pdf", self.tr("PDF (*.pdf)")), (".xlsx", self.tr("Excel workbook (*.xlsx)"))])
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        if self.busy:
            return
        db, actor, month = self.ctx.db, self.ctx.actor, self.month()
        self._last_dir = path.parent
        self.export_label.exporting(path)
        self.run(lambda: headoffice.export_assessment(db, actor, month, path), self._exported,
                 failed=self._export_failed, busy=True, change=True)

    def _exported(self, path: Path) -> None:
        self.table_exported.emit(self.export_label.saved(path))

    def _export_failed(self, exc: BaseException) -> None:
        self.export_failed.emit(self.export_label.failed(exc))
