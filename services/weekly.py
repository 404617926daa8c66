"""The RM's weekly progress summary (每周工作进度汇总表) and the supervisor's branch roll-up.

The rules — what each figure counts, when a summary is late, who reads the findings, which
amounts appear where — are in docs/weekly.md; the short version is in docs/product.md
"Management".
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, Self

from sqlalchemy import ColumnElement, Numeric, and_, case, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import (
    Appointment,
    AppointmentStatus,
    Branch,
    ContactAttempt,
    ContactChannel,
    FollowUp,
    FollowUpState,
    Referral,
    Role,
    Staff,
    WeeklySummary,
)
from services import audit
from services import validation as v
from services.accounts import BranchInfo
from services.db import BRANCH_TZ, Database, local_midnight_utc, retrying
from services.errors import FieldProblem, NotFound, PermissionDenied, ValidationError
from services.i18n import msg
from services.permissions import Action, Actor, require
from services.saving import when

log = logging.getLogger("lobbydesk.weekly")

# Due by Friday 17:30 branch time of the week itself (seed 003: 每周五下午五点半以前).
DUE_WEEKDAY = 4  # Monday is 0
DUE_TIME = dt.time(17, 30)
FINDINGS_MAX = 2000
CENT = Decimal("0.01")
# An appointment that took place (the diary marks it held: docs/diary.md).
HELD_STATUSES: tuple[AppointmentStatus, ...] = (AppointmentStatus.HELD,)
_CLOSED = (FollowUpState.CONVERTED, FollowUpState.NOT_PREMIUM, FollowUpState.ABANDONED)
_OPEN = (FollowUpState.OPEN, FollowUpState.APPOINTED)


class SummaryState(StrEnum):
    NOT_SUBMITTED = "not_submitted"  # not yet, and Friday 17:30 has not passed
    MISSING = "missing"  # not submitted and past due
    ON_TIME = "on_time"
    LATE = "late"


@dataclass(frozen=True)
class WeekFigures:
    """One RM's week in numbers; the field order is the column order of every table."""

    contacts_phone: int = 0
    contacts_sms: int = 0
    contacts_email: int = 0
    contacts_letter: int = 0
    contacts_visit: int = 0
    appointments_made: int = 0
    appointments_held: int = 0
    converted: int = 0
    not_premium: int = 0
    abandoned: int = 0
    met: int = 0
    deals: int = 0
    deal_amount: Decimal = Decimal("0.00")  # the sum of the RM's deals, never one client's amount
    overdue: int = 0

    @property
    def contacts(self) -> int:
        return (self.contacts_phone + self.contacts_sms + self.contacts_email + self.contacts_letter
                + self.contacts_visit)

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def values(self) -> tuple[int | Decimal, ...]:
        return tuple(getattr(self, n) for n in self.names())

    def to_json(self) -> dict[str, Any]:
        return {n: (str(val) if isinstance(val, Decimal) else val) for n, val in zip(self.names(), self.values(),
                                                                                    strict=True)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Self:
        known = set(cls.names())
        kw: dict[str, Any] = {k: val for k, val in data.items() if k in known}
        if "deal_amount" in kw:
            kw["deal_amount"] = Decimal(str(kw["deal_amount"]))
        return cls(**kw)

    @classmethod
    def total(cls, items: Iterable[WeekFigures]) -> Self:
        sums: dict[str, Any] = {}
        for item in items:
            for n, val in zip(cls.names(), item.values(), strict=True):
                sums[n] = sums.get(n, 0) + val
        if "deal_amount" in sums:
            sums["deal_amount"] = Decimal(sums["deal_amount"]).quantize(CENT)
        return cls(**sums)


@dataclass(frozen=True)
class WeekView:
    """One RM's summary for one week, as the weekly summary page shows it."""

    rm_id: int
    rm_staff_no: str
    rm_name: str
    week_start: dt.date
    week_end: dt.date
    due_at: dt.datetime
    figures: WeekFigures  # as submitted, or as recorded so far while not submitted
    state: SummaryState
    findings: str | None
    submitted_at: dt.datetime | None
    can_submit: bool  # the viewer may submit it now (the RM's own week, not yet submitted)
    summary_id: int | None = None


@dataclass(frozen=True)
class RmWeek:
    """One line of the supervisor's roll-up: who, the figures, on time / late / missing, the findings."""

    staff_id: int
    staff_no: str
    name: str
    active: bool
    figures: WeekFigures
    state: SummaryState
    findings: str | None
    submitted_at: dt.datetime | None


@dataclass(frozen=True)
class BranchWeek:
    branch: BranchInfo
    week_start: dt.date
    week_end: dt.date
    due_at: dt.datetime
    rows: tuple[RmWeek, ...]
    totals: WeekFigures
    generated_at: dt.datetime
    generated_by: str
    generated_by_no: str

    def count(self, state: SummaryState) -> int:
        return sum(1 for r in self.rows if r.state == state)


# --- weeks ------------------------------------------------------------------------------

def week_start(day: dt.date) -> dt.date:
    """The Monday of the ISO week holding ``day``."""
    return day - dt.timedelta(days=day.weekday())


def due_at(monday: dt.date) -> dt.datetime:
    """Friday 17:30 branch time of the week starting ``monday``."""
    return dt.datetime.combine(monday + dt.timedelta(days=DUE_WEEKDAY), DUE_TIME, BRANCH_TZ)


def _state(row: WeeklySummary | None, now: dt.datetime, monday: dt.date) -> SummaryState:
    if row is None:
        return SummaryState.MISSING if now > due_at(monday) else SummaryState.NOT_SUBMITTED
    return SummaryState.LATE if row.late else SummaryState.ON_TIME


# --- the figures --------------------------------------------------------------------------

def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _in_week(column: Any, lo: dt.datetime, hi: dt.datetime) -> ColumnElement[bool]:
    return and_(column >= lo, column < hi)


def _figures(s: Session, branch_id: int, rm_ids: Sequence[int], monday: dt.date,
             today: dt.date) -> dict[int, WeekFigures]:
    """The recorded work of ``rm_ids`` in the week from ``monday``: a handful of grouped queries."""
    if not rm_ids:
        return {}
    sunday = monday + dt.timedelta(days=6)
    lo, hi = local_midnight_utc(monday), local_midnight_utc(monday + dt.timedelta(days=7))
    ids = list(rm_ids)
    live = Referral.voided_at.is_(None)  # outer-joined: an own follow-up has no referral and counts
    out: dict[int, dict[str, Any]] = {i: {} for i in ids}

    channel_field = {ch: f"contacts_{ch.value}" for ch in ContactChannel}
    for staff_id, channel, n in s.execute(
        select(ContactAttempt.staff_id, ContactAttempt.channel, func.count())
        .where(ContactAttempt.staff_id.in_(ids), _in_week(ContactAttempt.at, lo, hi))
        .group_by(ContactAttempt.staff_id, ContactAttempt.channel)
    ):
        out[staff_id][channel_field[ContactChannel(channel)]] = int(n)
    # Made and held in two queries, each read through its own (rm, time) index.
    for rm_id, n in s.execute(
        select(Appointment.rm_id, func.count())
        .where(Appointment.rm_id.in_(ids), _in_week(Appointment.created_at, lo, hi))
        .group_by(Appointment.rm_id)
    ):
        out[rm_id]["appointments_made"] = int(n)
    for rm_id, n in s.execute(
        select(Appointment.rm_id, func.count())
        .where(Appointment.rm_id.in_(ids), _in_week(Appointment.at, lo, hi), Appointment.status.in_(HELD_STATUSES))
        .group_by(Appointment.rm_id)
    ):
        out[rm_id]["appointments_held"] = int(n)
    for rm_id, conv, not_prem, aband in s.execute(
        select(FollowUp.rm_id, _count_if(FollowUp.state == FollowUpState.CONVERTED),
               _count_if(FollowUp.state == FollowUpState.NOT_PREMIUM),
               _count_if(FollowUp.state == FollowUpState.ABANDONED))
        .outerjoin(Referral, Referral.id == FollowUp.referral_id)
        .where(FollowUp.branch_id == branch_id, FollowUp.rm_id.in_(ids), _in_week(FollowUp.closed_at, lo, hi),
               FollowUp.state.in_(_CLOSED), live)
        .group_by(FollowUp.rm_id)
    ):
        out[rm_id].update(converted=int(conv), not_premium=int(not_prem), abandoned=int(aband))
    deal = and_(live, Referral.deal.is_(True))
    amount = func.coalesce(func.sum(case((deal, Referral.outcome_amount), else_=0)), 0)
    for rm_id, met, deals, total in s.execute(
        select(Referral.rm_id, _count_if(and_(live, Referral.met.is_(True))), _count_if(deal),
               amount.cast(Numeric(18, 2)))
        .where(Referral.branch_id == branch_id, Referral.rm_id.in_(ids),
               Referral.business_date >= monday, Referral.business_date <= sunday)
        .group_by(Referral.rm_id)
    ):
        out[rm_id].update(met=int(met), deals=int(deals), deal_amount=Decimal(str(total or 0)).quantize(CENT))
    # Open at the week's end (Sunday 23:59): opened before it and not closed before it, and due
    # before Sunday — as the queue marks overdue on that day; while the week runs, before today.
    # Two parts, each on an index of its own: those open now (the queue's index, never the closed
    # history) and those closed since the week ended (the closing-time index).
    overdue_before = min(sunday, today)
    due = and_(FollowUp.opened_at < hi, FollowUp.next_contact_date < overdue_before)
    for rm_id, n in s.execute(
        select(FollowUp.rm_id, func.count())
        .where(FollowUp.rm_id.in_(ids), FollowUp.state.in_(_OPEN), FollowUp.branch_id == branch_id, due)
        .group_by(FollowUp.rm_id)
    ):
        out[rm_id]["overdue"] = int(n)
    for rm_id, n in s.execute(
        select(FollowUp.rm_id, func.count())
        .where(FollowUp.branch_id == branch_id, FollowUp.closed_at >= hi, FollowUp.rm_id.in_(ids),
               FollowUp.state.in_(_CLOSED), due)
        .group_by(FollowUp.rm_id)
    ):
        out[rm_id]["overdue"] = out[rm_id].get("overdue", 0) + int(n)
    return {rm_id: WeekFigures(**kw) for rm_id, kw in out.items()}


# --- who may read whom --------------------------------------------------------------------

def _load_rm(s: Session, actor: Actor, rm_id: int) -> Staff:
    """The RM whose week ``actor`` asks for: their own (an RM), any of the branch (the supervisor)."""
    require(actor, Action.WEEKLY_VIEW)
    staff = s.get(Staff, rm_id)
    if staff is None or staff.branch_id != actor.branch_id:
        raise NotFound("staff", rm_id)  # another branch's people are not even confirmed to exist
    if actor.role != Role.SUPERVISOR and staff.id != actor.staff_id:
        raise PermissionDenied(f"{Action.WEEKLY_VIEW.value} (another RM's week)", actor.role)
    return staff


def _summary_row(s: Session, rm_id: int, monday: dt.date) -> WeeklySummary | None:
    return s.scalar(select(WeeklySummary).where(WeeklySummary.rm_id == rm_id, WeeklySummary.week_start == monday))


def _view(db: Database, actor: Actor, staff: Staff, monday: dt.date, row: WeeklySummary | None,
          live: WeekFigures) -> WeekView:
    figures = WeekFigures.from_json(row.figures) if row is not None else live
    own = actor.role == Role.RM and staff.id == actor.staff_id
    return WeekView(
        rm_id=staff.id, rm_staff_no=staff.staff_no, rm_name=staff.name,
        week_start=monday, week_end=monday + dt.timedelta(days=6), due_at=due_at(monday),
        figures=figures, state=_state(row, db.now(), monday),
        findings=row.findings if row is not None else None,
        submitted_at=row.submitted_at if row is not None else None,
        can_submit=own and row is None and monday <= week_start(db.today()),
        summary_id=row.id if row is not None else None,
    )


# --- the use cases ----------------------------------------------------------------------------

def figures(db: Database, actor: Actor, rm_id: int, week: dt.date) -> WeekFigures:
    """The week's figures as recorded now (``week``: any day of it)."""
    monday = week_start(week)
    with db.read() as s:
        staff = _load_rm(s, actor, rm_id)
        return _figures(s, staff.home_branch_id, [staff.id], monday, db.today())[staff.id]


def summary(db: Database, actor: Actor, rm_id: int, week: dt.date) -> WeekView:
    """One RM's week: the figures (as submitted once submitted), the state and the findings."""
    monday = week_start(week)
    with db.read() as s:
        staff = _load_rm(s, actor, rm_id)
        row = _summary_row(s, staff.id, monday)
        live = WeekFigures() if row is not None else _figures(s, staff.home_branch_id, [staff.id], monday,
                                                              db.today())[staff.id]
        return _view(db, actor, staff, monday, row, live)


def _already_submitted(db: Database, rm_id: int, monday: dt.date) -> ValidationError:
    with db.read() as s:
        at = s.scalar(select(WeeklySummary.submitted_at).where(WeeklySummary.rm_id == rm_id,
                                                                WeeklySummary.week_start == monday))
    return ValidationError([FieldProblem("findings", msg("weekly_already_submitted", at=when(at)))])


@retrying
def submit(db: Database, actor: Actor, week: dt.date, findings: str | None) -> WeekView:
    """The RM submits their own week with findings and suggestions; once only (docs/weekly.md).

    Later than Friday 17:30 branch time of that week it is marked late. A second submission
    — also one racing the first from another workstation — is refused beside the findings.
    """
    require(actor, Action.WEEKLY_SUBMIT)
    assert actor.staff_id is not None  # the command line holds no weekly summary permission
    monday = week_start(week)
    problems = v.Problems()
    if monday > week_start(db.today()):
        problems.add("week", "weekly_future_week")
    text = problems.run(lambda: v.clean_text("findings", findings, max_len=FINDINGS_MAX, required=True,
                                             multiline=True))
    problems.raise_if_any()
    assert text is not None
    try:
        with db.write() as s:
            staff = _load_rm(s, actor, actor.staff_id)
            if _summary_row(s, staff.id, monday) is not None:
                raise _AlreadySubmitted()
            live = _figures(s, staff.home_branch_id, [staff.id], monday, db.today())[staff.id]
            now = db.now()
            row = WeeklySummary(branch_id=staff.branch_id, rm_id=staff.id, week_start=monday, findings=text,
                                figures=live.to_json(), submitted_at=now, submitted_by_id=actor.staff_id,
                                late=now > due_at(monday))
            s.add(row)
            s.flush()  # the unique (RM, week) index: a concurrent submission fails here or at commit
            audit.record(s, db, actor, "submit", "weekly_summary", row.id,
                         f"week={monday.isoformat()} late={int(row.late)}")
            view = _view(db, actor, staff, monday, row, live)
    except (_AlreadySubmitted, IntegrityError):
        raise _already_submitted(db, actor.staff_id, monday) from None
    log.info("weekly summary %s submitted (late=%s)", monday, view.state is SummaryState.LATE)
    return view


class _AlreadySubmitted(Exception):
    """Inside the unit of work: found the week already submitted (turned into the refusal outside)."""


def branch_week(db: Database, actor: Actor, week: dt.date) -> BranchWeek:
    """Every RM's summary of the branch for one week: the supervisor's roll-up.

    Listed: every active RM of the branch, and anyone else with a summary that week (an RM
    since deactivated), ordered by staff id.
    """
    require(actor, Action.WEEKLY_BRANCH)
    monday = week_start(week)
    now = db.now()
    with db.read() as s:
        if db.dialect == "postgresql":
            # One snapshot for every query, so the rows and the totals agree while RMs keep working.
            s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        branch = s.get(Branch, actor.branch_id)
        if branch is None:
            raise NotFound("branch", actor.branch_id)
        summaries = {row.rm_id: row for row in s.scalars(
            select(WeeklySummary).where(WeeklySummary.branch_id == actor.branch_id,
                                        WeeklySummary.week_start == monday))}
        people = list(s.scalars(
            select(Staff).where(Staff.branch_id == actor.branch_id,
                                or_(and_(Staff.role == Role.RM, Staff.active.is_(True)),
                                    Staff.id.in_(list(summaries) or [-1])))
            .order_by(Staff.staff_no)))
        live = _figures(s, actor.home_branch, [p.id for p in people if p.id not in summaries], monday, db.today())
        rows = []
        for p in people:
            row = summaries.get(p.id)
            figs = WeekFigures.from_json(row.figures) if row is not None else live[p.id]
            rows.append(RmWeek(p.id, p.staff_no, p.name, bool(p.active), figs, _state(row, now, monday),
                               row.findings if row is not None else None,
                               row.submitted_at if row is not None else None))
        info = BranchInfo(branch.id, branch.code, branch.name)
    return BranchWeek(info, monday, monday + dt.timedelta(days=6), due_at(monday), tuple(rows),
                      WeekFigures.total(r.figures for r in rows), now, actor.name, actor.staff_no)


def export_rollup(db: Database, actor: Actor, week: dt.date, out: Path) -> Path:
    """The branch's roll-up for the week as PDF or .xlsx (by ``out``'s suffix), written atomically, audited."""
    from services.reports import weekly_rollup as R
    from services.reports import write_atomically

    require(actor, Action.WEEKLY_BRANCH)
    out = Path(out).expanduser().absolute()
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError([FieldProblem("out", msg("weekly_out_suffix"))])
    if not out.parent.is_dir():
        raise ValidationError([FieldProblem("out", msg("weekly_out_dir", dir=out.parent))])
    week_data = branch_week(db, actor, week)
    render = R.render_pdf if suffix == ".pdf" else R.render_xlsx
    write_atomically(out, lambda fh: render(week_data, fh))
    with db.write() as s:
        audit.record(s, db, actor, "export", "weekly_summary", None,
                     f"week={week_data.week_start.isoformat()} format={suffix[1:]} rows={len(week_data.rows)}")
    log.info("exported the weekly roll-up of %s (%s)", week_data.week_start, suffix[1:])
    return out


__all__ = [
    "DUE_TIME", "FINDINGS_MAX", "BranchWeek", "RmWeek", "SummaryState", "WeekFigures", "WeekView",
    "branch_week", "due_at", "export_rollup", "figures", "submit", "summary", "week_start",
]
