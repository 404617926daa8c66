"""The branch's holiday list editor (HolidaysSection), on its own, as the supervisor and the admin."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel

from gui.itemmodels.holidays import HolidayListModel
from gui.widgets.holidays_section import HolidaysSection
from models import HolidayKind, Role
from services import workdays
from tests.gui.support import Desk, choose, click, type_text
from tests.gui.window_support import WAIT_MS


def _section(qtbot, desk: Desk, role: Role) -> HolidaysSection:  # type: ignore[no-untyped-def]
    section = HolidaysSection(desk.ctx(desk.f.staff(role)))
    qtbot.addWidget(section)
    section.resize(640, 520)
    section.show()
    section.refresh()
    qtbot.waitUntil(lambda: not section.busy, timeout=WAIT_MS)
    return section


def _next_weekday(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7 or 7)


def test_the_model_passes_the_model_tester(qtbot, qtmodeltester, desk):
    sup = desk.f.actor(desk.f.staff(Role.SUPERVISOR))
    workdays.add_holiday(desk.db, sup, day=_next_weekday(desk.db.today(), 2), kind="holiday", name="装修")
    model = HolidayListModel()
    model.set_rows(workdays.list_holidays(desk.db, sup))
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_the_supervisor_adds_a_closure_and_removes_it(qtbot, desk):
    section = _section(qtbot, desk, Role.SUPERVISOR)
    wednesday = _next_weekday(desk.db.today(), 2)
    section.day_edit.setDate(QDate(wednesday.year, wednesday.month, wednesday.day))
    choose(qtbot, section.kind_combo, HolidayKind.HOLIDAY.value)
    click(qtbot, section.add_button)  # no name
    error = section.findChild(QLabel, "holidayNameEditError")
    qtbot.waitUntil(lambda: error.isVisible() and bool(error.text()), timeout=WAIT_MS)
    assert section.model.rowCount() == 0
    type_text(qtbot, section.name_edit, "系统升级停业")
    click(qtbot, section.add_button)
    qtbot.waitUntil(lambda: section.model.rowCount() == 1, timeout=WAIT_MS)
    assert section.model.index(0, 2).data() == "系统升级停业"
    assert not workdays.is_working_day(desk.db, section.ctx.actor.branch_id, wednesday)
    section.table.selectRow(0)
    assert section.remove_button.isEnabled()
    click(qtbot, section.remove_button)
    qtbot.waitUntil(lambda: section.model.rowCount() == 0 and not section.busy, timeout=WAIT_MS)
    assert workdays.is_working_day(desk.db, section.ctx.actor.branch_id, wednesday) == workdays.working_day(
        wednesday, {})


def test_the_admin_is_told_when_a_day_changes_nothing(qtbot, desk):
    section = _section(qtbot, desk, Role.ADMIN)
    saturday = _next_weekday(desk.db.today(), 5)
    section.day_edit.setDate(QDate(saturday.year, saturday.month, saturday.day))
    choose(qtbot, section.kind_combo, HolidayKind.HOLIDAY.value)
    type_text(qtbot, section.name_edit, "周六")
    click(qtbot, section.add_button)
    if workdays.calendar_covers(saturday) and not workdays.working_day(saturday, {}):
        error = section.findChild(QLabel, "holidayDayEditError")
        qtbot.waitUntil(lambda: error.isVisible() and saturday.isoformat() in error.text(), timeout=WAIT_MS)
        assert section.model.rowCount() == 0 and section.name_edit.text() == "周六"
    else:  # a make-up working Saturday, or a year past the calendar: closing it is a real change
        qtbot.waitUntil(lambda: section.model.rowCount() == 1, timeout=WAIT_MS)
