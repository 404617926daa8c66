"""What the window tests share: the roles' pages, signing in by the dialog, waiting for the lane."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
)

from models import Role
from tests.gui.support import child, click, type_text

ROOT = Path(__file__).resolve().parents[2]
WAIT_MS = 15_000
ALL_PAGES = ("referralPage", "myReferralsPage", "dayClosePage", "reportsPage", "staffPage",
             "followUpPage", "diaryPage", "clientPage", "weeklySummaryPage", "retentionPage", "complaintPage",
             "settingsPage", "auditPage", "targetsPage", "assessmentPage", "headOfficeReportsPage",
             "branchRankingPage", "branchMonthPage", "headOfficeAssessmentPage", "branchesPage")
ROLE_PAGES = {
    Role.TELLER: ("referralPage", "myReferralsPage", "clientPage", "retentionPage", "complaintPage"),
    Role.MARKETING: ("referralPage", "myReferralsPage", "clientPage", "complaintPage"),
    Role.RM: ("followUpPage", "referralPage", "myReferralsPage", "diaryPage", "weeklySummaryPage", "clientPage",
              "retentionPage", "complaintPage", "targetsPage", "assessmentPage"),
    Role.LOBBY_MANAGER: ("referralPage", "myReferralsPage", "dayClosePage", "reportsPage", "clientPage",
                         "retentionPage", "complaintPage"),
    Role.SUPERVISOR: ("followUpPage", "referralPage", "myReferralsPage", "diaryPage", "dayClosePage", "reportsPage",
                      "weeklySummaryPage", "clientPage", "retentionPage", "complaintPage", "settingsPage", "auditPage",
                      "targetsPage", "assessmentPage"),
    Role.ADMIN: ("staffPage", "settingsPage", "auditPage", "branchesPage"),
    Role.HEAD_OFFICE: ("headOfficeReportsPage", "branchRankingPage", "branchMonthPage", "headOfficeAssessmentPage",
                       "branchesPage"),
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


# --- the real program (run_gui runs its own event loop) ---------------------------------------------

class Driver:
    """Plays a person at the real program: ``run_gui`` runs its own event loop, so steps run from a timer."""

    def __init__(self, steps: list) -> None:  # type: ignore[type-arg]
        from PySide6.QtCore import QTimer

        self.steps = list(steps)
        self.errors: list[BaseException] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.tick)
        self.deadline = QTimer()
        self.deadline.setSingleShot(True)
        self.deadline.timeout.connect(lambda: QApplication.instance().exit(99))  # never hang the suite

    def tick(self) -> None:
        if not self.steps:
            return
        try:
            if self.steps[0]():  # a step returns True once done, else it is tried again
                self.steps.pop(0)
        except BaseException as exc:
            self.errors.append(exc)
            self.steps.clear()
            QApplication.instance().exit(98)

    def run(self, db_url: str | None) -> int:
        from gui.app import run_gui

        app = QApplication.instance()
        self.timer.start()
        self.deadline.start(120_000)
        try:
            return run_gui(db_url, "zh_CN")
        finally:
            self.timer.stop()
            self.deadline.stop()
            app.setQuitOnLastWindowClosed(True)


def shown(kind: type, name: str):  # type: ignore[no-untyped-def]
    """The visible widget of that name in any top-level window, else None."""
    for top in QApplication.topLevelWidgets():
        widget = top if top.objectName() == name else top.findChild(kind, name)
        if widget is not None and isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def run_to_the_startup_error(db_url: str) -> tuple[int, list[str]]:
    """Runs the program on ``db_url``, reads and closes its start-up error box: (exit status, the box's texts)."""
    seen: list[str] = []

    def read_and_close_the_box() -> bool:
        box = shown(QMessageBox, "startupErrorBox")
        if box is None:
            return False
        seen.append(box.text())
        box.accept()
        return True

    driver = Driver([read_and_close_the_box])
    code = driver.run(db_url)
    assert not driver.errors, driver.errors
    return code, seen
