"""Account-closure retention (docs/retention.md): flag, act, close, the lists and the monthly counts,
every role against its own record, another RM's and another branch's, on both engines."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from models import AuditEvent, Branch, Client, ReasonText, RetentionAction, RetentionRecord, Role, Tier
from services import retention
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from services.permissions import Actor
from tests.factories import Factories

FLAG = {"moves": ["close_account", "move_deposits"], "amount_band": "1m_5m", "reason": "rate"}


@pytest.fixture
def crew(f):  # type: ignore[no-untyped-def]
    return {role: f.staff(role) for role in (Role.TELLER, Role.LOBBY_MANAGER, Role.RM, Role.SUPERVISOR)} | {
        "rm2": f.staff(Role.RM)}


def _client(db, f: Factories, rm, *, tier: Tier = Tier.CORE, name: str = "王大有", branch_id: int | None = None) -> int:  # type: ignore[no-untyped-def]
    lobby = f.staff(Role.LOBBY_MANAGER)
    filed = f.referral(lobby, rm, name=name)
    with db.write() as s:
        s.execute(update(Client).where(Client.id == filed.client_id).values(
            tier=tier, rm_id=rm.id, **({"branch_id": branch_id} if branch_id else {})))
    return filed.client_id


def _other_branch(db) -> Branch:  # type: ignore[no-untyped-def]
    with db.write() as s:
        b = Branch(code="0002", name="第二支行")
        s.add(b)
        s.flush()
        s.expunge(b)
        return b


def _version(db, record_id: int) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(select(RetentionRecord.version).where(RetentionRecord.id == record_id)))


# --- flag ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("role", [Role.TELLER, Role.LOBBY_MANAGER, Role.RM, Role.SUPERVISOR])
def test_each_flagging_role_flags_a_premium_client_and_it_is_audited_without_the_words(db, f, crew, role):
    cid = _client(db, f, crew[Role.RM])
    rid = retention.flag(db, f.actor(crew[role]), cid, **FLAG, reason_text="他行给了 3.2% 利率，手机13912345678")
    row = retention.get_record(db, f.actor(crew[Role.SUPERVISOR]), rid)
    assert row.is_open and row.rm_id == crew[Role.RM].id and row.client_name == "王大有"
    assert [m.value for m in row.moves] == ["close_account", "move_deposits"] and row.amount_band.value == "1m_5m"
    with db.read() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.entity == "retention_record")).one()
        assert ev.action == "create" and ev.reason_id is not None
        assert "13912345678" not in (ev.detail or "") and "王" not in (ev.detail or "")
        assert s.get(ReasonText, ev.reason_id).text.startswith("他行给了")  # type: ignore[union-attr]


def test_marketing_and_admin_may_not_flag(db, f, crew):
    cid = _client(db, f, crew[Role.RM])
    for role in (Role.MARKETING, Role.ADMIN):
        with pytest.raises(PermissionDenied):
            retention.flag(db, f.actor(f.staff(role)), cid, **FLAG)


@pytest.mark.parametrize("tier", [Tier.NONE, Tier.POTENTIAL, Tier.TO_WIN])
def test_a_client_below_the_premium_tiers_is_refused_beside_the_client(db, f, crew, tier):
    cid = _client(db, f, crew[Role.RM], tier=tier)
    with pytest.raises(ValidationError) as err:
        retention.flag(db, f.actor(crew[Role.TELLER]), cid, **FLAG)
    assert set(err.value.fields) == {"client"}
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(RetentionRecord)) == 0


def test_ordinary_premium_is_premium(db, f, crew):
    cid = _client(db, f, crew[Role.RM], tier=Tier.ORDINARY_PREMIUM)
    assert retention.flag(db, f.actor(crew[Role.TELLER]), cid, **FLAG) > 0


def test_another_branchs_client_is_not_found_and_nothing_is_written(db, f, crew):
    other = _other_branch(db)
    cid = _client(db, f, crew[Role.RM], branch_id=other.id)
    for role in (Role.TELLER, Role.SUPERVISOR):
        with pytest.raises(NotFound):
            retention.flag(db, f.actor(crew[role]), cid, **FLAG)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(RetentionRecord)) == 0


def test_bad_input_is_reported_field_by_field_and_nothing_is_written(db, f, crew):
    cid = _client(db, f, crew[Role.RM])
    with pytest.raises(ValidationError) as err:
        retention.flag(db, f.actor(crew[Role.TELLER]), cid, moves=[], amount_band="1234567.89", reason="",
                       reason_text="x" * 201)
    assert set(err.value.fields) == {"moves", "amount_band", "reason", "reason_text"}
    with pytest.raises(ValidationError) as err:
        retention.flag(db, f.actor(crew[Role.TELLER]), cid, moves=["bogus"], amount_band="1m_5m", reason="rate",
                       reason_text="坏\x00字")
    assert set(err.value.fields) == {"moves", "reason_text"}
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(RetentionRecord)) == 0
        assert s.scalar(select(func.count()).select_from(ReasonText)) == 0


def test_a_second_open_record_for_the_same_client_is_refused_until_the_first_closes(db, f, crew):
    cid = _client(db, f, crew[Role.RM])
    first = retention.flag(db, f.actor(crew[Role.TELLER]), cid, **FLAG)
    with pytest.raises(ValidationError) as err:
        retention.flag(db, f.actor(crew[Role.LOBBY_MANAGER]), cid, **FLAG)
    assert set(err.value.fields) == {"client"}
    retention.close(db, f.actor(crew[Role.RM]), first, result="normal_closure", version=_version(db, first))
    assert retention.flag(db, f.actor(crew[Role.LOBBY_MANAGER]), cid, **FLAG) != first


# --- act and close: the record-level table --------------------------------------------------------

def test_the_clients_rm_acts_and_closes_and_the_supervisor_steps_in(db, f, crew, clock):
    cid = _client(db, f, crew[Role.RM])
    rid = retention.flag(db, f.actor(crew[Role.TELLER]), cid, **FLAG)
    v1 = retention.record_action(db, f.actor(crew[Role.RM]), rid, kind="talk", note="答应下周给优惠方案",
                                 version=_version(db, rid))
    clock.advance(hours=1)
    v2 = retention.record_action(db, f.actor(crew[Role.SUPERVISOR]), rid, kind="offer", note="主管出面", version=v1)
    acts = retention.list_actions(db, f.actor(crew[Role.RM]), rid)
    assert [(a.kind.value, a.stepped_in, a.by) for a in acts] == [
        ("talk", False, crew[Role.RM].name), ("offer", True, crew[Role.SUPERVISOR].name)]
    retention.close(db, f.actor(crew[Role.RM]), rid, result="partly_retained", version=v2)
    row = retention.get_record(db, f.actor(crew[Role.RM]), rid)
    assert row.result is not None and row.result.value == "partly_retained" and not row.can_work
    assert row.actions == 2 and row.closed_at == clock.now
    with db.read() as s:
        details = [d for (d,) in s.execute(select(AuditEvent.detail).where(
            AuditEvent.entity == "retention_record").order_by(AuditEvent.id))]
    assert details == ["reason=rate", "kind=talk stepped_in=0", "kind=offer stepped_in=1", "result=partly_retained"]
    assert not any("方案" in d or "主管" in d for d in details)


@pytest.mark.parametrize("who", [Role.TELLER, Role.LOBBY_MANAGER, "rm2", Role.MARKETING])
def test_no_one_else_may_act_or_close(db, f, crew, who):
    cid = _client(db, f, crew[Role.RM])
    rid = retention.flag(db, f.actor(crew[Role.TELLER]), cid, **FLAG)
    actor = f.actor(crew[who] if who in crew else f.staff(who))
    ver = _version(db, rid)
    with pytest.raises(PermissionDenied):
        retention.record_action(db, actor, rid, kind="talk", version=ver)
    with pytest.raises(PermissionDenied):
        retention.close(db, actor, rid, result="normal_closure", version=ver)
    with pytest.raises(PermissionDenied):
        retention.list_actions(db, actor, rid)
    assert _version(db, rid) == ver


def test_another_branchs_record_is_not_found_even_for_its_supervisor_role(db, f, crew):
    other = _other_branch(db)
    cid = _client(db, f, crew[Role.RM])
    rid = retention.flag(db, f.actor(crew[Role.TELLER]), cid, **FLAG)
    sup = crew[Role.SUPERVISOR]
    stranger = Actor(sup.id, sup.staff_no, sup.name, sup.role.value, other.id)
    with pytest.raises(NotFound):
        retention.record_action(db, stranger, rid, kind="talk", version=_version(db, rid))
    with pytest.raises(NotFound):
        retention.get_record(db, stranger, rid)
    assert retention.list_records(db, stranger) == []


def test_a_result_of_an_effort_needs_an_effort_and_a_closed_record_is_read_only(db, f, crew):
    cid = _client(db, f, crew[Role.RM])
    rid = retention.flag(db, f.actor(crew[Role.TELLER]), cid, **FLAG)
    rm = f.actor(crew[Role.RM])
    for result in ("retained", "partly_retained", "lost"):
        with pytest.raises(ValidationError) as err:
            retention.close(db, rm, rid, result=result, version=_version(db, rid))
        assert set(err.value.fields) == {"result"}
    with pytest.raises(ValidationError):
        retention.close(db, rm, rid, result="maybe", version=_version(db, rid))
    v = retention.record_action(db, rm, rid, kind="call", version=_version(db, rid))
    v = retention.close(db, rm, rid, result="retained", version=v)
    with pytest.raises(ValidationError):
        retention.record_action(db, rm, rid, kind="call", version=v)
    with pytest.raises(ValidationError):
        retention.close(db, rm, rid, result="lost", version=v)


def test_a_stale_save_names_who_and_when_and_writes_nothing(db, f, crew, clock):
    cid = _client(db, f, crew[Role.RM])
    rid = retention.flag(db, f.actor(crew[Role.TELLER]), cid, **FLAG)
    seen = _version(db, rid)
    clock.advance(days=1, hours=3)
    retention.record_action(db, f.actor(crew[Role.SUPERVISOR]), rid, kind="talk", version=seen)
    with pytest.raises(Conflict) as err:
        retention.record_action(db, f.actor(crew[Role.RM]), rid, kind="call", note="我也打了", version=seen)
    assert err.value.by == crew[Role.SUPERVISOR].staff_no and "2026-11-21 13:00" in str(err.value)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(RetentionAction)) == 1


# --- the lists --------------------------------------------------------------------------------

def test_who_sees_which_records_and_names(db, f, crew, clock):
    rm, rm2 = crew[Role.RM], crew["rm2"]
    mine = retention.flag(db, f.actor(crew[Role.TELLER]), _client(db, f, rm, name="李小龙"), **FLAG)
    clock.advance(minutes=5)
    others = retention.flag(db, f.actor(crew[Role.LOBBY_MANAGER]), _client(db, f, rm2, name="赵钱孙"), **FLAG)
    clock.advance(minutes=5)
    rm_flagged = retention.flag(db, f.actor(rm), _client(db, f, rm2, name="周吴郑"), **FLAG)

    def seen(role: Any) -> dict[int, str]:
        return {r.id: r.client_name for r in retention.list_records(db, f.actor(crew[role]))}

    assert seen(Role.TELLER) == {mine: "李*龙"}
    assert seen(Role.LOBBY_MANAGER) == {rm_flagged: "周*郑", others: "赵*孙", mine: "李*龙"}
    assert seen(Role.RM) == {rm_flagged: "周*郑", mine: "李小龙"}
    assert seen("rm2") == {rm_flagged: "周吴郑", others: "赵钱孙"}
    assert seen(Role.SUPERVISOR) == {rm_flagged: "周吴郑", others: "赵钱孙", mine: "李小龙"}
    with pytest.raises(PermissionDenied):
        retention.get_record(db, f.actor(crew[Role.TELLER]), others)
    with pytest.raises(PermissionDenied):
        retention.list_records(db, f.actor(f.staff(Role.ADMIN)))
    # can_work follows may_work: the client's RM and the supervisor
    assert [r.can_work for r in retention.list_records(db, f.actor(rm))] == [False, True]


def test_the_reason_text_is_read_by_the_flagger_and_the_supervisor_only(db, f, crew):
    rid = retention.flag(db, f.actor(crew[Role.TELLER]), _client(db, f, crew[Role.RM]), **FLAG,
                         reason_text="孩子出国要用钱")
    texts = {role: retention.get_record(db, f.actor(crew[role]), rid).reason_text
             for role in (Role.TELLER, Role.LOBBY_MANAGER, Role.RM, Role.SUPERVISOR)}
    assert texts == {Role.TELLER: "孩子出国要用钱", Role.LOBBY_MANAGER: None, Role.RM: None,
                     Role.SUPERVISOR: "孩子出国要用钱"}


def test_the_list_is_open_first_then_newest_in_keyset_windows(db, f, crew, clock):
    rm, sup = crew[Role.RM], f.actor(crew[Role.SUPERVISOR])
    ids = []
    for n in range(7):
        ids.append(retention.flag(db, f.actor(crew[Role.TELLER]), _client(db, f, rm, name=f"客户{'一二三四五六七'[n]}"),
                                  **FLAG))
        clock.advance(minutes=1)
    for rid in (ids[1], ids[4]):
        retention.close(db, f.actor(rm), rid, result="normal_closure", version=_version(db, rid))
    expected = [ids[6], ids[5], ids[3], ids[2], ids[0], ids[4], ids[1]]
    got: list[int] = []
    after = None
    while True:
        window = retention.list_records(db, sup, after=after, limit=2)
        if not window:
            break
        got += [r.id for r in window]
        after = window[-1].key
    assert got == expected


# --- monthly counts ----------------------------------------------------------------------------

def test_monthly_counts_per_rm(db, f, crew, clock):
    rm, rm2, sup = crew[Role.RM], crew["rm2"], f.actor(crew[Role.SUPERVISOR])
    teller = f.actor(crew[Role.TELLER])

    def flagged(owner, result: str | None) -> None:  # type: ignore[no-untyped-def]
        rid = retention.flag(db, teller, _client(db, f, owner), **FLAG)
        if result is not None:
            v = _version(db, rid)
            if result != "normal_closure":
                v = retention.record_action(db, f.actor(owner), rid, kind="talk", version=v)
            retention.close(db, f.actor(owner), rid, result=result, version=v)

    for result in ("retained", "retained", "lost", None):
        flagged(rm, result)
    for result in ("partly_retained", "normal_closure"):
        flagged(rm2, result)
    clock.advance(days=15)  # 2026-12-05: next month
    flagged(rm, None)

    lines = {ln.rm_id: ln.counts.values() for ln in retention.monthly_counts(db, sup, dt.date(2026, 11, 1))}
    assert lines == {rm.id: (4, 2, 0, 1, 0, 1), rm2.id: (2, 0, 1, 0, 1, 0)}
    december = retention.monthly_counts(db, sup, dt.date(2026, 12, 1))
    assert [(ln.rm_id, ln.counts.records, ln.counts.open) for ln in december] == [(rm.id, 1, 1)]
    own = retention.monthly_counts(db, f.actor(rm2), dt.date(2026, 11, 1))
    assert [ln.rm_id for ln in own] == [rm2.id]
    with pytest.raises(PermissionDenied):
        retention.monthly_counts(db, teller, dt.date(2026, 11, 1))


# --- the race: two sessions, one record, one version (PostgreSQL) ------------------------------

@pytest.mark.parametrize("op", ["record_action", "close"])
def test_two_sessions_saving_the_same_record_give_one_save_and_one_conflict(db, f, crew, op, monkeypatch):
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: both sessions can never hold the same version")
    rm, sup = f.actor(crew[Role.RM]), f.actor(crew[Role.SUPERVISOR])
    real_flush = Session.flush
    racing = threading.local()
    barrier = threading.Barrier(2, timeout=10)

    def flush_at_the_barrier(self: Session, objects: Any = None) -> None:
        if getattr(racing, "on", False) and self.dirty:
            racing.on = False
            barrier.wait()
        real_flush(self, objects)

    monkeypatch.setattr(Session, "flush", flush_at_the_barrier)
    for round_ in range(10):
        rid = retention.flag(db, f.actor(crew[Role.TELLER]), _client(db, f, crew[Role.RM]), **FLAG)
        version = _version(db, rid)
        outcomes: dict[str, BaseException | None] = {}

        def run(actor: Actor, rid: int = rid, version: int = version,
                outcomes: dict[str, BaseException | None] = outcomes) -> None:
            racing.on = True
            try:
                if op == "record_action":
                    retention.record_action(db, actor, rid, kind="talk", note=actor.staff_no, version=version)
                else:
                    retention.close(db, actor, rid, result="normal_closure", version=version)
                outcomes[actor.staff_no] = None
            except BaseException as failure:  # the test reports whatever escaped
                outcomes[actor.staff_no] = failure

        threads = [threading.Thread(target=run, args=(a,)) for a in (rm, sup)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        barrier.reset()
        winners = [who for who, exc in outcomes.items() if exc is None]
        losers = [exc for exc in outcomes.values() if exc is not None]
        assert len(winners) == 1, f"round {round_}: {outcomes}"
        assert isinstance(losers[0], Conflict) and losers[0].by == winners[0], f"round {round_}: {losers!r}"
        assert _version(db, rid) == version + 1
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(RetentionAction)
                            .where(RetentionAction.record_id == rid)) == (1 if op == "record_action" else 0)


# --- the profile's timeline ---------------------------------------------------------------------

def test_retention_records_appear_in_the_clients_timeline(db, f, crew, clock):
    from services import clients

    rm = crew[Role.RM]
    cid = _client(db, f, rm)
    clock.advance(hours=1)
    rid = retention.flag(db, f.actor(crew[Role.TELLER]), cid, **FLAG, reason_text="不在时间线上")
    entries = clients.timeline(db, f.actor(rm), cid)
    assert (entries[0].kind, entries[0].id, entries[0].what, entries[0].who) == (
        "retention", rid, "open", crew[Role.TELLER].name)
    assert entries[0].note is None
    retention.close(db, f.actor(rm), rid, result="normal_closure", version=_version(db, rid))
    assert clients.timeline(db, f.actor(rm), cid)[0].what == "normal_closure"
    walked = clients.timeline(db, f.actor(rm), cid, limit=1)
    walked += clients.timeline(db, f.actor(rm), cid, after=walked[-1].key, limit=5)
    assert [e.key for e in walked] == [e.key for e in clients.timeline(db, f.actor(rm), cid)]


def test_two_workstations_flagging_the_same_client_at_once_make_one_record(db, f, crew, monkeypatch):
    """Both check that no record is open, then both insert: the partial unique index lets one in and the
    other is refused beside the client field, never a crash (PostgreSQL; SQLite serialises writers)."""
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time")
    real_flush = Session.flush
    racing = threading.local()
    barrier = threading.Barrier(2, timeout=10)

    def flush_at_the_barrier(self: Session, objects: Any = None) -> None:
        if getattr(racing, "on", False) and any(isinstance(o, RetentionRecord) for o in self.new):
            racing.on = False
            barrier.wait()
        real_flush(self, objects)

    monkeypatch.setattr(Session, "flush", flush_at_the_barrier)
    for round_ in range(5):
        cid = _client(db, f, crew[Role.RM])
        outcomes: dict[str, BaseException | None] = {}

        def run(actor: Actor, cid: int = cid, outcomes: dict[str, BaseException | None] = outcomes) -> None:
            racing.on = True
            try:
                retention.flag(db, actor, cid, **FLAG)
                outcomes[actor.staff_no] = None
            except BaseException as failure:  # the test reports whatever escaped
                outcomes[actor.staff_no] = failure

        threads = [threading.Thread(target=run, args=(f.actor(crew[r]),)) for r in (Role.TELLER, Role.LOBBY_MANAGER)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        barrier.reset()
        refused = [exc for exc in outcomes.values() if exc is not None]
        assert len(refused) == 1, f"round {round_}: {outcomes}"
        assert isinstance(refused[0], ValidationError) and set(refused[0].fields) == {"client"}, refused
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(RetentionRecord)
                            .where(RetentionRecord.client_id == cid)) == 1
