"""The RM's received referrals (docs/received.md): the day's list, the outcome the RM records and the day
close reads, a follow-up opened from it, the "for me since" look, on both engines."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from models import AuditEvent, Branch, BranchSettings, FollowUp, FollowUpOrigin, FollowUpState, Referral, Role
from services import accounts, dayclose, followups, received, referrals
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from services.permissions import Actor
from services.received import FollowUpRequest


@pytest.fixture
def crew(f):  # type: ignore[no-untyped-def]
    """A lobby manager, two RMs, a supervisor."""
    return (f.staff(Role.LOBBY_MANAGER, name="周大堂"), f.staff(Role.RM, name="张理财"),
            f.staff(Role.RM, name="李晓梅"), f.staff(Role.SUPERVISOR, name="王主任"))


def _other_branch_rm(db, f):  # type: ignore[no-untyped-def]
    with db.write() as s:
        b = Branch(code="0002", name="第二支行")
        s.add(b)
        s.flush()
        s.add(BranchSettings(branch_id=b.id, abandon_after_attempts=3, idle_lock_minutes=10,
                             score_weights={}, interests=[]))
    teller, _ = accounts.add_staff(db, f.system, staff_no="B0001", name="乙柜员", role=Role.TELLER,
                                   password="Passw0rd!", must_change_password=False, branch_code="0002")
    rm, _ = accounts.add_staff(db, f.system, staff_no="B0002", name="乙理财", role=Role.RM,
                               password="Passw0rd!", must_change_password=False, branch_code="0002")
    return teller, rm


def _version(db, referral_id: int) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        r = s.get(Referral, referral_id)
        assert r is not None
        return int(r.version)


# --- the list -------------------------------------------------------------------------------

def test_the_rm_sees_the_referrals_naming_them_for_the_chosen_day_newest_first(db, f, crew, clock):
    lobby, rm, rm2, _sup = crew
    yesterday = f.referral(lobby, rm, name="昨日客户")
    clock.advance(days=1)
    first = f.referral(lobby, rm, name="王小明", mobile="13912345678")
    clock.advance(minutes=5)
    second = f.referral(lobby, rm, status="pending", name="李大华")
    f.referral(lobby, rm2, name="别人的客户")
    rows = received.received(db, f.actor(rm))
    assert [r.id for r in rows] == [second.id, first.id]
    mine = rows[1]
    assert mine.client_name == "王小明" and mine.client_mobile == "139****5678"  # masked for every viewer
    assert mine.referrer_name == "周大堂" and mine.rm_name == "张理财" and mine.met is None
    assert mine.can_record_outcome and not rows[0].can_record_outcome  # referred yes, pending no
    assert rows[0].follow_up_state == FollowUpState.OPEN
    assert received.count_received(db, f.actor(rm)) == 2
    past = received.received(db, f.actor(rm), db.today() - dt.timedelta(days=1))
    assert [r.id for r in past] == [yesterday.id]


def test_the_list_comes_in_keyset_windows(db, f, crew, clock):
    lobby, rm, _rm2, _sup = crew
    ids = []
    for _ in range(5):
        ids.append(f.referral(lobby, rm).id)
        clock.advance(minutes=1)
    first = received.received(db, f.actor(rm), limit=2)
    second = received.received(db, f.actor(rm), after=(first[-1].created_at, first[-1].id), limit=2)
    third = received.received(db, f.actor(rm), after=(second[-1].created_at, second[-1].id), limit=2)
    assert [r.id for r in first + second + third] == ids[::-1]


def test_who_may_read_whose_list(db, f, crew):
    lobby, rm, rm2, sup = crew
    _teller_b, rm_b = _other_branch_rm(db, f)
    theirs = f.referral(lobby, rm2)
    # An RM reads their own only.
    with pytest.raises(PermissionDenied):
        received.received(db, f.actor(rm), rm_id=rm2.id)
    # The supervisor reads any RM's of the branch, or all of them; another branch's never.
    assert [r.id for r in received.received(db, f.actor(sup), rm_id=rm2.id)] == [theirs.id]
    assert [r.id for r in received.received(db, f.actor(sup))] == [theirs.id]
    with pytest.raises(NotFound):
        received.received(db, f.actor(sup), rm_id=rm_b.id)
    # The lobby manager has the day close, not an RM's desk.
    with pytest.raises(PermissionDenied):
        received.received(db, f.actor(lobby))
    # Another branch's RM never sees this branch's referrals.
    assert received.received(db, f.actor(rm_b)) == []


def test_can_record_outcome_says_what_record_outcome_accepts(db, f, crew, clock):
    lobby, rm, rm2, sup = crew
    own = f.referral(lobby, rm)
    voided = f.referral(lobby, rm)
    referrals.void_referral(db, f.actor(lobby), voided.id, "重复录入")
    other = f.referral(lobby, rm2)
    rows = {r.id: r for r in received.received(db, f.actor(rm))}
    assert rows[own.id].can_record_outcome and not rows[voided.id].can_record_outcome
    with pytest.raises(ValidationError):
        received.record_outcome(db, f.actor(rm), voided.id, met=True, deal=False, no_deal_reason="risk")
    # The supervisor may record for any RM (the fallback), an RM not for another's.
    assert [r.can_record_outcome for r in received.received(db, f.actor(sup), rm_id=rm2.id)] == [True]
    with pytest.raises(PermissionDenied):
        received.record_outcome(db, f.actor(rm), other.id, met=True, deal=False, no_deal_reason="risk")
    # A closed day is read-only: the row says so and the service refuses.
    dayclose.close_day(db, f.actor(sup), db.today(), force_reason="先关")
    rows = {r.id: r for r in received.received(db, f.actor(rm))}
    assert not rows[own.id].can_record_outcome and rows[own.id].day_closed
    with pytest.raises(Conflict):
        received.record_outcome(db, f.actor(rm), own.id, met=True, deal=False, no_deal_reason="risk")


def test_another_branchs_referral_is_not_found(db, f, crew):
    _lobby, rm, _rm2, _sup = crew
    teller_b, rm_b = _other_branch_rm(db, f)
    theirs = f.referral(teller_b, rm_b)
    with pytest.raises(NotFound):
        received.record_outcome(db, f.actor(rm), theirs.id, met=True, deal=False, no_deal_reason="risk")
    with pytest.raises(NotFound):
        received.open_follow_up(db, f.actor(rm), theirs.id, db.today())


# --- the outcome ---------------------------------------------------------------------------

@pytest.mark.parametrize("amount", ["-1", "abc", "1.234", "1e3.5"])
def test_a_bad_amount_is_refused_beside_the_field_and_nothing_is_written(db, f, crew, amount):
    lobby, rm, _rm2, _sup = crew
    filed = f.referral(lobby, rm)
    version = _version(db, filed.id)
    with pytest.raises(ValidationError) as err:
        received.record_outcome(db, f.actor(rm), filed.id, met=True, deal=True, products="基金", amount=amount,
                                version=version)
    assert set(err.value.fields) == {"amount"}
    assert _version(db, filed.id) == version


def test_no_deal_needs_a_reason_from_the_list(db, f, crew):
    lobby, rm, _rm2, _sup = crew
    filed = f.referral(lobby, rm)
    with pytest.raises(ValidationError) as err:
        received.record_outcome(db, f.actor(rm), filed.id, met=True, deal=False)
    assert set(err.value.fields) == {"no_deal_reason"}
    with pytest.raises(ValidationError) as err:
        received.record_outcome(db, f.actor(rm), filed.id, met=True, deal=False, no_deal_reason="bored")
    assert set(err.value.fields) == {"no_deal_reason"}
    # Not met: no meeting, so no reason is asked.
    received.record_outcome(db, f.actor(rm), filed.id, met=False, deal=False)
    received.record_outcome(db, f.actor(rm), filed.id, met=True, deal=False, no_deal_reason="other_bank")
    (row,) = received.received(db, f.actor(rm))
    assert row.met is True and row.deal is False and row.no_deal_reason == "other_bank"


def test_what_the_rm_records_is_what_the_lobbys_day_close_reads(db, f, crew):
    lobby, rm, _rm2, sup = crew
    dealt = f.referral(lobby, rm, name="王小明")
    no_deal = f.referral(lobby, rm, name="李大华")
    before = dayclose.reconciliation(db, f.actor(lobby), db.today())
    assert before.missing == 2 and not before.can_close
    received.record_outcome(db, f.actor(rm), dealt.id, met=True, deal=True, products="理财产品",
                            amount="200000.50", version=_version(db, dealt.id))
    received.record_outcome(db, f.actor(rm), no_deal.id, met=True, deal=False, no_deal_reason="no_funds")
    sheet = dayclose.reconciliation(db, f.actor(lobby), db.today())
    lines = {ln.referral_id: ln for ln in sheet.lines}
    assert sheet.missing == 0 and sheet.confirmed == 2 and sheet.can_close
    line = lines[dealt.id]
    assert line.confirmed_by_rm and line.confirmed_by == "张理财"
    assert (line.met, line.deal, line.products) == (True, True, "理财产品")
    assert line.amount is None and line.amount_text == "***"  # the lobby sees no client's amount
    assert lines[no_deal.id].deal is False and lines[no_deal.id].confirmed_by_rm
    sup_line = {ln.referral_id: ln for ln in dayclose.reconciliation(db, f.actor(sup), db.today()).lines}[dealt.id]
    assert sup_line.amount == Decimal("200000.50")
    # The RM's own list shows the amount to the RM; the lobby manager's fallback correction keeps the reason.
    dayclose.record_outcome(db, f.actor(lobby), no_deal.id, met=True, deal=False)
    rows = {r.id: r for r in received.received(db, f.actor(rm))}
    assert rows[dealt.id].amount_text == "200,000.50"
    assert rows[no_deal.id].no_deal_reason == "no_funds"
    dayclose.close_day(db, f.actor(lobby), db.today())


# --- a follow-up from the outcome ------------------------------------------------------------

def test_an_outcome_opens_a_follow_up_linked_to_the_client_and_its_referral(db, f, crew):
    lobby, rm, _rm2, _sup = crew
    filed = f.referral(lobby, rm, name="王小明")
    tomorrow = db.today() + dt.timedelta(days=1)
    received.record_outcome(db, f.actor(rm), filed.id, met=True, deal=False, no_deal_reason="return",
                            follow_up=FollowUpRequest(tomorrow))
    with db.read() as s:
        (fu,) = s.scalars(select(FollowUp)).all()
        assert (fu.client_id, fu.rm_id, fu.referral_id, fu.source_referral_id) == (filed.client_id, rm.id, None,
                                                                                    filed.id)
        assert fu.origin == FollowUpOrigin.REFERRAL and fu.state == FollowUpState.OPEN
        assert fu.next_contact_date == tomorrow and fu.plan_goal == received.SECOND_TRY_GOAL
        assert s.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.entity == "follow_up", AuditEvent.action == "create")) == 1
    assert [q.id for q in followups.queue(db, f.actor(rm))] == [fu.id]
    (row,) = received.received(db, f.actor(rm))
    assert row.confirmed_at is not None and not row.can_open_follow_up  # one open follow-up at a time
    with pytest.raises(ValidationError) as err:
        received.open_follow_up(db, f.actor(rm), filed.id, tomorrow)
    assert set(err.value.fields) == {"follow_up_date"}


def test_a_follow_up_needs_an_outcome_first_and_a_date_not_in_the_past(db, f, crew):
    lobby, rm, rm2, _sup = crew
    filed = f.referral(lobby, rm)
    with pytest.raises(ValidationError) as err:
        received.open_follow_up(db, f.actor(rm), filed.id, db.today())
    assert set(err.value.fields) == {"follow_up_date"}
    version = _version(db, filed.id)
    with pytest.raises(ValidationError) as err:
        received.record_outcome(db, f.actor(rm), filed.id, met=True, deal=True, products="基金",
                                follow_up=FollowUpRequest(db.today() - dt.timedelta(days=1)))
    assert set(err.value.fields) == {"follow_up_date"}
    assert _version(db, filed.id) == version  # nothing of the outcome was written either
    received.record_outcome(db, f.actor(rm), filed.id, met=True, deal=True, products="基金")
    (row,) = received.received(db, f.actor(rm))
    assert row.can_open_follow_up
    with pytest.raises(PermissionDenied):
        received.open_follow_up(db, f.actor(rm2), filed.id, db.today())
    fu_id = received.open_follow_up(db, f.actor(rm), filed.id, db.today())
    with db.read() as s:
        fu = s.get(FollowUp, fu_id)
        assert fu is not None and fu.plan_goal == received.AFTER_SALE_GOAL


# --- told at once -------------------------------------------------------------------------------

def test_arrivals_since_an_id_are_mine_not_voided_and_masked(db, f, crew):
    lobby, rm, rm2, sup = crew
    start = received.latest_referral_id(db, f.actor(rm))
    assert start == 0
    first = f.referral(lobby, rm, name="王小明")
    f.referral(lobby, rm2, name="别人")
    voided = f.referral(lobby, rm)
    referrals.void_referral(db, f.actor(lobby), voided.id, "错录")
    pending = f.referral(lobby, rm, status="pending", name="欧阳娜娜")
    arrived = received.arrived_since(db, f.actor(rm), start)
    assert [(a.id, a.status, a.client_name) for a in arrived] == [
        (first.id, "referred", "王*明"), (pending.id, "pending", "欧**娜")]
    assert received.arrived_since(db, f.actor(rm), pending.id) == []
    assert received.latest_referral_id(db, f.actor(rm)) == pending.id
    with pytest.raises(PermissionDenied):
        received.arrived_since(db, f.actor(lobby), 0)
    assert received.arrived_since(db, f.actor(sup), 0) == []  # nothing names the supervisor as RM


# --- the race: the RM and the lobby manager record the same outcome ------------------------------------

def test_the_rm_and_the_lobby_manager_recording_one_outcome_give_one_save_and_one_conflict(db, f, crew,
                                                                                           monkeypatch):
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: both sessions can never hold the same version")
    lobby, rm, _rm2, _sup = crew
    real_flush = Session.flush
    racing = threading.local()
    barrier = threading.Barrier(2, timeout=10)

    def flush_at_the_barrier(self: Session, objects: Any = None) -> None:
        if getattr(racing, "on", False) and self.dirty:
            racing.on = False
            barrier.wait()
        real_flush(self, objects)

    monkeypatch.setattr(Session, "flush", flush_at_the_barrier)
    for round_ in range(3):
        filed = f.referral(lobby, rm)
        version = _version(db, filed.id)
        outcomes: dict[str, BaseException | None] = {}

        def as_rm(a: Actor, key: int = filed.id, ver: int = version) -> None:
            received.record_outcome(db, a, key, met=True, deal=False, no_deal_reason="risk", version=ver)

        def as_lobby(a: Actor, key: int = filed.id, ver: int = version) -> None:
            dayclose.record_outcome(db, a, key, met=True, deal=True, products="基金", version=ver)

        def run(actor: Actor, op: Any, outcomes: dict[str, BaseException | None] = outcomes) -> None:
            racing.on = True
            try:
                op(actor)
                outcomes[actor.staff_no] = None
            except BaseException as failure:  # the test reports whatever escaped
                outcomes[actor.staff_no] = failure

        threads = [threading.Thread(target=run, args=(f.actor(rm), as_rm)),
                   threading.Thread(target=run, args=(f.actor(lobby), as_lobby))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        barrier.reset()
        winners = [who for who, exc in outcomes.items() if exc is None]
        losers = {who: exc for who, exc in outcomes.items() if exc is not None}
        assert len(winners) == 1, f"round {round_}: {outcomes}"
        (_loser, exc), = losers.items()
        assert isinstance(exc, Conflict), f"round {round_}: {exc!r}"
        assert exc.by == winners[0] and exc.at is not None
        assert _version(db, filed.id) == version + 1


def test_arrivals_are_read_through_the_rm_id_index_never_a_scan(db, f, crew):
    """Polled every half second by every RM's window: the plan must seek the (rm_id, id) index."""
    if db.dialect != "sqlite":
        pytest.skip("the plan is read from SQLite's EXPLAIN QUERY PLAN")
    lobby, rm, _rm2, _sup = crew
    f.referral(lobby, rm)
    executed: list[tuple[str, Any]] = []

    def keep(conn, cursor, statement, params, context, executemany):  # type: ignore[no-untyped-def]
        if "FROM referral" in statement:
            executed.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        received.arrived_since(db, f.actor(rm), 0)
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)
    ((statement, params),) = executed
    with db.engine.connect() as conn:
        plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params))
    assert "ix_referral_rm_id" in plan and "SCAN referral" not in plan, plan


