"""Working days (docs/complaints.md "Working days"): the public calendar, the branch's list over it, its editor."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from models import AuditEvent, Branch, HolidayKind, Role
from services import accounts, workdays
from services.errors import NotFound, PermissionDenied, ValidationError
from services.workdays import add_working_days

D = dt.date
H, W = HolidayKind.HOLIDAY, HolidayKind.WORKDAY


def test_a_friday_before_the_spring_festival_counts_the_saturday_make_up_day_and_skips_the_holiday():
    # 2026-02-13 is a Friday; Sat 14 is a make-up working day; 15–23 the Spring Festival closure.
    due = add_working_days(D(2026, 2, 13), 3, {})
    assert due == workdays.Deadline(D(2026, 2, 25), estimated=False)


def test_a_friday_before_qingming_is_due_after_the_long_weekend():
    # Fri 2026-04-03; Mon 6 is the Tomb-sweeping Day holiday.
    assert add_working_days(D(2026, 4, 3), 3, {}).day == D(2026, 4, 9)


def test_the_day_before_national_day_is_due_on_the_make_up_saturday():
    # Wed 2026-09-30; 1–7 October closed; Thu 8, Fri 9, Sat 10 (make-up working day).
    assert add_working_days(D(2026, 9, 30), 3, {}).day == D(2026, 10, 10)
    assert add_working_days(D(2026, 9, 30), 7, {}).day == D(2026, 10, 15)  # Sun 11 rests; 12–15


def test_the_branch_list_overrides_the_public_calendar_both_ways():
    # The branch closes on Thu 8 October (its own list) and does not work the make-up Saturday.
    overrides = {D(2026, 10, 8): H, D(2026, 10, 10): W}
    assert add_working_days(D(2026, 9, 30), 3, overrides).day == D(2026, 10, 12)
    closed_saturday = {D(2026, 10, 10): H}
    assert add_working_days(D(2026, 9, 30), 3, closed_saturday).day == D(2026, 10, 12)
    # A Saturday the branch opens counts as a working day.
    assert add_working_days(D(2026, 11, 20), 1, {D(2026, 11, 21): W}).day == D(2026, 11, 21)


def test_a_year_the_calendar_does_not_cover_falls_back_to_monday_to_friday_and_says_so():
    assert not workdays.calendar_covers(D(2030, 1, 1))
    # Fri 2030-01-04 → Mon 7, Tue 8, Wed 9; marked as an estimate.
    assert add_working_days(D(2030, 1, 4), 3, {}) == workdays.Deadline(D(2030, 1, 9), estimated=True)
    # The branch's list still counts there.
    assert add_working_days(D(2030, 1, 4), 3, {D(2030, 1, 7): H}).day == D(2030, 1, 10)
    # Late December 2026 reaching into 2027 is an estimate too.
    assert add_working_days(D(2026, 12, 30), 3, {}).estimated


def test_the_received_day_itself_never_counts_even_on_a_weekend():
    assert add_working_days(D(2026, 11, 21), 1, {}).day == D(2026, 11, 23)  # Saturday → Monday


def test_is_working_day_reads_the_branch_list_from_the_database(db, f):
    sup = f.actor(f.staff(Role.SUPERVISOR))
    assert not workdays.is_working_day(db, sup.branch_id, D(2026, 10, 1))
    workdays.add_holiday(db, sup, day="2026-10-01", kind="workday", name="值班")
    assert workdays.is_working_day(db, sup.branch_id, D(2026, 10, 1))
    with db.read() as s:
        assert workdays.is_working_day(s, sup.branch_id, D(2026, 10, 1))
        assert workdays.deadline(s, sup.branch_id, D(2026, 9, 30), 1).day == D(2026, 10, 1)


@pytest.mark.parametrize("role", list(Role))
def test_only_the_admin_and_the_supervisor_edit_the_list(db, f, role):
    actor = f.actor(f.staff(role))
    if role in (Role.ADMIN, Role.SUPERVISOR):
        key = workdays.add_holiday(db, actor, day="2026-12-24", kind="holiday", name="网点装修")
        listed = [(h.day, h.kind, h.name) for h in workdays.list_holidays(db, actor)]
        assert listed == [(D(2026, 12, 24), H, "网点装修")]
        workdays.remove_holiday(db, actor, key)
        assert workdays.list_holidays(db, actor) == []
        with db.read() as s:
            actions = s.scalars(select(AuditEvent.action).where(AuditEvent.entity == "branch_holiday")).all()
        assert list(actions) == ["create", "delete"]
    else:
        with pytest.raises(PermissionDenied):
            workdays.add_holiday(db, actor, day="2026-12-24", kind="holiday", name="网点装修")
        with pytest.raises(PermissionDenied):
            workdays.list_holidays(db, actor)


def test_bad_days_are_refused_beside_their_field_and_nothing_is_written(db, f):
    sup = f.actor(f.staff(Role.SUPERVISOR))
    with pytest.raises(ValidationError) as err:
        workdays.add_holiday(db, sup, day="2026-13-01", kind="holiday", name="")
    assert set(err.value.fields) == {"holiday_day", "holiday_name"}
    with pytest.raises(ValidationError) as err:  # National Day is a holiday already
        workdays.add_holiday(db, sup, day="2026-10-01", kind="holiday", name="国庆")
    assert set(err.value.fields) == {"holiday_day"}
    workdays.add_holiday(db, sup, day="2026-12-24", kind="holiday", name="装修")
    with pytest.raises(ValidationError) as err:
        workdays.add_holiday(db, sup, day="2026-12-24", kind="holiday", name="再次")
    assert "2026-12-24" in err.value.fields["holiday_day"]
    assert len(workdays.list_holidays(db, sup)) == 1


def test_another_branch_list_is_neither_seen_nor_removable(db, f):
    sup = f.actor(f.staff(Role.SUPERVISOR))
    key = workdays.add_holiday(db, sup, day="2026-12-24", kind="holiday", name="装修")
    with db.write() as s:
        s.add(Branch(code="0002", name="第二支行"))
    other, _ = accounts.add_staff(db, f.system, staff_no="B0001", name="乙行主管", role=Role.SUPERVISOR,
                                  password="Passw0rd!", must_change_password=False, branch_code="0002")
    other_actor = f.actor(other)
    assert workdays.list_holidays(db, other_actor) == []
    with pytest.raises(NotFound):
        workdays.remove_holiday(db, other_actor, key)
    assert workdays.is_working_day(db, other_actor.branch_id, D(2026, 12, 24))
    assert not workdays.is_working_day(db, sup.branch_id, D(2026, 12, 24))
