"""The day-close page: what is missing blocks the close, recording it unblocks, a closed day is read-only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPushButton, QRadioButton, QWidget
from sqlalchemy import select

from gui.context import AppContext
from gui.itemmodels.day_close import LINE_ROLE, Column, DayCloseTableModel
from gui.pages.day_close import DayClosePage
from models import Referral, Role
from services import dayclose, referrals
from services.db import Database
from services.errors import DayClosed
from services.permissions import Actor
from tests.gui.support import child, click, type_text

TODAY = dt.date(2026, 11, 20)  # the FakeClock's branch day
WAIT_MS = 10_000


@pytest.fixture
def open_page(qtbot, db: Database) -> Iterator[Callable[[Actor], DayClosePage]]:  # type: ignore[no-untyped-def]
    """Opens the page as ``actor`` on the test database (its clock is the FakeClock) and waits for the day."""
    pages: list[DayClosePage] = []

    def make(actor: Actor) -> DayClosePage:
        ctx = AppContext(db, actor)
        page = DayClosePage(ctx)
        pages.append(page)
        qtbot.addWidget(page)
        page.resize(1280, 720)
        page.show()
        with qtbot.waitSignal(page.reconciliation_loaded, timeout=WAIT_MS):
            page.refresh()
        return page

    yield make
    for page in pages:
        page.ctx.lane.wait()
        page.watcher.close()  # its listening connection must not outlive the test database


def click_line(qtbot, page: DayClosePage, referral_id: int) -> None:  # type: ignore[no-untyped-def]
    row = page.model.row_of(referral_id)
    assert row is not None
    rect = page.table.visualRect(page.model.index(row, Column.CLIENT))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.panel.line is not None and page.panel.line.referral_id == referral_id


def visible_box(qtbot, page: QWidget, name: str) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.findChild(QWidget, name) is not None and page.findChild(QWidget, name).isVisible(),
                    timeout=WAIT_MS)
    return page.findChild(QWidget, name)


def test_the_lobby_manager_records_the_missing_outcome_then_closes_the_day(qtbot, db, f, open_page):
    lobby, rm1, rm2 = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM, name="孙理财"), f.staff(Role.RM, name="李理财")
    done = f.referral(lobby, rm1, name="周一一")
    referrals.record_outcome(db, f.actor(rm1), done.id, met=True, deal=False)  # the RM did it in their queue
    missing = f.referral(lobby, rm2, name="吴二二")
    pending = f.referral(lobby, rm1, status="pending", name="郑三三")
    page = open_page(f.actor(lobby))

    # The day is listed, the missing line highlighted, and the close is blocked.
    table = child(page, QWidget, "dayCloseTable")
    assert table.model().rowCount() == 3
    assert [table.model().index(r, Column.CLIENT).data() for r in range(3)] == ["周一一", "吴二二", "郑三三"]
    missing_row = page.model.row_of(missing.id)
    assert page.model.index(missing_row, Column.TIME).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert page.model.index(page.model.row_of(done.id), Column.TIME).data(Qt.ItemDataRole.BackgroundRole) is None
    close_button = child(page, QPushButton, "closeDayButton")
    assert not close_button.isEnabled()
    assert "1" in child(page, QLabel, "dayCloseHintLabel").text()

    # A pending line has nothing to confirm: the editor stays shut.
    click_line(qtbot, page, pending.id)
    assert not child(page, QPushButton, "saveOutcomeButton").isEnabled()

    # Record the outcome of the missing line as told by the RM.
    click_line(qtbot, page, missing.id)
    save = child(page, QPushButton, "saveOutcomeButton")
    assert save.isEnabled()
    click(qtbot, child(page, QRadioButton, "dealYesRadio"))
    type_text(qtbot, child(page, QLineEdit, "outcomeProductsEdit"), "基金")
    qtbot.keyClicks(child(page, QLineEdit, "outcomeAmountEdit"), "50000")
    with qtbot.waitSignal(page.outcome_recorded, timeout=WAIT_MS):
        click(qtbot, save)
    qtbot.waitUntil(close_button.isEnabled, timeout=WAIT_MS)
    line = page.model.index(page.model.row_of(missing.id), 0).data(LINE_ROLE)
    assert line.confirmed and line.deal and line.products == "基金"

    # Close: the person confirms in a box, then the service holds the day closed.
    click(qtbot, close_button)
    box = visible_box(qtbot, page, "confirmCloseBox")
    with qtbot.waitSignal(page.day_closed, timeout=WAIT_MS):
        click(qtbot, box.button(QMessageBox.StandardButton.Yes))
    assert dayclose.day_state(db, f.actor(lobby), TODAY).closed
    qtbot.waitUntil(lambda: page.rec is not None and page.rec.closed, timeout=WAIT_MS)

    # Read-only from now on: banner, no close, no outcome editing, and the service refuses too.
    assert child(page, QLabel, "dayClosedBanner").isVisible()
    assert not close_button.isEnabled()
    click_line(qtbot, page, done.id)
    assert not child(page, QPushButton, "saveOutcomeButton").isEnabled()
    assert not child(page, QRadioButton, "metNoRadio").isEnabled()
    assert not child(page, QLineEdit, "outcomeProductsEdit").isEnabled()
    with pytest.raises(DayClosed):
        dayclose.record_outcome(db, f.actor(lobby), done.id, met=False, deal=False)


def test_an_edit_made_after_someone_else_closed_the_day_is_refused(qtbot, db, f, open_page):
    lobby, sup, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.SUPERVISOR), f.staff(Role.RM)
    missing = f.referral(lobby, rm, name="吴二二")
    page = open_page(f.actor(lobby))
    click_line(qtbot, page, missing.id)
    dayclose.close_day(db, f.actor(sup), TODAY, force_reason="理财经理请假")  # on another workstation

    click(qtbot, child(page, QRadioButton, "metNoRadio"))
    with qtbot.waitSignal(page.reconciliation_loaded, timeout=WAIT_MS):
        click(qtbot, child(page, QPushButton, "saveOutcomeButton"))
    error = visible_box(qtbot, page, "errorMessageBox")
    assert TODAY.isoformat() in error.text()
    assert page.rec is not None and page.rec.closed and child(page, QLabel, "dayClosedBanner").isVisible()
    # The supervisor's typed reason is theirs to read, not the lobby manager's (docs/audit.md "Reasons").
    assert "理财经理请假" not in child(page, QLabel, "dayClosedBanner").text()
    with db.read() as s:
        r = s.get(Referral, missing.id)
        assert r.met is None and r.confirmed_at is None


def test_bad_outcome_fields_are_named_beside_them_and_the_typing_is_kept(qtbot, db, f, open_page):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    missing = f.referral(lobby, rm)
    page = open_page(f.actor(lobby))
    click_line(qtbot, page, missing.id)
    click(qtbot, child(page, QRadioButton, "dealYesRadio"))
    amount = child(page, QLineEdit, "outcomeAmountEdit")
    qtbot.keyClicks(amount, "12.345")
    click(qtbot, child(page, QPushButton, "saveOutcomeButton"))
    products_error = child(page, QLabel, "outcomeProductsEditError")
    qtbot.waitUntil(products_error.isVisible, timeout=WAIT_MS)
    assert products_error.text()
    assert amount.text() == "12.345"
    # The products are checked first; once given, the amount's own problem shows beside it.
    type_text(qtbot, child(page, QLineEdit, "outcomeProductsEdit"), "保险")
    click(qtbot, child(page, QPushButton, "saveOutcomeButton"))
    amount_error = child(page, QLabel, "outcomeAmountEditError")
    qtbot.waitUntil(amount_error.isVisible, timeout=WAIT_MS)
    assert not products_error.isVisible() and amount.text() == "12.345"
    assert not dayclose.reconciliation(db, f.actor(lobby), TODAY).lines[0].confirmed


def test_the_supervisor_force_closes_and_reopens_with_reasons(qtbot, db, f, open_page):
    lobby, sup, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.SUPERVISOR), f.staff(Role.RM)
    f.referral(lobby, rm)
    page = open_page(f.actor(sup))
    close_button = child(page, QPushButton, "closeDayButton")
    reopen_button = child(page, QPushButton, "reopenDayButton")
    assert close_button.isEnabled() and reopen_button.isVisible() and not reopen_button.isEnabled()

    click(qtbot, close_button)
    dialog = visible_box(qtbot, page, "dayReasonDialog")
    ok = child(dialog, QPushButton, "reasonOkButton")
    assert not ok.isEnabled()  # no reason, no close
    type_text(qtbot, child(dialog, QLineEdit, "reasonEdit"), "理财经理外出，明日补录")
    with qtbot.waitSignal(page.day_closed, timeout=WAIT_MS):
        click(qtbot, ok)
    state = dayclose.day_state(db, f.actor(sup), TODAY)
    assert state.closed and state.close_reason == "理财经理外出，明日补录"
    qtbot.waitUntil(reopen_button.isEnabled, timeout=WAIT_MS)

    click(qtbot, reopen_button)
    dialog = visible_box(qtbot, page, "dayReasonDialog")
    type_text(qtbot, child(dialog, QLineEdit, "reasonEdit"), "补录营销成果")
    with qtbot.waitSignal(page.day_reopened, timeout=WAIT_MS):
        click(qtbot, child(dialog, QPushButton, "reasonOkButton"))
    assert not dayclose.day_state(db, f.actor(sup), TODAY).closed
    qtbot.waitUntil(lambda: page.rec is not None and not page.rec.closed, timeout=WAIT_MS)
    assert not child(page, QLabel, "dayClosedBanner").isVisible()


def test_the_lobby_manager_has_no_reopen_and_no_force(qtbot, db, f, open_page):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    f.referral(lobby, rm)
    page = open_page(f.actor(lobby))
    assert not child(page, QPushButton, "reopenDayButton").isVisible()
    assert not child(page, QPushButton, "closeDayButton").isEnabled()


def test_the_date_picks_another_day_and_never_a_future_one(qtbot, db, f, open_page):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    f.referral(lobby, rm)
    page = open_page(f.actor(lobby))
    date_edit = page.findChild(QWidget, "dayCloseDateEdit")
    assert date_edit.calendarPopup() and date_edit.date() == QDate(2026, 11, 20)
    assert date_edit.maximumDate() == QDate(2026, 11, 20)
    with qtbot.waitSignal(page.reconciliation_loaded, timeout=WAIT_MS):
        date_edit.setDate(QDate(2026, 11, 19))
    assert page.model.rowCount() == 0 and page.rec is not None and page.rec.day == dt.date(2026, 11, 19)
    assert child(page, QPushButton, "closeDayButton").isEnabled()  # an empty day is complete


def test_clear_sensitive_empties_the_table_and_a_late_result_does_not_refill_it(qtbot, db, f, open_page):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    f.referral(lobby, rm, name="周一一")
    page = open_page(f.actor(lobby))
    assert page.model.rowCount() == 1
    page.refresh()  # a load in flight when the workstation locks
    page.clear_sensitive()
    assert page.model.rowCount() == 0 and page.panel.line is None
    page.ctx.lane.wait()
    qtbot.wait(50)  # let a stray result arrive, if the page wrongly accepted it
    assert page.model.rowCount() == 0 and "周一一" not in page.summary_label.text()
    with qtbot.waitSignal(page.reconciliation_loaded, timeout=WAIT_MS):
        page.refresh()
    assert page.model.rowCount() == 1


def test_the_table_model_is_a_sound_qt_model(qtbot, qtmodeltester, db, f):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    a = f.referral(lobby, rm)
    f.referral(lobby, rm, status="pending")
    x = f.referral(lobby, rm)
    dayclose.record_outcome(db, f.actor(lobby), a.id, met=True, deal=True, products="基金", amount="1000.5")
    referrals.void_referral(db, f.actor(lobby), x.id, "重复")
    model = DayCloseTableModel()
    model.set_lines(dayclose.reconciliation(db, f.actor(lobby), TODAY).lines)
    qtmodeltester.check(model)
    # The lobby manager entered the amount for the RM; once saved it shows masked to them
    # (docs/permissions.md "Amounts"), in full to the supervisor.
    assert model.index(0, Column.AMOUNT).data() == "***"
    sup = f.actor(f.staff(Role.SUPERVISOR))
    model.set_lines(dayclose.reconciliation(db, sup, TODAY).lines)
    assert model.index(0, Column.AMOUNT).data() == "1,000.50"
    model.set_lines(dayclose.reconciliation(db, f.actor(lobby), TODAY).lines)
    assert model.index(2, Column.CLIENT).data(Qt.ItemDataRole.FontRole).strikeOut()
    model.clear()
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and model.line_at(0) is None
    with db.read() as s:
        assert len(s.scalars(select(Referral)).all()) == 3


def test_what_an_rm_records_elsewhere_shows_as_confirmed_without_a_reload(qtbot, db, f, open_page):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM, name="孙理财")
    missing = f.referral(lobby, rm, name="吴二二")
    page = open_page(f.actor(lobby))
    qtbot.waitUntil(lambda: page.watcher.ready, timeout=WAIT_MS)
    referrals.record_outcome(db, f.actor(rm), missing.id, met=True, deal=False)  # the RM's own queue
    qtbot.waitUntil(lambda: page.rec is not None and page.rec.missing == 0, timeout=5_000)
    line = page.model.index(0, 0).data(LINE_ROLE)
    assert line.confirmed_by == "孙理财" and line.confirmed_by_rm
    assert child(page, QPushButton, "closeDayButton").isEnabled()


def test_a_change_elsewhere_does_not_wipe_an_outcome_being_typed(qtbot, db, f, open_page):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    first, second = f.referral(lobby, rm, name="周一一"), f.referral(lobby, rm, name="吴二二")
    page = open_page(f.actor(lobby))
    qtbot.waitUntil(lambda: page.watcher.ready, timeout=WAIT_MS)
    click_line(qtbot, page, first.id)
    click(qtbot, child(page, QRadioButton, "dealYesRadio"))
    products = child(page, QLineEdit, "outcomeProductsEdit")
    type_text(qtbot, products, "贵金属")
    referrals.record_outcome(db, f.actor(rm), second.id, met=True, deal=False)
    qtbot.waitUntil(lambda: page._stale, timeout=5_000)  # the change was heard and the reload held back
    assert products.text() == "贵金属" and page.panel.line.referral_id == first.id
    with qtbot.waitSignal(page.outcome_recorded, timeout=WAIT_MS):
        click(qtbot, child(page, QPushButton, "saveOutcomeButton"))
    qtbot.waitUntil(lambda: page.rec is not None and page.rec.missing == 0, timeout=WAIT_MS)


def test_the_lobby_managers_window_shows_the_day_and_the_idle_lock_empties_it(qtbot, f, launch_window):
    lobby, rm = f.staff(Role.LOBBY_MANAGER, staff_no="L0001"), f.staff(Role.RM)
    f.referral(lobby, rm, name="周一一")
    window = launch_window("L0001")
    qtbot.waitUntil(lambda: window.page("dayClosePage") is not None, timeout=WAIT_MS)
    assert "reportsPage" in window.page_names
    window.show_page("dayClosePage")
    page = window.page("dayClosePage")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    assert page.model.index(0, Column.CLIENT).data() == "周一一"
    window.lock_now()
    assert page.model.rowCount() == 0 and not page.summary_label.text()


def test_through_launch_the_day_closes_only_when_complete_and_then_refuses_new_referrals(
        qtbot, db, f, launch_window):
    """End to end (docs/product.md "Automation contract"): the lobby manager completes and closes the day."""
    from PySide6.QtWidgets import QComboBox

    from tests.gui.support import choose

    lobby, rm = f.staff(Role.LOBBY_MANAGER, staff_no="L0002"), f.staff(Role.RM, name="孙理财")
    missing = f.referral(lobby, rm, name="吴二二")
    window = launch_window("L0002")
    qtbot.waitUntil(lambda: window.page("dayClosePage") is not None, timeout=WAIT_MS)
    window.show_page("dayClosePage")
    page = window.page("dayClosePage")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    close_button = child(window, QPushButton, "closeDayButton")
    assert not close_button.isEnabled()  # the referred client's outcome is missing

    click_line(qtbot, page, missing.id)
    click(qtbot, child(window, QRadioButton, "metNoRadio"))
    with qtbot.waitSignal(page.outcome_recorded, timeout=WAIT_MS):
        click(qtbot, child(window, QPushButton, "saveOutcomeButton"))
    qtbot.waitUntil(close_button.isEnabled, timeout=WAIT_MS)
    click(qtbot, close_button)
    box = visible_box(qtbot, page, "confirmCloseBox")
    with qtbot.waitSignal(page.day_closed, timeout=WAIT_MS):
        click(qtbot, box.button(QMessageBox.StandardButton.Yes))
    assert dayclose.day_state(db, f.actor(lobby), TODAY).closed

    # The closed day refuses a new referral typed into the form; nothing is written, nothing typed is lost.
    window.show_page("referralPage")
    mobile = child(window, QLineEdit, "clientMobileEdit")
    type_text(qtbot, mobile, "13822223333")
    type_text(qtbot, child(window, QLineEdit, "clientNameEdit"), "晚来客")
    choose(qtbot, child(window, QComboBox, "clientTypeCombo"), "to_win")
    click(qtbot, child(window, QRadioButton, "statusReferredRadio"))
    choose(qtbot, child(window, QComboBox, "rmCombo"), rm.id)
    click(qtbot, child(window, QPushButton, "saveReferralButton"))
    error = visible_box(qtbot, window, "errorMessageBox")
    assert TODAY.isoformat() in error.text()
    assert mobile.text() == "13822223333"
    with db.read() as s:
        assert len(s.scalars(select(Referral)).all()) == 1
