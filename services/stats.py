"""Referral statistics for the daily, weekly and monthly sheets, aggregated in the database.

Every figure is a ``count``/``sum(case …)`` computed by one grouped
``select()`` per kind of event; Python only lines the grouped results up with
the staff list and adds the per-staff rows into the totals.

Definitions (docs/product.md "Reports", issue 3):

Period
    Daily: one branch day. Weekly: Monday to Sunday of the ISO week holding
    the date. Monthly: the calendar month; it also carries the previous
    month's figures for every staff member. A referral belongs to the period
    by its ``business_date``; timestamps (follow-ups opened or closed, contact
    attempts, appointments) by the branch's local day (UTC+8), i.e. from
    ``local_midnight_utc(first day)`` up to, not including,
    ``local_midnight_utc(last day + 1)``.

Per referrer (table 1)
    referrals — the referrer's referrals in the period that are not voided;
    referred (已推介) / pending (待跟进) — of those, by status;
    voided (作废) — voided referrals, counted apart: they are in no other column;
    existing_premium / existing_potential / to_win / ordinary — non-voided
    referrals by the client type the referrer chose;
    met — non-voided referrals whose outcome says the client met the RM
    (``Referral.met`` is true);
    deals (成交) — non-voided referrals whose outcome is a deal
    (``Referral.deal`` is true);
    converted (转化) — non-voided referrals that won the client: a pending
    referral whose follow-up has ended ``converted`` (its state when the sheet
    is made, whenever it was closed), or a referred referral whose meeting
    ended in a deal (a referred referral has no follow-up, so its deal is the
    only outcome it gets). Each referral counts at most once.

Per RM (table 2)
    received — non-voided referrals of the period with ``rm_id`` = the RM;
    met_on_spot — of those, ``referred`` ones whose client met the RM;
    follow_ups_opened — follow-ups of the RM opened in the period, except those
    whose referral was voided (own follow-ups count);
    contacts — contact attempts recorded in the period by that staff member
    (counted in the staff member's own branch);
    appointments — appointments of the RM created in the period (likewise);
    converted / not_premium / abandoned — follow-ups of the RM closed in the
    period in that state, except those whose referral was voided;
    overdue — open or appointed follow-ups held by the RM (counted in the RM's
    branch) whose next contact date is before the period's last day (before
    today while the period is still running: a follow-up due tomorrow is not
    overdue yet), as the queue shows them on that day. The database keeps no
    history of follow-up states, so this is their state when the sheet is
    made: a sheet for a past period made later may differ here. A follow-up
    voided with its referral after work began stays in the queue, so it counts.
    A follow-up is the RM's that holds it now (after any reassignment).

Who is listed
    The sheet is also an attendance of effort, so staff with nothing in the
    period are listed with zeros: table 1 lists every active staff member of
    the branch but administrators, and anyone else with a referral in the
    period (e.g. someone since deactivated); table 2 lists every active RM and
    anyone else with any figure in it (an inactive RM who still holds overdue
    follow-ups, a supervisor who recorded contacts). Rows are ordered by branch
    code, then staff id. The totals rows are the sums of the listed rows, so
    they hold every event of the period.

Closed days
    ``DayClose`` rows with ``closed`` set, counted over the branch days of the
    period (days × branches for the head-office sheet).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import operator
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any, Self

from sqlalchemy import ColumnElement, Executable, and_, case, exists, false, func, or_, select
from sqlalchemy.orm import Session

from models import (
    Appointment,
    Branch,
    ClientType,
    ContactAttempt,
    DayClose,
    FollowUp,
    FollowUpState,
    Referral,
    ReferralStatus,
    Role,
    Staff,
)
from services import complaints
from services.accounts import BranchInfo
from services.complaints import ComplaintMonth
from services.db import Database, local_midnight_utc
from services.errors import FieldProblem, ValidationError
from services.permissions import Action, Actor, require
from services.retention import RetentionCounts, counts_by_rm

Key = tuple[int, int]  # (branch id, staff id): a staff member's figures within one branch


class Kind(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


@dataclass(frozen=True)
class _Figures:
    """A row of counts; the field order is the column order of the sheet."""

    @classmethod
    @functools.cache
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    @functools.cache
    def _getter(cls) -> operator.attrgetter[tuple[int, ...]]:
        return operator.attrgetter(*cls.names())

    def values(self) -> tuple[int, ...]:
        # A head-office sheet asks this of 20 000 rows: one C-level getter, not astuple()'s deep copy.
        return self._getter()(self)

    @classmethod
    def total(cls, items: Iterable[Self]) -> Self:
        """Column sums of already aggregated rows (one per staff member)."""
        columns = list(zip(*(item.values() for item in items), strict=True))
        return cls(*(sum(col) for col in columns)) if columns else cls()

    @property
    def is_zero(self) -> bool:
        return not any(self.values())


@dataclass(frozen=True)
class ReferrerFigures(_Figures):
    referrals: int = 0
    referred: int = 0
    pending: int = 0
    voided: int = 0
    existing_premium: int = 0
    existing_potential: int = 0
    to_win: int = 0
    ordinary: int = 0
    met: int = 0
    deals: int = 0
    converted: int = 0


@dataclass(frozen=True)
class RmFigures(_Figures):
    received: int = 0
    met_on_spot: int = 0
    follow_ups_opened: int = 0
    contacts: int = 0
    appointments: int = 0
    converted: int = 0
    not_premium: int = 0
    abandoned: int = 0
    overdue: int = 0


CLIENT_TYPE_COLUMNS: tuple[ClientType, ...] = (
    ClientType.EXISTING_PREMIUM, ClientType.EXISTING_POTENTIAL, ClientType.TO_WIN, ClientType.ORDINARY,
)


@dataclass(frozen=True)
class StaffLine:
    """Who a row is about; never client data."""

    branch_id: int
    branch_code: str
    staff_id: int
    staff_no: str
    name: str
    role: Role
    active: bool


@dataclass(frozen=True)
class ReferrerRow:
    staff: StaffLine
    figures: ReferrerFigures
    previous: ReferrerFigures | None = None  # monthly: the previous month's


@dataclass(frozen=True)
class RmRow:
    staff: StaffLine
    figures: RmFigures
    previous: RmFigures | None = None  # monthly: the previous month's


@dataclass(frozen=True)
class ClosedInfo:
    """How many branch days of the period are closed (日终核对)."""

    closed: int
    days: int

    @property
    def all_closed(self) -> bool:
        return self.days > 0 and self.closed >= self.days


@dataclass(frozen=True)
class PreviousPeriod:
    period_start: dt.date
    period_end: dt.date
    referrer_totals: ReferrerFigures
    rm_totals: RmFigures
    closed: ClosedInfo


@dataclass(frozen=True)
class Sheet:
    """Everything a statistics sheet shows, in plain values."""

    kind: Kind
    period_start: dt.date
    period_end: dt.date
    branch: BranchInfo | None  # None: every branch (head office)
    branch_count: int
    referrers: tuple[ReferrerRow, ...]
    rms: tuple[RmRow, ...]
    referrer_totals: ReferrerFigures
    rm_totals: RmFigures
    closed: ClosedInfo
    generated_at: dt.datetime
    generated_by: str
    generated_by_no: str
    previous: PreviousPeriod | None = field(default=None)
    # --- complaints section (docs/complaints.md "Monthly summary"): the monthly sheet only ---
    complaints: ComplaintMonth | None = field(default=None)
    diversions: DiversionSection | None = field(default=None)  # the lobby's diversions (docs/diversion.md)
    # The monthly sheet's account-closure retention section (docs/retention.md); None on other sheets.
    retention: tuple[RetentionLine, ...] | None = field(default=None)
    # The head-office sheet's per-branch breakdown (docs/head-office.md): one line per branch, in code order.
    branches: tuple[BranchLine, ...] = field(default=())

    @property
    def all_branches(self) -> bool:
        return self.branch is None

    @property
    def retention_totals(self) -> RetentionCounts:
        return RetentionCounts.total(ln.counts for ln in self.retention or ())


# --- the head office's per-branch breakdown (docs/head-office.md "The consolidated sheets") ---------

@dataclass(frozen=True)
class BranchLine:
    """One branch's subtotals on the head-office sheet: the sums of that branch's listed rows."""

    branch: BranchInfo
    referrers: ReferrerFigures
    rms: RmFigures
    previous_referrers: ReferrerFigures | None = None  # monthly: the previous month's
    previous_rms: RmFigures | None = None


def branch_lines(branches: Iterable[BranchInfo], referrers: Iterable[ReferrerRow],
                 rms: Iterable[RmRow]) -> tuple[BranchLine, ...]:
    """Every branch, with zeros where it had nothing; the lines add up to the sheet's totals."""
    by_ref: dict[int, list[ReferrerRow]] = {}
    by_rm: dict[int, list[RmRow]] = {}
    for r in referrers:
        by_ref.setdefault(r.staff.branch_id, []).append(r)
    for m in rms:
        by_rm.setdefault(m.staff.branch_id, []).append(m)
    out = []
    for b in branches:
        refs, ms = by_ref.get(b.id, []), by_rm.get(b.id, [])
        monthly = any(r.previous is not None for r in refs) or any(m.previous is not None for m in ms)
        out.append(BranchLine(
            b, ReferrerFigures.total(r.figures for r in refs), RmFigures.total(m.figures for m in ms),
            ReferrerFigures.total(r.previous for r in refs if r.previous is not None) if monthly else None,
            RmFigures.total(m.previous for m in ms if m.previous is not None) if monthly else None,
        ))
    return tuple(out)

