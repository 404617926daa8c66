"""A client's financial snapshot (as-of date and amounts in yuan); saving it scores the client again.

Amounts are typed as text and checked by ``services.scoring.add_snapshot`` (≥ 0, at most
two decimals); a refusal shows beside its field and keeps everything typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from gui.dialogs.base import LaneDialog
from gui.widgets.field_error import named

if TYPE_CHECKING:
    from gui.worker import DbLane
    from services.db import Database
    from services.permissions import Actor
    from services.scoring import ScoreResult

# Service field → objectName of its edit (docs/product.md "Automation contract").
AMOUNT_FIELDS: tuple[tuple[str, str], ...] = (
    ("deposits", "snapshotDepositsEdit"),
    ("loans", "snapshotLoansEdit"),
    ("wealth_products", "snapshotWealthProductsEdit"),
    ("funds", "snapshotFundsEdit"),
    ("insurance", "snapshotInsuranceEdit"),
    ("intermediary", "snapshotIntermediaryEdit"),
    ("assets_elsewhere", "snapshotAssetsElsewhereEdit"),
)


class SnapshotDialog(LaneDialog):
    """``snapshotDialog``: as-of date, seven amounts, ``saveSnapshotButton``.

    Signals:
        saved(object): the ``ScoreResult`` of the saved snapshot (the dialog then closes)
    """

    saved = Signal(object)

    def __init__(self, db: Database, lane: DbLane, actor: Actor, client_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(lane, "snapshotDialog", "snapshotDialogError", parent)
        self._db, self._actor, self._client_id = db, actor, client_id
        self.setWindowTitle(self.tr("New financial snapshot"))
        self.setMinimumWidth(420)
        form = QFormLayout()
        self.as_of_edit = named(QDateEdit(), "snapshotAsOfEdit")
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        today = QDate.fromString(db.today().isoformat(), "yyyy-MM-dd")
        self.as_of_edit.setDate(today)
        self.as_of_edit.setMaximumDate(today)  # the service also refuses a future date
        self.errors.add_row(form, self.tr("As of"), self.as_of_edit, "as_of")
        labels = {
            "deposits": self.tr("Deposits (yuan)"),
            "loans": self.tr("Loans (yuan)"),
            "wealth_products": self.tr("Wealth products (yuan)"),
            "funds": self.tr("Funds (yuan)"),
            "insurance": self.tr("Insurance (yuan)"),
            "intermediary": self.tr("Intermediary business (yuan)"),
            "assets_elsewhere": self.tr("Assets at other banks, estimated (yuan)"),
        }
        self.amount_edits: dict[str, QLineEdit] = {}
        for field, name in AMOUNT_FIELDS:
            edit = named(QLineEdit(), name)
            edit.setMaxLength(24)
            edit.setPlaceholderText("0.00")
            self.amount_edits[field] = edit
            self.errors.add_row(form, labels[field], edit, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = named(self.buttons.button(QDialogButtonBox.StandardButton.Save), "saveSnapshotButton")
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.on_save_clicked)
        self.buttons.rejected.connect(self.reject)

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        super().set_busy(busy)

    @Slot()
    def on_save_clicked(self) -> None:
        if self.busy:
            return
        from services.scoring import SnapshotInput, add_snapshot

        self.errors.clear()
        data = SnapshotInput(as_of=self.as_of_edit.date().toString("yyyy-MM-dd"),
                             **{field: edit.text() for field, edit in self.amount_edits.items()})
        db, actor, client_id = self._db, self._actor, self._client_id
        self.run(lambda: add_snapshot(db, actor, client_id, data), self._on_saved, busy=True, change=True)

    def _on_saved(self, result: ScoreResult) -> None:
        self.saved.emit(result)
        self.accept()
