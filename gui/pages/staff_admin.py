"""The administrator's page: the branch's staff accounts, new accounts, password resets, enable/disable."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from gui.itemmodels.staff_table import StaffTableModel
from gui.pages.base import Page
from gui.widgets.field_error import FieldErrorLabel, FieldErrors, named
from gui.widgets.labels import role_label
from models import Role
from services import accounts

if TYPE_CHECKING:
    from gui.context import AppContext


class StaffAdminPage(Page):
    """Lists the branch's accounts; adds one with a one-time password shown once; resets; disables.

    Every change is permission-checked in ``services.accounts`` (only ``admin``).

    Signals:
        staff_changed(): an account was added, reset, enabled or disabled
    """

    staff_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "staffPage", parent)
        self._select_after_load: int | None = None

        title = named(QLabel(self.tr("Staff accounts")), "staffPageTitleLabel")
        hint = named(QLabel(self.tr("A new account, or a reset, gets a one-time password that is shown only "
                                    "once: hand it to the person; they choose their own at the first sign-in.")),
                     "staffPageHintLabel")
        hint.setWordWrap(True)

        self.model = StaffTableModel(self)
        self.table = named(QTableView(), "staffTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)

        self.reset_button = named(QPushButton(self.tr("Reset password")), "resetPasswordButton")
        self.toggle_button = named(QPushButton(self.tr("Disable")), "toggleActiveButton")
        for b in (self.reset_button, self.toggle_button):
            b.setEnabled(False)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.reset_button)
        row_buttons.addWidget(self.toggle_button)
        row_buttons.addStretch(1)

        self.staff_id_edit = named(QLineEdit(), "staffIdEdit")
        self.staff_id_edit.setMaxLength(32)
        self.staff_id_edit.setPlaceholderText(self.tr("e.g. T0012"))
        self.staff_name_edit = named(QLineEdit(), "staffNameEdit")
        self.staff_name_edit.setMaxLength(30)
        self.role_combo = named(QComboBox(), "staffRoleCombo")
        for role in Role:
            if role is not Role.HEAD_OFFICE:  # of no branch: the installation's, set up by the command line
                self.role_combo.addItem(role_label(role), role.value)
        self.add_button = named(QPushButton(self.tr("Add account")), "addStaffButton")
        self.general_error = FieldErrorLabel("staffPage", wrap=True)
        self.errors = FieldErrors(self.general_error)

        add_box = named(QGroupBox(self.tr("Add an account")), "addStaffGroup")
        form = QFormLayout(add_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.add_row(form, self.tr("Staff ID"), self.staff_id_edit, "staff_id")
        self.errors.add_row(form, self.tr("Name"), self.staff_name_edit, "name")
        self.errors.add_row(form, self.tr("Role"), self.role_combo, "role")
        form.addRow("", self.add_button)

        self.password_label = named(QLabel(), "oneTimePasswordLabel")
        self.password_label.setWordWrap(True)
        self.password_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.password_label.hide()

        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addLayout(row_buttons)
        right = QVBoxLayout()
        right.addWidget(add_box)
        right.addWidget(self.password_label)
        right.addWidget(self.general_error)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addSpacing(12)
        body.addLayout(right, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(body, 1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.staff_name_edit.returnPressed.connect(self.on_add_clicked)
        self.reset_button.clicked.connect(self.on_reset_clicked)
        self.toggle_button.clicked.connect(self.on_toggle_clicked)

    # --- the page contract ----------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        db, actor = self.ctx.db, self.ctx.actor
        self.run(lambda: accounts.staff_accounts(db, actor), self.on_staff_loaded, failed=self.on_failed, key="load")

    def clear_sensitive(self) -> None:
        """A one-time password must not outlive the lock; the list is reloaded on refresh."""
        super().clear_sensitive()
        self._hide_password()
        self.errors.clear()
        self.model.clear()
        self.on_selection_changed()

    # --- slots --------------------------------------------------------------------------------

    def on_staff_loaded(self, rows: list[accounts.StaffInfo]) -> None:
        keep, self._select_after_load = self._select_after_load, None
        if keep is None and (selected := self._selected()) is not None:
            keep = selected.id
        self.model.set_rows(rows)
        if keep is not None and (row := self.model.row_of(keep)) >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.on_selection_changed()

    def on_failed(self, exc: BaseException) -> None:
        self.errors.show(exc)

    @Slot()
    def on_selection_changed(self) -> None:
        info = self._selected()
        self.reset_button.setEnabled(info is not None and not self.busy)
        # Disabling oneself would leave the branch without anyone to undo it.
        self.toggle_button.setEnabled(info is not None and not self.busy and info.id != self.ctx.actor.staff_id)
        self.toggle_button.setText(self.tr("Enable") if info is not None and not info.active else self.tr("Disable"))

    @Slot()
    def on_add_clicked(self) -> None:
        if self.busy:
            return
        self.errors.clear()
        self._hide_password()
        db, actor = self.ctx.db, self.ctx.actor
        staff_no, name = self.staff_id_edit.text().strip(), self.staff_name_edit.text()
        role = str(self.role_combo.currentData())

        def add() -> tuple[accounts.StaffInfo, str]:
            return accounts.add_staff(db, actor, staff_no=staff_no, name=name, role=role, must_change_password=True)

        self.run(add, self.on_added, failed=self.on_failed, busy=True, change=True)

    def on_added(self, result: tuple[accounts.StaffInfo, str]) -> None:
        info, password = result
        self.staff_id_edit.clear()
        self.staff_name_edit.clear()
        self._show_password(info.staff_no, info.name, password)
        self._select_after_load = info.id
        self.staff_changed.emit()
        self.refresh()

    @Slot()
    def on_reset_clicked(self) -> None:
        info = self._selected()
        if self.busy or info is None:
            return
        self.errors.clear()
        self._hide_password()
        db, actor, staff_id, staff_no, name = self.ctx.db, self.ctx.actor, info.id, info.staff_no, info.name

        def done(password: str) -> None:
            self._show_password(staff_no, name, password)
            self.staff_changed.emit()

        self.run(lambda: accounts.reset_password(db, actor, staff_id), done, failed=self.on_failed, busy=True,
                 change=True)

    @Slot()
    def on_toggle_clicked(self) -> None:
        info = self._selected()
        if self.busy or info is None:
            return
        staff_id, active = info.id, not info.active
        self.errors.clear()
        db, actor = self.ctx.db, self.ctx.actor

        def done(_result: None) -> None:
            self.staff_changed.emit()
            self.refresh()

        self.run(lambda: accounts.set_active(db, actor, staff_id, active), done, failed=self.on_failed, busy=True,
                 change=True)

    # --- helpers ------------------------------------------------------------------------------

    def _selected(self) -> accounts.StaffInfo | None:
        if not shiboken6.isValid(self.table):
            # The window is being torn down: its selection model still says "changed" on the way out.
            return None
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_info(rows[0].row()) if rows else None

    def _show_password(self, staff_no: str, name: str, password: str) -> None:
        self.password_label.setText(self.tr("One-time password for {staff_no} {name}: {password}\n"
                                            "Shown only now. Hand it over in person; it must be changed "
                                            "at the first sign-in.").format(
            staff_no=staff_no, name=name, password=password))
        self.password_label.show()

    def _hide_password(self) -> None:
        self.password_label.clear()
        self.password_label.hide()

    def set_busy(self, busy: bool) -> None:
        self.add_button.setEnabled(not busy)
        self.on_selection_changed()
