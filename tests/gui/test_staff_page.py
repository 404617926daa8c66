"""The administrator's page in the main window: adding, resetting and disabling accounts."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from models import Role
from services import accounts
from services.errors import AuthError
from tests.gui.support import child, click, type_text
from tests.gui.window_support import WAIT_MS, wait_idle

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
