"""The RM's work diary (客户经理工作日志) and week plan of visits and calls (docs/diary.md).

``day`` reads one RM's day: what was planned (follow-ups due, appointments,
planned visits and calls) against what was done (contacts made, meetings held,
outcomes recorded). ``week_plan`` and the plan functions keep next week's
visits and calls; ``propose`` suggests them from the branch's rule (seed 000:
the most valuable clients a visit a month and a call a week).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import (
    Appointment,
    AppointmentStatus,
    Branch,
    Client,
    ContactAttempt,
    ContactChannel,
    ContactPlan,
    ContactResult,
    FollowUp,
    FollowUpState,
    MaintenanceRecord,
    PlanKind,
    Referral,
    Role,
    Staff,
    Tier,
)
from services import appointments, audit
from services import validation as v
from services.db import Database, local_date, local_midnight_utc, retrying
from services.errors import FieldProblem, NotFound, PermissionDenied, ValidationError
from services.i18n import msg
from services.masking import Kind, mask
from services.permissions import Action, Actor, allowed, require
from services.saving import expect_version, save

log = logging.getLogger("lobbydesk.diary")

# At most this many due follow-ups are listed on one day; the rest are counted (``DiaryDay.more_due``).
DUE_LIST_MAX = 200
PLAN_NOTE_MAX = 200
PROPOSAL_MAX = 100
CLIENT_CHOICES_MAX = 500
OPEN_STATES = (FollowUpState.OPEN, FollowUpState.APPOINTED)

# The plan rule (docs/diary.md "Visit and call plans"): for each tier, how many days may pass
# without a call / a visit before one is proposed. It is the branch's maintenance plans
# (docs/maintenance.md "Plans": seed 000's core rule, a visit a month and a call a week, and the
# others), read through ``plan_rule`` so the diary and the maintenance-due list keep one rule.


def plan_rule(s: Session, branch_id: int) -> dict[Tier, dict[PlanKind, int]]:
    """The branch's plans as the diary proposes from them: tiers with at least one plan, days per kind."""
    from services.maintenance import Due, plans_for

    kinds = {Due.CALL: PlanKind.CALL, Due.VISIT: PlanKind.VISIT}
    rule = {tier: {kinds[what]: days for what, days in entries.items() if days is not None}
            for tier, entries in plans_for(s, branch_id).items()}
    return {tier: kinds_ for tier, kinds_ in rule.items() if kinds_}


class ItemKind(StrEnum):
    PLANNED_CONTACT = "planned_contact"
    APPOINTMENT = "appointment"
    PLANNED_VISIT = "planned_visit"
    PLANNED_CALL = "planned_call"
    DONE_CONTACT = "done_contact"
    OUTCOME = "outcome"


_KIND_ORDER = {k: n for n, k in enumerate(ItemKind)}


@dataclass(frozen=True)
class DiaryItem:
    """One line of the day; which fields are filled depends on ``kind``.

    ``done`` is None for what was done without being planned (a contact made,
    an outcome). ``client`` is masked for every viewer (docs/diary.md "Privacy").
    """

    kind: ItemKind
    entity_id: int
    client_id: int
    client: str
    at: dt.datetime | None = None  # UTC; None for a whole-day item
    done: bool | None = None
    version: int | None = None
    due_date: dt.date | None = None  # planned contact
    overdue: bool = False
    status: AppointmentStatus | None = None  # appointment
    place: str | None = None
    purpose: str | None = None
    moved_to: dt.datetime | None = None
    can_hold: bool = False
    can_miss: bool = False
    can_move: bool = False
    channel: ContactChannel | None = None  # done contact
    result: ContactResult | None = None
    note: str | None = None  # planned visit / call
    met: bool | None = None  # outcome
    deal: bool | None = None
    products: str | None = None
    amount: Decimal | None = None


@dataclass(frozen=True)
class Count:
    planned: int
    done: int


