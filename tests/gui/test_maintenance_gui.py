"""Maintenance in the GUI (docs/maintenance.md): recording from the profile window with errors beside
the fields, the due list with birthdays on the RM's desk and the diary, its lazy model, and the plans
section with its versioned save."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt, QTime
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QTableView
from sqlalchemy import func, select

from gui.dialogs.maintenance import MaintenanceDialog
from gui.itemmodels.maintenance_due import MaintenanceDueModel
from gui.pages.diary import DiaryPage
from gui.pages.follow_up import FollowUpPage
from gui.profile_window import open_profile
from gui.widgets.dates import qdate
from gui.widgets.maintenance_due import MaintenanceDuePanel
from gui.widgets.maintenance_plans import MaintenancePlansSection
from models import Client, MaintenanceKind, MaintenancePlan, MaintenanceRecord, Role, Tier
from services import maintenance
from services.db import BRANCH_TZ
from services.maintenance import Due
from tests.factories import make_id_number
from tests.gui.support import Desk, child, click, type_text
from tests.gui.window_support import WAIT_MS


def _client(desk: Desk, name: str, rm_id: int, tier: Tier = Tier.CORE, *, days_old: int = 400,
            birth: dt.date | None = None, mobile: str | None = None) -> int:
    with desk.db.write() as s:
        c = Client(branch_id=desk.f.branch.id, name=name, mobile=mobile or desk.f.mobile(), rm_id=rm_id, tier=tier,
                   birth_date=birth, created_at=desk.db.now() - dt.timedelta(days=days_old))
        s.add(c)
        s.flush()
        return c.id


def _records(desk: Desk) -> int:
    with desk.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(MaintenanceRecord)) or 0)


def _dialog(qtbot, window) -> MaintenanceDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.findChild(MaintenanceDialog, "recordMaintenanceDialog") is not None,
                    timeout=WAIT_MS)
    dialog = window.findChild(MaintenanceDialog, "recordMaintenanceDialog")
    qtbot.waitExposed(dialog)
    return dialog


# --- recording from the profile window ------------------------------------------------------------

def test_the_rm_records_maintenance_from_the_profile_and_it_joins_the_timeline(qtbot, desk, english_interface):
    cid = _client(desk, "钱多多", desk.rm.id)
    window = open_profile(desk.ctx(desk.rm), cid)
    button = child(window, QPushButton, "recordMaintenanceButton")
    qtbot.waitUntil(button.isEnabled, timeout=WAIT_MS)
    click(qtbot, button)
    dialog = _dialog(qtbot, window)
    kind = dialog.kind_combo
    kind.setCurrentIndex(kind.findData(MaintenanceKind.CROSS_SELL.value))
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("visit"))
    type_text(qtbot, child(dialog, QPlainTextEdit, "maintenanceNoteEdit"), "介绍新发理财产品")
    # A time tomorrow is refused beside the field; what was typed stays.
    at_edit = dialog.at_edit
    tomorrow = desk.db.today() + dt.timedelta(days=1)
    at_edit.setDateTime(QDateTime(qdate(tomorrow), QTime(10, 0)))
    click(qtbot, child(dialog, QPushButton, "saveMaintenanceButton"))
    error = child(dialog, QLabel, "maintenanceAtEditError")
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert "现在" in error.text() and dialog.isVisible()
    assert dialog.note_edit.toPlainText() == "介绍新发理财产品" and _records(desk) == 0
    earlier = desk.db.now().astimezone(BRANCH_TZ) - dt.timedelta(hours=2)
    at_edit.setDateTime(QDateTime(qdate(earlier.date()), QTime(earlier.hour, earlier.minute)))
    click(qtbot, child(dialog, QPushButton, "saveMaintenanceButton"))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert _records(desk) == 1
    timeline = child(window, QTableView, "profileTimelineTable").model()
    qtbot.waitUntil(lambda: timeline.rowCount() == 1, timeout=WAIT_MS)
    texts = [timeline.index(0, c).data() for c in range(timeline.columnCount())]
    assert texts[1] == "Maintenance" and texts[2] == "Visit · Cross-selling"  # English texts (english_interface)
    assert texts[4] == "介绍新发理财产品"
    window.close()


def test_an_ordinary_client_is_refused_in_the_dialogs_general_label(qtbot, desk):
    cid = _client(desk, "孙普通", desk.rm.id, Tier.NONE)
    window = open_profile(desk.ctx(desk.rm), cid)
    button = child(window, QPushButton, "recordMaintenanceButton")
    qtbot.waitUntil(button.isEnabled, timeout=WAIT_MS)
    click(qtbot, button)
    dialog = _dialog(qtbot, window)
    click(qtbot, child(dialog, QPushButton, "saveMaintenanceButton"))
    general = child(dialog, QLabel, "recordMaintenanceDialogError")
    qtbot.waitUntil(general.isVisible, timeout=WAIT_MS)
    assert "优质" in general.text() and _records(desk) == 0
    dialog.reject()
    window.close()


# --- the due list ---------------------------------------------------------------------------------

def test_the_desk_shows_maintenance_due_overdue_first_with_todays_birthday(qtbot, desk, pages):
    today = desk.db.today()
    overdue = _client(desk, "赵逾期", desk.rm.id, Tier.CORE, birth=dt.date(1980, today.month, today.day)
                      if (today.month, today.day) != (2, 29) else dt.date(1980, 2, 29))
    with desk.db.write() as s:
        s.add(MaintenanceRecord(client_id=overdue, branch_id=desk.f.branch.id, rm_id=desk.rm.id,
                                at=desk.db.now() - dt.timedelta(days=3), kind=MaintenanceKind.GREETING,
                                channel=None))
    _client(desk, "钱他人", desk.rm2.id, Tier.CORE)  # another RM's: not on this desk
    page = pages(FollowUpPage(desk.ctx(desk.rm)))
    table = child(page, QTableView, "maintenanceDueTable")
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=WAIT_MS)
    rows = [model.row_at(r) for r in range(2)]
    assert [(r.client_id, r.what) for r in rows] == [(overdue, Due.VISIT), (overdue, Due.CALL)]
    assert model.index(0, 0).data().startswith("赵*") and "赵逾期" not in model.index(0, 0).data()
    assert model.index(0, 5).data() == str(rows[0].overdue_days)
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, 3).data() == (today - dt.timedelta(days=3)).isoformat()  # a call is kept by any contact
    birthdays = child(page, QListWidget, "upcomingBirthdaysList")
    qtbot.waitUntil(lambda: birthdays.count() == 1 and "赵*" in birthdays.item(0).text(), timeout=WAIT_MS)
    assert child(page, QLabel, "upcomingHolidaysLabel").text()
    # Recording from the list refreshes it.
    table.selectRow(1)
    record = child(page, QPushButton, "dueRecordMaintenanceButton")
    assert record.isEnabled()
    click(qtbot, record)
    dialog = _dialog(qtbot, page)
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("visit"))
    click(qtbot, child(dialog, QPushButton, "saveMaintenanceButton"))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: model.rowCount() == 0 and not model.loading, timeout=WAIT_MS)
    page.clear_sensitive()
    assert birthdays.count() == 0 and model.rowCount() == 0


def test_the_diary_shows_the_diary_rms_maintenance_due(qtbot, desk, pages):
    cid = _client(desk, "周日记", desk.rm.id, Tier.ORDINARY_PREMIUM)
    page = pages(DiaryPage(desk.ctx(desk.rm)))
    model = child(page, QTableView, "maintenanceDueTable").model()
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=WAIT_MS)
    assert {model.row_at(r).client_id for r in range(2)} == {cid}


def test_the_due_model_passes_the_tester_and_fetches_the_next_window(qtbot, qtmodeltester, desk):
    for i in range(MaintenanceDueModel.page_size // 2 + 5):  # two rows each (a call and a visit): more than a window
        _client(desk, f"吴{i:03d}", desk.rm.id, Tier.CORE, days_old=400 + i)
    ctx = desk.ctx(desk.rm)
    model = MaintenanceDueModel(ctx)
    model.load(None, desk.db.today())
    qtbot.waitUntil(lambda: model.rowCount() == MaintenanceDueModel.page_size, timeout=WAIT_MS)
    assert model.canFetchMore()
    model.fetchMore()
    assert not model.canFetchMore()  # one window on its way at a time
    qtbot.waitUntil(lambda: model.rowCount() == MaintenanceDueModel.page_size + 10, timeout=WAIT_MS)
    assert not model.canFetchMore()
    keys = [model.row_at(r).key for r in range(model.rowCount())]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    qtmodeltester.check(model, force_py=True)
    model.clear()
    assert model.rowCount() == 0


# --- the plans section ----------------------------------------------------------------------------

def test_the_plans_section_shows_the_defaults_refuses_bad_days_and_saves(qtbot, desk):
    sup = desk.f.staff(Role.SUPERVISOR, name="王行长")
    section = MaintenancePlansSection(desk.ctx(sup))
    qtbot.addWidget(section)
    section.show()
    section.refresh()
    save = child(section, QPushButton, "saveMaintenancePlansButton")
    qtbot.waitUntil(save.isEnabled, timeout=WAIT_MS)
    core_call = child(section, QLineEdit, "planCoreCallEdit")
    assert core_call.text() == "7" and child(section, QLineEdit, "planCoreVisitEdit").text() == "30"
    assert child(section, QLineEdit, "planToWinVisitEdit").text() == ""
    core_call.setText("0")
    click(qtbot, save)
    error = child(section, QLabel, "planCoreCallEditError")
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert "366" in error.text()
    core_call.setText("5")
    child(section, QLineEdit, "planPotentialCallEdit").setText("")
    click(qtbot, save)
    qtbot.waitUntil(lambda: section.version == 1, timeout=WAIT_MS)
    assert not error.isVisible()
    view = maintenance.plans(desk.db, desk.f.actor(sup))
    assert view.plans[Tier.CORE][Due.CALL] == 5 and view.plans[Tier.POTENTIAL][Due.CALL] is None


def test_a_concurrent_save_is_refused_naming_who_and_the_typed_plans_stay(qtbot, desk):
    sup, other = desk.f.staff(Role.SUPERVISOR, name="王行长"), desk.f.staff(Role.SUPERVISOR, name="李副行长")
    section = MaintenancePlansSection(desk.ctx(sup))
    qtbot.addWidget(section)
    section.show()
    section.refresh()
    save = child(section, QPushButton, "saveMaintenancePlansButton")
    qtbot.waitUntil(save.isEnabled, timeout=WAIT_MS)
    maintenance.set_plans(desk.db, desk.f.actor(other), {"core": {"call": 3, "visit": 20}}, 0)  # meanwhile
    core_visit = child(section, QLineEdit, "planCoreVisitEdit")
    core_visit.setText("45")
    click(qtbot, save)
    general = child(section, QLabel, "maintenancePlansSectionError")
    qtbot.waitUntil(general.isVisible, timeout=WAIT_MS)
    assert "李副行长" in general.text() and core_visit.text() == "45"
    qtbot.waitUntil(lambda: section.version == 1 and save.isEnabled(), timeout=WAIT_MS)
    click(qtbot, save)  # saving again, knowingly, goes on their version
    qtbot.waitUntil(lambda: section.version == 2, timeout=WAIT_MS)
    with desk.db.read() as s:
        row = s.scalars(select(MaintenancePlan)).one()
        assert row.plans["core"] == {"call": 7, "visit": 45}


def test_the_panel_stands_alone_for_the_supervisor_choosing_an_rm(qtbot, desk):
    sup = desk.f.staff(Role.SUPERVISOR)
    cid = _client(desk, "冯客户", desk.rm2.id, Tier.POTENTIAL, birth=None,
                  mobile="13800001234")
    with desk.db.write() as s:
        s.get_one(Client, cid).id_number = make_id_number(dt.date(1984, 2, 29))
    panel = MaintenanceDuePanel(desk.ctx(sup))
    qtbot.addWidget(panel)
    panel.show()
    panel.set_rm(desk.rm2.id)
    model = child(panel, QTableView, "maintenanceDueTable").model()
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=WAIT_MS)
    assert model.row_at(0).client_id == cid and model.row_at(0).what == Due.CALL
