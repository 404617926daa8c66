"""The work diary, the week plan of visits and calls, appointments held/missed/moved (docs/diary.md), both engines."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from models import (
    Appointment,
    AppointmentStatus,
    AuditEvent,
    Branch,
    BranchSettings,
    Client,
    ContactPlan,
    FollowUp,
    PlanKind,
    Role,
    Tier,
)
from services import accounts, appointments, diary, followups, referrals, stats
from services.db import BRANCH_TZ
from services.diary import ItemKind
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError

TODAY = dt.date(2026, 11, 20)  # the clock fixture's Friday
NEXT_MONDAY = dt.date(2026, 11, 23)


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), BRANCH_TZ)


@pytest.fixture
def crew(f):  # type: ignore[no-untyped-def]
    return f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM), f.staff(Role.RM), f.staff(Role.SUPERVISOR)


def _set(db, cls: Any, key: int, **values: object) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        s.execute(update(cls).where(cls.id == key).values(**values))


def _appointment(db, f, lobby, rm, at: dt.datetime, *, name: str = "钱多多") -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """A pending referral whose follow-up booked a meeting at ``at``: (appointment id, follow-up id)."""
    filed = f.referral(lobby, rm, status="pending", name=name, contact_at=local(TODAY, 16))
    assert filed.follow_up_id is not None
    followups.record_contact(db, f.actor(rm), filed.follow_up_id, channel="phone", result="appointment",
                             appointment_at=at, place="支行二楼贵宾室")
    with db.read() as s:
        appt = s.scalar(select(Appointment.id).where(Appointment.follow_up_id == filed.follow_up_id))
    assert appt is not None
    return appt, filed.follow_up_id


def _version(db, cls: Any, key: int) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(select(cls.version).where(cls.id == key)))


# --- the day ------------------------------------------------------------------------------

def test_a_seeded_day_shows_every_kind_and_counts_plan_against_done(db, f, crew, clock):
    lobby, rm, _, sup = crew
    me = f.actor(rm)
    # A follow-up contacted today (its meeting is this afternoon), and one overdue since Wednesday.
    appt, contacted = _appointment(db, f, lobby, rm, local(TODAY, 15), name="钱多多")
    overdue = f.referral(lobby, rm, status="pending", name="孙大圣", mobile="13900001111",
                         contact_at=local(TODAY, 17))
    assert overdue.follow_up_id is not None
    _set(db, FollowUp, overdue.follow_up_id, next_contact_date=TODAY - dt.timedelta(days=2))
    # An outcome recorded today, with a deal and an amount.
    met = f.referral(lobby, rm, name="李富贵", mobile="13900002222")
    referrals.record_outcome(db, me, met.id, met=True, deal=True, products="基金定投", amount="50000")
    # A core client of the RM with a planned call (not made) and a planned visit to the appointment's client.
    core = f.referral(lobby, rm, name="周核心", mobile="13900003333")
    _set(db, Client, core.client_id, rm_id=rm.id, tier=Tier.CORE)
    diary.add_plan(db, me, core.client_id, TODAY, "call")
    with db.read() as s:
        appt_client = s.scalar(select(Appointment.client_id).where(Appointment.id == appt))
    assert appt_client is not None
    diary.add_plan(db, me, appt_client, TODAY, "visit", note="带理财方案")
    clock.advance(hours=5, minutes=30)  # 15:30: the meeting took place
    appointments.mark_held(db, me, appt)

    day = diary.day(db, me, rm.id, TODAY)
    kinds = [i.kind for i in day.items]
    assert set(kinds) == set(ItemKind)
    planned = {i.entity_id: i for i in day.items if i.kind == ItemKind.PLANNED_CONTACT}
    assert planned[contacted].done is True
    assert planned[overdue.follow_up_id].done is False and planned[overdue.follow_up_id].overdue
    [meeting] = [i for i in day.items if i.kind == ItemKind.APPOINTMENT]
    assert meeting.status == AppointmentStatus.HELD and meeting.done and meeting.place == "支行二楼贵宾室"
    [visit] = [i for i in day.items if i.kind == ItemKind.PLANNED_VISIT]
    [call] = [i for i in day.items if i.kind == ItemKind.PLANNED_CALL]
    assert visit.done is True and visit.note == "带理财方案"  # the held meeting is the visit
    assert call.done is False
    [made] = [i for i in day.items if i.kind == ItemKind.DONE_CONTACT]
    assert made.entity_id and made.result == "appointment"
    [outcome] = [i for i in day.items if i.kind == ItemKind.OUTCOME]
    assert outcome.deal and outcome.amount == Decimal("50000.00") and outcome.products == "基金定投"
    assert (day.follow_ups.planned, day.follow_ups.done) == (2, 1)
    assert (day.appointments.planned, day.appointments.done) == (1, 1)
    assert (day.visits.planned, day.visits.done) == (1, 1)
    assert (day.calls.planned, day.calls.done) == (1, 0)
    assert (day.total.planned, day.total.done) == (5, 3)
    assert (day.contacts_made, day.outcomes, day.deals, day.amount_total) == (1, 1, 1, Decimal("50000.00"))
    # Whole-day items (what was planned) first, then the day's events by time.
    timed = [i.at for i in day.items if i.at is not None]
    assert timed == sorted(timed) and day.items[0].at is None

    # The supervisor reads the same day; neither sees a full name or mobile.
    seen_by_sup = diary.day(db, f.actor(sup), rm.id, TODAY)
    assert [i.client for i in seen_by_sup.items] == [i.client for i in day.items]
    text = " ".join(i.client for i in day.items)
    for full in ("钱多多", "孙大圣", "13900001111", "李富贵", "13900002222", "周核心", "13900003333"):
        assert full not in text
    assert "孙*圣" in text and "139****1111" in text


def test_a_due_follow_up_contacted_by_the_supervisor_counts_as_done_in_the_rms_diary(db, f, crew, clock):
    lobby, rm, _, sup = crew
    filed = f.referral(lobby, rm, status="pending", contact_at=local(TODAY, 17))
    assert filed.follow_up_id is not None
    followups.record_contact(db, f.actor(sup), filed.follow_up_id, channel="phone", result="no_answer",
                             next_contact_date=TODAY)
    day = diary.day(db, f.actor(rm), rm.id, TODAY)
    [planned] = [i for i in day.items if i.kind == ItemKind.PLANNED_CONTACT]
    assert planned.done and (day.follow_ups.planned, day.follow_ups.done) == (1, 1)
    assert day.contacts_made == 0  # the supervisor made it, not the RM


def test_another_day_holds_only_its_own_events(db, f, crew, clock):
    lobby, rm, _, _ = crew
    _appointment(db, f, lobby, rm, local(TODAY + dt.timedelta(days=3), 10))
    tomorrow = diary.day(db, f.actor(rm), rm.id, TODAY + dt.timedelta(days=1))
    assert not [i for i in tomorrow.items if i.kind in (ItemKind.DONE_CONTACT, ItemKind.APPOINTMENT)]
    monday = diary.day(db, f.actor(rm), rm.id, TODAY + dt.timedelta(days=3))
    [meeting] = [i for i in monday.items if i.kind == ItemKind.APPOINTMENT]
    assert meeting.can_move and not meeting.can_hold  # not held before its day


# --- appointments -------------------------------------------------------------------------

def test_moving_an_appointment_keeps_the_old_one_and_books_the_new(db, f, crew, clock):
    lobby, rm, _, sup = crew
    appt, fu_id = _appointment(db, f, lobby, rm, local(TODAY, 15))
    new_at = local(TODAY + dt.timedelta(days=4), 9, 30)
    seen = _version(db, Appointment, appt)
    new_id = appointments.move(db, f.actor(rm), appt, new_at=new_at, place="客户公司", version=seen)
    assert _version(db, Appointment, appt) == seen + 1  # one save, one new version
    with db.read() as s:
        old, new = s.get(Appointment, appt), s.get(Appointment, new_id)
        fu = s.get(FollowUp, fu_id)
        assert old is not None and new is not None and fu is not None
        assert old.status == AppointmentStatus.MOVED and old.at == local(TODAY, 15)
        assert new.status == AppointmentStatus.SCHEDULED and new.moved_from_id == appt and new.at == new_at
        assert new.place == "客户公司" and new.rm_id == rm.id
        assert fu.next_contact_date == new_at.date()  # the follow-up waits for the new date
    day = diary.day(db, f.actor(rm), rm.id, TODAY)
    [moved] = [i for i in day.items if i.kind == ItemKind.APPOINTMENT]
    assert moved.status == AppointmentStatus.MOVED and moved.moved_to == new_at and not moved.can_move
    assert day.appointments.planned == 0  # a moved meeting is planned on its new day
    with pytest.raises(ValidationError) as err:
        appointments.move(db, f.actor(rm), appt, new_at=new_at + dt.timedelta(days=1))
    assert "status" in err.value.fields
    # The daily sheet counts the meeting once: the moved row is the same appointment.
    [row] = [r for r in stats.build_sheet(db, f.actor(sup), "daily", TODAY).rms if r.staff.staff_id == rm.id]
    assert row.figures.appointments == 1


@pytest.mark.parametrize("bad, field", [
    ({"new_at": "past"}, "appointment_at"),
    ({"new_at": None}, "appointment_at"),
    ({"place": "地" * 101}, "appointment_place"),
    ({"place": "二楼\x07"}, "appointment_place"),
    ({"purpose": "理财\x1b[31m"}, "appointment_purpose"),
])
def test_a_bad_move_is_refused_beside_its_field_and_writes_nothing(db, f, crew, clock, bad, field):
    lobby, rm, _, _ = crew
    appt, _ = _appointment(db, f, lobby, rm, local(TODAY, 15))
    kw: dict[str, Any] = {"new_at": local(TODAY + dt.timedelta(days=1), 10), **bad}
    if kw["new_at"] == "past":
        kw["new_at"] = clock.now - dt.timedelta(minutes=1)
    with db.read() as s:
        before = s.scalar(select(func.count()).select_from(Appointment)), s.scalar(
            select(func.count()).select_from(AuditEvent))
    with pytest.raises(ValidationError) as err:
        appointments.move(db, f.actor(rm), appt, **kw)
    assert field in err.value.fields
    with db.read() as s:
        after = s.scalar(select(func.count()).select_from(Appointment)), s.scalar(
            select(func.count()).select_from(AuditEvent))
        assert s.scalar(select(Appointment.status).where(Appointment.id == appt)) == AppointmentStatus.SCHEDULED
    assert after == before


def test_a_place_of_exactly_100_characters_is_kept(db, f, crew, clock):
    lobby, rm, _, _ = crew
    appt, _ = _appointment(db, f, lobby, rm, local(TODAY, 15))
    new_id = appointments.move(db, f.actor(rm), appt, new_at=local(TODAY, 18), place="地" * 100)
    with db.read() as s:
        assert s.scalar(select(Appointment.place).where(Appointment.id == new_id)) == "地" * 100


def test_held_and_missed(db, f, crew, clock):
    lobby, rm, _, _ = crew
    me = f.actor(rm)
    later, _ = _appointment(db, f, lobby, rm, local(TODAY + dt.timedelta(days=2), 10), name="赵未来")
    with pytest.raises(ValidationError) as err:
        appointments.mark_held(db, me, later)  # its day has not come
    assert "status" in err.value.fields
    today, fu_id = _appointment(db, f, lobby, rm, local(TODAY, 11), name="吴今天")
    clock.advance(hours=3)
    appointments.mark_missed(db, me, today)
    with db.read() as s:
        assert s.scalar(select(Appointment.status).where(Appointment.id == today)) == AppointmentStatus.MISSED
        # The follow-up is due again today: a missed meeting is not dropped.
        assert s.scalar(select(FollowUp.next_contact_date).where(FollowUp.id == fu_id)) == TODAY
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.entity == "appointment",
                                                            AuditEvent.entity_id == today).order_by(AuditEvent.id))
        assert list(actions) == ["create", "missed"]  # booked with the contact, then marked missed
    with pytest.raises(ValidationError):
        appointments.mark_held(db, me, today)  # already missed


def test_a_stale_appointment_change_names_who_and_when(db, f, crew, clock):
    lobby, rm, _, sup = crew
    appt, _ = _appointment(db, f, lobby, rm, local(TODAY, 11))
    seen = _version(db, Appointment, appt)
    clock.advance(hours=2)
    appointments.mark_held(db, f.actor(sup), appt, version=seen)
    with pytest.raises(Conflict) as err:
        appointments.move(db, f.actor(rm), appt, new_at=local(TODAY, 18), version=seen)
    assert err.value.by == sup.staff_no and "2026-11-20 12:00" in str(err.value)


# --- who may ------------------------------------------------------------------------------

def _second_branch(db, f):  # type: ignore[no-untyped-def]
    with db.write() as s:
        b = Branch(code="0002", name="第二支行")
        s.add(b)
        s.flush()
        s.add(BranchSettings(branch_id=b.id, abandon_after_attempts=3, idle_lock_minutes=10,
                             score_weights={}, interests=[]))
    lobby_b, _ = accounts.add_staff(db, f.system, staff_no="B0001", name="乙行大堂", role=Role.LOBBY_MANAGER,
                                    password="Passw0rd!", must_change_password=False, branch_code="0002")
    rm_b, _ = accounts.add_staff(db, f.system, staff_no="B0002", name="乙行经理", role=Role.RM,
                                 password="Passw0rd!", must_change_password=False, branch_code="0002")
    return lobby_b, rm_b


@pytest.mark.parametrize("who", ["rm", "other_rm", "supervisor", "lobby_manager", "teller"])
@pytest.mark.parametrize("scope", ["own", "other_rm", "other_branch"])
def test_role_by_record(db, f, crew, clock, who, scope):
    """The RM works their own; the supervisor every RM of the branch; nobody another branch's."""
    lobby, rm, other_rm, sup = crew
    teller = f.staff(Role.TELLER)
    lobby_b, rm_b = _second_branch(db, f)
    owner, filer = {"own": (rm, lobby), "other_rm": (other_rm, lobby), "other_branch": (rm_b, lobby_b)}[scope]
    appt, _ = _appointment(db, f, filer, owner, local(TODAY, 12))
    actor = f.actor({"rm": rm, "other_rm": other_rm, "supervisor": sup, "lobby_manager": lobby,
                     "teller": teller}[who])
    if scope == "other_branch":
        expected: type[Exception] | None = PermissionDenied if who in ("lobby_manager", "teller") else NotFound
    elif who == "supervisor" or (who == "rm" and scope == "own"):
        expected = None
    elif who == "other_rm" and scope == "other_rm":
        expected = None  # other_rm's own record
    else:
        expected = PermissionDenied
    calls = [lambda: diary.day(db, actor, owner.id, TODAY),
             lambda: appointments.mark_held(db, actor, appt)]
    for call in calls:
        if expected is None:
            call()
        else:
            with pytest.raises(expected):
                call()
    with db.read() as s:
        status = s.scalar(select(Appointment.status).where(Appointment.id == appt))
    assert status == (AppointmentStatus.HELD if expected is None else AppointmentStatus.SCHEDULED)


