"""My / today's referrals: windows of rows, the RM's outcome as it comes in, voiding, live updates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QTableView

from gui.dialogs.reason import VoidReasonDialog
from gui.itemmodels.referrals import ReferralTableModel
from gui.pages.my_referrals import MyReferralsPage
from gui.widgets.labels import follow_up_state_label
from models import Referral, Role
from services import referrals
from services.db import BRANCH_TZ, Database, make_engine, utc_now
from services.referrals import ReferralInput, file_referral
from tests.gui.support import (
    Desk,
    days_ago,
    file_in_other_process,
    type_text,
)

WAIT_MS = 5000


def open_list(qtbot, pages: Callable, desk: Desk, who) -> MyReferralsPage:
    page = pages(MyReferralsPage(desk.ctx(who)))
    qtbot.waitUntil(lambda: page.watcher.ready and page.model.day is not None and not page.model.loading,
                    timeout=WAIT_MS)
    return page


def column(page: MyReferralsPage, key: str) -> int:
    return page.model.columns().index(key)


def cell(page: MyReferralsPage, row: int, key: str) -> str:
    return page.model.index(row, column(page, key)).data()


def row_of(page: MyReferralsPage, referral_id: int) -> int:
    index = page.current_index_for(referral_id)
    assert index.isValid(), f"referral {referral_id} not in the table"
    return index.row()


def select(qtbot, page: MyReferralsPage, row: int) -> None:
    rect = page.table.visualRect(page.model.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected_row() is page.model.row_at(row)


def test_the_model_passes_the_model_tester(qtbot, qtmodeltester, desk):
    desk.f.referral(desk.teller, desk.rm, status="pending")
    voided = desk.f.referral(desk.lobby, desk.rm2)
    referrals.void_referral(desk.db, desk.f.actor(desk.lobby), voided.id, "重复推介")
    desk.f.referral(desk.lobby, desk.rm)
    ctx = desk.ctx(desk.lobby)
    model = ReferralTableModel(ctx)
    with qtbot.waitSignal(model.window_loaded, timeout=WAIT_MS):
        model.set_query(desk.db.today(), "branch")
    assert model.rowCount() == 3
    qtmodeltester.check(model, force_py=True)
    model.clear()
    qtmodeltester.check(model, force_py=True)
    ctx.lane.wait()


def test_rows_come_in_windows_as_the_table_scrolls(qtbot, desk, pages, monkeypatch):
    # The same mechanism as the real 100 rows with fewer referrals to file; still more rows
    # than the table shows, or the view would fetch on its own to fill itself.
    window = 40
    monkeypatch.setattr(ReferralTableModel, "page_size", window)
    for _ in range(2 * window + 7):
        desk.f.referral(desk.lobby, desk.rm)
    page = open_list(qtbot, pages, desk, desk.lobby)
    assert page.model.rowCount() == window, "only the first window is fetched"
    assert page.model.canFetchMore()
    assert str(2 * window + 7) in page.summary_label.text(), "the summary counts the whole day"
    page.table.setFocus()
    for expected in (2 * window, 2 * window + 7):
        qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda expected=expected: page.model.rowCount() == expected, timeout=WAIT_MS)
    assert not page.model.canFetchMore()
    ids = [page.model.row_at(r).id for r in range(page.model.rowCount())]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids), "newest first, each once"


def test_teller_sees_own_and_lobby_manager_the_branchs(qtbot, desk, pages):
    own = desk.f.referral(desk.teller, desk.rm, name="柜台客户")
    desk.f.referral(desk.lobby, desk.rm2, name="大堂客户")
    teller_page = open_list(qtbot, pages, desk, desk.teller)
    manager_page = open_list(qtbot, pages, desk, desk.lobby)
    assert teller_page.scope == "own" and manager_page.scope == "branch"
    assert [teller_page.model.row_at(r).id for r in range(teller_page.model.rowCount())] == [own.id]
    assert {cell(manager_page, r, "client") for r in range(2)} == {"柜台客户", "大堂客户"}
    assert manager_page.summary_label.text() == manager_page.tr("{n} referrals").format(n=2)
    assert teller_page.summary_label.text() == teller_page.tr("{n} referrals").format(n=1)
    assert "referrer" in manager_page.model.columns() and "referrer" not in teller_page.model.columns()
    assert cell(teller_page, 0, "mobile").count("*") == 4, "the lobby sees masked mobiles"


def test_the_rms_outcome_shows_as_it_comes_in(qtbot, desk, pages, db_url):
    met = desk.f.referral(desk.teller, desk.rm)
    pending = desk.f.referral(desk.teller, desk.rm, status="pending")
    page = open_list(qtbot, pages, desk, desk.teller)
    assert cell(page, row_of(page, met.id), "met") == page.model.tr("Awaiting RM")
    assert cell(page, row_of(page, pending.id), "follow_up") == follow_up_state_label("open")

    rm_desk = Database(make_engine(db_url), utc_now)  # the RM's workstation
    try:
        referrals.record_outcome(rm_desk, desk.f.actor(desk.rm), met.id, met=True, deal=True, products="理财产品")
    finally:
        rm_desk.dispose()
    yes = page.model.tr("Yes")
    qtbot.waitUntil(lambda: cell(page, row_of(page, met.id), "met") == yes, timeout=2000)
    assert cell(page, row_of(page, met.id), "deal") == yes


def test_void_with_a_reason_strikes_the_row_through(qtbot, desk, pages):
    filed = desk.f.referral(desk.lobby, desk.rm, name="作废客户")
    page = open_list(qtbot, pages, desk, desk.lobby)
    select(qtbot, page, row_of(page, filed.id))
    assert page.void_button.isEnabled()
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(VoidReasonDialog, "voidReferralDialog")
    assert dialog is not None and dialog.isVisible()

    qtbot.mouseClick(dialog.findChild(QPushButton, "voidConfirmButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=WAIT_MS)
    assert dialog.isVisible(), "no reason, no void: the dialog stays"
    with desk.db.read() as s:
        assert s.get(Referral, filed.id).voided_at is None

    type_text(qtbot, dialog.reason_edit, "客户重复登记")
    with qtbot.waitSignal(page.referral_voided, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.findChild(QPushButton, "voidConfirmButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.row_at(row_of(page, filed.id)).voided, timeout=WAIT_MS)
    index = page.model.index(row_of(page, filed.id), column(page, "client"))
    assert index.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert "客户重复登记" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert cell(page, index.row(), "voided") == page.model.tr("Voided")
    assert cell(page, index.row(), "client") == "作废客户", "a voided referral stays listed"
    assert not page.void_button.isEnabled()


def test_voiding_a_row_changed_elsewhere_shows_who_changed_it(qtbot, desk, pages, db_url):
    filed = desk.f.referral(desk.lobby, desk.rm)
    page = open_list(qtbot, pages, desk, desk.lobby)
    page.watcher.close()  # the other change must not reach the table before the void
    select(qtbot, page, row_of(page, filed.id))
    other = Database(make_engine(db_url), utc_now)
    try:
        referrals.record_outcome(other, desk.f.actor(desk.rm), filed.id, met=True, deal=False)
    finally:
        other.dispose()
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(VoidReasonDialog, "voidReferralDialog")
    type_text(qtbot, dialog.reason_edit, "录错了")
    qtbot.mouseClick(dialog.findChild(QPushButton, "voidConfirmButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "errorMessageBox") is not None, timeout=WAIT_MS)
    box = page.findChild(QMessageBox, "errorMessageBox")
    assert desk.rm.staff_no in box.text()
    with desk.db.read() as s:
        assert s.get(Referral, filed.id).voided_at is None
    qtbot.waitUntil(lambda: page.model.row_at(row_of(page, filed.id)).met is True, timeout=WAIT_MS)
    box.close()


def test_a_referral_saved_by_another_process_appears_within_two_seconds(qtbot, desk, pages, db_url):
    page = open_list(qtbot, pages, desk, desk.lobby)
    assert page.model.rowCount() == 0
    file_in_other_process(db_url, desk.teller.id, desk.rm.id, "隔壁工作站", "13512340000")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert cell(page, 0, "client") == "隔壁工作站" and cell(page, 0, "mobile") == "135****0000"


def test_another_day_is_chosen_with_the_date_field(qtbot, desk, pages, db_url):
    past = days_ago(db_url, 3)
    try:
        old = file_referral(past, desk.f.actor(desk.lobby), ReferralInput(
            client_type="to_win", status="referred", rm_id=desk.rm.id, channel="lobby",
            client_name="三天前", client_mobile="13800003333"))
    finally:
        past.dispose()
    page = open_list(qtbot, pages, desk, desk.lobby)
    assert page.model.rowCount() == 0
    day = desk.db.today() - dt.timedelta(days=3)
    page.date_edit.setDate(QDate(day.year, day.month, day.day))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    assert page.model.row_at(0).id == old.id
    qtbot.mouseClick(page.today_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and page.model.day == desk.db.today(), timeout=WAIT_MS)


def test_clear_sensitive_empties_the_table_and_refresh_reads_it_again(qtbot, desk, pages):
    desk.f.referral(desk.lobby, desk.rm, name="锁屏客户")
    page = open_list(qtbot, pages, desk, desk.lobby)
    assert page.model.rowCount() == 1
    page.clear_sensitive()
    assert page.model.rowCount() == 0 and page.summary_label.text() == ""
    desk.f.referral(desk.lobby, desk.rm)  # a change while locked does not bring the rows back
    qtbot.wait(700)
    assert page.model.rowCount() == 0
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)


@pytest.mark.parametrize("role_attr", ["teller", "lobby"])
def test_the_page_is_named_for_the_automation_contract(qtbot, desk, pages, role_attr):
    page = open_list(qtbot, pages, desk, getattr(desk, role_attr))
    assert page.objectName() == "myReferralsPage"
    assert page.table.objectName() == "referralTable" and page.table.accessibleName() == "referralTable"


# --- end to end, through gui.app.launch (docs/product.md "Automation contract") ---------------------------------------

def test_launched_window_shows_a_referral_saved_by_another_process_within_two_seconds(
        qtbot, f, launch_window, db_url, clock):
    manager, teller, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.TELLER), f.staff(Role.RM)
    window = launch_window(manager.staff_no)
    qtbot.waitExposed(window)
    window.show_page("myReferralsPage")
    page = window.findChild(MyReferralsPage, "myReferralsPage")
    table = window.findChild(QTableView, "referralTable")
    qtbot.waitUntil(lambda: page.watcher.ready and page.model.day == clock.now.astimezone(BRANCH_TZ).date(),
                    timeout=WAIT_MS)
    assert table.model().rowCount() == 0

    # The other workstation's clock agrees with the window's FakeClock about today.
    file_in_other_process(db_url, teller.id, rm.id, "另一台电脑", "13900001111", at=clock.now)
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=2000)
    model = table.model()
    texts = [model.index(0, c).data() for c in range(model.columnCount())]
    assert "另一台电脑" in texts and "139****1111" in texts
