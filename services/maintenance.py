"""Maintenance (关系维护): records, the per-tier plans, the maintenance-due list, birthdays and holidays.

The rules are in docs/maintenance.md; the product rule is docs/product.md "Clients:
maintenance". A maintenance record is a contact with a client of a planned tier
(core premium, ordinary premium, to-win, potential) made by the client's RM or the
supervisor. The branch's plans say, per tier, how many days may pass without a call
and without a visit; ``due`` lists what those plans ask of one RM now, overdue first.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, String, case, func, select, type_coerce
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import (
    Appointment,
    AppointmentStatus,
    BranchHoliday,
    Client,
    ContactAttempt,
    ContactChannel,
    FollowUp,
    HolidayKind,
    MaintenanceKind,
    MaintenancePlan,
    MaintenanceRecord,
    Staff,
    Tier,
)
from services import audit
from services import validation as v
from services.clients import can_see_full
from services.db import BRANCH_TZ, Database, local_date, retrying
from services.errors import Conflict, NotFound, PermissionDenied
from services.i18n import msg
from services.masking import Kind, mask
from services.permissions import Action, Actor, allowed, require
from services.saving import expect_version as check_version
from services.saving import save, stale_conflict, stamp

log = logging.getLogger("lobbydesk.maintenance")

NOTE_MAX = 500
DAYS_MIN, DAYS_MAX = 1, 366
UPCOMING_DAYS = 7  # birthdays and holidays "in the coming 7 days": today and the six days after
DUE_HORIZON_DAYS = 7  # the due list also shows what falls due in the coming 7 days (today and six more)
DUE_WINDOW = 100

# The tiers a maintenance plan covers, most valuable first (docs/maintenance.md "Plans").
PLANNED_TIERS: tuple[Tier, ...] = (Tier.CORE, Tier.ORDINARY_PREMIUM, Tier.TO_WIN, Tier.POTENTIAL)
_TIER_RANK = {t: n for n, t in enumerate(PLANNED_TIERS)}


class Due(StrEnum):
    """What a plan asks for: a call (kept by any contact) or a visit (kept by a visit)."""

    CALL = "call"
    VISIT = "visit"


Plans = Mapping[Tier, Mapping[Due, int | None]]

DEFAULT_PLANS: Plans = {
    Tier.CORE: {Due.CALL: 7, Due.VISIT: 30},
    Tier.ORDINARY_PREMIUM: {Due.CALL: 30, Due.VISIT: 90},
    Tier.TO_WIN: {Due.CALL: 30, Due.VISIT: None},
    Tier.POTENTIAL: {Due.CALL: 30, Due.VISIT: None},
}


def plan_field(tier: Tier, what: Due) -> str:
    """The field name of one plan entry in problems and in the plans section: ``core_call``."""
    return f"{tier.value}_{what.value}"


# --- who may --------------------------------------------------------------------------------------


def _load_client(s: Session, actor: Actor, client_id: int, *, lock: bool = False) -> Client:
    """The client if ``actor`` may record maintenance for them: an RM their own, the supervisor the branch.

    Another branch's client is NotFound (its existence does not leak)."""
    require(actor, Action.MAINTENANCE_RECORD)
    q = select(Client).where(Client.id == client_id)
    if lock:
        q = q.with_for_update()
    c = s.scalars(q).first()
    if c is None or c.branch_id != actor.branch_id:
        raise NotFound("client", client_id)
    if not can_see_full(actor, c.rm_id):
        raise PermissionDenied(f"{Action.MAINTENANCE_RECORD.value} (not assigned)", actor.role)
    return c


def may_record(actor: Actor, client_rm_id: int | None) -> bool:
    """Whether ``recordMaintenanceButton`` is offered: the same rule ``record`` enforces."""
    return allowed(actor.role, Action.MAINTENANCE_RECORD) and can_see_full(actor, client_rm_id)


def _rm_of(s: Session, actor: Actor, rm_id: int | None) -> int:
    """Whose list: one's own, or (supervisor) any RM of the branch."""
    require(actor, Action.MAINTENANCE_DUE)
    if rm_id is None or rm_id == actor.staff_id:
        if actor.staff_id is None:
            raise PermissionDenied(Action.MAINTENANCE_DUE.value, actor.role)
        return actor.staff_id
    require(actor, Action.MAINTENANCE_DUE_ANY)
    branch = s.scalar(select(Staff.branch_id).where(Staff.id == rm_id))
    if branch is None or branch != actor.branch_id:
        raise NotFound("staff", rm_id)
    return rm_id


