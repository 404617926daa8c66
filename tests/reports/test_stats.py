"""The figures of the statistics sheets, on a known day, week and month (both engines)."""

from __future__ import annotations

import datetime as dt

import pytest

from models import DayClose, Role
from services import stats
from services.errors import PermissionDenied
from tests.reports.conftest import (
    DAY,
    DAY_REFERRER_TOTALS,
    DAY_REFERRERS,
    DAY_RM_TOTALS,
    DAY_RMS,
    NOV_REFERRER_TOTALS,
    NOV_REFERRERS,
    NOV_RM_TOTALS,
    NOV_RMS,
    OCT_REFERRER_TOTALS,
    OCT_REFERRERS,
    OCT_RM_TOTALS,
    OCT_RMS,
    local,
)


def by_staff(rows) -> dict[str, tuple[int, ...]]:  # type: ignore[no-untyped-def]
    return {r.staff.staff_no: r.figures.values() for r in rows}


def test_daily_figures_per_referrer_per_rm_and_totals(db, f, known_day):
    sheet = stats.daily(db, f.system, DAY)
    assert (sheet.period_start, sheet.period_end) == (DAY, DAY)
    assert by_staff(sheet.referrers) == DAY_REFERRERS
    assert by_staff(sheet.rms) == DAY_RMS
    assert sheet.referrer_totals.values() == DAY_REFERRER_TOTALS
    assert sheet.rm_totals.values() == DAY_RM_TOTALS
    assert sheet.previous is None
    assert sheet.closed == stats.ClosedInfo(0, 1)
    assert sheet.generated_by == "命令行" and sheet.generated_by_no == "system"


def test_voided_referrals_are_counted_apart_and_nowhere_else(db, f, known_day):
    sheet = stats.daily(db, f.system, DAY)
    t = sheet.referrer_totals
    assert t.voided == 2
    assert t.referrals == t.referred + t.pending == 7
    assert t.existing_premium + t.existing_potential + t.to_win + t.ordinary == t.referrals
    # the RM side leaves them out too: received, and the abandoned follow-up of the voided pending one
    assert sheet.rm_totals.received == t.referrals
    assert sheet.rm_totals.abandoned == 1


def test_staff_with_nothing_are_listed_with_zeros_but_not_admins_or_idle_inactive_staff(db, f, known_day):
    sheet = stats.daily(db, f.system, DAY)
    listed = {r.staff.staff_no: r.staff for r in sheet.referrers}
    assert listed["T02"].active and by_staff(sheet.referrers)["T02"] == (0,) * 11
    assert not listed["T03"].active  # deactivated, but filed a referral that day
    assert "A01" not in listed and "R04" not in listed
    assert [r.staff.staff_no for r in sheet.referrers] == sorted(listed)
    rm_listed = {r.staff.staff_no: r.staff.role for r in sheet.rms}
    assert rm_listed == {"R01": Role.RM, "R02": Role.RM, "R03": Role.RM, "S01": Role.SUPERVISOR}


def test_weekly_covers_monday_to_sunday_of_the_iso_week(db, f, clock, known_day):
    staff = known_day.staff
    clock.now = local(dt.date(2026, 11, 22), 11).astimezone(dt.timezone.utc)  # Sunday: counts
    f.referral(staff["T02"], staff["R03"], client_type="to_win", name="周日客")
    clock.now = local(dt.date(2026, 11, 23), 11).astimezone(dt.timezone.utc)  # next Monday: does not
    f.referral(staff["T02"], staff["R03"], client_type="existing_premium", name="周一客")
    clock.now = local(dt.date(2026, 11, 16), 9).astimezone(dt.timezone.utc)  # the Monday itself: counts
    f.old_ordinary_referral(staff["T02"], staff["R03"], name="周初客")  # filed before diversion (docs/diversion.md)

    for day in (dt.date(2026, 11, 16), DAY, dt.date(2026, 11, 22)):
        sheet = stats.weekly(db, f.system, day)
        assert (sheet.period_start, sheet.period_end) == (dt.date(2026, 11, 16), dt.date(2026, 11, 22))
        rows = by_staff(sheet.referrers)
        assert rows["T02"] == (2, 2, 0, 0, 0, 0, 1, 1, 0, 0, 0)
        assert rows["M01"][:3] == (2, 0, 2)  # Tuesday's and Friday's
        assert sheet.referrer_totals.referrals == 7 + 1 + 2
        assert by_staff(sheet.rms)["R03"][0] == 2
        assert sheet.closed == stats.ClosedInfo(0, 7)


