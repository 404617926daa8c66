"""The supervisor hands an open follow-up to another RM (docs/follow-ups.md "Reassigning")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.dialogs.base import LaneDialog
from gui.widgets.field_error import named
from gui.widgets.tone import HINT, set_tone
from services import followups
from services.followups import QueueRow, RmOption


class ReassignDialog(LaneDialog):
    """Choose an active RM of the branch for one open follow-up; the service checks every rule.

    A refusal (not an active RM of the branch, the same RM, a closed follow-up) shows beside
    the RM field; a concurrent change names who and when, and the choice stays.

    Signals:
        reassigned(int): the follow-up's id, once saved
    """

    reassigned = Signal(int)

    def __init__(self, ctx: AppContext, row: QueueRow, rms: Sequence[RmOption],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx.lane, "reassignDialog", "reassignGeneralError", parent)
        self.ctx = ctx
        self.row = row
        self.setWindowTitle(self.tr("Reassign follow-up"))
        self.setModal(True)
        self.client_label = named(QLabel(f"{row.client_name}  {row.client_mobile}"), "reassignClientLabel")
        self.holder_label = named(QLabel(row.rm_name), "reassignHolderLabel")
        self.rm_combo = named(QComboBox(), "reassignRmCombo")
        for rm in rms:
            self.rm_combo.addItem(f"{rm.name} ({rm.staff_no})", rm.id)
        others = [i for i in range(self.rm_combo.count()) if self.rm_combo.itemData(i) != row.rm_id]
        self.rm_combo.setCurrentIndex(others[0] if others else 0)
        self.save_button = named(QPushButton(self.tr("&Reassign")), "saveReassignButton")
        self.save_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        named(buttons.addButton(QDialogButtonBox.StandardButton.Cancel), "cancelReassignButton")

        form = QFormLayout()
        form.addRow(self.tr("Client"), self.client_label)
        form.addRow(self.tr("Now with"), self.holder_label)
        self.errors.add_row(form, self.tr("&Hand to"), self.rm_combo, "rm")
        hint = QLabel(self.tr("The attempts and appointments go with it; the log keeps who held it before."))
        hint.setWordWrap(True)
        set_tone(hint, HINT)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.save_button.clicked.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        super().set_busy(busy)

    def choose(self, rm_id: int) -> None:
        """Select ``rm_id`` in the list (the person's pick, or a test's)."""
        index = self.rm_combo.findData(rm_id)
        if index >= 0:
            self.rm_combo.setCurrentIndex(index)

    @Slot()
    def on_save_clicked(self) -> None:
        rm_id = self.rm_combo.currentData()
        if self.busy or rm_id is None:
            return
        db, actor, row = self.ctx.db, self.ctx.actor, self.row
        # A refusal goes to show_error: beside the RM field, or — a Conflict naming who changed it
        # and when — in the general label; the choice stays for another try.
        self.run(lambda: followups.reassign(db, actor, row.id, int(rm_id), version=row.version), self._saved,
                 busy=True, change=True)

    def _saved(self, _result: None) -> None:
        self.reassigned.emit(self.row.id)
        self.accept()
