"""Sign-in against guessing and enumeration (docs/product.md "Privacy and security", docs/audit.md "Sign-in")."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, text

import services.accounts as accounts
from models import AuditEvent, Role, Staff
from services import audit
from services.db import Database
from services.errors import AuthError
from services.i18n import msg
from services.permissions import Actor
from tests.factories import PASSWORD


class CountingHasher(PasswordHasher):
    """The tests' cheap argon2, counting each verification and optionally looking around while it runs."""

    def __init__(self, during_verify: Callable[[], None] | None = None) -> None:
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.verified = 0
        self.against: Counter[str] = Counter()  # verifications per stored hash
        self._lock = threading.Lock()
        self.during_verify = during_verify

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        with self._lock:
            self.verified += 1
            self.against[str(hash)] += 1
        if self.during_verify is not None:
            self.during_verify()
        return super().verify(hash, password)


@pytest.fixture
def hasher(monkeypatch: pytest.MonkeyPatch) -> CountingHasher:
    h = CountingHasher()
    monkeypatch.setattr(accounts, "_hasher", h)
    return h


def _events(db: Database, staff_id: int | None = None) -> list[tuple[str, str | None, str | None]]:
    q = select(AuditEvent.action, AuditEvent.detail, AuditEvent.actor_staff_no).order_by(AuditEvent.id)
    q = q.where(AuditEvent.action.in_(["login", "login_failed", "login_locked"]))
    if staff_id is not None:
        q = q.where(AuditEvent.entity_id == staff_id)
    with db.read() as s:
        return [tuple(r) for r in s.execute(q)]  # type: ignore[misc]


def _refusal(db: Database, staff_no: str, password: str) -> AuthError:
    with pytest.raises(AuthError) as err:
        accounts.authenticate(db, staff_no, password)
    return err.value


def test_unknown_wrong_and_disabled_answer_alike_after_the_same_argon2_work(db, f, hasher):
    st = f.staff(Role.TELLER)
    disabled = f.staff(Role.RM)
    accounts.set_active(db, f.system, disabled.id, False)
    answers = []
    for staff_no, password in (("NOBODY", "Guess-1234"), (st.staff_no, "Guess-1234"),
                               (disabled.staff_no, "Guess-1234"), ("x" * 200, "Guess-1234")):
        before = hasher.verified
        err = _refusal(db, staff_no, password)
        answers.append((str(err), err.locked_until))
        assert hasher.verified - before == 1, staff_no  # one argon2 verification on every path
    assert answers == [(msg("login_failed"), None)] * 4
    # Only the right password learns that the account is disabled.
    assert str(_refusal(db, disabled.staff_no, PASSWORD)) == msg("login_inactive")


def test_a_locked_account_says_so_only_after_the_right_password(db, f, clock, hasher):
    st = f.staff(Role.TELLER)
    for _ in range(accounts.MAX_FAILED_LOGINS):
        _refusal(db, st.staff_no, "Guess-1234")
    wrong = _refusal(db, st.staff_no, "Guess-5678")
    assert str(wrong) == msg("login_failed") and wrong.locked_until is None
    right = _refusal(db, st.staff_no, PASSWORD)
    assert right.locked_until == clock.now + accounts.LOCKOUT and str(right) != msg("login_failed")


def test_checks_during_a_lock_are_capped_so_the_lock_message_is_no_oracle(db, f, hasher):
    """While locked, only 5 more passwords are checked; past that even the right one is not looked at."""
    st = f.staff(Role.TELLER)
    for _ in range(2 * accounts.MAX_FAILED_LOGINS):
        _refusal(db, st.staff_no, "Guess-1234")
    before = hasher.verified
    err = _refusal(db, st.staff_no, PASSWORD)
    assert str(err) == msg("login_failed") and err.locked_until is None
    assert hasher.verified - before == 1  # the dummy hash: the same work, nothing learnt


def test_action_names_and_what_they_hold(db, f, hasher):
    st = f.staff(Role.TELLER)
    accounts.authenticate(db, st.staff_no, PASSWORD)
    _refusal(db, "13812345678", "Guess-1234")  # an unknown id (here a mobile typed in the wrong box)
    for _ in range(accounts.MAX_FAILED_LOGINS):
        _refusal(db, st.staff_no, "Guess-1234")
    events = _events(db)
    assert [e[0] for e in events] == ["login"] + ["login_failed"] * 4 + ["login_locked", "login_failed"]
    assert all(e[2] == st.staff_no for e in events)
    with db.read() as s:
        everything = " ".join(str(v) for row in s.execute(select(AuditEvent)).scalars()
                              for v in (row.detail, row.actor_staff_no))
    assert "13812345678" not in everything and "Guess" not in everything


def test_sign_in_leaves_the_account_version_alone(db, f, hasher):
    """A sign-in is not an edit: an administrator's open form on the account stays current."""
    st = f.staff(Role.TELLER)
    with db.read() as s:
        version = s.get(Staff, st.id).version
    _refusal(db, st.staff_no, "Guess-1234")
    accounts.authenticate(db, st.staff_no, PASSWORD)
    with db.read() as s:
        row = s.get(Staff, st.id)
        assert row.version == version and row.failed_logins == 0


