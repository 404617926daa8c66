"""每周工作进度汇总表 page: the RM's week in figures, findings and submit; the supervisor's branch week and roll-up.

Whether the viewer may submit, and whether a summary is on time, late or missing, comes from
``services.weekly`` with the week; the page shows it and never re-decides it (docs/weekly.md).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.itemmodels.weekly import WeeklyBranchModel, WeeklyFiguresModel, state_colour, state_label
from gui.pages.base import Page
from gui.widgets.dates import pydate, qdate
from gui.widgets.export_status import ExportStatus
from gui.widgets.field_error import FieldErrorLabel, FieldErrors, named
from gui.widgets.save_path import ask_save_path
from gui.widgets.tone import HINT, custom, set_tone
from models import Role
from services.db import BRANCH_TZ
from services.errors import ServiceError

# Services and dialogs used only when the person acts are imported where used, not at start-up
# (docs/architecture.md "Start-up"); here for annotations only.
if TYPE_CHECKING:
    from services.weekly import BranchWeek, RmWeek, SummaryState, WeekView

SUFFIXES = (".pdf", ".xlsx")


def _hm(moment: dt.datetime) -> str:
    return moment.astimezone(BRANCH_TZ).strftime("%Y-%m-%d %H:%M")


class WeeklySummaryPage(Page):
    """One week: for the RM their own figures, findings and the submit button; for the supervisor
    the branch's RMs (on time / late / missing), the chosen RM's figures and findings, and the
    roll-up's PDF and .xlsx export.

    Signals:
        week_loaded(object): a ``WeekView`` (RM) or ``BranchWeek`` (supervisor) is on screen
        summary_submitted(object): the RM's ``WeekView`` after a successful submit
        rollup_exported(str): the roll-up file written, as a local path
        export_failed(str): what the person was told when the export failed
    """

    week_loaded = Signal(object)
    summary_submitted = Signal(object)
    rollup_exported = Signal(str)
    export_failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "weeklySummaryPage", parent)
        self.supervisor = ctx.actor.role == Role.SUPERVISOR
        self.view: WeekView | None = None
        self.branch: BranchWeek | None = None
        self._selected_rm: int | None = None
        self._last_dir: Path | None = None

        today = ctx.db.today()
        self.date_edit = QDateEdit(qdate(today))
        named(self.date_edit, "weekDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(qdate(today))
        self.previous_button = QPushButton(self.tr("◀ Previous week"))
        named(self.previous_button, "previousWeekButton")
        self.next_button = QPushButton(self.tr("Next week ▶"))
        named(self.next_button, "nextWeekButton")
        self.week_label = QLabel()
        named(self.week_label, "weekLabel")
        self.state_label = QLabel()
        named(self.state_label, "weeklyStateLabel")
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)

        self.figures_model = WeeklyFiguresModel(self)
        self.figures_table = QTableView()
        named(self.figures_table, "weeklyFiguresTable")
        self.figures_table.setModel(self.figures_model)
        self._table_look(self.figures_table)
        self.figures_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.figures_table.setMinimumWidth(280)
        self.figures_table.setMaximumWidth(380)

        self.findings_edit = QPlainTextEdit()
        named(self.findings_edit, "weeklyFindingsEdit")
        self.findings_edit.setPlaceholderText(self.tr(
            "What you found this week (clients' needs, market, problems) and what you suggest."))
        self.findings_edit.setTabChangesFocus(True)
        self.counter_label = QLabel()
        named(self.counter_label, "weeklyFindingsCounter")
        set_tone(self.counter_label, HINT)
        self.submit_button = QPushButton(self.tr("Submit the week's summary"))
        named(self.submit_button, "submitWeeklySummaryButton")
        self.errors = FieldErrors(FieldErrorLabel("weeklySummary", wrap=True))

        self.branch_model = WeeklyBranchModel(self)
        self.branch_table = QTableView()
        named(self.branch_table, "weeklyBranchTable")
        self.branch_table.setModel(self.branch_model)
        self._table_look(self.branch_table)
        self.branch_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.branch_table.horizontalHeader().setMinimumSectionSize(56)
        self.branch_table.setMaximumHeight(260)
        self.pdf_button = QPushButton(self.tr("Export roll-up PDF…"))
        named(self.pdf_button, "exportWeeklyPdfButton")
        self.xlsx_button = QPushButton(self.tr("Export roll-up Excel…"))
        named(self.xlsx_button, "exportWeeklyXlsxButton")
        self.export_label = ExportStatus("weeklyExportStatusLabel")
        self.watcher = ctx.changes()  # a summary submitted elsewhere, the week's work going on
        self._stale = False

        self._build_layout()
        self._connect_signals()
        self._update_week_label()
        self._show_view(None)

    def _table_look(self, table: QTableView) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Week of")))
        top.addWidget(self.date_edit)
        top.addWidget(self.previous_button)
        top.addWidget(self.next_button)
        top.addSpacing(12)
        top.addWidget(self.week_label, 1)
        top.addWidget(self.state_label)

        findings_box = QGroupBox(self.tr("Findings and suggestions"))
        form = QFormLayout(findings_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.add_row(form, "", self.findings_edit, "findings", "week", extra=self.counter_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        form.addRow(buttons)
        self.errors.general.place_in(form)

        middle = QHBoxLayout()
        middle.addWidget(self.figures_table)
        middle.addWidget(findings_box, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        if self.supervisor:
            exports = QHBoxLayout()
            exports.addWidget(self.export_label, 1)
            exports.addWidget(self.pdf_button)
            exports.addWidget(self.xlsx_button)
            layout.addWidget(self.branch_table)
            layout.addLayout(exports)
            self.submit_button.hide()
            self.findings_edit.setReadOnly(True)
            self.findings_edit.setPlaceholderText(self.tr("Choose an RM above to read their findings."))
            self.counter_label.hide()
        else:
            for widget in (self.branch_table, self.pdf_button, self.xlsx_button, self.export_label):
                widget.hide()
        layout.addLayout(middle, 1)

    def _connect_signals(self) -> None:
        self.date_edit.dateChanged.connect(self.on_date_changed)
        self.previous_button.clicked.connect(self.on_previous_clicked)
        self.next_button.clicked.connect(self.on_next_clicked)
        self.findings_edit.textChanged.connect(self.on_findings_changed)
        self.submit_button.clicked.connect(self.on_submit_clicked)
        self.branch_table.selectionModel().currentRowChanged.connect(self.on_current_row_changed)
        self.pdf_button.clicked.connect(self.on_pdf_clicked)
        self.xlsx_button.clicked.connect(self.on_xlsx_clicked)
        self.watcher.changed.connect(self.on_watcher_changed)

    # --- the page contract -------------------------------------------------------

    def refresh(self) -> None:
        """Read the chosen week afresh (shown, unlocked); today may have moved on."""
        super().refresh()
        self._stale = False
        self.date_edit.setMaximumDate(qdate(self.ctx.db.today()))
        self._load()

    def clear_sensitive(self) -> None:
        """The findings are personal text: none stays on a locked screen."""
        super().clear_sensitive()
        self.view = None
        self.branch = None
        self.findings_edit.clear()
        self.figures_model.clear()
        self.branch_model.clear()
        self.state_label.clear()
        self.export_label.clear()
        self.errors.clear()

    # --- the week -------------------------------------------------------------------

    @property
    def day(self) -> dt.date:
        return pydate(self.date_edit.date())

    @property
    def week_start(self) -> dt.date:
        from services import weekly

        return weekly.week_start(self.day)

    def _update_week_label(self) -> None:
        from services import weekly

        monday = self.week_start
        sunday = monday + dt.timedelta(days=6)
        due = weekly.due_at(monday)
        self.week_label.setText(self.tr("{first} to {last} · week {n} · due {due}").format(
            first=monday.isoformat(), last=sunday.isoformat(), n=monday.isocalendar().week, due=_hm(due)))
        self.next_button.setEnabled(monday + dt.timedelta(days=7) <= self.ctx.db.today())

    def _load(self) -> None:
        from services import weekly

        if self.cleared:
            return
        db, actor, day = self.ctx.db, self.ctx.actor, self.day
        if self.supervisor:
            self.run(lambda: weekly.branch_week(db, actor, day), self._show_branch, key="load")
        else:
            assert actor.staff_id is not None
            staff_id = actor.staff_id
            self.run(lambda: weekly.summary(db, actor, staff_id, day), self._show_view, key="load")

    def _reload_if_free(self) -> None:
        """Reload for a change made elsewhere unless busy; hidden, ``refresh()`` reads it when shown.

        Reloading never touches findings being typed: only a submitted summary's text is shown.
        """
        if self.cleared:
            return
        if not self.isVisible() or self.busy:
            self._stale = True
            return
        self._stale = False
        self._load()

    # --- the RM's week -----------------------------------------------------------------

    def _show_view(self, view: WeekView | None) -> None:
        # A refusal beside the findings stays until the person acts: a reload for a change made
        # elsewhere must not take it away.
        self.view = view
        if view is None:
            self.figures_model.clear()
            self.state_label.clear()
            self.submit_button.setEnabled(False)
            return
        self.figures_model.set_figures(view.figures)
        self._show_state(view.state, view.submitted_at)
        if view.findings is not None:
            self.findings_edit.setPlainText(view.findings)
            self.findings_edit.setReadOnly(True)
        elif self.findings_edit.isReadOnly():
            # From a submitted week to one still open: the submitted text was not typed here.
            self.findings_edit.clear()
            self.findings_edit.setReadOnly(False)
        self.submit_button.setEnabled(view.can_submit and not self.busy)
        self.week_loaded.emit(view)

    def _show_state(self, state: SummaryState, submitted_at: dt.datetime | None) -> None:
        text = state_label(state)
        if submitted_at is not None:
            text += self.tr(" at {at}").format(at=_hm(submitted_at))
        self.state_label.setText(text)
        set_tone(self.state_label, custom(state_colour(state), bold=True))

    def _on_submitted(self, view: WeekView) -> None:
        self.errors.clear()
        self._show_view(view)
        self.summary_submitted.emit(view)

    def _on_submit_failed(self, exc: BaseException) -> None:
        # Each problem beside its field; what was typed stays as typed.
        self.errors.show(exc)
        if not self.errors.claims(exc) and not isinstance(exc, ServiceError):
            self.show_error(exc)

    def set_busy(self, busy: bool) -> None:
        can_submit = self.view is not None and self.view.can_submit
        self.submit_button.setEnabled(not busy and can_submit)
        for widget in (self.date_edit, self.previous_button, self.pdf_button, self.xlsx_button):
            widget.setEnabled(not busy)
        if not busy:
            self._update_week_label()
        else:
            self.next_button.setEnabled(False)

    # --- the supervisor's week -------------------------------------------------------------

    def _show_branch(self, week: BranchWeek) -> None:
        from services.weekly import SummaryState

        self.branch = week
        self.branch_model.set_rows(week.rows)
        counts = self.tr("{on} on time · {late} late · {missing} missing · {open} not yet due").format(
            on=week.count(SummaryState.ON_TIME), late=week.count(SummaryState.LATE),
            missing=week.count(SummaryState.MISSING), open=week.count(SummaryState.NOT_SUBMITTED))
        self.state_label.setText(counts)
        set_tone(self.state_label, None)
        row = self.branch_model.row_of(self._selected_rm) if self._selected_rm is not None else None
        self.branch_table.selectRow(row if row is not None else 0)
        if not week.rows:
            self._show_rm(None)
        self.week_loaded.emit(week)

    def _show_rm(self, rm: RmWeek | None) -> None:
        if rm is None:
            self.figures_model.clear()
            self.findings_edit.clear()
            return
        self._selected_rm = rm.staff_id
        self.figures_model.set_figures(rm.figures)
        self.findings_edit.setPlainText(rm.findings or "")

    # --- exporting ----------------------------------------------------------------------------

    def default_file_name(self, suffix: str) -> str:
        base = self.tr("Weekly summary roll-up")
        return f"{base}_{self.week_start.isoformat()}{suffix}"

    def _ask_path(self, suffix: str) -> Path | None:
        """Where to save; None when the person cancels. Tests answer the QFileDialog."""
        file_filter = self.tr("PDF (*.pdf)") if suffix == ".pdf" else self.tr("Excel workbook (*.xlsx)")
        return ask_save_path(self, self.tr("Save the roll-up"), self._last_dir, self.default_file_name(suffix),
                             [(suffix, file_filter)])

    def export_to(self, path: Path) -> None:
        """Export the week's roll-up to ``path`` (its suffix picks PDF or .xlsx) on the lane."""
        from services import weekly

        if self.busy:
            return
        db, actor, day = self.ctx.db, self.ctx.actor, self.day
        self._last_dir = path.parent
        self.export_label.exporting(path)
        self.run(lambda: weekly.export_rollup(db, actor, day, path), self._on_exported,
                 failed=self._on_export_failed, busy=True, change=True)

    def _on_exported(self, path: Path) -> None:
        self.rollup_exported.emit(self.export_label.saved(path))

    def _on_export_failed(self, exc: BaseException) -> None:
        self.show_error(exc)
        self.export_failed.emit(self.export_label.failed(exc))

    def _export_asked(self, suffix: str) -> None:
        path = self._ask_path(suffix)
        if path is not None:
            self.export_to(path)

    # --- slots -----------------------------------------------------------------------------------

    @Slot()
    def on_watcher_changed(self) -> None:
        self._reload_if_free()

    @Slot(QDate)
    def on_date_changed(self, _date: QDate) -> None:
        self.errors.clear()
        self._update_week_label()
        if not self.cleared:
            self._load()

    @Slot()
    def on_previous_clicked(self) -> None:
        self.date_edit.setDate(qdate(self.week_start - dt.timedelta(days=7)))

    @Slot()
    def on_next_clicked(self) -> None:
        self.date_edit.setDate(qdate(min(self.week_start + dt.timedelta(days=7), self.ctx.db.today())))

    @Slot()
    def on_findings_changed(self) -> None:
        from services.weekly import FINDINGS_MAX

        n = len(self.findings_edit.toPlainText().strip())
        self.counter_label.setText(self.tr("{n} / {max} characters").format(n=n, max=FINDINGS_MAX))

    @Slot()
    def on_submit_clicked(self) -> None:
        from services import weekly

        if self.busy or self.view is None:
            return
        # The service decides what is acceptable (empty, too long, twice): its answer shows beside the field.
        db, actor, day, text = self.ctx.db, self.ctx.actor, self.day, self.findings_edit.toPlainText()
        self.errors.clear()
        self.run(lambda: weekly.submit(db, actor, day, text), self._on_submitted, failed=self._on_submit_failed,
                 busy=True, change=True)

    @Slot(QModelIndex, QModelIndex)
    def on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_rm(self.branch_model.rm_at(current.row()) if current.isValid() else None)

    @Slot()
    def on_pdf_clicked(self) -> None:
        self._export_asked(".pdf")

    @Slot()
    def on_xlsx_clicked(self) -> None:
        self._export_asked(".xlsx")
