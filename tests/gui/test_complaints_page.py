"""The complaint page (docs/complaints.md) as the lobby manager, the supervisor and a teller; the title bar badge."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QPlainTextEdit

from gui.dialogs.complaint import (
    CloseComplaintDialog,
    ExtendComplaintDialog,
    NewComplaintDialog,
    ReplyComplaintDialog,
)
from gui.itemmodels.complaints import COLUMNS, OVERDUE_COLOUR, ComplaintTableModel
from gui.pages.complaints import ComplaintPage
from models import ComplaintState, Role
from services import complaints
from services.complaints import ComplaintInput
from tests.gui.support import Desk, choose, click, type_text
from tests.gui.window_support import WAIT_MS, wait_idle

SAID = "排队太久，无人引导"


def _record(desk: Desk, who, days_ago: int = 0, text: str = SAID) -> int:  # type: ignore[no-untyped-def]
    received = desk.db.today() - dt.timedelta(days=days_ago)
    return complaints.record_complaint(desk.db, desk.f.actor(who), ComplaintInput(
        received_on=received, channel="face_to_face", kind="waiting_time", content=text, client_name="王小明"))


def open_page(qtbot, pages: Callable, desk: Desk, who) -> ComplaintPage:  # type: ignore[no-untyped-def]
    page = pages(ComplaintPage(desk.ctx(who)))
    qtbot.waitUntil(lambda: page.watcher.ready and not page.model.loading and not page.busy, timeout=WAIT_MS)
    return page


def cell(page: ComplaintPage, row: int, key: str) -> str:
    return page.model.index(row, COLUMNS.index(key)).data()


def _dialog(qtbot, page: ComplaintPage, kind: type):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(page._dialog, kind) and page._dialog.isVisible(), timeout=WAIT_MS)
    return page._dialog


def test_the_model_passes_the_model_tester(qtbot, qtmodeltester, desk):
    _record(desk, desk.teller, days_ago=20)
    _record(desk, desk.lobby)
    done = _record(desk, desk.lobby, days_ago=1)
    complaints.reply(desk.db, desk.f.actor(desk.lobby), done, text="已处理")
    model = ComplaintTableModel(desk.ctx(desk.lobby))
    model.set_query(open_only=False)
    qtbot.waitUntil(lambda: model.rowCount() == 3 and not model.loading, timeout=WAIT_MS)
    qtmodeltester.check(model)


def test_the_lobby_manager_sees_the_overdue_complaint_on_top_marked_and_counted(qtbot, pages, desk, english_interface):
    fresh = _record(desk, desk.teller)
    overdue = _record(desk, desk.teller, days_ago=20)
    page = open_page(qtbot, pages, desk, desk.lobby)
    assert page.table.objectName() == "complaintTable"
    assert [page.model.row_at(r).id for r in range(2)] == [overdue, fresh]
    assert page.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOUR
    assert page.model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert cell(page, 0, "content") == SAID
    assert page.due_label.objectName() == "complaintDueLabel"
    qtbot.waitUntil(lambda: page.due_label.text().startswith("1 "), timeout=WAIT_MS)


def test_a_complaint_without_content_is_refused_beside_the_field_then_recorded(qtbot, pages, desk):
    page = open_page(qtbot, pages, desk, desk.lobby)
    click(qtbot, page.new_button)
    dialog = _dialog(qtbot, page, NewComplaintDialog)
    type_text(qtbot, dialog.client_edit, "李四")
    choose(qtbot, dialog.kind_combo, "fees")
    choose(qtbot, dialog.channel_combo, "phone")
    click(qtbot, dialog.save_button)
    error = dialog.findChild(QLabel, "complaintContentEditError")
    qtbot.waitUntil(lambda: error.isVisible() and bool(error.text()), timeout=WAIT_MS)
    assert dialog.client_edit.text() == "李四" and dialog.kind_combo.currentData() == "fees"
    type_text(qtbot, dialog.content_edit, "手续费收取不合理")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: page._dialog is None and page.model.rowCount() == 1, timeout=WAIT_MS)
    row = page.model.row_at(0)
    assert (row.content, row.client_name, row.kind.value, row.channel.value) == (
        "手续费收取不合理", "李四", "fees", "phone")
    qtbot.waitUntil(lambda: page.selected_row() is not None and page.selected_row().id == row.id, timeout=WAIT_MS)


def test_the_lobby_manager_starts_replies_and_closes_a_complaint(qtbot, pages, desk):
    key = _record(desk, desk.teller)
    page = open_page(qtbot, pages, desk, desk.lobby)
    assert page.select_complaint(key)
    assert page.start_button.isEnabled() and not page.close_button.isEnabled()
    click(qtbot, page.start_button)
    qtbot.waitUntil(lambda: page.model.row_at(0).state == ComplaintState.IN_PROGRESS, timeout=WAIT_MS)
    assert page.model.row_at(0).owner == desk.lobby.name
    page.select_complaint(key)
    click(qtbot, page.reply_button)
    dialog = _dialog(qtbot, page, ReplyComplaintDialog)
    type_text(qtbot, dialog.findChild(QPlainTextEdit, "complaintReplyEdit"), "已增开窗口并致歉")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: page.model.row_at(0).state == ComplaintState.REPLIED, timeout=WAIT_MS)
    page.select_complaint(key)
    qtbot.waitUntil(page.close_button.isEnabled, timeout=WAIT_MS)
    click(qtbot, page.close_button)
    dialog = _dialog(qtbot, page, CloseComplaintDialog)
    click(qtbot, dialog.save_button)  # justified not chosen
    error = dialog.findChild(QLabel, "complaintJustifiedComboError")
    qtbot.waitUntil(lambda: error.isVisible() and bool(error.text()), timeout=WAIT_MS)
    choose(qtbot, dialog.justified_combo, True)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: page.model.row_at(0).state == ComplaintState.CLOSED, timeout=WAIT_MS)
    assert page.model.row_at(0).justified is True
    assert not page.extend_button.isVisible()  # the supervisor's


def test_the_supervisor_extends_an_overdue_complaint_with_a_reason(qtbot, pages, desk):
    sup = desk.f.staff(Role.SUPERVISOR, name="郑主管")
    key = _record(desk, desk.lobby, days_ago=2)
    page = open_page(qtbot, pages, desk, sup)
    assert page.extend_button.isVisible()
    page.select_complaint(key)
    row = page.selected_row()
    assert row is not None
    if not row.can_extend:
        pytest.skip("the 7th working day after receipt is already past (a long public holiday)")
    click(qtbot, page.extend_button)
    dialog = _dialog(qtbot, page, ExtendComplaintDialog)
    click(qtbot, dialog.save_button)
    error = dialog.findChild(QLabel, "complaintExtensionReasonEditError")
    qtbot.waitUntil(lambda: error.isVisible() and bool(error.text()), timeout=WAIT_MS)
    type_text(qtbot, dialog.reason_edit, "需要总行答复")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: page.model.row_at(0).extended, timeout=WAIT_MS)
    assert page.model.row_at(0).due_on == row.last_extension_day
    assert page.model.row_at(0).extension_reason == "需要总行答复"


def test_a_teller_sees_only_their_own_without_the_text_and_cannot_move_them(qtbot, pages, desk):
    mine = _record(desk, desk.teller)
    _record(desk, desk.lobby)
    page = open_page(qtbot, pages, desk, desk.teller)
    assert page.model.rowCount() == 1 and page.model.row_at(0).id == mine
    assert cell(page, 0, "content") != SAID and cell(page, 0, "client") == "王*明"
    for button in (page.start_button, page.reply_button, page.close_button, page.extend_button):
        assert not button.isVisible()
    assert page.new_button.isVisible()
    page.clear_sensitive()
    assert page.model.rowCount() == 0 and page.detail_label.text() == ""


def test_the_title_bar_counts_overdue_complaints_for_the_lobby_manager_live(qtbot, f, launch_window, db, clock):
    lobby = f.staff(Role.LOBBY_MANAGER)
    teller = f.staff(Role.TELLER)
    record = ComplaintInput(received_on=db.today() - dt.timedelta(days=20), channel="phone", kind="fees",
                            content=SAID)
    complaints.record_complaint(db, f.actor(teller), record)
    window: QMainWindow = launch_window(lobby.staff_no)
    badge = window.complaint_badge  # type: ignore[attr-defined]

    def badge_text(n: int) -> str:
        return badge.tr(" ({n} overdue complaints)").format(n=n)

    qtbot.waitUntil(lambda: badge.count == 1, timeout=WAIT_MS)
    wait_idle(qtbot, window)  # the branch's name arrives too: the badge stays at the end
    assert window.windowTitle().endswith(badge_text(1)) and "1" in badge_text(1)
    complaints.record_complaint(db, f.actor(teller), record)  # another workstation records one more
    qtbot.waitUntil(lambda: badge.count == 2, timeout=WAIT_MS)
    assert window.windowTitle().endswith(badge_text(2))
    assert badge_text(1) not in window.windowTitle()
    wait_idle(qtbot, window)
    teller_window: QMainWindow = launch_window(teller.staff_no)
    wait_idle(qtbot, teller_window)
    assert teller_window.complaint_badge is None  # type: ignore[attr-defined]