@dataclass(frozen=True)
class DiaryDay:
    rm_id: int
    rm_name: str
    rm_staff_no: str
    branch_name: str
    day: dt.date
    items: tuple[DiaryItem, ...]
    follow_ups: Count
    appointments: Count
    visits: Count
    calls: Count
    contacts_made: int
    outcomes: int
    deals: int
    amount_total: Decimal
    more_due: int = 0  # due follow-ups beyond DUE_LIST_MAX, counted but not listed

    @property
    def total(self) -> Count:
        parts = (self.follow_ups, self.appointments, self.visits, self.calls)
        return Count(sum(c.planned for c in parts), sum(c.done for c in parts))


@dataclass(frozen=True)
class PlanRow:
    id: int
    client_id: int
    client: str
    planned_date: dt.date
    kind: PlanKind
    note: str | None
    proposed: bool
    done: bool
    version: int


@dataclass(frozen=True)
class Proposal:
    client_id: int
    client: str
    planned_date: dt.date
    kind: PlanKind
    tier: Tier


@dataclass(frozen=True)
class WeekPlan:
    rm_id: int
    week_start: dt.date
    rows: tuple[PlanRow, ...]
    proposals: tuple[Proposal, ...]
    can_edit: bool


@dataclass(frozen=True)
class ClientChoice:
    id: int
    label: str  # masked


@dataclass(frozen=True)
class RmChoice:
    id: int
    staff_no: str
    name: str


