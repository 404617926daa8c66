"""What the window tests share: the roles' pages, signing in by the dialog, waiting for the lane."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QLineEdit,
    QMainWindow,
    QPushButton,
)

from models import Role
from tests.gui.support import child, click, type_text

ROOT = Path(__file__).resolve().parents[2]
WAIT_MS = 15_000
ALL_PAGES = ("referralPage", "myReferralsPage", "dayClosePage", "reportsPage", "staffPage",
             "followUpPage", "diaryPage", "clientPage")
ROLE_PAGES = {
    Role.TELLER: ("referralPage", "myReferralsPage"),
    Role.MARKETING: ("referralPage", "myReferralsPage"),
    Role.RM: ("referralPage", "myReferralsPage"),
    Role.LOBBY_MANAGER: ("referralPage", "myReferralsPage", "dayClosePage", "reportsPage"),
    Role.SUPERVISOR: ("referralPage", "myReferralsPage", "dayClosePage", "reportsPage"),
    Role.ADMIN: ("staffPage",),
}


def sign_in_by_dialog(qtbot, window: QMainWindow, user: str, password: str) -> None:  # type: ignore[no-untyped-def]
    user_edit = child(window, QLineEdit, "loginUserEdit")
    password_edit = child(window, QLineEdit, "loginPasswordEdit")
    user_edit.clear()
    type_text(qtbot, user_edit, user)
    type_text(qtbot, password_edit, password)
    click(qtbot, child(window, QPushButton, "loginButton"))


def wait_idle(qtbot, window: QMainWindow) -> None:  # type: ignore[no-untyped-def]
    """Every queued database job has finished and its result reached the widgets."""
    window.lane.wait()  # type: ignore[attr-defined]
    qtbot.wait(0)
