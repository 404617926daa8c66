"""Monthly targets per RM (set by the supervisor) and the progress against them, counted from recorded work.

The rules — what each figure counts and who may see or set it — are in docs/assessment.md
("Targets"). Every actual figure comes with its source: the records behind it (``SourceRow``),
so a disputed figure can be traced; the assessment (services/assessment.py) reads the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import (
    Client,
    ContactAttempt,
    FinancialSnapshot,
    FollowUp,
    FollowUpState,
    MaintenanceRecord,
    RmTarget,
    Role,
    Staff,
    Tier,
    TierChange,
)
from services import audit
from services import validation as v
from services.db import Database, local_date, local_midnight_utc, retrying
from services.errors import Conflict, NotFound, PermissionDenied
from services.i18n import msg
from services.masking import Kind, mask
from services.permissions import Action, Actor, require
from services.saving import expect_version, save, stale_conflict, stamp

NEW_PREMIUM, CONVERTED, CONTACTS, MAINTENANCE, AUM = (
    "new_premium_clients", "converted_referrals", "contacts", "maintenance_contacts", "aum_growth")
FIGURES: tuple[str, ...] = (NEW_PREMIUM, CONVERTED, CONTACTS, MAINTENANCE, AUM)
PREMIUM_TIERS = frozenset({Tier.CORE, Tier.ORDINARY_PREMIUM})
MAX_COUNT = 100_000  # a month's target beyond this is a typing slip, not a plan


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(day: dt.date) -> dt.date:
    """The last day of ``day``'s month."""
    first_next = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first_next - dt.timedelta(days=1)


def label(figure: str) -> str:
    return msg(f"fig_{figure}")


@dataclass(frozen=True)
class Figures:
    """The five monthly figures: four counts and the AUM growth in yuan."""

    new_premium_clients: int = 0
    converted_referrals: int = 0
    contacts: int = 0
    maintenance_contacts: int = 0
    aum_growth: Decimal = Decimal("0")

    def get(self, figure: str) -> int | Decimal:
        value: int | Decimal = getattr(self, figure)
        return value


@dataclass(frozen=True)
class SourceRow:
    """One record behind a figure: what it is, its id, its day, the client (masked) and a short detail."""

    entity: str
    entity_id: int
    day: dt.date
    client: str
    detail: str = ""


@dataclass(frozen=True)
class RmProgress:
    """One RM's month: the targets (None: not set), the actual figures and their sources."""

    rm_id: int
    staff_no: str
    rm_name: str
    month: dt.date
    target: Figures | None
    actual: Figures
    sources: Mapping[str, tuple[SourceRow, ...]]
    version: int  # of the target row; 0: none set yet

    def ratio(self, figure: str) -> Decimal | None:
        """Actual over target, capped at 1; None without a target; a target of 0 counts as met."""
        if self.target is None:
            return None
        goal = Decimal(self.target.get(figure))
        if goal <= 0:
            return Decimal(1)
        return min(Decimal(1), max(Decimal(0), Decimal(self.actual.get(figure)) / goal))


# --- who may ------------------------------------------------------------------------------


def load_rm(s: Session, actor: Actor, rm_id: int, action: Action) -> Staff:
    """The RM ``actor`` asks about: their own (an RM), any RM of the branch (the supervisor).

    Another branch's staff are ``NotFound`` (not even confirmed to exist); another RM's month
    is ``PermissionDenied`` for an RM.
    """
    require(actor, action)
    staff = s.get(Staff, rm_id)
    if staff is None or staff.branch_id != actor.branch_id:
        raise NotFound("staff", rm_id)
    if actor.role != Role.SUPERVISOR and staff.id != actor.staff_id:
        raise PermissionDenied(f"{action.value} (another RM)", actor.role)
    if staff.role != Role.RM:
        raise v.fail("rm", "not_an_rm", value=staff.staff_no)
    return staff


