"""Filing, editing, voiding and confirming referrals (docs/product.md "Workflow"), and the lists that show them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial

from sqlalchemy import func, select, tuple_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from models import (
    Channel,
    Client,
    ClientType,
    DayClose,
    FollowUp,
    FollowUpOrigin,
    FollowUpState,
    NoDealReason,
    Referral,
    ReferralStatus,
    Role,
    Staff,
    Tier,
)
from services import audit, reasons, states
from services import validation as v
from services.clients import can_see_full, find_by_mobile
from services.db import BRANCH_TZ, Database, local_date, retrying, unpublished_ranges
from services.errors import Busy, DayClosed, FieldProblem, NotFound, ValidationError
from services.i18n import msg
from services.masking import Kind, mask
from services.permissions import Action, Actor, allowed, require
from services.saving import expect_version, save, stamp

DUPLICATE_WINDOW_DAYS = 30
# Why a never-worked follow-up closed with its referral: kept on the follow-up, shown to the RM.
VOIDED_FOLLOW_UP_REASON = "推介已作废 / referral voided"

CLIENT_TYPE_ALIASES: dict[str, ClientType] = {
    "现有优质客户": ClientType.EXISTING_PREMIUM, "优质客户": ClientType.EXISTING_PREMIUM,
    "现有潜质客户": ClientType.EXISTING_POTENTIAL, "潜质客户": ClientType.EXISTING_POTENTIAL,
    "待争取优质客户": ClientType.TO_WIN, "待争取客户": ClientType.TO_WIN,
    "个人普通客户": ClientType.ORDINARY, "普通客户": ClientType.ORDINARY,
}

# The client types the lobby guides elsewhere instead of referring (docs/diversion.md); the
# referral form offers to count a diversion when one is chosen.
DIVERTED_TYPES: frozenset[str] = frozenset({ClientType.ORDINARY.value})


def referable_type(field: str, value: str | ClientType | None) -> ClientType:
    """A client type a referral may carry: an ordinary client is guided elsewhere, not referred.

    The lobby counts such a client as a diversion instead (docs/diversion.md).
    """
    ct = v.choice(field, value, ClientType, CLIENT_TYPE_ALIASES)
    if ct.value in DIVERTED_TYPES:
        raise v.fail(field, "ordinary_not_referred")
    return ct


STATUS_ALIASES: dict[str, ReferralStatus] = {"已推介": ReferralStatus.REFERRED, "待跟进": ReferralStatus.PENDING}
CHANNEL_ALIASES: dict[str, Channel] = {
    "大堂": Channel.LOBBY, "厅堂": Channel.LOBBY, "现金柜台": Channel.CASH_COUNTER,
    "现金柜员": Channel.CASH_COUNTER, "非现金柜台": Channel.NON_CASH_COUNTER,
    "非现金柜员": Channel.NON_CASH_COUNTER, "电话银行": Channel.PHONE_BANKING,
    "现有客户介绍": Channel.CLIENT_INTRODUCTION, "客户介绍": Channel.CLIENT_INTRODUCTION,
    "外拓": Channel.FIELD_VISIT, "上门拜访": Channel.FIELD_VISIT, "外出拜访": Channel.FIELD_VISIT,
    "理财沙龙": Channel.SEMINAR, "沙龙": Channel.SEMINAR,
}


@dataclass(frozen=True)
class ReferralInput:
    """What the referral form (or one import row) hands over; plain values only."""

    client_type: str | ClientType | None
    status: str | ReferralStatus | None
    rm_id: int | None
    channel: str | Channel | None
    client_id: int | None = None
    client_name: str | None = None
    client_mobile: str | None = None
    client_id_number: str | None = None
    interests: Sequence[str] = ()
    preferred_contact_at: dt.datetime | None = None
    note: str | None = None
    business_date: dt.date | None = None  # None: today
    created_at: dt.datetime | None = None  # None: now (imports give the sheet's time)


@dataclass(frozen=True)
class DuplicateWarning:
    kind: str  # "recent_referral" | "open_follow_up" | "judged_ordinary"
    by: str
    at: dt.datetime

    def text(self, lang_zh: bool = True) -> str:
        when = self.at.astimezone(BRANCH_TZ).strftime("%Y-%m-%d")
        if self.kind == "recent_referral":
            return f"{when} 已由 {self.by} 推介过" if lang_zh else f"referred by {self.by} on {when}"
        if self.kind == "open_follow_up":
            if lang_zh:
                return f"{self.by} 有未结束的跟进（{when} 起）"
            return f"open follow-up with {self.by} since {when}"
        return f"{when} 被 {self.by} 判定为普通客户" if lang_zh else f"judged ordinary by {self.by} on {when}"


@dataclass(frozen=True)
class FiledReferral:
    id: int
    client_id: int
    follow_up_id: int | None
    warnings: tuple[DuplicateWarning, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ReferralRow:
    """One line of 'my referrals' / 'today's referrals': masked for the lobby."""

    id: int
    created_at: dt.datetime
    business_date: dt.date
    referrer_name: str
    client_name: str
    client_mobile: str
    client_type: ClientType
    status: ReferralStatus
    channel: Channel
    rm_name: str
    met: bool | None
    deal: bool | None
    follow_up_state: FollowUpState | None
    voided: bool
    void_reason: str | None
    confirmed: bool
    version: int
    referrer_id: int
    rm_id: int
    can_void: bool  # the viewer may void it: not yet voided, and their own or they may edit any
    client_id: int = 0
    can_open_profile: bool = False  # the viewer may open the client's profile (clients.can_see_full)


