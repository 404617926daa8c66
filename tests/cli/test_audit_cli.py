"""`audit list` and `audit verify` as docs/product.md "Command line" promises them, run as real processes."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select, text

from models import AuditEvent, Role
from services import accounts, referrals
from services.errors import AuthError
from tests.cli.test_cli import run
from tests.factories import PASSWORD
from tests.services.test_audit_chain import behind_the_applications_back

TYPED = "客户手机13812345678，重复录入"


def _history(db, f, clock) -> list[int]:  # type: ignore[no-untyped-def]
    lobby, rm = f.staff(Role.LOBBY_MANAGER, staff_no="L01"), f.staff(Role.RM, staff_no="R01")
    clock.advance(days=1)
    accounts.authenticate(db, lobby.staff_no, PASSWORD)
    filed = f.referral(lobby, rm, mobile="13812345678")
    referrals.void_referral(db, f.actor(lobby), filed.id, TYPED)
    with pytest.raises(AuthError):
        accounts.authenticate(db, "13912345678", "MyPassw0rd!")  # an id that does not exist
    with db.read() as s:
        return list(s.scalars(select(AuditEvent.id).order_by(AuditEvent.id)))


def test_verify_says_ok_with_the_count(db_url, db, f, clock):
    ids = _history(db, f, clock)
    done = run("--db", db_url, "audit", "verify")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"ok {len(ids)} events"


def test_list_one_event_a_line_without_personal_data(db_url, db, f, clock):
    ids = _history(db, f, clock)
    everything = run("--db", db_url, "audit", "list")
    assert everything.returncode == 0, everything.stderr
    lines = everything.stdout.splitlines()
    assert [int(re.match(r"#(\d+)\t", ln)[1]) for ln in lines] == ids  # type: ignore[index]
    assert any("\tvoid\treferral#" in ln and "reason#" in ln for ln in lines)
    for secret in ("13812345678", "13912345678", "MyPassw0rd", "重复录入", "王小明"):
        assert secret not in everything.stdout
    mine = run("--db", db_url, "audit", "list", "--actor", "L01", "--since", "2026-11-21")
    assert mine.returncode == 0, mine.stderr
    actions = [ln.split("\t")[3] for ln in mine.stdout.splitlines()]
    assert actions and "login" in actions and "void" in actions
    assert all(ln.split("\t")[2] == "L01" for ln in mine.stdout.splitlines())
    later = run("--db", db_url, "audit", "list", "--since", "2026-11-22")
    assert later.returncode == 0 and later.stdout == ""
    bad = run("--db", db_url, "audit", "list", "--since", "2026-02-30")
    assert bad.returncode == 2 and "--since" in bad.stderr


def test_verify_names_an_event_edited_behind_the_applications_back(db_url, db, f, clock):
    ids = _history(db, f, clock)
    target = ids[3]
    with behind_the_applications_back(db), db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET entity_id = 999 WHERE id = :id"), {"id": target})
    done = run("--db", db_url, "audit", "verify")
    assert done.returncode == 1
    assert re.search(rf"\bevent {target}\b", done.stdout + done.stderr)


def test_verify_names_the_event_after_a_deleted_middle_one(db_url, db, f, clock):
    ids = _history(db, f, clock)
    gone, after = ids[2], ids[3]
    with behind_the_applications_back(db), db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE id = :id"), {"id": gone})
    done = run("--db", db_url, "audit", "verify")
    assert done.returncode == 1
    assert re.search(rf"\bevent {after}\b", done.stdout + done.stderr)


def test_list_refuses_an_unknown_actor_with_exit_2(db_url, db, f, clock):
    _history(db, f, clock)
    done = run("--db", db_url, "audit", "list", "--actor", "Z99")
    assert done.returncode == 2 and done.stdout == ""
    assert "--actor" in done.stderr and "Z99" in done.stderr
    known = run("--db", db_url, "audit", "list", "--actor", "R01")  # an account with no events yet: no lines
    assert known.returncode == 0 and known.stdout == ""
