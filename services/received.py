"""The RM's received referrals: the day's list, the outcome the RM records, a follow-up opened from it,
and the cheap "referrals for me since" look the notification polls (docs/received.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, exists, func, select, tuple_
from sqlalchemy.orm import Session, aliased

from models import (
    Channel,
    Client,
    ClientType,
    FollowUp,
    FollowUpOrigin,
    FollowUpState,
    NoDealReason,
    Referral,
    ReferralStatus,
    Role,
    Staff,
)
from services import audit, followups, referrals
from services import validation as v
from services.db import Database, retrying
from services.errors import FieldProblem, NotFound, PermissionDenied, ValidationError
from services.i18n import msg
from services.masking import Kind, mask
from services.permissions import Action, Actor, allowed, require

# What a follow-up opened from an outcome is for, kept as its plan's goal (docs/received.md).
AFTER_SALE_GOAL = "售后回访 / after-sale call"
SECOND_TRY_GOAL = "再次营销 / second try"

_OPEN = (FollowUpState.OPEN, FollowUpState.APPOINTED)


@dataclass(frozen=True)
class ReceivedRow:
    """One referral naming the RM, as the RM's desk shows it (mobile masked, amount only to the entitled)."""

    id: int
    version: int
    created_at: dt.datetime
    business_date: dt.date
    referrer_name: str
    rm_id: int
    rm_name: str
    client_name: str
    client_mobile: str  # masked for every viewer (docs/permissions.md "Lists")
    client_type: ClientType
    status: ReferralStatus
    channel: Channel
    interests: tuple[str, ...]
    preferred_contact_at: dt.datetime | None
    met: bool | None
    deal: bool | None
    products: str | None
    amount: Decimal | None  # None for a viewer who may not see amounts, or when there is none
    amount_text: str  # "1,000.50", "***" for a viewer who may not see it, "" for none
    no_deal_reason: NoDealReason | None
    confirmed_at: dt.datetime | None
    confirmed_by: str | None
    voided: bool
    follow_up_state: FollowUpState | None  # a pending referral's own follow-up
    day_closed: bool
    can_record_outcome: bool  # ``may_record_outcome``: what ``record_outcome`` would accept from this viewer
    can_open_follow_up: bool  # ``may_open_follow_up``: an outcome is recorded and no follow-up from it is open


@dataclass(frozen=True)
class Arrival:
    """A referral naming the RM that arrived since the last look: only what a notification may say."""

    id: int
    status: ReferralStatus
    client_name: str  # masked (张*): a notification may show on a locked screen
    created_at: dt.datetime
    business_date: dt.date


@dataclass(frozen=True)
class FollowUpRequest:
    """The outcome dialog's "open a follow-up" choice: the first contact date."""

    first_contact: dt.date


# --- the rules the rows show ------------------------------------------------------------

def may_record_outcome(actor: Actor, r: Referral, day_closed: bool) -> bool:
    """What ``record_outcome`` accepts: a referred, not voided referral on a day still open, the
    viewer's own (they are its RM) or any for a role that may edit any (the supervisor)."""
    if not allowed(actor.role, Action.REFERRAL_CONFIRM) or day_closed:
        return False
    if r.status != ReferralStatus.REFERRED or r.voided_at is not None:
        return False
    return r.rm_id == actor.staff_id or allowed(actor.role, Action.REFERRAL_EDIT_ANY)


def may_open_follow_up(actor: Actor, r: Referral, open_from_outcome: bool) -> bool:
    """What ``open_follow_up`` accepts (before the client's own checks): the referral's outcome is
    recorded, nothing opened from it is still open, and it is the viewer's own or they are the supervisor."""
    if not allowed(actor.role, Action.FOLLOWUP_CREATE) or open_from_outcome:
        return False
    if r.status != ReferralStatus.REFERRED or r.voided_at is not None or r.confirmed_at is None:
        return False
    return r.rm_id == actor.staff_id or allowed(actor.role, Action.FOLLOWUP_REASSIGN)


def _whose(s: Session, actor: Actor, rm_id: int | None) -> int | None:
    """The RM whose list is read: the RM themself; for the supervisor any RM of the branch (None: all)."""
    require(actor, Action.RECEIVED_VIEW)
    if rm_id is None:
        return actor.staff_id if actor.role == Role.RM else None
    if rm_id == actor.staff_id:
        return rm_id
    require(actor, Action.RECEIVED_VIEW_ANY)
    if s.scalar(select(Staff.branch_id).where(Staff.id == rm_id)) != actor.branch_id:
        raise NotFound("staff", rm_id)  # another branch's staff are invisible
    return rm_id


def _scoped(actor: Actor, whose: int | None, day: dt.date):  # type: ignore[no-untyped-def]
    q = select(Referral).where(Referral.branch_id == actor.branch_id, Referral.business_date == day)
    return q.where(Referral.rm_id == whose) if whose is not None else q


# --- reading ----------------------------------------------------------------------------

