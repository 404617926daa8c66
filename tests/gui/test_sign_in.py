"""Signing in: the sign-in dialog, lock-out, and the forced and voluntary password changes."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QWidget,
)

from models import Role
from services import accounts
from services.errors import AuthError
from tests.factories import PASSWORD
from tests.gui.support import child, click, type_text
from tests.gui.window_support import WAIT_MS, sign_in_by_dialog, wait_idle

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


def test_the_pages_built_beside_the_password_check_go_when_the_password_is_wrong(qtbot, f, launch_window) -> None:
    """The role's pages are built while argon2 runs (docs/architecture.md "Start-up"); a refusal discards them."""
    teller = f.staff(Role.TELLER)
    window = launch_window()
    candidates: list[str] = []
    window.sign_in_dialog.candidate.connect(lambda actor: candidates.append(actor.staff_no))
    sign_in_by_dialog(qtbot, window, teller.staff_no, "wrong-Passw0rd")
    qtbot.waitUntil(child(window, QLabel, "loginErrorLabel").isVisible, timeout=WAIT_MS)
    assert candidates == [teller.staff_no]  # built meanwhile
    assert window.page_names == [] and not window.isVisible()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "referralPage") is None, timeout=WAIT_MS)

    sign_in_by_dialog(qtbot, window, teller.staff_no, PASSWORD)
    qtbot.waitUntil(window.isVisible, timeout=WAIT_MS)
    assert candidates == [teller.staff_no, teller.staff_no]
    assert len(window.findChildren(QWidget, "referralPage")) == 1
    assert window.current_page() is window.page("referralPage")
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


def test_an_empty_field_is_said_beside_it_and_nothing_is_checked(qtbot, db, f, launch_window) -> None:
    teller = f.staff(Role.TELLER)
    window = launch_window()
    click(qtbot, child(window, QPushButton, "loginButton"))
    user_error = child(window, QLabel, "loginUserEditError")
    assert user_error.isVisible() and user_error.text() == "请输入工号。"
    assert window.sign_in_dialog.focusWidget() is child(window, QLineEdit, "loginUserEdit")
    assert not child(window, QLabel, "loginErrorLabel").isVisible()

    type_text(qtbot, child(window, QLineEdit, "loginUserEdit"), teller.staff_no)
    click(qtbot, child(window, QPushButton, "loginButton"))
    password_error = child(window, QLabel, "loginPasswordEditError")
    assert password_error.isVisible() and password_error.text() == "请输入密码。"
    assert not user_error.isVisible()
    assert window.sign_in_dialog.focusWidget() is child(window, QLineEdit, "loginPasswordEdit")
    wait_idle(qtbot, window)
    # Nothing reached the service: five real failures are still needed to lock the account.
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
