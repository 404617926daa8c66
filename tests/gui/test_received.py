"""The RM's received referrals (docs/received.md): the panel on a host page, the outcome dialog, and "told
at once" — a referral filed by another process announced within 2 s with its row highlighted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSystemTrayIcon, QVBoxLayout, QWidget
from sqlalchemy import select

from gui.context import AppContext
from gui.dialogs.outcome import OutcomeDialog
from gui.itemmodels.received import NEW_ROLE, ReceivedTableModel
from gui.pages.base import Page
from gui.pages.received_referrals import ReceivedReferralsPanel
from gui.widgets.dates import qdate
from models import FollowUp, Referral, Role
from services import dayclose, referrals
from tests.gui.support import Desk, child, choose, click, file_in_other_process, type_text

WAIT_MS = 5000
TOLD_WITHIN_MS = 2000 + 1000  # "within 2 s", and a margin for a loaded 2-core machine


class ReceivedHostPage(Page):
    """A minimal page hosting the panel, as ``followUpPage`` does."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "receivedHostPage", parent)
        self.panel = ReceivedReferralsPanel(self)
        self.watcher = ctx.changes()
        QVBoxLayout(self).addWidget(self.panel)

    def refresh(self) -> None:
        super().refresh()
        self.panel.refresh()

    def clear_sensitive(self) -> None:
        super().clear_sensitive()
        self.panel.clear_sensitive()


def open_panel(qtbot, pages: Callable, desk: Desk, who) -> ReceivedReferralsPanel:  # type: ignore[no-untyped-def]
    page = pages(ReceivedHostPage(desk.ctx(who)))
    panel = page.panel
    qtbot.waitUntil(lambda: panel.watcher.ready and panel.model.day is not None and not panel.model.loading,
                    timeout=WAIT_MS)
    return panel


def cell(panel: ReceivedReferralsPanel, referral_id: int, key: str) -> str:
    row = panel.model.row_of(referral_id)
    assert row >= 0, f"referral {referral_id} not shown"
    return panel.model.index(row, panel.model.columns().index(key)).data()


def select_row(qtbot, panel: ReceivedReferralsPanel, referral_id: int) -> None:  # type: ignore[no-untyped-def]
    rect = panel.table.visualRect(panel.model.index(panel.model.row_of(referral_id), 1))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = panel.selected_row()
    assert selected is not None and selected.id == referral_id


def open_dialog(qtbot, panel: ReceivedReferralsPanel, referral_id: int) -> OutcomeDialog:  # type: ignore[no-untyped-def]
    select_row(qtbot, panel, referral_id)
    button = child(panel, QPushButton, "recordOutcomeButton")
    assert button.isEnabled()
    click(qtbot, button)
    dialog = panel.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def version_of(desk: Desk, referral_id: int) -> int:
    with desk.db.read() as s:
        r = s.get(Referral, referral_id)
        assert r is not None
        return int(r.version)


# --- the model ---------------------------------------------------------------------------------

def test_the_model_passes_the_model_tester(qtbot, qtmodeltester, desk):
    desk.f.referral(desk.teller, desk.rm, status="pending")
    done = desk.f.referral(desk.lobby, desk.rm)
    referrals.record_outcome(desk.db, desk.f.actor(desk.rm), done.id, met=True, deal=True, products="基金",
                             amount="100")
    voided = desk.f.referral(desk.lobby, desk.rm)
    referrals.void_referral(desk.db, desk.f.actor(desk.lobby), voided.id, "错录")
    model = ReceivedTableModel(desk.ctx(desk.rm))
    model.set_query(desk.db.today())
    qtbot.waitUntil(lambda: model.rowCount() == 3 and not model.loading, timeout=WAIT_MS)
    qtmodeltester.check(model)
    model.reload()
    qtbot.waitUntil(lambda: not model.loading, timeout=WAIT_MS)
    qtmodeltester.check(model)


# --- the panel ---------------------------------------------------------------------------------

def test_the_rm_sees_their_received_referrals_and_may_record_only_a_referred_ones_outcome(qtbot, desk, pages):
    referred = desk.f.referral(desk.lobby, desk.rm, name="王小明", mobile="13912345678")
    pending = desk.f.referral(desk.teller, desk.rm, status="pending", name="李大华")
    desk.f.referral(desk.lobby, desk.rm2, name="别人的客户")
    panel = open_panel(qtbot, pages, desk, desk.rm)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=WAIT_MS)
    assert cell(panel, referred.id, "client") == "王小明"
    assert cell(panel, referred.id, "mobile") == "139****5678"
    assert cell(panel, referred.id, "referrer") == "周大堂"
    button = child(panel, QPushButton, "recordOutcomeButton")
    assert not button.isEnabled()  # nothing selected
    select_row(qtbot, panel, pending.id)
    assert not button.isEnabled()  # a pending client's follow-up carries what came of it
    select_row(qtbot, panel, referred.id)
    assert button.isEnabled()


