"""The 营销成果 editor beside the day-close sheet: met, deal, products, amount of one referred line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui.widgets.field_error import FieldErrorLabel, FieldErrors, named
from gui.widgets.tone import HINT, set_tone
from services.dayclose import ReconLine
from services.db import BRANCH_TZ


class OutcomePanel(QGroupBox):
    """The 营销成果 of the selected referred line: met, deal, products, amount.

    Signals:
        outcome_submitted(): the person asked to save what the panel holds
    """

    outcome_submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Outcome"), parent)
        named(self, "outcomePanel")
        self.setFixedWidth(236)
        self.line: ReconLine | None = None
        self._editable = False
        self._loaded_values: tuple[bool, bool, str, str] = (True, False, "", "")
        self.line_label = QLabel()
        named(self.line_label, "outcomeLineLabel")
        self.line_label.setWordWrap(True)
        self.line_label.setTextFormat(Qt.TextFormat.PlainText)
        self.line_label.setMinimumHeight(40)
        self.line_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.met_yes = QRadioButton(self.tr("Met"))
        self.met_no = QRadioButton(self.tr("Not met"))
        self.deal_yes = QRadioButton(self.tr("Deal"))
        self.deal_no = QRadioButton(self.tr("No deal"))
        for widget, name in ((self.met_yes, "metYesRadio"), (self.met_no, "metNoRadio"),
                             (self.deal_yes, "dealYesRadio"), (self.deal_no, "dealNoRadio")):
            named(widget, name)
        self.met_group, self.deal_group = QButtonGroup(self), QButtonGroup(self)
        self.met_group.addButton(self.met_yes)
        self.met_group.addButton(self.met_no)
        self.deal_group.addButton(self.deal_yes)
        self.deal_group.addButton(self.deal_no)

        self.products_edit = QLineEdit()
        named(self.products_edit, "outcomeProductsEdit")
        self.products_edit.setMaxLength(200)
        self.products_edit.setPlaceholderText(self.tr("e.g. fund, insurance"))
        self.amount_edit = QLineEdit()
        named(self.amount_edit, "outcomeAmountEdit")
        self.amount_edit.setPlaceholderText(self.tr("yuan, optional"))
        self.general_error = FieldErrorLabel("outcomePanel", wrap=True)
        self.errors = FieldErrors(self.general_error)

        self.save_button = QPushButton(self.tr("Confirm outcome"))
        named(self.save_button, "saveOutcomeButton")
        self.save_button.setDefault(True)
        self.hint_label = QLabel()
        named(self.hint_label, "outcomeHintLabel")
        self.hint_label.setWordWrap(True)
        set_tone(self.hint_label, HINT)

        met_row, deal_row = QHBoxLayout(), QHBoxLayout()
        met_row.addWidget(self.met_yes)
        met_row.addWidget(self.met_no)
        met_row.addStretch(1)
        deal_row.addWidget(self.deal_yes)
        deal_row.addWidget(self.deal_no)
        deal_row.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("Meeting"), met_row)
        form.addRow(self.tr("Result"), deal_row)
        for text, edit, service_field in ((self.tr("Products"), self.products_edit, "products"),
                                          (self.tr("Amount"), self.amount_edit, "amount")):
            label = QLabel(text)
            label.setBuddy(edit)
            self.errors.add_row(form, label, edit, service_field)  # the error's row takes no room while empty
        layout = QVBoxLayout(self)
        layout.addWidget(self.line_label)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.save_button)
        layout.addWidget(self.hint_label)
        layout.addStretch(1)
        self._connect_signals()
        self.show_line(None, editable=False)

    def _connect_signals(self) -> None:
        self.met_group.buttonToggled.connect(self.on_choice_toggled)
        self.deal_group.buttonToggled.connect(self.on_choice_toggled)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.amount_edit.returnPressed.connect(self.on_save_clicked)
        self.products_edit.returnPressed.connect(self.on_save_clicked)

    # --- what the panel shows --------------------------------------------------

    def show_line(self, line: ReconLine | None, *, editable: bool, hint: str = "") -> None:
        """Load ``line``'s outcome and enable editing if allowed; an unconfirmed line gets the usual guess."""
        self.line = line
        self._editable = editable and line is not None and line.needs_outcome
        self.clear_errors()
        if line is None:
            self.line_label.setText(self.tr("Select a referred client in the table."))
        else:
            time = line.created_at.astimezone(BRANCH_TZ).strftime("%H:%M")
            self.line_label.setText(self.tr("{client} ({time}), RM {rm}").format(
                client=line.client_name, time=time, rm=line.rm_name))
        if line is not None and line.met is not None:
            self._set_values(line.met, bool(line.deal), line.products or "",
                             "" if line.amount is None else f"{line.amount:.2f}")
        elif self._editable:
            # A referred client met the RM on the spot by definition: "met, no deal" is the usual case.
            self._set_values(True, False, "", "")
        else:
            self._clear_values()  # nothing recorded and nothing to record: show no guess
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        self._update_enabled()
        self._loaded_values = self.values()

    def is_dirty(self) -> bool:
        """The person changed the outcome on screen and has not saved it yet."""
        return self._editable and self.values() != self._loaded_values

    def _clear_values(self) -> None:
        for group in (self.met_group, self.deal_group):
            group.setExclusive(False)  # an exclusive group keeps one button checked
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self.products_edit.clear()
        self.amount_edit.clear()

    def _set_values(self, met: bool, deal: bool, products: str, amount: str) -> None:
        (self.met_yes if met else self.met_no).setChecked(True)
        (self.deal_yes if deal else self.deal_no).setChecked(True)
        self.products_edit.setText(products)
        self.amount_edit.setText(amount)

    def _update_enabled(self) -> None:
        editable = self._editable
        met = self.met_yes.isChecked()
        deal = met and self.deal_yes.isChecked()
        for widget in (self.met_yes, self.met_no, self.save_button):
            widget.setEnabled(editable)
        self.deal_yes.setEnabled(editable and met)
        self.deal_no.setEnabled(editable and met)
        self.products_edit.setEnabled(editable and deal)
        self.amount_edit.setEnabled(editable and deal)

    def values(self) -> tuple[bool, bool, str, str]:
        met = self.met_yes.isChecked()
        deal = met and self.deal_yes.isChecked()
        return met, deal, self.products_edit.text(), self.amount_edit.text()

    def clear_errors(self) -> None:
        self.errors.clear()

    def clear(self) -> None:
        self.show_line(None, editable=False)

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(self._editable and not busy)

    # --- slots -----------------------------------------------------------------

    @Slot()
    def on_choice_toggled(self) -> None:
        if not self.met_yes.isChecked() and self.deal_yes.isChecked():
            self.deal_no.setChecked(True)  # nobody closes a deal with a client they did not meet
        self._update_enabled()

    @Slot()
    def on_save_clicked(self) -> None:
        if self._editable and self.save_button.isEnabled():
            self.outcome_submitted.emit()
