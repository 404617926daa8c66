"""A known week (Monday 2026-11-16 to Sunday 2026-11-22) built through the services, for the weekly summary.

The expected figures below are worked out by hand from the story in ``seed_week``; the
service, PDF and .xlsx tests compare with them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import update

from models import Appointment, AppointmentStatus, Role
from services import followups, referrals
from services.accounts import StaffInfo
from services.db import BRANCH_TZ
from services.weekly import WeekFigures
from tests.factories import make_id_number

MONDAY = dt.date(2026, 11, 16)
SUNDAY = dt.date(2026, 11, 22)
FRIDAY_DUE = dt.datetime(2026, 11, 20, 17, 30, tzinfo=BRANCH_TZ)

# 王理财 (R01): the week's work, by hand.
R01_WEEK = WeekFigures(
    contacts_phone=2, contacts_sms=1, contacts_email=0, contacts_letter=0, contacts_visit=1,
    appointments_made=1, appointments_held=1,
    converted=1, not_premium=1, abandoned=1,
    met=2, deals=1, deal_amount=Decimal("12345.60"),
    overdue=1,
)
# 刘理财 (R02): one phone call, one follow-up due Tuesday never contacted.
R02_WEEK = WeekFigures(contacts_phone=1, overdue=1)


@dataclass
class KnownWeek:
    lobby: StaffInfo
    rm1: StaffInfo
    rm2: StaffInfo
    rm3: StaffInfo
    sup: StaffInfo
    mobiles: list[str]
    id_numbers: list[str]


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), BRANCH_TZ)


def seed_week(db, f, clock) -> KnownWeek:  # type: ignore[no-untyped-def]
    """The week's story; the clock ends on Friday 2026-11-20 at 10:00 branch time (before the deadline)."""
    lobby = f.staff(Role.LOBBY_MANAGER, name="李大堂", staff_no="L01")
    rm1 = f.staff(Role.RM, name="王理财", staff_no="R01")
    rm2 = f.staff(Role.RM, name="刘理财", staff_no="R02")
    rm3 = f.staff(Role.RM, name="陈理财", staff_no="R03")
    sup = f.staff(Role.SUPERVISOR, name="赵主管", staff_no="S01")
    a1, a2 = f.actor(rm1), f.actor(rm2)
    mobiles = [f"1391234{n:04d}" for n in range(8)]
    ids = [make_id_number(dt.date(1980, 1, 1 + n), seq=100 + n) for n in range(8)]

    def pending(rm: StaffInfo, n: int, due: dt.datetime) -> int:
        filed = f.referral(lobby, rm, status="pending", mobile=mobiles[n], name=f"客户{'甲乙丙丁戊己庚辛'[n]}",
                           client_id_number=ids[n], contact_at=due)
        assert filed.follow_up_id is not None
        return filed.follow_up_id

    # The week before: a contact and a deal that belong to last week, not this one.
    clock.now = at(MONDAY - dt.timedelta(days=3), 10)  # Friday the 13th
    old = pending(rm1, 0, at(MONDAY - dt.timedelta(days=2), 10))
    followups.record_contact(db, a1, old, channel="phone", result="no_answer",
                             next_contact_date=MONDAY + dt.timedelta(days=3))
    last_week = f.referral(lobby, rm1, mobile=mobiles[7], name="客户辛")
    referrals.record_outcome(db, a1, last_week.id, met=True, deal=True, products="基金", amount="999.99")

    # Monday: three pending referrals for R01 (due Tuesday), one for R02; three referred ones for R01.
    clock.now = at(MONDAY, 9)
    tuesday = at(MONDAY + dt.timedelta(days=1), 10)
    fu1, fu2, fu3 = (pending(rm1, n, tuesday) for n in (1, 2, 3))
    r2_fu = pending(rm2, 4, tuesday)
    deal = f.referral(lobby, rm1, mobile=mobiles[5], name="客户己")
    referrals.record_outcome(db, a1, deal.id, met=True, deal=True, products="理财产品", amount="12345.60")
    no_deal = f.referral(lobby, rm1, mobile=mobiles[6], name="客户庚")
    referrals.record_outcome(db, a1, no_deal.id, met=True, deal=False)
    voided = f.referral(lobby, rm1, name="客户壬")
    referrals.record_outcome(db, a1, voided.id, met=True, deal=True, products="保险", amount="50000")
    referrals.void_referral(db, f.actor(lobby), voided.id, "录错了")

    # Tuesday: R01 calls, texts, visits; the visit books an appointment for Thursday. R02 calls.
    clock.now = at(MONDAY + dt.timedelta(days=1), 11)
    wed = MONDAY + dt.timedelta(days=2)
    followups.record_contact(db, a1, fu1, channel="phone", result="no_answer", next_contact_date=wed)
    followups.record_contact(db, a1, fu1, channel="sms", result="reached", next_contact_date=wed)
    followups.record_contact(db, a1, fu2, channel="visit", result="appointment",
                             appointment_at=at(MONDAY + dt.timedelta(days=3), 10), place="网点二楼")
    followups.record_contact(db, a1, old, channel="phone", result="declined")
    with db.write() as s:  # the diary's "held" marking is not this module's: set the status directly
        s.execute(update(Appointment).where(Appointment.follow_up_id == fu2)
                  .values(status=next(st for st in AppointmentStatus if st.value in ("done", "held"))))

    # Wednesday: fu1 converted, fu2 not premium, the old one abandoned; fu3 stays open, overdue since Tuesday.
    clock.now = at(wed, 15)
    followups.close_follow_up(db, a1, fu1, state="converted")
    followups.close_follow_up(db, a1, fu2, state="not_premium", reason="资产不足")
    followups.close_follow_up(db, a1, old, state="abandoned", reason="多次联系不上")

    clock.now = at(MONDAY + dt.timedelta(days=3), 9)
    followups.record_contact(db, a2, r2_fu, channel="phone", result="no_answer",
                             next_contact_date=MONDAY + dt.timedelta(days=3))  # due Thursday, never called again
    assert fu3  # due Tuesday and never contacted: overdue at the week's end
    clock.now = at(MONDAY + dt.timedelta(days=4), 10)  # Friday 10:00
    return KnownWeek(lobby, rm1, rm2, rm3, sup, mobiles, ids)