# --- end of the per-branch breakdown ---------------------------------------------------------------


# --- periods --------------------------------------------------------------------

def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the ISO week holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def previous_month(first: dt.date) -> tuple[dt.date, dt.date]:
    return month_of(first - dt.timedelta(days=1))


def period_of(kind: Kind | str, day: dt.date) -> tuple[dt.date, dt.date]:
    kind = _kind(kind)
    if kind is Kind.DAILY:
        return day, day
    if kind is Kind.WEEKLY:
        return week_of(day)
    return month_of(day)


def _kind(kind: Kind | str) -> Kind:
    try:
        return Kind(kind)
    except ValueError:
        raise ValidationError([FieldProblem("kind", f"{kind}: daily / weekly / monthly")]) from None


# --- the queries ----------------------------------------------------------------

def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _in_range(column: Any, lo: dt.datetime, hi: dt.datetime) -> ColumnElement[bool]:
    return and_(column >= lo, column < hi)


def _grouped(s: Session, q: Executable) -> dict[Key, tuple[int, ...]]:
    """Run a query whose first two columns are (branch id, staff id) and the rest counts."""
    return {(int(row[0]), int(row[1])): tuple(int(v or 0) for v in row[2:]) for row in s.execute(q)}


def _referrer_figures(s: Session, branch_id: int | None, start: dt.date, end: dt.date) -> dict[Key, ReferrerFigures]:
    live = Referral.voided_at.is_(None)
    # The follow-up is asked per referral (its unique referral_id index) rather than outer-joined: with
    # every branch's month to count, the join made the planner hash all follow-ups of all time
    # (docs/row-level-security.md "Cost").
    converted = or_(
        exists().where(FollowUp.referral_id == Referral.id, FollowUp.state == FollowUpState.CONVERTED),
        and_(Referral.status == ReferralStatus.REFERRED, Referral.deal.is_(True)),
    )
    q = (
        select(
            Referral.branch_id, Referral.referrer_id,
            _count_if(live),
            _count_if(and_(live, Referral.status == ReferralStatus.REFERRED)),
            _count_if(and_(live, Referral.status == ReferralStatus.PENDING)),
            _count_if(Referral.voided_at.is_not(None)),
            *(_count_if(and_(live, Referral.client_type == t)) for t in CLIENT_TYPE_COLUMNS),
            _count_if(and_(live, Referral.met.is_(True))),
            _count_if(and_(live, Referral.deal.is_(True))),
            _count_if(and_(live, converted)),
        )
        .where(Referral.business_date >= start, Referral.business_date <= end)
        .group_by(Referral.branch_id, Referral.referrer_id)
    )
    if branch_id is not None:
        q = q.where(Referral.branch_id == branch_id)
    return {k: ReferrerFigures(*v) for k, v in _grouped(s, q).items()}