def test_an_outcome_recorded_in_the_dialog_is_read_by_the_lobbys_day_close(qtbot, desk, pages):
    filed = desk.f.referral(desk.lobby, desk.rm, name="王小明")
    panel = open_panel(qtbot, pages, desk, desk.rm)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT_MS)
    dialog = open_dialog(qtbot, panel, filed.id)
    met = child(dialog, QWidget, "outcomeMetCheck")
    deal = child(dialog, QWidget, "outcomeDealCheck")
    assert met.isChecked() and not deal.isChecked()
    assert not child(dialog, QLineEdit, "outcomeAmountEdit").isEnabled()  # no deal, no amount
    click(qtbot, deal)
    type_text(qtbot, child(dialog, QLineEdit, "outcomeProductsEdit"), "理财产品")
    type_text(qtbot, child(dialog, QLineEdit, "outcomeAmountEdit"), "50000.50")
    click(qtbot, child(dialog, QPushButton, "saveOutcomeButton"))
    qtbot.waitUntil(lambda: panel.dialog is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.model.row_at(0) is not None and panel.model.row_at(0).deal is True,  # type: ignore[union-attr]
                    timeout=WAIT_MS)
    assert cell(panel, filed.id, "amount") == "50,000.50" and cell(panel, filed.id, "products") == "理财产品"
    sheet = dayclose.reconciliation(desk.db, desk.f.actor(desk.lobby), desk.db.today())
    (line,) = sheet.lines
    assert line.confirmed_by_rm and line.deal and line.products == "理财产品" and sheet.missing == 0


def test_a_bad_amount_is_refused_beside_the_field_and_the_rest_stays_as_typed(qtbot, desk, pages):
    filed = desk.f.referral(desk.lobby, desk.rm)
    version = version_of(desk, filed.id)
    panel = open_panel(qtbot, pages, desk, desk.rm)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT_MS)
    dialog = open_dialog(qtbot, panel, filed.id)
    click(qtbot, child(dialog, QWidget, "outcomeDealCheck"))
    products = child(dialog, QLineEdit, "outcomeProductsEdit")
    amount = child(dialog, QLineEdit, "outcomeAmountEdit")
    type_text(qtbot, products, "基金")
    for bad in ("-5", "abc", "1.234"):
        amount.clear()
        type_text(qtbot, amount, bad)
        click(qtbot, child(dialog, QPushButton, "saveOutcomeButton"))
        error = child(dialog, QLabel, "outcomeAmountEditError")
        qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
        assert error.text() and not dialog.busy
        assert products.text() == "基金" and amount.text() == bad and dialog.isVisible()
    assert version_of(desk, filed.id) == version  # nothing written


def test_no_deal_asks_for_a_reason_from_the_list(qtbot, desk, pages):
    filed = desk.f.referral(desk.lobby, desk.rm)
    panel = open_panel(qtbot, pages, desk, desk.rm)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT_MS)
    dialog = open_dialog(qtbot, panel, filed.id)
    click(qtbot, child(dialog, QPushButton, "saveOutcomeButton"))
    error = child(dialog, QLabel, "noDealReasonComboError")
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    choose(qtbot, dialog.reason_combo, "other_bank")
    click(qtbot, child(dialog, QPushButton, "saveOutcomeButton"))
    qtbot.waitUntil(lambda: panel.dialog is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.model.row_at(0) is not None and panel.model.row_at(0).met is True,  # type: ignore[union-attr]
                    timeout=WAIT_MS)
    assert panel.model.row_at(0).no_deal_reason == "other_bank"  # type: ignore[union-attr]


def test_a_save_on_a_version_changed_meanwhile_names_who_and_keeps_what_was_typed(qtbot, desk, pages):
    filed = desk.f.referral(desk.lobby, desk.rm)
    panel = open_panel(qtbot, pages, desk, desk.rm)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT_MS)
    dialog = open_dialog(qtbot, panel, filed.id)
    click(qtbot, child(dialog, QWidget, "outcomeDealCheck"))
    type_text(qtbot, child(dialog, QLineEdit, "outcomeProductsEdit"), "保险")
    # Meanwhile the lobby manager enters the outcome at the day close.
    dayclose.record_outcome(desk.db, desk.f.actor(desk.lobby), filed.id, met=True, deal=False)
    click(qtbot, child(dialog, QPushButton, "saveOutcomeButton"))
    error = child(dialog, QLabel, "outcomeDialogError")
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert "周大堂" in error.text()
    assert dialog.isVisible() and child(dialog, QLineEdit, "outcomeProductsEdit").text() == "保险"
    assert child(dialog, QWidget, "outcomeDealCheck").isChecked()


