"""日终核对: reconcile one branch day's referrals with the RMs, then close or reopen it (docs/product.md "Workflow")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from models import Client, ClientType, DayClose, FollowUp, FollowUpState, Referral, ReferralStatus, Staff
from services import audit, reasons, referrals
from services import validation as v
from services.db import Database
from services.errors import Conflict, FieldProblem, ValidationError
from services.i18n import msg
from services.masking import Kind, mask
from services.permissions import Action, Actor, allowed, require

# What the reconciliation shows, and to whom (docs/product.md "Privacy and security"), decided here once:
# - Only the lobby manager and the supervisor open it (Action.DAY_CLOSE_VIEW).
# - The client's name shows in full: both roles see names at the counter anyway,
#   and the lobby manager must tell the RM which client they mean.
# - The mobile number is masked unless the viewer sees every profile (supervisor).
# - The outcome amount (营销成果金额) shows: it is what the lobby manager writes
#   down while checking with the RM, the referral's result and not the client's
#   holdings; balances and AUM never appear here.


@dataclass(frozen=True)
class ReconLine:
    """One referral of the day as the reconciliation sheet shows it."""

    referral_id: int
    version: int
    created_at: dt.datetime
    referrer_name: str
    client_name: str
    client_mobile: str  # masked unless the viewer sees every profile
    client_type: ClientType
    status: ReferralStatus
    rm_id: int
    rm_name: str
    met: bool | None
    deal: bool | None
    products: str | None
    amount: Decimal | None
    confirmed_by: str | None
    confirmed_at: dt.datetime | None
    confirmed_by_rm: bool  # the RM recorded it (their own queue), not the lobby manager for them
    follow_up_id: int | None
    follow_up_state: FollowUpState | None
    follow_up_next: dt.date | None
    follow_up_attempts: int
    follow_up_overdue: bool
    voided: bool
    void_reason: str | None

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def missing(self) -> bool:
        """A referred client whose meeting nobody has confirmed yet: blocks the close."""
        return self.needs_outcome and not self.confirmed

    @property
    def needs_outcome(self) -> bool:
        """Lines whose outcome may be recorded at close (confirmed ones may be corrected)."""
        return self.status == ReferralStatus.REFERRED and not self.voided


@dataclass(frozen=True)
class DayState:
    """Whether a day is closed, by whom and why; ``version`` guards close/reopen against a race."""

    day: dt.date
    closed: bool
    closed_by: str | None
    closed_at: dt.datetime | None
    close_reason: str | None
    reopened_by: str | None
    reopened_at: dt.datetime | None
    reopen_reason: str | None
    version: int | None  # None: nobody has closed this day yet


@dataclass(frozen=True)
class DayReconciliation(DayState):
    """The day's sheet: its state, then every referral with its confirmation, follow-up, or what is missing."""

    lines: tuple[ReconLine, ...]
    missing: int  # referred, not voided, not confirmed
    referred: int  # referred, not voided
    confirmed: int  # referred, not voided, confirmed
    pending: int  # pending, not voided
    pending_with_follow_up: int
    voided: int

    @property
    def complete(self) -> bool:
        return self.missing == 0


# --- reading --------------------------------------------------------------------

def _day_row(s: Session, branch_id: int, day: dt.date) -> DayClose | None:
    return s.scalars(select(DayClose).where(DayClose.branch_id == branch_id, DayClose.business_date == day)).first()


def _state_of(s: Session, day: dt.date, row: DayClose | None, viewer: Actor | None) -> DayState:
    if row is None:
        return DayState(day, False, None, None, None, None, None, None, None)

    def name(staff_id: int | None) -> str | None:
        return s.scalar(select(Staff.name).where(Staff.id == staff_id)) if staff_id is not None else None

    # The reasons are what people typed: shown only to whom may read them (docs/audit.md "Reasons").
    said = reasons.texts(s, viewer, (row.close_reason_id, row.reopen_reason_id)) if viewer else {}
    return DayState(day, row.closed, name(row.closed_by_id), row.closed_at, said.get(row.close_reason_id or 0),
                    name(row.reopened_by_id), row.reopened_at, said.get(row.reopen_reason_id or 0), row.version)


