"""The one place that turns errors into what a person sees (beside a field, a bar, a box)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from services.db import StorageError
from services.errors import ServiceError

log = logging.getLogger("lobbydesk.gui")


def describe(exc: BaseException) -> str:
    """A person's message for ``exc``; bugs get a plain apology, the traceback goes to the log."""
    if isinstance(exc, (ServiceError, StorageError)):
        return str(exc)
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return QCoreApplication.translate(
        "messages", "Sorry, something went wrong. The details were written to the log; please tell the administrator.")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    title = QCoreApplication.translate("messages", "Lobby Referral Desk")
    box = QMessageBox(QMessageBox.Icon.Warning, title, describe(exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorMessageBox")
    box.open()
