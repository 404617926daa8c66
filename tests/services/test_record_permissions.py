"""Who may see and change which record: every role × every service action × the record being the
actor's own, another RM's, or another branch's — the table of docs/permissions.md, on both engines.

A refusal is PermissionDenied when the role may never do it or the record is another RM's in the
same branch; another branch's record is NotFound (its existence does not leak); a list or a search
simply does not show a record the viewer may not reach. A refused call writes nothing.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest
from sqlalchemy import select

from models import (
    AuditEvent,
    Base,
    Branch,
    BranchSettings,
    Client,
    FollowUp,
    FollowUpOrigin,
    FollowUpState,
    Referral,
    Role,
    Tier,
)
from services import accounts, assessment, audit, clients, contacts, dayclose, followups, referrals, stats, targets
from services.accounts import StaffInfo
from services.db import Database
from services.errors import NotFound, PermissionDenied, ValidationError
from services.permissions import Actor
from tests.factories import Factories

# Every role the code knows (docs/product.md "Roles"), the head office too: it sees aggregates only.
ROLES = list(Role)
T, L, R, M, S, A = Role.TELLER, Role.LOBBY_MANAGER, Role.RM, Role.MARKETING, Role.SUPERVISOR, Role.ADMIN
H = Role.HEAD_OFFICE
OWN, OTHER_RM, OTHER_BRANCH = "own", "other_rm", "other_branch"
SCOPES = (OWN, OTHER_RM, OTHER_BRANCH)
OK = "ok"


@dataclass(frozen=True)
class Record:
    """A client with a pending referral (so an open follow-up) and a referred one, in one scope."""

    scope: str
    referrer: StaffInfo
    rm: StaffInfo
    client_id: int
    mobile: str
    pending_id: int
    follow_up_id: int
    referred_id: int


class World:
    """Branch A with a person of every role, a second RM and a second teller; branch B with its own."""

    def __init__(self, db: Database, f: Factories, role: Role) -> None:
        self.db, self.f, self.role = db, f, role
        self.people = {r: f.staff(r) for r in ROLES}
        self.me = self.people[role]
        self.rm = self.people[R]
        self.other_rm = f.staff(R)
        self.other_teller = f.staff(T)
        with db.write() as s:
            b = Branch(code="0002", name="第二支行")
            s.add(b)
            s.flush()
            s.add(BranchSettings(branch_id=b.id, abandon_after_attempts=3, idle_lock_minutes=10,
                                 score_weights={}, interests=[]))
        self.teller_b = self._staff_b(T, "B0001")
        self.rm_b = self._staff_b(R, "B0002")

    def _staff_b(self, role: Role, staff_no: str) -> StaffInfo:
        info, _ = accounts.add_staff(self.db, self.f.system, staff_no=staff_no, name="乙行员工", role=role,
                                     password="Passw0rd!", must_change_password=False, branch_code="0002")
        return info

    @property
    def actor(self) -> Actor:
        return self.f.actor(self.me)

    def record(self, scope: str) -> Record:
        if scope == OWN:
            # The actor's own: filed by them (admin and the head office file nothing) and, for an RM, theirs to work.
            referrer = self.me if self.role not in (A, H) else self.other_teller
            rm = self.me if self.role == R else self.rm
        elif scope == OTHER_RM:
            referrer, rm = self.other_teller, self.other_rm
        else:
            referrer, rm = self.teller_b, self.rm_b
        mobile = self.f.mobile()
        pending = self.f.referral(referrer, rm, status="pending", mobile=mobile, name="周客户")
        referred = self.f.referral(referrer, rm, client_id=pending.client_id)
        assert pending.follow_up_id is not None
        return Record(scope, referrer, rm, pending.client_id, mobile, pending.id, pending.follow_up_id, referred.id)

    def version(self, entity: type[Base], key: int) -> int:
        with self.db.read() as s:
            row = s.get(entity, key)
            assert row is not None
            return int(row.version)  # type: ignore[attr-defined]

    def tomorrow(self) -> dt.date:
        return self.db.today() + dt.timedelta(days=1)

    def snapshot(self) -> dict[str, list[tuple[object, ...]]]:
        """Every row of every table: a refused call must leave all of it as it was."""
        out = {}
        with self.db.read() as s:
            for table in Base.metadata.sorted_tables:
                pk = list(table.primary_key.columns)
                out[table.name] = [tuple(r) for r in s.execute(select(table).order_by(*pk))]
        return out


# --- the exercisers: one real service call per action --------------------------------------------

def _shown(found: bool, what: str, key: int) -> str:
    """Lists and searches do not refuse: a record out of reach is simply absent — NotFound here."""
    if not found:
        raise NotFound(what, key)
    return OK


def _file(w: World, a: Actor, rec: Record) -> object:
    try:
        return referrals.file_referral(w.db, a, referrals.ReferralInput(
            client_type="to_win", status="referred", rm_id=w.rm.id, channel="lobby", client_id=rec.client_id))
    except ValidationError as exc:
        # Another branch's client answers exactly as an unknown client id: the client field is refused.
        assert set(exc.fields) == {"client"}, exc.fields
        raise NotFound("client", rec.client_id) from None


def _reassign(w: World, a: Actor, rec: Record) -> object:
    to = w.other_rm if rec.rm.id != w.other_rm.id else w.rm
    followups.reassign(w.db, a, rec.follow_up_id, to.id)
    return OK


# What the supervisor does first, before the snapshot, so the day can be closed / reopened.
PREPARE: dict[str, Callable[[World, Record], object]] = {
    "dayclose.close": lambda w, rec: referrals.record_outcome(
        w.db, w.f.actor(w.people[S]), rec.referred_id, met=True, deal=False),
    "dayclose.reopen": lambda w, rec: dayclose.close_day(
        w.db, w.f.actor(w.people[S]), w.db.today(), force_reason="测试"),
}


Exercise = Callable[[World, Actor, Record], object]

EXERCISE: dict[str, Exercise] = {
    "referral.file": _file,
    "referral.warnings": lambda w, a, rec: _shown(
        bool(referrals.duplicate_warnings(w.db, a, client_id=rec.client_id)), "client", rec.client_id),
    "referral.update": lambda w, a, rec: referrals.update_referral(
        w.db, a, rec.referred_id, w.version(Referral, rec.referred_id), channel="seminar"),
    "referral.void": lambda w, a, rec: referrals.void_referral(w.db, a, rec.referred_id, "录入错误"),
    "referral.outcome": lambda w, a, rec: referrals.record_outcome(w.db, a, rec.referred_id, met=True, deal=False),
    "dayclose.outcome": lambda w, a, rec: dayclose.record_outcome(w.db, a, rec.referred_id, met=True, deal=True,
                                                                  products="基金", amount="1000"),
    "referral.list_own": lambda w, a, rec: _shown(
        rec.referred_id in {r.id for r in referrals.list_referrals(w.db, a, None, "own")}, "referral", rec.referred_id),
    "referral.list_branch": lambda w, a, rec: _shown(
        rec.referred_id in {r.id for r in referrals.list_referrals(w.db, a, None, "branch")},
        "referral", rec.referred_id),
    "followup.queue": lambda w, a, rec: _shown(
        rec.follow_up_id in {r.id for r in followups.queue(w.db, a)}, "follow_up", rec.follow_up_id),
    "followup.contact": lambda w, a, rec: followups.record_contact(
        w.db, a, rec.follow_up_id, channel="phone", result="no_answer", next_contact_date=w.tomorrow()),
    "followup.close": lambda w, a, rec: followups.close_follow_up(w.db, a, rec.follow_up_id, state="converted"),
    "followup.appointment": lambda w, a, rec: followups.record_contact(
        w.db, a, rec.follow_up_id, channel="visit", result="appointment", place="二楼",
        appointment_at=w.db.now() + dt.timedelta(days=1)),
    "followup.close_with_reason": lambda w, a, rec: followups.close_follow_up(
        w.db, a, rec.follow_up_id, state="not_premium", reason="资产不足"),
    "followup.plan": lambda w, a, rec: contacts.set_plan(w.db, a, rec.follow_up_id, strengths="企业主",
                                                         personality=None, needs=None, goal="面谈"),
    "followup.plan_read": lambda w, a, rec: contacts.get_plan(w.db, a, rec.follow_up_id),
    "followup.create_own": lambda w, a, rec: followups.create_own(w.db, a, rec.client_id, w.tomorrow()),
    "followup.reassign": _reassign,
    "client.search": lambda w, a, rec: _shown(
        rec.client_id in {c.id for c in clients.search_clients(w.db, a, rec.mobile)}, "client", rec.client_id),
    "client.profile": lambda w, a, rec: clients.get_profile(w.db, a, rec.client_id),
    "client.update": lambda w, a, rec: clients.update_profile(
        w.db, a, rec.client_id, w.version(Client, rec.client_id), occupation="教师"),
    "client.reveal": lambda w, a, rec: clients.reveal(w.db, a, rec.client_id, "mobile"),
    "client.reveal_contact": lambda w, a, rec: clients.reveal_contact(w.db, a, rec.client_id),
    "client.timeline": lambda w, a, rec: clients.timeline(w.db, a, rec.client_id),
    "dayclose.view": lambda w, a, rec: _shown(
        rec.referred_id in {ln.referral_id for ln in dayclose.reconciliation(w.db, a, w.db.today()).lines},
        "referral", rec.referred_id),
    "audit.list": lambda w, a, rec: _shown(
        any(e[4] == "referral" and e[5] == rec.referred_id for e in audit.list_events(w.db, a, limit=1000)),
        "audit_event", rec.referred_id),
    "report.daily": lambda w, a, rec: _shown(
        rec.referrer.staff_no in {row.staff.staff_no for row in stats.daily(w.db, a, w.db.today()).referrers},
        "report_line", rec.referrer.id),
    # Day-level actions name no record: they always act on the actor's own branch's day.
    "dayclose.close": lambda w, a, rec: dayclose.close_day(w.db, a, w.db.today()),
    "dayclose.reopen": lambda w, a, rec: dayclose.reopen_day(w.db, a, w.db.today(), "补录"),
    "report.all_branches": lambda w, a, rec: stats.daily(w.db, a, w.db.today(), all_branches=True),
    # Targets and the assessment name the record's RM (docs/assessment.md "Who may").
    "target.set": lambda w, a, rec: targets.set_targets(w.db, a, rec.rm.id, w.db.today(),
                                                        dict.fromkeys(targets.FIGURES, 1), 0),
    "target.view": lambda w, a, rec: targets.get_targets(w.db, a, rec.rm.id, w.db.today()),
    "assessment.view": lambda w, a, rec: assessment.assess(w.db, a, w.db.today(), rec.rm.id),
    "assessment.rating": lambda w, a, rec: assessment.set_rating(w.db, a, rec.rm.id, w.db.today(), 6, 0),
    "assessment.item": lambda w, a, rec: assessment.add_item(w.db, a, rec.rm.id, w.db.today(), 3, "other", "表现好"),
}


@dataclass(frozen=True)
class Rule:
    """``roles`` may do it at all (others: PermissionDenied whatever the record); on another RM's
    record only ``other_rm`` may (the rest: ``other_rm_refusal``); another branch's record is
    NotFound for ``roles``. ``writes``: an allowed call changes the database."""

    roles: frozenset[Role]
    other_rm: frozenset[Role]
    writes: bool
    other_rm_refusal: str = "PermissionDenied"
    branch_level: bool = False

    def expect(self, role: Role, scope: str) -> str:
        if role not in self.roles:
            return "PermissionDenied"
        if scope == OWN:
            return OK
        if scope == OTHER_RM:
            return OK if role in self.other_rm else self.other_rm_refusal
        return "NotFound"


def rule(roles: set[Role], other_rm: set[Role] | None = None, *, writes: bool, **kw: object) -> Rule:
    return Rule(frozenset(roles), frozenset(roles if other_rm is None else other_rm), writes, **kw)  # type: ignore[arg-type]


FILERS = {T, L, R, M, S}
# docs/permissions.md, one line per action.
RULES: dict[str, Rule] = {
    "referral.file": rule(FILERS, writes=True),
    "referral.warnings": rule(FILERS, writes=False),  # who referred the client lately, before filing
    "referral.update": rule(FILERS, {L, S}, writes=True),
    "referral.void": rule(FILERS, {L, S}, writes=True),
    "referral.outcome": rule({L, R, S}, {L, S}, writes=True),
    "dayclose.outcome": rule({L, S}, writes=True),
    "referral.list_own": rule(FILERS, set(), writes=False, other_rm_refusal="NotFound"),
    "referral.list_branch": rule({L, S}, writes=False),
    "followup.queue": rule({R, S}, {S}, writes=False, other_rm_refusal="NotFound"),
    "followup.contact": rule({R, S}, {S}, writes=True),
    "followup.close": rule({R, S}, {S}, writes=True),
    "followup.appointment": rule({R, S}, {S}, writes=True),
    "followup.close_with_reason": rule({R, S}, {S}, writes=True),
    "followup.plan": rule({R, S}, {S}, writes=True),
    "followup.plan_read": rule({R, S}, {S}, writes=False),
    "followup.create_own": rule({R, S}, {S}, writes=True),
    "followup.reassign": rule({S}, writes=True),
    "client.search": rule(FILERS, writes=False),
    "client.profile": rule({R, S}, {S}, writes=False),
    "client.update": rule({R, S}, {S}, writes=True),
    "client.reveal": rule({R, S}, {S}, writes=True),  # the reveal is audited
    "client.reveal_contact": rule({R, S}, {S}, writes=True),  # the profile window's reveal, audited
    "client.timeline": rule({R, S}, {S}, writes=False),
    "dayclose.view": rule({L, S}, writes=False),
    "audit.list": rule({A, S}, writes=False),
    "report.daily": rule({L, S}, writes=False),
    "dayclose.close": rule({L, S}, writes=True, branch_level=True),
    "dayclose.reopen": rule({S}, writes=True, branch_level=True),
    "report.all_branches": rule({S, H}, writes=False, branch_level=True),
    "target.set": rule({S}, writes=True),
    "target.view": rule({R, S}, {S}, writes=False),
    "assessment.view": rule({R, S}, {S}, writes=False),
    "assessment.rating": rule({S}, writes=True),
    "assessment.item": rule({S}, writes=True),
}

CASES = [
    pytest.param(action, scope, id=f"{action}-{scope}")
    for action, r in RULES.items()
    for scope in ((OWN,) if r.branch_level else SCOPES)
]


def test_every_action_has_a_rule_and_an_exerciser() -> None:
    assert set(RULES) == set(EXERCISE)


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.value)
@pytest.mark.parametrize(("action", "scope"), CASES)
def test_record_permission_cell(action: str, scope: str, role: Role, db: Database, f: Factories) -> None:
    w = World(db, f, role)
    rec = w.record(scope)
    expected = RULES[action].expect(role, scope)
    if action in PREPARE:
        PREPARE[action](w, rec)
    before = w.snapshot()
    if expected == OK:
        EXERCISE[action](w, w.actor, rec)
        if RULES[action].writes:
            assert w.snapshot() != before, "an allowed change must be written"
        return
    error = PermissionDenied if expected == "PermissionDenied" else NotFound
    with pytest.raises(error):
        EXERCISE[action](w, w.actor, rec)
    assert w.snapshot() == before, "a refused call must write nothing"


# --- defect 6: an RM cannot take over another RM's client -----------------------------------------

def _client(db: Database, client_id: int) -> Client:
    with db.read() as s:
        c = s.get(Client, client_id)
        assert c is not None
        s.expunge(c)
        return c


def test_an_rm_cannot_open_a_follow_up_on_another_rms_client(db: Database, f: Factories) -> None:
    lobby, rm_a, rm_b = f.staff(L), f.staff(R), f.staff(R)
    theirs = f.referral(lobby, rm_a, status="referred")
    with pytest.raises(PermissionDenied):
        followups.create_own(db, f.actor(rm_b), theirs.client_id, db.today() + dt.timedelta(days=1))
    with db.read() as s:
        assert s.scalars(select(FollowUp).where(FollowUp.client_id == theirs.client_id)).all() == []
    # Their own client: allowed.
    followups.create_own(db, f.actor(rm_a), theirs.client_id, db.today() + dt.timedelta(days=1))


def _client_without_rm(db: Database, f: Factories, mobile: str) -> int:
    """A prospect nobody holds yet: no RM, no follow-up."""
    with db.write() as s:
        c = Client(branch_id=f.branch.id, name="无主客户", mobile=mobile, created_at=db.now(),
                   tier=Tier.NONE, score=0)
        s.add(c)
        s.flush()
        return c.id


def test_a_client_without_an_rm_is_open_to_the_first_rm_unless_another_already_works_them(
        db: Database, f: Factories) -> None:
    rm_a, rm_b, sup = f.staff(R), f.staff(R), f.staff(S)
    cid = _client_without_rm(db, f, "13900009999")
    tomorrow = db.today() + dt.timedelta(days=1)
    fu = followups.create_own(db, f.actor(rm_a), cid, tomorrow)
    with pytest.raises(PermissionDenied):
        followups.create_own(db, f.actor(rm_b), cid, tomorrow)  # rm_a's open follow-up holds the prospect
    followups.create_own(db, f.actor(sup), cid, tomorrow)  # the supervisor may, on any client of the branch
    followups.close_follow_up(db, f.actor(rm_a), fu, state="converted")
    assert _client(db, cid).rm_id == rm_a.id, "a converted close gives a client with no RM to the follow-up's RM"


def test_converting_another_rms_client_does_not_move_the_client(db: Database, f: Factories) -> None:
    lobby, rm_a, rm_b = f.staff(L), f.staff(R), f.staff(R)
    first = f.referral(lobby, rm_a, status="referred", mobile="13811112222")
    before = _client(db, first.client_id)
    # The lobby hands rm_a's client to rm_b today (allowed: the referrer picks the RM) ...
    second = f.referral(lobby, rm_b, status="pending", client_id=first.client_id)
    assert second.follow_up_id is not None
    # ... and rm_b's converted close must not make the client theirs.
    followups.close_follow_up(db, f.actor(rm_b), second.follow_up_id, state="converted")
    after = _client(db, first.client_id)
    assert (after.rm_id, after.tier, after.version) == (rm_a.id, before.tier, before.version)
    with pytest.raises(PermissionDenied):
        clients.get_profile(db, f.actor(rm_b), first.client_id)  # holdings stay with rm_a
    with pytest.raises(PermissionDenied):
        clients.reveal(db, f.actor(rm_b), first.client_id, "id_number")
    assert clients.reveal(db, f.actor(rm_a), first.client_id, "mobile") == "13811112222"


def test_filing_a_pending_referral_naming_oneself_shows_a_masked_mobile_in_the_queue(
        db: Database, f: Factories) -> None:
    rm = f.staff(R)
    filed = f.referral(rm, rm, status="pending", mobile="13855556666")
    row = next(r for r in followups.queue(db, f.actor(rm)) if r.id == filed.follow_up_id)
    assert row.client_mobile == "138****6666"
    # The full number only through the profile's reveal, which is audited.
    assert clients.reveal(db, f.actor(rm), filed.client_id, "mobile") == "13855556666"
    with db.read() as s:
        reveals = s.scalars(select(AuditEvent).where(AuditEvent.action == "reveal",
                                                     AuditEvent.entity_id == filed.client_id)).all()
    assert len(reveals) == 1 and "13855556666" not in (reveals[0].detail or "")


@pytest.mark.parametrize("role", [R, S], ids=lambda r: r.value)
def test_queue_rows_are_masked_for_every_role(role: Role, db: Database, f: Factories) -> None:
    lobby, rm = f.staff(L), f.staff(R)
    viewer = rm if role == R else f.staff(S)
    filed = f.referral(lobby, rm, status="pending", mobile="13877778888")
    rows = [r for r in followups.queue(db, f.actor(viewer)) if r.id == filed.follow_up_id]
    assert [r.client_mobile for r in rows] == ["138****8888"]


def test_two_rms_converting_one_unowned_client_at_once_leave_it_with_one_of_them(
        db: Database, f: Factories) -> None:
    """PostgreSQL race: two converted closes on a client with no RM; the client moves once, never twice."""
    if db.dialect != "postgresql":
        pytest.skip("SQLite writers queue on the database's write lock")
    rm_a, rm_b = f.staff(R), f.staff(R)
    cid = _client_without_rm(db, f, "13900008888")
    tomorrow = db.today() + dt.timedelta(days=1)
    fu_a = followups.create_own(db, f.actor(rm_a), cid, tomorrow)
    with db.write() as s:  # rm_b opened theirs before rm_a's existed (the check refuses it now)
        other = FollowUp(branch_id=f.branch.id, client_id=cid, rm_id=rm_b.id, origin=FollowUpOrigin.OWN,
                         state=FollowUpState.OPEN, next_contact_date=tomorrow, attempts=0, opened_at=db.now())
        s.add(other)
        s.flush()
        fu_b = other.id
    v0 = _client(db, cid).version
    barrier = threading.Barrier(2)
    results: dict[int, BaseException | None] = {}

    def close(rm: StaffInfo, fu_id: int) -> None:
        barrier.wait()
        try:
            followups.close_follow_up(db, f.actor(rm), fu_id, state="converted")
            results[rm.id] = None
        except Exception as exc:  # the loser of the race may be refused; it must not win
            results[rm.id] = exc

    threads = [threading.Thread(target=close, args=args) for args in ((rm_a, fu_a), (rm_b, fu_b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    after = _client(db, cid)
    assert after.rm_id in (rm_a.id, rm_b.id)
    assert after.version == v0 + 1, "the client changed hands more than once"
    assert results[after.rm_id] is None, "the RM the client went to had their close saved"


# --- defect 7: no walk of prefixes or suffixes rebuilds a number -----------------------------------

LOBBY_ROLES = [T, L, M]


@pytest.mark.parametrize("role", LOBBY_ROLES, ids=lambda r: r.value)
def test_the_lobby_finds_a_client_only_by_a_full_number_a_name_or_the_last_four(
        role: Role, db: Database, f: Factories) -> None:
    from tests.factories import make_id_number

    lobby, rm = f.staff(L), f.staff(R)
    id_no = make_id_number(dt.date(1985, 6, 1))
    target = f.referral(lobby, rm, mobile="13812345678", name="欧阳娜娜", client_id_number=id_no)
    f.referral(lobby, rm, mobile="13812349999", name="李四")  # shares the first seven digits
    me = f.actor(f.staff(role))

    def found(text: str) -> set[int]:
        return {c.id for c in clients.search_clients(db, me, text)}

    mobile = "13812345678"
    learned = {}
    for n in range(1, len(mobile) + 1):
        learned[f"prefix {mobile[:n]}"] = found(mobile[:n])
        learned[f"suffix {mobile[-n:]}"] = found(mobile[-n:])
    for n in range(1, len(id_no)):
        learned[f"id prefix {id_no[:n]}"] = found(id_no[:n])
        learned[f"id suffix {id_no[-n:]}"] = found(id_no[-n:])
    answered = {k for k, v in learned.items() if v}
    assert answered == {f"prefix {mobile}", f"suffix {mobile}", "suffix 5678"}, answered
    assert found("13812345678") == found("5678") == found(id_no) == found("欧阳") == found("欧阳娜娜") \
        == {target.client_id}
    for match in clients.search_clients(db, me, "5678"):
        assert match.mobile_masked == "138****5678" and "1985" not in match.id_number_masked


def test_an_rm_searches_by_prefix_only_among_their_own_clients(db: Database, f: Factories) -> None:
    lobby, rm_a, rm_b, sup = f.staff(L), f.staff(R), f.staff(R), f.staff(S)
    mine = f.referral(lobby, rm_a, mobile="13812345678")
    theirs = f.referral(lobby, rm_b, mobile="13812340000")

    def found(actor: Actor, text: str) -> set[int]:
        return {c.id for c in clients.search_clients(db, actor, text)}

    assert found(f.actor(rm_a), "1381234") == {mine.client_id}
    assert found(f.actor(rm_b), "1381234") == {theirs.client_id}
    assert found(f.actor(rm_a), "0000") == {theirs.client_id}, "the last four, as for everyone"
    for n in range(1, 11):
        assert theirs.client_id not in found(f.actor(rm_a), "13812340000"[:n])
    assert found(f.actor(sup), "138123") == {mine.client_id, theirs.client_id}
    assert found(f.actor(sup), "13812") == {mine.client_id, theirs.client_id}


# --- defect 13: masking beyond the profile; amounts hidden from the lobby -------------------------

def test_the_supervisors_referral_list_and_day_close_show_masked_mobiles(db: Database, f: Factories) -> None:
    lobby, rm, sup = f.staff(L), f.staff(R), f.staff(S)
    filed = f.referral(lobby, rm, mobile="13812345678")
    for viewer in (sup, lobby):
        rows = referrals.list_referrals(db, f.actor(viewer), None, "branch")
        assert [r.client_mobile for r in rows if r.id == filed.id] == ["138****5678"]
        lines = dayclose.reconciliation(db, f.actor(viewer), db.today()).lines
        assert [ln.client_mobile for ln in lines if ln.referral_id == filed.id] == ["138****5678"]
    rm_rows = referrals.list_referrals(db, f.actor(rm), None, "own")
    assert rm_rows == []  # the RM filed none of them


def test_the_lobby_manager_enters_an_amount_and_then_sees_it_masked(db: Database, f: Factories) -> None:
    lobby, rm, sup = f.staff(L), f.staff(R), f.staff(S)
    filed = f.referral(lobby, rm)
    dayclose.record_outcome(db, f.actor(lobby), filed.id, met=True, deal=True, products="基金", amount="50000")

    def line(viewer: StaffInfo) -> dayclose.ReconLine:
        return next(ln for ln in dayclose.reconciliation(db, f.actor(viewer), db.today()).lines
                    if ln.referral_id == filed.id)

    seen = line(lobby)
    assert (seen.deal, seen.products, seen.amount, seen.amount_text) == (True, "基金", None, "***")
    assert "50000" not in repr(seen) and "50,000" not in repr(seen)
    assert (line(sup).amount, line(sup).amount_text) == (Decimal("50000"), "50,000.00")
    # Correcting the products with the amount left empty (it was shown masked) keeps the amount.
    dayclose.record_outcome(db, f.actor(lobby), filed.id, met=True, deal=True, products="基金、保险",
                            version=seen.version)
    assert (line(sup).products, line(sup).amount) == ("基金、保险", Decimal("50000"))
    # The RM sees amounts: an empty amount from them clears it.
    referrals.record_outcome(db, f.actor(rm), filed.id, met=True, deal=True, products="基金")
    assert line(sup).amount is None


def test_the_lobby_roles_never_see_an_amount_in_the_day_close(db: Database, f: Factories) -> None:
    lobby, rm = f.staff(L), f.staff(R)
    filed = f.referral(lobby, rm)
    referrals.record_outcome(db, f.actor(rm), filed.id, met=True, deal=True, products="理财产品", amount="123456.78")
    lines = dayclose.reconciliation(db, f.actor(lobby), db.today()).lines
    assert [(ln.amount, ln.amount_text) for ln in lines] == [(None, "***")]
    for role in (T, M, R, A):
        with pytest.raises(PermissionDenied):
            dayclose.reconciliation(db, f.actor(f.staff(role)), db.today())
