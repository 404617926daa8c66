"""The line under a page's export buttons: exporting, saved to where, or not exported and why.

Every page that writes a sheet or a PDF on the lane says the same three things in the same
words; the page keeps its own object name for the label (tests and screen readers find it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from services.errors import ServiceError


class ExportStatus(QLabel):
    """A QLabel that reports one export at a time; its text can be selected (to copy the path)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def exporting(self, path: Path) -> None:
        self.setText(self.tr("Exporting {name}…").format(name=path.name))

    def saved(self, path: Path) -> str:
        """Say where the file went; the path as text (what the page's ``…_exported`` signal carries)."""
        text = str(path)
        self.setText(self.tr("Saved to {path}").format(path=text))
        return text

    def failed(self, exc: BaseException) -> str:
        """Say why nothing was written (a service's own words; a bug only as "written to the log");
        the text shown (what the page's ``export_failed`` signal carries)."""
        why = str(exc) if isinstance(exc, ServiceError) else self.tr("an unexpected error, written to the log")
        text = self.tr("Not exported: {why}").format(why=why)
        self.setText(text)
        return text
