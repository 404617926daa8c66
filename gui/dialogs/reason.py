"""Asks why: the reason for voiding a referral, for closing a day anyway, for reopening one.

The dialog stays open while the change runs: the caller answers ``reason_entered``
with ``accept()`` once the change is saved or ``show_error()`` when the service
refused the reason, so a refused reason stays on screen as typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from gui.widgets.field_error import FieldErrorLabel, FieldErrors, named

REASON_MAX = 200


@dataclass(frozen=True)
class ReasonNames:
    """The objectNames of one kind of reason dialog (docs/product.md "Automation contract")."""

    dialog: str = "reasonDialog"
    edit: str = "reasonEdit"
    ok: str = "reasonOkButton"


_DEFAULT_NAMES = ReasonNames()


class ReasonDialog(QDialog):
    """One line of reason, required; OK hands it over and waits for the caller's answer.

    Signals:
        reason_entered(str): the person confirmed with this reason (trimmed)
    """

    reason_entered = Signal(str)

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None, *,
                 names: ReasonNames = _DEFAULT_NAMES, ok_text: str | None = None,
                 placeholder: str | None = None, require_text: bool = True) -> None:
        super().__init__(parent)
        named(self, names.dialog)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._require_text = require_text
        self.prompt_label = QLabel(prompt)
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setTextFormat(Qt.TextFormat.PlainText)  # it may quote what someone typed
        self.reason_edit = QLineEdit()
        named(self.reason_edit, names.edit)
        self.reason_edit.setMaxLength(REASON_MAX)
        self.reason_edit.setPlaceholderText(placeholder or self.tr("Required, kept in the audit log"))
        self.error_label = FieldErrorLabel(names.edit, wrap=True)
        self.errors = FieldErrors(self.error_label)
        self.errors.add(self.error_label, self.reason_edit, "void_reason", "close_reason", "reopen_reason", "reason")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        named(self.ok_button, names.ok)
        self.ok_button.setText(ok_text or self.tr("OK"))
        self.ok_button.setEnabled(not require_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self.on_reason_text_changed)

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    @Slot(str)
    def on_reason_text_changed(self, text: str) -> None:
        if self._require_text:
            self.ok_button.setEnabled(bool(text.strip()))

    @Slot()
    def on_buttons_accepted(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.errors.clear()
        self.buttons.setEnabled(False)  # one change at a time; show_error or accept() follows
        self.reason_entered.emit(self.reason())

    def show_error(self, exc: BaseException) -> None:
        """The service refused: its message under the reason, the reason kept for another try."""
        self.buttons.setEnabled(True)
        self.errors.show(exc)
        self.reason_edit.setFocus()


class VoidReasonDialog(ReasonDialog):
    """The reason for voiding one referral (作废原因); an empty reason is refused by the service."""

    def __init__(self, summary: str, parent: QWidget | None = None) -> None:
        # Before the QDialog exists, so not self.tr; the same context as self.tr would use.
        translate = QCoreApplication.translate
        super().__init__(
            translate("VoidReasonDialog", "Void referral"),
            translate("VoidReasonDialog", "Void the referral of {client}? It stays in the lists, struck through.")
            .format(client=summary),
            parent, names=ReasonNames("voidReferralDialog", "voidReasonEdit", "voidConfirmButton"),
            ok_text=translate("VoidReasonDialog", "Void"),
            placeholder=translate("VoidReasonDialog", "Reason (required)"), require_text=False)