# --- rules shared by the form and the import ------------------------------------

def day_is_closed(s: Session, branch_id: int, day: dt.date) -> bool:
    return bool(s.scalar(select(DayClose.closed).where(DayClose.branch_id == branch_id,
                                                      DayClose.business_date == day)))


def lock_day(s: Session, branch_id: int, day: dt.date, *, exclusive: bool = False) -> None:
    """Serialise writes to a day against closing it (PostgreSQL; SQLite writers already queue).

    Every change to a day's referrals takes the day's advisory lock shared; closing
    takes it exclusively, so a referral filed on another workstation cannot slip
    into a day between close_day's count and its commit.
    """
    if s.get_bind().dialect.name != "postgresql":
        return
    key = branch_id * 1_000_000 + day.toordinal()
    held = s.info.setdefault("day_locks", set())
    if (key, exclusive) in held or (key, True) in held:
        return  # already held for this transaction (imports touch the same day row after row)
    held.add((key, exclusive))
    fn = func.pg_advisory_xact_lock if exclusive else func.pg_advisory_xact_lock_shared
    s.execute(select(fn(key)))


def ensure_day_open(s: Session, branch_id: int, day: dt.date) -> None:
    """Refuse a change to a closed day. Once seen open, a day stays open for the rest of this
    write transaction (the day's lock, or SQLite's single writer, keeps a close out), so an
    import asks once per day, not once per row."""
    open_days = s.info.setdefault("open_days", set())
    if (branch_id, day) in open_days:
        return
    lock_day(s, branch_id, day)
    if day_is_closed(s, branch_id, day):
        raise DayClosed(day)
    open_days.add((branch_id, day))


def active_rm(s: Session, branch_id: int, rm_id: int | None) -> Staff | None:
    if rm_id is None:
        return None
    st = s.get(Staff, rm_id)
    if st is None or st.role != Role.RM or not st.active or st.branch_id != branch_id:
        return None
    return st


