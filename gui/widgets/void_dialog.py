"""Asks why a referral is voided; stays open showing the problem until the void is saved."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from gui.widgets.field_error import FieldErrorLabel, named

REASON_MAX = 200


class VoidReasonDialog(QDialog):
    """The reason for voiding one referral (作废原因).

    The page does the void on the database lane when ``reason_entered`` fires
    and then either ``accept()``s the dialog or calls ``show_error``, so a
    refused reason stays on screen as typed.

    Signals:
        reason_entered(str): the person confirmed with this reason
    """

    reason_entered = Signal(str)

    def __init__(self, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "voidReferralDialog")
        self.setWindowTitle(self.tr("Void referral"))
        self.setMinimumWidth(420)
        prompt = QLabel(self.tr("Void the referral of {client}? It stays in the lists, struck through.")
                        .format(client=summary))
        prompt.setWordWrap(True)
        self.reason_edit = QLineEdit()
        named(self.reason_edit, "voidReasonEdit")
        self.reason_edit.setMaxLength(REASON_MAX)
        self.reason_edit.setPlaceholderText(self.tr("Reason (required)"))
        self.error_label = FieldErrorLabel("voidReasonEdit", wrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        named(ok, "voidConfirmButton")
        ok.setText(self.tr("Void"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box = QVBoxLayout(self)
        box.addWidget(prompt)
        box.addWidget(self.reason_edit)
        box.addWidget(self.error_label)
        box.addWidget(self.buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    @Slot()
    def on_buttons_accepted(self) -> None:
        self.error_label.clear_error()
        self.buttons.setEnabled(False)  # one void at a time; show_error or accept() follows
        self.reason_entered.emit(self.reason_edit.text())

    def show_error(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.error_label.show_error(message)
        self.reason_edit.setFocus()
