"""Error labels beside form fields: a service's field problems shown where they belong."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui import messages


def error_label_for(field: QWidget) -> QLabel:
    """The red label under ``field``, named after it (SPEC §11: field objectName + "Error")."""
    label = QLabel(field.parentWidget())
    name = f"{field.objectName()}Error"
    label.setObjectName(name)
    label.setAccessibleName(name)
    label.setWordWrap(True)
    label.hide()
    return label


class FieldErrors:
    """Maps a service's field names to the labels beside the widgets that hold them."""

    def __init__(self, general: QLabel | None = None) -> None:
        self._labels: dict[str, QLabel] = {}
        self._general = general

    def bind(self, service_field: str, label: QLabel) -> None:
        self._labels[service_field] = label

    def clear(self) -> None:
        for label in [*self._labels.values(), *([self._general] if self._general else [])]:
            label.clear()
            label.hide()

    def show(self, exc: BaseException) -> None:
        """Each field's first problem beside it; anything else in the general label."""
        from services.errors import ValidationError

        self.clear()
        leftover: list[str] = []
        if isinstance(exc, ValidationError):
            for field, message in exc.fields.items():
                label = self._labels.get(field)
                if label is None:
                    leftover.append(message)
                else:
                    label.setText(message)
                    label.show()
        else:
            leftover.append(messages.describe(exc))
        if leftover and self._general is not None:
            self._general.setText("\n".join(leftover))
            self._general.show()
        elif leftover:
            messages.show_error(next(iter(self._labels.values()), None), exc)

    def message(self, field: str) -> str:
        label = self._labels.get(field)
        return label.text() if label is not None else ""


def with_error(field: QWidget, errors: FieldErrors, service_field: str) -> QWidget:
    """``field`` with its error label under it, bound to the service's ``service_field``."""
    box = QWidget()
    col = QVBoxLayout(box)
    col.setContentsMargins(0, 0, 0, 0)
    col.setSpacing(2)
    col.addWidget(field)
    label = error_label_for(field)
    col.addWidget(label)
    errors.bind(service_field, label)
    return box
