"""日终核对: reconcile one branch day's referrals with the RMs, then close or reopen it (docs/product.md "Workflow")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from models import Client, ClientType, DayClose, FollowUp, FollowUpState, Referral, ReferralStatus, Staff
from services import reasons, referrals
from services import validation as v
from services.db import Database, retrying
from services.errors import Conflict, FieldProblem, ValidationError
from services.i18n import msg
from services.masking import Kind, mask
from services.permissions import Action, Actor, allowed, require
from services.saving import expect_version, save

# What the reconciliation shows, and to whom (docs/product.md "Privacy and security"), decided here once:
# - Only the lobby manager and the supervisor open it (Action.DAY_CLOSE_VIEW).
# - The client's name shows in full: both roles see names at the counter anyway,
#   and the lobby manager must tell the RM which client they mean.
# - The mobile number is masked for every viewer, the supervisor too: full values
#   only on the profile's audited reveal (docs/permissions.md "Lists").
# - The outcome amount (营销成果金额) is a client's amount: the supervisor sees it;
#   the lobby manager sees deal / no deal and products, and an amount they enter
#   for an RM shows as "***" once saved (docs/permissions.md "Amounts").
#   Balances and AUM never appear here.


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
    amount: Decimal | None  # None when the viewer may not see amounts (see amount_text)
    amount_text: str  # what to show: "1,000.50", "***" for a viewer who may not see it, "" for none
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
    # What the viewer may do with the day now (docs/product.md "Workflow", 日终核对); the page shows these.
    can_close: bool = False  # closing is allowed for this viewer now (with a reason if needs_reason)
    needs_reason: bool = False  # closing now is a forced close: referred clients still lack the outcome
    may_reopen: bool = False  # the viewer's role may reopen closed days
    can_reopen: bool = False  # the day is closed and the viewer may reopen it

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
        return day_state_in(s, actor.home_branch, day, viewer=actor)


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
    show_amount = referrals.sees_amounts(actor)
    today = db.today()
    with db.read() as s:
        rows = s.execute(q).all()
        state = day_state_in(s, actor.home_branch, day, viewer=actor)
        void_reasons = reasons.texts(s, actor, (row[0].void_reason_id for row in rows))
    lines = []
    for (r, referrer_name, rm_name, confirmer_name, client_name, client_mobile,
         fu_id, fu_state, fu_next, fu_attempts) in rows:
        fu_open = fu_state is not None and fu_state.is_open
        lines.append(ReconLine(
            referral_id=r.id, version=r.version, created_at=r.created_at, referrer_name=referrer_name,
            client_name=client_name,
            client_mobile=mask(client_mobile, Kind.MOBILE),
            client_type=r.client_type, status=r.status, rm_id=r.rm_id, rm_name=rm_name,
            met=r.met, deal=r.deal, products=r.outcome_products,
            amount=r.outcome_amount if show_amount else None, amount_text=_amount_text(r.outcome_amount, show_amount),
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
    missing = sum(1 for ln in referred if ln.missing)
    can_close, needs_reason, may_reopen, can_reopen = _what_the_viewer_may_do(actor, state.closed, missing)
    return DayReconciliation(
        **{f.name: getattr(state, f.name) for f in fields(DayState)}, lines=tuple(lines),
        missing=missing, referred=len(referred),
        confirmed=sum(1 for ln in referred if ln.confirmed), pending=len(pending),
        pending_with_follow_up=sum(1 for ln in pending if ln.follow_up_id is not None),
        voided=len(lines) - len(live), can_close=can_close, needs_reason=needs_reason, may_reopen=may_reopen,
        can_reopen=can_reopen,
    )


def _what_the_viewer_may_do(actor: Actor, closed: bool, missing: int) -> tuple[bool, bool, bool, bool]:
    """(can_close, needs_reason, may_reopen, can_reopen): the rules of ``close_day`` and ``reopen_day``,
    for the page to show, not re-decide."""
    may_reopen = allowed(actor.role, Action.DAY_REOPEN)
    if closed:
        return False, False, may_reopen, may_reopen
    can_close = allowed(actor.role, Action.DAY_CLOSE)
    if missing:
        can_close = can_close and allowed(actor.role, Action.DAY_CLOSE_FORCE)
    return can_close, missing > 0, may_reopen, False


def _amount_text(amount: Decimal | None, show: bool) -> str:
    if amount is None:
        return ""
    return f"{amount:,.2f}" if show else mask(amount, Kind.AMOUNT)


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


@retrying
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
        referrals.lock_day(s, actor.home_branch, day, exclusive=True)
        row = _day_row(s, actor.home_branch, day)
        if row is not None:
            expect_version(db, row, version)
            if row.closed:
                raise Conflict(msg("day_already_closed", day=day.isoformat()))
        missing = count_missing(s, actor.home_branch, day)
        reason: str | None = None
        if missing:
            if force_reason is None:
                raise ValidationError([FieldProblem("day", msg("day_incomplete", n=missing))])
            require(actor, Action.DAY_CLOSE_FORCE)
            reason = v.reason("close_reason", force_reason)
        # The reason's row is flushed before the day's row changes (docs/saving.md).
        reason_id = reasons.keep(s, db, actor, reason) if reason else None
        if row is None:
            row = DayClose(branch_id=actor.branch_id, business_date=day)
            s.add(row)
        row.closed = True
        row.closed_by_id = actor.staff_id
        row.closed_at = db.now()
        row.close_reason_id = reason_id
        detail = f"date={day.isoformat()} missing={missing}" + (" forced" if reason else "")
        try:
            save(s, db, actor, row, "close", detail, reason_id=reason_id)
        except IntegrityError:
            # Someone closed the same never-closed day in between: they win, this person reloads.
            raise Conflict(msg("day_already_closed", day=day.isoformat())) from None
        return _state_of(s, day, row, actor)


@retrying
def reopen_day(db: Database, actor: Actor, day: dt.date, reason: str, *, version: int | None = None) -> DayState:
    """The supervisor reopens a closed day with a reason; later changes are audited as usual."""
    require(actor, Action.DAY_REOPEN)
    clean = v.reason("reopen_reason", reason)
    with db.write() as s:
        row = _day_row(s, actor.home_branch, day)
        if row is not None:
            expect_version(db, row, version)
        if row is None or not row.closed:
            raise Conflict(msg("day_not_closed", day=day.isoformat()))
        reason_id = reasons.keep(s, db, actor, clean)
        row.closed = False
        row.reopened_by_id = actor.staff_id
        row.reopened_at = db.now()
        row.reopen_reason_id = reason_id
        save(s, db, actor, row, "reopen", f"date={day.isoformat()}", reason_id=reason_id)
        return _state_of(s, day, row, actor)