def _rm_figures(s: Session, branch_id: int | None, start: dt.date, end: dt.date,
                overdue_before: dt.date) -> dict[Key, RmFigures]:
    lo, hi = local_midnight_utc(start), local_midnight_utc(end + dt.timedelta(days=1))
    # A follow-up counts unless its referral was voided (an own follow-up has none and counts). Asked as
    # NOT EXISTS, not an outer join: for every branch's month the join hashed every referral of all time,
    # the anti-join only the voided ones (docs/row-level-security.md "Cost").
    live = ~exists().where(Referral.id == FollowUp.referral_id, Referral.voided_at.is_not(None))

    received_live = Referral.voided_at.is_(None)
    received = (
        select(Referral.branch_id, Referral.rm_id, _count_if(received_live),
               _count_if(and_(received_live, Referral.status == ReferralStatus.REFERRED, Referral.met.is_(True))))
        .where(Referral.business_date >= start, Referral.business_date <= end)
        .group_by(Referral.branch_id, Referral.rm_id)
    )
    opened = (
        select(FollowUp.branch_id, FollowUp.rm_id, func.count())
        .where(_in_range(FollowUp.opened_at, lo, hi), live)
        .group_by(FollowUp.branch_id, FollowUp.rm_id)
    )
    # Contacts and appointments are counted for the staff member's own branch: reached through
    # the staff table, a branch's few people lead straight into the (staff, time) indexes instead
    # of walking every follow-up the branch ever had.
    contacts = (
        select(Staff.branch_id, ContactAttempt.staff_id, func.count())
        .join(Staff, Staff.id == ContactAttempt.staff_id)
        .where(_in_range(ContactAttempt.at, lo, hi))
        .group_by(Staff.branch_id, ContactAttempt.staff_id)
    )
    appointments = (
        select(Staff.branch_id, Appointment.rm_id, func.count())
        .join(Staff, Staff.id == Appointment.rm_id)
        # A moved appointment's new row is the same meeting, not another one booked (docs/diary.md).
        .where(_in_range(Appointment.created_at, lo, hi), Appointment.moved_from_id.is_(None))
        .group_by(Staff.branch_id, Appointment.rm_id)
    )
    closed = (
        select(FollowUp.branch_id, FollowUp.rm_id,
               _count_if(FollowUp.state == FollowUpState.CONVERTED),
               _count_if(FollowUp.state == FollowUpState.NOT_PREMIUM),
               _count_if(FollowUp.state == FollowUpState.ABANDONED))
        .where(_in_range(FollowUp.closed_at, lo, hi), live,
               FollowUp.state.in_([FollowUpState.CONVERTED, FollowUpState.NOT_PREMIUM, FollowUpState.ABANDONED]))
        .group_by(FollowUp.branch_id, FollowUp.rm_id)
    )
    # Through the RMs, too: the queue index (rm, state, next contact date) holds exactly these rows.
    overdue = (
        select(Staff.branch_id, FollowUp.rm_id, func.count())
        .join(Staff, Staff.id == FollowUp.rm_id)
        .where(FollowUp.state.in_([FollowUpState.OPEN, FollowUpState.APPOINTED]),
               FollowUp.next_contact_date < overdue_before)
        .group_by(Staff.branch_id, FollowUp.rm_id)
    )
    if branch_id is not None:
        received = received.where(Referral.branch_id == branch_id)
        opened = opened.where(FollowUp.branch_id == branch_id)
        contacts = contacts.where(Staff.branch_id == branch_id)
        appointments = appointments.where(Staff.branch_id == branch_id)
        closed = closed.where(FollowUp.branch_id == branch_id)
        overdue = overdue.where(Staff.branch_id == branch_id)

    parts = [  # (grouped counts, the RmFigures fields they fill, in order)
        (_grouped(s, received), ("received", "met_on_spot")),
        (_grouped(s, opened), ("follow_ups_opened",)),
        (_grouped(s, contacts), ("contacts",)),
        (_grouped(s, appointments), ("appointments",)),
        (_grouped(s, closed), ("converted", "not_premium", "abandoned")),
        (_grouped(s, overdue), ("overdue",)),
    ]
    merged: dict[Key, dict[str, int]] = {}
    for counts, names in parts:
        for key, values in counts.items():
            merged.setdefault(key, {}).update(zip(names, values, strict=True))
    return {key: RmFigures(**values) for key, values in merged.items()}


