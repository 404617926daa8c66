"""Closing a follow-up: converted, not premium or abandoned, with the reason the service asks for (docs/contacts.md)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.dialogs.base import LaneDialog
from gui.widgets.field_error import named
from gui.widgets.labels import follow_up_state_label
from models import FollowUpState
from services import contacts, followups
from services.errors import Conflict
from services.followups import QueueRow


class CloseFollowUpDialog(LaneDialog):
    """Close the follow-up ``row`` with an outcome; accepted once the service closed it.

    With ``abandon`` the outcome is fixed to abandoned (the queue's ``abandonFollowUpButton``,
    after N failed attempts). Whether the outcome needs a reason is the service's rule
    (``contacts.close_needs_reason``); the service refuses a missing one beside the field.
    """

    def __init__(self, ctx: AppContext, row: QueueRow, parent: QWidget | None = None, *,
                 abandon: bool = False) -> None:
        super().__init__(ctx.lane, "closeFollowUpDialog", "closeFollowUpDialogError", parent)
        self._ctx = ctx
        self._row = row
        self._version = row.version
        self.setWindowTitle(self.tr("Abandon follow-up") if abandon else self.tr("Close follow-up"))
        self.setMinimumWidth(460)

        self.client_label = named(QLabel(self.tr("Client: {name}").format(name=row.client_name)),
                                  "closeClientLabel")
        self.client_label.setTextFormat(Qt.TextFormat.PlainText)
        self.proposal_label = named(QLabel(), "closeProposalLabel")
        self.proposal_label.setWordWrap(True)
        if abandon and row.propose_abandon:
            self.proposal_label.setText(self.tr("The attempts to reach this client have failed repeatedly; "
                                                "abandoning is proposed. Say why to confirm."))
        self.proposal_label.setVisible(bool(self.proposal_label.text()))
        self.outcome_combo = named(QComboBox(), "closeOutcomeCombo")
        for state in contacts.CLOSE_STATES:
            self.outcome_combo.addItem(follow_up_state_label(state), state.value)
        if abandon:
            self.outcome_combo.setCurrentIndex(self.outcome_combo.findData(FollowUpState.ABANDONED.value))
            self.outcome_combo.setEnabled(False)
        self._abandon = abandon
        self.reason_edit = named(QPlainTextEdit(), "closeReasonEdit")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(72)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.add_row(form, self.tr("Outcome"), self.outcome_combo, "close_outcome")
        self.errors.add_row(form, self.tr("Reason"), self.reason_edit, "close_reason")

        self.save_button = named(QPushButton(self.tr("Abandon") if abandon else self.tr("Close follow-up")),
                                 "saveCloseButton")
        self.save_button.setDefault(True)
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "cancelCloseButton")
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(self.client_label)
        layout.addWidget(self.proposal_label)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        self._connect_signals()
        self.on_outcome_changed(self.outcome_combo.currentIndex())
        ctx.register_sensitive(self)  # it names the client

    def _connect_signals(self) -> None:
        self.outcome_combo.currentIndexChanged.connect(self.on_outcome_changed)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.cancel_button.clicked.connect(self.reject)

    def outcome(self) -> FollowUpState:
        return FollowUpState(self.outcome_combo.currentData())

    @Slot(int)
    def on_outcome_changed(self, _index: int) -> None:
        if contacts.close_needs_reason(self.outcome()):
            self.reason_edit.setPlaceholderText(self.tr("Why (required)"))
        else:
            self.reason_edit.setPlaceholderText(self.tr("Note (optional)"))

    @Slot()
    def on_save_clicked(self) -> None:
        if self.busy:
            return
        self.errors.clear()
        db, actor, fu_id, version = self._ctx.db, self._ctx.actor, self._row.id, self._version
        state, reason = self.outcome().value, self.reason_edit.toPlainText()

        def close() -> None:
            followups.close_follow_up(db, actor, fu_id, state=state, reason=reason, version=version)

        self.run(close, self.on_closed, failed=self.on_refused, busy=True, change=True)

    def on_closed(self, _answer: None) -> None:
        self.accept()

    def on_refused(self, exc: BaseException) -> None:
        """Beside the field or in the general label; after a concurrent change, saving again acts on it."""
        self.show_error(exc)
        if isinstance(exc, Conflict):
            db, actor, fu_id = self._ctx.db, self._ctx.actor, self._row.id
            self.run(lambda: contacts.current_version(db, actor, fu_id), self._set_version, busy=True)

    def _set_version(self, version: int) -> None:
        self._version = version

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.outcome_combo.setEnabled(not busy and not self._abandon)
        for w in (self.reason_edit, self.save_button):
            w.setEnabled(not busy)


__all__ = ["CloseFollowUpDialog"]
