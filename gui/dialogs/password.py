"""Changing one's own password: forced after the first sign-in, or chosen from the menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs.base import LaneDialog
from gui.widgets.field_error import named

if TYPE_CHECKING:
    from gui.worker import DbLane
    from services.db import Database
    from services.permissions import Actor


class PasswordChangeDialog(LaneDialog):
    """New password twice (and the current one when the change is voluntary), checked by the service.

    Signals:
        password_changed(): the service accepted the new password
    """

    password_changed = Signal()

    def __init__(self, db: Database, lane: DbLane, actor: Actor, *, forced: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(lane, "passwordDialog", "passwordDialogError", parent)
        self._db = db
        self._actor = actor
        self._forced = forced
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(440)

        if forced:
            intro_text = self.tr("Welcome, {name}. Before you start, replace the password you were given "
                                 "with one only you know.").format(name=actor.name)
        else:
            intro_text = self.tr("Change the password of {name} ({staff_no}).").format(
                name=actor.name, staff_no=actor.staff_no)
        intro = QLabel(intro_text)
        intro.setObjectName("passwordIntroLabel")
        intro.setWordWrap(True)
        rules = QLabel(self.tr("A password has at least 8 characters, with both letters and digits, "
                               "and differs from the current one."))
        rules.setObjectName("passwordRulesLabel")
        rules.setWordWrap(True)

        self.old_edit = self._password_edit("oldPasswordEdit")
        self.new_edit = self._password_edit("newPasswordEdit")
        self.confirm_edit = self._password_edit("confirmPasswordEdit")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if not forced:
            self.errors.add_row(form, self.tr("Current password"), self.old_edit, "old_password")
        else:
            self.old_edit.hide()
        self.errors.add_row(form, self.tr("New password"), self.new_edit, "new_password")
        self.errors.add_row(form, self.tr("New password again"), self.confirm_edit, "confirm")

        self.change_button = named(QPushButton(self.tr("Change password")), "changePasswordButton")
        self.change_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("Sign out") if forced else self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelPasswordButton")
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.change_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(rules)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        self._connect_signals()

    def _password_edit(self, name: str) -> QLineEdit:
        edit = named(QLineEdit(), name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(128)
        return edit

    def _connect_signals(self) -> None:
        self.change_button.clicked.connect(self.on_change_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.old_edit.returnPressed.connect(self.new_edit.setFocus)
        self.new_edit.returnPressed.connect(self.confirm_edit.setFocus)
        self.confirm_edit.returnPressed.connect(self.on_change_clicked)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        (self.new_edit if self._forced else self.old_edit).setFocus()

    @Slot()
    def on_change_clicked(self) -> None:
        if self.busy:
            return
        self.errors.clear()
        db, actor = self._db, self._actor
        old = None if self._forced else self.old_edit.text()
        new, confirm = self.new_edit.text(), self.confirm_edit.text()

        def change() -> None:
            from services.accounts import change_password

            change_password(db, actor, old, new, confirm)

        self.run(change, self.on_change_done, busy=True, change=True)  # refused: beside the fields

    def on_change_done(self, _result: None) -> None:
        for edit in (self.old_edit, self.new_edit, self.confirm_edit):
            edit.clear()
        self.accept()
        self.password_changed.emit()

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        for w in (self.old_edit, self.new_edit, self.confirm_edit, self.change_button, self.cancel_button):
            w.setEnabled(not busy)