def _closed_days(s: Session, branch_id: int | None, start: dt.date, end: dt.date, branches: int) -> ClosedInfo:
    q = select(func.count()).select_from(DayClose).where(
        DayClose.closed.is_(True), DayClose.business_date >= start, DayClose.business_date <= end)
    if branch_id is not None:
        q = q.where(DayClose.branch_id == branch_id)
    return ClosedInfo(int(s.scalar(q) or 0), ((end - start).days + 1) * branches)


def _staff_lines(s: Session, branch_id: int | None, codes: dict[int, str], wanted: set[Key],
                 listed: ColumnElement[bool]) -> list[StaffLine]:
    """The staff ``listed`` by the rule of the table, plus everyone in ``wanted`` (has figures)."""
    cols = (Staff.id, Staff.branch_id, Staff.staff_no, Staff.name, Staff.role, Staff.active)
    q = select(*cols).where(listed)
    if branch_id is not None:
        q = q.where(Staff.branch_id == branch_id)
    by_id: dict[int, tuple[Any, ...]] = {}
    keys: set[Key] = set()
    for row in s.execute(q):
        by_id[row[0]] = tuple(row)
        if row[1] is not None:  # the head office belongs to no branch and is never listed
            keys.add((row[1], row[0]))
    missing = sorted({staff_id for _, staff_id in wanted} - by_id.keys())
    for i in range(0, len(missing), 500):  # bounded IN lists: both engines cap bound parameters
        for row in s.execute(select(*cols).where(Staff.id.in_(missing[i:i + 500]))):
            by_id[row[0]] = tuple(row)
    keys |= {k for k in wanted if k[1] in by_id}
    lines = []
    for bid, sid in keys:
        _, _, staff_no, name, role, active = by_id[sid]
        lines.append(StaffLine(bid, codes.get(bid, "?"), sid, staff_no, name, Role(role), bool(active)))
    lines.sort(key=lambda ln: (ln.branch_code, ln.staff_no))
    return lines