# --- recording ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recorded:
    id: int
    client_id: int
    at: dt.datetime


def kinds() -> tuple[MaintenanceKind, ...]:
    return tuple(MaintenanceKind)


def channels() -> tuple[ContactChannel, ...]:
    return tuple(ContactChannel)


def _moment(db: Database, problems: v.Problems, at: object) -> dt.datetime | None:
    if at is None or (isinstance(at, str) and not at.strip()):
        problems.add("at", "required")
        return None
    if isinstance(at, str):
        try:
            at = dt.datetime.fromisoformat(at.strip())
        except ValueError:
            problems.add("at", "date_format")
            return None
    if not isinstance(at, dt.datetime):
        problems.add("at", "date_format")
        return None
    moment = at if at.tzinfo is not None else at.replace(tzinfo=BRANCH_TZ)  # as the branch reads a clock
    if moment > db.now():
        problems.add("at", "moment_future")
        return None
    if local_date(moment) < v.EARLIEST_DATE:
        problems.add("at", "date_too_early", min=v.EARLIEST_DATE.isoformat())
        return None
    return moment.astimezone(dt.timezone.utc)


@retrying
def record(db: Database, actor: Actor, client_id: int, kind: MaintenanceKind | str,
           channel: ContactChannel | str, at: dt.datetime | str, note: str | None = None) -> Recorded:
    """Record one maintenance contact with ``client_id`` (docs/maintenance.md "Recording").

    ``at`` is when it happened (not in the future; a naive time is the branch's clock).
    The note is free text about the client: stored on the record, read only by those who
    may see the client in full, never in the audit text. Field names in problems:
    ``kind``, ``channel``, ``at``, ``note``, ``client`` (a client of no planned tier).
    """
    require(actor, Action.MAINTENANCE_RECORD)
    problems = v.Problems()
    kind_v = problems.run(lambda: v.choice("kind", kind, MaintenanceKind))
    channel_v = problems.run(lambda: v.choice("channel", channel, ContactChannel))
    moment = _moment(db, problems, at)
    note_v = problems.run(lambda: v.clean_text("note", note, max_len=NOTE_MAX, multiline=True))
    with db.write() as s:
        c = _load_client(s, actor, client_id)
        if c.tier not in PLANNED_TIERS:
            problems.add("client", "maintenance_tier")
        problems.raise_if_any()
        assert kind_v is not None and channel_v is not None and moment is not None
        assert actor.staff_id is not None  # the command line records no maintenance (not in the table)
        row = MaintenanceRecord(client_id=c.id, branch_id=c.branch_id, rm_id=actor.staff_id, at=moment,
                                kind=kind_v, channel=channel_v, note=note_v)
        s.add(row)
        s.flush()
        audit.record(s, db, actor, "create", "maintenance_record", row.id,
                     f"client={c.id};kind={kind_v.value};channel={channel_v.value}")
        return Recorded(row.id, c.id, moment)


# --- the plans ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlansView:
    plans: Plans
    version: int  # 0: the defaults, never saved


def _plans_of(row: MaintenancePlan | None) -> Plans:
    if row is None:
        return DEFAULT_PLANS
    out: dict[Tier, dict[Due, int | None]] = {}
    for tier in PLANNED_TIERS:
        saved = row.plans.get(tier.value, {})
        out[tier] = {what: (int(n) if (n := saved.get(what.value)) is not None else None) for what in Due}
    return out


def plans_for(s: Session, branch_id: int) -> Plans:
    """The branch's plans in the caller's session (the defaults until a supervisor saved some)."""
    return _plans_of(s.scalars(select(MaintenancePlan).where(MaintenancePlan.branch_id == branch_id)).first())


def plans(db: Database, actor: Actor) -> PlansView:
    """The branch's plans and the version to save them against (RM and supervisor read them)."""
    require(actor, Action.MAINTENANCE_DUE)
    with db.read() as s:
        row = s.scalars(select(MaintenancePlan).where(MaintenancePlan.branch_id == actor.branch_id)).first()
        return PlansView(_plans_of(row), row.version if row is not None else 0)


