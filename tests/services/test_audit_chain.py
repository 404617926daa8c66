"""The audit log is append-only and hash-chained; ``verify`` finds an edit or a deletion (docs/audit.md)."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from models import AuditEvent, Role, Staff
from services import accounts, audit, dayclose, reasons, referrals
from services.db import Database, migrations_config
from tests.databases import fresh_engine
from tests.factories import PASSWORD


@contextlib.contextmanager
def behind_the_applications_back(db: Database) -> Iterator[None]:
    """What someone with direct database access can do: switch the append-only trigger off."""
    with db.engine.begin() as conn:
        if db.dialect == "sqlite":
            conn.execute(text("DROP TRIGGER audit_event_no_update"))
            conn.execute(text("DROP TRIGGER audit_event_no_delete"))
        else:
            conn.execute(text("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only"))
    try:
        yield
    finally:
        if db.dialect == "postgresql":  # the server's database outlives this test
            with db.engine.begin() as conn:
                conn.execute(text("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only"))


def _some_history(db: Database, f) -> list[int]:  # type: ignore[no-untyped-def]
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    accounts.authenticate(db, lobby.staff_no, PASSWORD)
    filed = f.referral(lobby, rm)
    referrals.void_referral(db, f.actor(lobby), filed.id, "重复录入")
    with db.read() as s:
        return list(s.scalars(select(AuditEvent.id).order_by(AuditEvent.id)))


def test_each_event_carries_the_previous_hash_and_its_own(db, f):
    ids = _some_history(db, f)
    with db.read() as s:
        rows = s.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [r.id for r in rows] == ids and len(ids) >= 6
    assert rows[0].prev_hash == audit.GENESIS
    for before, after in itertools.pairwise(rows):
        assert after.prev_hash == before.hash
    for r in rows:
        assert r.hash == audit.event_hash(r.prev_hash, r.at, r.branch_id, r.actor_id, r.actor_staff_no, r.action,
                                          r.entity, r.entity_id, r.detail, r.reason_id)
    assert audit.verify(db) == audit.ChainCheck(len(ids))


def test_the_application_cannot_update_or_delete_an_event(db, f):
    ids = _some_history(db, f)
    for statement in ("UPDATE audit_event SET detail = 'x' WHERE id = :id", "DELETE FROM audit_event WHERE id = :id"):
        with pytest.raises(DBAPIError), db.write() as s:
            s.execute(text(statement), {"id": ids[2]})
    assert audit.verify(db).ok


def test_a_rolled_back_unit_leaves_no_event_and_no_gap(db, f):
    ids = _some_history(db, f)
    with pytest.raises(RuntimeError), db.write() as s:
        audit.record(s, db, f.system, "update", "settings", 1)
        raise RuntimeError("the unit fails")
    accounts.update_settings(db, f.system, idle_lock_minutes=5)
    check = audit.verify(db)
    assert check.ok and check.events == len(ids) + 1


def test_verify_names_an_edited_event_without_relying_on_the_trigger(db, f):
    ids = _some_history(db, f)
    middle = ids[len(ids) // 2]
    with behind_the_applications_back(db), db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET actor_staff_no = 'X999' WHERE id = :id"), {"id": middle})
    assert audit.verify(db) == audit.ChainCheck(ids.index(middle) + 1, middle, "edited")


def test_verify_names_the_event_after_a_deleted_one(db, f):
    ids = _some_history(db, f)
    gone, after = ids[2], ids[3]
    with behind_the_applications_back(db), db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE id = :id"), {"id": gone})
    check = audit.verify(db)
    assert not check.ok and check.broken_id == after and check.problem == "missing_before"


def test_a_forged_event_with_a_recomputed_hash_breaks_the_next_link(db, f):
    ids = _some_history(db, f)
    target, after = ids[1], ids[2]
    with db.read() as s:
        e = s.get(AuditEvent, target)
        forged = audit.event_hash(e.prev_hash, e.at, e.branch_id, e.actor_id, "X999", e.action, e.entity,
                                  e.entity_id, e.detail, e.reason_id)
    with behind_the_applications_back(db), db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET actor_staff_no = 'X999', hash = :h WHERE id = :id"),
                     {"h": forged, "id": target})
    assert audit.verify(db).broken_id == after


def test_two_events_cannot_claim_the_same_predecessor(db, f):
    _some_history(db, f)
    with db.read() as s:
        newest = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
    with pytest.raises(DBAPIError), db.engine.begin() as conn:
        conn.execute(text("INSERT INTO audit_event (at, action, entity, prev_hash, hash) "
                          "VALUES (:at, 'login', 'staff', :prev, :h)"),
                     {"at": dt.datetime(2026, 11, 20, 2, 0), "prev": newest.prev_hash, "h": "f" * 64})


# --- the migration chains the events written before it ---------------------------------------

@pytest.mark.parametrize("engine_name", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_the_migration_moves_reasons_out_drops_typed_ids_and_chains_old_events(engine_name, tmp_path):
    from alembic import command

    with fresh_engine(engine_name, tmp_path) as engine:
        command.upgrade(migrations_config(engine), "0002")
        at = dt.datetime(2026, 11, 19, 2, 0)
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO branch (id, code, name) VALUES (1, '0001', '本网点')"))
            conn.execute(text(
                "INSERT INTO staff (id, branch_id, staff_no, name, role, active, failed_logins, "
                "must_change_password, created_at, version) VALUES (1, 1, 'S01', '钱主管', 'supervisor', "
                ":t, 0, :f, :at, 1)"), {"at": at, "t": True, "f": False})
            conn.execute(text(
                "INSERT INTO day_close (id, branch_id, business_date, closed, closed_by_id, closed_at, close_reason, "
                "version) VALUES (1, 1, :d, :t, 1, :at, '13812345678 外出', 1)"),
                {"d": dt.date(2026, 11, 19), "at": at, "t": True})
            events = [
                ("login", "staff", 1, None, "S01"),
                ("login_failed", "staff", None, "unknown id", "MyPassw0rd"),
                ("close", "day_close", 1, "date=2026-11-19 missing=1 forced reason=13812345678 外出", "S01"),
                ("reopen", "day_close", 1, "date=2026-11-19 reason=补录 340104199001011234", "S01"),
            ]
            for action, entity, entity_id, detail, staff_no in events:
                conn.execute(text(
                    "INSERT INTO audit_event (at, branch_id, actor_id, actor_staff_no, action, entity, entity_id, "
                    "detail) VALUES (:at, 1, NULL, :sn, :a, :e, :eid, :d)"),
                    {"at": at, "sn": staff_no, "a": action, "e": entity, "eid": entity_id, "d": detail})
        command.upgrade(migrations_config(engine), "head")
        db = Database(engine)
        assert audit.verify(db) == audit.ChainCheck(3)
        with db.read() as s:
            rows = s.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
            assert [r.action for r in rows] == ["login", "close", "reopen"]
            assert [r.detail for r in rows] == [None, "date=2026-11-19 missing=1 forced", "date=2026-11-19"]
            assert all(r.actor_staff_no == "S01" for r in rows)
            sup = accounts.actor_of(s.get(Staff, 1))
        assert reasons.read(db, sup, rows[1].reason_id or 0) == "13812345678 外出"
        assert reasons.read(db, sup, rows[2].reason_id or 0) == "补录 340104199001011234"
        assert dayclose.day_state(db, sup, dt.date(2026, 11, 19)).close_reason == "13812345678 外出"
        with db.write() as s:  # new events join the migrated chain
            audit.record(s, db, sup, "update", "settings", 1)
        assert audit.verify(db).ok and audit.verify(db).events == 4
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(AuditEvent)) == 4
