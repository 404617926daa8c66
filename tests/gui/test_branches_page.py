"""The branches page (docs/branches.md): the administrator lists the branches and adds one."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView, QWidget
from sqlalchemy import func, select

from gui.dialogs.new_branch import NewBranchDialog
from models import Branch, Role
from tests.gui.support import child, click, type_text
from tests.gui.window_support import WAIT_MS, wait_idle


def _open_dialog(qtbot, page: QWidget) -> NewBranchDialog:  # type: ignore[no-untyped-def]
    click(qtbot, page.findChild(QWidget, "newBranchButton"))
    qtbot.waitUntil(lambda: page.findChild(NewBranchDialog, "newBranchDialog") is not None, timeout=WAIT_MS)
    dialog = page.findChild(NewBranchDialog, "newBranchDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_the_admin_adds_a_branch_and_bad_input_shows_beside_its_field(qtbot, db, f, launch_window,
                                                                       qtmodeltester) -> None:
    admin = f.staff(Role.ADMIN, staff_no="A0001", name="郑凯")
    window = launch_window(admin.staff_no)
    window.show_page("branchesPage")
    page = child(window, QWidget, "branchesPage")
    table = child(page, QTableView, "branchTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=WAIT_MS)
    qtmodeltester.check(table.model())
    assert table.model().index(0, 0).data() == "0001" and table.model().index(0, 2).data() == 1

    dialog = _open_dialog(qtbot, page)
    type_text(qtbot, child(dialog, QLineEdit, "branchCodeEdit"), "01")
    click(qtbot, dialog.save_button)
    code_error = child(dialog, QLabel, "branchCodeEditError")
    name_error = child(dialog, QLabel, "branchNameEditError")
    qtbot.waitUntil(lambda: code_error.isVisible() and name_error.isVisible(), timeout=WAIT_MS)
    assert code_error.text() == "网点代码应为 4–8 位字母或数字" and name_error.text() == "必填"
    assert child(dialog, QLineEdit, "branchCodeEdit").text() == "01"  # what was typed stays

    child(dialog, QLineEdit, "branchCodeEdit").clear()
    type_text(qtbot, child(dialog, QLineEdit, "branchCodeEdit"), "0001")
    type_text(qtbot, child(dialog, QLineEdit, "branchNameEdit"), "城西支行")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: code_error.isVisible() and "0001" in code_error.text(), timeout=WAIT_MS)
    assert not name_error.isVisible()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Branch)) == 1

    child(dialog, QLineEdit, "branchCodeEdit").clear()
    type_text(qtbot, child(dialog, QLineEdit, "branchCodeEdit"), "CX02")
    with qtbot.waitSignal(dialog.added, timeout=WAIT_MS):
        click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: table.model().rowCount() == 2, timeout=WAIT_MS)
    qtmodeltester.check(table.model())
    assert [table.model().index(r, 1).data() for r in range(2)] == ["测试支行", "城西支行"]
    assert table.selectionModel().selectedRows()[0].row() == 1  # the new branch is selected
    with db.read() as s:
        assert s.scalar(select(Branch.name).where(Branch.code == "CX02")) == "城西支行"

    if out := os.environ.get("LOBBYDESK_SCREENSHOTS"):  # docs/branches.md pictures, looked at by a person
        Path(out).mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(Path(out) / "branches-page.png"))
        shot = _open_dialog(qtbot, page)
        type_text(qtbot, child(shot, QLineEdit, "branchCodeEdit"), "城西")
        click(qtbot, shot.save_button)
        qtbot.waitUntil(lambda: child(shot, QLabel, "branchCodeEditError").isVisible(), timeout=WAIT_MS)
        qtbot.wait(50)
        assert shot.grab().save(str(Path(out) / "new-branch.png"))
        shot.reject()

    window.lock_now()
    assert table.model().rowCount() == 0
    wait_idle(qtbot, window)


def test_only_the_admin_sees_the_branches_page(qtbot, f, launch_window) -> None:
    supervisor = f.staff(Role.SUPERVISOR, staff_no="S0001")
    window = launch_window(supervisor.staff_no)
    assert window.findChild(QWidget, "branchesPage") is None
    wait_idle(qtbot, window)


def test_the_page_reads_in_english(qtbot, f, launch_window, english_interface) -> None:
    admin = f.staff(Role.ADMIN, staff_no="A0001", name="郑凯")
    window = launch_window(admin.staff_no, lang="en")
    window.show_page("branchesPage")
    page = child(window, QWidget, "branchesPage")
    table = child(page, QTableView, "branchTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=WAIT_MS)
    assert [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Code", "Name", "Active accounts"]
    dialog = _open_dialog(qtbot, page)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: child(dialog, QLabel, "branchNameEditError").isVisible(), timeout=WAIT_MS)
    assert dialog.windowTitle() == "New branch"
    if out := os.environ.get("LOBBYDESK_SCREENSHOTS"):
        qtbot.wait(50)
        assert window.grab().save(str(Path(out) / "branches-page-en.png"))
        assert dialog.grab().save(str(Path(out) / "new-branch-en.png"))
    dialog.reject()
    wait_idle(qtbot, window)