def day_state_in(s: Session, branch_id: int, day: dt.date, *, viewer: Actor | None = None) -> DayState:
    """The day's state inside a caller's unit of work; the reasons only when ``viewer`` may read them."""
    return _state_of(s, day, _day_row(s, branch_id, day), viewer)


def count_missing(s: Session, branch_id: int, day: dt.date) -> int:
    return int(s.scalar(
        select(func.count(Referral.id)).where(
            Referral.branch_id == branch_id, Referral.business_date == day,
            Referral.status == ReferralStatus.REFERRED, Referral.voided_at.is_(None),
            Referral.confirmed_at.is_(None),
        )
    ) or 0)


def day_state(db: Database, actor: Actor, day: dt.date) -> DayState:
    require(actor, Action.DAY_CLOSE_VIEW)
    with db.read() as s:
        return day_state_in(s, actor.branch_id, day, viewer=actor)


def reconciliation(db: Database, actor: Actor, day: dt.date) -> DayReconciliation:
    """Every referral of ``day`` in the actor's branch, in filing order, with the day's state.

    One branch day holds at most a few hundred referrals, so the sheet is one
    query and comes back whole: the person checks it line by line with the RMs.
    """
    require(actor, Action.DAY_CLOSE_VIEW)
    referrer, rm, confirmer = aliased(Staff), aliased(Staff), aliased(Staff)
    q = (
        select(Referral, referrer.name, rm.name, confirmer.name, Client.name, Client.mobile,
               FollowUp.id, FollowUp.state, FollowUp.next_contact_date, FollowUp.attempts)
        .join(referrer, referrer.id == Referral.referrer_id)
        .join(rm, rm.id == Referral.rm_id)
        .join(Client, Client.id == Referral.client_id)
        .outerjoin(confirmer, confirmer.id == Referral.confirmed_by_id)
        .outerjoin(FollowUp, FollowUp.referral_id == Referral.id)
        .where(Referral.branch_id == actor.branch_id, Referral.business_date == day)
        .order_by(Referral.created_at, Referral.id)
    )
    full_mobile = allowed(actor.role, Action.CLIENT_PROFILE_ALL)
    today = db.today()
    with db.read() as s:
        rows = s.execute(q).all()
        state = day_state_in(s, actor.branch_id, day, viewer=actor)
        void_reasons = reasons.texts(s, actor, (row[0].void_reason_id for row in rows))
    lines = []
    for (r, referrer_name, rm_name, confirmer_name, client_name, client_mobile,
         fu_id, fu_state, fu_next, fu_attempts) in rows:
        fu_open = fu_state is not None and fu_state.is_open
        lines.append(ReconLine(
            referral_id=r.id, version=r.version, created_at=r.created_at, referrer_name=referrer_name,
            client_name=client_name,
            client_mobile=(client_mobile or "") if full_mobile else mask(client_mobile, Kind.MOBILE),
            client_type=r.client_type, status=r.status, rm_id=r.rm_id, rm_name=rm_name,
            met=r.met, deal=r.deal, products=r.outcome_products, amount=r.outcome_amount,
            confirmed_by=confirmer_name, confirmed_at=r.confirmed_at,
            confirmed_by_rm=r.confirmed_by_id is not None and r.confirmed_by_id == r.rm_id,
            follow_up_id=fu_id, follow_up_state=fu_state, follow_up_next=fu_next,
            follow_up_attempts=int(fu_attempts or 0),
            follow_up_overdue=fu_open and fu_next is not None and fu_next < today,
            voided=r.voided_at is not None,
            void_reason=void_reasons.get(r.void_reason_id) if r.void_reason_id else None,
        ))
    live = [ln for ln in lines if not ln.voided]
    referred = [ln for ln in live if ln.status == ReferralStatus.REFERRED]
    pending = [ln for ln in live if ln.status == ReferralStatus.PENDING]
    return DayReconciliation(
        **{f.name: getattr(state, f.name) for f in fields(DayState)}, lines=tuple(lines),
        missing=sum(1 for ln in referred if ln.missing), referred=len(referred),
        confirmed=sum(1 for ln in referred if ln.confirmed), pending=len(pending),
        pending_with_follow_up=sum(1 for ln in pending if ln.follow_up_id is not None),
        voided=len(lines) - len(live),
    )