def masked_client(name: str | None, mobile: str | None) -> str:
    """A client as every list shows them: masked name and masked mobile."""
    parts = [mask(name, Kind.NAME), mask(mobile, Kind.MOBILE)]
    return " ".join(p for p in parts if p)


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week (the branch plans Monday to Sunday)."""
    return day - dt.timedelta(days=day.weekday())


# --- who may see whose diary --------------------------------------------------------------

def _rm_of(s: Session, actor: Actor, rm_id: int) -> Staff:
    """The RM whose diary ``actor`` may read: their own, or for the supervisor any RM of the branch."""
    require(actor, Action.DIARY_VIEW)
    rm = s.get(Staff, rm_id)
    if rm is None or rm.branch_id != actor.branch_id:
        raise NotFound("staff", rm_id)
    if rm_id != actor.staff_id and not allowed(actor.role, Action.DIARY_VIEW_BRANCH):
        raise PermissionDenied(f"{Action.DIARY_VIEW.value} (another RM's diary)", actor.role)
    return rm


def rms(db: Database, actor: Actor) -> list[RmChoice]:
    """The RMs whose diary ``actor`` may open: their own, or every active RM of the branch."""
    require(actor, Action.DIARY_VIEW)
    with db.read() as s:
        q = select(Staff).where(Staff.branch_id == actor.branch_id)
        if allowed(actor.role, Action.DIARY_VIEW_BRANCH):
            q = q.where(Staff.role == Role.RM, Staff.active.is_(True))
        else:
            q = q.where(Staff.id == actor.staff_id)
        return [RmChoice(r.id, r.staff_no, r.name) for r in s.scalars(q.order_by(Staff.staff_no))]


# --- the day ------------------------------------------------------------------------------

def day(db: Database, actor: Actor, rm_id: int, on: dt.date) -> DiaryDay:
    """One RM's day: planned against done (docs/diary.md "The day")."""
    start, end = local_midnight_utc(on), local_midnight_utc(on + dt.timedelta(days=1))
    today = db.today()
    with db.read() as s:
        rm = _rm_of(s, actor, rm_id)
        branch_name = s.scalar(select(Branch.name).where(Branch.id == rm.branch_id)) or ""
        items: list[DiaryItem] = []

        # Contacts made that day by this RM (each attempt is one line, and marks its follow-up done).
        attempts = s.execute(
            select(ContactAttempt, FollowUp.client_id, Client.name, Client.mobile)
            .join(FollowUp, FollowUp.id == ContactAttempt.follow_up_id)
            .join(Client, Client.id == FollowUp.client_id)
            .where(ContactAttempt.staff_id == rm.id, ContactAttempt.at >= start, ContactAttempt.at < end)
            .order_by(ContactAttempt.at, ContactAttempt.id)
        ).all()
        contacted = {a.follow_up_id for a, *_ in attempts}
        for a, client_id, name, mobile in attempts:
            items.append(DiaryItem(ItemKind.DONE_CONTACT, a.id, client_id, masked_client(name, mobile), at=a.at,
                                   channel=a.channel, result=a.result))

        # Follow-ups planned for the day: still open and due on or before it, and those contacted that day.
        due_q = (
            select(FollowUp, Client.name, Client.mobile).join(Client, Client.id == FollowUp.client_id)
            .where(FollowUp.rm_id == rm.id, FollowUp.state.in_(OPEN_STATES), FollowUp.next_contact_date <= on,
                   FollowUp.opened_at < end)
        )
        due = list(s.execute(due_q.order_by(FollowUp.next_contact_date, FollowUp.id).limit(DUE_LIST_MAX)).all())
        n_due = s.scalar(select(func.count()).select_from(due_q.with_only_columns(FollowUp.id).subquery())) or 0
        seen = {fu.id for fu, *_ in due}
        extra_ids = contacted - seen
        if extra_ids:
            due += s.execute(
                select(FollowUp, Client.name, Client.mobile).join(Client, Client.id == FollowUp.client_id)
                .where(FollowUp.id.in_(extra_ids)).order_by(FollowUp.id)
            ).all()
        # A due follow-up is done by a contact that day, whoever recorded it (the supervisor may have).
        worked = contacted | set(s.scalars(
            select(ContactAttempt.follow_up_id).where(
                ContactAttempt.follow_up_id.in_([fu.id for fu, *_ in due]),
                ContactAttempt.at >= start, ContactAttempt.at < end).distinct()
        )) if due else contacted
        for fu, name, mobile in due:
            items.append(DiaryItem(ItemKind.PLANNED_CONTACT, fu.id, fu.client_id, masked_client(name, mobile),
                                   done=fu.id in worked, version=fu.version, due_date=fu.next_contact_date,
                                   overdue=fu.next_contact_date is not None and fu.next_contact_date < on
                                   and fu.id not in worked))
        more_due = max(0, n_due - DUE_LIST_MAX)

        # Appointments of the day, and where a moved one went.
        appts = s.execute(
            select(Appointment, Client.name, Client.mobile).join(Client, Client.id == Appointment.client_id)
            .where(Appointment.rm_id == rm.id, Appointment.at >= start, Appointment.at < end)
            .order_by(Appointment.at, Appointment.id)
        ).all()
        moved_ids = [ap.id for ap, *_ in appts if ap.status == AppointmentStatus.MOVED]
        moved_to: dict[int | None, dt.datetime] = {
            r.moved_from_id: r.at for r in s.execute(
                select(Appointment.moved_from_id, Appointment.at).where(Appointment.moved_from_id.in_(moved_ids)))
        } if moved_ids else {}
        may_work = appointments.may_work(actor, rm.id)
        for ap, name, mobile in appts:
            open_ = ap.status == AppointmentStatus.SCHEDULED and may_work
            arrived = local_date(ap.at) <= today
            items.append(DiaryItem(ItemKind.APPOINTMENT, ap.id, ap.client_id, masked_client(name, mobile), at=ap.at,
                                   done=ap.status == AppointmentStatus.HELD, version=ap.version, status=ap.status,
                                   place=ap.place, purpose=ap.purpose, moved_to=moved_to.get(ap.id),
                                   can_hold=open_ and arrived, can_miss=open_ and arrived, can_move=open_))

        # Planned visits and calls of the day, done by the week's contacts.
        plans = s.execute(
            select(ContactPlan, Client.name, Client.mobile).join(Client, Client.id == ContactPlan.client_id)
            .where(ContactPlan.rm_id == rm.id, ContactPlan.planned_date == on)
            .order_by(ContactPlan.kind.desc(), ContactPlan.id)
        ).all()
        done_plans = _plans_done(s, rm.id, [p for p, *_ in plans])
        for p, name, mobile in plans:
            kind = ItemKind.PLANNED_VISIT if p.kind == PlanKind.VISIT else ItemKind.PLANNED_CALL
            items.append(DiaryItem(kind, p.id, p.client_id, masked_client(name, mobile), done=p.id in done_plans,
                                   version=p.version, note=p.note))

        # Outcomes the RM recorded that day (营销成果).
        outcomes = s.execute(
            select(Referral, Client.name, Client.mobile).join(Client, Client.id == Referral.client_id)
            .where(Referral.rm_id == rm.id, Referral.confirmed_at >= start, Referral.confirmed_at < end,
                   Referral.met.is_not(None), Referral.voided_at.is_(None))
            .order_by(Referral.confirmed_at, Referral.id)
        ).all()
        for r, name, mobile in outcomes:
            # The amount is the RM's own work, shown to them and to the supervisor (the only viewers);
            # the PDF prints only the day's total (docs/diary.md "Privacy").
            items.append(DiaryItem(ItemKind.OUTCOME, r.id, r.client_id, masked_client(name, mobile),
                                   at=r.confirmed_at, met=r.met, deal=r.deal, products=r.outcome_products,
                                   amount=r.outcome_amount if r.deal else None))

    items.sort(key=_order)
    fu_items = [i for i in items if i.kind == ItemKind.PLANNED_CONTACT]
    ap_planned = [i for i in items if i.kind == ItemKind.APPOINTMENT
                  and i.status not in (AppointmentStatus.MOVED, AppointmentStatus.CANCELLED)]
    visits = [i for i in items if i.kind == ItemKind.PLANNED_VISIT]
    calls = [i for i in items if i.kind == ItemKind.PLANNED_CALL]
    outs = [i for i in items if i.kind == ItemKind.OUTCOME]
    return DiaryDay(
        rm.id, rm.name, rm.staff_no, branch_name, on, tuple(items),
        follow_ups=Count(len(fu_items) + more_due, sum(1 for i in fu_items if i.done)),
        appointments=Count(len(ap_planned), sum(1 for i in ap_planned if i.done)),
        visits=Count(len(visits), sum(1 for i in visits if i.done)),
        calls=Count(len(calls), sum(1 for i in calls if i.done)),
        contacts_made=len(attempts), outcomes=len(outs), deals=sum(1 for i in outs if i.deal),
        amount_total=sum((i.amount or Decimal(0) for i in outs), Decimal(0)),
        more_due=more_due,
    )