def warnings_for(s: Session, client_id: int, now: dt.datetime) -> list[DuplicateWarning]:
    out: list[DuplicateWarning] = []
    since = local_date(now) - dt.timedelta(days=DUPLICATE_WINDOW_DAYS)
    # Each query joins staff once, so no alias: building an aliased() per call
    # cost more than the three queries themselves (imports file thousands).
    recent = s.execute(
        select(Referral.created_at, Staff.name).join(Staff, Staff.id == Referral.referrer_id)
        .where(Referral.client_id == client_id, Referral.business_date >= since, Referral.voided_at.is_(None))
        .order_by(Referral.created_at.desc()).limit(1)
    ).first()
    if recent:
        out.append(DuplicateWarning("recent_referral", recent[1], recent[0]))
    open_fu = s.execute(
        select(FollowUp.opened_at, Staff.name).join(Staff, Staff.id == FollowUp.rm_id)
        .where(FollowUp.client_id == client_id, FollowUp.state.in_([FollowUpState.OPEN, FollowUpState.APPOINTED]))
        .order_by(FollowUp.opened_at.desc()).limit(1)
    ).first()
    if open_fu:
        out.append(DuplicateWarning("open_follow_up", open_fu[1], open_fu[0]))
    ordinary = s.execute(
        select(Client.judged_ordinary_at, Staff.name).join(Staff, Staff.id == Client.judged_ordinary_by_id)
        .where(Client.id == client_id, Client.judged_ordinary_at.is_not(None))
    ).first()
    if ordinary and ordinary[0] is not None:
        out.append(DuplicateWarning("judged_ordinary", ordinary[1], ordinary[0]))
    return out


def duplicate_warnings(db: Database, actor: Actor, *, client_id: int | None = None,
                       mobile: str | None = None) -> list[DuplicateWarning]:
    """What the form shows before saving: same client referred lately, open follow-up, judged ordinary."""
    require(actor, Action.REFERRAL_FILE)
    with db.read() as s:
        if client_id is None and mobile:
            try:
                clean = v.mobile("client_mobile", mobile)
            except ValidationError:
                return []
            c = find_by_mobile(s, actor.home_branch, clean or "")
            client_id = c.id if c else None
        if client_id is None:
            return []
        if s.scalar(select(Client.branch_id).where(Client.id == client_id)) != actor.branch_id:
            return []  # another branch's client is invisible, its history too (docs/permissions.md)
        return warnings_for(s, client_id, db.now())