def rms_for(s: Session, actor: Actor, action: Action, rm_id: int | None) -> list[Staff]:
    if rm_id is not None:
        return [load_rm(s, actor, rm_id, action)]
    require(actor, action)
    if actor.role != Role.SUPERVISOR:
        return [load_rm(s, actor, actor.staff_id or 0, action)]
    return list(s.scalars(select(Staff).where(Staff.branch_id == actor.branch_id, Staff.role == Role.RM,
                                              Staff.active.is_(True)).order_by(Staff.staff_no)))


# --- the targets --------------------------------------------------------------------------


def _figures_of(row: RmTarget | None) -> Figures | None:
    if row is None:
        return None
    return Figures(row.new_premium_clients, row.converted_referrals, row.contacts, row.maintenance_contacts,
                   row.aum_growth)


def _target_row(s: Session, rm_id: int, month: dt.date) -> RmTarget | None:
    return s.scalar(select(RmTarget).where(RmTarget.rm_id == rm_id, RmTarget.month == month))


def check_targets(data: Mapping[str, object]) -> Figures:
    """The targets as typed (text or numbers): whole numbers ≥ 0 and an amount ≥ 0, or ``ValidationError``."""
    p = v.Problems()
    counts: dict[str, int] = {}
    for figure in FIGURES[:4]:
        raw = data.get(figure)
        text = str(raw).strip() if raw is not None else ""
        if not text:
            p.add(figure, "required")
            continue
        try:
            number = int(text)
        except ValueError:
            p.add(figure, "target_whole")
            continue
        if not 0 <= number <= MAX_COUNT:
            p.add(figure, "target_whole")
            continue
        counts[figure] = number
    raw_aum = data.get(AUM)
    aum: Decimal | None = None
    if raw_aum is None or not str(raw_aum).strip():
        p.add(AUM, "required")
    else:
        scratch = v.Problems()
        aum = scratch.run(lambda: v.amount(AUM, raw_aum))
        if scratch or aum is None:
            p.add(AUM, "target_amount")
    p.raise_if_any()
    return Figures(aum_growth=aum or Decimal(0), **counts)


@dataclass(frozen=True)
class TargetView:
    rm_id: int
    month: dt.date
    target: Figures | None
    version: int  # 0: none set yet


def get_targets(db: Database, actor: Actor, rm_id: int, month: dt.date) -> TargetView:
    month = month_start(month)
    with db.read() as s:
        load_rm(s, actor, rm_id, Action.TARGET_VIEW)
        row = _target_row(s, rm_id, month)
        return TargetView(rm_id, month, _figures_of(row), row.version if row is not None else 0)


@retrying
def set_targets(db: Database, actor: Actor, rm_id: int, month: dt.date, data: Mapping[str, object],
                version: int) -> int:
    """Set one RM's targets for ``month`` (supervisor); ``version`` is what the form showed (0: none yet).

    A concurrent change of the same targets is refused naming who and when; nothing is written.
    """
    require(actor, Action.TARGET_SET)
    month = month_start(month)
    figures = check_targets(data)
    with db.write() as s:
        load_rm(s, actor, rm_id, Action.TARGET_SET)
        row = _target_row(s, rm_id, month)
        if row is None:
            if version:
                raise Conflict(msg("stale_unknown"))
            row = RmTarget(branch_id=actor.branch_id, rm_id=rm_id, month=month, set_by_id=actor.staff_id or 0)
            _store(row, figures)
            stamp(db, actor, row)
            s.add(row)
            try:
                s.flush()
            except IntegrityError:  # another supervisor set this month's first targets meanwhile
                raise _first_conflict(db, rm_id, month) from None
            audit.record(s, db, actor, "create", "rm_target", row.id, f"month={month:%Y-%m}")
            return int(row.version)
        expect_version(db, row, version)
        _store(row, figures)
        row.set_by_id = actor.staff_id or row.set_by_id
        return save(s, db, actor, row, "update", f"month={month:%Y-%m}")


