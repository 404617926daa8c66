"""The signed-in person's branch is bound to the database for every unit of work (docs/row-level-security.md)."""

from __future__ import annotations

from models import Role
from services.db import Scope
from services.permissions import Actor
from services.scope import bind_actor
from tests.gui.window_support import wait_idle


def test_signing_in_binds_the_persons_branch_and_signing_out_unbinds_it(qtbot, f, launch_window) -> None:
    rm = f.staff(Role.RM)
    window = launch_window(rm.staff_no)
    assert window.db.scope == Scope(rm.branch_id)
    wait_idle(qtbot, window)
    window.sign_out()
    assert window.db.scope is None


def test_a_head_office_person_reads_across_branches_for_no_branch(db) -> None:
    bind_actor(db, Actor(7, "H001", "总行", "head_office", 1))
    assert db.scope == Scope(None, head_office=True)
    bind_actor(db, Actor(8, "R001", "客户经理", "rm", 3))
    assert db.scope == Scope(3)
