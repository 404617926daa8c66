"""The small red message under a form field, and the helpers that pair it with its field."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

ERROR_STYLE = "QLabel { color: #b3261e; }"

_W = TypeVar("_W", bound=QWidget)


def named(widget: _W, name: str) -> _W:
    """objectName doubles as the accessible name (docs/product.md "Automation contract"); for tests and readers."""
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


def add_field_row(form: QFormLayout, label: QWidget | str, field: QWidget, error: FieldErrorLabel,
                  extra: QWidget | None = None) -> None:
    """``label`` and ``field`` on one row, ``extra`` (say a counter) and ``error`` on rows below.

    Separate rows keep the label centred on its field whether or not an error shows.
    """
    form.addRow(label, field)
    if extra is not None:
        form.setWidget(form.rowCount(), QFormLayout.ItemRole.FieldRole, extra)
    error.place_in(form)


class FieldErrors:
    """A form's error labels by the service's field names, and one label for whatever else went wrong."""

    def __init__(self, general: FieldErrorLabel) -> None:
        self._labels: dict[str, FieldErrorLabel] = {}
        self._general = general

    def add_row(self, form: QFormLayout, label: str, field: QWidget, service_field: str) -> None:
        """``add_field_row`` with an error label named after ``field``, showing ``service_field``'s problem."""
        error = FieldErrorLabel(field.objectName())
        add_field_row(form, label, field, error)
        self._labels[service_field] = error

    def clear(self) -> None:
        for label in (*self._labels.values(), self._general):
            label.clear_error()

    def show(self, exc: BaseException) -> None:
        """Each field's problem beside it; anything else in the general label."""
        from gui import messages
        from services.errors import ValidationError

        self.clear()
        leftover: list[str] = []
        if isinstance(exc, ValidationError):
            for field, message in exc.fields.items():
                label = self._labels.get(field)
                if label is None:
                    leftover.append(message)
                else:
                    label.show_error(message)
        else:
            leftover.append(messages.describe(exc))
        if leftover:
            self._general.show_error("\n".join(leftover))