def _store(row: RmTarget, figures: Figures) -> None:
    row.new_premium_clients = figures.new_premium_clients
    row.converted_referrals = figures.converted_referrals
    row.contacts = figures.contacts
    row.maintenance_contacts = figures.maintenance_contacts
    row.aum_growth = figures.aum_growth


def _first_conflict(db: Database, rm_id: int, month: dt.date) -> Conflict:
    with db.read() as s:
        key = s.scalar(select(RmTarget.id).where(RmTarget.rm_id == rm_id, RmTarget.month == month))
    return stale_conflict(db, RmTarget, key) if key is not None else Conflict(msg("stale_unknown"))


# --- the actual figures, each one small function over its records --------------------------


def _span(month: dt.date) -> tuple[dt.datetime, dt.datetime]:
    return local_midnight_utc(month), local_midnight_utc(month_end(month) + dt.timedelta(days=1))


def new_premium_sources(s: Session, branch_id: int, rm_id: int, month: dt.date) -> list[SourceRow]:
    """Tier changes into a premium tier (from outside one) of the RM's clients in the month."""
    t0, t1 = _span(month)
    rows = s.execute(
        select(TierChange.id, TierChange.at, TierChange.old_tier, TierChange.new_tier, Client.name)
        .join(Client, Client.id == TierChange.client_id)
        .where(TierChange.branch_id == branch_id, Client.rm_id == rm_id, TierChange.at >= t0, TierChange.at < t1,
               TierChange.new_tier.in_(PREMIUM_TIERS), TierChange.old_tier.not_in(PREMIUM_TIERS))
        .order_by(TierChange.at, TierChange.id)
    ).all()
    return [SourceRow("tier_change", i, local_date(at), mask(name, Kind.NAME),
                      f"{msg('tier_' + old.value)}→{msg('tier_' + new.value)}")
            for i, at, old, new, name in rows]


def converted_sources(s: Session, branch_id: int, rm_id: int, month: dt.date) -> list[SourceRow]:
    """Follow-ups of the RM closed as converted in the month."""
    t0, t1 = _span(month)
    rows = s.execute(
        select(FollowUp.id, FollowUp.closed_at, Client.name).join(Client, Client.id == FollowUp.client_id)
        .where(FollowUp.branch_id == branch_id, FollowUp.rm_id == rm_id, FollowUp.state == FollowUpState.CONVERTED,
               FollowUp.closed_at >= t0, FollowUp.closed_at < t1)
        .order_by(FollowUp.closed_at, FollowUp.id)
    ).all()
    return [SourceRow("follow_up", i, local_date(at), mask(name, Kind.NAME)) for i, at, name in rows if at]


def contact_sources(s: Session, branch_id: int, rm_id: int, month: dt.date) -> list[SourceRow]:
    """Contact attempts the RM recorded in the month."""
    t0, t1 = _span(month)
    rows = s.execute(
        select(ContactAttempt.id, ContactAttempt.at, Client.name)
        .join(FollowUp, FollowUp.id == ContactAttempt.follow_up_id).join(Client, Client.id == FollowUp.client_id)
        .where(FollowUp.branch_id == branch_id, ContactAttempt.staff_id == rm_id,
               ContactAttempt.at >= t0, ContactAttempt.at < t1)
        .order_by(ContactAttempt.at, ContactAttempt.id)
    ).all()
    return [SourceRow("contact_attempt", i, local_date(at), mask(name, Kind.NAME)) for i, at, name in rows]


def maintenance_sources(s: Session, branch_id: int, rm_id: int, month: dt.date) -> list[SourceRow]:
    """Maintenance records (table ``maintenance_record``) of the RM in the month."""
    t0, t1 = _span(month)
    rows = s.execute(
        select(MaintenanceRecord.id, MaintenanceRecord.at, Client.name)
        .join(Client, Client.id == MaintenanceRecord.client_id)
        .where(Client.branch_id == branch_id, MaintenanceRecord.rm_id == rm_id,
               MaintenanceRecord.at >= t0, MaintenanceRecord.at < t1)
        .order_by(MaintenanceRecord.at, MaintenanceRecord.id)
    ).all()
    return [SourceRow("maintenance_record", i, local_date(at), mask(name, Kind.NAME)) for i, at, name in rows]