def check_plans(raw: Mapping[Tier | str, Mapping[Due | str, object]]) -> Plans:
    """Plans as a person typed them: each entry whole days 1–366, or empty for none.

    A tier or entry left out means none. Problems are named ``<tier>_<call|visit>``."""
    problems = v.Problems()
    given: dict[Tier, dict[Due, object]] = {}
    for t, entries in raw.items():
        if str(t) in {p.value for p in PLANNED_TIERS}:
            given[Tier(t)] = {Due(w): value for w, value in entries.items() if str(w) in {d.value for d in Due}}
    out: dict[Tier, dict[Due, int | None]] = {}
    for tier in PLANNED_TIERS:
        out[tier] = {}
        for what in Due:
            value = given.get(tier, {}).get(what)
            text = "" if value is None else str(value).strip()
            if not text:
                out[tier][what] = None
                continue
            try:
                days = int(text)
            except ValueError:
                days = 0
            if not DAYS_MIN <= days <= DAYS_MAX:
                problems.add(plan_field(tier, what), "plan_days")
                out[tier][what] = None
                continue
            out[tier][what] = days
    problems.raise_if_any()
    return out


def _stored(p: Plans) -> dict[str, dict[str, int | None]]:
    return {t.value: {w.value: p[t][w] for w in Due} for t in PLANNED_TIERS}


def _plans_detail(p: Plans) -> str:
    return ";".join(f"{plan_field(t, w)}={p[t][w] if p[t][w] is not None else '-'}"
                    for t in PLANNED_TIERS for w in Due)


@retrying
def set_plans(db: Database, actor: Actor, plans: Mapping[Tier | str, Mapping[Due | str, object]],
              expect_version: int) -> int:
    """Save the branch's plans (supervisor); ``expect_version`` is what the section showed (0: the defaults).

    A save on a stale version is refused naming who saved the newer one and when; the new version."""
    require(actor, Action.MAINTENANCE_PLANS)
    checked = check_plans(plans)
    with db.write() as s:
        row = s.scalars(select(MaintenancePlan).where(MaintenancePlan.branch_id == actor.branch_id)).first()
        if row is None:
            if expect_version:
                raise Conflict(msg("stale_unknown"))
            row = MaintenancePlan(branch_id=actor.branch_id, plans=_stored(checked))
            stamp(db, actor, row)
            s.add(row)
            try:
                s.flush()
            except IntegrityError:  # another supervisor saved the first plans meanwhile
                raise _first_plans_conflict(db, actor) from None
            audit.record(s, db, actor, "update", "maintenance_plan", row.id, _plans_detail(checked))
            return int(row.version)
        check_version(db, row, expect_version)
        row.plans = _stored(checked)
        return save(s, db, actor, row, "update", _plans_detail(checked))


def _first_plans_conflict(db: Database, actor: Actor) -> Conflict:
    with db.read() as s:
        key = s.scalar(select(MaintenancePlan.id).where(MaintenancePlan.branch_id == actor.branch_id))
    return stale_conflict(db, MaintenancePlan, key) if key is not None else Conflict(msg("stale_unknown"))


# --- the maintenance-due list ---------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class DueKey:
    """Where a window of the due list ends: the list's order."""

    due_date: dt.date
    rank: int  # the tier, most valuable first
    client_id: int
    what: str


@dataclass(frozen=True)
class DueRow:
    """One thing a plan asks of the RM: call or visit ``client_id`` by ``due_date``.

    ``client`` is masked (masked name and mobile) as in every list; ``last_done`` is the
    branch-local date of the latest contact of that sort, None if there has been none
    (then the plan counts from the day the client was registered)."""

    client_id: int
    client: str
    tier: Tier
    what: Due
    last_done: dt.date | None
    due_date: dt.date
    overdue_days: int  # 0 when not yet overdue
    key: DueKey