def received(db: Database, actor: Actor, day: dt.date | None = None, after: tuple[dt.datetime, int] | None = None,
             limit: int = 100, *, rm_id: int | None = None) -> list[ReceivedRow]:
    """One keyset window of the referrals received on ``day`` (today by default), newest first.

    ``after`` is the last row's (created_at, id). An RM reads their own; the supervisor
    any RM's of the branch (``rm_id``; None: every RM's); another branch never.
    """
    day = day or db.today()
    referrer, rm, confirmer = aliased(Staff), aliased(Staff), aliased(Staff)
    later = aliased(FollowUp)  # the main query joins FollowUp already (a pending referral's own)
    open_from_outcome = exists().where(later.source_referral_id == Referral.id, later.state.in_(_OPEN))
    with db.read() as s:
        whose = _whose(s, actor, rm_id)
        q = (
            _scoped(actor, whose, day)
            .add_columns(referrer.name, rm.name, confirmer.name, Client.name, Client.mobile, FollowUp.state,
                         open_from_outcome)
            .join(referrer, referrer.id == Referral.referrer_id)
            .join(rm, rm.id == Referral.rm_id)
            .join(Client, Client.id == Referral.client_id)
            .outerjoin(confirmer, confirmer.id == Referral.confirmed_by_id)
            .outerjoin(FollowUp, FollowUp.referral_id == Referral.id)
        )
        if after is not None:
            q = q.where(tuple_(Referral.created_at, Referral.id) < after)
        q = q.order_by(Referral.created_at.desc(), Referral.id.desc()).limit(limit)
        rows = s.execute(q).all()
        closed = referrals.day_is_closed(s, actor.home_branch, day)
    show_amount = referrals.sees_amounts(actor)
    out = []
    for r, referrer_name, rm_name, confirmer_name, client_name, client_mobile, fu_state, from_outcome in rows:
        out.append(ReceivedRow(
            id=r.id, version=r.version, created_at=r.created_at, business_date=r.business_date,
            referrer_name=referrer_name, rm_id=r.rm_id, rm_name=rm_name, client_name=client_name,
            client_mobile=mask(client_mobile, Kind.MOBILE), client_type=r.client_type, status=r.status,
            channel=r.channel, interests=tuple(r.interests or ()), preferred_contact_at=r.preferred_contact_at,
            met=r.met, deal=r.deal, products=r.outcome_products,
            amount=r.outcome_amount if show_amount else None, amount_text=_amount_text(r.outcome_amount, show_amount),
            no_deal_reason=r.no_deal_reason, confirmed_at=r.confirmed_at, confirmed_by=confirmer_name,
            voided=r.voided_at is not None, follow_up_state=fu_state, day_closed=closed,
            can_record_outcome=may_record_outcome(actor, r, closed),
            can_open_follow_up=may_open_follow_up(actor, r, bool(from_outcome)),
        ))
    return out


def count_received(db: Database, actor: Actor, day: dt.date | None = None, *, rm_id: int | None = None) -> int:
    day = day or db.today()
    with db.read() as s:
        whose = _whose(s, actor, rm_id)
        return int(s.scalar(_scoped(actor, whose, day).with_only_columns(func.count(Referral.id))) or 0)


def _amount_text(amount: Decimal | None, show: bool) -> str:
    if amount is None:
        return ""
    return f"{amount:,.2f}" if show else mask(amount, Kind.AMOUNT)


# --- "told at once" -----------------------------------------------------------------------

def listens_for_arrivals(actor: Actor) -> bool:
    """Whether referrals can name this person as their RM (the notification listens for them)."""
    return actor.role == Role.RM and allowed(actor.role, Action.RECEIVED_VIEW)


def latest_referral_id(db: Database, actor: Actor) -> int:
    """The newest referral naming the RM (0: none): where the notification starts listening."""
    require(actor, Action.RECEIVED_VIEW)
    with db.read() as s:
        return int(s.scalar(select(func.max(Referral.id)).where(Referral.rm_id == actor.staff_id)) or 0)


def arrived_since(db: Database, actor: Actor, after_id: int, limit: int = 20) -> list[Arrival]:
    """Referrals naming the RM with an id above ``after_id``, oldest first: one range of the
    (rm_id, id) index, so a poll costs the same at 300 referrals or 3 million. Voided ones are left out."""
    require(actor, Action.RECEIVED_VIEW)
    q = (
        select(Referral.id, Referral.status, Referral.created_at, Referral.business_date, Client.name)
        .join(Client, Client.id == Referral.client_id)
        .where(Referral.rm_id == actor.staff_id, Referral.id > after_id, Referral.voided_at.is_(None),
               Referral.branch_id == actor.branch_id)
        .order_by(Referral.id).limit(limit)
    )
    with db.read() as s:
        rows = s.execute(q).all()
    return [Arrival(rid, status, mask(name, Kind.NAME), at, day) for rid, status, at, day, name in rows]


# --- recording ----------------------------------------------------------------------------

