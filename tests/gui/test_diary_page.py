"""The work diary page: an RM's day with its appointments, held and moved; the supervisor's chooser; the PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QComboBox, QDateEdit, QDateTimeEdit, QLabel, QLineEdit, QPushButton, QTableView
from sqlalchemy import select, update

from gui.context import AppContext
from gui.dialogs.appointment_move import MoveAppointmentDialog
from gui.itemmodels.diary import DayColumn, DiaryDayModel, WeekPlanModel
from gui.pages.diary import DiaryPage
from models import Appointment, AppointmentStatus, Client, Role, Tier
from services import appointments, diary, followups
from services.db import BRANCH_TZ, Database
from services.diary import ItemKind
from services.permissions import Actor
from tests.gui.support import child, click, type_text

TODAY = dt.date(2026, 11, 20)  # the FakeClock's branch day (a Friday, 10:00)
WAIT_MS = 10_000


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), BRANCH_TZ)


@pytest.fixture
def open_page(qtbot, db: Database, english_interface) -> Iterator[Callable[[Actor], DiaryPage]]:  # type: ignore[no-untyped-def]
    pages: list[DiaryPage] = []

    def make(actor: Actor) -> DiaryPage:
        page = DiaryPage(AppContext(db, actor))
        pages.append(page)
        qtbot.addWidget(page)
        page.resize(1100, 760)
        page.show()
        with qtbot.waitSignal(page.day_loaded, timeout=WAIT_MS):
            page.refresh()
        return page

    yield make
    for page in pages:
        page.ctx.lane.wait()
        page.watcher.close()


def _book(db, f, lobby, rm, at: dt.datetime, name: str, mobile: str) -> int:  # type: ignore[no-untyped-def]
    filed = f.referral(lobby, rm, status="pending", name=name, mobile=mobile, contact_at=local(TODAY, 17))
    assert filed.follow_up_id is not None
    followups.record_contact(db, f.actor(rm), filed.follow_up_id, channel="phone", result="appointment",
                             appointment_at=at, place="贵宾室")
    with db.read() as s:
        found = s.scalar(select(Appointment.id).where(Appointment.follow_up_id == filed.follow_up_id))
    assert found is not None
    return found


def idle(qtbot, page: DiaryPage) -> None:  # type: ignore[no-untyped-def]
    """No load in flight: the change watcher may reload the page at any moment (another commit)."""
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)


def select_item(qtbot, page: DiaryPage, kind: ItemKind, entity_id: int) -> None:  # type: ignore[no-untyped-def]
    idle(qtbot, page)
    row = page.day_model.row_of(kind, entity_id)
    assert row is not None, (kind, entity_id)
    rect = page.table.visualRect(page.day_model.index(row, DayColumn.CLIENT))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def cell(page: DiaryPage, kind: ItemKind, entity_id: int, column: DayColumn) -> str:
    row = page.day_model.row_of(kind, entity_id)
    assert row is not None
    return str(page.day_model.index(row, column).data())


def test_the_rm_marks_an_appointment_held_and_moves_another(qtbot, db, f, open_page):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM, name="张理财")
    first = _book(db, f, lobby, rm, local(TODAY, 15), "钱多多", "13912345678")
    second = _book(db, f, lobby, rm, local(TODAY, 16, 30), "孙大圣", "13900001111")
    page = open_page(f.actor(rm))
    assert not child(page, QComboBox, "diaryRmCombo").isVisible()  # an RM reads only their own diary
    assert child(page, QDateEdit, "diaryDateEdit").date() == QDate(2026, 11, 20)
    table = child(page, QTableView, "diaryTable")
    assert table.model().rowCount() == 6  # two planned contacts, two contacts made, two appointments
    assert cell(page, ItemKind.APPOINTMENT, first, DayColumn.TIME) == "15:00"
    assert cell(page, ItemKind.APPOINTMENT, first, DayColumn.CLIENT) == "钱*多 139****5678"

    select_item(qtbot, page, ItemKind.APPOINTMENT, first)
    held = child(page, QPushButton, "appointmentHeldButton")
    qtbot.waitUntil(held.isEnabled, timeout=WAIT_MS)
    click(qtbot, held)
    qtbot.waitUntil(lambda: cell(page, ItemKind.APPOINTMENT, first, DayColumn.DONE) == "Done", timeout=WAIT_MS)
    idle(qtbot, page)
    assert "held" in cell(page, ItemKind.APPOINTMENT, first, DayColumn.DETAIL)
    assert not held.isEnabled()  # the row is still selected, and held already
    assert "Appointments 1/2" in child(page, QLabel, "diaryCountsLabel").text()

    select_item(qtbot, page, ItemKind.APPOINTMENT, second)
    move = child(page, QPushButton, "moveAppointmentButton")
    qtbot.waitUntil(move.isEnabled, timeout=WAIT_MS)
    click(qtbot, move)
    dialog = page.findChild(MoveAppointmentDialog, "moveAppointmentDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    at_edit = child(dialog, QDateTimeEdit, "appointmentAtEdit")
    place = child(dialog, QLineEdit, "appointmentPlaceEdit")
    place.clear()
    type_text(qtbot, place, "客户公司会议室")
    at_edit.setDateTime(QDateTime(QDate(2026, 11, 20), QTime(9, 0)))  # earlier today: in the past
    click(qtbot, child(dialog, QPushButton, "saveMoveAppointmentButton"))
    error = child(dialog, QLabel, "appointmentAtEditError")
    qtbot.waitUntil(lambda: error.isVisible() and bool(error.text()), timeout=WAIT_MS)
    assert dialog.isVisible() and place.text() == "客户公司会议室"  # what was typed stays
    with db.read() as s:
        assert s.scalar(select(Appointment.status).where(Appointment.id == second)) == AppointmentStatus.SCHEDULED

    place.setText("地" * 101)
    at_edit.setDateTime(QDateTime(QDate(2026, 11, 23), QTime(14, 0)))
    click(qtbot, child(dialog, QPushButton, "saveMoveAppointmentButton"))
    place_error = child(dialog, QLabel, "appointmentPlaceEditError")
    qtbot.waitUntil(lambda: place_error.isVisible(), timeout=WAIT_MS)
    assert not error.isVisible()

    place.setText("客户公司会议室")
    click(qtbot, child(dialog, QPushButton, "saveMoveAppointmentButton"))
    qtbot.waitUntil(lambda: "moved" in cell(page, ItemKind.APPOINTMENT, second, DayColumn.DETAIL), timeout=WAIT_MS)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()  # closed (and deleted later)
    detail = cell(page, ItemKind.APPOINTMENT, second, DayColumn.DETAIL)
    assert "moved" in detail and "2026-11-23 14:00" in detail
    with db.read() as s:
        new = s.scalar(select(Appointment).where(Appointment.moved_from_id == second))
        assert new is not None and new.place == "客户公司会议室" and new.at == local(dt.date(2026, 11, 23), 14)


def test_the_supervisor_chooses_an_rm_and_exports_the_day_as_one_masked_page(qtbot, db, f, open_page, tmp_path,
                                                                           monkeypatch):
    lobby, rm1 = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM, name="张理财")
    rm2 = f.staff(Role.RM, name="李晓梅")
    sup = f.staff(Role.SUPERVISOR, name="王主管")
    booked = _book(db, f, lobby, rm2, local(TODAY, 15), "钱多多", "13912345678")
    page = open_page(f.actor(sup))
    combo = child(page, QComboBox, "diaryRmCombo")
    assert combo.isVisible() and combo.count() == 2 and combo.currentData() == rm1.id
    combo.setCurrentIndex(combo.findData(rm2.id))
    qtbot.waitUntil(lambda: page.day_model.row_of(ItemKind.APPOINTMENT, booked) is not None, timeout=WAIT_MS)
    idle(qtbot, page)
    assert not child(page, QPushButton, "addPlanButton").isVisible()  # the plan is the RM's own

    out = tmp_path / "diary.pdf"
    monkeypatch.setattr(page, "_ask_path", lambda: out)
    with qtbot.waitSignal(page.diary_exported, timeout=WAIT_MS) as exported:
        click(qtbot, child(page, QPushButton, "exportDiaryButton"))
    assert exported.args == [str(out)]
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "李晓梅" in text and "钱*多" in text and "139****5678" in text
    assert "钱多多" not in text and "13912345678" not in text


def test_the_rm_accepts_next_weeks_proposed_visits_and_calls(qtbot, db, f, open_page):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    filed = f.referral(lobby, rm, name="周核心", mobile="13700000001")
    with db.write() as s:
        s.execute(update(Client).where(Client.id == filed.client_id).values(rm_id=rm.id, tier=Tier.CORE))
    page = open_page(f.actor(rm))
    assert page.plan_model.rowCount() == 2  # a call and a visit proposed
    assert "2026-11-23" in child(page, QLabel, "planWeekLabel").text()
    accept = child(page, QPushButton, "acceptProposalButton")
    idle(qtbot, page)
    assert accept.isEnabled()
    click(qtbot, accept)
    qtbot.waitUntil(lambda: page.plan is not None and len(page.plan.rows) == 2, timeout=WAIT_MS)
    idle(qtbot, page)
    assert page.plan is not None and not page.plan.proposals
    assert not accept.isEnabled()


def test_the_item_models_pass_the_model_tester(qtmodeltester, db, f, clock):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    _book(db, f, lobby, rm, local(TODAY, 15), "钱多多", "13912345678")
    filed = f.referral(lobby, rm, name="周核心", mobile="13700000001")
    with db.write() as s:
        s.execute(update(Client).where(Client.id == filed.client_id).values(rm_id=rm.id, tier=Tier.CORE))
    diary.add_plan(db, f.actor(rm), filed.client_id, dt.date(2026, 11, 24), "call")
    day = diary.day(db, f.actor(rm), rm.id, TODAY)
    plan = diary.week_plan(db, f.actor(rm), rm.id, dt.date(2026, 11, 23))
    day_model = DiaryDayModel()
    day_model.set_rows(day.items)
    qtmodeltester.check(day_model)
    plan_model = WeekPlanModel()
    plan_model.set_rows([*plan.rows, *plan.proposals])
    assert plan_model.rowCount() == 2
    qtmodeltester.check(plan_model)


def test_the_lock_clears_every_client_from_the_page(qtbot, db, f, open_page):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    _book(db, f, lobby, rm, local(TODAY, 15), "钱多多", "13912345678")
    page = open_page(f.actor(rm))
    assert page.day_model.rowCount() > 0
    page.clear_sensitive()
    assert page.day_model.rowCount() == 0 and page.plan_model.rowCount() == 0
    assert not child(page, QLabel, "diaryCountsLabel").text()


def test_signed_in_the_rm_sees_the_diary_in_chinese_and_a_change_elsewhere_arrives_live(qtbot, db, f, clock,
                                                                                         launch_window):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM, name="张理财")
    booked = _book(db, f, lobby, rm, local(TODAY, 15), "钱多多", "13912345678")
    window = launch_window(rm.staff_no)
    window.show_page("diaryPage")  # type: ignore[attr-defined]
    page = window.findChild(DiaryPage, "diaryPage")
    assert page is not None
    qtbot.waitUntil(lambda: page.day_model.row_of(ItemKind.APPOINTMENT, booked) is not None, timeout=WAIT_MS)
    assert cell(page, ItemKind.APPOINTMENT, booked, DayColumn.KIND) == "预约"
    assert child(page, QPushButton, "exportDiaryButton").text() == "导出 PDF…"
    clock.advance(hours=6)  # 16:00: the meeting was held, recorded on the supervisor's workstation
    sup = f.staff(Role.SUPERVISOR)
    appointments.mark_held(db, f.actor(sup), booked)
    qtbot.waitUntil(lambda: cell(page, ItemKind.APPOINTMENT, booked, DayColumn.DONE) == "完成", timeout=WAIT_MS)


def test_signed_in_the_supervisor_opens_an_rms_diary_and_marks_a_meeting_missed(qtbot, db, f, clock, launch_window):
    lobby, rm1 = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM, name="张理财")
    rm2 = f.staff(Role.RM, name="李晓梅")
    sup = f.staff(Role.SUPERVISOR, name="王主管")
    booked = _book(db, f, lobby, rm2, local(TODAY, 11), "孙大圣", "13900001111")
    window = launch_window(sup.staff_no, lang="en")
    window.show_page("diaryPage")  # type: ignore[attr-defined]
    page = window.findChild(DiaryPage, "diaryPage")
    assert page is not None
    combo = child(page, QComboBox, "diaryRmCombo")
    qtbot.waitUntil(lambda: combo.count() == 2 and combo.isVisible(), timeout=WAIT_MS)
    assert combo.currentData() == rm1.id
    combo.setCurrentIndex(combo.findData(rm2.id))
    qtbot.waitUntil(lambda: page.day_model.row_of(ItemKind.APPOINTMENT, booked) is not None, timeout=WAIT_MS)
    select_item(qtbot, page, ItemKind.APPOINTMENT, booked)
    missed = child(page, QPushButton, "appointmentMissedButton")
    qtbot.waitUntil(missed.isEnabled, timeout=WAIT_MS)
    click(qtbot, missed)
    qtbot.waitUntil(lambda: "missed" in cell(page, ItemKind.APPOINTMENT, booked, DayColumn.DETAIL), timeout=WAIT_MS)
    with db.read() as s:
        assert s.scalar(select(Appointment.status).where(Appointment.id == booked)) == AppointmentStatus.MISSED
