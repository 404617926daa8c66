"""The account-closure retention page (优质客户异动销户记录表, docs/retention.md): the records the person may
see, open first; flag a client, record an effort, close with a result."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QItemSelection, QModelIndex, Slot
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

from gui import messages
from gui.context import AppContext
from gui.itemmodels.retention import RetentionTableModel
from gui.pages.base import Page
from gui.widgets.columns import fit_columns
from gui.widgets.field_error import FieldErrorLabel, named
from gui.widgets.tone import HINT, set_tone
from services.permissions import Action, allowed

# Services and dialogs used only when the person acts are imported where used, not at start-up
# (docs/architecture.md "Start-up"); here for annotations only.
if TYPE_CHECKING:
    from services.retention import RetentionRow



class RetentionPage(Page):
    """Tellers and the lobby manager flag; the client's RM and the supervisor work the record.

    Which records show, which names are masked, and whether a row may be worked
    (``RetentionRow.can_work``) are the service's answers.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "retentionPage", parent)
        self.model = RetentionTableModel(ctx, self)
        self.watcher = ctx.changes()
        self.dialog: QDialog | None = None
        self._sized = False
        self._select_when_loaded: int | None = None
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        title = QLabel(self.tr("Account closures and retention"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        self.summary_label = named(QLabel(), "retentionSummaryLabel")
        set_tone(self.summary_label, HINT)
        self.new_button = named(QPushButton(self.tr("&Flag a closure…")), "newRetentionButton")
        self.new_button.setVisible(allowed(self.ctx.actor.role, Action.RETENTION_FLAG))
        self.action_button = named(QPushButton(self.tr("Record &effort…")), "recordRetentionActionButton")
        self.close_button = named(QPushButton(self.tr("&Close with result…")), "closeRetentionButton")
        works = allowed(self.ctx.actor.role, Action.RETENTION_WORK)
        for button in (self.action_button, self.close_button):
            button.setVisible(works)
            button.setEnabled(False)

        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(12)
        bar.addWidget(self.summary_label)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.action_button)
        bar.addWidget(self.close_button)

        self.table = named(QTableView(), "retentionTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.error_label = FieldErrorLabel("retentionTable", wrap=True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.on_new_clicked)
        self.action_button.clicked.connect(self.on_action_clicked)
        self.close_button.clicked.connect(self.on_close_clicked)
        self.table.doubleClicked.connect(self.on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.model.window_loaded.connect(self.on_model_window_loaded)
        self.model.modelReset.connect(self._update_buttons)
        self.model.load_failed.connect(self.on_model_load_failed)
        self.watcher.changed.connect(self.on_watcher_changed)

    # --- the page contract ------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        self.error_label.clear_error()
        self.model.reload()

    def clear_sensitive(self) -> None:
        super().clear_sensitive()
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()
        self.model.clear()
        self.summary_label.clear()

    def selected_row(self) -> RetentionRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_record(self, record_id: int) -> None:
        """Select a record's row, now or as soon as it is loaded."""
        k = self.model.row_of(record_id)
        if k < 0:
            self._select_when_loaded = record_id
            return
        self._select_when_loaded = None
        self.table.selectRow(k)
        self.table.scrollTo(self.model.index(k, 0))

    # --- slots -------------------------------------------------------------------------

    @Slot()
    def on_watcher_changed(self) -> None:
        if not self.cleared and self.isVisible():
            self.model.reload()

    @Slot()
    def on_model_window_loaded(self) -> None:
        self.error_label.clear_error()
        rows = [self.model.row_at(k) for k in range(self.model.rowCount())]
        open_rows = sum(1 for r in rows if r is not None and r.is_open)
        text = self.tr("{open} open of {n} shown; more below") if self.model.canFetchMore() else self.tr(
            "{open} open of {n} shown")
        self.summary_label.setText(text.format(open=open_rows, n=len(rows)))
        if self.model.rowCount() and not self._sized:
            fit_columns(self.table)
            self._sized = True
        if self._select_when_loaded is not None and self.model.row_of(self._select_when_loaded) >= 0:
            self.select_record(self._select_when_loaded)
        self._update_buttons()

    @Slot(object)
    def on_model_load_failed(self, exc: BaseException) -> None:
        self.error_label.show_error(messages.describe(exc))

    @Slot(QItemSelection, QItemSelection)
    def on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        row = self.selected_row()
        workable = row is not None and row.can_work  # the service's rule
        self.action_button.setEnabled(workable)
        self.close_button.setEnabled(workable)

    @Slot(QModelIndex)
    def on_table_double_clicked(self, _index: QModelIndex) -> None:
        if self.action_button.isEnabled():
            self.on_action_clicked()

    @Slot()
    def on_new_clicked(self) -> None:
        from gui.dialogs.retention import FlagRetentionDialog

        if self.dialog is not None:
            return
        dialog = FlagRetentionDialog(self.ctx, self)
        dialog.flagged.connect(self.on_dialog_saved)
        self._open(dialog)

    @Slot()
    def on_action_clicked(self) -> None:
        from gui.dialogs.retention import RetentionActionDialog

        row = self.selected_row()
        if row is None or not row.can_work or self.dialog is not None:
            return
        dialog = RetentionActionDialog(self.ctx, row, self)
        dialog.saved.connect(self.on_dialog_saved)
        self._open(dialog)

    @Slot()
    def on_close_clicked(self) -> None:
        from gui.dialogs.retention import CloseRetentionDialog

        row = self.selected_row()
        if row is None or not row.can_work or self.dialog is not None:
            return
        dialog = CloseRetentionDialog(self.ctx, row, self)
        dialog.saved.connect(self.on_dialog_saved)
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        dialog.finished.connect(self.on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    @Slot(int)
    def on_dialog_saved(self, record_id: int) -> None:
        self._select_when_loaded = record_id
        self.model.reload()

    @Slot(int)
    def on_dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.deleteLater()
        if not self.cleared:
            self.model.reload()  # a refused save (someone else changed it) shows what they saved


__all__ = ["RetentionPage"]
