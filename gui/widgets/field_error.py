"""The small red message under a form field, and the helper that pairs it with its field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

ERROR_STYLE = "QLabel { color: #b3261e; }"


def named(widget: QWidget, name: str) -> QWidget:
    """objectName doubles as the accessible name (SPEC §11), for tests and screen readers."""
    widget.setObjectName(name)
    widget.setAccessibleName(name)
    return widget


class FieldErrorLabel(QLabel):
    """Hidden while empty; ``show_error`` reveals it with the service's message."""

    def __init__(self, field_name: str, parent: QWidget | None = None, *, wrap: bool = False) -> None:
        super().__init__(parent)
        self._form: QFormLayout | None = None
        named(self, f"{field_name}Error")
        self.setStyleSheet(ERROR_STYLE)
        # Field messages are one short line; wrapping inside a form row would make the row
        # reserve room for lines it does not use. Messages for the whole form may wrap.
        self.setWordWrap(wrap)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # right under its field
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
        self.setFont(font)
        self.setVisible(False)

    def show_error(self, message: str) -> None:
        self.setText(message)
        self._show(True)

    def clear_error(self) -> None:
        self.clear()
        self._show(False)

    def _show(self, visible: bool) -> None:
        if self._form is not None:
            self._form.setRowVisible(self, visible)  # a hidden row takes no space
        else:
            self.setVisible(visible)

    def place_in(self, form: QFormLayout) -> None:
        """Put this label on a row of its own under the last field of ``form``, hidden while empty."""
        row = form.rowCount()
        form.setWidget(row, QFormLayout.ItemRole.FieldRole, self)
        self._form = form
        form.setRowVisible(row, bool(self.text()))


def add_field_row(form: QFormLayout, label: QWidget, field: QWidget, error: FieldErrorLabel,
                  extra: QWidget | None = None) -> None:
    """``label`` and ``field`` on one row, ``extra`` (say a counter) and ``error`` on rows below.

    Separate rows keep the label centred on its field whether or not an error shows.
    """
    form.addRow(label, field)
    if extra is not None:
        form.setWidget(form.rowCount(), QFormLayout.ItemRole.FieldRole, extra)
    error.place_in(form)