@dataclass(frozen=True)
class _Period:
    referrers: dict[Key, ReferrerFigures]
    rms: dict[Key, RmFigures]
    closed: ClosedInfo


def _period(s: Session, branch_id: int | None, start: dt.date, end: dt.date, branches: int,
            today: dt.date) -> _Period:
    return _Period(_referrer_figures(s, branch_id, start, end),
                   _rm_figures(s, branch_id, start, end, min(end, today)),
                   _closed_days(s, branch_id, start, end, branches))


# --- diversions of ordinary clients (docs/diversion.md): a block of its own -------------

@dataclass(frozen=True)
class DiversionRow:
    """One staff member's ordinary clients guided to self-service or the counter in the period."""

    staff: StaffLine
    self_service: int
    counter: int

    @property
    def total(self) -> int:
        return self.self_service + self.counter


@dataclass(frozen=True)
class DiversionSection:
    """Every staff member who diverted a client in the period (by staff number), and the totals."""

    rows: tuple[DiversionRow, ...]

    @property
    def self_service(self) -> int:
        return sum(r.self_service for r in self.rows)

    @property
    def counter(self) -> int:
        return sum(r.counter for r in self.rows)

    @property
    def total(self) -> int:
        return self.self_service + self.counter


def _diversion_section(s: Session, branch_id: int | None, codes: dict[int, str], start: dt.date,
                       end: dt.date) -> DiversionSection:
    from services.diversion import counts_in

    counts = counts_in(s, branch_id, start, end)
    lines = _staff_lines(s, branch_id, codes, set(counts), false())
    return DiversionSection(tuple(
        DiversionRow(ln, counts[(ln.branch_id, ln.staff_id)].self_service, counts[(ln.branch_id, ln.staff_id)].counter)
        for ln in lines))
