"""`staff add --role 分行管理` makes a head-office account of no branch, whatever branches exist."""

from __future__ import annotations

from sqlalchemy import select

from models import Branch, BranchSettings, Staff
from services import accounts
from tests.cli.test_cli import open_db, run

__all__ = ["open_db"]  # the fixture, shared with test_cli


def test_staff_add_makes_a_head_office_account_without_a_branch(db_url, open_db):
    assert run("--db", db_url, "init").returncode == 0
    with open_db.write() as s:
        b = Branch(code="0002", name="第二支行")
        s.add(b)
        s.flush()
        s.add(BranchSettings(branch_id=b.id, abandon_after_attempts=3, idle_lock_minutes=10,
                             score_weights={}, interests=[]))
    refused = run("--db", db_url, "staff", "add", "--id", "H02", "--name", "总行乙", "--role", "head_office",
                  "--branch", "0001", "--password-stdin", stdin="Secr3t-pass\n")
    assert refused.returncode != 0 and "网点" in refused.stderr + refused.stdout
    added = run("--db", db_url, "staff", "add", "--id", "H01", "--name", "总行甲", "--role", "分行管理",
                "--password-stdin", stdin="Secr3t-pass\n")
    assert added.returncode == 0, added.stderr
    assert "H01" in added.stdout and "head_office" in added.stdout
    with open_db.read() as s:
        rows = {no: bid for no, bid in s.execute(select(Staff.staff_no, Staff.branch_id))}
    assert rows == {"H01": None}
    signed = accounts.authenticate(open_db, "H01", "Secr3t-pass")
    assert signed.actor.role == "head_office" and signed.actor.branch_id is None and signed.must_change_password
