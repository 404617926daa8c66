"""Working days: China's public calendar (``chinesecalendar``) with the branch's own list as an override.

A complaint is due a number of working days after it came in (docs/complaints.md
"Working days"). Public holidays and make-up working days come from the maintained
``chinesecalendar`` package, which covers 2004–2026 in the version installed; for a
year it does not cover, Monday–Friday counts as working, and the answer says it is an
estimate. The branch's own list (a closure, a make-up working day) overrides both.
The list is edited by the admin and the supervisor, and every change is audited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import chinese_calendar
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import BranchHoliday, HolidayKind, Staff
from services import audit
from services import validation as v
from services.db import Database, retrying
from services.errors import NotFound
from services.i18n import msg
from services.permissions import Action, Actor, require

# Far enough for any deadline the program computes (7 working days), with room for long closures.
SPAN = dt.timedelta(days=60)

Overrides = Mapping[dt.date, HolidayKind]


def calendar_covers(day: dt.date) -> bool:
    """Whether the public calendar knows ``day``'s year (else Monday–Friday is an estimate)."""
    try:
        chinese_calendar.is_workday(day)
    except NotImplementedError:
        return False
    return True


def _public_working_day(day: dt.date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


def working_day(day: dt.date, overrides: Overrides) -> bool:
    """``day`` is a working day of the branch: its own list first, then the public calendar."""
    kind = overrides.get(day)
    if kind is not None:
        return kind == HolidayKind.WORKDAY
    return _public_working_day(day)


@dataclass(frozen=True)
class Deadline:
    day: dt.date
    estimated: bool  # a day counted lies in a year the public calendar does not cover


def add_working_days(start: dt.date, n: int, overrides: Overrides) -> Deadline:
    """The ``n``-th working day after ``start`` (``start`` itself never counts, working or not)."""
    day, counted, estimated = start, 0, False
    while counted < n:
        day += dt.timedelta(days=1)
        if day not in overrides and not calendar_covers(day):
            estimated = True
        if working_day(day, overrides):
            counted += 1
    return Deadline(day, estimated)


def overrides(session: Session, branch_id: int, start: dt.date, end: dt.date) -> dict[dt.date, HolidayKind]:
    """The branch's own list between ``start`` and ``end`` (inclusive)."""
    rows = session.execute(
        select(BranchHoliday.day, BranchHoliday.kind)
        .where(BranchHoliday.branch_id == branch_id, BranchHoliday.day >= start, BranchHoliday.day <= end)
    ).all()
    return {day: kind for day, kind in rows}


def deadline(session: Session, branch_id: int, start: dt.date, n: int) -> Deadline:
    """``add_working_days`` with the branch's list read from the database."""
    return add_working_days(start, n, overrides(session, branch_id, start, start + SPAN))


def is_working_day(source: Database | Session, branch_id: int, day: dt.date) -> bool:
    """One day of one branch: its list, else the public calendar, else Monday–Friday."""
    if isinstance(source, Database):
        with source.read() as s:
            return working_day(day, overrides(s, branch_id, day, day))
    return working_day(day, overrides(source, branch_id, day, day))


# --- the branch's list: read and edited by the admin and the supervisor -----------------------------

@dataclass(frozen=True)
class HolidayRow:
    id: int
    day: dt.date
    kind: HolidayKind
    name: str
    added_by: str | None


def list_holidays(db: Database, actor: Actor, *, since: dt.date | None = None) -> list[HolidayRow]:
    """The branch's own list, by day (from ``since`` on, when given)."""
    require(actor, Action.HOLIDAYS_MANAGE)
    with db.read() as s:
        query = (select(BranchHoliday, Staff.name).outerjoin(Staff, Staff.id == BranchHoliday.created_by_id)
                 .where(BranchHoliday.branch_id == actor.branch_id).order_by(BranchHoliday.day))
        if since is not None:
            query = query.where(BranchHoliday.day >= since)
        return [HolidayRow(h.id, h.day, h.kind, h.name, who) for h, who in s.execute(query).all()]


@retrying
def add_holiday(db: Database, actor: Actor, *, day: object, kind: object, name: str | None) -> int:
    """Add one day to the branch's list; its id. A day already listed, or one that would change nothing, is refused."""
    require(actor, Action.HOLIDAYS_MANAGE)
    problems = v.Problems()
    clean_day = problems.run(lambda: v.parse_date("holiday_day", day))
    clean_kind = problems.run(lambda: v.choice("holiday_kind", kind, HolidayKind))
    clean_name = problems.run(lambda: v.clean_text("holiday_name", name, max_len=30, required=True))
    # A day the public calendar already treats that way would change nothing: likely a slip.
    if (clean_day is not None and clean_kind is not None and calendar_covers(clean_day)
            and _public_working_day(clean_day) == (clean_kind == HolidayKind.WORKDAY)):
        what = msg("workday_word" if clean_kind == HolidayKind.WORKDAY else "holiday_word")
        problems.add("holiday_day", "holiday_same_as_calendar", day=clean_day.isoformat(), what=what)
    problems.raise_if_any()
    assert clean_day is not None and clean_kind is not None and clean_name is not None
    with db.write() as s:
        taken = s.scalar(select(BranchHoliday.id).where(BranchHoliday.branch_id == actor.branch_id,
                                                        BranchHoliday.day == clean_day))
        if taken is not None:
            raise v.fail("holiday_day", "holiday_listed", day=clean_day.isoformat())
        row = BranchHoliday(branch_id=actor.branch_id, day=clean_day, kind=clean_kind, name=clean_name,
                            created_at=db.now(), created_by_id=actor.staff_id)
        s.add(row)
        try:
            s.flush()
        except IntegrityError:  # another workstation listed the same day meanwhile
            raise v.fail("holiday_day", "holiday_listed", day=clean_day.isoformat()) from None
        audit.record(s, db, actor, "create", "branch_holiday", row.id, f"day={clean_day} kind={clean_kind.value}")
        return row.id


@retrying
def remove_holiday(db: Database, actor: Actor, holiday_id: int) -> None:
    """Take one day off the branch's list (the audit log keeps what it was)."""
    require(actor, Action.HOLIDAYS_MANAGE)
    with db.write() as s:
        row = s.get(BranchHoliday, holiday_id)
        if row is None or row.branch_id != actor.branch_id:
            raise NotFound("branch_holiday", holiday_id)
        detail = f"day={row.day} kind={row.kind.value}"
        s.delete(row)
        s.flush()
        audit.record(s, db, actor, "delete", "branch_holiday", holiday_id, detail)
