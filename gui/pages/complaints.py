"""Client complaints (客户投诉): the lobby manager's list, overdue first, and every step of one (docs/complaints.md).

Anyone on staff records a complaint here and follows the ones they recorded (state and
deadline, without what the client said); the lobby manager and the supervisor see the
branch's, with the text, and move them on. ``complaintDueLabel`` counts the overdue and
the due today. The list follows changes made on any workstation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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
from gui.itemmodels.complaints import ComplaintTableModel, state_label
from gui.pages.base import Page
from gui.widgets.columns import fit_columns
from gui.widgets.field_error import FieldErrorLabel, named
from gui.widgets.tone import ALERT, HINT, set_tone
from services.errors import Conflict
from services.permissions import Action, allowed, owns_complaints

# Services and dialogs used only when the person acts are imported where used, not at start-up
# (docs/architecture.md "Start-up"); here for annotations only.
if TYPE_CHECKING:
    from services.complaints import ComplaintRow, DueCounts



class ComplaintPage(Page):
    """The complaints this person sees, open first (the most overdue on top).

    Signals:
        complaint_changed(int): a complaint was recorded or moved on from this page (its id)
    """

    complaint_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "complaintPage", parent)
        self.owner = owns_complaints(ctx.actor)
        self._dialog: QDialog | None = None
        self._sized = False
        self._select_id: int | None = None
        self.model = ComplaintTableModel(ctx, self)
        self.watcher = ctx.changes()
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        title = QLabel(self.tr("Complaints") if self.owner else self.tr("Complaints I recorded"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        self.due_label = named(QLabel(), "complaintDueLabel")
        self.open_only_check = named(QCheckBox(self.tr("Open only")), "complaintOpenOnlyCheck")
        self.new_button = named(QPushButton(self.tr("&New complaint…")), "newComplaintButton")
        self.start_button = named(QPushButton(self.tr("&Start handling")), "startComplaintButton")
        self.reply_button = named(QPushButton(self.tr("&Reply…")), "replyComplaintButton")
        self.close_button = named(QPushButton(self.tr("&Close…")), "closeComplaintButton")
        self.extend_button = named(QPushButton(self.tr("&Extend…")), "extendComplaintButton")
        for button in (self.start_button, self.reply_button, self.close_button):
            button.setVisible(self.owner)
        self.extend_button.setVisible(allowed(self.ctx.actor.role, Action.COMPLAINT_EXTEND))
        self.refresh_button = named(QPushButton(self.tr("Refresh (F5)")), "refreshComplaintsButton")
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))

        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(16)
        bar.addWidget(self.due_label)
        bar.addStretch(1)
        bar.addWidget(self.open_only_check)
        bar.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addStretch(1)
        for button in (self.start_button, self.reply_button, self.close_button, self.extend_button):
            actions.addWidget(button)

        self.table = named(QTableView(), "complaintTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.detail_label = named(QLabel(), "complaintDetailLabel")
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = FieldErrorLabel("complaintTable", wrap=True)
        hint = QLabel(self.tr("Due 3 working days after receipt (public holidays and the branch's own list "
                              "count); the supervisor may extend once, to 7. Overdue complaints are red and on top."))
        hint.setWordWrap(True)
        set_tone(hint, HINT)

        page = QVBoxLayout(self)
        page.setContentsMargins(12, 10, 12, 10)
        page.setSpacing(8)
        page.addLayout(bar)
        page.addLayout(actions)
        page.addWidget(self.table, 1)
        page.addWidget(self.detail_label)
        page.addWidget(self.error_label)
        page.addWidget(hint)
        self._update_buttons()

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.on_new_clicked)
        self.start_button.clicked.connect(self.on_start_clicked)
        self.reply_button.clicked.connect(self.on_reply_clicked)
        self.close_button.clicked.connect(self.on_close_clicked)
        self.extend_button.clicked.connect(self.on_extend_clicked)
        self.refresh_button.clicked.connect(self.refresh)
        self.open_only_check.toggled.connect(self.on_open_only_toggled)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.model.window_loaded.connect(self.on_model_window_loaded)
        self.model.modelReset.connect(self._update_buttons)
        self.model.load_failed.connect(self.on_model_load_failed)
        self.watcher.changed.connect(self.on_watcher_changed)

    # --- the page contract ------------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        self.error_label.clear_error()
        self.model.set_query(open_only=self.open_only_check.isChecked())
        self._load_counts()

    def clear_sensitive(self) -> None:
        super().clear_sensitive()
        if self._dialog is not None:
            self._dialog.reject()
        self.model.clear()
        self.detail_label.clear()
        self.due_label.clear()

    def _load_counts(self) -> None:
        from services import complaints

        db, actor = self.ctx.db, self.ctx.actor
        self.run(lambda: complaints.due_counts(db, actor), self._show_counts, key="counts")

    def _show_counts(self, counts: DueCounts) -> None:
        self.due_label.setText(self.tr("{overdue} overdue · {today} due today").format(
            overdue=counts.overdue, today=counts.due_today))
        set_tone(self.due_label, ALERT if counts.overdue else HINT)

    # --- slots ----------------------------------------------------------------------------------

    @Slot()
    def on_watcher_changed(self) -> None:
        if not self.cleared and self.isVisible():
            self.model.reload()
            self._load_counts()

    @Slot(bool)
    def on_open_only_toggled(self, _checked: bool) -> None:
        if not self.cleared:
            self.model.set_query(open_only=self.open_only_check.isChecked())

    @Slot()
    def on_model_window_loaded(self) -> None:
        self.error_label.clear_error()
        if self.model.rowCount() and not self._sized:
            fit_columns(self.table)
            self._sized = True
        if self._select_id is not None:
            at = self.model.row_of(self._select_id)
            if at >= 0:
                self.table.selectRow(at)
            self._select_id = None
        self._update_buttons()

    @Slot(object)
    def on_model_load_failed(self, exc: BaseException) -> None:
        self.error_label.show_error(messages.describe(exc))

    @Slot(QItemSelection, QItemSelection)
    def on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def selected_row(self) -> ComplaintRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_complaint(self, complaint_id: int) -> bool:
        """Select the row of ``complaint_id`` if it is shown (tests, and after a change)."""
        at = self.model.row_of(complaint_id)
        if at >= 0:
            self.table.selectRow(at)
        return at >= 0

    def _update_buttons(self) -> None:
        row = self.selected_row()
        # What may be done is the service's answer on the row (docs/architecture.md "Rules live in services").
        self.start_button.setEnabled(row is not None and row.can_start)
        self.reply_button.setEnabled(row is not None and row.can_reply)
        self.close_button.setEnabled(row is not None and row.can_close)
        self.extend_button.setEnabled(row is not None and row.can_extend)
        self.detail_label.setText(self._detail(row) if row is not None else "")

    def _detail(self, row: ComplaintRow) -> str:
        lines = [self.tr("{state}; received {received}; due {due}").format(
            state=state_label(row.state), received=row.received_on.isoformat(), due=row.due_on.isoformat())]
        if row.extended:
            lines.append(self.tr("Extended from {first}: {reason}").format(
                first=row.first_due_on.isoformat(), reason=row.extension_reason or self.tr("(reason not shown)")))
        if row.content is not None:
            lines.append(self.tr("Said: {text}").format(text=row.content))
        if row.reply is not None:
            lines.append(self.tr("Reply ({day}): {text}").format(
                day=row.replied_on.isoformat() if row.replied_on else "", text=row.reply))
        if row.justified is not None:
            lines.append(self.tr("Justified") if row.justified else self.tr("Not justified"))
        return "\n".join(lines)

    # --- steps ----------------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._on_dialog_finished)
        self._dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        self._dialog = None

    @Slot(int)
    def on_saved(self, complaint_id: int) -> None:
        self._select_id = complaint_id
        self.model.reload()
        self._load_counts()
        self.complaint_changed.emit(complaint_id)

    @Slot()
    def on_new_clicked(self) -> None:
        from gui.dialogs.complaint import NewComplaintDialog

        dialog = NewComplaintDialog(self.ctx, self)
        dialog.saved.connect(self.on_saved)
        self._open(dialog)

    @Slot()
    def on_reply_clicked(self) -> None:
        from gui.dialogs.complaint import ReplyComplaintDialog

        row = self.selected_row()
        if row is not None and row.can_reply:
            dialog = ReplyComplaintDialog(self.ctx, row, self)
            dialog.saved.connect(self.on_saved)
            self._open(dialog)

    @Slot()
    def on_close_clicked(self) -> None:
        from gui.dialogs.complaint import CloseComplaintDialog

        row = self.selected_row()
        if row is not None and row.can_close:
            dialog = CloseComplaintDialog(self.ctx, row, self)
            dialog.saved.connect(self.on_saved)
            self._open(dialog)

    @Slot()
    def on_extend_clicked(self) -> None:
        from gui.dialogs.complaint import ExtendComplaintDialog

        row = self.selected_row()
        if row is not None and row.can_extend:
            dialog = ExtendComplaintDialog(self.ctx, row, self)
            dialog.saved.connect(self.on_saved)
            self._open(dialog)

    @Slot()
    def on_start_clicked(self) -> None:
        from services import complaints

        row = self.selected_row()
        if row is None or not row.can_start:
            return
        db, actor, key, version = self.ctx.db, self.ctx.actor, row.id, row.version

        def failed(exc: BaseException) -> None:
            self.show_error(exc)
            if isinstance(exc, Conflict):
                self.model.reload()

        self.run(lambda: complaints.start_handling(db, actor, key, version=version),
                 lambda _version: self.on_saved(key), failed=failed, change=True)


__all__ = ["ComplaintPage"]
