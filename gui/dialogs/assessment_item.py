"""The supervisor's bonus/malus item (加减分项) for one RM's month, and the records behind one figure."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.dialogs.base import LaneDialog
from gui.itemmodels.assessment import SourcesModel
from gui.widgets.field_error import named
from services.assessment import Figure


class AssessmentItemDialog(LaneDialog):
    """Points (−20..+20, not 0), a kind and a reason; the service refuses anything else beside its field.

    Signals:
        item_added(int): the new item's id
    """

    item_added = Signal(int)

    def __init__(self, ctx: AppContext, rm_id: int, rm_name: str, month: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx.lane, "assessmentItemDialog", "assessmentItemGeneralError", parent)
        self.ctx, self.rm_id, self.month = ctx, rm_id, month
        self.setWindowTitle(self.tr("Bonus/malus item"))
        self.setModal(True)
        self.points_edit = named(QLineEdit(), "itemPointsEdit")
        self.points_edit.setPlaceholderText(self.tr("e.g. +5 or -3"))
        self.kind_combo = named(QComboBox(), "itemKindCombo")
        for code, text in (("retention", self.tr("Retention success")), ("complaint", self.tr("Justified complaint")),
                           ("other", self.tr("Other"))):
            self.kind_combo.addItem(text, code)
        self.reason_edit = named(QLineEdit(), "itemReasonEdit")
        self.reason_edit.setMaxLength(200)
        self.save_button = named(QPushButton(self.tr("&Add")), "saveItemButton")
        self.save_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        named(buttons.addButton(QDialogButtonBox.StandardButton.Cancel), "cancelItemButton")
        form = QFormLayout()
        form.addRow(self.tr("RM"), QLabel(f"{rm_name} · {month:%Y-%m}"))
        self.errors.add_row(form, self.tr("&Points"), self.points_edit, "points")
        self.errors.add_row(form, self.tr("&Kind"), self.kind_combo, "kind")
        self.errors.add_row(form, self.tr("&Reason"), self.reason_edit, "reason")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.save_button.clicked.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        super().set_busy(busy)

    @Slot()
    def on_save_clicked(self) -> None:
        if self.busy:
            return
        from services import assessment

        db, actor, rm_id, month = self.ctx.db, self.ctx.actor, self.rm_id, self.month
        points, kind, reason = self.points_edit.text(), self.kind_combo.currentData(), self.reason_edit.text()
        self.run(lambda: assessment.add_item(db, actor, rm_id, month, points, kind, reason), self._saved,
                 busy=True, change=True)

    def _saved(self, item_id: int) -> None:
        self.item_added.emit(item_id)
        self.accept()


class SourcesDialog(QDialog):
    """The records behind one figure (ids, dates, masked clients): a disputed point is traced here."""

    def __init__(self, ctx: AppContext, rm_name: str, figure: Figure, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "assessmentSourcesDialog")
        self.setWindowTitle(self.tr("Records behind: {figure}").format(figure=figure.label))
        self.model = SourcesModel(self)
        self.model.set_rows(figure.sources)
        self.table = named(QTableView(), "assessmentSourcesTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        head = named(QLabel(f"{rm_name} · {figure.label} · {figure.value}"
                            + (f" · {figure.note}" if figure.note else "")), "assessmentSourcesLabel")
        head.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, 380)
        ctx.register_sensitive(self)
