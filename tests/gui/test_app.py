"""The application shell through gui.app.launch: sign-in, roles' pages, forced password change, idle lock."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)
from sqlalchemy.engine import make_url

from models import Role
from services import accounts
from services.db import Database, make_engine, schema_looks_current
from services.errors import AuthError
from tests.factories import PASSWORD
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


# --- who sees which pages ----------------------------------------------------------------

@pytest.mark.parametrize("role", list(ROLE_PAGES), ids=[r.value for r in ROLE_PAGES])
def test_each_role_gets_exactly_its_pages(qtbot, f, launch_window, role: Role) -> None:
    staff = f.staff(role)
    window = launch_window(staff.staff_no)
    assert window.objectName() == "mainWindow"
    assert window.isVisible()
    for name in ALL_PAGES:
        page = window.findChild(QWidget, name)
        if name in ROLE_PAGES[role]:
            assert page is not None, name
            assert page.accessibleName() == name
        else:
            assert page is None, f"{role} must not have {name}"
    nav = child(window, QWidget, "navList")
    assert nav.count() == len(ROLE_PAGES[role])
    assert window.current_page() is window.findChild(QWidget, ROLE_PAGES[role][0])
    wait_idle(qtbot, window)


def test_wrong_credentials_raise_the_services_auth_error(f, launch_window) -> None:
    staff = f.staff(Role.TELLER)
    with pytest.raises(AuthError):
        launch_window(staff.staff_no, "not-the-password1")
    with pytest.raises(AuthError):
        launch_window("NOBODY", PASSWORD)


def test_status_bar_names_the_person_and_the_database(qtbot, db_url, f, launch_window) -> None:
    manager = f.staff(Role.LOBBY_MANAGER, name="王芳", staff_no="L0001")
    window = launch_window(manager.staff_no)
    who = child(window, QLabel, "statusUserLabel").text()
    assert "王芳" in who and "L0001" in who and "大堂经理" in who
    where = child(window, QLabel, "statusDatabaseLabel").text()
    url = make_url(db_url)
    assert url.render_as_string(hide_password=True) in where
    if url.password:
        assert str(url.password) not in where
    qtbot.waitUntil(lambda: "测试支行" in window.windowTitle(), timeout=WAIT_MS)
    assert window.windowTitle().startswith("厅堂推介与客户跟进")
    wait_idle(qtbot, window)


def test_ctrl_number_switches_pages_and_the_list_follows(qtbot, f, launch_window) -> None:
    manager = f.staff(Role.LOBBY_MANAGER)
    window = launch_window(manager.staff_no)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    for key, name in ((Qt.Key.Key_3, "dayClosePage"), (Qt.Key.Key_4, "reportsPage"),
                      (Qt.Key.Key_2, "myReferralsPage"), (Qt.Key.Key_1, "referralPage")):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page().objectName() == name
        assert window.findChild(QWidget, name).isVisible()
    nav = child(window, QWidget, "navList")
    nav.setFocus()
    qtbot.keyClick(nav, Qt.Key.Key_Down)
    assert window.current_page().objectName() == "myReferralsPage"
    wait_idle(qtbot, window)


# --- the sign-in dialog --------------------------------------------------------------------

def test_the_sign_in_dialog_refuses_a_wrong_password_then_lets_the_right_one_in(qtbot, f, launch_window) -> None:
    teller = f.staff(Role.TELLER, name="赵敏")
    window = launch_window()
    dialog = window.sign_in_dialog
    assert dialog.isVisible() and not window.isVisible()
    assert window.findChild(QWidget, "referralPage") is None  # nothing of the branch before sign-in
    password_edit = child(window, QLineEdit, "loginPasswordEdit")
    assert password_edit.echoMode() == QLineEdit.EchoMode.Password

    sign_in_by_dialog(qtbot, window, teller.staff_no, "wrong-Passw0rd")
    error = child(window, QLabel, "loginErrorLabel")
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text() == "工号或密码不正确"
    assert password_edit.text() == "" and not window.isVisible()
    assert child(window, QLineEdit, "loginUserEdit").text() == teller.staff_no  # kept

    type_text(qtbot, password_edit, PASSWORD)
    qtbot.keyClick(password_edit, Qt.Key.Key_Return)  # Enter signs in
    qtbot.waitUntil(window.isVisible, timeout=WAIT_MS)
    assert not dialog.isVisible()
    assert window.findChild(QWidget, "referralPage") is not None
    assert "赵敏" in child(window, QLabel, "statusUserLabel").text()
    wait_idle(qtbot, window)


def test_enter_after_the_staff_id_moves_to_the_password_without_a_failed_attempt(qtbot, db, f, launch_window) -> None:
    teller = f.staff(Role.TELLER)
    window = launch_window()
    user_edit = child(window, QLineEdit, "loginUserEdit")
    type_text(qtbot, user_edit, teller.staff_no)
    qtbot.keyClick(user_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert not child(window, QLabel, "loginErrorLabel").isVisible()
    # No attempt was made: five real failures are still needed to lock the account.
    for _ in range(4):
        with pytest.raises(AuthError) as exc:
            accounts.authenticate(db, teller.staff_no, "wrong-Passw0rd")
        assert exc.value.locked_until is None


def test_five_failures_lock_the_account_and_the_dialog_says_until_when(qtbot, f, launch_window) -> None:
    teller = f.staff(Role.TELLER)
    window = launch_window()
    error = child(window, QLabel, "loginErrorLabel")
    for attempt in range(5):
        sign_in_by_dialog(qtbot, window, teller.staff_no, f"wrong-{attempt}-pw")
        qtbot.waitUntil(lambda: child(window, QPushButton, "loginButton").isEnabled(), timeout=WAIT_MS)
        qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    # A wrong password never reveals the lock (docs/audit.md "Sign-in").
    assert "10:15" not in error.text() and "锁定" not in error.text()
    sign_in_by_dialog(qtbot, window, teller.staff_no, PASSWORD)  # the right password waits, and is told why
    qtbot.waitUntil(lambda: child(window, QPushButton, "loginButton").isEnabled(), timeout=WAIT_MS)
    # The FakeClock stands at 10:00 branch time: locked for 15 minutes.
    assert "10:15" in error.text() and "锁定" in error.text()
    assert not window.isVisible()


def test_a_disabled_account_is_told_so(qtbot, db, f, launch_window) -> None:
    teller = f.staff(Role.TELLER)
    accounts.set_active(db, f.system, teller.id, False)
    window = launch_window()
    sign_in_by_dialog(qtbot, window, teller.staff_no, PASSWORD)
    error = child(window, QLabel, "loginErrorLabel")
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text() == "账户已停用"
    assert not window.isVisible()


# --- the forced password change -------------------------------------------------------------

def _change_password(qtbot, window: QMainWindow, new: str, confirm: str) -> None:  # type: ignore[no-untyped-def]
    new_edit = child(window, QLineEdit, "newPasswordEdit")
    confirm_edit = child(window, QLineEdit, "confirmPasswordEdit")
    new_edit.clear()
    confirm_edit.clear()
    type_text(qtbot, new_edit, new)
    type_text(qtbot, confirm_edit, confirm)
    button = child(window, QPushButton, "changePasswordButton")
    click(qtbot, button)
    # Accepted, the dialog is deleted; refused, it is ready again with the reasons beside the fields.
    qtbot.waitUntil(lambda: not shiboken6.isValid(button) or button.isEnabled(), timeout=WAIT_MS)


def test_first_sign_in_shows_the_password_change_first_and_the_pages_only_after(qtbot, db, f, launch_window) -> None:
    rm = f.staff(Role.RM, must_change=True)
    window = launch_window(rm.staff_no)
    dialog = child(window, QWidget, "passwordDialog")
    assert dialog.isVisible() and not window.isVisible()
    assert window.findChild(QWidget, "referralPage") is None
    assert child(window, QLabel, "passwordRulesLabel").text().startswith("密码至少 8 位")

    _change_password(qtbot, window, "short1", "short1")
    new_error = child(window, QLabel, "newPasswordEditError")
    assert new_error.isVisible() and "至少 8 位" in new_error.text()
    assert window.findChild(QWidget, "referralPage") is None

    _change_password(qtbot, window, "Newpass123", "Newpass124")
    confirm_error = child(window, QLabel, "confirmPasswordEditError")
    assert confirm_error.isVisible() and "不一致" in confirm_error.text()
    assert not new_error.isVisible()

    _change_password(qtbot, window, "Newpass123", "Newpass123")
    qtbot.waitUntil(window.isVisible, timeout=WAIT_MS)
    assert window.findChild(QWidget, "referralPage") is not None
    assert window.findChild(QWidget, "myReferralsPage") is not None
    assert accounts.authenticate(db, rm.staff_no, "Newpass123").must_change_password is False
    wait_idle(qtbot, window)


def test_the_forced_change_also_follows_the_sign_in_dialog(qtbot, f, launch_window) -> None:
    teller = f.staff(Role.TELLER, must_change=True)
    window = launch_window()
    sign_in_by_dialog(qtbot, window, teller.staff_no, PASSWORD)
    qtbot.waitUntil(lambda: window.findChild(QWidget, "passwordDialog") is not None
                    and window.findChild(QWidget, "passwordDialog").isVisible(), timeout=WAIT_MS)
    assert not window.isVisible() and window.findChild(QWidget, "referralPage") is None
    _change_password(qtbot, window, "Counter2026", "Counter2026")
    qtbot.waitUntil(window.isVisible, timeout=WAIT_MS)
    assert window.findChild(QWidget, "referralPage") is not None
    wait_idle(qtbot, window)


def test_giving_up_the_forced_change_returns_to_sign_in(qtbot, f, launch_window) -> None:
    teller = f.staff(Role.TELLER, must_change=True)
    window = launch_window(teller.staff_no)
    click(qtbot, child(window, QPushButton, "cancelPasswordButton"))
    qtbot.waitUntil(lambda: window.sign_in_dialog is not None and window.sign_in_dialog.isVisible(),
                    timeout=WAIT_MS)
    assert not window.isVisible() and window.findChild(QWidget, "referralPage") is None


def test_a_voluntary_change_asks_for_the_current_password(qtbot, db, f, launch_window) -> None:
    teller = f.staff(Role.TELLER)
    window = launch_window(teller.staff_no)
    window.findChild(type(window.change_password_action), "changePasswordAction").trigger()
    old_edit = child(window, QLineEdit, "oldPasswordEdit")
    assert old_edit.isVisible()
    type_text(qtbot, old_edit, "not-mine-1")
    _change_password(qtbot, window, "Another2026", "Another2026")
    old_error = child(window, QLabel, "oldPasswordEditError")
    assert old_error.isVisible()
    old_edit.clear()
    type_text(qtbot, old_edit, PASSWORD)
    _change_password(qtbot, window, "Another2026", "Another2026")
    qtbot.waitUntil(lambda: window.findChild(QWidget, "passwordDialog") is None, timeout=WAIT_MS)
    assert accounts.authenticate(db, teller.staff_no, "Another2026").actor.staff_no == teller.staff_no
    wait_idle(qtbot, window)


# --- the idle lock and signing out ---------------------------------------------------------

def test_the_idle_lock_hides_client_data_and_opens_only_for_the_same_person(qtbot, f, launch_window) -> None:
    teller = f.staff(Role.TELLER)
    colleague = f.staff(Role.TELLER, password="Colleague99")
    rm = f.staff(Role.RM)
    f.referral(teller, rm, name="王小明")
    window = launch_window(teller.staff_no)
    window.show_page("myReferralsPage")
    table = child(window, QTableView, "referralTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=WAIT_MS)
    assert table.isVisible()

    window.lock_now()
    assert window.is_locked
    for name in window.page_names:
        assert not window.findChild(QWidget, name).isVisible(), name
    assert table.model().rowCount() == 0
    assert not table.isVisible()
    lock_edit = child(window, QLineEdit, "lockPasswordEdit")
    assert lock_edit.isVisible() and lock_edit.echoMode() == QLineEdit.EchoMode.Password
    assert not window.findChild(type(window.lock_action), "myReferralsPageAction").isEnabled()

    type_text(qtbot, lock_edit, "Colleague99")  # someone else's password does not open it
    click(qtbot, child(window, QPushButton, "unlockButton"))
    error = child(window, QLabel, "lockPasswordEditError")
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert window.is_locked and table.model().rowCount() == 0 and not table.isVisible()
    assert colleague.staff_no != teller.staff_no

    type_text(qtbot, lock_edit, PASSWORD)
    qtbot.keyClick(lock_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=WAIT_MS)
    assert table.isVisible() and window.current_page().objectName() == "myReferralsPage"
    wait_idle(qtbot, window)


def test_no_input_for_the_idle_time_locks_the_window(qtbot, f, launch_window) -> None:
    teller = f.staff(Role.TELLER)
    window = launch_window(teller.staff_no)
    assert window.idle_timeout_ms == 10 * 60_000  # the branch's setting: 10 minutes
    window.set_idle_timeout_ms(150)
    with qtbot.waitSignal(window.locked, timeout=WAIT_MS):
        pass
    assert window.is_locked
    assert not window.findChild(QWidget, "referralPage").isVisible()
    wait_idle(qtbot, window)


def test_input_keeps_the_window_unlocked(qtbot, f, launch_window) -> None:
    teller = f.staff(Role.TELLER)
    window = launch_window(teller.staff_no)
    window.set_idle_timeout_ms(400)
    mobile = child(window, QLineEdit, "clientMobileEdit")
    for _ in range(6):  # keystrokes every 100 ms for 600 ms: longer than the timeout in all
        qtbot.keyClick(mobile, Qt.Key.Key_1)
        qtbot.wait(100)
        assert not window.is_locked
    qtbot.waitSignal(window.locked, timeout=WAIT_MS).wait()
    assert window.is_locked
    wait_idle(qtbot, window)


def test_signing_out_removes_the_pages_and_shows_the_sign_in_dialog(qtbot, f, launch_window) -> None:
    manager = f.staff(Role.LOBBY_MANAGER)
    window = launch_window(manager.staff_no)
    window.findChild(type(window.sign_out_action), "signOutAction").trigger()
    assert not window.isVisible()
    assert window.sign_in_dialog is not None and window.sign_in_dialog.isVisible()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "referralPage") is None, timeout=WAIT_MS)
    assert window.findChild(QWidget, "dayClosePage") is None
    assert child(window, QLineEdit, "loginPasswordEdit").text() == ""
    # Someone else signs in at the same desk and gets their own role's pages.
    admin = f.staff(Role.ADMIN)
    sign_in_by_dialog(qtbot, window, admin.staff_no, PASSWORD)
    qtbot.waitUntil(window.isVisible, timeout=WAIT_MS)
    assert window.findChild(QWidget, "staffPage") is not None
    assert window.findChild(QWidget, "referralPage") is None
    wait_idle(qtbot, window)


# --- the administrator's page -----------------------------------------------------------------

def test_the_admin_adds_resets_and_disables_accounts(qtbot, db, f, launch_window, qtmodeltester) -> None:
    admin = f.staff(Role.ADMIN, staff_no="A0001", name="郑凯")
    window = launch_window(admin.staff_no)
    page = child(window, QWidget, "staffPage")
    table = child(page, QTableView, "staffTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=WAIT_MS)
    qtmodeltester.check(table.model())

    # Bad input: the field says why, what was typed stays.
    type_text(qtbot, child(page, QLineEdit, "staffIdEdit"), "R0100")
    click(qtbot, child(page, QPushButton, "addStaffButton"))
    name_error = child(page, QLabel, "staffNameEditError")
    qtbot.waitUntil(name_error.isVisible, timeout=WAIT_MS)
    assert name_error.text() == "必填"
    assert child(page, QLineEdit, "staffIdEdit").text() == "R0100"

    type_text(qtbot, child(page, QLineEdit, "staffNameEdit"), "张三")
    combo = child(page, QComboBox, "staffRoleCombo")
    combo.setCurrentIndex(combo.findData("rm"))
    click(qtbot, child(page, QPushButton, "addStaffButton"))
    shown = child(page, QLabel, "oneTimePasswordLabel")
    qtbot.waitUntil(shown.isVisible, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: table.model().rowCount() == 2, timeout=WAIT_MS)
    assert not name_error.isVisible()
    first_password = re.search(r"一次性密码：(\S+)", shown.text())[1]  # type: ignore[index]
    signed = accounts.authenticate(db, "R0100", first_password)
    assert signed.must_change_password and signed.actor.role == "rm" and signed.actor.name == "张三"
    qtmodeltester.check(table.model())

    row = next(r for r in range(table.model().rowCount()) if table.model().index(r, 0).data() == "R0100")
    assert table.model().index(row, 2).data() == "理财经理"
    table.selectRow(row)
    click(qtbot, child(page, QPushButton, "resetPasswordButton"))
    qtbot.waitUntil(lambda: shown.isVisible() and first_password not in shown.text(), timeout=WAIT_MS)
    second_password = re.search(r"一次性密码：(\S+)", shown.text())[1]  # type: ignore[index]
    with pytest.raises(AuthError):
        accounts.authenticate(db, "R0100", first_password)
    assert accounts.authenticate(db, "R0100", second_password).must_change_password

    toggle = child(page, QPushButton, "toggleActiveButton")
    assert toggle.text() == "停用"
    click(qtbot, toggle)
    qtbot.waitUntil(lambda: table.model().index(row, 3).data() == "已停用", timeout=WAIT_MS)
    with pytest.raises(AuthError, match="停用"):
        accounts.authenticate(db, "R0100", second_password)

    own_row = next(r for r in range(table.model().rowCount()) if table.model().index(r, 0).data() == "A0001")
    table.selectRow(own_row)
    assert not toggle.isEnabled()  # nobody disables themselves

    window.lock_now()
    assert table.model().rowCount() == 0 and shown.text() == ""  # the one-time password is gone
    wait_idle(qtbot, window)


# --- first run ----------------------------------------------------------------------------------

def _first_run_dialog(qtbot, database: Database):  # type: ignore[no-untyped-def]
    from gui.dialogs.first_run import FirstRunDialog
    from gui.worker import DbLane

    lane = DbLane()
    dialog = FirstRunDialog(database, lane, None)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, lane


def test_first_run_sets_up_the_branch_and_its_administrator(qtbot, db_url, clock) -> None:
    database = Database(make_engine(db_url), clock)
    try:
        assert accounts.is_empty(database)
        dialog, lane = _first_run_dialog(qtbot, database)
        click(qtbot, child(dialog, QPushButton, "setUpBranchButton"))
        type_text(qtbot, child(dialog, QLineEdit, "branchCodeEdit"), "0105")
        type_text(qtbot, child(dialog, QLineEdit, "branchNameEdit"), "蜀山支行")
        type_text(qtbot, child(dialog, QLineEdit, "adminIdEdit"), "A0001")
        type_text(qtbot, child(dialog, QLineEdit, "adminNameEdit"), "郑凯")
        type_text(qtbot, child(dialog, QLineEdit, "adminPasswordEdit"), "Admin2026")
        type_text(qtbot, child(dialog, QLineEdit, "adminConfirmEdit"), "Admin2027")
        create = child(dialog, QPushButton, "createBranchButton")
        click(qtbot, create)
        confirm_error = child(dialog, QLabel, "adminConfirmEditError")
        qtbot.waitUntil(confirm_error.isVisible, timeout=WAIT_MS)
        assert "不一致" in confirm_error.text()
        assert accounts.is_empty(database) and accounts.list_branches(database) == []  # nothing written

        child(dialog, QLineEdit, "adminConfirmEdit").clear()
        type_text(qtbot, child(dialog, QLineEdit, "adminConfirmEdit"), "Admin2026")
        with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
            click(qtbot, create)
        assert dialog.prefill_user == "A0001"
        lane.wait()
        assert not accounts.is_empty(database)
        [branch] = accounts.list_branches(database)
        assert (branch.code, branch.name) == ("0105", "蜀山支行")
        signed = accounts.authenticate(database, "A0001", "Admin2026")
        assert signed.actor.role == "admin" and not signed.must_change_password
    finally:
        database.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"


def test_first_run_opens_the_demo_branch_and_shows_its_accounts(qtbot, sqlite_url) -> None:
    # One engine is enough here: the demo build itself is tested by its own module.
    database = Database(make_engine(sqlite_url))
    try:
        dialog, lane = _first_run_dialog(qtbot, database)
        click(qtbot, child(dialog, QPushButton, "openDemoButton"))
        assert child(dialog, QWidget, "demoProgressBar").isVisible()
        table = child(dialog, QAbstractItemView, "demoAccountsTable")
        qtbot.waitUntil(table.isVisible, timeout=120_000)
        model = table.model()
        rows = {model.index(r, 2).data(): (model.index(r, 0).data(), model.index(r, 3).data())
                for r in range(model.rowCount())}
        assert {"柜员", "大堂经理", "理财经理", "营销经理", "理财中心负责人", "系统管理员"} <= set(rows)
        staff_no, password = rows["大堂经理"]
        row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == staff_no)
        table.selectRow(row)
        with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
            click(qtbot, child(dialog, QPushButton, "continueButton"))
        assert (dialog.prefill_user, dialog.prefill_password) == (staff_no, password)
        lane.wait()
        assert accounts.authenticate(database, staff_no, password).actor.role == "lobby_manager"
    finally:
        database.dispose()


# --- the program -----------------------------------------------------------------------------------

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


def test_the_program_migrates_a_new_file_and_leads_from_first_run_to_the_main_window(qtbot, tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    engine = make_engine(url)
    assert not schema_looks_current(engine)  # a new file: the program must migrate it
    engine.dispose()
    typed: dict[str, str] = {}

    def fill_first_run() -> bool:
        button = shown(QPushButton, "setUpBranchButton")
        if button is None:
            return False
        assert shown(QWidget, "signInDialog") is None  # an empty database starts with the first run
        button.click()
        for name, text in (("branchCodeEdit", "0105"), ("branchNameEdit", "蜀山支行"), ("adminIdEdit", "A0001"),
                           ("adminNameEdit", "郑凯"), ("adminPasswordEdit", "Admin2026"),
                           ("adminConfirmEdit", "Admin2026")):
            shown(QLineEdit, name).setText(text)
        shown(QPushButton, "createBranchButton").click()
        return True

    def sign_in() -> bool:
        user = shown(QLineEdit, "loginUserEdit")
        if user is None or not shown(QPushButton, "loginButton").isEnabled():
            return False
        typed["user"] = user.text()
        shown(QLineEdit, "loginPasswordEdit").setText("Admin2026")
        shown(QPushButton, "loginButton").click()
        return True

    def main_window_up() -> bool:
        window = shown(QMainWindow, "mainWindow")
        if window is None:
            return False
        typed["pages"] = ",".join(window.page_names)
        typed["status"] = window.findChild(QLabel, "statusUserLabel").text()
        window.close()  # the program ends with its window
        return True

    driver = Driver([fill_first_run, sign_in, main_window_up])
    code = driver.run(url)
    assert not driver.errors, driver.errors
    assert code == 0
    assert typed == {"user": "A0001", "pages": "staffPage", "status": "当前登录：郑凯（A0001），系统管理员"}
    database = Database(make_engine(url))
    try:
        assert schema_looks_current(database.engine) and not accounts.is_empty(database)
    finally:
        database.dispose()


def test_a_database_url_that_cannot_work_is_explained_and_ends_with_status_2(qtbot) -> None:
    seen: list[str] = []

    def read_and_close_the_box() -> bool:
        box = shown(QMessageBox, "startupErrorBox")
        if box is None:
            return False
        seen.append(box.text())
        box.accept()
        return True

    driver = Driver([read_and_close_the_box])
    code = driver.run("mysql://nobody@localhost/nothing")
    assert not driver.errors, driver.errors
    assert code == 2
    assert seen and "不支持的数据库" in seen[0]


def test_the_benchmark_switch_ends_the_program_once_the_first_window_shows(db_url: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LOBBYDESK_BENCH_QUIT_ON_SHOWN="1")
    env.pop("LOBBYDESK_DB_URL", None)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", db_url], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


# --- screenshots -------------------------------------------------------------------------------------

def test_screenshots_of_the_sign_in_dialog_and_the_main_window(qtbot, tmp_path, f, launch_window) -> None:
    """Rendered offscreen into tmp_path; LOBBYDESK_WRITE_SCREENSHOTS=1 also writes docs/*.png."""
    manager = f.staff(Role.LOBBY_MANAGER, name="王丽华", staff_no="L01")
    teller = f.staff(Role.TELLER, name="陈晓燕", staff_no="T01")
    rm_a = f.staff(Role.RM, name="张伟", staff_no="R01")
    rm_b = f.staff(Role.RM, name="欧阳明轩", staff_no="R02")
    samples = (
        (manager, rm_a, "referred", "to_win", "lobby", "13912345678", "王小明"),
        (teller, rm_b, "pending", "existing_potential", "cash_counter", "13800001111", "李华"),
        (manager, rm_b, "referred", "existing_premium", "lobby", "15955102233", "欧阳娜娜"),
        (teller, rm_a, "pending", "to_win", "non_cash_counter", "18655017788", "周杰"),
        (manager, rm_a, "referred", "existing_potential", "phone_banking", "13705514321", "孙丽"),
    )
    for referrer, rm, status, kind, channel, mobile, name in samples:
        f.referral(referrer, rm, status=status, client_type=kind, channel=channel, mobile=mobile, name=name)
    signing = launch_window()
    signing.sign_in_dialog.prefill(manager.staff_no)
    out = ROOT / "docs" if os.environ.get("LOBBYDESK_WRITE_SCREENSHOTS") == "1" else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    shot = signing.sign_in_dialog.grab()
    assert not shot.isNull() and shot.width() >= 400
    assert shot.save(str(out / "signin.png"))

    window = launch_window(manager.staff_no)
    window.resize(1366, 728)
    window.show_page("myReferralsPage")
    table = child(window, QTableView, "referralTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == len(samples), timeout=WAIT_MS)
    wait_idle(qtbot, window)
    qtbot.wait(50)  # let the layouts settle after the last labels changed
    image = window.grab()
    assert image.width() == 1366
    assert image.save(str(out / "main-window.png"))


def test_ctrl_n_opens_a_clean_referral_form_from_any_page(qtbot, f, launch_window):
    from PySide6.QtWidgets import QLineEdit

    person = f.staff(Role.LOBBY_MANAGER, staff_no="L0099")
    window = launch_window(person.staff_no)
    qtbot.waitExposed(window)
    mobile = window.findChild(QLineEdit, "clientMobileEdit")
    qtbot.keyClicks(mobile, "139")
    window.show_page("dayClosePage")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    date_edit = window.findChild(QWidget, "dayCloseDateEdit")
    date_edit.setFocus()
    qtbot.keyClick(date_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.page("referralPage")
    assert mobile.text() == "" and mobile.hasFocus()


def test_a_window_watches_the_database_once_for_all_its_pages(qtbot, f, launch_window):
    person = f.staff(Role.LOBBY_MANAGER, staff_no="L0098")
    window = launch_window(person.staff_no)
    referrals_watch = window.page("myReferralsPage").watcher
    assert referrals_watch is window.page("dayClosePage").watcher
    qtbot.waitUntil(lambda: referrals_watch.ready, timeout=WAIT_MS)
    window.sign_out()
    assert not referrals_watch.ready  # signing out released the listening connection