# --- changing -------------------------------------------------------------------

def record_outcome(db: Database, actor: Actor, referral_id: int, *, met: bool, deal: bool,
                   products: str | None = None, amount: str | Decimal | None = None,
                   version: int | None = None) -> int:
    """The lobby manager writes down a referred client's 营销成果 while checking with the RM.

    The rules (referred only, a deal names its products, the day still open)
    are the referral service's; this is the day-close page's door to them.
    """
    require(actor, Action.DAY_CLOSE_VIEW)
    return referrals.record_outcome(db, actor, referral_id, met=met, deal=deal, products=products,
                                    amount=amount, version=version)


def _ensure_version(db: Database, row: DayClose, version: int | None) -> None:
    if version is not None and row.version != version:
        raise audit.stale_conflict(db, "day_close", row.id)


def close_day(db: Database, actor: Actor, day: dt.date, force_reason: str | None = None, *,
              version: int | None = None) -> DayState:
    """Close ``day`` when every referred client is confirmed.

    With something missing only the supervisor may close anyway, and only with
    a reason (kept apart, docs/audit.md "Reasons"; the day and the audit event point
    to it). ``version`` is the state the person looked at; a close or reopen by
    someone else since is a Conflict.
    """
    require(actor, Action.DAY_CLOSE)
    if day > db.today():
        raise ValidationError([FieldProblem("day", msg("date_future"))])
    with db.write() as s:
        referrals.lock_day(s, actor.branch_id, day, exclusive=True)
        row = _day_row(s, actor.branch_id, day)
        if row is not None:
            _ensure_version(db, row, version)
            if row.closed:
                raise Conflict(msg("day_already_closed", day=day.isoformat()))
        missing = count_missing(s, actor.branch_id, day)
        reason: str | None = None
        if missing:
            if force_reason is None:
                raise ValidationError([FieldProblem("day", msg("day_incomplete", n=missing))])
            require(actor, Action.DAY_CLOSE_FORCE)
            reason = v.reason("close_reason", force_reason)
        if row is None:
            row = DayClose(branch_id=actor.branch_id, business_date=day)
            s.add(row)
        row.closed = True
        row.closed_by_id = actor.staff_id
        row.closed_at = db.now()
        row.close_reason_id = reasons.keep(s, db, actor, reason) if reason else None
        try:
            s.flush()
        except (IntegrityError, StaleDataError):
            # Someone closed or reopened the same day in between: they win, this person reloads.
            raise Conflict(msg("day_already_closed", day=day.isoformat())) from None
        detail = f"date={day.isoformat()} missing={missing}" + (" forced" if reason else "")
        audit.record(s, db, actor, "close", "day_close", row.id, detail, reason_id=row.close_reason_id)
        return _state_of(s, day, row, actor)


def reopen_day(db: Database, actor: Actor, day: dt.date, reason: str, *, version: int | None = None) -> DayState:
    """The supervisor reopens a closed day with a reason; later changes are audited as usual."""
    require(actor, Action.DAY_REOPEN)
    clean = v.reason("reopen_reason", reason)
    with db.write() as s:
        row = _day_row(s, actor.branch_id, day)
        if row is not None:
            _ensure_version(db, row, version)
        if row is None or not row.closed:
            raise Conflict(msg("day_not_closed", day=day.isoformat()))
        row.closed = False
        row.reopened_by_id = actor.staff_id
        row.reopened_at = db.now()
        row.reopen_reason_id = reasons.keep(s, db, actor, clean)
        try:
            s.flush()
        except StaleDataError:
            raise Conflict(msg("day_not_closed", day=day.isoformat())) from None
        audit.record(s, db, actor, "reopen", "day_close", row.id, f"date={day.isoformat()}",
                     reason_id=row.reopen_reason_id)
        return _state_of(s, day, row, actor)