def _order(item: DiaryItem) -> tuple[int, dt.datetime, int, int]:
    """Whole-day items first (what is planned), then the day's events by time."""
    timed = item.at is not None
    return (1 if timed else 0, item.at or dt.datetime.min.replace(tzinfo=dt.timezone.utc),
            0 if timed else _KIND_ORDER[item.kind], item.entity_id)


def _contacts_in(s: Session, rm_id: int, client_ids: Iterable[int], start: dt.date,
                 end: dt.date) -> tuple[set[int], set[int]]:
    """Clients the RM contacted between ``start`` and ``end`` (inclusive): (any contact, visits only).

    A contact is an attempt on a follow-up, a maintenance record or a held appointment;
    a visit is an attempt on the ``visit`` channel or a held appointment.
    """
    ids = list(set(client_ids))
    if not ids:
        return set(), set()
    t0, t1 = local_midnight_utc(start), local_midnight_utc(end + dt.timedelta(days=1))
    any_, visits = set(), set()
    for client_id, channel in s.execute(
        select(FollowUp.client_id, ContactAttempt.channel).join(FollowUp, FollowUp.id == ContactAttempt.follow_up_id)
        .where(FollowUp.client_id.in_(ids), ContactAttempt.staff_id == rm_id,
               ContactAttempt.at >= t0, ContactAttempt.at < t1).distinct()
    ):
        any_.add(client_id)
        if channel == ContactChannel.VISIT:
            visits.add(client_id)
    for (client_id,) in s.execute(
        select(Appointment.client_id).where(Appointment.client_id.in_(ids), Appointment.rm_id == rm_id,
                                            Appointment.status == AppointmentStatus.HELD,
                                            Appointment.at >= t0, Appointment.at < t1).distinct()
    ):
        any_.add(client_id)
        visits.add(client_id)
    any_.update(s.scalars(
        select(MaintenanceRecord.client_id).where(MaintenanceRecord.client_id.in_(ids),
                                                  MaintenanceRecord.rm_id == rm_id,
                                                  MaintenanceRecord.at >= t0, MaintenanceRecord.at < t1).distinct()
    ))
    return any_, visits


