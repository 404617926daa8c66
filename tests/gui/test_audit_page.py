"""The supervisor's audit review (auditPage): lazy, newest first, filtered by who, what, when."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDateEdit, QTableView

from gui.itemmodels.audit import AuditTableModel
from gui.pages.audit_review import AuditReviewPage
from gui.widgets.dates import qdate
from models import Role
from services import diversion, referrals
from services.audit import ReviewFilter
from tests.gui.support import child, choose
from tests.gui.window_support import WAIT_MS, wait_idle


def _events(f, db, clock):  # type: ignore[no-untyped-def]
    lobby = f.staff(Role.LOBBY_MANAGER, staff_no="L01")
    teller = f.staff(Role.TELLER, staff_no="T01")
    rm = f.staff(Role.RM, staff_no="R01")
    filed = f.referral(lobby, rm, mobile="13812345678")
    clock.advance(days=1)
    referrals.void_referral(db, f.actor(lobby), filed.id, "客户13812345678重复录入")
    diversion.record(db, f.actor(teller), "counter")
    return f.staff(Role.SUPERVISOR, staff_no="S01")


def _texts(table: QTableView) -> list[list[str]]:
    m = table.model()
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_supervisor_filters_the_log_by_who_what_and_when(qtbot, f, db, clock, launch_window):
    sup = _events(f, db, clock)
    window = launch_window(sup.staff_no)
    window.show_page("auditPage")
    page = child(window, AuditReviewPage, "auditPage")
    table = child(page, QTableView, "auditTable")
    qtbot.waitUntil(lambda: table.model().rowCount() > 3, timeout=WAIT_MS)
    ids = [int(row[0]) for row in _texts(table)]
    assert ids == sorted(ids, reverse=True)  # newest first
    assert not any("13812345678" in " ".join(row) or "重复录入" in " ".join(row) for row in _texts(table))

    staff = child(page, QComboBox, "auditStaffCombo")
    qtbot.waitUntil(lambda: staff.findData("T01") > 0, timeout=WAIT_MS)
    choose(qtbot, staff, "T01")
    qtbot.waitUntil(lambda: [r[2] for r in _texts(table)] == ["T01"], timeout=WAIT_MS)
    assert _texts(table)[0][3:5] == ["create", "diversion"]

    choose(qtbot, staff, None)
    action = child(page, QComboBox, "auditActionCombo")
    choose(qtbot, action, "void")
    qtbot.waitUntil(lambda: [r[3] for r in _texts(table)] == ["void"], timeout=WAIT_MS)

    choose(qtbot, action, None)
    child(page, QDateEdit, "auditToDateEdit").setDate(qdate(dt.date(2026, 11, 20)))  # the day before the void
    qtbot.waitUntil(lambda: table.model().rowCount() > 0
                    and "void" not in [r[3] for r in _texts(table)], timeout=WAIT_MS)
    wait_idle(qtbot, window)


def test_admin_reviews_too_and_the_lobby_manager_cannot(qtbot, f, launch_window):
    admin = f.staff(Role.ADMIN)
    window = launch_window(admin.staff_no)
    assert "auditPage" in window.page_names
    wait_idle(qtbot, window)
    lobby = f.staff(Role.LOBBY_MANAGER)
    other = launch_window(lobby.staff_no)
    assert "auditPage" not in other.page_names
    wait_idle(qtbot, other)


def test_the_model_passes_the_model_tester_and_fetches_in_windows(qtbot, qtmodeltester, desk, monkeypatch):
    monkeypatch.setattr(AuditTableModel, "page_size", 5)
    for _ in range(8):
        diversion.record(desk.db, desk.f.actor(desk.lobby), "self_service")
    sup = desk.f.staff(Role.SUPERVISOR)
    ctx = desk.ctx(sup)
    model = AuditTableModel(ctx)
    with qtbot.waitSignal(model.window_loaded, timeout=WAIT_MS):
        model.set_filter(ReviewFilter(action="create"))
    assert model.rowCount() == 5 and model.canFetchMore()
    qtmodeltester.check(model, force_py=True)
    with qtbot.waitSignal(model.window_loaded, timeout=WAIT_MS):
        model.fetchMore()
    assert model.rowCount() >= 8
    ids = [model.row_at(r).id for r in range(model.rowCount())]  # type: ignore[union-attr]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)
    model.clear()  # the tester, still attached, checks the insertions above and this reset
    assert model.rowCount() == 0
    ctx.lane.wait()
