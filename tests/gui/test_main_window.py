"""The main window through gui.app.launch: each role's pages, navigation, status bar, shortcuts, screenshots."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)
from sqlalchemy.engine import make_url

from models import Role
from services.errors import AuthError
from tests.factories import PASSWORD
from tests.gui.support import child
from tests.gui.window_support import ALL_PAGES, ROLE_PAGES, ROOT, WAIT_MS, wait_idle

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


def test_a_session_is_frozen_once_painted_and_thawed_at_sign_out(qtbot, f, launch_window):
    import gc

    from gui import collector

    person = f.staff(Role.RM, staff_no="R0097")
    window = launch_window(person.staff_no)
    installed = collector.install(QApplication.instance())
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not installed.holding, timeout=WAIT_MS)  # released after the first paint
    assert gc.get_freeze_count() > 0  # the session's pages are left out of every collection
    window.sign_out()
    assert gc.get_freeze_count() == 0  # and looked at again once signed out