def _plans_done(s: Session, rm_id: int, plans: list[ContactPlan]) -> set[int]:
    """The plans kept: a call by any contact with the client in the plan's week, a visit by a visit."""
    done: set[int] = set()
    by_week: dict[dt.date, list[ContactPlan]] = {}
    for p in plans:
        by_week.setdefault(week_start(p.planned_date), []).append(p)
    for monday, group in by_week.items():
        any_, visits = _contacts_in(s, rm_id, (p.client_id for p in group), monday, monday + dt.timedelta(days=6))
        for p in group:
            if p.client_id in (visits if p.kind == PlanKind.VISIT else any_):
                done.add(p.id)
    return done


# --- the week plan ------------------------------------------------------------------------

def week_plan(db: Database, actor: Actor, rm_id: int, monday: dt.date) -> WeekPlan:
    """The week's planned visits and calls (each with whether it was kept) and what the rule proposes."""
    monday = week_start(monday)
    with db.read() as s:
        rm = _rm_of(s, actor, rm_id)
        plans = s.execute(
            select(ContactPlan, Client.name, Client.mobile).join(Client, Client.id == ContactPlan.client_id)
            .where(ContactPlan.rm_id == rm.id, ContactPlan.planned_date >= monday,
                   ContactPlan.planned_date <= monday + dt.timedelta(days=6))
            .order_by(ContactPlan.planned_date, ContactPlan.kind.desc(), ContactPlan.id)
        ).all()
        done = _plans_done(s, rm.id, [p for p, *_ in plans])
        rows = tuple(PlanRow(p.id, p.client_id, masked_client(name, mobile), p.planned_date, p.kind, p.note,
                             p.proposed, p.id in done, p.version) for p, name, mobile in plans)
        proposals = tuple(_propose(s, rm.id, rm.home_branch_id, monday, db.today()))
    return WeekPlan(rm.id, monday, rows, proposals, _may_edit_plan(actor, rm.id))


def _may_edit_plan(actor: Actor, rm_id: int) -> bool:
    return allowed(actor.role, Action.PLAN_EDIT) and actor.staff_id == rm_id


def _propose(s: Session, rm_id: int, branch_id: int, monday: dt.date, today: dt.date) -> list[Proposal]:
    """The plan rule applied to the RM's own clients for the week starting ``monday``.

    For each tier in the branch's ``plan_rule`` and each kind, a client gets a proposal when no
    contact of that kind was made or planned in the rule's number of days ending
    on the week's Sunday. Proposals go on the week's working days from ``today``
    on, spread one client per day in turn, most valuable (highest score) first.
    """
    sunday = monday + dt.timedelta(days=6)
    days = [d for d in (monday + dt.timedelta(days=n) for n in range(5)) if d >= today]
    rule = plan_rule(s, branch_id)
    if not days or not rule:
        return []
    clients = s.execute(
        select(Client.id, Client.name, Client.mobile, Client.tier)
        .where(Client.branch_id == branch_id, Client.rm_id == rm_id, Client.tier.in_(list(rule)))
        .order_by(Client.score.desc(), Client.id).limit(PROPOSAL_MAX)
    ).all()
    if not clients:
        return []
    ids = [c.id for c in clients]
    longest = max(n for kinds in rule.values() for n in kinds.values())
    planned = s.execute(
        select(ContactPlan.client_id, ContactPlan.kind, ContactPlan.planned_date)
        .where(ContactPlan.rm_id == rm_id, ContactPlan.client_id.in_(ids),
               ContactPlan.planned_date > sunday - dt.timedelta(days=longest), ContactPlan.planned_date <= sunday)
    ).all()
    out: list[Proposal] = []
    turn = 0
    windows: dict[int, tuple[set[int], set[int]]] = {}
    for c in clients:
        for kind, span in rule[c.tier].items():
            start = sunday - dt.timedelta(days=span - 1)
            if span not in windows:
                windows[span] = _contacts_in(s, rm_id, ids, start, sunday)
            contacted, visited = windows[span]
            if c.id in (visited if kind == PlanKind.VISIT else contacted):
                continue
            if any(p.client_id == c.id and p.planned_date >= start
                   and (p.kind == kind or (kind == PlanKind.CALL and p.kind == PlanKind.VISIT)) for p in planned):
                continue
            out.append(Proposal(c.id, masked_client(c.name, c.mobile), days[turn % len(days)], kind, c.tier))
            turn += 1
    return out[:PROPOSAL_MAX]