# --- account-closure retention (docs/retention.md): the monthly sheet's per-RM section ------------

@dataclass(frozen=True)
class RetentionLine:
    """One RM's retention records flagged in the month and their results; ``staff`` None: clients with
    no RM when flagged (their branch's code in ``branch_code``)."""

    staff: StaffLine | None
    branch_code: str
    counts: RetentionCounts


def _retention_lines(s: Session, branch_id: int | None, codes: dict[int, str], start: dt.date,
                     end: dt.date) -> tuple[RetentionLine, ...]:
    """Every active RM (zeros included) and anyone else with records, then the records without an RM."""
    counted = counts_by_rm(s, branch_id, start, end)
    by_key = {(c.branch_id, c.rm_id): c.counts for c in counted}
    wanted = {(c.branch_id, c.rm_id) for c in counted if c.rm_id is not None}
    listed = and_(Staff.active.is_(True), Staff.role == Role.RM)
    lines = [RetentionLine(ln, ln.branch_code, by_key.get((ln.branch_id, ln.staff_id), RetentionCounts()))
             for ln in _staff_lines(s, branch_id, codes, wanted, listed)]
    lines += [RetentionLine(None, codes.get(c.branch_id, "?"), c.counts) for c in counted if c.rm_id is None]
    return tuple(lines)