def test_the_rm_chooser_lists_every_rm_for_the_supervisor_and_only_oneself_for_an_rm(db, f, crew):
    _, rm, other_rm, sup = crew
    assert [r.id for r in diary.rms(db, f.actor(rm))] == [rm.id]
    assert {r.id for r in diary.rms(db, f.actor(sup))} == {rm.id, other_rm.id}


# --- the week plan ------------------------------------------------------------------------

def test_the_rule_proposes_core_visits_and_calls_and_accepting_twice_adds_nothing(db, f, crew, clock):
    lobby, rm, _, sup = crew
    me = f.actor(rm)
    tiers = {"core": Tier.CORE, "ordinary": Tier.ORDINARY_PREMIUM, "potential": Tier.POTENTIAL, "none": Tier.NONE}
    ids = {}
    for n, (key, tier) in enumerate(tiers.items()):
        filed = f.referral(lobby, rm, name="客户" + "甲乙丙丁"[n], mobile=f"1370000000{n}")
        _set(db, Client, filed.client_id, rm_id=rm.id, tier=tier, score=90 - n * 10)
        ids[key] = filed.client_id
    plan = diary.week_plan(db, me, rm.id, NEXT_MONDAY)
    proposed = {(p.client_id, p.kind) for p in plan.proposals}
    assert proposed == {(ids["core"], PlanKind.CALL), (ids["core"], PlanKind.VISIT),
                        (ids["ordinary"], PlanKind.CALL), (ids["ordinary"], PlanKind.VISIT),
                        (ids["potential"], PlanKind.CALL)}
    assert all(NEXT_MONDAY <= p.planned_date <= NEXT_MONDAY + dt.timedelta(days=4) for p in plan.proposals)
    assert plan.can_edit and not diary.week_plan(db, f.actor(sup), rm.id, NEXT_MONDAY).can_edit
    assert diary.accept_proposal(db, me, NEXT_MONDAY) == 5
    assert diary.accept_proposal(db, me, NEXT_MONDAY) == 0
    again = diary.week_plan(db, me, rm.id, NEXT_MONDAY)
    assert len(again.rows) == 5 and not again.proposals and all(r.proposed and not r.done for r in again.rows)