def _planned_clients(rm_id: int, tiers: list[Tier]):  # type: ignore[no-untyped-def]
    """The RM's clients of the planned tiers: one range of ix_client_rm_tier per tier.

    No condition on the branch here: the RM was checked to be of the viewer's branch, an RM's
    clients are of the RM's branch, and a branch condition would lead SQLite (no statistics)
    to walk the whole branch by ix_client_branch_id instead (docs/maintenance.md "Speed")."""
    return select(Client.id).where(Client.rm_id == rm_id, Client.tier.in_(tiers))


# The branch's clock is a fixed offset from UTC (services/db.py ``BRANCH_TZ``): local dates of many
# naive UTC times are taken by adding it, without an aware datetime each.
_LOCAL_OFFSET = BRANCH_TZ.utcoffset(None)


def _local_day(naive_utc: dt.datetime) -> dt.date:
    return (naive_utc + _LOCAL_OFFSET).date()


def _naive(col: Any) -> Any:
    """A UTC timestamp column or aggregate read as the naive UTC value stored (no per-row type object)."""
    return type_coerce(col, DateTime())


def _latest(s: Session, rm_id: int, tiers: list[Tier]) -> dict[int, list[dt.datetime | None]]:
    """client id -> [latest contact of any sort, latest visit], naive UTC: maintenance records, contact
    attempts on follow-ups and held appointments (the same contacts the diary counts, docs/diary.md),
    by anyone."""
    ids = _planned_clients(rm_id, tiers)
    latest: dict[int, list[dt.datetime | None]] = {}

    def take(client_id: int, any_at: dt.datetime | None, visit_at: dt.datetime | None) -> None:
        now = latest.setdefault(client_id, [None, None])
        for i, at in enumerate((any_at, visit_at)):
            if at is not None and (now[i] is None or at > now[i]):  # type: ignore[operator]
                now[i] = at

    is_visit = MaintenanceRecord.channel == ContactChannel.VISIT
    for cid, any_at, visit_at in s.execute(
        select(MaintenanceRecord.client_id, _naive(func.max(MaintenanceRecord.at)),
               _naive(func.max(case((is_visit, MaintenanceRecord.at)))))
        .where(MaintenanceRecord.client_id.in_(ids)).group_by(MaintenanceRecord.client_id)
    ):
        take(cid, any_at, visit_at)
    attempt_visit = ContactAttempt.channel == ContactChannel.VISIT
    for cid, any_at, visit_at in s.execute(
        select(FollowUp.client_id, _naive(func.max(ContactAttempt.at)),
               _naive(func.max(case((attempt_visit, ContactAttempt.at)))))
        .join(FollowUp, FollowUp.id == ContactAttempt.follow_up_id)
        .where(FollowUp.client_id.in_(ids)).group_by(FollowUp.client_id)
    ):
        take(cid, any_at, visit_at)
    for cid, held_at in s.execute(
        select(Appointment.client_id, _naive(func.max(Appointment.at)))
        .where(Appointment.client_id.in_(ids), Appointment.status == AppointmentStatus.HELD)
        .group_by(Appointment.client_id)
    ):
        take(cid, held_at, held_at)
    return latest


# (due date, tier rank, client id, "call"/"visit", last done): the list's order is the tuple's.
_Due = tuple[dt.date, int, int, str, "dt.date | None"]
_RANK_OF = {t.value: n for t, n in _TIER_RANK.items()}


def _due_keys(s: Session, rm_id: int, branch_id: int, today: dt.date, horizon: int) -> list[_Due]:
    """Every (client, call/visit) of the RM due by the last of the ``horizon`` days, in the list's order.

    Plain tuples, no client data: only the window asked for is masked and built."""
    plan = plans_for(s, branch_id)
    tiers = [t for t in PLANNED_TIERS if any(plan[t][w] is not None for w in Due)]
    if not tiers:
        return []
    spans = {t.value: [(w.value, timedelta_or_none(plan[t][w])) for w in Due] for t in tiers}
    clients = s.execute(
        select(Client.id, type_coerce(Client.tier, String()), _naive(Client.created_at), Client.branch_id)
        .where(Client.rm_id == rm_id, Client.tier.in_(tiers))
    ).all()
    latest = _latest(s, rm_id, tiers)
    until = today + dt.timedelta(days=horizon - 1)  # the coming week: today and the six days after
    none: list[dt.datetime | None] = [None, None]
    out: list[_Due] = []
    for cid, tier, created_at, client_branch in clients:
        if client_branch != branch_id:
            continue
        last = latest.get(cid, none)
        registered: dt.date | None = None
        for n, (what, span) in enumerate(spans[tier]):
            if span is None:
                continue
            at = last[n]
            last_day = _local_day(at) if at is not None else None
            if last_day is None and registered is None:
                registered = _local_day(created_at)
            start = last_day if last_day is not None else registered
            assert start is not None
            due_date = start + span
            if due_date <= until:
                out.append((due_date, _RANK_OF[tier], cid, what, last_day))
    out.sort(key=lambda d: d[:4])
    return out