@retrying
def record_outcome(db: Database, actor: Actor, referral_id: int, *, met: bool, deal: bool,
                   products: str | None = None, amount: str | Decimal | None = None,
                   no_deal_reason: str | NoDealReason | None = None, version: int | None = None,
                   follow_up: FollowUpRequest | None = None) -> int:
    """The RM's 营销成果 of a referred client, and optionally a follow-up from it, in one unit of work.

    The referral service's rules apply (``referrals.outcome_in_session``: referred, not
    voided, the day open, one's own unless the supervisor, the version seen); here a met
    client without a deal also needs the reason from the list. What is written is what
    the lobby's day close reads. Returns the referral's new version.
    """
    problems = v.Problems()
    outcome = referrals.check_outcome(actor, met=met, deal=deal, products=products, amount=amount,
                                      no_deal_reason=no_deal_reason, problems=problems)
    reason_refused = any(p.field == "no_deal_reason" for p in problems.items)
    if met and not deal and outcome.no_deal_reason is None and not reason_refused:
        problems.items.append(FieldProblem("no_deal_reason", msg("no_deal_reason_required")))
    if follow_up is not None:
        require(actor, Action.FOLLOWUP_CREATE)
        with problems.check():
            v.future_date("follow_up_date", follow_up.first_contact, today=db.today())
    problems.raise_if_any()
    with db.write() as s:
        if follow_up is not None:
            # Every read before the first change: a query's autoflush must not write the referral early.
            r = _referral_for_follow_up(s, actor, referral_id)
            client, open_already = _check_follow_up(s, actor, r)
        new_version = referrals.outcome_in_session(s, db, actor, referral_id, outcome, version=version)
        if follow_up is not None:
            if open_already:
                raise ValidationError([FieldProblem("follow_up_date", msg("follow_up_open_already"))])
            _add_follow_up(s, db, actor, r, client, follow_up.first_contact)
        return new_version


@retrying
def open_follow_up(db: Database, actor: Actor, referral_id: int, first_contact: dt.date) -> int:
    """A follow-up from a recorded outcome (an after-sale call after a deal, a second try after none).

    Linked to the client, and to the referral through ``source_referral_id`` (not the
    unique ``referral_id``, which is a pending referral's own follow-up): docs/received.md.
    Returns the new follow-up's id.
    """
    require(actor, Action.FOLLOWUP_CREATE)
    v.future_date("follow_up_date", first_contact, today=db.today())
    with db.write() as s:
        r = _referral_for_follow_up(s, actor, referral_id)
        if r.confirmed_at is None or r.status != ReferralStatus.REFERRED or r.voided_at is not None:
            raise ValidationError([FieldProblem("follow_up_date", msg("outcome_first"))])
        client, open_already = _check_follow_up(s, actor, r)
        if open_already:
            raise ValidationError([FieldProblem("follow_up_date", msg("follow_up_open_already"))])
        return _add_follow_up(s, db, actor, r, client, first_contact).id


def _referral_for_follow_up(s: Session, actor: Actor, referral_id: int) -> Referral:
    # Locked (PostgreSQL; SQLite has one writer anyway): two people opening a follow-up from the same
    # outcome at once queue here, and the second sees the first's follow-up instead of adding another.
    r = s.get(Referral, referral_id, with_for_update=True)
    if r is None or r.branch_id != actor.branch_id:
        raise NotFound("referral", referral_id)
    if r.rm_id != actor.staff_id and not allowed(actor.role, Action.FOLLOWUP_REASSIGN):
        raise PermissionDenied(f"{Action.FOLLOWUP_CREATE.value} (another RM's referral)", actor.role)
    return r


def _check_follow_up(s: Session, actor: Actor, r: Referral) -> tuple[Client, bool]:
    """The client the follow-up is for, once the actor may take them; and whether the referral's RM
    already holds an open follow-up of this client (then no second one is opened)."""
    client = s.get(Client, r.client_id)
    assert client is not None
    # The one rule of who may open a follow-up on a client (docs/permissions.md "Follow-ups").
    followups._check_may_take(s, actor, client)
    held = s.scalar(select(FollowUp.id).where(
        and_(FollowUp.client_id == client.id, FollowUp.rm_id == r.rm_id, FollowUp.state.in_(_OPEN))).limit(1))
    return client, held is not None


def _add_follow_up(s: Session, db: Database, actor: Actor, r: Referral, client: Client,
                   first_contact: dt.date) -> FollowUp:
    fu = FollowUp(
        branch_id=r.branch_id, client_id=client.id, rm_id=r.rm_id, origin=FollowUpOrigin.REFERRAL,
        referral_id=None, source_referral_id=r.id, state=FollowUpState.OPEN, next_contact_date=first_contact,
        attempts=0, plan_goal=AFTER_SALE_GOAL if r.deal else SECOND_TRY_GOAL, opened_at=db.now(),
    )
    s.add(fu)
    s.flush()
    audit.record(s, db, actor, "create", "follow_up", fu.id,
                 f"origin=outcome referral={r.id} kind={'after_sale' if r.deal else 'second_try'}")
    return fu