def test_a_plan_is_done_by_a_contact_that_week(db, f, crew, clock):
    lobby, rm, _, _ = crew
    me = f.actor(rm)
    filed = f.referral(lobby, rm, name="郑核心", mobile="13700000009")
    _set(db, Client, filed.client_id, rm_id=rm.id, tier=Tier.CORE)
    visit = diary.add_plan(db, me, filed.client_id, NEXT_MONDAY, "visit")
    call = diary.add_plan(db, me, filed.client_id, NEXT_MONDAY + dt.timedelta(days=1), "call")
    fu_id = followups.create_own(db, me, filed.client_id, NEXT_MONDAY)
    clock.advance(days=5)  # Wednesday of the plan's week
    followups.record_contact(db, me, fu_id, channel="phone", result="reached",
                             next_contact_date=NEXT_MONDAY + dt.timedelta(days=9))
    rows = {r.id: r for r in diary.week_plan(db, me, rm.id, NEXT_MONDAY).rows}
    assert rows[call].done and not rows[visit].done  # a phone call is no visit
    followups.record_contact(db, me, fu_id, channel="visit", result="reached",
                             next_contact_date=NEXT_MONDAY + dt.timedelta(days=9))
    assert diary.week_plan(db, me, rm.id, NEXT_MONDAY).rows[0].done
    monday = diary.day(db, me, rm.id, NEXT_MONDAY)
    assert (monday.visits.planned, monday.visits.done) == (1, 1)