def _check_plan_date(db: Database, planned_date: dt.date | None, problems: v.Problems) -> None:
    today = db.today()
    if planned_date is None:
        problems.add("planned_date", "required")
    elif planned_date < today:
        problems.add("planned_date", "date_past")
    elif planned_date > week_start(today) + dt.timedelta(days=13):
        problems.add("planned_date", "plan_week")


def _may_plan_for(s: Session, actor: Actor, client_id: int) -> Client:
    client = s.get(Client, client_id)
    if client is None or client.branch_id != actor.branch_id:
        raise NotFound("client", client_id)
    if client.rm_id != actor.staff_id:
        has_follow_up = s.scalar(select(FollowUp.id).where(
            FollowUp.client_id == client_id, FollowUp.rm_id == actor.staff_id, FollowUp.state.in_(OPEN_STATES)
        ).limit(1))
        if has_follow_up is None:
            raise ValidationError([FieldProblem("client", msg("not_own_client"))])
    return client


def _insert_plan(s: Session, db: Database, actor: Actor, client_id: int, planned_date: dt.date, kind: PlanKind,
                 note: str | None, proposed: bool) -> int | None:
    """One plan row in a savepoint; None when the same plan already exists (also after a concurrent insert)."""
    assert actor.staff_id is not None
    exists = s.scalar(select(ContactPlan.id).where(
        ContactPlan.rm_id == actor.staff_id, ContactPlan.client_id == client_id,
        ContactPlan.planned_date == planned_date, ContactPlan.kind == kind))
    if exists is not None:
        return None
    row = ContactPlan(branch_id=actor.branch_id, rm_id=actor.staff_id, client_id=client_id,
                      planned_date=planned_date, kind=kind, note=note, proposed=proposed, created_at=db.now(),
                      created_by_id=actor.staff_id, updated_at=db.now(), updated_by_id=actor.staff_id)
    try:
        with s.begin_nested():
            s.add(row)
            s.flush()
    except IntegrityError:
        return None
    audit.record(s, db, actor, "create", "contact_plan", row.id, f"kind={kind.value} proposed={int(proposed)}")
    return row.id


@retrying
def add_plan(db: Database, actor: Actor, client_id: int, planned_date: dt.date | None, kind: str,
             note: str | None = None) -> int:
    """Plan a visit or a call with one's own client (or one of one's open follow-ups); the plan's id."""
    require(actor, Action.PLAN_EDIT)
    problems = v.Problems()
    plan_kind = problems.run(lambda: v.choice("plan_kind", kind, PlanKind))
    clean_note = problems.run(lambda: v.clean_text("plan_note", note, max_len=PLAN_NOTE_MAX))
    _check_plan_date(db, planned_date, problems)
    with db.write() as s:
        _may_plan_for(s, actor, client_id)
        problems.raise_if_any()
        assert plan_kind is not None and planned_date is not None
        new_id = _insert_plan(s, db, actor, client_id, planned_date, plan_kind, clean_note, False)
        if new_id is None:
            raise ValidationError([FieldProblem("planned_date", msg("plan_exists"))])
        return new_id


@retrying
def accept_proposal(db: Database, actor: Actor, monday: dt.date) -> int:
    """Plan everything the rule proposes for the week starting ``monday``; how many plans were added.

    The proposal is worked out again inside the write, so accepting twice (or on two
    workstations at once) adds nothing the second time.
    """
    require(actor, Action.PLAN_EDIT)
    assert actor.staff_id is not None
    monday = week_start(monday)
    with db.write() as s:
        proposals = _propose(s, actor.staff_id, actor.home_branch, monday, db.today())
        added = sum(1 for p in proposals
                    if _insert_plan(s, db, actor, p.client_id, p.planned_date, p.kind, None, True) is not None)
    log.info("accepted %d proposed plans for the week of %s", added, monday)
    return added


