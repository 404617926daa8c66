"""The idle lock and signing out: client data hidden in every window until the same person unlocks."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import Role
from tests.factories import PASSWORD
from tests.gui.support import child, click, type_text
from tests.gui.window_support import WAIT_MS, sign_in_by_dialog, wait_idle

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


# --- windows of their own that show a client -------------------------------------------------

def _client_on_screen(name: str) -> list[str]:
    """Where ``name`` can be read on screen: visible labels, and cells of visible tables, in any window."""
    seen: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for label in [top, *top.findChildren(QLabel)]:
            if isinstance(label, QLabel) and label.isVisible() and name in label.text():
                seen.append(f"{top.objectName()}/{label.objectName()}")
        for view in top.findChildren(QTableView):
            model = view.model()
            if not view.isVisible() or model is None:
                continue
            top_index = QModelIndex()
            for row in range(model.rowCount(top_index)):
                for column in range(model.columnCount(top_index)):
                    if name in str(model.index(row, column).data() or ""):
                        seen.append(f"{top.objectName()}/{view.objectName()}")
    return seen


def test_the_idle_lock_hides_every_window_showing_a_client_until_the_same_person_unlocks(
        qtbot, f, launch_window) -> None:
    teller, rm = f.staff(Role.TELLER), f.staff(Role.RM)
    f.referral(teller, rm, name="王秘密")
    window = launch_window(teller.staff_no, idle_seconds=1)
    assert window.idle_timeout_ms == 1000  # launch(idle_seconds=...) overrides the branch's 10 minutes
    window.show_page("myReferralsPage")
    # A top-level window of its own showing the client, registered the way the client-profile
    # window registers: through the signed-in context.
    details = QWidget()
    details.setObjectName("clientDetailsWindow")
    QVBoxLayout(details).addWidget(QLabel("客户：王秘密 139****5678"))
    qtbot.addWidget(details)
    window.ctx.register_sensitive(details)
    details.show()
    assert _client_on_screen("王秘密")

    qtbot.waitUntil(lambda: window.is_locked, timeout=WAIT_MS)  # no input for a second
    assert not details.isVisible()
    assert _client_on_screen("王秘密") == []
    wait_idle(qtbot, window)  # a load that was under way lands now, and must not bring the client back
    qtbot.wait(200)
    assert window.is_locked and not details.isVisible()
    assert _client_on_screen("王秘密") == []

    window.set_idle_timeout_ms(10 * 60_000)  # the checks after unlock must not race the next lock
    lock_edit = child(window, QLineEdit, "lockPasswordEdit")
    type_text(qtbot, lock_edit, PASSWORD)
    qtbot.keyClick(lock_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=WAIT_MS)
    assert details.isVisible(), "the window hidden by the lock comes back after unlock"
    qtbot.waitUntil(lambda: len(_client_on_screen("王秘密")) >= 2, timeout=WAIT_MS)  # the table too
    wait_idle(qtbot, window)


def test_signing_out_closes_the_windows_showing_a_client(qtbot, f, launch_window) -> None:
    teller = f.staff(Role.TELLER)
    window = launch_window(teller.staff_no)
    details = QWidget()
    qtbot.addWidget(details)
    window.ctx.register_sensitive(details)
    details.show()
    window.sign_out()
    assert not details.isVisible()
    wait_idle(qtbot, window)


def test_input_is_watched_from_the_first_paint_and_not_once_stopped(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    from gui.dialogs.lock import IdleWatcher

    host = QWidget()
    qtbot.addWidget(host)
    watcher = IdleWatcher(host)
    watcher.set_timeout_ms(60_000)
    watcher.start(after_paint_of=host)
    assert watcher.is_running() and not watcher._installed  # counting, but no filter before the paint
    host.show()
    qtbot.waitUntil(lambda: watcher._installed, timeout=WAIT_MS)
    watcher.stop()
    assert not watcher._installed

    late = QWidget()
    qtbot.addWidget(late)
    watcher.start(after_paint_of=late)
    watcher.stop()  # stopped (signed out, locked) before the paint
    late.show()
    qtbot.waitExposed(late)
    qtbot.wait(400)  # past the paint and the helper's fallback
    assert not watcher._installed
