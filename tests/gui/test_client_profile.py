"""The client search page and the profile window (docs/profiles.md): typing finds, bad input is refused
beside the field, Enter opens a profile or offers a referral, the reveal re-masks, the edit keeps what
was typed when someone else saved first, and the idle lock hides every open profile."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPushButton, QTableView, QWidget
from sqlalchemy import func, select

from gui.dialogs.edit_profile import EditProfileDialog
from gui.itemmodels.client_search import PAGE, ClientSearchModel
from gui.itemmodels.client_timeline import ClientTimelineModel
from gui.pages.client_search import ClientSearchPage
from gui.profile_window import REVEAL_MS, ProfileWindow, open_profile
from models import AuditEvent, Client, MaintenanceKind, MaintenanceRecord, Role
from services import clients
from tests.factories import make_id_number
from tests.gui.support import Desk, child, click, paste_text, type_text
from tests.gui.window_support import WAIT_MS, wait_idle

ID_NUMBER = make_id_number(dt.date(1979, 3, 14), seq=221)


def _client(desk: Desk, name: str, mobile: str, rm_id: int | None, id_number: str | None = None) -> int:
    with desk.db.write() as s:
        c = Client(branch_id=desk.f.branch.id, name=name, mobile=mobile, id_number=id_number, rm_id=rm_id,
                   created_at=desk.db.now(), occupation="教师")
        s.add(c)
        s.flush()
        return c.id


def _search(qtbot, page: ClientSearchPage, text: str) -> None:  # type: ignore[no-untyped-def]
    edit = child(page, QLineEdit, "clientSearchEdit")
    edit.clear()
    type_text(qtbot, edit, text)


def _audit_count(desk: Desk) -> int:
    with desk.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def _open(qtbot, desk: Desk, who, client_id: int, timer: QTimer | None = None) -> ProfileWindow:  # type: ignore[no-untyped-def]
    window = open_profile(desk.ctx(who), client_id, reveal_timer=timer)
    qtbot.waitUntil(lambda: window.profile is not None, timeout=WAIT_MS)
    return window


# --- the search page ------------------------------------------------------------------------------

def test_typing_finds_the_client_masked(qtbot, desk, pages):
    _client(desk, "钱多多", "13712345678", desk.rm.id)
    _client(desk, "钱少少", "13712340000", desk.rm2.id)
    page = pages(ClientSearchPage(desk.ctx(desk.lobby)))
    table = child(page, QTableView, "clientSearchResults")
    _search(qtbot, page, "钱")
    qtbot.waitUntil(lambda: table.model().rowCount() == 2, timeout=WAIT_MS)
    model = table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert len(headers) == 4 and model.columns() == ("name", "mobile", "type", "rm")  # no tier for the lobby
    texts = {model.index(0, c).data() for c in range(model.columnCount())}
    assert "钱多多" in texts and "137****5678" in texts and "13712345678" not in texts
    _search(qtbot, page, "5678")  # exactly the last four
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0, 0).data() == "钱多多", timeout=WAIT_MS)


def test_the_results_model_passes_the_tester_and_fetches_the_next_window(qtbot, qtmodeltester, desk):
    for i in range(PAGE + 5):
        _client(desk, f"钱{'甲乙丙丁戊己庚辛壬癸'[i % 10]}{i:03d}", f"137{i:08d}", desk.rm.id)
    ctx = desk.ctx(desk.rm)
    model = ClientSearchModel(ctx, with_tier=True)
    model.set_results("钱", clients.search_clients(desk.db, ctx.actor, "钱", limit=PAGE))
    assert model.rowCount() == PAGE and model.canFetchMore() and model.columnCount() == 5
    model.fetchMore()
    assert not model.canFetchMore()  # one window on its way at a time
    qtbot.waitUntil(lambda: model.rowCount() == PAGE + 5, timeout=WAIT_MS)
    assert not model.canFetchMore()
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert len(set(names)) == PAGE + 5
    qtmodeltester.check(model, force_py=True)
    model.clear()
    assert model.rowCount() == 0


def test_control_characters_and_a_huge_text_are_refused_beside_the_field_without_a_query(
        qtbot, desk, pages, monkeypatch):
    _client(desk, "钱多多", "13712345678", desk.rm.id)
    page = pages(ClientSearchPage(desk.ctx(desk.lobby)))
    asked: list[str] = []
    real = clients.search_clients
    monkeypatch.setattr(clients, "search_clients", lambda db, a, text, **kw: asked.append(text) or real(db, a, text,
                                                                                                         **kw))
    edit = child(page, QLineEdit, "clientSearchEdit")
    error = child(page, QLabel, "clientSearchEditError")
    paste_text(qtbot, edit, "钱\x1b[2J")
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert "控制字符" in error.text()
    edit.setText("钱" * 10_000)
    edit.textEdited.emit(edit.text())
    qtbot.waitUntil(lambda: "过长" in error.text(), timeout=WAIT_MS)
    page.ctx.lane.wait()
    assert asked == [] and page.model.rowCount() == 0
    edit.clear()
    type_text(qtbot, edit, "钱")  # good input again: the message goes, the search runs
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    assert not error.isVisible() and asked == ["钱"]


def test_enter_on_a_result_offers_the_lobby_a_referral_for_that_client(qtbot, f, launch_window):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    f.referral(lobby, rm, name="孙悟空", mobile="13698765432")
    window = launch_window(lobby.staff_no)
    window.show_page("clientPage")
    page = window.page("clientPage")
    table = child(page, QTableView, "clientSearchResults")
    type_text(qtbot, child(page, QLineEdit, "clientSearchEdit"), "孙悟空")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=WAIT_MS)
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    box = None

    def offered() -> bool:
        nonlocal box
        box = next((w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.objectName() == "referClientConfirm" and w.isVisible()), None)
        return box is not None

    qtbot.waitUntil(offered, timeout=WAIT_MS)
    assert box is not None and "136****5432" in box.text() and "13698765432" not in box.text()
    click(qtbot, box.button(QMessageBox.StandardButton.Yes))
    qtbot.waitUntil(lambda: window.current_page().objectName() == "referralPage", timeout=WAIT_MS)
    form = window.page("referralPage")
    assert child(form, QLineEdit, "clientNameEdit").text() == "孙悟空"
    assert child(form, QLineEdit, "clientMobileEdit").text() == "136****5432"
    assert not any(isinstance(w, ProfileWindow) for w in QApplication.topLevelWidgets())  # never a profile
    wait_idle(qtbot, window)


# --- the profile window ---------------------------------------------------------------------------

def test_the_rm_opens_their_client_and_the_reveal_masks_again_after_30_seconds(qtbot, desk, pages):
    cid = _client(desk, "赵敏", "13600001111", desk.rm.id, ID_NUMBER)
    page = pages(ClientSearchPage(desk.ctx(desk.rm)))
    _search(qtbot, page, "赵敏")
    table = child(page, QTableView, "clientSearchResults")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=WAIT_MS)
    timer = QTimer()
    page.open_profile = lambda m: _open(qtbot, desk, desk.rm, m.id, timer)  # the same call, with our timer
    table.setCurrentIndex(table.model().index(0, 0))
    table.activated.emit(table.model().index(0, 0))
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ProfileWindow) and w.client_id == cid)
    mobile = child(window, QLabel, "profileMobileLabel")
    id_label = child(window, QLabel, "profileIdNumberLabel")
    assert mobile.text() == "136****1111" and "1979" not in id_label.text()
    # The score panel reads the score card after the profile: tier and score come with it.
    qtbot.waitUntil(lambda: child(window, QLabel, "profileTierLabel").text() != "", timeout=WAIT_MS)
    assert child(window, QLabel, "profileScoreLabel").text() == "0"
    assert child(window, QTableView, "profileBreakdownTable").model().rowCount() == 6  # the six factors
    before = _audit_count(desk)
    click(qtbot, child(window, QPushButton, "revealButton"))
    qtbot.waitUntil(lambda: mobile.text() == "13600001111", timeout=WAIT_MS)
    assert id_label.text() == ID_NUMBER
    assert timer.isActive() and timer.interval() == REVEAL_MS
    assert not child(window, QPushButton, "revealButton").isEnabled()
    assert _audit_count(desk) == before + 1
    timer.timeout.emit()  # 30 seconds later
    timer.stop()
    assert mobile.text() == "136****1111" and id_label.text() != ID_NUMBER
    assert child(window, QPushButton, "revealButton").isEnabled()
    assert _audit_count(desk) == before + 1  # masking again is not another reveal
    window.close()


def test_another_rms_client_is_refused_by_id_and_no_window_stays(qtbot, desk):
    cid = _client(desk, "赵雷", "13600002222", desk.rm2.id)
    window = open_profile(desk.ctx(desk.rm), cid)

    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorMessageBox") is not None, timeout=WAIT_MS)
    box = window.findChild(QMessageBox, "errorMessageBox")
    assert box.isVisible() and window.profile is None
    assert child(window, QLabel, "profileMobileLabel").text() == ""
    assert child(window, QLabel, "profileNameLabel").text() == ""
    assert not child(window, QPushButton, "revealButton").isEnabled()
    assert not child(window, QPushButton, "editProfileButton").isEnabled()
    with qtbot.waitSignal(window.destroyed, timeout=WAIT_MS):
        box.accept()  # the person reads it; the empty window goes with it


def test_the_timeline_model_passes_the_tester_and_fetches_more_on_scroll(qtbot, qtmodeltester, desk):
    cid = _client(desk, "钱多多", "13712345678", desk.rm.id)
    with desk.db.write() as s:
        for i in range(150):
            s.add(MaintenanceRecord(client_id=cid, branch_id=desk.rm.branch_id, rm_id=desk.rm.id,
                                    at=desk.db.now() - dt.timedelta(hours=i),
                                    kind=MaintenanceKind.GREETING, note=f"问候{i}"))
    ctx = desk.ctx(desk.rm)
    model = ClientTimelineModel(ctx)
    model.load(cid)
    qtbot.waitUntil(lambda: model.rowCount() == 100, timeout=WAIT_MS)
    assert model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 150, timeout=WAIT_MS)
    desk.contexts[-1].lane.wait()
    qtbot.wait(0)
    assert model.rowCount() == 150
    assert not model.canFetchMore()
    assert model.index(0, 4).data() == "问候0" and model.index(149, 4).data() == "问候149"
    qtmodeltester.check(model, force_py=True)


def test_a_concurrent_edit_is_refused_naming_who_and_keeps_what_was_typed(qtbot, desk):
    cid = _client(desk, "冯远", "13611112222", desk.rm.id)
    window = _open(qtbot, desk, desk.rm, cid)
    click(qtbot, child(window, QPushButton, "editProfileButton"))
    dialog = window.findChild(EditProfileDialog, "editProfileDialog")
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    sup = desk.f.staff(Role.SUPERVISOR, name="钱主管")
    sup_actor = desk.f.actor(sup)
    clients.update_profile(desk.db, sup_actor, cid, clients.get_profile(desk.db, sup_actor, cid).version,
                           employer="主管改过")
    employer = child(dialog, QLineEdit, "editEmployerEdit")
    employer.clear()
    type_text(qtbot, employer, "合肥某研究所")
    standing = child(dialog, QLineEdit, "editSocialStandingEdit")
    type_text(qtbot, standing, "区人大代表")
    click(qtbot, child(dialog, QPushButton, "saveProfileButton"))
    general = child(dialog, QLabel, "editProfileError")
    qtbot.waitUntil(general.isVisible, timeout=WAIT_MS)
    assert "钱主管" in general.text()
    assert dialog.isVisible() and employer.text() == "合肥某研究所" and standing.text() == "区人大代表"
    assert clients.get_profile(desk.db, sup_actor, cid).employer == "主管改过"
    dialog.reject()
    window.close()


def test_a_bad_field_is_refused_beside_it_and_a_good_edit_shows_in_the_window(qtbot, desk):
    cid = _client(desk, "冯远", "13611112222", desk.rm.id)
    window = _open(qtbot, desk, desk.rm, cid)
    click(qtbot, child(window, QPushButton, "editProfileButton"))
    dialog = window.findChild(EditProfileDialog, "editProfileDialog")
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    dependants = child(dialog, QLineEdit, "editDependantsEdit")
    type_text(qtbot, dependants, "99")
    family = child(dialog, QLineEdit, "editFamilyEdit")
    type_text(qtbot, family, "已婚，一子")
    click(qtbot, child(dialog, QPushButton, "saveProfileButton"))
    error = child(dialog, QLabel, "editDependantsEditError")
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert "0–20" in error.text() and family.text() == "已婚，一子"
    dependants.clear()
    type_text(qtbot, dependants, "1")
    click(qtbot, child(dialog, QPushButton, "saveProfileButton"))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: child(window, QLabel, "profileFamilyLabel").text() == "已婚，一子", timeout=WAIT_MS)
    assert child(window, QLabel, "profileDependantsLabel").text() == "1"
    window.close()


def test_the_idle_lock_hides_every_open_profile_window_until_unlock(qtbot, f, launch_window):
    sup = f.staff(Role.SUPERVISOR)
    rm = f.staff(Role.RM)
    first = f.referral(sup, rm, name="甲客户", mobile="13611110001")
    second = f.referral(sup, rm, name="乙客户", mobile="13611110002")
    window = launch_window(sup.staff_no, idle_seconds=1)
    window.set_idle_timeout_ms(60_000)  # no lock while the windows open
    ctx = window.page("clientPage").ctx
    profiles = [open_profile(ctx, r.client_id, window) for r in (first, second)]
    for p in profiles:
        qtbot.waitUntil(lambda p=p: p.profile is not None, timeout=WAIT_MS)
    assert all(p.isVisible() for p in profiles)
    click(qtbot, child(profiles[0], QPushButton, "revealButton"))
    qtbot.waitUntil(lambda: profiles[0].revealed is not None, timeout=WAIT_MS)
    window.set_idle_timeout_ms(1000)
    with qtbot.waitSignal(window.locked, timeout=WAIT_MS):
        pass
    assert not any(p.isVisible() for p in profiles)
    assert profiles[0].revealed is None  # the full numbers went with the lock
    assert child(profiles[0], QLabel, "profileMobileLabel").text() == "136****0001"
    window.set_idle_timeout_ms(60_000)
    lock_edit = child(window, QLineEdit, "lockPasswordEdit")
    from tests.factories import PASSWORD

    type_text(qtbot, lock_edit, PASSWORD)
    click(qtbot, child(window, QPushButton, "unlockButton"))
    qtbot.waitUntil(lambda: not window.is_locked, timeout=WAIT_MS)
    assert all(p.isVisible() for p in profiles)
    wait_idle(qtbot, window)


def test_the_supervisor_opens_a_profile_from_the_referral_list(qtbot, f, launch_window):
    sup, lobby, rm = f.staff(Role.SUPERVISOR), f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    filed = f.referral(lobby, rm, name="丙客户", mobile="13611110003")
    window = launch_window(sup.staff_no)
    window.show_page("myReferralsPage")
    page = window.page("myReferralsPage")
    table = child(page, QTableView, "referralTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=WAIT_MS)
    button = child(page, QPushButton, "openReferralProfileButton")
    assert not button.isEnabled()
    table.selectRow(0)
    assert button.isEnabled()
    click(qtbot, button)
    qtbot.waitUntil(lambda: any(isinstance(w, ProfileWindow) and w.client_id == filed.client_id and
                                w.profile is not None for w in QApplication.topLevelWidgets()), timeout=WAIT_MS)
    wait_idle(qtbot, window)


def test_the_lobby_never_gets_the_profile_button(qtbot, f, launch_window):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    f.referral(lobby, rm, name="丁客户", mobile="13611110004")
    window = launch_window(lobby.staff_no)
    window.show_page("myReferralsPage")
    page = window.page("myReferralsPage")
    table = child(page, QTableView, "referralTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=WAIT_MS)
    table.selectRow(0)
    button = page.findChild(QWidget, "openReferralProfileButton")
    assert button is not None and not button.isVisible() and not button.isEnabled()
    wait_idle(qtbot, window)