def file_in_session(s: Session, db: Database, actor: Actor, referrer: Staff, data: ReferralInput,
                    problems: v.Problems, *, require_contact_time: bool = True,
                    with_warnings: bool = True) -> FiledReferral | None:
    """Validate and add one referral inside the caller's unit of work.

    Every problem goes into ``problems``; nothing is added unless all is well.
    """
    now = db.now()
    today = local_date(now)
    client_type = problems.run(lambda: referable_type("client_type", data.client_type))
    status = problems.run(lambda: v.choice("status", data.status, ReferralStatus, STATUS_ALIASES))
    channel = problems.run(lambda: v.choice("channel", data.channel, Channel, CHANNEL_ALIASES))
    note = problems.run(lambda: v.clean_text("note", data.note, max_len=v.NOTE_MAX, multiline=True))
    interests: list[str] = []
    for item in data.interests:
        text = problems.run(partial(v.clean_text, "interests", item, max_len=20))
        if text and text not in interests:
            interests.append(text)
    business_date = data.business_date or today
    with problems.check():
        v.past_date("date", business_date, today=today)
    rm = active_rm(s, referrer.home_branch_id, data.rm_id)
    if rm is None:
        problems.add("rm", "rm_not_active", value=data.rm_id if data.rm_id is not None else "")

    client: Client | None = None
    if data.client_id is not None:
        client = s.get(Client, data.client_id)
        if client is None or client.branch_id != referrer.branch_id:
            problems.add("client", "required")
            client = None
        if data.client_id_number:
            with problems.check():
                v.id_number("client_id_number", data.client_id_number, today=today)
    else:
        name = problems.run(lambda: v.person_name("client_name", data.client_name))
        mobile = problems.run(lambda: v.mobile("client_mobile", data.client_mobile))
        id_no = problems.run(lambda: v.id_number("client_id_number", data.client_id_number, today=today))
        if name and mobile and not problems:
            client = find_by_mobile(s, referrer.home_branch_id, mobile)
            if client is None:
                client = Client(
                    branch_id=referrer.branch_id, name=name, mobile=mobile, id_number=id_no,
                    birth_date=v.birth_date_of(id_no) if id_no else None,
                    gender=v.gender_of(id_no) if id_no else "unknown",
                    interests=interests, rm_id=rm.id if rm else None, tier=Tier.NONE, score=0,
                    created_at=now,
                )
            if client.id is not None and id_no and not client.id_number:
                client.id_number = id_no
                client.birth_date = v.birth_date_of(id_no)
                stamp(db, actor, client)  # the client's version moves: a later stale save names this filing

    contact_at = data.preferred_contact_at
    if status == ReferralStatus.PENDING and contact_at is None and require_contact_time:
        problems.add("contact_time", "contact_time_required")
    if contact_at is not None and contact_at.tzinfo is None:
        contact_at = contact_at.replace(tzinfo=BRANCH_TZ)
    if contact_at is not None and require_contact_time and local_date(contact_at) < today:
        problems.add("contact_time", "date_past")

    if problems or client is None or rm is None or status is None or client_type is None or channel is None:
        return None
    ensure_day_open(s, referrer.home_branch_id, business_date)
    is_new_client = client.id is None
    if is_new_client:
        client, is_new_client = insert_client(s, client)
        if is_new_client:
            audit.record(s, db, actor, "create", "client", client.id)
    if not is_new_client and client.rm_id is None:
        client.rm_id = rm.id
        stamp(db, actor, client)
    # A client created a moment ago cannot have history; imports skip the look-up altogether.
    warnings = tuple(warnings_for(s, client.id, now)) if with_warnings and not is_new_client else ()
    referral = Referral(
        branch_id=referrer.branch_id, business_date=business_date, created_at=data.created_at or now,
        referrer_id=referrer.id, client_id=client.id, client_type=client_type, channel=channel,
        status=status, rm_id=rm.id, interests=interests, preferred_contact_at=contact_at, note=note,
    )
    s.add(referral)
    s.flush()
    follow_up_id = None
    if status == ReferralStatus.PENDING:
        due = local_date(contact_at) if contact_at is not None else business_date
        fu = FollowUp(
            branch_id=referrer.branch_id, client_id=client.id, rm_id=rm.id, origin=FollowUpOrigin.REFERRAL,
            referral_id=referral.id, state=FollowUpState.OPEN, next_contact_date=due, attempts=0,
            opened_at=data.created_at or now,
        )
        s.add(fu)
        s.flush()
        follow_up_id = fu.id
        audit.record(s, db, actor, "create", "follow_up", fu.id, f"referral={referral.id}")
    audit.record(s, db, actor, "create", "referral", referral.id,
                 f"status={status.value} type={client_type.value} warnings={len(warnings)}")
    return FiledReferral(referral.id, client.id, follow_up_id, warnings)


def insert_client(s: Session, client: Client) -> tuple[Client, bool]:
    """Add a new client, or take the one another workstation filed with the same mobile meanwhile.

    The unique index on (branch, mobile) decides; the insert runs in a savepoint so
    that losing the race rolls back only the insert (docs/saving.md "Look-up-or-insert").
    Returns the client and whether it is new.
    """
    try:
        with s.begin_nested():
            s.add(client)
            s.flush()
    except IntegrityError:
        existing = find_by_mobile(s, client.branch_id, client.mobile or "") if client.mobile else None
        if existing is None:
            if client.mobile and unpublished_ranges(s.connection()):
                # An import is bringing in this mobile's client and has not published it yet:
                # busy, tried again within the budget (docs/imports.md "Writing a referral import").
                raise Busy() from None
            raise
        return existing, False
    return client, True


@retrying
def file_referral(db: Database, actor: Actor, data: ReferralInput) -> FiledReferral:
    """File one referral; a pending one opens the RM's follow-up in the same transaction."""
    require(actor, Action.REFERRAL_FILE)
    problems = v.Problems()
    with db.write() as s:
        referrer = s.get(Staff, actor.staff_id)
        if referrer is None or not referrer.active:
            raise NotFound("staff", actor.staff_no)
        filed = file_in_session(s, db, actor, referrer, data, problems)
        problems.raise_if_any()
        assert filed is not None
        return filed