def test_monthly_carries_the_previous_month_beside(db, f, known_day):
    sheet = stats.monthly(db, f.system, dt.date(2026, 11, 1))
    assert (sheet.period_start, sheet.period_end) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert sheet.previous is not None
    assert (sheet.previous.period_start, sheet.previous.period_end) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert by_staff(sheet.referrers) == NOV_REFERRERS
    assert {r.staff.staff_no: r.previous.values() for r in sheet.referrers if r.previous and not r.previous.is_zero} \
        == OCT_REFERRERS
    assert by_staff(sheet.rms) == NOV_RMS
    assert {r.staff.staff_no: r.previous.values() for r in sheet.rms if r.previous and not r.previous.is_zero} \
        == OCT_RMS
    assert sheet.referrer_totals.values() == NOV_REFERRER_TOTALS
    assert sheet.previous.referrer_totals.values() == OCT_REFERRER_TOTALS
    assert sheet.rm_totals.values() == NOV_RM_TOTALS
    assert sheet.previous.rm_totals.values() == OCT_RM_TOTALS
    assert sheet.closed.days == 30 and sheet.previous.closed.days == 31
    assert stats.monthly(db, f.system, dt.date(2026, 11, 17)).period_start == dt.date(2026, 11, 1)


def test_january_compares_with_december_of_the_year_before():
    assert stats.previous_month(dt.date(2027, 1, 1)) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert stats.month_of(dt.date(2028, 2, 10)) == (dt.date(2028, 2, 1), dt.date(2028, 2, 29))
    assert stats.week_of(dt.date(2026, 1, 1)) == (dt.date(2025, 12, 29), dt.date(2026, 1, 4))


def test_closed_days_are_counted(db, f, known_day):
    with db.write() as s:
        s.add(DayClose(branch_id=f.branch.id, business_date=DAY, closed=True))
        s.add(DayClose(branch_id=f.branch.id, business_date=dt.date(2026, 11, 19), closed=False))
    assert stats.daily(db, f.system, DAY).closed.all_closed
    assert not stats.daily(db, f.system, dt.date(2026, 11, 19)).closed.all_closed
    assert stats.weekly(db, f.system, DAY).closed == stats.ClosedInfo(1, 7)


def test_all_branches_lists_each_branch_apart(db, f, known_day):
    from services import accounts
    from services.permissions import Actor

    with db.write() as s:
        from models import Branch

        other = Branch(code="0002", name="第二支行")
        s.add(other)
        s.flush()
        other_id = other.id
    accounts.add_staff(db, f.system, staff_no="X01", name="钱柜员", role="teller", password="Passw0rd!",
                       branch_code="0002")
    head_office = Actor.system(other_id)
    sheet = stats.daily(db, head_office, DAY, all_branches=True)
    assert sheet.branch is None and sheet.branch_count == 2
    codes = {(r.staff.branch_code, r.staff.staff_no) for r in sheet.referrers}
    assert ("0002", "X01") in codes and ("0001", "L01") in codes
    assert sheet.referrer_totals.values() == DAY_REFERRER_TOTALS
    assert sheet.closed.days == 2
    # the same actor without all_branches sees only its own branch
    own = stats.daily(db, head_office, DAY)
    assert [r.staff.staff_no for r in own.referrers] == ["X01"] and own.referrer_totals.referrals == 0


def test_permissions(db, f, known_day):
    teller = f.actor(known_day.staff["T01"])
    lobby = f.actor(known_day.staff["L01"])
    with pytest.raises(PermissionDenied):
        stats.daily(db, teller, DAY)
    assert stats.daily(db, lobby, DAY).referrer_totals.referrals == 7
    with pytest.raises(PermissionDenied):
        stats.daily(db, lobby, DAY, all_branches=True)
    supervisor = f.actor(known_day.staff["S01"])
    assert stats.daily(db, supervisor, DAY, all_branches=True).branch is None


def test_an_empty_day_lists_staff_with_zeros(db, f, known_day):
    sheet = stats.daily(db, f.system, dt.date(2026, 11, 1))
    assert sheet.referrer_totals.is_zero
    assert {r.staff.staff_no for r in sheet.referrers} == set(DAY_REFERRERS) - {"T03"}