def aum_sources(s: Session, branch_id: int, rm_id: int, month: dt.date) -> list[SourceRow]:
    """Per client of the RM: the latest snapshot's AUM at the month's end less the latest before it began.

    Only clients with a snapshot dated in the month move; a client whose first snapshot is in
    the month grows from 0. The detail holds the growth in yuan (the viewer is the RM or the
    supervisor, who may see it; the PDF shows only the total — docs/assessment.md).
    """
    start, end = month, month_end(month)
    moved = select(FinancialSnapshot.client_id).join(Client, Client.id == FinancialSnapshot.client_id).where(
        Client.branch_id == branch_id, Client.rm_id == rm_id,
        FinancialSnapshot.as_of >= start, FinancialSnapshot.as_of <= end).distinct()
    rows = s.execute(
        select(FinancialSnapshot.id, FinancialSnapshot.client_id, FinancialSnapshot.as_of, FinancialSnapshot.aum,
               Client.name)
        .join(Client, Client.id == FinancialSnapshot.client_id)
        .where(FinancialSnapshot.client_id.in_(moved), FinancialSnapshot.as_of <= end)
        .order_by(FinancialSnapshot.client_id, FinancialSnapshot.as_of, FinancialSnapshot.id)
    ).all()
    before: dict[int, Decimal] = {}
    last: dict[int, tuple[int, dt.date, Decimal, str]] = {}
    for snap_id, client_id, as_of, aum, name in rows:
        if as_of < start:
            before[client_id] = aum
        else:
            last[client_id] = (snap_id, as_of, aum, name)
    out = []
    for client_id, (snap_id, as_of, aum, name) in sorted(last.items(), key=lambda kv: (kv[1][1], kv[1][0])):
        growth = aum - before.get(client_id, Decimal(0))
        out.append(SourceRow("financial_snapshot", snap_id, as_of, mask(name, Kind.NAME), f"{growth:+.2f}"))
    return out


SOURCES = {
    NEW_PREMIUM: new_premium_sources,
    CONVERTED: converted_sources,
    CONTACTS: contact_sources,
    MAINTENANCE: maintenance_sources,
    AUM: aum_sources,
}


Sourced = dict[str, tuple[SourceRow, ...]]


def actual_of(s: Session, branch_id: int, rm_id: int, month: dt.date) -> tuple[Figures, Sourced]:
    """The RM's month as recorded: the five figures and, for each, the records behind it."""
    sources = {figure: tuple(fn(s, branch_id, rm_id, month)) for figure, fn in SOURCES.items()}
    aum = sum((Decimal(r.detail) for r in sources[AUM]), Decimal(0))
    counts = {figure: len(sources[figure]) for figure in FIGURES[:4]}
    return Figures(aum_growth=aum, **counts), sources


def progress(db: Database, actor: Actor, month: dt.date, rm_id: int | None = None) -> list[RmProgress]:
    """Targets against actual figures for the month: an RM their own; the supervisor every active RM (or one)."""
    month = month_start(month)
    with db.read() as s:
        out = []
        for staff in rms_for(s, actor, Action.TARGET_VIEW, rm_id):
            row = _target_row(s, staff.id, month)
            actual, sources = actual_of(s, actor.home_branch, staff.id, month)
            out.append(RmProgress(staff.id, staff.staff_no, staff.name, month, _figures_of(row), actual, sources,
                                  row.version if row is not None else 0))
        return out


def rms_of(db: Database, actor: Actor, action: Action = Action.TARGET_VIEW) -> Sequence[tuple[int, str, str]]:
    """The RMs ``actor`` may pick (id, staff no, name): the supervisor every active RM, an RM themself."""
    with db.read() as s:
        return [(r.id, r.staff_no, r.name) for r in rms_for(s, actor, action, None)]