def test_the_dialog_opens_a_follow_up_from_the_outcome(qtbot, desk, pages):
    filed = desk.f.referral(desk.lobby, desk.rm)
    panel = open_panel(qtbot, pages, desk, desk.rm)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT_MS)
    dialog = open_dialog(qtbot, panel, filed.id)
    choose(qtbot, dialog.reason_combo, "no_funds")
    click(qtbot, child(dialog, QWidget, "outcomeFollowUpCheck"))
    date_edit = child(dialog, QWidget, "followUpDateEdit")
    assert date_edit.isEnabled()
    date_edit.setDate(date_edit.date().addDays(6))
    click(qtbot, child(dialog, QPushButton, "saveOutcomeButton"))
    qtbot.waitUntil(lambda: panel.dialog is None, timeout=WAIT_MS)
    with desk.db.read() as s:
        (fu,) = s.scalars(select(FollowUp)).all()
        assert fu.source_referral_id == filed.id and fu.rm_id == desk.rm.id
        assert fu.next_contact_date == desk.db.today() + dt.timedelta(days=7)


def test_another_day_is_chosen_with_the_date_field(qtbot, desk, pages, db_url):
    from tests.gui.support import days_ago

    past = days_ago(db_url, 2)
    try:
        from services.referrals import ReferralInput, file_referral

        old = file_referral(past, desk.f.actor(desk.lobby), ReferralInput(
            client_type="to_win", status="referred", rm_id=desk.rm.id, channel="lobby", client_name="前天客户",
            client_mobile="13800000001"))
    finally:
        past.dispose()
    panel = open_panel(qtbot, pages, desk, desk.rm)
    assert panel.model.rowCount() == 0
    edit = child(panel, QWidget, "receivedDateEdit")
    edit.setDate(qdate(desk.db.today() - dt.timedelta(days=2)))  # the branch's day, not the machine's
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT_MS)
    assert cell(panel, old.id, "client") == "前天客户"
    select_row(qtbot, panel, old.id)
    assert child(panel, QPushButton, "recordOutcomeButton").isEnabled()  # that day is not closed


def test_the_supervisor_sees_every_rms_received_referrals_or_one_rms(qtbot, desk, pages):
    sup = desk.f.staff(Role.SUPERVISOR, name="王主任")
    mine = desk.f.referral(desk.lobby, desk.rm, name="王小明")
    theirs = desk.f.referral(desk.lobby, desk.rm2, name="李大华")
    panel = open_panel(qtbot, pages, desk, sup)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=WAIT_MS)
    assert cell(panel, mine.id, "rm") == "张理财" and cell(panel, theirs.id, "rm") == "李晓梅"
    panel.set_rm(desk.rm2.id)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and not panel.model.loading, timeout=WAIT_MS)
    assert panel.model.row_at(0).id == theirs.id  # type: ignore[union-attr]
    assert "rm" not in panel.model.columns()
    select_row(qtbot, panel, theirs.id)
    assert child(panel, QPushButton, "recordOutcomeButton").isEnabled()  # the supervisor's fallback


def test_clear_sensitive_empties_the_table(qtbot, desk, pages):
    desk.f.referral(desk.lobby, desk.rm)
    panel = open_panel(qtbot, pages, desk, desk.rm)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT_MS)
    panel.page.clear_sensitive()
    assert panel.model.rowCount() == 0 and not child(panel, QLabel, "receivedSummaryLabel").text()
    panel.page.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT_MS)


# --- told at once ---------------------------------------------------------------------------------

@pytest.fixture
def rm_window(qtbot, launch_window, f, monkeypatch):  # type: ignore[no-untyped-def]
    """An RM's window on the follow-up page, whose upper part is the received panel; no system tray
    (the banner shows)."""
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    lobby, rm = f.staff(Role.LOBBY_MANAGER, name="周大堂"), f.staff(Role.RM, name="张理财")
    window = launch_window(rm.staff_no)
    window.show_page("followUpPage")
    panel = window.page("followUpPage").received
    notifier = window.notifier
    assert notifier is not None
    qtbot.waitUntil(lambda: panel.watcher.ready and notifier._floor is not None and not panel.model.loading,
                    timeout=WAIT_MS)
    return window, panel, lobby, rm


