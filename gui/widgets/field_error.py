"""The small red message under a form field, and the helpers that pair it with its field."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from gui.widgets.tone import ERROR, set_tone

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
        set_tone(self, ERROR)
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


class FieldErrors(Mapping[str, FieldErrorLabel]):
    """The one way a form or dialog shows a refused save: each problem beside its field.

    Every label is named ``<field objectName>Error`` (docs/product.md "Automation contract");
    the form reads as a mapping from that field name to its label. Service field names are
    mapped to labels in the form's reading order: the first field with a problem gets the
    cursor. Problems no field claims, and errors that are not about input, go to the
    general label.
    """

    def __init__(self, general: FieldErrorLabel, *, focus_first: bool = True) -> None:
        self._general = general
        self._focus_first = focus_first
        self._labels: dict[str, FieldErrorLabel] = {_field_name(general): general}
        self._by_service: dict[str, tuple[FieldErrorLabel, QWidget | None]] = {}

    # --- building ---------------------------------------------------------------------

    def add_row(self, form: QFormLayout, label: QWidget | str, field: QWidget, *service_fields: str,
                extra: QWidget | None = None) -> FieldErrorLabel:
        """``add_field_row`` with an error label named after ``field``, showing ``service_fields``' problems."""
        error = FieldErrorLabel(field.objectName())
        add_field_row(form, label, field, error, extra)
        self.add(error, field, *service_fields)
        return error

    def add(self, error: FieldErrorLabel, field: QWidget | None, *service_fields: str) -> None:
        """A label placed by hand; ``field`` gets the cursor when it is the first with a problem."""
        self._labels[_field_name(error)] = error
        for service_field in service_fields:
            self._by_service[service_field] = (error, field)

    # --- the mapping (field objectName -> its label) -----------------------------------------

    def __getitem__(self, name: str) -> FieldErrorLabel:
        return self._labels[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def for_service_field(self, service_field: str) -> FieldErrorLabel:
        return self._by_service[service_field][0]

    @property
    def general(self) -> FieldErrorLabel:
        return self._general

    # --- showing ----------------------------------------------------------------------------

    def claims(self, exc: BaseException) -> bool:
        """``exc`` is a refused input with a problem beside one of these fields."""
        from services.errors import ValidationError

        return isinstance(exc, ValidationError) and any(f in self._by_service for f in exc.fields)

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear_error()

    def show_field(self, service_field: str, message: str) -> None:
        """A problem the form found itself (an empty field): beside that field, which gets the cursor."""
        self.clear()
        label, widget = self._by_service[service_field]
        label.show_error(message)
        if widget is not None and self._focus_first:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_general(self, message: str) -> None:
        """A message about the whole form, in its general label."""
        self.clear()
        self._general.show_error(message)

    def show(self, exc: BaseException) -> bool:
        """Each field's problem beside it; anything else in the general label.

        True when at least one problem sits beside its field (the person can correct it there).
        """
        from gui import messages
        from services.errors import ValidationError

        self.clear()
        leftover: list[str] = []
        first: QWidget | None = None
        shown: set[FieldErrorLabel] = set()
        if isinstance(exc, ValidationError):
            problems = exc.fields
            for service_field, (label, widget) in self._by_service.items():  # the form's reading order
                if service_field not in problems or label in shown:
                    continue
                label.show_error(problems[service_field])
                shown.add(label)
                if first is None and widget is not None:
                    first = widget
            leftover = [m for f, m in problems.items() if f not in self._by_service]
        else:
            leftover.append(messages.describe(exc))
        if leftover:
            self._general.show_error("\n".join(leftover))
        if first is not None and self._focus_first:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return bool(shown)


def _field_name(label: FieldErrorLabel) -> str:
    return label.objectName().removesuffix("Error")