def build_sheet(db: Database, actor: Actor, kind: Kind | str, day: dt.date, *, all_branches: bool = False) -> Sheet:
    """The figures of one sheet: ``day`` is any day of the period."""
    # Every branch's sheet is the head office's, which has no branch sheet of its own (docs/head-office.md).
    require(actor, Action.REPORT_ALL_BRANCHES if all_branches else Action.REPORT_EXPORT)
    kind = _kind(kind)
    start, end = period_of(kind, day)
    branch_id = None if all_branches else actor.home_branch
    with db.read() as s:
        if db.dialect == "postgresql":
            # One snapshot for every query, so the tables and totals agree while RMs keep working.
            s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        branch_rows = s.execute(select(Branch.id, Branch.code, Branch.name).order_by(Branch.code)).all()
        if branch_id is None:
            branch = None
            branches = len(branch_rows)
        else:
            match = [BranchInfo(bid, code, name) for bid, code, name in branch_rows if bid == branch_id]
            if not match:
                raise ValidationError([FieldProblem("branch", str(branch_id))])
            branch, branches = match[0], 1
        now = _period(s, branch_id, start, end, branches, db.today())
        # The complaint and retention sections are a branch's monthly sheet's: both are counted from
        # client records, which the head office's database role may not read (docs/head-office.md).
        per_branch_month = kind is Kind.MONTHLY and branch_id is not None
        # --- complaints section: counts by kind and timeliness, in the same snapshot ---
        complaint_month = complaints.month_counts(s, branch_id, start, db.today()) if per_branch_month else None
        before: _Period | None = None
        prev_range: tuple[dt.date, dt.date] | None = None
        if kind is Kind.MONTHLY:
            prev_range = previous_month(start)
            before = _period(s, branch_id, *prev_range, branches, db.today())

        referrer_keys = set(now.referrers) | (set(before.referrers) if before else set())
        rm_keys = set(now.rms) | (set(before.rms) if before else set())
        listed_referrers = and_(Staff.active.is_(True), Staff.role.not_in([Role.ADMIN, Role.HEAD_OFFICE]))
        listed_rms = and_(Staff.active.is_(True), Staff.role == Role.RM)
        codes = {bid: code for bid, code, _ in branch_rows}
        referrer_lines = _staff_lines(s, branch_id, codes, referrer_keys, listed_referrers)
        rm_lines = _staff_lines(s, branch_id, codes, rm_keys, listed_rms)
        diversions = _diversion_section(s, branch_id, codes, start, end)
        retention_lines = _retention_lines(s, branch_id, codes, start, end) if per_branch_month else None

    zero_ref, zero_rm = ReferrerFigures(), RmFigures()
    referrers = tuple(
        ReferrerRow(ln, now.referrers.get((ln.branch_id, ln.staff_id), zero_ref),
                    before.referrers.get((ln.branch_id, ln.staff_id), zero_ref) if before else None)
        for ln in referrer_lines)
    rms = tuple(
        RmRow(ln, now.rms.get((ln.branch_id, ln.staff_id), zero_rm),
              before.rms.get((ln.branch_id, ln.staff_id), zero_rm) if before else None)
        for ln in rm_lines)
    previous = None
    if before is not None and prev_range is not None:
        previous = PreviousPeriod(
            prev_range[0], prev_range[1],
            ReferrerFigures.total(r.previous for r in referrers if r.previous is not None),
            RmFigures.total(r.previous for r in rms if r.previous is not None),
            before.closed,
        )
    return Sheet(
        kind=kind, period_start=start, period_end=end, branch=branch, branch_count=branches,
        referrers=referrers, rms=rms,
        referrer_totals=ReferrerFigures.total(r.figures for r in referrers),
        rm_totals=RmFigures.total(r.figures for r in rms),
        closed=now.closed, generated_at=db.now(), generated_by=actor.name, generated_by_no=actor.staff_no,
        previous=previous, diversions=diversions, retention=retention_lines,
        complaints=complaint_month,
        branches=branch_lines([BranchInfo(*b) for b in branch_rows], referrers, rms) if branch is None else (),
    )


def daily(db: Database, actor: Actor, day: dt.date, all_branches: bool = False) -> Sheet:
    return build_sheet(db, actor, Kind.DAILY, day, all_branches=all_branches)


def weekly(db: Database, actor: Actor, day: dt.date, all_branches: bool = False) -> Sheet:
    """The ISO week (Monday–Sunday) that holds ``day``."""
    return build_sheet(db, actor, Kind.WEEKLY, day, all_branches=all_branches)


def monthly(db: Database, actor: Actor, first_of_month: dt.date, all_branches: bool = False) -> Sheet:
    """The month of ``first_of_month`` (any day of it will do), beside the previous month."""
    return build_sheet(db, actor, Kind.MONTHLY, first_of_month, all_branches=all_branches)


__all__ = [
    "CLIENT_TYPE_COLUMNS", "BranchLine", "ClosedInfo", "DiversionRow", "DiversionSection", "Kind", "PreviousPeriod",
    "ReferrerFigures", "ReferrerRow", "RmFigures", "RmRow", "Sheet", "StaffLine", "branch_lines", "build_sheet",
    "daily", "month_of", "monthly", "period_of", "previous_month", "week_of", "weekly",
]
__all__ += ["RetentionLine"]  # account-closure retention (docs/retention.md)
