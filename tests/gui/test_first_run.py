"""The first-run dialog: a new branch and its administrator, or the demo branch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from services import accounts
from services.db import Database, make_engine
from tests.gui.support import child, click, type_text
from tests.gui.window_support import WAIT_MS

# --- first run ----------------------------------------------------------------------------------

def _first_run_dialog(qtbot, database: Database):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from gui.app import install_translators
    from gui.dialogs.first_run import FirstRunDialog
    from gui.worker import DbLane

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, "zh_CN")  # as a start does; an earlier test may have left English installed
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
