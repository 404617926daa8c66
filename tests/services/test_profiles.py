"""The client profile's services (docs/profiles.md): search by every key, bad search input, the
timeline's keyset windows, the audited reveal, and the edit's validation — on both engines."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, func, select

from models import (
    Appointment,
    AppointmentStatus,
    AuditEvent,
    Client,
    ContactAttempt,
    ContactChannel,
    ContactResult,
    MaintenanceKind,
    MaintenanceRecord,
    RiskTolerance,
    Role,
)
from services import clients
from services.clients import TimelineEntry
from services.db import Database
from services.errors import ValidationError
from tests.factories import Factories, make_id_number

T, L, R, S = Role.TELLER, Role.LOBBY_MANAGER, Role.RM, Role.SUPERVISOR


def _client(db: Database, f: Factories, name: str, mobile: str, *, rm_id: int | None = None,
            id_number: str | None = None) -> int:
    with db.write() as s:
        c = Client(branch_id=f.branch.id, name=name, mobile=mobile, id_number=id_number, rm_id=rm_id,
                   created_at=db.now())
        s.add(c)
        s.flush()
        return c.id


@pytest.fixture
def crowd(db: Database, f: Factories) -> dict[str, int]:
    """Clients whose keys overlap: the same surname, the same last four, a longer name with the same start."""
    rm = f.staff(R)
    ids = {
        "wang_wei": _client(db, f, "王伟", "13812345678", rm_id=rm.id, id_number=make_id_number(dt.date(1980, 5, 6))),
        "wang_weiguo": _client(db, f, "王伟国", "13912345678", rm_id=rm.id),
        "wang_fang": _client(db, f, "王芳", "13712340000", rm_id=rm.id),
        "li_na": _client(db, f, "李娜", "15000005678", id_number=make_id_number(dt.date(1991, 2, 3), seq=456)),
    }
    return ids


def _first(db: Database, f: Factories, role: Role, text: str) -> int:
    found = clients.search_clients(db, f.actor(f.staff(role)), text)
    assert found, f"nothing found for {text!r}"
    return found[0].id


@pytest.mark.parametrize("role", [T, L, S])
def test_search_by_each_key_returns_the_right_client_first(db: Database, f: Factories, crowd: dict[str, int],
                                                           role: Role) -> None:
    assert _first(db, f, role, "13912345678") == crowd["wang_weiguo"]  # full mobile
    assert _first(db, f, role, "139 1234 5678") == crowd["wang_weiguo"]  # as people write it
    assert _first(db, f, role, make_id_number(dt.date(1991, 2, 3), seq=456)) == crowd["li_na"]  # ID number
    assert _first(db, f, role, "王伟") == crowd["wang_wei"]  # full name, before 王伟国 which starts the same
    assert _first(db, f, role, "王伟国") == crowd["wang_weiguo"]
    assert _first(db, f, role, "李") == crowd["li_na"]  # the start of a name
    last_four = {m.id for m in clients.search_clients(db, f.actor(f.staff(role)), "0000")}
    assert last_four == {crowd["wang_fang"]}  # exactly the last four digits


def test_search_results_are_masked_and_say_who_may_open_them(db: Database, f: Factories) -> None:
    rm, other_rm = f.staff(R), f.staff(R)
    own = _client(db, f, "赵敏", "13600001111", rm_id=rm.id, id_number=make_id_number(dt.date(1975, 1, 2)))
    theirs = _client(db, f, "赵雷", "13600002222", rm_id=other_rm.id)
    by_rm = {m.id: m for m in clients.search_clients(db, f.actor(rm), "赵")}
    assert by_rm[own].can_open and not by_rm[theirs].can_open
    assert by_rm[own].mobile_masked == "136****1111"
    assert "1975" not in by_rm[own].id_number_masked
    assert all(m.can_open for m in clients.search_clients(db, f.actor(f.staff(S)), "赵"))
    assert not any(m.can_open for m in clients.search_clients(db, f.actor(f.staff(L)), "赵"))


def test_a_referral_row_says_whether_the_viewer_may_open_its_clients_profile(db: Database, f: Factories) -> None:
    from services import referrals

    lobby, rm, other_rm, sup = f.staff(L), f.staff(R), f.staff(R), f.staff(S)
    mine = f.referral(rm, rm, name="自己客户")
    theirs = f.referral(rm, other_rm, name="他人客户")
    rows = {r.id: r for r in referrals.list_referrals(db, f.actor(rm), None, "own")}
    assert rows[mine.id].can_open_profile and rows[mine.id].client_id == mine.client_id
    assert not rows[theirs.id].can_open_profile
    assert all(r.can_open_profile for r in referrals.list_referrals(db, f.actor(sup), None, "branch"))
    assert not any(r.can_open_profile for r in referrals.list_referrals(db, f.actor(lobby), None, "branch"))
    clients.get_profile(db, f.actor(rm), mine.client_id)  # what the row promised holds


def test_search_windows_continue_by_keyset_without_repeats(db: Database, f: Factories) -> None:
    for i in range(7):
        _client(db, f, f"孙{'一二三四五六七'[i]}", f"1360000{i:04d}")
    actor = f.actor(f.staff(L))
    first = clients.search_clients(db, actor, "孙", limit=3)
    second = clients.search_clients(db, actor, "孙", limit=3, after_id=first[-1].id)
    third = clients.search_clients(db, actor, "孙", limit=3, after_id=second[-1].id)
    names = [m.name for m in first + second + third]
    assert names == sorted(names) and len(set(names)) == 7


@pytest.mark.parametrize("text", ["王\x00伟", "\x1b[2J", "王\u202e伟", "王" * 10_000, "1" * 10_000])
def test_bad_search_text_is_refused_before_any_query(db: Database, f: Factories, text: str) -> None:
    actor = f.actor(f.staff(L))
    sent: list[str] = []

    def count(_conn, _cursor, statement, *_args):  # type: ignore[no-untyped-def]
        sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        with pytest.raises(ValidationError) as err:
            clients.search_clients(db, actor, text)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert [p.field for p in err.value.problems] == ["search"]
    assert sent == []
    with pytest.raises(ValidationError):
        clients.check_search_text(text)


# --- the timeline ---------------------------------------------------------------------------

def _long_history(db: Database, f: Factories) -> tuple[int, int]:
    """A client with referrals, a follow-up with contacts, appointments and maintenance at distinct times."""
    lobby, rm = f.staff(L), f.staff(R)
    first = f.referral(lobby, rm, status="pending", mobile="13566667777", name="周杰")
    cid = first.client_id
    base = db.now()
    with db.write() as s:
        assert first.follow_up_id is not None
        for i in range(4):
            s.add(ContactAttempt(follow_up_id=first.follow_up_id, staff_id=rm.id, channel=ContactChannel.PHONE,
                                 at=base + dt.timedelta(hours=i + 1), result=ContactResult.NO_ANSWER))
        for i in range(3):
            s.add(Appointment(client_id=cid, rm_id=rm.id, at=base + dt.timedelta(days=i + 1, minutes=7),
                              status=AppointmentStatus.SCHEDULED, created_at=base, place="网点"))
        for i in range(5):
            s.add(MaintenanceRecord(client_id=cid, branch_id=f.branch.id, rm_id=rm.id,
                                    at=base - dt.timedelta(days=i + 1),
                                    kind=MaintenanceKind.GREETING, note=f"第{i}次问候"))
    for _ in range(2):
        f.referral(lobby, rm, client_id=cid)
    return cid, rm.id


def test_the_timeline_is_newest_first_across_every_kind(db: Database, f: Factories) -> None:
    cid, _ = _long_history(db, f)
    entries = clients.timeline(db, f.actor(f.staff(S)), cid, limit=100)
    kinds = {e.kind for e in entries}
    assert kinds == {"referral", "follow_up", "contact", "appointment", "maintenance"}
    assert len(entries) == 3 + 1 + 4 + 3 + 5
    keys = [(e.at, e.kind, e.id) for e in entries]
    assert keys == sorted(keys, reverse=True)
    assert entries[0].kind == "appointment"  # the furthest agreed meeting is the newest entry
    assert all(e.at.tzinfo is not None for e in entries)
    assert any(e.note == "第0次问候" for e in entries)


def test_timeline_windows_join_up_without_gaps_or_repeats(db: Database, f: Factories) -> None:
    cid, _ = _long_history(db, f)
    sup = f.actor(f.staff(S))
    whole = clients.timeline(db, sup, cid, limit=100)
    walked: list[TimelineEntry] = []
    after = None
    while True:
        window = clients.timeline(db, sup, cid, after=after, limit=4)
        walked.extend(window)
        if len(window) < 4:
            break
        after = window[-1].key
    assert [e.key for e in walked] == [e.key for e in whole]


def test_entries_at_the_same_moment_are_ordered_and_windowed_by_kind_and_id(db: Database, f: Factories) -> None:
    rm = f.staff(R)
    cid = _client(db, f, "吴同", "13588889999", rm_id=rm.id)
    at = db.now()
    with db.write() as s:
        for _ in range(3):
            s.add(MaintenanceRecord(client_id=cid, branch_id=f.branch.id, rm_id=rm.id, at=at,
                                    kind=MaintenanceKind.PORTFOLIO_REVIEW))
            s.add(Appointment(client_id=cid, rm_id=rm.id, at=at, status=AppointmentStatus.HELD, created_at=at))
    me = f.actor(rm)
    whole = clients.timeline(db, me, cid)
    assert [e.kind for e in whole] == ["maintenance"] * 3 + ["appointment"] * 3
    walked = clients.timeline(db, me, cid, limit=2)
    walked += clients.timeline(db, me, cid, after=walked[-1].key, limit=2)
    walked += clients.timeline(db, me, cid, after=walked[-1].key, limit=2)
    assert [e.key for e in walked] == [e.key for e in whole]


# --- the reveal -------------------------------------------------------------------------------

def test_a_reveal_gives_both_numbers_and_writes_one_audit_row_without_them(db: Database, f: Factories) -> None:
    rm = f.staff(R)
    id_number = make_id_number(dt.date(1988, 8, 8))
    cid = _client(db, f, "郑爽", "13677778888", rm_id=rm.id, id_number=id_number)
    with db.read() as s:
        before = s.scalar(select(func.count()).select_from(AuditEvent))
    shown = clients.reveal_contact(db, f.actor(rm), cid)
    assert (shown.mobile, shown.id_number) == ("13677778888", id_number)
    with db.read() as s:
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert len(events) == before + 1
    last = events[-1]
    assert (last.action, last.entity, last.entity_id, last.actor_id) == ("reveal", "client", cid, rm.id)
    assert "13677778888" not in (last.detail or "") and id_number not in (last.detail or "")
    assert "7788" not in (last.detail or "")  # not even a part


# --- editing ----------------------------------------------------------------------------------

def test_the_profile_holds_every_field_the_edit_writes(db: Database, f: Factories) -> None:
    rm = f.staff(R)
    cid = _client(db, f, "冯远", "13611112222", rm_id=rm.id)
    me = f.actor(rm)
    seen = clients.get_profile(db, me, cid)
    clients.update_profile(db, me, cid, seen.version, occupation="工程师", employer="合肥某研究所",
                           family="已婚，一子", dependants="2", income_band="20-50万", education="硕士",
                           social_standing="区人大代表", risk_tolerance="balanced", interests=["基金", "保险", "基金"])
    p = clients.get_profile(db, me, cid)
    assert (p.occupation, p.employer, p.family, p.dependants, p.income_band, p.education, p.social_standing,
            p.risk_tolerance, p.interests) == ("工程师", "合肥某研究所", "已婚，一子", 2, "20-50万", "硕士",
                                               "区人大代表", RiskTolerance.BALANCED, ("基金", "保险"))
    assert p.version > seen.version and p.updated_by == rm.name
    clients.update_profile(db, me, cid, p.version, employer="", dependants="", risk_tolerance="")
    p2 = clients.get_profile(db, me, cid)
    assert (p2.employer, p2.dependants, p2.risk_tolerance, p2.occupation) == (None, None, None, "工程师")


def test_a_bad_edit_names_every_field_and_writes_nothing(db: Database, f: Factories) -> None:
    rm = f.staff(R)
    cid = _client(db, f, "冯远", "13611112222", rm_id=rm.id)
    me = f.actor(rm)
    seen = clients.get_profile(db, me, cid)
    with pytest.raises(ValidationError) as err:
        clients.update_profile(db, me, cid, seen.version, occupation="工程师", employer="x" * 101,
                               family="已婚\x07", dependants="-1", risk_tolerance="reckless",
                               social_standing="'; DROP TABLE client; --", interests=["基金\x00"])
    assert {p.field for p in err.value.problems} == {"employer", "family", "dependants", "risk_tolerance",
                                                      "interests"}
    after = clients.get_profile(db, me, cid)
    assert after.version == seen.version and after.occupation is None and after.social_standing is None
    for bad in ("abc", "21", "1.5"):
        with pytest.raises(ValidationError):
            clients.update_profile(db, me, cid, seen.version, dependants=bad)


def test_quotes_and_sql_are_stored_exactly_as_typed(db: Database, f: Factories) -> None:
    rm = f.staff(R)
    cid = _client(db, f, "冯远", "13611112222", rm_id=rm.id)
    me = f.actor(rm)
    text = "'; DROP TABLE client; -- \"引号\" 😀"
    clients.update_profile(db, me, cid, clients.get_profile(db, me, cid).version, social_standing=text)
    assert clients.get_profile(db, me, cid).social_standing == text