def test_a_referral_filed_by_another_process_is_told_at_once_with_its_row_highlighted(qtbot, rm_window, db_url,
                                                                                      clock):
    window, panel, lobby, rm = rm_window
    banner = child(window, QWidget, "newReferralBanner")
    assert not banner.isVisible() and panel.model.rowCount() == 0
    file_in_other_process(db_url, lobby.id, rm.id, "隔壁工作站", "13512340000", at=clock.now)
    qtbot.waitUntil(banner.isVisible, timeout=TOLD_WITHIN_MS)
    text = child(window, QLabel, "newReferralText").text()
    assert "隔***站" in text and "隔壁工作站" not in text  # the masked name at most
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=TOLD_WITHIN_MS)
    index = panel.model.index(0, 0)
    assert index.data(NEW_ROLE) is True and index.data(Qt.ItemDataRole.BackgroundRole) is not None
    # Opening the banner takes it away and selects the row: looking at it ends the highlight.
    window.show_page("referralPage")
    click(qtbot, child(window, QPushButton, "newReferralOpenButton"))
    assert not banner.isVisible() and window.current_page() is panel.page
    selected = panel.selected_row()
    assert selected is not None and selected.id == panel.model.row_at(0).id  # type: ignore[union-attr]
    assert panel.model.index(0, 0).data(NEW_ROLE) is False


def test_opening_the_banner_from_another_page_shows_the_panel_with_the_row_selected(qtbot, launch_window, f,
                                                                                    monkeypatch, db_url, clock):
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    window = launch_window(rm.staff_no)
    notifier = window.notifier
    panel = window.page("followUpPage").received
    window.show_page("referralPage")  # the RM is filing a referral of their own
    qtbot.waitUntil(lambda: notifier._floor is not None and notifier._watcher.ready, timeout=WAIT_MS)
    assert window.current_page() is not panel.page
    file_in_other_process(db_url, lobby.id, rm.id, "隔壁工作站", "13512340000", at=clock.now)
    banner = child(window, QWidget, "newReferralBanner")
    qtbot.waitUntil(banner.isVisible, timeout=TOLD_WITHIN_MS)
    (announced,) = notifier._seen
    assert panel.model.is_new(announced)  # highlighted whenever the panel shows it
    click(qtbot, child(window, QPushButton, "newReferralOpenButton"))
    assert window.current_page() is panel.page
    qtbot.waitUntil(lambda: panel.selected_row() is not None, timeout=WAIT_MS)
    assert panel.selected_row().id == announced  # type: ignore[union-attr]


def test_a_pending_referral_gets_the_quieter_message_and_another_rms_none(qtbot, rm_window, db_url, clock, f):
    window, _panel, lobby, rm = rm_window
    other = f.staff(Role.RM, name="李晓梅")
    banner = child(window, QWidget, "newReferralBanner")
    file_in_other_process(db_url, lobby.id, other.id, "别人客户", "13512340001", at=clock.now)
    notifier = window.notifier
    qtbot.waitUntil(lambda: not notifier._polling, timeout=WAIT_MS)
    qtbot.wait(1200)  # two polls of the watcher: nothing names this RM
    assert not banner.isVisible()
    # A pending one: filed through the service here, as another workstation would.
    referrals.file_referral(window.ctx.db, f.actor(lobby), referrals.ReferralInput(
        client_type="to_win", status="pending", rm_id=rm.id, channel="lobby", client_name="待跟进客户",
        client_mobile="13512340002", preferred_contact_at=clock.now + dt.timedelta(days=1)))
    qtbot.waitUntil(banner.isVisible, timeout=TOLD_WITHIN_MS)
    text = child(window, QLabel, "newReferralText").text()
    assert text == notifier.tr("New pending referral to follow up: {client}").format(client="待***户")


def test_nothing_is_told_while_the_window_is_locked_and_all_of_it_after_unlock(qtbot, rm_window, db_url, clock):
    window, _panel, lobby, rm = rm_window
    banner = child(window, QWidget, "newReferralBanner")
    window.lock_now()
    file_in_other_process(db_url, lobby.id, rm.id, "锁屏时来客", "13512340003", at=clock.now)
    qtbot.wait(1500)
    assert not banner.isVisible()
    type_text(qtbot, child(window, QLineEdit, "lockPasswordEdit"), "Passw0rd!")
    click(qtbot, child(window, QPushButton, "unlockButton"))
    qtbot.waitUntil(lambda: not window.is_locked, timeout=WAIT_MS)
    qtbot.waitUntil(banner.isVisible, timeout=TOLD_WITHIN_MS)
    assert "锁***客" in child(window, QLabel, "newReferralText").text()


def test_only_an_rms_session_listens(qtbot, launch_window, f):
    lobby = f.staff(Role.LOBBY_MANAGER)
    window = launch_window(lobby.staff_no)
    assert window.notifier is None and window.findChild(QWidget, "newReferralBanner") is None