# --- after filing ---------------------------------------------------------------

def _load_for_change(s: Session, db: Database, actor: Actor, referral_id: int, version: int | None,
                     *, confirm: bool = False) -> Referral:
    """The referral to change, once the actor may change it; then, only then, the version check."""
    r = s.get(Referral, referral_id)
    if r is None or r.branch_id != actor.branch_id:
        raise NotFound("referral", referral_id)
    if confirm:
        if actor.role == Role.RM and r.rm_id != actor.staff_id:
            require(actor, Action.REFERRAL_EDIT_ANY)
    elif r.referrer_id != actor.staff_id:
        require(actor, Action.REFERRAL_EDIT_ANY)
    else:
        require(actor, Action.REFERRAL_FILE)
    expect_version(db, r, version)
    return r


def may_void(actor: Actor, r: Referral) -> bool:
    """The rule ``void_referral`` enforces, for lists to show: one's own referral, or anyone's for
    those who may edit any (docs/product.md "Roles"); a voided referral is voided once."""
    if r.voided_at is not None:
        return False
    action = Action.REFERRAL_FILE if r.referrer_id == actor.staff_id else Action.REFERRAL_EDIT_ANY
    return allowed(actor.role, action)


@retrying
def void_referral(db: Database, actor: Actor, referral_id: int, reason: str, version: int | None = None) -> None:
    """Void with a reason: it stays visible, struck through, and is counted apart."""
    require(actor, Action.REFERRAL_FILE)  # a role that files none edits none (docs/permissions.md)
    clean = v.reason("void_reason", reason)
    with db.write() as s:
        r = _load_for_change(s, db, actor, referral_id, version)
        if r.voided_at is not None:
            raise ValidationError([FieldProblem("void_reason", msg("already_voided"))])
        ensure_day_open(s, r.branch_id, r.business_date)
        # Every read before the first change: a query's autoflush must not write the row ahead of save().
        fu = s.scalars(select(FollowUp).where(FollowUp.referral_id == r.id)).first()
        reason_id = reasons.keep(s, db, actor, clean)  # flushes: before the referral changes
        r.voided_at = db.now()
        r.voided_by_id = actor.staff_id
        r.void_reason_id = reason_id
        closed = fu is not None and fu.state.is_open and fu.attempts == 0
        if fu is not None and closed:
            states.close_follow_up(fu, FollowUpState.ABANDONED, by=actor.staff_id, at=db.now(),
                                   reason=VOIDED_FOLLOW_UP_REASON)
        save(s, db, actor, r, "void", None, also=[fu] if fu is not None and closed else [], reason_id=reason_id)


@retrying
def update_referral(db: Database, actor: Actor, referral_id: int, version: int, *,
                    client_type: str | None = None, channel: str | None = None, rm_id: int | None = None,
                    interests: Sequence[str] | None = None, note: str | None = None) -> int:
    """Its author or the lobby manager may correct a referral until the day is closed."""
    require(actor, Action.REFERRAL_FILE)  # a role that files none edits none (docs/permissions.md)
    problems = v.Problems()
    with db.write() as s:
        r = _load_for_change(s, db, actor, referral_id, version)
        ensure_day_open(s, r.branch_id, r.business_date)
        # Every read before the first change: a query's autoflush must not write the row ahead of save().
        rm = active_rm(s, r.branch_id, rm_id) if rm_id is not None else None
        if rm_id is not None and rm is None:
            problems.add("rm", "rm_not_active", value=rm_id)
        if client_type is not None:
            ct = problems.run(lambda: v.choice("client_type", client_type, ClientType, CLIENT_TYPE_ALIASES))
            if ct is not None and ct.value in DIVERTED_TYPES and ct != r.client_type:
                problems.add("client_type", "ordinary_not_referred")
            elif ct:
                r.client_type = ct
        if channel is not None:
            ch = problems.run(lambda: v.choice("channel", channel, Channel, CHANNEL_ALIASES))
            if ch:
                r.channel = ch
        if rm is not None:
            r.rm_id = rm.id
        if interests is not None:
            r.interests = [i for i in interests if i]
        if note is not None:
            r.note = problems.run(lambda: v.clean_text("note", note, max_len=v.NOTE_MAX, multiline=True))
        problems.raise_if_any()
        return save(s, db, actor, r, "update")


