"""The referral form, driven by keyboard and mouse: saving, each bad value ("Bad input"), warnings, keys."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QWidget,
)
from sqlalchemy import func, select

from gui.pages.my_referrals import MyReferralsPage
from gui.pages.referral_form import ReferralPage
from models import Client, FollowUp, Referral, Role
from services.db import BRANCH_TZ
from services.referrals import ReferralInput, file_referral
from services.validation import id_check_char
from tests.factories import make_id_number
from tests.gui.support import (
    Desk,
    choose,
    days_ago,
    paste_text,
    referral_count,
    type_text,
)

VALID_ID = make_id_number(dt.date(1985, 6, 1))


@pytest.fixture
def form(desk: Desk, pages: Callable) -> ReferralPage:
    page = pages(ReferralPage(desk.ctx(desk.lobby)))
    return page


def ready(qtbot, page: ReferralPage) -> ReferralPage:
    """Wait until the RMs and interests have come from the database lane."""
    qtbot.waitUntil(lambda: page.rm_combo.count() == 3 and page.interests_list.count() > 0, timeout=5000)
    return page


def fill_valid(qtbot, page: ReferralPage, desk: Desk, *, mobile: str = "13912345678", name: str = "王小明",
               pending: bool = False) -> None:
    """Everything a good referral needs, typed and chosen as a person would."""
    type_text(qtbot, page.mobile_edit, mobile)
    type_text(qtbot, page.name_edit, name)
    type_text(qtbot, page.id_number_edit, VALID_ID)
    choose(qtbot, page.type_combo, "to_win")
    qtbot.mouseClick(page.pending_radio if pending else page.referred_radio, Qt.MouseButton.LeftButton)
    if pending:
        qtbot.keyClick(page.pending_radio, Qt.Key.Key_Tab)  # entering the field offers the next working day
        assert page.focusWidget() is page.contact_edit
    choose(qtbot, page.rm_combo, desk.rm.id)
    choose(qtbot, page.channel_combo, "lobby")
    item = page.interests_list.item(1)
    rect = page.interests_list.visualItemRect(item)
    check = rect.topLeft() + (rect.bottomLeft() - rect.topLeft()) / 2
    check.setX(rect.left() + 10)
    qtbot.mouseClick(page.interests_list.viewport(), Qt.MouseButton.LeftButton, pos=check)
    type_text(qtbot, page.note_edit, "想了解理财")


def snapshot(page: ReferralPage) -> dict[str, object]:
    return {
        "mobile": page.mobile_edit.text(), "name": page.name_edit.text(), "id": page.id_number_edit.text(),
        "type": page.type_combo.currentData(), "referred": page.referred_radio.isChecked(),
        "pending": page.pending_radio.isChecked(), "contact": page.contact_edit.value(),
        "rm": page.rm_combo.currentData(), "channel": page.channel_combo.currentData(),
        "interests": page.checked_interests(), "note": page.note_edit.toPlainText(),
    }


def save_and_wait_saved(qtbot, page: ReferralPage) -> int:
    with qtbot.waitSignal(page.referral_filed, timeout=5000) as blocker:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    return int(blocker.args[0])


def visible_errors(page: ReferralPage) -> dict[str, str]:
    return {name: label.text() for name, label in page.errors.items() if label.isVisible()}


# --- saving ------------------------------------------------------------------------------

def test_referral_saves_and_appears_in_referral_table(qtbot, desk, pages):
    ctx = desk.ctx(desk.lobby)
    form = ready(qtbot, pages(ReferralPage(ctx)))
    table_page = pages(MyReferralsPage(ctx))
    qtbot.waitUntil(lambda: table_page.watcher.ready, timeout=5000)
    fill_valid(qtbot, form, desk)
    assert form.interests_list.item(1).checkState() == Qt.CheckState.Checked
    referral_id = save_and_wait_saved(qtbot, form)

    assert str(referral_id) in form.saved_label.text()
    assert snapshot(form)["mobile"] == "" and snapshot(form)["name"] == ""
    assert form.focusWidget() is form.mobile_edit
    table = table_page.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=2000)
    model = table.model()
    texts = [model.index(0, c).data() for c in range(model.columnCount())]
    assert "王小明" in texts and "139****5678" in texts and desk.rm.name in texts
    with desk.db.read() as s:
        r = s.scalars(select(Referral)).one()
        assert r.status == "referred" and r.client_type == "to_win" and r.rm_id == desk.rm.id
        assert r.interests == [form.interests_list.item(1).text()] and r.note == "想了解理财"
        assert s.get(Client, r.client_id).id_number == VALID_ID


def test_pending_with_contact_time_opens_the_rms_follow_up(qtbot, desk, form):
    ready(qtbot, form)
    fill_valid(qtbot, form, desk, pending=True)
    assert form.contact_edit.isEnabled() and form.contact_edit.value() is not None
    suggested = form.contact_edit.value()
    assert suggested.hour == 10 and suggested.weekday() < 5 and suggested.date() > desk.db.today()
    save_and_wait_saved(qtbot, form)
    with desk.db.read() as s:
        fu = s.scalars(select(FollowUp)).one()
        assert fu.rm_id == desk.rm.id and fu.next_contact_date == suggested.date()


# --- bad input (docs/product.md "Bad input"): the field's label, everything else as typed, nothing written ---------

def _id_with_wrong_check() -> str:
    good = make_id_number(dt.date(1985, 6, 1))
    wrong = "0" if good[-1] != "0" else "1"
    return good[:-1] + wrong


def _id_with_impossible_birth() -> str:
    body = "34010419900230" + "123"  # 30 February 1990, with a correct check digit
    return body + id_check_char(body)


def _retype(qtbot, edit: QLineEdit | QPlainTextEdit, text: str, paste: bool = False) -> None:
    edit.clear()
    (paste_text if paste else type_text)(qtbot, edit, text)


BAD_VALUES: dict[str, tuple[Callable, str]] = {
    "empty name": (lambda qtbot, p, d: p.name_edit.clear(), "clientNameEdit"),
    "name of digits": (lambda qtbot, p, d: _retype(qtbot, p.name_edit, "王2"), "clientNameEdit"),
    "name over 30 characters": (lambda qtbot, p, d: _retype(qtbot, p.name_edit, "欧" * 31), "clientNameEdit"),
    "mobile of 10 digits": (lambda qtbot, p, d: _retype(qtbot, p.mobile_edit, "1391234567"), "clientMobileEdit"),
    "mobile with a wrong prefix": (lambda qtbot, p, d: _retype(qtbot, p.mobile_edit, "12912345678"),
                                   "clientMobileEdit"),
    "ID number failing the check digit": (lambda qtbot, p, d: _retype(qtbot, p.id_number_edit,
                                                                      _id_with_wrong_check()), "clientIdNumberEdit"),
    "ID number with an impossible birth date": (lambda qtbot, p, d: _retype(qtbot, p.id_number_edit,
                                                                            _id_with_impossible_birth()),
                                                "clientIdNumberEdit"),
    "note over 500 characters": (lambda qtbot, p, d: _retype(qtbot, p.note_edit, "款" * 501, paste=True),
                                 "noteEdit"),
    "note with a control character": (lambda qtbot, p, d: _retype(qtbot, p.note_edit, "请致电\x07客户", paste=True),
                                      "noteEdit"),
    "name with a control character": (lambda qtbot, p, d: _retype(qtbot, p.name_edit, "王\u200b小明", paste=True),
                                      "clientNameEdit"),
    "no RM chosen": (lambda qtbot, p, d: choose(qtbot, p.rm_combo, None), "rmCombo"),
    "no client type": (lambda qtbot, p, d: choose(qtbot, p.type_combo, None), "clientTypeCombo"),
    "pending without contact time": (lambda qtbot, p, d: (qtbot.mouseClick(p.pending_radio, Qt.MouseButton.LeftButton),
                                                          p.contact_edit.set_value(None)), "contactTimeEdit"),
}


@pytest.mark.parametrize("case", list(BAD_VALUES))
def test_bad_value_shows_its_error_keeps_the_rest_and_writes_nothing(qtbot, desk, form, case):
    spoil, field = BAD_VALUES[case]
    ready(qtbot, form)
    fill_valid(qtbot, form, desk)
    spoil(qtbot, form, desk)
    typed = snapshot(form)

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    error = form.errors[field]
    qtbot.waitUntil(lambda: error.isVisible() and form.save_button.isEnabled(), timeout=5000)

    assert error.text().strip(), f"{field}Error is empty"
    assert set(visible_errors(form)) == {field}, "only the bad field is marked"
    assert snapshot(form) == typed, "every field keeps what was typed"
    assert form.focusWidget() is form.field_widget(field)
    assert referral_count(desk.db) == 0
    with desk.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Client)) == 0


def test_all_problems_show_at_once_and_focus_goes_to_the_first(qtbot, desk, form):
    ready(qtbot, form)
    type_text(qtbot, form.note_edit, "只写了备注")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.errors["clientMobileEdit"].isVisible(), timeout=5000)
    errors = visible_errors(form)
    assert {"clientMobileEdit", "clientNameEdit", "clientTypeCombo", "statusReferredRadio", "rmCombo"} <= set(errors)
    assert "channelCombo" not in errors  # the lobby manager's channel defaults to the lobby
    assert form.focusWidget() is form.mobile_edit
    assert form.note_edit.toPlainText() == "只写了备注"
    assert referral_count(desk.db) == 0


@pytest.mark.parametrize("note", ["Robert'); DROP TABLE referral;--", '说"好的"🙂', "1 OR 1=1 -- 'x'"])
def test_quotes_sql_and_emoji_in_the_note_are_saved_literally(qtbot, desk, form, note):
    ready(qtbot, form)
    fill_valid(qtbot, form, desk)
    form.note_edit.clear()
    type_text(qtbot, form.note_edit, note)
    save_and_wait_saved(qtbot, form)
    with desk.db.read() as s:
        assert s.scalars(select(Referral.note)).one() == note


# --- warnings and look-up ------------------------------------------------------------------

def test_duplicate_warning_for_a_client_referred_six_days_ago(qtbot, desk, db_url, form):
    past = days_ago(db_url, 6)
    try:
        file_referral(past, desk.f.actor(desk.teller), ReferralInput(
            client_type="to_win", status="referred", rm_id=desk.rm.id, channel="cash_counter",
            client_name="陈六天", client_mobile="13700006666"))
    finally:
        past.dispose()
    ready(qtbot, form)
    assert not form.warning_label.isVisible()
    type_text(qtbot, form.mobile_edit, "13700006666")
    qtbot.waitUntil(lambda: form.warning_label.isVisible(), timeout=3000)
    text = form.warning_label.text()
    six_days_ago = (dt.datetime.now(BRANCH_TZ) - dt.timedelta(days=6)).strftime("%Y-%m-%d")
    assert desk.teller.name in text and six_days_ago in text

    # A warning, not a block: the person may still save.
    type_text(qtbot, form.name_edit, "陈六天")
    choose(qtbot, form.type_combo, "existing_potential")
    qtbot.mouseClick(form.referred_radio, Qt.MouseButton.LeftButton)
    choose(qtbot, form.rm_combo, desk.rm2.id)
    save_and_wait_saved(qtbot, form)
    assert referral_count(desk.db) == 2
    assert not form.warning_label.isVisible()


def test_picking_a_found_client_fills_the_form(qtbot, desk, form):
    first = desk.f.referral(desk.teller, desk.rm2, mobile="13655550001", name="欧阳娜娜",
                            client_type="existing_potential")
    ready(qtbot, form)
    type_text(qtbot, form.name_edit, "欧阳")
    popup = form.completer.popup()
    qtbot.waitUntil(lambda: popup.isVisible(), timeout=3000)
    assert popup.model().rowCount() == 1
    row = [popup.model().index(0, c).data() for c in range(popup.model().columnCount())]
    assert row[0] == "欧阳娜娜" and row[1] == "136****0001" and desk.rm2.name in row[3]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)

    assert form.name_edit.text() == "欧阳娜娜" and form.mobile_edit.text() == "136****0001"
    assert form.type_combo.currentData() == "existing_potential"
    qtbot.waitUntil(lambda: form.rm_combo.currentData() == desk.rm2.id, timeout=3000)
    assert form.rm_combo.itemData(1) == desk.rm2.id, "the client's own RM comes first"
    qtbot.waitUntil(lambda: form.warning_label.isVisible(), timeout=3000)
    assert desk.teller.name in form.warning_label.text()

    qtbot.mouseClick(form.referred_radio, Qt.MouseButton.LeftButton)
    save_and_wait_saved(qtbot, form)
    with desk.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Client)) == 1
        assert {r.client_id for r in s.scalars(select(Referral))} == {first.client_id}


def test_typing_on_after_a_pick_starts_a_new_client(qtbot, desk, form):
    desk.f.referral(desk.teller, desk.rm2, mobile="13655550001", name="欧阳娜娜")
    ready(qtbot, form)
    type_text(qtbot, form.mobile_edit, "0001")  # the lobby finds a client by a mobile's last four digits
    popup = form.completer.popup()
    qtbot.waitUntil(lambda: popup.isVisible(), timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.mobile_edit.text() == "136****0001"
    qtbot.keyClick(form.mobile_edit, Qt.Key.Key_1)
    assert form.mobile_edit.text() == "" and form.gather().client_id is None


def test_tab_past_the_matches_does_not_pick_one(qtbot, desk, form):
    desk.f.referral(desk.teller, desk.rm2, mobile="13655550001", name="欧阳娜娜")
    ready(qtbot, form)
    type_text(qtbot, form.name_edit, "欧阳")
    popup = form.completer.popup()
    qtbot.waitUntil(lambda: popup.isVisible(), timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Tab)
    assert not popup.isVisible()
    assert form.gather().client_id is None and form.name_edit.text() == "欧阳"


# --- keyboard ---------------------------------------------------------------------------------

def test_enter_saves_from_a_field(qtbot, desk, form):
    ready(qtbot, form)
    fill_valid(qtbot, form, desk)
    form.channel_combo.setFocus()
    with qtbot.waitSignal(form.referral_filed, timeout=5000):
        qtbot.keyClick(form.channel_combo, Qt.Key.Key_Return)
    assert referral_count(desk.db) == 1


def test_enter_in_the_note_is_a_new_line_and_ctrl_enter_saves(qtbot, desk, form):
    ready(qtbot, form)
    fill_valid(qtbot, form, desk)
    qtbot.keyClick(form.note_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(form.note_edit, Qt.Key.Key_Return)
    type_text(qtbot, form.note_edit, "second line")
    assert referral_count(desk.db) == 0
    with qtbot.waitSignal(form.referral_filed, timeout=5000):
        qtbot.keyClick(form.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with desk.db.read() as s:
        assert s.scalars(select(Referral.note)).one() == "想了解理财\nsecond line"


@pytest.mark.parametrize("keys", ["esc", "ctrl+n"])
def test_esc_and_ctrl_n_clear_the_form(qtbot, desk, form, keys):
    ready(qtbot, form)
    fill_valid(qtbot, form, desk)
    form.name_edit.setFocus()
    if keys == "esc":
        qtbot.keyClick(form.name_edit, Qt.Key.Key_Escape)
    else:
        qtbot.keyClick(form.name_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    state = snapshot(form)
    assert state["mobile"] == state["name"] == state["id"] == state["note"] == ""
    assert state["type"] is None and state["rm"] is None and not state["referred"] and not state["pending"]
    assert state["interests"] == [] and state["channel"] == "lobby"
    assert form.focusWidget() is form.mobile_edit
    assert referral_count(desk.db) == 0


def test_tab_walks_the_fields_in_reading_order(qtbot, desk, form):
    ready(qtbot, form)
    form.mobile_edit.setFocus()
    seen = [QApplication.focusWidget().objectName()]
    for _ in range(10):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget().objectName())
    # The two status buttons are one stop (arrows move between them); the contact time is
    # skipped while the referral is not pending (the field is disabled).
    assert seen == ["clientMobileEdit", "clientNameEdit", "clientIdNumberEdit", "clientTypeCombo",
                    "statusReferredRadio", "rmCombo", "channelCombo", "interestsList", "noteEdit",
                    "saveReferralButton", "clientMobileEdit"]


def test_note_shows_a_live_character_count(qtbot, desk, form):
    ready(qtbot, form)
    assert form.note_count_label.text() == "0/500"
    type_text(qtbot, form.note_edit, "abc")
    assert form.note_count_label.text() == "3/500"


def test_clear_sensitive_removes_client_data(qtbot, desk, form):
    ready(qtbot, form)
    fill_valid(qtbot, form, desk)
    form.clear_sensitive()
    assert form.mobile_edit.text() == form.name_edit.text() == form.id_number_edit.text() == ""
    assert form.note_edit.toPlainText() == ""


# --- end to end, through gui.app.launch (docs/product.md "Automation contract") ---------------------------------------

def _launched_form(qtbot, launch_window, f, role: Role = Role.LOBBY_MANAGER):
    """Sign in through launch(); the window's database runs on the test's FakeClock, like ``f``."""
    person = f.staff(role, name="孙推介")
    rm = f.staff(Role.RM, name="郑理财")
    window = launch_window(person.staff_no)
    qtbot.waitExposed(window)
    form = window.findChild(QWidget, "referralPage")
    assert form is not None and window.current_page() is form
    combo = window.findChild(QComboBox, "rmCombo")
    qtbot.waitUntil(lambda: combo.findData(rm.id) > 0, timeout=5000)
    return window, form, rm


def _field(window, kind, name):
    widget = window.findChild(kind, name)
    assert widget is not None, name
    return widget


def test_launched_window_saves_a_referral_that_appears_in_referral_table(qtbot, f, launch_window, db):
    window, form, rm = _launched_form(qtbot, launch_window, f)
    type_text(qtbot, _field(window, QLineEdit, "clientMobileEdit"), "13811112222")
    type_text(qtbot, _field(window, QLineEdit, "clientNameEdit"), "端到端")
    choose(qtbot, _field(window, QComboBox, "clientTypeCombo"), "existing_potential")
    qtbot.mouseClick(_field(window, QRadioButton, "statusReferredRadio"), Qt.MouseButton.LeftButton)
    choose(qtbot, _field(window, QComboBox, "rmCombo"), rm.id)
    with qtbot.waitSignal(form.referral_filed, timeout=5000):
        qtbot.keyClick(_field(window, QComboBox, "rmCombo"), Qt.Key.Key_Return)

    window.show_page("myReferralsPage")
    table = _field(window, QTableView, "referralTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=2000)
    model = table.model()
    assert "端到端" in [model.index(0, c).data() for c in range(model.columnCount())]
    assert referral_count(db) == 1


def test_launched_window_shows_each_bad_value_beside_its_field(qtbot, f, launch_window, db):
    window, _form, rm = _launched_form(qtbot, launch_window, f, Role.TELLER)
    mobile = _field(window, QLineEdit, "clientMobileEdit")
    type_text(qtbot, mobile, "1381111222")  # ten digits
    type_text(qtbot, _field(window, QLineEdit, "clientNameEdit"), "错例")
    qtbot.mouseClick(_field(window, QRadioButton, "statusPendingRadio"), Qt.MouseButton.LeftButton)
    choose(qtbot, _field(window, QComboBox, "rmCombo"), rm.id)
    choose(qtbot, _field(window, QComboBox, "channelCombo"), "cash_counter")
    qtbot.mouseClick(_field(window, QPushButton, "saveReferralButton"), Qt.MouseButton.LeftButton)

    labels = {name: _field(window, QLabel, f"{name}Error")
              for name in ("clientMobileEdit", "clientTypeCombo", "contactTimeEdit")}
    qtbot.waitUntil(lambda: all(label.isVisible() for label in labels.values()), timeout=5000)
    assert all(label.text() for label in labels.values())
    assert not _field(window, QLabel, "clientNameEditError").isVisible()
    assert not _field(window, QLabel, "rmComboError").isVisible()
    assert mobile.text() == "1381111222" and _field(window, QLineEdit, "clientNameEdit").text() == "错例"
    assert _field(window, QComboBox, "rmCombo").currentData() == rm.id
    assert window.focusWidget() is mobile
    assert referral_count(db) == 0


def test_launched_window_warns_of_a_client_referred_last_week(qtbot, f, launch_window, clock):
    teller, first_rm = f.staff(Role.TELLER, name="钱柜员"), f.staff(Role.RM)
    clock.advance(days=-6)
    f.referral(teller, first_rm, mobile="13766660000", name="上周客户")
    clock.advance(days=6)
    window, _form, _rm = _launched_form(qtbot, launch_window, f)
    warning = _field(window, QLabel, "duplicateWarningLabel")
    assert not warning.isVisible()
    type_text(qtbot, _field(window, QLineEdit, "clientMobileEdit"), "13766660000")
    qtbot.waitUntil(warning.isVisible, timeout=3000)
    assert "钱柜员" in warning.text() and "2026-11-14" in warning.text()
