"""Contacts, appointments, closes and the pre-contact plan (docs/contacts.md), on both engines."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import (
    Appointment,
    AppointmentStatus,
    AuditEvent,
    Client,
    ContactAttempt,
    ContactResult,
    FollowUp,
    FollowUpState,
    ReasonText,
    Role,
    Tier,
)
from services import contacts, followups, reasons
from services.contacts import NextDate
from services.db import BRANCH_TZ, Database
from services.errors import Conflict, PermissionDenied, ValidationError
from services.referrals import duplicate_warnings


@pytest.fixture
def team(f):  # type: ignore[no-untyped-def]
    return f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM), f.staff(Role.SUPERVISOR)


def _fu(db: Database, fu_id: int) -> FollowUp:
    with db.read() as s:
        fu = s.get(FollowUp, fu_id)
        assert fu is not None
        s.expunge(fu)
        return fu


def _count(db: Database, cls: Any) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(cls)) or 0)


def _written(db: Database) -> tuple[int, int, int, int]:
    return (_count(db, ContactAttempt), _count(db, Appointment), _count(db, AuditEvent), _count(db, ReasonText))


# --- each contact result ------------------------------------------------------------------------

@pytest.mark.parametrize(("result", "failed", "state"), [
    ("reached", 0, FollowUpState.OPEN),
    ("no_answer", 2, FollowUpState.OPEN),
    ("declined", 2, FollowUpState.OPEN),
    ("wrong_number", 2, FollowUpState.OPEN),
    ("appointment", 0, FollowUpState.APPOINTED),
])
def test_each_result_moves_state_next_date_and_failed_count(db, f, team, clock, result, failed, state):
    lobby, rm, _ = team
    filed = f.referral(lobby, rm, status="pending")
    me = f.actor(rm)
    followups.record_contact(db, me, filed.follow_up_id, channel="phone", result="no_answer",
                             next_contact_date=db.today() + dt.timedelta(days=1))
    in_three = db.today() + dt.timedelta(days=3)
    meeting = dt.datetime.combine(db.today() + dt.timedelta(days=5), dt.time(15, 30), BRANCH_TZ)
    followups.record_contact(db, me, filed.follow_up_id, channel="visit", result=result, note="第二次",
                             next_contact_date=None if result == "appointment" else in_three,
                             appointment_at=meeting, place="二楼理财室", purpose="介绍基金定投")
    fu = _fu(db, filed.follow_up_id)
    assert fu.state == state and fu.attempts == 2 and fu.failed_attempts == failed
    assert fu.last_result == ContactResult(result)
    if result == "appointment":
        assert fu.next_contact_date == meeting.date()
        with db.read() as s:
            (appt,) = s.scalars(select(Appointment)).all()
            assert (appt.follow_up_id, appt.rm_id, appt.place, appt.purpose) == (
                fu.id, rm.id, "二楼理财室", "介绍基金定投")
            assert appt.at == meeting and appt.status == AppointmentStatus.SCHEDULED
            assert appt.updated_by_id == rm.id  # a versioned row: who saved it is named on a conflict
    else:
        assert fu.next_contact_date == in_three
        assert _count(db, Appointment) == 0  # appointment fields of another result are not booked


def test_declined_or_wrong_number_without_a_date_is_due_today(db, f, team):
    lobby, rm, _ = team
    filed = f.referral(lobby, rm, status="pending")
    followups.record_contact(db, f.actor(rm), filed.follow_up_id, channel="phone", result="wrong_number")
    assert _fu(db, filed.follow_up_id).next_contact_date == db.today()
    with pytest.raises(ValidationError) as err:
        followups.record_contact(db, f.actor(rm), filed.follow_up_id, channel="phone", result="reached")
    assert set(err.value.fields) == {"next_contact_date"}


def test_the_next_date_rule_is_the_one_the_service_applies():
    assert contacts.next_date_rule("reached") == NextDate.REQUIRED
    assert contacts.next_date_rule("no_answer") == NextDate.REQUIRED
    assert contacts.next_date_rule("declined") == NextDate.OPTIONAL
    assert contacts.next_date_rule("wrong_number") == NextDate.OPTIONAL
    assert contacts.next_date_rule("appointment") == NextDate.FROM_APPOINTMENT
    assert [r for r in ContactResult if contacts.asks_appointment(r)] == [ContactResult.APPOINTMENT]
    assert [s for s in contacts.CLOSE_STATES if contacts.close_needs_reason(s)] == [
        FollowUpState.NOT_PREMIUM, FollowUpState.ABANDONED]


# --- bad input: a message beside the field, nothing written -----------------------------------------

@pytest.mark.parametrize(("change", "field"), [
    ({"appointment_at": "past"}, "appointment_at"),
    ({"appointment_at": None}, "appointment_at"),
    ({"place": "理" * 101}, "appointment_place"),
    ({"place": "二楼\x1b[31m理财室"}, "appointment_place"),
    ({"place": "二楼\n理财室"}, "appointment_place"),
    ({"purpose": "x" * 201}, "appointment_purpose"),
    ({"note": "bad\x00note"}, "contact_note"),
])
def test_bad_appointment_input_is_refused_beside_its_field(db, f, team, clock, change, field):
    lobby, rm, _ = team
    filed = f.referral(lobby, rm, status="pending")
    kw: dict[str, Any] = {"appointment_at": clock.now + dt.timedelta(days=2), "place": "二楼理财室",
                          "purpose": "面谈", "note": None}
    kw.update(change)
    if kw["appointment_at"] == "past":
        kw["appointment_at"] = clock.now - dt.timedelta(minutes=1)
    before, version = _written(db), _fu(db, filed.follow_up_id).version
    with pytest.raises(ValidationError) as err:
        followups.record_contact(db, f.actor(rm), filed.follow_up_id, channel="visit", result="appointment", **kw)
    assert set(err.value.fields) == {field}
    assert _written(db) == before and _fu(db, filed.follow_up_id).version == version


def test_a_place_of_exactly_100_characters_and_quotes_are_kept_as_typed(db, f, team, clock):
    lobby, rm, _ = team
    filed = f.referral(lobby, rm, status="pending")
    place = "'; DROP TABLE appointment; --😀" + "室" * 70
    assert len(place) == 100
    followups.record_contact(db, f.actor(rm), filed.follow_up_id, channel="visit", result="appointment",
                             appointment_at=clock.now + dt.timedelta(hours=1), place=place)
    with db.read() as s:
        assert s.scalar(select(Appointment.place)) == place


def test_a_next_contact_date_in_the_past_is_refused(db, f, team):
    lobby, rm, _ = team
    filed = f.referral(lobby, rm, status="pending")
    before = _written(db)
    with pytest.raises(ValidationError) as err:
        followups.record_contact(db, f.actor(rm), filed.follow_up_id, channel="phone", result="no_answer",
                                 next_contact_date=db.today() - dt.timedelta(days=1))
    assert set(err.value.fields) == {"next_contact_date"}
    assert _written(db) == before


def test_a_contact_on_a_closed_follow_up_is_refused(db, f, team, clock):
    lobby, rm, _ = team
    filed = f.referral(lobby, rm, status="pending")
    followups.close_follow_up(db, f.actor(rm), filed.follow_up_id, state="converted")
    before = _written(db)
    with pytest.raises(ValidationError) as err:
        followups.record_contact(db, f.actor(rm), filed.follow_up_id, channel="phone", result="appointment",
                                 appointment_at=clock.now + dt.timedelta(days=1))
    assert set(err.value.fields) == {"state"}
    assert _written(db) == before


# --- closing -----------------------------------------------------------------------------------

@pytest.mark.parametrize("state", ["not_premium", "abandoned"])
@pytest.mark.parametrize("reason", [None, "", "   "])
def test_not_premium_and_abandoned_need_a_reason(db, f, team, state, reason):
    lobby, rm, _ = team
    filed = f.referral(lobby, rm, status="pending")
    before = _written(db)
    with pytest.raises(ValidationError) as err:
        followups.close_follow_up(db, f.actor(rm), filed.follow_up_id, state=state, reason=reason)
    assert set(err.value.fields) == {"close_reason"}
    assert _written(db) == before and _fu(db, filed.follow_up_id).state == FollowUpState.OPEN


@pytest.mark.parametrize("state", ["open", "appointed", "lost", None])
def test_only_the_three_outcomes_close(db, f, team, state):
    lobby, rm, _ = team
    filed = f.referral(lobby, rm, status="pending")
    with pytest.raises(ValidationError) as err:
        followups.close_follow_up(db, f.actor(rm), filed.follow_up_id, state=state, reason="x")
    assert "close_outcome" in err.value.fields


def test_a_reason_may_run_over_several_lines_but_not_over_200_characters(db, f, team):
    lobby, rm, _ = team
    filed = f.referral(lobby, rm, status="pending")
    with pytest.raises(ValidationError) as err:
        followups.close_follow_up(db, f.actor(rm), filed.follow_up_id, state="abandoned", reason="久" * 201)
    assert set(err.value.fields) == {"close_reason"}
    followups.close_follow_up(db, f.actor(rm), filed.follow_up_id, state="abandoned", reason="三次未接通\n号码已停机")
    fu = _fu(db, filed.follow_up_id)
    assert reasons.read(db, f.actor(rm), fu.outcome_reason_id) == "三次未接通\n号码已停机"


def test_converted_takes_the_client_with_or_without_a_note(db, f, team):
    lobby, rm, _ = team
    a = f.referral(lobby, rm, status="pending")
    b = f.referral(lobby, rm, status="pending")
    followups.close_follow_up(db, f.actor(rm), a.follow_up_id, state="converted")
    followups.close_follow_up(db, f.actor(rm), b.follow_up_id, state="converted", reason="开户并购买理财")
    with db.read() as s:
        for filed in (a, b):
            fu = s.get(FollowUp, filed.follow_up_id)
            client = s.get(Client, filed.client_id)
            assert fu.state == FollowUpState.CONVERTED and fu.closed_by_id == rm.id
            # Re-evaluated from the score, not assumed premium: no holdings were recorded yet.
            assert client.rm_id == rm.id and client.tier == Tier.NONE
        assert s.get(FollowUp, a.follow_up_id).outcome_reason_id is None
    assert followups.queue(db, f.actor(rm)) == []  # closed follow-ups leave the queue


def test_not_premium_warns_the_lobby_next_time(db, f, team, clock):
    lobby, rm, _ = team
    filed = f.referral(lobby, rm, status="pending", mobile="13900000077")
    assert "judged_ordinary" not in {w.kind for w in duplicate_warnings(db, f.actor(lobby), mobile="13900000077")}
    followups.close_follow_up(db, f.actor(rm), filed.follow_up_id, state="not_premium", reason="资产不足")
    clock.advance(days=40)  # past the 30-day "referred lately" window: only the judgement warns
    warned = {w.kind: w for w in duplicate_warnings(db, f.actor(lobby), mobile="13900000077")}
    assert set(warned) == {"judged_ordinary"}
    assert warned["judged_ordinary"].by == rm.name


def test_abandoning_before_the_proposal_is_allowed_with_a_reason(db, f, team):
    lobby, rm, supervisor = team
    mine = f.referral(lobby, rm, status="pending")
    theirs = f.referral(lobby, rm, status="pending")
    assert not followups.queue(db, f.actor(rm))[0].propose_abandon
    followups.close_follow_up(db, f.actor(rm), mine.follow_up_id, state="abandoned", reason="客户已移居外地")
    followups.close_follow_up(db, f.actor(supervisor), theirs.follow_up_id, state="abandoned", reason="重复客户")
    assert _fu(db, mine.follow_up_id).state == FollowUpState.ABANDONED
    assert _fu(db, theirs.follow_up_id).closed_by_id == supervisor.id


def test_the_close_reason_is_kept_apart_and_never_in_the_audit_text(db, f, team):
    lobby, rm, supervisor = team
    other_rm = f.staff(Role.RM)
    filed = f.referral(lobby, rm, status="pending")
    typed = "客户手机13900001111已停机"
    followups.close_follow_up(db, f.actor(rm), filed.follow_up_id, state="abandoned", reason=typed)
    fu = _fu(db, filed.follow_up_id)
    assert fu.outcome_reason is None and fu.outcome_reason_id is not None
    with db.read() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "close")).one()
        assert event.reason_id == fu.outcome_reason_id and event.entity_id == fu.id
        assert "1390000" not in (event.detail or "")
        texts = s.scalars(select(AuditEvent.detail)).all()
    assert not any(t and "13900001111" in t for t in texts)
    assert reasons.read(db, f.actor(rm), fu.outcome_reason_id) == typed  # its author
    assert reasons.read(db, f.actor(supervisor), fu.outcome_reason_id) == typed
    with pytest.raises(PermissionDenied):
        reasons.read(db, f.actor(other_rm), fu.outcome_reason_id)


# --- appointments are audited apart from the contact ----------------------------------------------

def test_a_booked_appointment_is_audited_without_its_text(db, f, team, clock):
    lobby, rm, _ = team
    filed = f.referral(lobby, rm, status="pending")
    followups.record_contact(db, f.actor(rm), filed.follow_up_id, channel="phone", result="appointment",
                             appointment_at=clock.now + dt.timedelta(days=1), place="贵宾室甲",
                             purpose="资产配置面谈", note="客户很忙")
    with db.read() as s:
        rows = s.execute(select(AuditEvent.action, AuditEvent.entity, AuditEvent.detail)
                         .where(AuditEvent.entity.in_(["follow_up", "appointment"]))
                         .order_by(AuditEvent.id)).all()
    assert [(a, e) for a, e, _ in rows][-2:] == [("contact", "follow_up"), ("create", "appointment")]
    assert not any(d and ("贵宾室" in d or "面谈" in d or "很忙" in d) for _, _, d in rows)


# --- the pre-contact plan ------------------------------------------------------------------------

def test_the_plan_is_saved_with_the_follow_ups_version(db, f, team):
    lobby, rm, supervisor = team
    filed = f.referral(lobby, rm, status="pending")
    plan = contacts.get_plan(db, f.actor(rm), filed.follow_up_id)
    assert (plan.strengths, plan.personality, plan.needs, plan.goal) == (None, None, None, None)
    new = contacts.set_plan(db, f.actor(rm), filed.follow_up_id, strengths="本地企业主", personality="谨慎",
                            needs="子女教育金", goal="约到网点面谈", version=plan.version)
    assert new == plan.version + 1
    read = contacts.get_plan(db, f.actor(supervisor), filed.follow_up_id)
    assert (read.strengths, read.personality, read.needs, read.goal, read.version) == (
        "本地企业主", "谨慎", "子女教育金", "约到网点面谈", new)
    # A contact moves the same version: a plan typed on the old one is refused, naming who.
    followups.record_contact(db, f.actor(supervisor), filed.follow_up_id, channel="phone", result="no_answer",
                             next_contact_date=db.today() + dt.timedelta(days=1), version=new)
    with pytest.raises(Conflict) as err:
        contacts.set_plan(db, f.actor(rm), filed.follow_up_id, strengths=None, personality=None, needs=None,
                          goal="改", version=new)
    assert err.value.by == supervisor.staff_no
    assert contacts.get_plan(db, f.actor(rm), filed.follow_up_id).goal == "约到网点面谈"
    # An empty part clears it.
    contacts.set_plan(db, f.actor(rm), filed.follow_up_id, strengths="", personality=None, needs="  ", goal="再约")
    read = contacts.get_plan(db, f.actor(rm), filed.follow_up_id)
    assert (read.strengths, read.needs, read.goal) == (None, None, "再约")


def test_bad_plan_input_and_a_closed_follow_up_are_refused(db, f, team):
    lobby, rm, _ = team
    filed = f.referral(lobby, rm, status="pending")
    with pytest.raises(ValidationError) as err:
        contacts.set_plan(db, f.actor(rm), filed.follow_up_id, strengths="x" * 201, personality="a\x07",
                          needs=None, goal=None)
    assert set(err.value.fields) == {"plan_strengths", "plan_personality"}
    followups.close_follow_up(db, f.actor(rm), filed.follow_up_id, state="converted")
    with pytest.raises(ValidationError) as err:
        contacts.set_plan(db, f.actor(rm), filed.follow_up_id, strengths="x", personality=None, needs=None,
                          goal=None)
    assert set(err.value.fields) == {"state"}


# --- the PostgreSQL race: two sessions booking on the same version -----------------------------------

def _book(db: Database, who: Any, fu_id: int, version: int, clock: Any, f: Any) -> None:
    followups.record_contact(db, f.actor(who), fu_id, channel="phone", result="appointment",
                             appointment_at=clock.now + dt.timedelta(days=1), place=who.staff_no, version=version)


def _plan(db: Database, who: Any, fu_id: int, version: int, clock: Any, f: Any) -> None:
    contacts.set_plan(db, f.actor(who), fu_id, strengths=who.staff_no, personality=None, needs=None,
                      goal=who.staff_no, version=version)


@pytest.mark.parametrize("op", [_book, _plan], ids=["appointment", "plan"])
def test_two_people_saving_one_version_give_one_save_and_one_conflict(db, f, team, clock, monkeypatch, op):
    """Both sessions read the follow-up, then flush together: one contact with its appointment (or one
    plan) is written, the other gets Conflict naming the winner, and nothing of it is half-written."""
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: both sessions can never hold the same version")
    lobby, rm, supervisor = team
    real_flush = Session.flush
    racing = threading.local()
    barrier = threading.Barrier(2, timeout=10)

    def flush_at_the_barrier(self: Session, objects: Any = None) -> None:
        if getattr(racing, "on", False) and self.dirty:
            racing.on = False
            barrier.wait()
        real_flush(self, objects)

    monkeypatch.setattr(Session, "flush", flush_at_the_barrier)
    for _round in range(5):
        filed = f.referral(lobby, rm, status="pending")
        version = _fu(db, filed.follow_up_id).version
        attempts_before, appts_before = _count(db, ContactAttempt), _count(db, Appointment)
        outcomes: dict[str, BaseException | None] = {}

        def save(who: Any, fu_id: int = filed.follow_up_id, version: int = version,
                 outcomes: dict[str, BaseException | None] = outcomes) -> None:
            racing.on = True
            try:
                op(db, who, fu_id, version, clock, f)
                outcomes[who.staff_no] = None
            except BaseException as failure:  # the test reports whatever escaped
                outcomes[who.staff_no] = failure

        threads = [threading.Thread(target=save, args=(who,)) for who in (rm, supervisor)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        barrier.reset()
        winners = [who for who, exc in outcomes.items() if exc is None]
        assert len(winners) == 1, outcomes
        (loser_exc,) = [exc for exc in outcomes.values() if exc is not None]
        assert isinstance(loser_exc, Conflict) and loser_exc.by == winners[0]
        assert _fu(db, filed.follow_up_id).version == version + 1
        if op is _book:
            assert _count(db, ContactAttempt) == attempts_before + 1
            assert _count(db, Appointment) == appts_before + 1
            with db.read() as s:
                assert s.scalar(select(Appointment.place).where(Appointment.follow_up_id == filed.follow_up_id)) \
                    == winners[0]
        else:
            plan = contacts.get_plan(db, f.actor(supervisor), filed.follow_up_id)
            assert plan.strengths == plan.goal == winners[0]  # one person's plan whole, never a mix
