"""Complaints (docs/complaints.md): recording, the owner's list, states, the one extension, counts — both engines."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import AuditEvent, Branch, Complaint, ComplaintKind, ComplaintState, ReasonText, Role
from services import accounts, complaints, workdays
from services.complaints import ComplaintInput
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from services.permissions import Actor

D = dt.date
T, L, R, M, S, A = Role.TELLER, Role.LOBBY_MANAGER, Role.RM, Role.MARKETING, Role.SUPERVISOR, Role.ADMIN
SAID = "柜台排队一个小时没人管，客户手机 13912345678"


def _input(received: object = "2026-11-19", kind: str = "waiting_time", content: str | None = SAID,
           name: str | None = "王小明", channel: str = "face_to_face") -> ComplaintInput:
    return ComplaintInput(received_on=received, channel=channel, kind=kind, content=content, client_name=name)


@pytest.fixture
def people(f):  # type: ignore[no-untyped-def]
    return {r: f.actor(f.staff(r)) for r in Role}


def _other_branch(db, f) -> Actor:  # type: ignore[no-untyped-def]
    with db.write() as s:
        s.add(Branch(code="0002", name="第二支行"))
    info, _ = accounts.add_staff(db, f.system, staff_no="B0001", name="乙行大堂", role=Role.LOBBY_MANAGER,
                                 password="Passw0rd!", must_change_password=False, branch_code="0002")
    return f.actor(info)


def test_recorded_on_a_friday_before_qingming_it_is_due_three_working_days_later(db, people):
    key = complaints.record_complaint(db, people[T], _input(received="2026-04-03"))
    row = complaints.get_complaint(db, people[L], key)
    assert (row.state, row.first_due_on, row.due_on, row.due_estimated) == (
        ComplaintState.RECEIVED, D(2026, 4, 9), D(2026, 4, 9), False)
    assert row.overdue  # the clock says 2026-11-20


def test_the_branch_list_moves_the_deadline_of_a_complaint_recorded_after_it_changed(db, people):
    workdays.add_holiday(db, people[S], day="2026-11-23", kind="holiday", name="系统升级停业")
    key = complaints.record_complaint(db, people[L], _input(received="2026-11-20"))
    assert complaints.get_complaint(db, people[L], key).due_on == D(2026, 11, 26)  # Tue 24, Wed 25, Thu 26


def test_no_content_or_a_future_receipt_is_refused_beside_its_field_and_nothing_is_written(db, people):
    with pytest.raises(ValidationError) as err:
        complaints.record_complaint(db, people[T], _input(received="2026-11-21", content="   "))
    assert set(err.value.fields) == {"complaint_received_on", "complaint_content"}
    with pytest.raises(ValidationError) as err:
        complaints.record_complaint(db, people[T], _input(kind="weather", channel="fax"))
    assert set(err.value.fields) == {"complaint_kind", "complaint_channel"}
    with db.read() as s:
        assert s.scalars(select(Complaint)).all() == []


def test_what_the_client_said_never_reaches_the_audit_log(db, people):
    key = complaints.record_complaint(db, people[T], _input())
    complaints.reply(db, people[L], key, text="已致歉并增开窗口，客户 13912345678 表示满意")
    ext_key = complaints.record_complaint(db, people[T], _input())
    complaints.extend(db, people[S], ext_key, new_due="2026-11-30", reason="需调取监控 13912345678")
    with db.read() as s:
        details = " ".join(d or "" for d in s.scalars(select(AuditEvent.detail)).all())
        reasons = s.scalars(select(ReasonText.text)).all()
    assert "13912345678" not in details and "王小明" not in details
    assert reasons == ["需调取监控 13912345678"]


# --- who sees and does what: every role × own / another's / another branch's ------------------------

@pytest.mark.parametrize("role", list(Role))
def test_every_role_against_its_own_another_and_another_branch_complaint(db, f, people, role):
    me = people[role]
    theirs = complaints.record_complaint(db, f.actor(f.staff(T)), _input(name="李四"))  # a colleague's
    elsewhere = complaints.record_complaint(db, _other_branch(db, f), _input())
    if role in (A, Role.HEAD_OFFICE):  # the admin and the head office see no client data: no complaints
        with pytest.raises(PermissionDenied):
            complaints.record_complaint(db, me, _input())
        with pytest.raises(PermissionDenied):
            complaints.list_complaints(db, me)
        return
    mine = complaints.record_complaint(db, me, _input())
    listed = {r.id: r for r in complaints.list_complaints(db, me)}
    owner = role in (L, S)
    assert set(listed) == ({mine, theirs} if owner else {mine})
    row = listed[mine]
    assert (row.content, row.client_name) == ((SAID, "王小明") if owner else (None, "王*明"))
    with pytest.raises(NotFound):
        complaints.get_complaint(db, me, elsewhere)
    if not owner:
        with pytest.raises(PermissionDenied):
            complaints.get_complaint(db, me, theirs)
        for key in (mine, theirs):
            with pytest.raises(PermissionDenied):
                complaints.start_handling(db, me, key)
            with pytest.raises(PermissionDenied):
                complaints.reply(db, me, key, text="已处理")
        assert not (row.can_start or row.can_reply or row.can_close or row.can_extend)
    else:
        assert row.can_start and row.can_reply and not row.can_close
        complaints.start_handling(db, me, theirs)
        complaints.reply(db, me, theirs, text="已处理")
        assert complaints.get_complaint(db, me, theirs).state == ComplaintState.REPLIED
    # A role that may never handle one is refused before the record is looked at (docs/permissions.md).
    with pytest.raises(NotFound if owner else PermissionDenied):
        complaints.start_handling(db, me, elsewhere)
    if role == S:
        complaints.extend(db, me, mine, new_due="2026-11-27", reason="需要总行答复")
        with pytest.raises(NotFound):
            complaints.extend(db, me, elsewhere, new_due="2026-11-27", reason="需要总行答复")
    else:
        with pytest.raises(PermissionDenied):
            complaints.extend(db, me, mine, new_due="2026-11-27", reason="需要总行答复")


# --- states -----------------------------------------------------------------------------------------

def test_the_states_run_received_in_progress_replied_closed_and_never_back(db, people):
    lobby = people[L]
    key = complaints.record_complaint(db, people[T], _input())
    v1 = complaints.start_handling(db, lobby, key)
    row = complaints.get_complaint(db, lobby, key)
    assert (row.state, row.owner) == (ComplaintState.IN_PROGRESS, lobby.name)
    with pytest.raises(ValidationError):
        complaints.start_handling(db, lobby, key)
    with pytest.raises(ValidationError):
        complaints.close(db, lobby, key, justified=True)
    with pytest.raises(ValidationError) as err:
        complaints.reply(db, lobby, key, text="  ")
    assert "complaint_reply" in err.value.fields
    v2 = complaints.reply(db, lobby, key, text="已致歉", version=v1)
    with pytest.raises(ValidationError) as err:
        complaints.close(db, lobby, key, justified=None, version=v2)
    assert "complaint_justified" in err.value.fields
    complaints.close(db, lobby, key, justified=False, version=v2)
    row = complaints.get_complaint(db, lobby, key)
    assert (row.state, row.justified, row.replied_on, row.reply) == (
        ComplaintState.CLOSED, False, D(2026, 11, 20), "已致歉")
    with pytest.raises(ValidationError):
        complaints.reply(db, lobby, key, text="再次")


def test_a_stale_version_is_refused_naming_who_changed_it(db, people, clock):
    key = complaints.record_complaint(db, people[T], _input())
    seen = complaints.get_complaint(db, people[L], key)
    complaints.start_handling(db, people[S], key, version=seen.version)
    with pytest.raises(Conflict) as err:
        complaints.reply(db, people[L], key, text="已处理", version=seen.version)
    assert err.value.by == people[S].staff_no and err.value.at == clock.now


# --- the extension ------------------------------------------------------------------------------------

def test_the_supervisor_extends_once_with_a_reason_to_at_most_seven_working_days(db, people):
    sup = people[S]
    key = complaints.record_complaint(db, people[L], _input(received="2026-11-19"))  # Thu
    row = complaints.get_complaint(db, sup, key)
    assert row.due_on == D(2026, 11, 24) and row.last_extension_day == D(2026, 11, 30) and row.can_extend
    with pytest.raises(ValidationError) as err:
        complaints.extend(db, sup, key, new_due="2026-12-01", reason="")
    assert set(err.value.fields) == {"complaint_new_due", "complaint_extension_reason"}
    assert "2026-11-30" in err.value.fields["complaint_new_due"]
    with pytest.raises(ValidationError) as err:
        complaints.extend(db, sup, key, new_due="2026-11-24", reason="需要总行答复")
    assert set(err.value.fields) == {"complaint_new_due"}
    complaints.extend(db, sup, key, new_due="2026-11-30", reason="需要总行答复", version=row.version)
    row = complaints.get_complaint(db, sup, key)
    assert (row.due_on, row.first_due_on, row.extended, row.extension_reason) == (
        D(2026, 11, 30), D(2026, 11, 24), True, "需要总行答复")
    assert not row.can_extend and complaints.get_complaint(db, people[L], key).extension_reason is None
    with pytest.raises(ValidationError) as err:
        complaints.extend(db, sup, key, new_due="2026-11-27", reason="再延")
    assert "complaint_new_due" in err.value.fields


# --- overdue, the list's order, counts ---------------------------------------------------------------

def test_overdue_complaints_top_the_list_and_are_counted(db, people, clock):
    lobby, teller = people[L], people[T]
    later = complaints.record_complaint(db, teller, _input(received="2026-11-20"))  # due 11-25
    late = complaints.record_complaint(db, teller, _input(received="2026-11-10"))  # due 11-13: overdue
    today = complaints.record_complaint(db, lobby, _input(received="2026-11-17"))  # due 11-20: today
    done = complaints.record_complaint(db, lobby, _input(received="2026-11-02"))
    complaints.reply(db, lobby, done, text="已处理")
    rows = complaints.list_complaints(db, lobby)
    assert [r.id for r in rows] == [late, today, later, done]
    assert [r.overdue for r in rows] == [True, False, False, False]
    assert complaints.due_counts(db, lobby) == complaints.DueCounts(overdue=1, due_today=1)
    assert complaints.overdue_count(db, lobby) == 1
    assert complaints.overdue_count(db, teller) == 1  # the one the teller recorded
    assert complaints.due_counts(db, people[R]) == complaints.DueCounts(0, 0)
    # The keyset: a window after the second row goes on from the third.
    first_two = complaints.list_complaints(db, lobby, limit=2)
    assert [r.id for r in complaints.list_complaints(db, lobby, after=first_two[-1].cursor)] == [later, done]
    assert [r.id for r in complaints.list_complaints(db, lobby, open_only=True)] == [late, today, later]
    clock.advance(days=1)  # Saturday: the one due Friday is overdue now
    assert complaints.overdue_count(db, lobby) == 2


def test_monthly_counts_by_kind_and_timeliness(db, people, clock):
    lobby = people[L]
    on_time = complaints.record_complaint(db, lobby, _input(received="2026-11-18", kind="fees"))
    complaints.reply(db, lobby, on_time, text="已退费")
    late = complaints.record_complaint(db, lobby, _input(received="2026-11-02", kind="fees"))
    complaints.reply(db, lobby, late, text="已处理")
    complaints.record_complaint(db, lobby, _input(received="2026-11-03", kind="waiting_time"))  # open, overdue
    complaints.record_complaint(db, lobby, _input(received="2026-11-20", kind="waiting_time"))  # open, in time
    complaints.record_complaint(db, lobby, _input(received="2026-10-30", kind="fees"))  # October
    month = complaints.monthly_counts(db, lobby, D(2026, 11, 1))
    by_kind = {k.kind: k for k in month.kinds}
    assert [k.kind for k in month.kinds] == list(ComplaintKind)
    fees, waiting = by_kind[ComplaintKind.FEES], by_kind[ComplaintKind.WAITING_TIME]
    assert (fees.received, fees.on_time, fees.late, fees.open_overdue) == (2, 1, 1, 0)
    assert (waiting.received, waiting.open_overdue, waiting.open_in_time) == (2, 1, 1)
    assert (month.total.received, month.total.on_time, month.total.late) == (4, 1, 1)
    with pytest.raises(PermissionDenied):
        complaints.monthly_counts(db, people[T], D(2026, 11, 1))


# --- the race: two sessions, the same complaint, the same version (PostgreSQL) ----------------------

def test_two_sessions_advancing_one_complaint_give_one_save_and_one_conflict(db, people, monkeypatch):
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: both sessions can never hold the same version")
    lobby, sup = people[L], people[S]
    key = complaints.record_complaint(db, people[T], _input())
    version = complaints.get_complaint(db, lobby, key).version
    real_flush = Session.flush
    racing = threading.local()
    barrier = threading.Barrier(2, timeout=10)

    def flush_at_the_barrier(self: Session, objects: Any = None) -> None:
        if getattr(racing, "on", False) and self.dirty:
            racing.on = False
            barrier.wait()
        real_flush(self, objects)

    monkeypatch.setattr(Session, "flush", flush_at_the_barrier)
    outcomes: dict[str, BaseException | None] = {}

    def run(actor: Actor, text: str) -> None:
        racing.on = True
        try:
            complaints.reply(db, actor, key, text=text, version=version)
            outcomes[actor.staff_no] = None
        except BaseException as failure:  # the test reports whatever escaped
            outcomes[actor.staff_no] = failure

    threads = [threading.Thread(target=run, args=(a, a.staff_no)) for a in (lobby, sup)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    winners = [who for who, exc in outcomes.items() if exc is None]
    losers = [exc for exc in outcomes.values() if exc is not None]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert isinstance(losers[0], Conflict) and losers[0].by == winners[0]
    row = complaints.get_complaint(db, lobby, key)
    assert (row.version, row.reply) == (version + 1, winners[0])


def test_a_complaint_may_name_a_client_of_the_branch_but_not_of_another(db, f, people):
    filed = f.referral(f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM), name="赵敏")
    key = complaints.record_complaint(db, people[T], ComplaintInput(
        received_on="2026-11-20", channel="phone", kind="product", content=SAID, client_id=filed.client_id))
    assert complaints.get_complaint(db, people[L], key).client_name == "赵敏"
    with pytest.raises(NotFound):
        complaints.record_complaint(db, _other_branch(db, f), ComplaintInput(
            received_on="2026-11-20", channel="phone", kind="product", content=SAID, client_id=filed.client_id))


def test_two_sessions_listing_the_same_day_give_one_row_and_one_refusal_beside_the_field(db, people, monkeypatch):
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: both sessions can never pass the check together")
    real_flush = Session.flush
    racing = threading.local()
    barrier = threading.Barrier(2, timeout=10)

    def flush_at_the_barrier(self: Session, objects: Any = None) -> None:
        if getattr(racing, "on", False) and self.new:
            racing.on = False
            barrier.wait()  # both have looked for the day and found none
        real_flush(self, objects)

    monkeypatch.setattr(Session, "flush", flush_at_the_barrier)
    outcomes: dict[str, BaseException | None] = {}

    def run(actor: Actor) -> None:
        racing.on = True
        try:
            workdays.add_holiday(db, actor, day="2026-12-24", kind="holiday", name=actor.staff_no)
            outcomes[actor.staff_no] = None
        except BaseException as failure:  # the test reports whatever escaped
            outcomes[actor.staff_no] = failure

    threads = [threading.Thread(target=run, args=(a,)) for a in (people[S], people[A])]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    losers = [exc for exc in outcomes.values() if exc is not None]
    assert len(outcomes) == 2 and len(losers) == 1, outcomes
    assert isinstance(losers[0], ValidationError) and "holiday_day" in losers[0].fields
    assert len(workdays.list_holidays(db, people[S])) == 1