def test_plans_are_moved_and_dropped_by_their_rm_only(db, f, crew, clock):
    lobby, rm, other_rm, sup = crew
    me = f.actor(rm)
    filed = f.referral(lobby, rm, name="冯客户", mobile="13700000010")
    _set(db, Client, filed.client_id, rm_id=rm.id, tier=Tier.CORE)
    plan = diary.add_plan(db, me, filed.client_id, NEXT_MONDAY, "call")
    with pytest.raises(ValidationError) as err:
        diary.add_plan(db, me, filed.client_id, NEXT_MONDAY, "call")
    assert "planned_date" in err.value.fields
    for bad_day in (TODAY - dt.timedelta(days=1), TODAY + dt.timedelta(days=30)):
        with pytest.raises(ValidationError) as err:
            diary.move_plan(db, me, plan, bad_day)
        assert "planned_date" in err.value.fields
    for stranger in (f.actor(other_rm), f.actor(sup)):
        with pytest.raises(PermissionDenied):
            diary.move_plan(db, stranger, plan, NEXT_MONDAY + dt.timedelta(days=2))
        with pytest.raises(PermissionDenied):
            diary.drop_plan(db, stranger, plan)
    with pytest.raises(ValidationError) as err:
        diary.add_plan(db, f.actor(other_rm), filed.client_id, NEXT_MONDAY, "visit")  # not their client
    assert "client" in err.value.fields
    version = diary.move_plan(db, me, plan, NEXT_MONDAY + dt.timedelta(days=2), version=1)
    assert version == 2
    with pytest.raises(Conflict):
        diary.drop_plan(db, me, plan, version=1)
    diary.drop_plan(db, me, plan, version=2)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ContactPlan)) == 0
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.entity == "contact_plan")
                            .order_by(AuditEvent.id)).all()
    assert actions == ["create", "move", "drop"]
    assert [c.id for c in diary.plan_clients(db, me)] == [filed.client_id]