def sees_amounts(actor: Actor) -> bool:
    """A client's amounts (an outcome's amount among them) show only to the RMs and the
    supervisor; the lobby roles see deal / no deal and products (docs/permissions.md "Amounts")."""
    return allowed(actor.role, Action.CLIENT_PROFILE)


@retrying
def record_outcome(db: Database, actor: Actor, referral_id: int, *, met: bool, deal: bool,
                   products: str | None = None, amount: str | Decimal | None = None,
                   version: int | None = None, no_deal_reason: str | NoDealReason | None = None) -> int:
    """营销成果 of a referred client, confirmed by the RM (or by the lobby manager checking with them).

    A deal names what was sold; the amount stays optional (a card or an e-banking
    sign-up has none). A pending referral has no meeting to record: its follow-up
    carries what came of it.
    """
    outcome = check_outcome(actor, met=met, deal=deal, products=products, amount=amount,
                            no_deal_reason=no_deal_reason)
    with db.write() as s:
        return outcome_in_session(s, db, actor, referral_id, outcome, version=version)


@dataclass(frozen=True)
class Outcome:
    """An outcome whose fields passed their checks (``check_outcome``); written by ``outcome_in_session``."""

    met: bool
    deal: bool
    products: str | None
    amount: Decimal | None
    no_deal_reason: NoDealReason | None


def check_outcome(actor: Actor, *, met: bool, deal: bool, products: str | None, amount: str | Decimal | None,
                  no_deal_reason: str | NoDealReason | None, problems: v.Problems | None = None) -> Outcome:
    """The outcome's fields checked before anything is read; every problem beside its field.

    The no-deal reason is optional here (the lobby manager's fallback does not ask for
    it); the RM's outcome dialog requires it (``services.received.record_outcome``).
    """
    require(actor, Action.REFERRAL_CONFIRM)
    own = problems is None
    problems = problems if problems is not None else v.Problems()
    clean_products = problems.run(lambda: v.clean_text("products", products, max_len=200))
    if met and deal and not clean_products and not problems:
        problems.add("products", "required")
    clean_amount = problems.run(lambda: v.amount("amount", amount))
    reason = None
    if no_deal_reason is not None and not (isinstance(no_deal_reason, str) and not no_deal_reason.strip()):
        reason = problems.run(lambda: v.choice("no_deal_reason", no_deal_reason, NoDealReason))
    if own:
        problems.raise_if_any()
    is_deal = bool(deal and met)
    return Outcome(met, is_deal, clean_products, clean_amount, None if is_deal or not met else reason)


def outcome_in_session(s: Session, db: Database, actor: Actor, referral_id: int, outcome: Outcome, *,
                       version: int | None) -> int:
    """Write a checked outcome inside the caller's unit of work; the referral's new version."""
    r = _load_for_change(s, db, actor, referral_id, version, confirm=True)
    ensure_day_open(s, r.branch_id, r.business_date)
    if r.voided_at is not None:  # a voided form has no outcome: it is counted apart
        raise ValidationError([FieldProblem("status", msg("already_voided"))])
    if r.status != ReferralStatus.REFERRED:
        raise ValidationError([FieldProblem("status", msg("not_referred"))])
    keep_amount = r.outcome_amount if outcome.amount is None and not sees_amounts(actor) else None
    keep_reason = r.no_deal_reason if outcome.no_deal_reason is None and outcome.met and not outcome.deal else None
    r.met = outcome.met
    r.deal = outcome.deal
    r.outcome_products = outcome.products if r.deal else None
    # A viewer shown "***" instead of the amount leaves the field empty when correcting
    # the rest: that keeps the amount, it does not erase it (docs/permissions.md "Amounts").
    r.outcome_amount = (outcome.amount or keep_amount) if r.deal else None
    # Likewise the day close's panel, which does not ask for the no-deal reason, keeps the RM's.
    r.no_deal_reason = outcome.no_deal_reason or keep_reason
    r.confirmed_by_id = actor.staff_id
    r.confirmed_at = db.now()
    return save(s, db, actor, r, "confirm", f"met={outcome.met} deal={r.deal}")


