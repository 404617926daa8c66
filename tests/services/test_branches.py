"""services.branches on both engines: add and list branches, who may, and two people adding one code at once."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from models import AuditEvent, Branch, BranchSettings, Role
from services import audit, branches
from services.db import Database, make_engine
from services.errors import PermissionDenied, ValidationError
from services.permissions import Actor


def test_an_admin_adds_a_branch_with_its_settings_and_an_audited_event(db, f):
    admin = f.actor(f.staff(Role.ADMIN))
    row = branches.add_branch(db, admin, code=" B0002 ", name=" 城西支行 ")
    assert (row.code, row.name, row.staff) == ("B0002", "城西支行", 0)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(BranchSettings)
                        .where(BranchSettings.branch_id == row.id)) == 1
        ev = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
    assert (ev.action, ev.entity, ev.entity_id, ev.branch_id, ev.actor_staff_no) == (
        "create", "branch", row.id, row.id, admin.staff_no)
    assert audit.verify(db).ok
    listed = branches.list_branches(db, admin)
    assert [(b.code, b.staff) for b in listed] == [("0001", 1), ("B0002", 0)]


@pytest.mark.parametrize(("code", "name", "fields"), [
    ("", "城西", {"code"}), ("abc", "城西", {"code"}), ("123456789", "城西", {"code"}), ("网点0002", "城西", {"code"}),
    ("00-2", "城西", {"code"}), ("0001", "城西", {"code"}), ("0002", "", {"name"}), ("0002", "名" * 31, {"name"}),
    ("0002", "城西\x1b[31m", {"name"}), ("", "", {"code", "name"}),
])
def test_bad_input_names_the_field_and_writes_nothing(db, f, code, name, fields):
    with db.read() as s:
        before = (s.scalar(select(func.count()).select_from(Branch)),
                  s.scalar(select(func.count()).select_from(AuditEvent)))
    with pytest.raises(ValidationError) as err:
        branches.add_branch(db, f.system, code=code, name=name)
    assert set(err.value.fields) == fields
    with db.read() as s:
        assert (s.scalar(select(func.count()).select_from(Branch)),
                s.scalar(select(func.count()).select_from(AuditEvent))) == before


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.RM, Role.TELLER, Role.LOBBY_MANAGER, Role.MARKETING])
def test_only_the_admin_and_the_command_line_manage_branches(db, f, role):
    someone = f.actor(f.staff(role))
    with pytest.raises(PermissionDenied):
        branches.add_branch(db, someone, code="0002", name="城西")
    with pytest.raises(PermissionDenied):
        branches.list_branches(db, someone)


def test_role_has_branch_is_false_only_for_the_head_office():
    assert all(branches.role_has_branch(r) for r in Role if r != Role.HEAD_OFFICE)
    assert not branches.role_has_branch("head_office")


@pytest.mark.postgresql
def test_two_sessions_adding_one_code_make_one_branch(db, db_url, f):
    """A race on PostgreSQL: both look up the code before either inserts; one wins, the other is told."""
    if db.dialect != "postgresql":
        pytest.skip("the race needs two server sessions")
    other = Database(make_engine(db_url))
    barrier = threading.Barrier(2)
    real = branches.create_in_session

    def held(s, database, actor, code, name):  # type: ignore[no-untyped-def]
        s.scalar(select(Branch.id).where(Branch.code == code))
        barrier.wait(timeout=10)  # both have looked; now both insert
        return real(s, database, actor, code, name)

    outcomes: list[object] = []

    def add(database: Database) -> None:
        try:
            outcomes.append(branches.add_branch(database, Actor.system(0), code="0002", name="城西"))
        except ValidationError as exc:
            outcomes.append(exc)

    branches.create_in_session = held  # type: ignore[assignment]
    try:
        threads = [threading.Thread(target=add, args=(d,)) for d in (db, other)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
    finally:
        branches.create_in_session = real  # type: ignore[assignment]
        other.dispose()
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(outcomes) == 2 and len(refused) == 1
    assert "0002" in refused[0].fields["code"]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Branch).where(Branch.code == "0002")) == 1
    assert audit.verify(db).ok
