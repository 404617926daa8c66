"""A new branch: its code and name (docs/branches.md); the service checks and refuses, the dialog shows why."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from gui.context import AppContext
from gui.dialogs.base import LaneDialog
from gui.widgets.field_error import named
from gui.widgets.tone import HINT, set_tone
from services import branches
from services.branches import BranchRow


class NewBranchDialog(LaneDialog):
    """Code (4–8 letters or digits) and name; a refusal shows beside its field and what was typed stays.

    Signals:
        added(str): the new branch's code, once saved
    """

    added = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx.lane, "newBranchDialog", "newBranchGeneralError", parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("New branch"))
        self.setModal(True)
        self.code_edit = named(QLineEdit(), "branchCodeEdit")
        self.code_edit.setMaxLength(16)  # room to type a wrong one and be told why
        self.code_edit.setPlaceholderText(self.tr("4–8 letters or digits, e.g. 0102"))
        self.name_edit = named(QLineEdit(), "branchNameEdit")
        self.name_edit.setMaxLength(40)
        self.name_edit.setPlaceholderText(self.tr("e.g. Chengxi Sub-branch Wealth Centre"))
        self.save_button = named(QPushButton(self.tr("&Add branch")), "saveBranchButton")
        self.save_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = named(buttons.addButton(QDialogButtonBox.StandardButton.Cancel), "cancelBranchButton")
        cancel.setText(self.tr("Cancel"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.add_row(form, self.tr("&Code"), self.code_edit, "code")
        self.errors.add_row(form, self.tr("&Name"), self.name_edit, "name")
        hint = QLabel(self.tr("The branch gets the default settings; its administrator is added on the staff "
                              "page or with `staff add --branch CODE`."))
        hint.setWordWrap(True)
        set_tone(hint, HINT)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.save_button.clicked.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        super().set_busy(busy)

    @Slot()
    def on_save_clicked(self) -> None:
        if self.busy:
            return
        self.errors.clear()
        db, actor = self.ctx.db, self.ctx.actor
        code, name = self.code_edit.text(), self.name_edit.text()
        self.run(lambda: branches.add_branch(db, actor, code=code, name=name), self._saved, busy=True, change=True)

    def _saved(self, row: BranchRow) -> None:
        self.added.emit(row.code)
        self.accept()