# --- lists ----------------------------------------------------------------------

def _list_query(actor: Actor, day: dt.date | None, scope: str):  # type: ignore[no-untyped-def]
    # The names beside each referral are one sub-select per column, not joins: the plan is then the
    # referral table's alone (its index read in order, stopping at the window), whatever the planner
    # guesses about the other tables. Joined under row-level security, each table's branch check cut
    # the guess a hundredfold at 100 branches, and the planner sorted the whole branch instead
    # (docs/row-level-security.md "Cost").
    referrer, rm = aliased(Staff), aliased(Staff)
    own_client = Client.id == Referral.client_id
    q = (
        select(Referral,
               select(referrer.name).where(referrer.id == Referral.referrer_id).scalar_subquery(),
               select(rm.name).where(rm.id == Referral.rm_id).scalar_subquery(),
               select(Client.name).where(own_client).scalar_subquery(),
               select(Client.mobile).where(own_client).scalar_subquery(),
               select(Client.rm_id).where(own_client).scalar_subquery(),
               select(FollowUp.state).where(FollowUp.referral_id == Referral.id).scalar_subquery())
        .where(Referral.branch_id == actor.branch_id)
    )
    if day is not None:
        q = q.where(Referral.business_date == day)
    if scope == "branch":
        require(actor, Action.REFERRAL_VIEW_BRANCH)
    else:
        require(actor, Action.REFERRAL_VIEW_OWN)
        q = q.where(Referral.referrer_id == actor.staff_id)
    return q


def count_referrals(db: Database, actor: Actor, day: dt.date | None, scope: str = "own") -> int:
    q = _list_query(actor, day, scope).with_only_columns(func.count(Referral.id))
    with db.read() as s:
        return int(s.scalar(q) or 0)


def list_referrals(db: Database, actor: Actor, day: dt.date | None, scope: str = "own", *,
                   before: tuple[dt.datetime, int] | None = None, limit: int = 100) -> list[ReferralRow]:
    """One window of referrals, newest first; ``before`` is the last row's (created_at, id) key."""
    q = _list_query(actor, day, scope)
    if before is not None:
        at, rid = before
        # A row-value comparison, so both engines seek into the (…, created_at, id) index
        # instead of reading every newer row first (the OR form grew with the page's depth).
        # The plain tuple on the right takes the columns' types: ``at`` goes through UTCDateTime.
        q = q.where(tuple_(Referral.created_at, Referral.id) < (at, rid))
    q = q.order_by(Referral.created_at.desc(), Referral.id.desc()).limit(limit)
    with db.read() as s:
        rows = s.execute(q).all()
        void_reasons = reasons.texts(s, actor, (row[0].void_reason_id for row in rows))
    out = []
    # Masked for every viewer, the supervisor too: full numbers only through the
    # profile's audited reveal (docs/permissions.md "Lists").
    for r, referrer_name, rm_name, client_name, client_mobile, client_rm, fu_state in rows:
        out.append(ReferralRow(
            id=r.id, created_at=r.created_at, business_date=r.business_date, referrer_name=referrer_name,
            client_name=client_name, client_mobile=mask(client_mobile, Kind.MOBILE),
            client_type=r.client_type, status=r.status, channel=r.channel, rm_name=rm_name, met=r.met,
            deal=r.deal, follow_up_state=fu_state, voided=r.voided_at is not None,
            void_reason=void_reasons.get(r.void_reason_id) if r.void_reason_id else None,
            confirmed=r.confirmed_at is not None, version=r.version, referrer_id=r.referrer_id, rm_id=r.rm_id,
            can_void=may_void(actor, r), client_id=r.client_id, can_open_profile=can_see_full(actor, client_rm),
        ))
    return out