# --- a race on PostgreSQL ----------------------------------------------------------------

def test_two_sessions_marking_one_appointment_give_one_save_and_one_conflict(db, f, crew, clock, monkeypatch):
    """Both load the same version and flush together; the loser is refused, naming the winner."""
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: both sessions can never hold the same version")
    lobby, rm, _, sup = crew
    real_flush = Session.flush
    racing = threading.local()
    barrier = threading.Barrier(2, timeout=10)

    def flush_at_the_barrier(self: Session, objects: Any = None) -> None:
        if getattr(racing, "on", False) and self.dirty:
            racing.on = False
            barrier.wait()
        real_flush(self, objects)

    for round_ in range(5):
        appt, _ = _appointment(db, f, lobby, rm, local(TODAY, 12), name="并发客户")
        version = _version(db, Appointment, appt)
        monkeypatch.setattr(Session, "flush", flush_at_the_barrier)
        outcomes: dict[str, BaseException | None] = {}
        jobs = {
            rm.staff_no: lambda appt=appt, version=version: appointments.mark_held(
                db, f.actor(rm), appt, version=version),
            sup.staff_no: lambda appt=appt, version=version: appointments.move(
                db, f.actor(sup), appt, new_at=local(TODAY, 20), version=version),
        }

        def run(who: str, outcomes: dict[str, BaseException | None] = outcomes, jobs: dict[str, Any] = jobs) -> None:
            racing.on = True
            try:
                jobs[who]()
                outcomes[who] = None
            except BaseException as failure:  # the test reports whatever escaped
                outcomes[who] = failure

        threads = [threading.Thread(target=run, args=(who,)) for who in jobs]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        barrier.reset()
        monkeypatch.setattr(Session, "flush", real_flush)
        winners = [who for who, exc in outcomes.items() if exc is None]
        losers = [exc for exc in outcomes.values() if exc is not None]
        assert len(winners) == 1, f"round {round_}: {outcomes}"
        assert isinstance(losers[0], Conflict) and losers[0].by == winners[0], f"round {round_}: {losers[0]!r}"
        with db.read() as s:
            trail = s.execute(select(AuditEvent.action, AuditEvent.actor_staff_no).where(
                AuditEvent.entity == "appointment", AuditEvent.entity_id == appt)).all()
        assert _version(db, Appointment, appt) == version + 1, trail
        with db.read() as s:
            n = s.scalar(select(func.count()).select_from(Appointment).where(Appointment.moved_from_id == appt))
        assert n == (1 if winners[0] == sup.staff_no else 0)  # the loser's new row was not written


def test_accepting_the_proposal_on_two_workstations_at_once_plans_each_line_once(db, f, crew, clock):
    """The unique plan key settles the race: the slower insert of a line is dropped, never an error."""
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time")
    lobby, rm, _, _ = crew
    for n in range(6):
        filed = f.referral(lobby, rm, name="客户" + "甲乙丙丁戊己"[n], mobile=f"1360000000{n}")
        _set(db, Client, filed.client_id, rm_id=rm.id, tier=Tier.CORE, score=90 - n)
    expected = len(diary.week_plan(db, f.actor(rm), rm.id, NEXT_MONDAY).proposals)
    assert expected == 12
    barrier = threading.Barrier(2, timeout=10)
    added: list[int] = []
    errors: list[BaseException] = []

    def accept() -> None:
        barrier.wait()
        try:
            added.append(diary.accept_proposal(db, f.actor(rm), NEXT_MONDAY))
        except BaseException as failure:  # the test reports whatever escaped
            errors.append(failure)

    threads = [threading.Thread(target=accept) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors and sum(added) == expected
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ContactPlan)) == expected