def _open_transactions(db: Database) -> Callable[[], None]:
    """Asserts, from outside, that the application holds no transaction while argon2 runs."""
    if db.dialect == "sqlite":
        import sqlite3

        path = db.engine.url.database

        def check() -> None:
            probe = sqlite3.connect(path, timeout=0, isolation_level=None)
            try:
                probe.execute("BEGIN IMMEDIATE")  # fails at once if anyone holds the write lock
                probe.execute("ROLLBACK")
            finally:
                probe.close()
        return check

    def check_pg() -> None:
        with db.engine.connect() as conn:
            busy = conn.scalar(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"))
        assert busy == 0
    return check_pg


def test_argon2_runs_outside_any_transaction(db, f, monkeypatch):
    st = f.staff(Role.TELLER)
    checked: list[bool] = []
    probe = _open_transactions(db)

    def look() -> None:
        probe()
        checked.append(True)

    monkeypatch.setattr(accounts, "_hasher", CountingHasher(look))
    accounts.authenticate(db, st.staff_no, PASSWORD)
    _refusal(db, st.staff_no, "Guess-1234")
    _refusal(db, "NOBODY", "Guess-1234")
    signed = accounts.authenticate(db, st.staff_no, PASSWORD)
    accounts.change_password(db, signed.actor, PASSWORD, "NewPass2026", "NewPass2026")
    assert len(checked) >= 6


def test_eight_parallel_guessers_get_five_checks_and_every_failure_is_audited(db, f, clock, hasher):
    st = f.staff(Role.TELLER)
    threads, guesses = 8, 10
    barrier = threading.Barrier(threads)

    def guesser(n: int) -> list[str]:
        barrier.wait()
        out = []
        for g in range(guesses):
            try:
                accounts.authenticate(db, st.staff_no, f"Guess-{n}-{g}")
                out.append("signed in")
            except AuthError as exc:
                out.append("locked" if exc.locked_until else "refused")
        return out

    with ThreadPoolExecutor(threads) as pool:
        answers = [a for result in pool.map(guesser, range(threads)) for a in result]  # re-raises any crash
    assert Counter(answers) == {"refused": threads * guesses}
    events = _events(db, st.id)
    failed = [e for e in events if e[0] == "login_failed"]
    assert len(failed) == threads * guesses  # every failure audited, none lost to a conflict
    attempts = [int((e[1] or "").split()[0].removeprefix("attempt=")) for e in failed]
    assert sorted(a for a in attempts if a <= accounts.MAX_FAILED_LOGINS) == [1, 2, 3, 4, 5]  # each number once
    assert [e[0] for e in events].count("login_locked") == 1
    # Attempts 1-5 could have let a guess in; 6-10 only tell the right password that it is locked;
    # the other 70 ran argon2 against the dummy hash (the same time, nothing learnt).
    with db.read() as s:
        stored = s.get(Staff, st.id).password_hash
    assert hasher.against[stored] == 2 * accounts.MAX_FAILED_LOGINS
    assert hasher.verified == threads * guesses
    with db.read() as s:
        assert s.get(Staff, st.id).locked_until == clock.now + accounts.LOCKOUT
    _refusal(db, st.staff_no, PASSWORD)  # the right password too, while locked
    assert audit.verify(db).ok  # 81 concurrent appends, one unbroken chain
    clock.advance(minutes=15, seconds=1)
    assert accounts.authenticate(db, st.staff_no, PASSWORD).actor.staff_id == st.id


def test_parallel_sign_ins_append_one_unforked_chain(db, f, hasher):
    people = [f.staff(Role.RM) for _ in range(8)]
    barrier = threading.Barrier(len(people))

    def sign_in_often(staff_no: str) -> int:
        barrier.wait()
        for _ in range(10):
            accounts.authenticate(db, staff_no, PASSWORD)
        return 10

    with ThreadPoolExecutor(len(people)) as pool:
        assert sum(pool.map(sign_in_often, [p.staff_no for p in people])) == 80
    check = audit.verify(db)
    assert check.ok and check.events == len(_events(db)) + 1 + len(people)  # + branch and staff creations


def test_work_beside_the_password_check_learns_the_account_only_and_never_fails_the_sign_in(db, f, hasher):
    st = f.staff(Role.RM)
    seen: list[Actor] = []
    signed = accounts.authenticate(db, st.staff_no, PASSWORD, meanwhile=seen.append)
    assert signed.actor.staff_id == st.id and seen == [signed.actor]
    # A wrong password runs it too (the same work as a right one); an unknown id does not reach it.
    with pytest.raises(AuthError):
        accounts.authenticate(db, st.staff_no, "Guess-1234", meanwhile=seen.append)
    with pytest.raises(AuthError):
        accounts.authenticate(db, "NOBODY", "Guess-1234", meanwhile=seen.append)
    assert seen == [signed.actor, signed.actor]
    # An account that must change its password first builds nothing early (its pages wait for the change).
    fresh = f.staff(Role.RM, must_change=True)
    assert accounts.authenticate(db, fresh.staff_no, PASSWORD, meanwhile=seen.append).must_change_password
    assert seen == [signed.actor, signed.actor]

    def broken(_actor: Actor) -> None:
        raise RuntimeError("a page module failed to import")

    assert accounts.authenticate(db, st.staff_no, PASSWORD, meanwhile=broken).actor.staff_id == st.id
