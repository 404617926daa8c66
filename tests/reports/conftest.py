"""A known branch day (Friday 2026-11-20) built through the services, with its expected figures.

The figures below are worked out by hand from the story in ``known_day``;
the tests compare the statistics, the PDF text and the .xlsx cells with them.
Column order: see ``ReferrerFigures`` / ``RmFigures``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from models import Role
from services import accounts, followups, referrals
from services.accounts import StaffInfo
from services.db import BRANCH_TZ
from services.i18n import language, set_language
from tests.factories import make_id_number

UTC = dt.timezone.utc
DAY = dt.date(2026, 11, 20)

# Table 1, the day: referrals, referred, pending, voided, premium, potential, to_win, ordinary, met, deals, converted
DAY_REFERRERS: dict[str, tuple[int, ...]] = {
    "L01": (3, 2, 1, 1, 1, 1, 1, 0, 2, 1, 1),
    "M01": (1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0),
    "R01": (0,) * 11,
    "R02": (0,) * 11,
    "R03": (0,) * 11,
    "S01": (0,) * 11,
    "T01": (2, 1, 1, 1, 1, 0, 0, 1, 0, 0, 1),
    "T02": (0,) * 11,
    "T03": (1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0),  # deactivated after filing: still listed
}
DAY_REFERRER_TOTALS = (7, 4, 3, 2, 2, 2, 2, 1, 2, 1, 2)
# Table 2, the day: received, met on the spot, opened, contacts, appointments, converted, not premium,
# abandoned, overdue
DAY_RMS: dict[str, tuple[int, ...]] = {
    "R01": (4, 2, 1, 0, 0, 0, 0, 0, 1),
    "R02": (3, 0, 3, 2, 1, 1, 0, 1, 0),
    "R03": (0,) * 9,
    "S01": (0, 0, 0, 1, 0, 0, 0, 0, 0),  # the supervisor's contact attempt: effort is listed
}
DAY_RM_TOTALS = (7, 2, 4, 3, 1, 1, 0, 1, 1)

# November (the day plus Tuesday 17th) and October.
NOV_REFERRERS = dict(DAY_REFERRERS, M01=(2, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0))
NOV_REFERRER_TOTALS = (8, 4, 4, 2, 2, 2, 3, 1, 2, 1, 2)
OCT_REFERRERS: dict[str, tuple[int, ...]] = {
    "L01": (2, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0),
    "T01": (1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0),
}
OCT_REFERRER_TOTALS = (3, 2, 1, 0, 0, 1, 2, 0, 0, 0, 0)
NOV_RMS = dict(DAY_RMS, R01=(5, 2, 2, 0, 0, 0, 0, 0, 1))
NOV_RM_TOTALS = (8, 2, 5, 3, 1, 1, 0, 1, 1)
OCT_RMS: dict[str, tuple[int, ...]] = {"R01": (2, 0, 0, 0, 0, 0, 0, 0, 0), "R02": (1, 0, 1, 0, 0, 0, 1, 0, 0)}
OCT_RM_TOTALS = (3, 0, 1, 0, 0, 0, 1, 0, 0)


@dataclass
class KnownDay:
    staff: dict[str, StaffInfo]
    mobiles: list[str] = field(default_factory=list)
    id_numbers: list[str] = field(default_factory=list)


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), BRANCH_TZ)


@pytest.fixture
def known_day(db, f, clock) -> KnownDay:  # type: ignore[no-untyped-def]
    """October's and November's referrals, ending on Friday 2026-11-20 at 13:30 branch time."""
    people = {
        "L01": ("李大堂", Role.LOBBY_MANAGER), "T01": ("张柜员", Role.TELLER), "T02": ("陈柜员", Role.TELLER),
        "T03": ("吴柜员", Role.TELLER), "M01": ("周营销", Role.MARKETING), "R01": ("王理财", Role.RM),
        "R02": ("刘理财", Role.RM), "R03": ("孙理财", Role.RM), "R04": ("郑理财", Role.RM),
        "S01": ("赵主管", Role.SUPERVISOR), "A01": ("钱管理", Role.ADMIN),
    }
    staff = {no: f.staff(role, name=name, staff_no=no) for no, (name, role) in people.items()}
    accounts.set_active(db, f.system, staff["R04"].id, False)  # inactive, nothing to do: not listed
    kd = KnownDay(staff)
    act = {no: f.actor(info) for no, info in staff.items()}
    names = iter("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉")

    def refer(referrer: str, rm: str, status: str, client_type: str, **kw: object):  # type: ignore[no-untyped-def]
        mobile = f.mobile()
        id_number = make_id_number(dt.date(1980, 1, 1) + dt.timedelta(days=len(kd.mobiles) * 97),
                                   seq=100 + len(kd.mobiles))
        kd.mobiles.append(mobile)
        kd.id_numbers.append(id_number)
        if client_type == "ordinary":  # filed before ordinary clients were diverted instead (docs/diversion.md)
            return f.old_ordinary_referral(staff[referrer], staff[rm], status=status, mobile=mobile,
                                           name=f"客户{next(names)}", client_id_number=id_number, **kw)
        return f.referral(staff[referrer], staff[rm], status=status, client_type=client_type, mobile=mobile,
                          name=f"客户{next(names)}", client_id_number=id_number, **kw)

    # October 15th: the previous month.
    clock.now = local(dt.date(2026, 10, 15), 10).astimezone(UTC)
    refer("L01", "R01", "referred", "to_win")
    refer("L01", "R01", "referred", "to_win")
    oct_pending = refer("T01", "R02", "pending", "existing_potential")
    clock.advance(hours=2)
    followups.close_follow_up(db, act["R02"], oct_pending.follow_up_id, state="not_premium", reason="资产不足")

    # Tuesday November 17th: same ISO week and month; its follow-up is overdue by Friday.
    clock.now = local(dt.date(2026, 11, 17), 11).astimezone(UTC)
    refer("M01", "R01", "pending", "to_win", contact_at=local(dt.date(2026, 11, 18), 10))

    # Friday November 20th.
    clock.now = local(DAY, 10).astimezone(UTC)
    a = refer("L01", "R01", "referred", "existing_premium")
    referrals.record_outcome(db, act["R01"], a.id, met=True, deal=True, products="理财产品", amount="50000")
    b = refer("L01", "R01", "referred", "to_win")
    referrals.record_outcome(db, act["R01"], b.id, met=True, deal=False)
    c = refer("L01", "R02", "pending", "existing_potential")
    d = refer("L01", "R02", "pending", "to_win")
    referrals.void_referral(db, act["L01"], d.id, "重复录入")  # its follow-up is abandoned: not counted
    clock.advance(minutes=30)
    e = refer("T01", "R01", "referred", "ordinary")
    referrals.record_outcome(db, act["R01"], e.id, met=False, deal=False)
    fp = refer("T01", "R02", "pending", "existing_premium")
    g = refer("T01", "R01", "referred", "to_win")
    referrals.void_referral(db, act["T01"], g.id, "推介对象有误")
    h = refer("M01", "R02", "pending", "to_win")
    refer("T03", "R01", "referred", "existing_potential")
    accounts.set_active(db, f.system, staff["T03"].id, False)

    clock.advance(hours=2)
    followups.record_contact(db, act["R02"], fp.follow_up_id, channel="phone", result="appointment",
                             appointment_at=local(dt.date(2026, 11, 21), 15), place="网点贵宾室")
    followups.close_follow_up(db, act["R02"], fp.follow_up_id, state="converted")
    followups.record_contact(db, act["R02"], h.follow_up_id, channel="phone", result="no_answer",
                             next_contact_date=dt.date(2026, 11, 23))
    followups.close_follow_up(db, act["R02"], h.follow_up_id, state="abandoned", reason="多次联系不上")
    followups.record_contact(db, act["S01"], c.follow_up_id, channel="sms", result="reached",
                             next_contact_date=dt.date(2026, 11, 24))
    followups.create_own(db, act["R01"], e.client_id, dt.date(2026, 11, 25), note="再次邀约")
    clock.advance(hours=1)  # 13:30: the sheet is made now
    return kd


@pytest.fixture
def english():  # type: ignore[no-untyped-def]
    before = language()
    set_language("en")
    yield
    set_language(before)


# --- reading a sheet's text -------------------------------------------------------------

def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def rows_by_staff(section: str, width: int, *, lead: int = 1) -> dict[str, tuple[int, ...]]:
    """{staff id: the numbers of its row} for the lines of one table; ``lead`` tokens before the name."""
    out: dict[str, tuple[int, ...]] = {}
    for line in section.splitlines():
        tokens = line.split()
        if len(tokens) < lead + width or not re.fullmatch(r"[A-Z]\d{2,}", tokens[lead - 1]):
            continue
        numbers = tokens[-width:]
        if all(n.isdigit() for n in numbers):
            out[tokens[lead - 1]] = tuple(int(n) for n in numbers)
    return out


def totals_row(section: str, width: int, label: str = "合计") -> tuple[int, ...]:
    for line in section.splitlines():
        tokens = line.split()
        if tokens and tokens[0] == label and len(tokens) >= width + 1:
            return tuple(int(n) for n in tokens[-width:])
    raise AssertionError(f"no totals row in:\n{section}")


def split_tables(text: str, first: str = "一、推介人统计", second: str = "二、理财经理跟进统计") -> tuple[str, str]:
    assert first in text and second in text, text
    start = text.index(first)
    middle = text.index(second, start)
    return text[start:middle], text[middle:]
