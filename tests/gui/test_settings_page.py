"""The settings page as admin and supervisor; settings taking effect (docs/settings.md)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QSpinBox, QWidget
from sqlalchemy import select

from gui.pages.settings import BranchSettingsSection, SettingsPage
from models import BranchSettings, Role
from services import settings
from services.settings import SettingsInput
from tests.gui.support import child, click, type_text
from tests.gui.window_support import WAIT_MS, wait_idle


def _stored(db) -> tuple[int, int, list[str]]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        row = s.scalars(select(BranchSettings)).one()
        return row.idle_lock_minutes, row.abandon_after_attempts, list(row.interests)


def _admin_window(qtbot, f, launch_window):  # type: ignore[no-untyped-def]
    admin = f.staff(Role.ADMIN, staff_no="A01", name="林管理")
    window = launch_window(admin.staff_no)
    qtbot.waitExposed(window)
    window.show_page("settingsPage")
    page = child(window, SettingsPage, "settingsPage")
    names = child(page, QLineEdit, "branchNameEdit")
    qtbot.waitUntil(lambda: names.text() != "", timeout=WAIT_MS)
    return window, page


def _set_spin(qtbot, spin: QSpinBox, value: int) -> None:  # type: ignore[no-untyped-def]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    assert spin.value() == value


def test_admin_saves_new_idle_minutes_and_the_idle_lock_uses_them(qtbot, f, launch_window, db):
    window, page = _admin_window(qtbot, f, launch_window)
    assert window.idle_timeout_ms == 10 * 60_000
    assert set(page.sections) == {"branchSettingsSection", "holidaysSection"}
    spin = child(page, QSpinBox, "idleLockMinutesSpin")
    _set_spin(qtbot, spin, 1)
    click(qtbot, child(page, QPushButton, "saveSettingsButton"))
    saved = child(page, QLabel, "settingsSavedLabel")
    qtbot.waitUntil(lambda: saved.text() != "", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.idle_timeout_ms == 60_000, timeout=WAIT_MS)
    assert window.idle.is_running()
    assert _stored(db)[0] == 1
    # The lock fires after the window's timeout: shorten only the timer's clock, not the setting's source.
    window.idle.set_timeout_ms(window.idle_timeout_ms // 600)  # 100 ms stands for the minute
    with qtbot.waitSignal(window.locked, timeout=WAIT_MS):
        pass
    assert window.is_locked
    wait_idle(qtbot, window)


def test_a_second_sign_in_reads_the_new_minutes(qtbot, f, launch_window, db):
    admin = f.actor(f.staff(Role.ADMIN))
    settings.update(db, admin, SettingsInput(idle_lock_minutes=3), settings.read(db, admin).version)
    teller = f.staff(Role.TELLER)
    window = launch_window(teller.staff_no)
    qtbot.waitUntil(lambda: window.idle_timeout_ms == 3 * 60_000, timeout=WAIT_MS)
    assert window.findChild(QWidget, "settingsPage") is None  # not the teller's page
    wait_idle(qtbot, window)


def test_bad_minutes_and_a_duplicate_interest_show_beside_their_fields_and_nothing_is_written(
        qtbot, f, launch_window, db):
    window, page = _admin_window(qtbot, f, launch_window)
    before = _stored(db)
    _set_spin(qtbot, child(page, QSpinBox, "idleLockMinutesSpin"), 0)
    type_text(qtbot, child(page, QLineEdit, "newInterestEdit"), "基金")  # already in the list
    click(qtbot, child(page, QPushButton, "addInterestButton"))
    click(qtbot, child(page, QPushButton, "saveSettingsButton"))
    idle_error = child(page, QLabel, "idleLockMinutesSpinError")
    interests_error = child(page, QLabel, "interestsSettingsError")
    qtbot.waitUntil(lambda: idle_error.isVisible() and interests_error.isVisible(), timeout=WAIT_MS)
    assert "60" in idle_error.text() and "基金" in interests_error.text()
    assert child(page, QSpinBox, "idleLockMinutesSpin").value() == 0  # kept as typed
    assert _stored(db) == before
    assert window.idle_timeout_ms == 10 * 60_000
    wait_idle(qtbot, window)


def test_interests_add_rename_remove_reorder_reach_the_referral_form(qtbot, f, launch_window, db):
    window, page = _admin_window(qtbot, f, launch_window)
    lst = child(page, QListWidget, "interestsSettingsList")
    start = [lst.item(i).text() for i in range(lst.count())]
    type_text(qtbot, child(page, QLineEdit, "newInterestEdit"), "大额存单")
    qtbot.keyClick(child(page, QLineEdit, "newInterestEdit"), Qt.Key.Key_Return)
    assert lst.item(lst.count() - 1).text() == "大额存单"
    lst.setCurrentRow(lst.count() - 1)
    click(qtbot, child(page, QPushButton, "moveInterestUpButton"))
    assert lst.item(lst.count() - 2).text() == "大额存单"
    lst.setCurrentRow(0)
    click(qtbot, child(page, QPushButton, "removeInterestButton"))
    lst.setCurrentRow(0)
    lst.item(0).setText("基金定投")  # what the in-place editor (Rename, F2) commits
    click(qtbot, child(page, QPushButton, "saveSettingsButton"))
    saved = child(page, QLabel, "settingsSavedLabel")
    qtbot.waitUntil(lambda: saved.text() != "", timeout=WAIT_MS)
    expected = ["基金定投", *start[2:-1], "大额存单", start[-1]]
    assert _stored(db)[2] == expected
    wait_idle(qtbot, window)

    lobby = f.staff(Role.LOBBY_MANAGER)
    f.staff(Role.RM)
    other = launch_window(lobby.staff_no)
    form_list = child(other, QListWidget, "interestsList")
    qtbot.waitUntil(lambda: form_list.count() == len(expected), timeout=WAIT_MS)
    assert [form_list.item(i).text() for i in range(form_list.count())] == expected
    wait_idle(qtbot, other)


def test_a_concurrent_save_is_refused_naming_who_and_what_was_typed_stays(qtbot, f, launch_window, db):
    window, page = _admin_window(qtbot, f, launch_window)
    other = f.actor(f.staff(Role.ADMIN, staff_no="A02", name="周管理"))
    settings.update(db, other, SettingsInput(abandon_after_attempts=5), settings.read(db, other).version)
    _set_spin(qtbot, child(page, QSpinBox, "abandonAfterSpin"), 7)
    click(qtbot, child(page, QPushButton, "saveSettingsButton"))
    general = child(page, QLabel, "branchSettingsSectionError")
    qtbot.waitUntil(general.isVisible, timeout=WAIT_MS)
    assert "周管理" in general.text()
    assert child(page, QSpinBox, "abandonAfterSpin").value() == 7
    assert _stored(db)[1] == 5
    wait_idle(qtbot, window)


def test_supervisor_sees_the_score_settings_section_only(qtbot, f, launch_window):
    sup = f.staff(Role.SUPERVISOR)
    window = launch_window(sup.staff_no)
    window.show_page("settingsPage")
    page = child(window, SettingsPage, "settingsPage")
    assert set(page.sections) == {"holidaysSection", "scoreSettingsSection", "maintenancePlansSection",
                                  "assessmentWeightsSection"}
    assert page.findChild(BranchSettingsSection) is None
    click(qtbot, child(page, QPushButton, "openScoreSettingsButton"))
    qtbot.waitUntil(lambda: window.findChild(QWidget, "scoreSettingsDialog") is not None
                    and window.findChild(QWidget, "scoreSettingsDialog").isVisible(), timeout=WAIT_MS)
    window.findChild(QWidget, "scoreSettingsDialog").reject()
    wait_idle(qtbot, window)


def test_lobby_manager_has_no_settings_or_audit_page(qtbot, f, launch_window):
    lobby = f.staff(Role.LOBBY_MANAGER)
    window = launch_window(lobby.staff_no)
    assert "settingsPage" not in window.page_names and "auditPage" not in window.page_names
    wait_idle(qtbot, window)
