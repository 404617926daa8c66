"""The branch's settings (docs/settings.md): every bad input refused by field, versioned, audited, in effect."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import AuditEvent, Branch, BranchSettings, Referral, Role
from services import accounts, followups, settings
from services.errors import Conflict, PermissionDenied, ValidationError
from services.settings import SettingsInput


@pytest.fixture
def admin(f):  # type: ignore[no-untyped-def]
    return f.actor(f.staff(Role.ADMIN, staff_no="A01"))


def _fields(err: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {p.field: p.message for p in err.value.problems}


def _stored(db) -> tuple[int, int, list[str], str]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        row = s.scalars(select(BranchSettings)).one()
        name = s.scalars(select(Branch.name)).one()
        return row.idle_lock_minutes, row.abandon_after_attempts, list(row.interests), name


@pytest.mark.parametrize(("data", "field"), [
    (SettingsInput(idle_lock_minutes=0), "idle_lock_minutes"),
    (SettingsInput(idle_lock_minutes=61), "idle_lock_minutes"),
    (SettingsInput(idle_lock_minutes="十"), "idle_lock_minutes"),
    (SettingsInput(idle_lock_minutes=""), "idle_lock_minutes"),
    (SettingsInput(abandon_after_attempts=0), "abandon_after_attempts"),
    (SettingsInput(abandon_after_attempts=21), "abandon_after_attempts"),
    (SettingsInput(interests=["基金", " "]), "interests"),
    (SettingsInput(interests=["基金", "保险", "基金"]), "interests"),
    (SettingsInput(interests=["ＥＴＦ", "etf"]), "interests"),  # the same interest, full-width and lower case
    (SettingsInput(interests=[]), "interests"),
    (SettingsInput(interests=["基" * 21]), "interests"),
    (SettingsInput(branch_name="  "), "branch_name"),
    (SettingsInput(branch_name="支行\x07"), "branch_name"),
], ids=lambda x: repr(x)[:40] if not isinstance(x, str) else x)
def test_a_bad_input_is_refused_beside_its_field_and_nothing_is_written(db, f, admin, data, field):
    before = _stored(db)
    view = settings.read(db, admin)
    with pytest.raises(ValidationError) as err:
        settings.update(db, admin, data, view.version)
    assert list(_fields(err)) == [field]
    assert _stored(db) == before


def test_every_problem_at_once(db, f, admin):
    with pytest.raises(ValidationError) as err:
        settings.update(db, admin, SettingsInput(branch_name="", idle_lock_minutes=0, abandon_after_attempts=99,
                                                 interests=["基金", "基金"]), 0)
    assert set(_fields(err)) == {"branch_name", "idle_lock_minutes", "abandon_after_attempts", "interests"}
    assert "1" in _fields(err)["idle_lock_minutes"] and "60" in _fields(err)["idle_lock_minutes"]
    assert "基金" in _fields(err)["interests"]


def test_a_save_changes_each_setting_and_audits_old_and_new(db, f, admin):
    view = settings.read(db, admin)
    saved = settings.update(db, admin, SettingsInput(
        branch_name="城东支行营业部", idle_lock_minutes=5, abandon_after_attempts=4,
        interests=["基金", "大额存单", "理财产品"]), view.version)
    assert (saved.idle_lock_minutes, saved.abandon_after_attempts) == (5, 4)
    assert saved.interests == ("基金", "大额存单", "理财产品")  # in the order given: reordering is saving
    assert saved.version == view.version + 1
    assert _stored(db) == (5, 4, ["基金", "大额存单", "理财产品"], "城东支行营业部")
    assert accounts.get_settings(db, admin.branch_id).idle_lock_minutes == 5
    with db.read() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.entity == "branch_settings")
                       .order_by(AuditEvent.id.desc())).first()
    assert ev is not None and ev.actor_staff_no == "A01" and ev.action == "update"
    assert ev.detail is not None
    assert f"idle_lock_minutes {view.idle_lock_minutes}→5" in ev.detail
    assert f"abandon_after_attempts {view.abandon_after_attempts}→4" in ev.detail
    assert "大额存单" in ev.detail and "branch_name changed" in ev.detail


def test_a_removed_or_renamed_interest_stays_on_old_referrals(db, f, admin):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    filed = f.referral(lobby, rm, interests=("贵金属",))
    view = settings.read(db, admin)
    settings.update(db, admin, SettingsInput(interests=["基金", "黄金"]), view.version)
    with db.read() as s:
        assert s.get(Referral, filed.id).interests == ["贵金属"]  # type: ignore[union-attr]


def test_a_stale_save_names_who_saved_and_keeps_nothing(db, f, admin, clock):
    other = f.actor(f.staff(Role.ADMIN, staff_no="A02", name="林管理"))
    seen = settings.read(db, admin).version
    clock.advance(hours=2)
    settings.update(db, other, SettingsInput(idle_lock_minutes=7), seen)
    with pytest.raises(Conflict) as err:
        settings.update(db, admin, SettingsInput(idle_lock_minutes=3), seen)
    assert err.value.by == "A02" and "林管理" in str(err.value) and "2026-11-20 12:00" in str(err.value)
    assert _stored(db)[0] == 7


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.LOBBY_MANAGER, Role.RM, Role.TELLER, Role.MARKETING])
def test_only_the_administrator_changes_the_branch_settings(db, f, role):
    actor = f.actor(f.staff(role))
    if role == Role.SUPERVISOR:
        assert settings.read(db, actor).idle_lock_minutes >= 1  # reads the page; its own sections are its own
    else:
        with pytest.raises(PermissionDenied):
            settings.read(db, actor)
    with pytest.raises(PermissionDenied):
        settings.update(db, actor, SettingsInput(idle_lock_minutes=5), 0)


def test_abandonment_n_moves_the_queues_proposal(db, f, admin):
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    filed = f.referral(lobby, rm, status="pending")
    assert filed.follow_up_id is not None
    settings.update(db, admin, SettingsInput(abandon_after_attempts=1), settings.read(db, admin).version)
    followups.record_contact(db, f.actor(rm), filed.follow_up_id, channel="phone", result="no_answer",
                             next_contact_date=db.today())
    rows = followups.queue(db, f.actor(rm))
    assert [r.propose_abandon for r in rows if r.id == filed.follow_up_id] == [True]


def test_two_administrators_racing_on_one_version_give_one_save_and_one_conflict(db, f, admin, monkeypatch):
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: both sessions can never hold the same version")
    other = f.actor(f.staff(Role.ADMIN, staff_no="A02"))
    real_flush = Session.flush
    racing = threading.local()
    barrier = threading.Barrier(2, timeout=10)

    def flush_at_the_barrier(self: Session, objects: Any = None) -> None:
        if getattr(racing, "on", False) and self.dirty:
            racing.on = False
            barrier.wait()
        real_flush(self, objects)

    monkeypatch.setattr(Session, "flush", flush_at_the_barrier)
    for minutes in (5, 6, 7, 8, 9):
        version = settings.read(db, admin).version
        outcomes: dict[str, BaseException | None] = {}

        def run(actor, version=version, outcomes=outcomes, minutes=minutes):  # type: ignore[no-untyped-def]
            racing.on = True
            try:
                settings.update(db, actor, SettingsInput(idle_lock_minutes=minutes), version)
                outcomes[actor.staff_no] = None
            except BaseException as failure:  # the test reports whatever escaped
                outcomes[actor.staff_no] = failure

        threads = [threading.Thread(target=run, args=(a,)) for a in (admin, other)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        barrier.reset()
        winners = [who for who, exc in outcomes.items() if exc is None]
        losers = [exc for exc in outcomes.values() if exc is not None]
        assert len(winners) == 1 and len(losers) == 1, outcomes
        assert isinstance(losers[0], Conflict) and losers[0].by == winners[0]
        assert settings.read(db, admin).version == version + 1