def timedelta_or_none(days: int | None) -> dt.timedelta | None:
    return dt.timedelta(days=days) if days is not None else None


def due(db: Database, actor: Actor, today: dt.date, rm_id: int | None = None, *, after: DueKey | None = None,
        limit: int = DUE_WINDOW, horizon: int = DUE_HORIZON_DAYS) -> list[DueRow]:
    """The RM's maintenance due by the last of the ``horizon`` days from ``today`` (today and the six
    after), overdue first: a keyset window of ``limit`` rows after ``after`` (docs/maintenance.md
    "The due list").

    One's own list (RM); the supervisor any RM's of the branch (``rm_id``). Only that RM's
    clients of the planned tiers are read (ix_client_rm_tier), with their latest contacts;
    only the window's clients are read by name and masked.
    """
    with db.read() as s:
        rm = _rm_of(s, actor, rm_id)
        keys = _due_keys(s, rm, actor.home_branch, today, horizon)
        if after is not None:
            mark = (after.due_date, after.rank, after.client_id, after.what)
            keys = keys[bisect.bisect_right(keys, mark, key=lambda d: d[:4]):]
        window = keys[:max(limit, 0)]
        found = s.execute(select(Client.id, Client.name, Client.mobile, Client.tier)
                          .where(Client.id.in_({k[2] for k in window}))).all()
    names = {cid: (name, mobile, tier) for cid, name, mobile, tier in found}
    rows: list[DueRow] = []
    for due_date, rank, cid, what, last_day in window:
        name, mobile, tier = names[cid]
        client = " ".join(p for p in (mask(name, Kind.NAME), mask(mobile, Kind.MOBILE)) if p)
        rows.append(DueRow(cid, client, tier, Due(what), last_day, due_date, max(0, (today - due_date).days),
                           DueKey(due_date, rank, cid, what)))
    return rows


# --- birthdays and holidays -----------------------------------------------------------------------


@dataclass(frozen=True)
class Birthday:
    client_id: int
    client: str  # masked, as in every list
    tier: Tier
    day: dt.date  # the day it is kept this time (a 29 February birthday: 28 February in other years)
    age: int  # the age the client turns


def birth_date(birth: dt.date | None, id_number: str | None) -> dt.date | None:
    """The client's birth date: the birth-date column, else the 18-digit ID number's (None if neither)."""
    if birth is not None:
        return birth
    if id_number is None or len(id_number) != 18 or not id_number[6:14].isdigit():
        return None
    try:
        return v.birth_date_of(id_number)
    except ValueError:
        return None


def birthday_in(birth: dt.date, year: int) -> dt.date:
    """The day a birthday is kept in ``year``: 29 February falls on 28 February outside leap years."""
    try:
        return birth.replace(year=year)
    except ValueError:
        return dt.date(year, 2, 28)


