"""The installation's branches: the list and a new branch (the administrator; docs/branches.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Slot
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

from gui.dialogs.new_branch import NewBranchDialog
from gui.itemmodels.branches import BranchTableModel
from gui.pages.base import Page
from gui.widgets.field_error import FieldErrorLabel, named
from services import branches

if TYPE_CHECKING:
    from gui.context import AppContext


class BranchesPage(Page):
    """``branchTable`` lists every branch; ``newBranchButton`` opens the new-branch dialog.

    Who may is decided in ``services.branches`` (``Action.BRANCH_MANAGE``); no client data is shown.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "branchesPage", parent)
        self._dialog: QDialog | None = None
        self._select_after_load: str | None = None
        title = named(QLabel(self.tr("Branches")), "branchesPageTitleLabel")
        hint = named(QLabel(self.tr("Every branch of this installation. Staff, clients, referrals and settings belong "
                              "to one branch; a branch's staff see only their own.")), "branchesPageHintLabel")
        hint.setWordWrap(True)
        self.model = BranchTableModel(self)
        self.table = named(QTableView(), "branchTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.new_button = named(QPushButton(self.tr("&New branch…")), "newBranchButton")
        self.general_error = FieldErrorLabel("branchesPage", wrap=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.general_error)
        self.new_button.clicked.connect(self.on_new_clicked)

    def refresh(self) -> None:
        super().refresh()
        db, actor = self.ctx.db, self.ctx.actor
        self.run(lambda: branches.list_branches(db, actor), self.on_loaded, failed=self.on_failed, key="load")

    def clear_sensitive(self) -> None:
        super().clear_sensitive()
        if self._dialog is not None:
            self._dialog.reject()
        self.model.clear()

    def on_loaded(self, rows: list[branches.BranchRow]) -> None:
        self.general_error.clear_error()
        self.model.set_rows(rows)
        code, self._select_after_load = self._select_after_load, None
        if code is not None and (row := self.model.row_of(code)) >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def on_failed(self, exc: BaseException) -> None:
        self.general_error.show_error(str(exc))

    @Slot()
    def on_new_clicked(self) -> None:
        if self._dialog is not None:
            return
        dialog = NewBranchDialog(self.ctx, self)
        dialog.added.connect(self.on_added)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._on_dialog_finished)
        self._dialog = dialog
        dialog.open()

    def on_added(self, code: str) -> None:
        self._select_after_load = code
        self.refresh()

    def _on_dialog_finished(self, _result: int) -> None:
        self._dialog = None

    def set_busy(self, busy: bool) -> None:
        self.new_button.setEnabled(not busy)