def test_two_people_opening_a_follow_up_from_one_outcome_at_once_open_one(db, f, crew, monkeypatch):
    """The RM and the supervisor both open a follow-up from the same outcome: one is opened, the other
    refused beside the date — never two open follow-ups for one client."""
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time")
    lobby, rm, _rm2, sup = crew
    real_flush = Session.flush
    racing = threading.local()
    barrier = threading.Barrier(2)

    def flush_at_the_barrier(self: Session, objects: Any = None) -> None:
        if getattr(racing, "on", False) and any(isinstance(o, FollowUp) for o in self.new):
            racing.on = False
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=2)  # both past their check, unless the referral's lock queued one
        real_flush(self, objects)

    monkeypatch.setattr(Session, "flush", flush_at_the_barrier)
    for round_ in range(2):
        filed = f.referral(lobby, rm, mobile=f.mobile())
        received.record_outcome(db, f.actor(rm), filed.id, met=True, deal=True, products="基金")
        outcomes: dict[str, BaseException | None] = {}

        def run(actor: Actor, key: int = filed.id, outcomes: dict[str, BaseException | None] = outcomes) -> None:
            racing.on = True
            try:
                received.open_follow_up(db, actor, key, db.today())
                outcomes[actor.staff_no] = None
            except BaseException as failure:  # the test reports whatever escaped
                outcomes[actor.staff_no] = failure

        threads = [threading.Thread(target=run, args=(f.actor(who),)) for who in (rm, sup)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        barrier.reset()
        losers = [exc for exc in outcomes.values() if exc is not None]
        assert len(outcomes) == 2 and len(losers) == 1, f"round {round_}: {outcomes}"
        assert isinstance(losers[0], ValidationError) and set(losers[0].fields) == {"follow_up_date"}
        with db.read() as s:
            opened = s.scalars(select(FollowUp).where(FollowUp.source_referral_id == filed.id)).all()
        assert len(opened) == 1
