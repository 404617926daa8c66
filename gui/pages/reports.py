"""推介统计表 page: choose daily / weekly / monthly and a date, export PDF or .xlsx off the GUI thread."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import shiboken6
from PySide6.QtCore import QDate, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import messages
from gui.context import AppContext
from gui.pages.base import Page
from gui.widgets.dates import pydate, qdate
from gui.widgets.export_status import ExportStatus
from gui.widgets.field_error import named
from gui.widgets.save_path import ask_save_path
from gui.widgets.tone import HINT, set_tone
from services import accounts
from services.permissions import Action, allowed
from services.stats import period_of

KINDS = ("daily", "weekly", "monthly")
SUFFIXES = (".pdf", ".xlsx")


class ReportsPage(Page):
    """Exports the referral statistics sheet for a day, a week or a month.

    The export runs on the database lane while a busy bar shows; afterwards the
    page offers to open the file (a non-modal box, so nothing blocks).

    Signals:
        report_exported(str): the file written, as a local path
        export_failed(str): what the person was told when the export failed
    """

    report_exported = Signal(str)
    export_failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "reportsPage", parent)
        self._done_box: QMessageBox | None = None
        self._last_dir: Path | None = None
        self._many_branches = False

        self.kind_combo = QComboBox()
        named(self.kind_combo, "reportKindCombo")
        for kind, label in zip(KINDS, (self.tr("Daily"), self.tr("Weekly"), self.tr("Monthly")), strict=True):
            self.kind_combo.addItem(label, kind)
        today = ctx.db.today()
        self.date_edit = QDateEdit(qdate(today))
        named(self.date_edit, "reportDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(qdate(today))
        self.period_label = QLabel()
        named(self.period_label, "reportPeriodLabel")
        self.all_branches_check = QCheckBox(self.tr("All branches"))
        named(self.all_branches_check, "allBranchesCheck")
        self.all_branches_check.hide()  # only for the supervisor, once we know there is more than one branch
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        named(self.pdf_button, "exportPdfButton")
        self.xlsx_button = QPushButton(self.tr("Export Excel…"))
        named(self.xlsx_button, "exportXlsxButton")
        self.progress = QProgressBar()
        named(self.progress, "reportProgressBar")
        self.progress.setRange(0, 0)  # busy mode: a report has no meaningful percentage
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        self.progress.hide()
        self.status_label = ExportStatus("reportStatusLabel")

        note = QLabel(self.tr("Counts per referrer and per RM by business day. The PDF is A4, ready to print and "
                              "sign; the Excel workbook is for further work. Client data is masked."))
        named(note, "reportNoteLabel")
        note.setWordWrap(True)
        set_tone(note, HINT)
        box = QGroupBox(self.tr("Referral statistics sheet"))
        box.setMinimumWidth(480)
        box.setMaximumWidth(560)
        self.kind_combo.setMinimumWidth(180)
        self.date_edit.setMinimumWidth(180)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("Sheet"), self.kind_combo)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Period"), self.period_label)
        form.addRow("", self.all_branches_check)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.xlsx_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        form.addRow("", self.progress)
        form.addRow("", self.status_label)
        inner = QVBoxLayout(box)
        inner.addWidget(note)
        inner.addSpacing(4)
        inner.addLayout(form)
        # No alignment flags on the box: an aligned widget gets its plain size hint, and the
        # word-wrapped note's hint is too short in English, squeezing the fields below it.
        row = QHBoxLayout()
        row.addWidget(box)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(row)
        layout.addStretch(1)
        self._connect_signals()
        self._update_period()

    def _connect_signals(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self.on_kind_changed)
        self.date_edit.dateChanged.connect(self.on_date_changed)
        self.pdf_button.clicked.connect(self.on_pdf_clicked)
        self.xlsx_button.clicked.connect(self.on_xlsx_clicked)

    # --- the page contract -------------------------------------------------------

    def refresh(self) -> None:
        """Today may have moved on; the supervisor's all-branches choice needs the branch count."""
        super().refresh()
        today = self.ctx.db.today()
        self.date_edit.setMaximumDate(qdate(today))
        if allowed(self.ctx.actor.role, Action.REPORT_ALL_BRANCHES):
            db = self.ctx.db
            self.run(lambda: len(accounts.list_branches(db)), self._on_branch_count)

    def clear_sensitive(self) -> None:
        """The idle lock: withdraw the offer to open the last sheet (it names clients, if masked)."""
        super().clear_sensitive()
        self._close_done_box()
        self.status_label.clear()

    # --- what is chosen ------------------------------------------------------------

    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    @property
    def day(self) -> dt.date:
        return pydate(self.date_edit.date())

    def period(self) -> tuple[dt.date, dt.date]:
        return period_of(self.kind, self.day)

    def default_file_name(self, suffix: str) -> str:
        """e.g. 推介统计表_日报_2026-11-20.pdf; a week or month is named by its period."""
        first, last = self.period()
        if self.kind == "daily":
            tag = first.isoformat()
        elif self.kind == "weekly":
            tag = f"{first.isoformat()}_{last.isoformat()}"
        else:
            tag = first.strftime("%Y-%m")
        base = self.tr("Referral statistics")
        return f"{base}_{self.kind_combo.currentText()}_{tag}{suffix}"

    def _update_period(self) -> None:
        first, last = self.period()
        if first == last:
            self.period_label.setText(first.isoformat())
        else:
            self.period_label.setText(self.tr("{first} to {last}").format(first=first.isoformat(),
                                                                           last=last.isoformat()))

    # --- exporting -----------------------------------------------------------------

    def _ask_path(self, suffix: str) -> Path | None:
        """Where to save; None when the person cancels. Tests replace this or call ``export_to``."""
        file_filter = self.tr("PDF (*.pdf)") if suffix == ".pdf" else self.tr("Excel workbook (*.xlsx)")
        return ask_save_path(self, self.tr("Save the sheet"), self._last_dir, self.default_file_name(suffix),
                             [(suffix, file_filter)])

    def export_to(self, path: Path) -> None:
        """Export the chosen sheet to ``path`` (its suffix picks PDF or .xlsx) on the lane."""
        if self.busy:
            return
        path = Path(path)
        if path.suffix.lower() not in SUFFIXES:
            text = self.tr("A sheet is saved as .pdf or .xlsx.")
            self.status_label.setText(text)
            self.export_failed.emit(text)
            return
        # The service takes any day of the period and finds the period itself.
        db, actor, kind, day, all_branches = self.ctx.db, self.ctx.actor, self.kind, self.day, self._all_branches()
        self._last_dir = path.parent
        self._close_done_box()
        self.status_label.exporting(path)

        def job() -> Path:
            # Imported here: ReportLab and openpyxl load only when someone exports.
            from services.reports import export_report

            return export_report(db, actor, kind, day, path, all_branches=all_branches)

        self.run(job, self._on_exported, failed=self._on_export_failed, busy=True, change=True)

    def _all_branches(self) -> bool:
        return self._many_branches and self.all_branches_check.isChecked()

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for widget in (self.kind_combo, self.date_edit, self.all_branches_check, self.pdf_button, self.xlsx_button):
            widget.setEnabled(not busy)

    def _close_done_box(self) -> None:
        if self._done_box is not None and shiboken6.isValid(self._done_box):
            self._done_box.close()
        self._done_box = None

    def _on_exported(self, path: Path) -> None:
        text = self.status_label.saved(path)
        self.report_exported.emit(text)
        self._done_box = messages.confirm(
            self, self.tr("Sheet exported"), self.tr("The sheet is saved. Open it now?"),
            lambda: self._open_file(text), name="reportExportedBox",
            yes=messages.Button.Open, no=messages.Button.Close, yes_text=self.tr("Open"), no_text=self.tr("Close"),
            informative=text, modal=False)

    @staticmethod
    def _open_file(path: str) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _on_export_failed(self, exc: BaseException) -> None:
        self.show_error(exc)  # logs a bug's traceback once; the box says what went wrong
        self.export_failed.emit(self.status_label.failed(exc))

    def _on_branch_count(self, count: int) -> None:
        self._many_branches = count > 1
        self.all_branches_check.setVisible(self._many_branches)

    # --- slots -----------------------------------------------------------------------

    @Slot(int)
    def on_kind_changed(self, _index: int) -> None:
        self._update_period()

    @Slot(QDate)
    def on_date_changed(self, _date: QDate) -> None:
        self._update_period()

    @Slot()
    def on_pdf_clicked(self) -> None:
        self._export_asked(".pdf")

    @Slot()
    def on_xlsx_clicked(self) -> None:
        self._export_asked(".xlsx")

    def _export_asked(self, suffix: str) -> None:
        path = self._ask_path(suffix)
        if path is not None:
            self.export_to(path)
