"""Finding clients as people type, the masked brief the lobby may see, and the client profile:
its fields, its timeline, the audited reveal and the versioned edit (docs/profiles.md)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from models import (
    Appointment,
    Client,
    ClientType,
    ContactAttempt,
    FinancialSnapshot,
    FollowUp,
    MaintenanceRecord,
    Referral,
    RetentionRecord,
    RiskTolerance,
    Staff,
    Tier,
    UTCDateTime,
)
from services import audit
from services import validation as v
from services.db import Database, retrying
from services.errors import NotFound, PermissionDenied
from services.masking import Kind, mask
from services.permissions import Action, Actor, allowed, require
from services.saving import expect_version, save

SEARCH_LIMIT = 10
# The longest search text worth a query: an ID number is 18 characters, a name at most 30
# (services/validation.py); anything longer cannot match and is refused before any query.
SEARCH_MAX = 30


@dataclass(frozen=True)
class ClientMatch:
    """What the referral form shows for a found client: name, masked contact, type."""

    id: int
    name: str
    mobile_masked: str
    id_number_masked: str
    tier: Tier
    rm_id: int | None
    rm_name: str | None
    last_client_type: ClientType | None
    suggested_client_type: ClientType | None  # what the form pre-selects: the last referral's, else by tier
    can_open: bool = False  # the viewer may open this client's profile (``can_see_full``)


def can_see_full(actor: Actor, client_rm_id: int | None) -> bool:
    """An RM sees their own clients in full, the supervisor all of the branch."""
    if allowed(actor.role, Action.CLIENT_PROFILE_ALL):
        return True
    return allowed(actor.role, Action.CLIENT_PROFILE) and client_rm_id is not None and client_rm_id == actor.staff_id


def _prefix_range(col, prefix: str):  # type: ignore[no-untyped-def]
    # A range instead of LIKE so both engines use the b-tree index, whatever the collation.
    return (col >= prefix) & (col < prefix + "\uffff")


# Who may search how (docs/permissions.md "Search"; docs/product.md "Privacy and security"):
# everyone who may look clients up finds a full mobile (11 digits), a full ID
# number, a name or its start, or exactly the last four digits of a mobile. Only
# a viewer entitled to the full number may also search by a partial one — a
# mobile prefix of 3+ digits — and only among the clients they see in full (the
# supervisor: the branch; an RM: their own clients). No other partial number
# matches, so no walk of growing prefixes or suffixes rebuilds a masked number.
MOBILE_LEN = 11
LAST_FOUR = 4
# Mobiles are 11 digits (services/validation.py): characters 8–11 are the last four. Literal
# arguments, so the expression is the index's own (ix_client_branch_last_four).
_last_four_of_mobile = func.substr(Client.mobile, literal_column("8"), literal_column("4"))


def _prefix_scope(actor: Actor) -> ColumnElement[bool] | None:
    """Which clients a partial-number search may reach for this viewer, or None for none."""
    if allowed(actor.role, Action.CLIENT_PROFILE_ALL):
        return true()
    if allowed(actor.role, Action.CLIENT_PROFILE) and actor.staff_id is not None:
        return Client.rm_id == actor.staff_id
    return None


def check_search_text(text: str | None) -> str:
    """The search text, stripped; control characters or more than ``SEARCH_MAX`` characters are refused
    (field ``search``) before any query is sent. Pure: the search page calls it on each keystroke."""
    text = (text or "").strip()
    if v.has_control(text):
        raise v.fail("search", "control_chars")
    if len(text) > SEARCH_MAX:
        raise v.fail("search", "search_too_long", max=SEARCH_MAX)
    return text


def search_clients(db: Database, actor: Actor, text: str, *, limit: int = SEARCH_LIMIT,
                   after_id: int | None = None) -> list[ClientMatch]:
    """Clients of the actor's branch matching ``text`` under the search rules above; results always masked.

    A window of ``limit`` rows in the search's own order; ``after_id`` (the last client of the
    previous window) continues after it (a keyset, so a deep window costs what the first does).
    """
    require(actor, Action.CLIENT_LOOKUP)
    text = check_search_text(text)
    digits = re.sub(r"[\s\-]", "", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    # Each part is a condition with the order that reads it from an index; a text that means two
    # things (four digits: the last four, or a prefix for a viewer who may use one) is two parts,
    # each limited, merged here — one OR'ed query made SQLite walk the branch in mobile order.
    parts: list[tuple[ColumnElement[bool], ColumnElement[Any]]] = []
    if len(text) == 18 and text[:17].isdigit() and (text[17].isdigit() or text[17] in "xX"):
        # By an expression, so SQLite's planner finds the row through the ID number's index instead of
        # walking the branch's (branch, name) index for the order (docs/profiles.md "Measured").
        parts.append((Client.id_number == text.upper(), Client.name + ""))
    elif digits.isdigit():
        scope = _prefix_scope(actor) if len(digits) >= 3 else None
        if len(digits) == MOBILE_LEN:
            parts.append((Client.mobile == digits, Client.mobile.expression))
        elif len(digits) == LAST_FOUR:
            # Ordered by an expression, not the column: otherwise SQLite's planner (without
            # statistics) takes the (branch, mobile) index for its order and walks the whole
            # branch (60 ms at 300 000 clients against 0.5 ms through the last-four index).
            parts.append((_last_four_of_mobile == digits, Client.mobile + ""))
            if scope is not None:
                parts.append((and_(scope, _prefix_range(Client.mobile, digits)), Client.mobile.expression))
        elif scope is not None and len(digits) < MOBILE_LEN:
            parts.append((and_(scope, _prefix_range(Client.mobile, digits)), Client.mobile.expression))
        else:
            return []
    elif text:
        parts.append((_prefix_range(Client.name, text), Client.name.expression))
    else:
        return []
    rm = aliased(Staff)
    # The columns a result shows, not whole Client objects: loading the ORM entity (every column,
    # the JSON interests, the identity map) was most of a search's time (docs/profiles.md "Measured").
    base = (select(Client.id, Client.name, Client.mobile, Client.id_number, Client.tier, Client.rm_id, rm.name)
            .outerjoin(rm, rm.id == Client.rm_id).where(Client.branch_id == actor.branch_id))
    with db.read() as s:
        found: dict[int, _Found] = {}
        for match, order in parts:
            q = base.where(match)
            if after_id is not None:
                q = q.where(_after(s, order, after_id))
            for row in s.execute(q.order_by(order, Client.id).limit(limit)).all():
                found.setdefault(row[0], _Found(*row))
        rows = list(found.values())
        if len(parts) > 1:  # two parts are both in mobile order (digits sort alike in every collation)
            rows = sorted(rows, key=lambda r: (r.mobile or "", r.id))[:limit]
        last = _last_types(s, [r.id for r in rows])
        return [_match(actor, r, last.get(r.id)) for r in rows]


@dataclass(frozen=True)
class _Found:
    id: int
    name: str
    mobile: str | None
    id_number: str | None
    tier: Tier
    rm_id: int | None
    rm_name: str | None


def _after(s: Session, order: ColumnElement[Any], after_id: int) -> ColumnElement[bool]:
    """Rows after client ``after_id`` in (``order``, id): the key is read here, never sent by the GUI,
    so no window boundary carries a full number to the screen."""
    key = s.scalar(select(order).where(Client.id == after_id))
    if key is None:
        return false()
    return or_(order > key, and_(order == key, Client.id > after_id))


def _last_types(s: Session, client_ids: list[int]) -> dict[int, ClientType]:
    """Each client's last live referral's type, in one query for the whole window of results
    (one per row was most of a search's time: docs/profiles.md "Measured")."""
    if not client_ids:
        return {}
    rows = s.execute(select(Referral.client_id, Referral.client_type)
                     .where(Referral.client_id.in_(client_ids), Referral.voided_at.is_(None))
                     .order_by(Referral.client_id, Referral.created_at.desc(), Referral.id.desc())).all()
    out: dict[int, ClientType] = {}
    for client_id, client_type in rows:
        out.setdefault(client_id, client_type)
    return out


def _match(actor: Actor, c: _Found, last_type: ClientType | None) -> ClientMatch:
    return ClientMatch(c.id, c.name, mask(c.mobile, Kind.MOBILE), mask(c.id_number, Kind.ID_NUMBER),
                       c.tier, c.rm_id, c.rm_name, last_type, suggested_client_type(last_type, c.tier),
                       can_see_full(actor, c.rm_id))


# A known client's tier says which kind of premium client they are (docs/product.md "Workflow").
_TIER_TO_TYPE: dict[Tier, ClientType] = {
    Tier.CORE: ClientType.EXISTING_PREMIUM,
    Tier.ORDINARY_PREMIUM: ClientType.EXISTING_PREMIUM,
    Tier.POTENTIAL: ClientType.EXISTING_POTENTIAL,
    Tier.TO_WIN: ClientType.TO_WIN,
}


def suggested_client_type(last_type: ClientType | None, tier: Tier) -> ClientType | None:
    """The client type to pre-select for a found client: the type of their last live referral,
    else the one their tier implies; ``None`` when neither says (the person must choose)."""
    return last_type if last_type is not None else _TIER_TO_TYPE.get(tier)


def find_by_mobile(s: Session, branch_id: int, mobile: str) -> Client | None:
    return s.scalars(
        select(Client).where(Client.branch_id == branch_id, Client.mobile == mobile).order_by(Client.id).limit(1)
    ).first()


# --- the client profile (RM: own clients; supervisor: the whole branch) -----------

@dataclass(frozen=True)
class Holdings:
    as_of: dt.date
    deposits: Decimal
    loans: Decimal
    wealth_products: Decimal
    funds: Decimal
    insurance: Decimal
    intermediary: Decimal
    aum: Decimal


@dataclass(frozen=True)
class ClientProfile:
    """What the entitled RM or the supervisor sees; ID and mobile stay masked until revealed."""

    id: int
    name: str
    gender: str
    birth_year: int | None
    mobile_masked: str
    id_number_masked: str
    occupation: str | None
    employer: str | None
    district: str | None
    income_band: str | None
    education: str | None
    interests: tuple[str, ...]
    tier: Tier
    score: int
    rm_name: str | None
    judged_ordinary: bool
    holdings: Holdings | None
    version: int
    family: str | None = None  # household: members, in the RM's words
    dependants: int | None = None
    social_standing: str | None = None
    risk_tolerance: RiskTolerance | None = None
    rm_id: int | None = None
    updated_at: dt.datetime | None = None
    updated_by: str | None = None  # who saved the version shown


def _load_entitled(s: Session, actor: Actor, client_id: int, action: Action) -> Client:
    """The client, if ``actor`` may ``action`` it: the role at all (else PermissionDenied), another
    branch's client is NotFound (its existence does not leak), another RM's is PermissionDenied
    unless the viewer sees the whole branch (docs/permissions.md)."""
    require(actor, action)
    c = s.get(Client, client_id)
    if c is None or c.branch_id != actor.branch_id:
        raise NotFound("client", client_id)
    if not can_see_full(actor, c.rm_id):
        raise PermissionDenied(f"{action.value} (not assigned)", actor.role)
    return c


def get_profile(db: Database, actor: Actor, client_id: int) -> ClientProfile:
    with db.read() as s:
        c = _load_entitled(s, actor, client_id, Action.CLIENT_PROFILE)
        rm_name = s.scalar(select(Staff.name).where(Staff.id == c.rm_id)) if c.rm_id else None
        updated_by = s.scalar(select(Staff.name).where(Staff.id == c.updated_by_id)) if c.updated_by_id else None
        snap = s.scalars(select(FinancialSnapshot).where(FinancialSnapshot.client_id == c.id)
                         .order_by(FinancialSnapshot.as_of.desc()).limit(1)).first()
        holdings = None if snap is None else Holdings(snap.as_of, snap.deposits, snap.loans, snap.wealth_products,
                                                      snap.funds, snap.insurance, snap.intermediary, snap.aum)
        return ClientProfile(
            c.id, c.name, c.gender.value, c.birth_date.year if c.birth_date else None,
            mask(c.mobile, Kind.MOBILE), mask(c.id_number, Kind.ID_NUMBER), c.occupation, c.employer, c.district,
            c.income_band, c.education, tuple(c.interests or ()), c.tier, c.score, rm_name,
            c.judged_ordinary_at is not None, holdings, c.version,
            family=c.family, dependants=c.dependants, social_standing=c.social_standing,
            risk_tolerance=c.risk_tolerance, rm_id=c.rm_id, updated_at=c.updated_at, updated_by=updated_by,
        )


@retrying
def reveal(db: Database, actor: Actor, client_id: int, field: str) -> str:
    """The full mobile or ID number on an explicit 查看完整; every reveal is audited."""
    if field not in ("mobile", "id_number"):
        raise ValueError(field)
    with db.write() as s:
        c = _load_entitled(s, actor, client_id, Action.CLIENT_REVEAL)
        audit.record(s, db, actor, "reveal", "client", c.id, f"field={field}")
        return (c.mobile if field == "mobile" else c.id_number) or ""


@dataclass(frozen=True)
class Revealed:
    """A client's full contact numbers, for the profile window's 30 seconds (docs/profiles.md "Reveal")."""

    mobile: str
    id_number: str


@retrying
def reveal_contact(db: Database, actor: Actor, client_id: int) -> Revealed:
    """The profile window's 查看完整: the full mobile and ID number together, one audit event
    naming the fields (never their values)."""
    with db.write() as s:
        c = _load_entitled(s, actor, client_id, Action.CLIENT_REVEAL)
        audit.record(s, db, actor, "reveal", "client", c.id, "field=mobile,id_number")
        return Revealed(c.mobile or "", c.id_number or "")


# --- the timeline ------------------------------------------------------------------------

TIMELINE_PAGE = 100


@dataclass(frozen=True)
class TimelineKey:
    """Where a timeline window ends: newest first by (at, kind, id); the next window starts after it."""

    at: dt.datetime
    kind: str
    id: int


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened with the client.

    ``kind``: ``referral`` (``what`` its status, ``channel`` its channel), ``follow_up`` (its
    state), ``contact`` (its result and channel), ``appointment`` (its status; ``at`` the agreed
    time), ``maintenance`` (its kind), ``retention`` (its result, ``open`` while open; ``at`` when
    flagged, docs/retention.md). ``who``: the staff member who acted.
    """

    at: dt.datetime
    kind: str
    id: int
    what: str
    channel: str | None
    who: str | None
    note: str | None

    @property
    def key(self) -> TimelineKey:
        return TimelineKey(self.at, self.kind, self.id)


# In the order ties on ``at`` are broken (descending): a fixed rank per kind.
TIMELINE_KINDS = ("referral", "follow_up", "contact", "appointment", "maintenance", "retention")


def _before(at_col: ColumnElement[dt.datetime], id_col: ColumnElement[int], kind: str,
            after_kind: str | None) -> ColumnElement[bool]:
    """This kind's rows that come after the window's last entry in the newest-first order (at, kind, id)
    descending; the entry's time and id are the parameters ``after_at`` and ``after_id``.

    The kind is constant within one part of the UNION, so the condition is on (at, id) only and
    each part reads its own (client, at, id) index backwards."""
    if after_kind is None:
        return true()
    after_at = bindparam("after_at", type_=UTCDateTime())
    if kind < after_kind:  # at the same moment a smaller kind comes later
        return at_col <= after_at
    if kind > after_kind:
        return at_col < after_at
    return or_(at_col < after_at, and_(at_col == after_at, id_col < bindparam("after_id", type_=Integer())))


# Built once per (kind of the window's last entry, limit) and reused: the statement is large, and
# building it and its cache key took longer than running it (docs/profiles.md "Measured").
_TIMELINE_STATEMENTS: dict[tuple[str | None, int], Select[Any]] = {}
_TIMELINE_STATEMENTS_MAX = 64


def _timeline_statement(after_kind: str | None, limit: int) -> Select[Any]:
    key = (after_kind, limit)
    stmt = _TIMELINE_STATEMENTS.get(key)
    if stmt is not None:
        return stmt
    client_id = bindparam("client_id", type_=Integer())
    null_text = literal(None, String)

    def part(kind: str, at_col, id_col, what, channel, who, note, *where):  # type: ignore[no-untyped-def]
        q = (select(at_col.label("at"), literal(kind, String).label("kind"), id_col.label("id"),
                    type_coerce(what, String).label("what"), type_coerce(channel, String).label("channel"),
                    who.label("who_id"), note.label("note"))
             .where(*where, _before(at_col, id_col, kind, after_kind))
             .order_by(at_col.desc(), id_col.desc()).limit(limit))
        return select(q.subquery())

    parts = [
        part("referral", Referral.created_at, Referral.id, Referral.status, Referral.channel, Referral.referrer_id,
             Referral.note, Referral.client_id == client_id),
        part("follow_up", FollowUp.opened_at, FollowUp.id, FollowUp.state, null_text, FollowUp.rm_id,
             FollowUp.outcome_reason, FollowUp.client_id == client_id),
        part("contact", ContactAttempt.at, ContactAttempt.id, ContactAttempt.result, ContactAttempt.channel,
             ContactAttempt.staff_id, ContactAttempt.note,
             ContactAttempt.follow_up_id.in_(select(FollowUp.id).where(FollowUp.client_id == client_id))),
        part("appointment", Appointment.at, Appointment.id, Appointment.status, null_text, Appointment.rm_id,
             Appointment.note, Appointment.client_id == client_id),
        part("maintenance", MaintenanceRecord.at, MaintenanceRecord.id, MaintenanceRecord.kind,
             MaintenanceRecord.channel,
             MaintenanceRecord.rm_id, MaintenanceRecord.note, MaintenanceRecord.client_id == client_id),
        # The client's words of a retention record stay with the record (docs/retention.md): no note here.
        part("retention", RetentionRecord.flagged_at, RetentionRecord.id,
             func.coalesce(RetentionRecord.result, "open"), null_text, RetentionRecord.flagged_by_id, null_text,
             RetentionRecord.client_id == client_id),
    ]
    u = union_all(*parts).subquery()
    who = aliased(Staff)
    stmt = (select(u.c.at, u.c.kind, u.c.id, u.c.what, u.c.channel, who.name, u.c.note)
            .outerjoin(who, who.id == u.c.who_id)
            .order_by(u.c.at.desc(), u.c.kind.desc(), u.c.id.desc()).limit(limit))
    if len(_TIMELINE_STATEMENTS) < _TIMELINE_STATEMENTS_MAX:
        _TIMELINE_STATEMENTS[key] = stmt
    return stmt


def timeline(db: Database, actor: Actor, client_id: int, after: TimelineKey | None = None,
             limit: int = TIMELINE_PAGE) -> list[TimelineEntry]:
    """The client's referrals, follow-ups, contact attempts, appointments, maintenance and retention records,
    newest first:
    a keyset window of ``limit`` entries after ``after``. Only for a viewer entitled to the profile,
    so nothing in it is masked further; each part reads at most ``limit`` rows from its index."""
    if limit < 1:
        return []
    if after is not None and after.kind not in TIMELINE_KINDS:
        raise ValueError(after.kind)
    params: dict[str, object] = {"client_id": client_id}
    if after is not None:
        params.update(after_at=after.at, after_id=after.id)
    with db.read() as s:
        _load_entitled(s, actor, client_id, Action.CLIENT_PROFILE)
        rows = s.execute(_timeline_statement(after.kind if after else None, limit), params).all()
        return [TimelineEntry(_utc(at), kind, i, str(what), channel, who_name, note)
                for at, kind, i, what, channel, who_name, note in rows]


def _utc(at: dt.datetime | str) -> dt.datetime:
    # Through a UNION the column may come back as the engine stores it (SQLite: text).
    if isinstance(at, str):
        at = dt.datetime.fromisoformat(at)
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)


# --- editing the profile -----------------------------------------------------------------

# The free-text fields the edit dialog offers, with their longest value (the columns' sizes).
PROFILE_TEXT_FIELDS: dict[str, int] = {
    "occupation": 60, "employer": 100, "district": 60, "family": 200, "income_band": 32, "education": 32,
    "social_standing": 100,
}
DEPENDANTS_MAX = 20
INTEREST_MAX_LEN = 20
INTERESTS_MAX = 12


@retrying
def update_profile(db: Database, actor: Actor, client_id: int, version: int, *, occupation: str | None = None,
                   employer: str | None = None, district: str | None = None, family: str | None = None,
                   income_band: str | None = None, education: str | None = None,
                   social_standing: str | None = None, dependants: int | str | None = None,
                   risk_tolerance: str | None = None,
                   interests: list[str] | tuple[str, ...] | None = None) -> int:
    """Edit a profile's details; a stale ``version`` is refused with who changed it and when.

    A field given as ``None`` is left as it is and one given as ``""`` is emptied.
    The tier and score are not typed here: the scoring service computes them
    (docs/profiles.md "Fields"). Every field is checked and every problem reported at once;
    nothing is written unless all pass."""
    texts = {"occupation": occupation, "employer": employer, "district": district, "family": family,
             "income_band": income_band, "education": education, "social_standing": social_standing}
    problems = v.Problems()
    with db.write() as s:
        c = _load_entitled(s, actor, client_id, Action.CLIENT_EDIT)
        expect_version(db, c, version)
        for name, value in texts.items():
            if value is not None:
                with problems.check():
                    setattr(c, name, v.clean_text(name, value, max_len=PROFILE_TEXT_FIELDS[name]))
        if dependants is not None:
            with problems.check():
                c.dependants = _dependants(dependants)
        if risk_tolerance is not None:
            if not risk_tolerance.strip():
                c.risk_tolerance = None
            else:
                rt = problems.run(lambda: v.choice("risk_tolerance", risk_tolerance, RiskTolerance))
                if rt is not None:
                    c.risk_tolerance = rt
        if interests is not None:
            cleaned = problems.run(lambda: _interests(interests))
            if cleaned is not None:
                c.interests = cleaned
        problems.raise_if_any()
        return save(s, db, actor, c, "update")


def _dependants(value: int | str) -> int | None:
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, bool):
        raise v.fail("dependants", "whole_number_range", lo=0, hi=DEPENDANTS_MAX)
    try:
        n = value if isinstance(value, int) else int(value.strip())
    except ValueError:
        raise v.fail("dependants", "whole_number_range", lo=0, hi=DEPENDANTS_MAX) from None
    if not 0 <= n <= DEPENDANTS_MAX:
        raise v.fail("dependants", "whole_number_range", lo=0, hi=DEPENDANTS_MAX)
    return n


def _interests(values: list[str] | tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for value in values:
        text = v.clean_text("interests", value, max_len=INTEREST_MAX_LEN)
        if text and text not in out:
            out.append(text)
    if len(out) > INTERESTS_MAX:
        raise v.fail("interests", "too_many", max=INTERESTS_MAX)
    return out

