"""The RM's follow-up queue page, signed in through gui.app.launch as an RM and as a supervisor:
order and counts, filters, search, the buttons' rules, an own follow-up, reassignment seen live in two windows."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QComboBox, QMainWindow, QPushButton
from sqlalchemy import select

from gui.dialogs.close_follow_up import CloseFollowUpDialog
from gui.dialogs.contact import ContactDialog
from gui.dialogs.own_follow_up import OwnFollowUpDialog
from gui.dialogs.reassign import ReassignDialog
from gui.itemmodels.follow_up_queue import FollowUpQueueModel
from gui.pages.follow_up import FollowUpPage
from gui.widgets.dates import qdate
from models import Client, ClientType, FollowUp, FollowUpOrigin, FollowUpState, Role, Tier
from services import followups
from services.clients import search_clients
from services.db import BRANCH_TZ, Database
from tests.factories import Factories
from tests.gui.support import choose, click, type_text
from tests.gui.window_support import wait_idle

WAIT_MS = 10_000


def _at(db: Database, days: int) -> dt.datetime:
    day = db.today() + dt.timedelta(days=days)
    return dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=BRANCH_TZ)


class Branch:
    """Two RMs and a supervisor; RM A's queue, once the clock moved on three days: two overdue
    (``d1`` the older), one due today, one upcoming; RM B holds one due today."""

    def __init__(self, db: Database, f: Factories, clock) -> None:  # type: ignore[no-untyped-def]
        self.lobby = f.staff(Role.LOBBY_MANAGER, name="周大堂")
        self.rm = f.staff(Role.RM, name="张理财", staff_no="R0001")
        self.rm2 = f.staff(Role.RM, name="李晓梅", staff_no="R0002")
        self.sup = f.staff(Role.SUPERVISOR, name="王主管", staff_no="S0001")
        pending = dict(status="pending")
        self.d3 = f.referral(self.lobby, self.rm, contact_at=_at(db, 3), name="赵一一", mobile="13900001111",
                             client_type="to_win", interests=["基金"], **pending).follow_up_id
        self.d1 = f.referral(self.lobby, self.rm, contact_at=_at(db, 1), name="钱二", mobile="13900002222",
                             client_type="existing_potential", interests=["理财产品"], **pending).follow_up_id
        self.d5 = f.referral(self.lobby, self.rm, contact_at=_at(db, 5), name="孙三", mobile="13900003333",
                             client_type="to_win", interests=["理财产品"], **pending).follow_up_id
        self.d2 = f.referral(self.lobby, self.rm, contact_at=_at(db, 2), name="李四", mobile="13900004444",
                             client_type="existing_premium", **pending).follow_up_id
        self.theirs = f.referral(self.lobby, self.rm2, contact_at=_at(db, 3), name="周五", mobile="13900005555",
                                 **pending).follow_up_id
        for _ in range(3):  # d5: three failed attempts in a row, so abandoning is proposed
            followups.record_contact(db, f.actor(self.rm), self.d5, channel="phone", result="no_answer",
                                     next_contact_date=db.today() + dt.timedelta(days=5))
        clock.advance(days=3)


def open_queue(qtbot, window: QMainWindow) -> FollowUpPage:  # type: ignore[no-untyped-def]
    qtbot.waitExposed(window)
    window.show_page("followUpPage")  # type: ignore[attr-defined]
    page = window.findChild(FollowUpPage, "followUpPage")
    assert page is not None
    qtbot.waitUntil(lambda: page.watcher.ready and page.model.rowCount() > 0 and not page.model.loading,
                    timeout=WAIT_MS)
    return page


def ids(page: FollowUpPage) -> list[int]:
    return [page.model.row_at(r).id for r in range(page.model.rowCount())]  # type: ignore[union-attr]


def cell(page: FollowUpPage, follow_up_id: int, column: str) -> str:
    return str(page.model.index(page.model.row_of(follow_up_id), page.model.columns().index(column)).data())


def settle(qtbot, page: FollowUpPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.model.loading, timeout=WAIT_MS)


def test_the_rm_lands_on_the_queue_overdue_first_with_counts(qtbot, db, f, clock, launch_window):
    b = Branch(db, f, clock)
    window = launch_window(b.rm.staff_no)
    assert window.current_page().objectName() == "followUpPage"
    page = open_queue(qtbot, window)
    assert ids(page) == [b.d1, b.d2, b.d3, b.d5]  # RM B's is not here
    qtbot.waitUntil(lambda: page.overdue_label.text() == "逾期：2", timeout=WAIT_MS)
    assert page.due_today_label.text() == "今日到期：1" and page.upcoming_label.text() == "待联络：1"
    # Overdue is said in words as well as in colour; the client is masked for the RM too.
    assert cell(page, b.d1, "due") == "逾期 · 2 天" and cell(page, b.d2, "due") == "逾期 · 1 天"
    assert cell(page, b.d3, "due") == "今日到期"
    assert cell(page, b.d1, "client") == "钱*" and cell(page, b.d1, "mobile") == "139****2222"
    assert cell(page, b.d1, "source") == "推介 · 周大堂"
    assert cell(page, b.d5, "attempts") == "3 / 3" and cell(page, b.d5, "last_result") == "无人接听"
    assert "rm" not in page.model.columns() and not page.rm_combo.isVisible()
    assert not page.reassign_button.isVisible()
    wait_idle(qtbot, window)


def test_filters_and_search_narrow_the_table(qtbot, db, f, clock, launch_window):
    b = Branch(db, f, clock)
    page = open_queue(qtbot, launch_window(b.rm.staff_no))

    def shown_after(change) -> list[int]:  # type: ignore[no-untyped-def]
        with qtbot.waitSignal(page.model.window_loaded, timeout=WAIT_MS):
            change()
        return ids(page)

    combo = page.type_combo
    assert shown_after(lambda: combo.setCurrentIndex(combo.findData(ClientType.TO_WIN))) == [b.d3, b.d5]
    assert shown_after(lambda: combo.setCurrentIndex(0)) == [b.d1, b.d2, b.d3, b.d5]
    qtbot.waitUntil(lambda: page.interest_combo.count() > 1, timeout=WAIT_MS)  # the branch's interests
    combo = page.interest_combo
    assert shown_after(lambda: combo.setCurrentIndex(combo.findData("理财产品"))) == [b.d1, b.d5]
    assert shown_after(lambda: combo.setCurrentIndex(0)) == [b.d1, b.d2, b.d3, b.d5]
    combo = page.source_combo
    assert shown_after(lambda: combo.setCurrentIndex(combo.findData(FollowUpOrigin.OWN))) == []
    assert shown_after(lambda: combo.setCurrentIndex(0)) == [b.d1, b.d2, b.d3, b.d5]
    # The search box waits for a pause in typing, then narrows by name start, last four or full mobile.
    assert shown_after(lambda: type_text(qtbot, page.search_edit, "4444")) == [b.d2]
    page.search_edit.clear()
    settle(qtbot, page)
    assert shown_after(lambda: type_text(qtbot, page.search_edit, "赵")) == [b.d3]
    page.search_edit.clear()
    qtbot.waitUntil(lambda: ids(page) == [b.d1, b.d2, b.d3, b.d5], timeout=WAIT_MS)
    # The header counts stay the whole queue's.
    assert page.overdue_label.text() == "逾期：2"


def test_buttons_follow_the_selected_row_and_abandon_only_when_proposed(qtbot, db, f, clock, launch_window):
    b = Branch(db, f, clock)
    page = open_queue(qtbot, launch_window(b.rm.staff_no))
    assert not page.contact_button.isEnabled() and not page.abandon_button.isEnabled()
    page.select_row(page.model.row_of(b.d1))
    assert page.contact_button.isEnabled() and page.close_button.isEnabled()
    assert not page.abandon_button.isEnabled()
    page.select_row(page.model.row_of(b.d5))
    assert page.abandon_button.isEnabled()
    assert "建议放弃" in cell(page, b.d5, "state")
    # Abandon opens the close dialog fixed to "abandoned"; Cancel leaves the follow-up as it was.
    with qtbot.waitSignal(page.close_requested, timeout=WAIT_MS) as abandoning:
        page.abandon_button.click()
    assert abandoning.args[0].id == b.d5 and abandoning.args[1] is True
    closing = page.findChild(CloseFollowUpDialog)
    assert closing is not None and closing.isVisible()
    assert closing.findChild(QComboBox, "closeOutcomeCombo").currentData() == FollowUpState.ABANDONED
    closing.reject()
    # Record contact opens the contact dialog on the row; saving it reloads the queue.
    page.select_row(page.model.row_of(b.d1))
    with qtbot.waitSignal(page.contact_requested, timeout=WAIT_MS) as contact:
        page.contact_button.click()
    assert contact.args[0].id == b.d1
    dialog = page.findChild(ContactDialog)
    assert dialog is not None and dialog.isVisible()
    choose(qtbot, dialog.findChild(QComboBox, "contactResultCombo"), "no_answer")
    dialog.next_date_edit.setDate(qdate(db.today() + dt.timedelta(days=2)))
    with qtbot.waitSignal(page.model.window_loaded, timeout=WAIT_MS):
        click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: cell(page, b.d1, "last_result") == "无人接听", timeout=WAIT_MS)
    with db.read() as s:
        assert s.scalar(select(FollowUp.failed_attempts).where(FollowUp.id == b.d1)) == 1


def _own_dialog(qtbot, page: FollowUpPage) -> OwnFollowUpDialog:  # type: ignore[no-untyped-def]
    page.add_own_button.click()
    dialog = page.findChild(OwnFollowUpDialog, "ownFollowUpDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_an_own_follow_up_joins_the_queue_and_another_rms_client_is_refused_beside_the_field(
        qtbot, db, f, clock, launch_window):
    b = Branch(db, f, clock)
    with db.write() as s:  # a prospect nobody holds: no RM, no follow-up
        free = Client(branch_id=f.branch.id, name="吴六", mobile="13900006666", created_at=db.now(),
                      tier=Tier.NONE, score=0)
        s.add(free)
        s.flush()
        free_id = free.id
    theirs = f.referral(b.lobby, b.rm2, status="referred", name="郑七", mobile="13900007777")
    followups.create_own(db, f.actor(b.rm2), theirs.client_id, db.today() + dt.timedelta(days=1))
    page = open_queue(qtbot, launch_window(b.rm.staff_no))

    dialog = _own_dialog(qtbot, page)
    dialog.save_button.click()  # no client chosen
    assert dialog.errors["ownClientEdit"].text() == "请从列表中选择客户"
    type_text(qtbot, dialog.client_edit, "郑七")
    qtbot.waitUntil(lambda: dialog.completer.model().rowCount() == 1, timeout=WAIT_MS)
    dialog.pick(search_clients(db, f.actor(b.rm), "郑七")[0])
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.errors["ownClientEdit"].isVisible(), timeout=WAIT_MS)
    assert "其他理财经理" in dialog.errors["ownClientEdit"].text() and dialog.isVisible()

    dialog.client_edit.clear()
    dialog.pick(search_clients(db, f.actor(b.rm), "13900006666")[0])
    with qtbot.waitSignal(dialog.created, timeout=WAIT_MS):
        dialog.save_button.click()
    with db.read() as s:
        own = s.scalar(select(FollowUp.id).where(FollowUp.client_id == free_id))
    qtbot.waitUntil(lambda: own in ids(page), timeout=WAIT_MS)
    assert cell(page, own, "source") == "自拓客户" and page.upcoming_label.text() == "待联络：2"


def test_the_supervisor_filters_by_rm_and_reassigns_while_both_rms_watch(qtbot, db, f, clock, launch_window):
    b = Branch(db, f, clock)
    window_a = launch_window(b.rm.staff_no)
    queue_a = open_queue(qtbot, window_a)
    window_b = launch_window(b.rm2.staff_no)
    queue_b = open_queue(qtbot, window_b)
    assert ids(queue_b) == [b.theirs]
    sup_window = launch_window(b.sup.staff_no)
    page = open_queue(qtbot, sup_window)
    assert len(ids(page)) == 5 and "rm" in page.model.columns()
    qtbot.waitUntil(lambda: page.rm_combo.count() == 3, timeout=WAIT_MS)  # all, and the two RMs
    with qtbot.waitSignal(page.model.window_loaded, timeout=WAIT_MS):
        page.rm_combo.setCurrentIndex(page.rm_combo.findData(b.rm2.id))
    assert ids(page) == [b.theirs]
    qtbot.waitUntil(lambda: page.overdue_label.text() == "逾期：0", timeout=WAIT_MS)
    with qtbot.waitSignal(page.model.window_loaded, timeout=WAIT_MS):
        page.rm_combo.setCurrentIndex(page.rm_combo.findData(b.rm.id))
    assert ids(page) == [b.d1, b.d2, b.d3, b.d5]

    page.select_row(page.model.row_of(b.d1))
    page.reassign_button.click()
    dialog = page.findChild(ReassignDialog, "reassignDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.choose(b.rm.id)  # the same RM: refused beside the field, nothing written
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.errors["reassignRmCombo"].isVisible(), timeout=WAIT_MS)
    assert dialog.errors["reassignRmCombo"].text() == "该跟进已由这位理财经理负责"
    dialog.choose(b.rm2.id)
    with qtbot.waitSignal(dialog.reassigned, timeout=WAIT_MS):
        dialog.save_button.click()
    # Both RMs' windows follow within the watcher's 2 s, without a click.
    qtbot.waitUntil(lambda: b.d1 not in ids(queue_a), timeout=2500)
    qtbot.waitUntil(lambda: b.d1 in ids(queue_b), timeout=2500)
    assert ids(queue_b) == [b.d1, b.theirs]
    qtbot.waitUntil(lambda: queue_a.overdue_label.text() == "逾期：1", timeout=2500)
    qtbot.waitUntil(lambda: queue_b.overdue_label.text() == "逾期：1", timeout=2500)
    qtbot.waitUntil(lambda: b.d1 not in ids(page), timeout=2500)  # the supervisor's view of RM A, too
    for window in (window_a, window_b, sup_window):
        wait_idle(qtbot, window)


def test_the_model_passes_the_model_tester(qtbot, qtmodeltester, db, f, clock, launch_window):
    b = Branch(db, f, clock)
    window = launch_window(b.sup.staff_no)
    page = open_queue(qtbot, window)
    model = FollowUpQueueModel(page.ctx, branch_view=True)
    with qtbot.waitSignal(model.window_loaded, timeout=WAIT_MS):
        model.set_query(None, followups.QueueFilter())
    assert model.rowCount() == 5
    qtmodeltester.check(model, force_py=True)
    model.clear()
    qtmodeltester.check(model, force_py=True)
    page.ctx.lane.wait()


def test_rows_come_in_keyset_windows_as_the_view_asks(qtbot, db, f, clock, launch_window, monkeypatch):
    monkeypatch.setattr(FollowUpQueueModel, "page_size", 2)
    asked: list[tuple[object, int]] = []
    real_rows = followups._rows_in

    def spy(s, actor, rm_id, f, after, limit, today):  # type: ignore[no-untyped-def]
        asked.append((after, limit))
        return real_rows(s, actor, rm_id, f, after, limit, today)

    monkeypatch.setattr(followups, "_rows_in", spy)
    b = Branch(db, f, clock)
    page = open_queue(qtbot, launch_window(b.rm.staff_no))
    qtbot.waitUntil(lambda: page.model.rowCount() == 4 and not page.model.canFetchMore(), timeout=WAIT_MS)
    assert ids(page) == [b.d1, b.d2, b.d3, b.d5]  # each once, in order
    assert asked[0] == (None, 2)  # the first window: two rows, not the whole queue
    assert all(limit == 2 for _after, limit in asked)
    # Each later window starts after the last row of the one before. A third ask, after the
    # last row, happens only when the header counts have not yet told the model the total.
    keys = [(db.today() - dt.timedelta(days=1), b.d2), (db.today() + dt.timedelta(days=2), b.d5)]
    assert 2 <= len(asked) <= 3 and [after for after, _limit in asked[1:]] == keys[:len(asked) - 1]


def test_screenshots_with_overdue_rows_in_chinese_and_english(qtbot, db, f, clock, launch_window, tmp_path):
    """Rendered offscreen; LOBBYDESK_QUEUE_SHOTS=DIR also writes them there to be looked at."""
    b = Branch(db, f, clock)
    out = Path(os.environ.get("LOBBYDESK_QUEUE_SHOTS") or tmp_path)
    for lang in ("zh_CN", "en"):
        window = launch_window(b.sup.staff_no, lang=lang)
        window.resize(1366, 728)
        page = open_queue(qtbot, window)
        page.select_row(page.model.row_of(b.d5))
        wait_idle(qtbot, window)
        qtbot.wait(50)
        image = window.grab()
        assert image.width() == 1366 and image.save(str(out / f"queue-{lang}.png"))
        page.reassign_button.click()
        reassign = page.findChild(ReassignDialog, "reassignDialog")
        qtbot.waitExposed(reassign)
        reassign.choose(b.rm.id)
        reassign.save_button.click()  # the same RM: the refusal beside the field is in the picture
        qtbot.waitUntil(lambda reassign=reassign: reassign.errors["reassignRmCombo"].isVisible(), timeout=WAIT_MS)
        qtbot.wait(50)  # the layout makes room for the message
        assert reassign.grab().save(str(out / f"reassign-{lang}.png"))
        reassign.reject()
        own = _own_dialog(qtbot, page)
        own.save_button.click()
        assert own.grab().save(str(out / f"own-follow-up-{lang}.png"))
        own.reject()
        if lang == "en":
            assert page.findChild(QPushButton, "abandonFollowUpButton").text() == "A&bandon…"
            assert cell(page, b.d1, "due") == "Overdue · 2 d"
        window.close()
    QApplication.processEvents()
