"""The one place that talks to the person: errors, information, a yes/no question, a reason.

Only Qt is imported at the top: the sign-in window and the start-up's fatal box use this module
before SQLAlchemy is loaded (docs/product.md "Budgets").

Errors beside a form's fields go through ``gui.widgets.field_error.FieldErrors``; everything
else a window says in a box comes from here, so every box looks, names itself and behaves the
same (non-blocking: ``open()``, the answer arrives by callback; only ``fatal`` waits). qutebrowser's
``utils/message.py`` is the model.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from gui.dialogs.reason import ReasonDialog, ReasonNames

log = logging.getLogger("lobbydesk.gui")

Button = QMessageBox.StandardButton
DAY_REASON = ReasonNames("dayReasonDialog")  # closing a day anyway, reopening one


def _title() -> str:
    return QCoreApplication.translate("messages", "Lobby Referral Desk")


def describe(exc: BaseException) -> str:
    """A person's message for ``exc``; bugs get a plain apology, the traceback goes to the log."""
    # Here, not at the top: the sign-in window imports this module before SQLAlchemy is loaded
    # (docs/product.md "Budgets"); an exception to describe means the services are loaded already.
    from services.db import StorageError
    from services.errors import ServiceError

    if isinstance(exc, (ServiceError, StorageError)):
        return str(exc)
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return QCoreApplication.translate(
        "messages", "Sorry, something went wrong. The details were written to the log; please tell the administrator.")


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, name: str,
         buttons: Button = Button.Ok, informative: str | None = None) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setObjectName(name)
    box.setAccessibleName(name)
    if informative:
        box.setInformativeText(informative)
    return box


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """What went wrong, in a box (``errorMessageBox``); for errors that belong to no field."""
    box = _box(parent, QMessageBox.Icon.Warning, _title(), describe(exc), "errorMessageBox")
    box.open()
    return box


def info(parent: QWidget | None, title: str, text: str, *, name: str, informative: str | None = None) -> QMessageBox:
    """Something worth knowing; nothing to decide."""
    box = _box(parent, QMessageBox.Icon.Information, title, text, name, informative=informative)
    box.open()
    return box


def warning(parent: QWidget | None, title: str, text: str, *, name: str) -> QMessageBox:
    """Something went wrong that is not an exception (a refused choice, a missing file)."""
    box = _box(parent, QMessageBox.Icon.Warning, title, text, name)
    box.open()
    return box


def fatal(title: str, text: str, *, name: str) -> None:
    """The program cannot go on (its database cannot be used): say why and wait, then the caller ends it.

    The one blocking box: nothing else may happen before the program ends.
    """
    box = _box(None, QMessageBox.Icon.Critical, title, text, name)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, then: Callable[[], None], *, name: str,
            yes_text: str, no_text: str, yes: Button = Button.Yes, no: Button = Button.No,
            informative: str | None = None, modal: bool = True) -> QMessageBox:
    """A yes/no question; ``then()`` runs only when the person chose ``yes``. "No" is the default."""
    box = _box(parent, QMessageBox.Icon.Question, title, text, name, yes | no, informative)
    yes_button = box.button(yes)
    yes_button.setText(yes_text)
    box.button(no).setText(no_text)
    box.setDefaultButton(no)

    def finished() -> None:
        if box.clickedButton() is yes_button:
            then()

    box.finished.connect(finished)
    box.finished.connect(box.deleteLater)
    if modal:
        box.open()
    else:
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()
    return box


def ask_reason(parent: QWidget | None, title: str, prompt: str, then: Callable[[ReasonDialog, str], None], *,
               names: ReasonNames = DAY_REASON) -> ReasonDialog:
    """A window-modal reason dialog; ``then(dialog, reason)`` runs when the person confirms.

    ``then`` does the change and answers the dialog: ``dialog.accept()`` when it is saved,
    ``dialog.show_error(exc)`` when the reason was refused (the dialog stays, as typed).
    """
    dialog = ReasonDialog(title, prompt, parent, names=names)
    dialog.reason_entered.connect(lambda reason: then(dialog, reason))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