def birthdays(db: Database, actor: Actor, today: dt.date, days: int = UPCOMING_DAYS,
              rm_id: int | None = None) -> list[Birthday]:
    """Birthdays of the RM's clients of the planned tiers from ``today`` through ``days - 1`` days on, by day."""
    last = today + dt.timedelta(days=max(days, 0) - 1)
    hits: list[tuple[dt.date, int, int, Tier, int]] = []
    with db.read() as s:
        rm = _rm_of(s, actor, rm_id)
        for cid, tier, birth_col, id_no, client_branch in s.execute(
            select(Client.id, Client.tier, Client.birth_date, Client.id_number, Client.branch_id)
            .where(Client.rm_id == rm, Client.tier.in_(list(PLANNED_TIERS)))  # no branch: see _planned_clients
        ):
            birth = birth_date(birth_col, id_no) if client_branch == actor.branch_id else None
            if birth is None:
                continue
            for year in {today.year, last.year}:
                day = birthday_in(birth, year)
                if today <= day <= last and day > birth:
                    hits.append((day, _TIER_RANK[tier], cid, tier, year - birth.year))
        names = {cid: (name, mobile) for cid, name, mobile in s.execute(
            select(Client.id, Client.name, Client.mobile).where(Client.id.in_({h[2] for h in hits})))}
    hits.sort()
    out: list[Birthday] = []
    for day, _rank, cid, tier, age in hits:
        name, mobile = names.get(cid, (None, None))
        client = " ".join(p for p in (mask(name, Kind.NAME), mask(mobile, Kind.MOBILE)) if p)
        out.append(Birthday(cid, client, tier, day, age))
    return out


@dataclass(frozen=True)
class HolidaySpan:
    """A holiday falling in the coming days: its code (``chinese_calendar.Holiday`` names, say
    ``national_day``), and its first and last day within the days asked."""

    code: str  # "branch": a day of the branch's own holiday list, named by ``name``
    first_day: dt.date
    last_day: dt.date
    name: str | None = None


# Fixed-date public holidays, used for years the calendar package does not cover yet.
_FIXED_HOLIDAYS: dict[tuple[int, int], str] = {
    (1, 1): "new_years_day", (5, 1): "labour_day", (10, 1): "national_day", (10, 2): "national_day",
    (10, 3): "national_day",
}


def holiday_on(branch_id: int, day: dt.date) -> str | None:
    """The public holiday on ``day``, as a code, or None: the one source of holidays here.

    China's public holidays from ``chinesecalendar`` (lunar festivals included); for a year
    it does not cover yet, the fixed-date ones. ``branch_id`` is for a branch's own holiday
    list, which ``holidays`` reads first (docs/maintenance.md "Holidays").
    """
    del branch_id
    import chinese_calendar

    try:
        is_holiday, holiday = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return _FIXED_HOLIDAYS.get((day.month, day.day))
    if not is_holiday or holiday is None:
        return None
    # The package hands back its English name ("National Day"); the code is its member's name.
    names: dict[str, str] = {str(h.value): str(h.name) for h in chinese_calendar.Holiday}
    return names.get(str(getattr(holiday, "value", holiday)), "other")


def holidays(db: Database, actor: Actor, today: dt.date, days: int = UPCOMING_DAYS) -> list[HolidaySpan]:
    """The branch's holidays from ``today`` through ``days - 1`` days on, one span per holiday."""
    require(actor, Action.MAINTENANCE_DUE)
    branch_id = actor.home_branch
    last = today + dt.timedelta(days=max(days, 1) - 1)
    with db.read() as s:  # the branch's own list overrides the public calendar (docs/complaints.md)
        own = {day: (kind, name) for day, kind, name in s.execute(
            select(BranchHoliday.day, BranchHoliday.kind, BranchHoliday.name)
            .where(BranchHoliday.branch_id == branch_id, BranchHoliday.day >= today, BranchHoliday.day <= last))}
    out: list[HolidaySpan] = []
    for n in range(max(days, 0)):
        day = today + dt.timedelta(days=n)
        mine = own.get(day)
        if mine is not None and mine[0] == HolidayKind.WORKDAY:
            continue  # a make-up working day of the branch
        code, name = ("branch", mine[1]) if mine is not None else (holiday_on(branch_id, day), None)
        if code is None:
            continue
        if (out and out[-1].code == code and out[-1].name == name
                and out[-1].last_day == day - dt.timedelta(days=1)):
            out[-1] = HolidaySpan(code, out[-1].first_day, day, name)
        else:
            out.append(HolidaySpan(code, day, day, name))
    return out


__all__ = [
    "DEFAULT_PLANS", "PLANNED_TIERS", "Birthday", "Due", "DueKey", "DueRow", "HolidaySpan", "Plans", "PlansView",
    "Recorded", "birth_date", "birthday_in", "birthdays", "channels", "check_plans", "due", "holiday_on",
    "holidays", "kinds", "may_record", "plan_field", "plans", "plans_for", "record", "set_plans",
]
