"""Sign-in: argon2id, lockout after 5 failures for 15 minutes (injected clock), rehash, first-login change."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

import services.accounts as accounts
from models import AuditEvent, Role, Staff
from services.errors import AuthError, ValidationError
from services.i18n import msg
from tests.factories import PASSWORD


def test_sign_in_and_audit(db, f):
    st = f.staff(Role.TELLER)
    signed = accounts.authenticate(db, st.staff_no, PASSWORD)
    assert signed.actor.staff_id == st.id and signed.actor.role == "teller"
    with db.read() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.entity == "staff")).all()
    assert "login" in actions


def test_five_failures_lock_for_fifteen_minutes(db, f, clock):
    st = f.staff(Role.TELLER)
    for _ in range(5):
        with pytest.raises(AuthError) as err:
            accounts.authenticate(db, st.staff_no, "wrong-pass1")
        # A wrong password never reveals the lock (docs/product.md "Privacy and security").
        assert err.value.locked_until is None and str(err.value) == msg("login_failed")
    with db.read() as s:
        assert s.get(Staff, st.id).locked_until == clock.now + accounts.LOCKOUT
    # The right password is refused while locked, and only it is told so, in branch local time.
    with pytest.raises(AuthError) as err:
        accounts.authenticate(db, st.staff_no, PASSWORD)
    assert err.value.locked_until == clock.now + accounts.LOCKOUT
    assert "10:15" in str(err.value)
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(AuthError) as err:
        accounts.authenticate(db, st.staff_no, PASSWORD)
    assert err.value.locked_until is not None
    clock.advance(seconds=2)
    assert accounts.authenticate(db, st.staff_no, PASSWORD).actor.staff_id == st.id
    with db.read() as s:
        row = s.get(Staff, st.id)
        assert row.failed_logins == 0 and row.locked_until is None


def test_failures_after_a_lock_expires_count_afresh(db, f, clock):
    st = f.staff(Role.RM)
    for _ in range(5):
        with pytest.raises(AuthError):
            accounts.authenticate(db, st.staff_no, "nope12345")
    clock.advance(minutes=16)
    with pytest.raises(AuthError) as err:
        accounts.authenticate(db, st.staff_no, "nope12345")
    assert err.value.locked_until is None


def test_failed_logins_are_audited_without_the_password(db, f):
    st = f.staff(Role.TELLER)
    with pytest.raises(AuthError):
        accounts.authenticate(db, st.staff_no, "Secret-guess-1")
    with pytest.raises(AuthError):
        accounts.authenticate(db, "NOBODY", "Secret-guess-2")
    with db.read() as s:
        events = s.execute(select(AuditEvent.action, AuditEvent.detail)).all()
    failed = [e for e in events if e.action == "login_failed"]
    # Only the id that exists is recorded: what was typed as an unknown id may be a password.
    assert len(failed) == 1
    assert all("Secret" not in (e.detail or "") for e in events)
    with db.read() as s:
        staff_nos = set(s.scalars(select(AuditEvent.actor_staff_no)))
    assert "NOBODY" not in staff_nos


def test_stale_hash_is_upgraded_on_login(db, f):
    st = f.staff(Role.TELLER)
    weak = PasswordHasher(time_cost=1, memory_cost=512, parallelism=1)
    with db.write() as s:
        s.get(Staff, st.id).password_hash = weak.hash(PASSWORD)
    accounts.authenticate(db, st.staff_no, PASSWORD)
    with db.read() as s:
        new_hash = s.get(Staff, st.id).password_hash
    assert new_hash.startswith("$argon2id$")
    assert not accounts._hasher.check_needs_rehash(new_hash)


def test_first_login_must_change_password(db, f):
    st = f.staff(Role.TELLER, must_change=True)
    signed = accounts.authenticate(db, st.staff_no, PASSWORD)
    assert signed.must_change_password
    with pytest.raises(ValidationError) as err:
        accounts.change_password(db, signed.actor, None, "short", "short")
    assert "new_password" in err.value.fields
    with pytest.raises(ValidationError) as err:
        accounts.change_password(db, signed.actor, None, "Longer1234", "Longer12345")
    assert "confirm" in err.value.fields
    accounts.change_password(db, signed.actor, None, "NewPass2026", "NewPass2026")
    again = accounts.authenticate(db, st.staff_no, "NewPass2026")
    assert not again.must_change_password
    with pytest.raises(AuthError):
        accounts.authenticate(db, st.staff_no, PASSWORD)


def test_duplicate_staff_id_and_bad_fields_reported_together(db, f):
    st = f.staff(Role.TELLER)
    with pytest.raises(ValidationError) as err:
        accounts.add_staff(db, f.system, staff_no=st.staff_no, name="张3", role="boss")
    assert set(err.value.fields) == {"staff_id", "name", "role"}


def test_rm_combo_lists_active_rms_with_todays_open_follow_ups_own_rm_first(db, f):
    lobby = f.staff(Role.LOBBY_MANAGER)
    rm_a, rm_b = f.staff(Role.RM, staff_no="R001"), f.staff(Role.RM, staff_no="R002")
    filed = f.referral(lobby, rm_b, status="pending", contact_at=db.now())
    choices = accounts.active_rms(db, f.actor(lobby), client_id=filed.client_id)
    assert [c.staff_no for c in choices] == ["R002", "R001"]
    assert choices[0].open_due_today == 1 and choices[1].open_due_today == 0
    accounts.set_active(db, f.system, rm_a.id, False)
    assert [c.staff_no for c in accounts.active_rms(db, f.actor(lobby))] == ["R002"]


def test_admin_cannot_disable_own_account(db, f):
    from services.permissions import Actor

    admin = f.staff(Role.ADMIN)
    actor = Actor(admin.id, admin.staff_no, admin.name, "admin", admin.branch_id)
    with pytest.raises(ValidationError):
        accounts.set_active(db, actor, admin.id, False)
    teller = f.staff(Role.TELLER)
    accounts.set_active(db, actor, teller.id, False)
    with pytest.raises(AuthError):
        accounts.authenticate(db, teller.staff_no, PASSWORD)