def _load_plan(s: Session, db: Database, actor: Actor, plan_id: int, version: int | None) -> ContactPlan:
    require(actor, Action.PLAN_EDIT)
    plan = s.get(ContactPlan, plan_id)
    if plan is None or plan.branch_id != actor.branch_id:
        raise NotFound("contact_plan", plan_id)
    if plan.rm_id != actor.staff_id:
        raise PermissionDenied(f"{Action.PLAN_EDIT.value} (another RM's plan)", actor.role)
    expect_version(db, plan, version)
    return plan


@retrying
def move_plan(db: Database, actor: Actor, plan_id: int, planned_date: dt.date | None, *,
              version: int | None = None) -> int:
    """Move a planned visit or call to another day; its new version."""
    problems = v.Problems()
    _check_plan_date(db, planned_date, problems)
    with db.write() as s:
        plan = _load_plan(s, db, actor, plan_id, version)
        problems.raise_if_any()
        assert planned_date is not None
        clash = s.scalar(select(ContactPlan.id).where(
            ContactPlan.rm_id == plan.rm_id, ContactPlan.client_id == plan.client_id, ContactPlan.kind == plan.kind,
            ContactPlan.planned_date == planned_date, ContactPlan.id != plan.id))
        if clash is not None:
            raise ValidationError([FieldProblem("planned_date", msg("plan_exists"))])
        plan.planned_date = planned_date
        return save(s, db, actor, plan, "move", f"kind={plan.kind.value}")


@retrying
def drop_plan(db: Database, actor: Actor, plan_id: int, *, version: int | None = None) -> None:
    """Drop a planned visit or call; the audit log keeps that it was planned and dropped."""
    with db.write() as s:
        plan = _load_plan(s, db, actor, plan_id, version)
        audit.record(s, db, actor, "drop", "contact_plan", plan.id, f"kind={plan.kind.value}")
        s.delete(plan)
        s.flush()


def plan_clients(db: Database, actor: Actor) -> list[ClientChoice]:
    """The clients one may plan for: one's own, and those of one's open follow-ups (masked)."""
    require(actor, Action.PLAN_EDIT)
    with db.read() as s:
        followed = select(FollowUp.client_id).where(FollowUp.rm_id == actor.staff_id,
                                                    FollowUp.state.in_(OPEN_STATES))
        rows = s.execute(
            select(Client.id, Client.name, Client.mobile)
            .where(Client.branch_id == actor.branch_id,
                   or_(Client.rm_id == actor.staff_id, Client.id.in_(followed)))
            .order_by(Client.score.desc(), Client.id).limit(CLIENT_CHOICES_MAX)
        ).all()
    return [ClientChoice(r.id, masked_client(r.name, r.mobile)) for r in rows]


# --- export -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Exported:
    path: Path
    items: int
    printed: int = 0


def export_day(db: Database, actor: Actor, rm_id: int, on: dt.date, out: Path) -> Exported:
    """Write the day as a one-page A4 PDF (masked, the CJK font embedded) and audit the export."""
    from services.reports import write_atomically
    from services.reports.diary_pdf import render_diary

    out = Path(out).expanduser().absolute()
    if out.suffix.lower() != ".pdf" or not out.parent.is_dir():
        raise ValidationError([FieldProblem("out", msg("file_type_pdf"))])
    diary = day(db, actor, rm_id, on)
    printed: list[int] = []
    write_atomically(out, lambda fh: printed.append(render_diary(diary, fh, generated_by=actor.name,
                                                                 generated_at=db.now())))
    with db.write() as s:
        audit.record(s, db, actor, "export", "diary", rm_id,
                     f"day={on.isoformat()} format=pdf items={len(diary.items)}")
    return Exported(out, len(diary.items), printed[0] if printed else 0)
