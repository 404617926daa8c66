"""Branches and staff accounts: set-up, sign-in with lockout, password changes."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import secrets
import string
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import and_, case, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import DEFAULT_INTERESTS, Branch, BranchSettings, FollowUp, FollowUpState, Role, Staff
from services import audit
from services.db import BRANCH_TZ, Database
from services.errors import AuthError, Conflict, FieldProblem, NotFound, ValidationError
from services.i18n import msg
from services.permissions import Action, Actor, require
from services.validation import Problems, branch_name, fail, person_name

log = logging.getLogger("lobbydesk.accounts")

MAX_FAILED_LOGINS = 5
LOCKOUT = dt.timedelta(minutes=15)
STAFF_NO_RE = re.compile(r"[A-Za-z0-9_-]{1,32}")
_hasher = PasswordHasher()  # argon2id with the library's current defaults
# argon2 work runs this much nicer than the rest of the program (docs/saving.md "Sign-in and saves").
HASH_NICENESS = 19
T = TypeVar("T")

ROLE_ALIASES: dict[str, Role] = {
    "柜员": Role.TELLER, "现金柜员": Role.TELLER, "非现金柜员": Role.TELLER,
    "大堂经理": Role.LOBBY_MANAGER, "理财经理": Role.RM, "客户经理": Role.RM,
    "营销经理": Role.MARKETING, "主管": Role.SUPERVISOR, "理财中心负责人": Role.SUPERVISOR,
    "客户经理主管": Role.SUPERVISOR, "管理员": Role.ADMIN, "系统管理员": Role.ADMIN,
    "分行管理": Role.HEAD_OFFICE,
}


@dataclass(frozen=True)
class BranchInfo:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class StaffInfo:
    id: int
    staff_no: str
    name: str
    role: Role
    active: bool
    branch_id: int | None


@dataclass(frozen=True)
class SignIn:
    actor: Actor
    must_change_password: bool


@dataclass(frozen=True)
class RmChoice:
    """An RM for the referral form's combo: with today's open follow-ups."""

    id: int
    staff_no: str
    name: str
    open_due_today: int


def _yielding(fn: Callable[[], T], meanwhile: Callable[[], None] | None = None) -> T:
    """Run argon2 work on a thread of its own at a lower CPU priority (Linux), and wait for it.

    argon2id at production cost keeps every core busy for a few hundred ms (four
    threads per hash); sixteen people signing in at once left the workstations'
    saves runnable but not running, holding or waiting for the write lock until
    their retry budget ran out. On Linux the nice value is per thread and the
    hash's own threads inherit it, so the hashing yields the CPU to everything
    else the machine runs and only the sign-in itself waits longer
    (docs/saving.md "Sign-in and saves"). Elsewhere it runs as it is.

    ``meanwhile`` runs on the caller's thread while the hash is computed (argon2 releases
    the GIL, so on a second core both proceed): the window imports the signed-in role's
    pages there (docs/architecture.md "Start-up"). Its failure never fails the sign-in.
    """
    if sys.platform != "linux":
        _meanwhile(meanwhile)
        return fn()
    out: list[T] = []
    failure: list[BaseException] = []

    def work() -> None:
        try:
            tid = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + HASH_NICENESS))
        except OSError:
            pass  # not allowed to change it: hash at the normal priority
        try:
            out.append(fn())
        except BaseException as exc:  # handed to the caller's thread
            failure.append(exc)

    worker = threading.Thread(target=work, name="lobbydesk-argon2", daemon=True)
    worker.start()
    _meanwhile(meanwhile)
    worker.join()
    if failure:
        raise failure[0]
    return out[0]


def hash_password(password: str) -> str:
    return _yielding(lambda: _hasher.hash(password))


def hash_passwords(passwords: Sequence[str]) -> list[str]:
    """argon2id hashes, several at once: each takes a few hundred ms and releases the GIL."""
    if len(passwords) < 2:
        return [hash_password(pw) for pw in passwords]
    with ThreadPoolExecutor(max_workers=min(4, len(passwords))) as pool:
        return list(pool.map(hash_password, passwords))


def check_password_rules(field: str, password: str, confirm: str | None = None) -> None:
    problems = Problems()
    if len(password) < 8 or not re.search(r"[A-Za-z]", password) or not re.search(r"\d", password):
        problems.add(field, "password_short")
    if confirm is not None and confirm != password:
        problems.add("confirm", "password_mismatch")
    problems.raise_if_any()


def generate_password() -> str:
    """A one-time password: easy to read aloud, letters and digits."""
    alphabet = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")
    while True:
        pw = "".join(secrets.choice(alphabet) for _ in range(10))
        if re.search(r"[A-Za-z]", pw) and re.search(r"\d", pw):
            return pw


# --- branches -------------------------------------------------------------------

def _branch_info(b: Branch) -> BranchInfo:
    return BranchInfo(b.id, b.code, b.name)


def list_branches(db: Database) -> list[BranchInfo]:
    with db.read() as s:
        return [_branch_info(b) for b in s.scalars(select(Branch).order_by(Branch.code))]


def _check_branch(problems: Problems, code: str, name: str) -> None:
    if not re.fullmatch(r"[A-Za-z0-9]{1,32}", code):
        problems.add("branch_code", "branch_code_format")
    problems.run(lambda: branch_name("branch_name", name))


def ensure_branch(db: Database, code: str = "0001", name: str = "本网点") -> tuple[BranchInfo, bool]:
    """The branch with ``code``, created when the database has none; (info, created)."""
    code, name = (code or "").strip(), (name or "").strip()
    with db.write() as s:
        existing = s.scalars(select(Branch).order_by(Branch.id)).all()
        for b in existing:
            if b.code == code:
                return _branch_info(b), False
        if existing:
            return _branch_info(existing[0]), False
        problems = Problems()
        _check_branch(problems, code, name)
        problems.raise_if_any()
        b = Branch(code=code, name=name)
        s.add(b)
        s.flush()
        db.act_for(s, b.id)  # its settings and audit event are the new branch's rows (row-level security)
        s.add(BranchSettings(branch_id=b.id, abandon_after_attempts=3, idle_lock_minutes=10,
                             score_weights={}, interests=list(DEFAULT_INTERESTS)))
        audit.record(s, db, None, "create", "branch", b.id, f"code={code}", branch_id=b.id, staff_no="system")
        return _branch_info(b), True


def only_branch(session: Session) -> Branch:
    branches = session.scalars(select(Branch).order_by(Branch.id).limit(2)).all()
    if not branches:
        raise ValidationError([FieldProblem("branch", msg("no_branch"))])
    if len(branches) > 1:
        raise ValidationError([FieldProblem("branch", msg("branch_ambiguous"))])
    return branches[0]


def branch_by_code(session: Session, code: str) -> Branch | None:
    return session.scalars(select(Branch).where(Branch.code == code)).first()


def is_empty(db: Database) -> bool:
    """True when no staff account exists yet: the first-run dialog shows."""
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Staff)) == 0


# --- staff ----------------------------------------------------------------------

def parse_role(field: str, value: object) -> Role:
    text = str(value or "").strip()
    if not text:
        raise fail(field, "required")
    if text in ROLE_ALIASES:
        return ROLE_ALIASES[text]
    try:
        return Role(text.lower())
    except ValueError:
        raise fail(field, "not_in_list", value=text[:40]) from None


def validate_staff_no(field: str, value: object) -> str:
    text = str(value or "").strip()
    if not text:
        raise fail(field, "required")
    if not STAFF_NO_RE.fullmatch(text):
        raise fail(field, "staff_id_format")
    return text


def _new_staff(s: Session, db: Database, branch_id: int | None, staff_no: str, name: str, role: Role,
               password_hash: str, must_change: bool) -> Staff:
    staff = Staff(
        branch_id=branch_id, staff_no=staff_no, name=name, role=role, active=True,
        password_hash=password_hash, failed_logins=0, must_change_password=must_change,
        created_at=db.now(),
    )
    s.add(staff)
    try:
        s.flush()
    except IntegrityError as exc:
        # A staff id is unique across the installation, but under a branch's scope another
        # branch's accounts are out of sight (row-level security), and a second administrator
        # may have saved the same id meanwhile: the unique index is the check that sees all.
        if "staff_no" in str(exc.orig):
            raise fail("staff_id", "staff_id_taken", value=staff_no) from None
        raise
    return staff


def add_staff(db: Database, actor: Actor, *, staff_no: str, name: str, role: str | Role,
              password: str | None = None, must_change_password: bool = True,
              branch_code: str | None = None) -> tuple[StaffInfo, str]:
    """Add one account; returns it and the password to hand over (generated if not given)."""
    require(actor, Action.STAFF_MANAGE)
    problems = Problems()
    sno = problems.run(lambda: validate_staff_no("staff_id", staff_no))
    clean_name = problems.run(lambda: person_name("name", name))
    clean_role = problems.run(lambda: parse_role("role", role))
    if password is not None:
        problems.run(lambda: check_password_rules("password", password))
    pw = password or generate_password()
    pw_hash = hash_password(pw)  # before the transaction: argon2 never holds the write lock
    with db.write() as s:
        if sno and s.scalar(select(Staff.id).where(Staff.staff_no == sno)):
            problems.add("staff_id", "staff_id_taken", value=sno)
        branch_id = actor.branch_id
        if branch_code:
            b = branch_by_code(s, branch_code)
            if b is None:
                problems.add("branch", "branch_unknown", value=branch_code)
            else:
                branch_id = b.id
        if clean_role is Role.HEAD_OFFICE:
            # The head office belongs to no branch (docs/head-office.md "The account").
            if branch_code:
                problems.add("branch", "head_office_no_branch")
            branch_id = None
        elif branch_id is None:
            problems.add("branch", "required")
        problems.raise_if_any()
        assert sno and clean_name and clean_role
        staff = _new_staff(s, db, branch_id, sno, clean_name, clean_role, pw_hash, must_change_password)
        audit.record(s, db, actor, "create", "staff", staff.id, f"role={clean_role.value}")
        return _staff_info(staff), pw


def _staff_info(st: Staff) -> StaffInfo:
    return StaffInfo(st.id, st.staff_no, st.name, st.role, st.active, st.branch_id)


def list_staff(db: Database, actor: Actor, *, branch_id: int | None = None) -> list[StaffInfo]:
    with db.read() as s:
        q = select(Staff).order_by(Staff.staff_no)
        if branch_id is not None:
            q = q.where(Staff.branch_id == branch_id)
        return [_staff_info(st) for st in s.scalars(q)]


def set_active(db: Database, actor: Actor, staff_id: int, active: bool) -> None:
    require(actor, Action.STAFF_MANAGE)
    with db.write() as s:
        st = s.get(Staff, staff_id)
        if st is None:
            raise NotFound("staff", staff_id)
        if not active and st.id == actor.staff_id:
            # An administrator who disables themselves may leave the branch with nobody to manage accounts.
            raise ValidationError([FieldProblem("active", msg("cannot_disable_self"))])
        st.active = active
        audit.record(s, db, actor, "update", "staff", st.id, f"active={active}")


def reset_password(db: Database, actor: Actor, staff_id: int) -> str:
    """Admin's reset: a new one-time password, unlocked, to be changed at first sign-in."""
    require(actor, Action.STAFF_MANAGE)
    pw = generate_password()
    new_hash = hash_password(pw)  # outside the transaction: argon2 takes a few hundred ms
    with db.write() as s:
        st = s.get(Staff, staff_id)
        if st is None:
            raise NotFound("staff", staff_id)
        st.password_hash = new_hash
        st.must_change_password = True
        st.failed_logins = 0
        st.locked_until = None
        audit.record(s, db, actor, "reset_password", "staff", st.id)
    return pw


def actor_of(st: Staff) -> Actor:
    return Actor(st.id, st.staff_no, st.name, st.role.value, st.branch_id)


def _locked(until: dt.datetime) -> AuthError:
    """The refusal that tells a locked-out person when, in branch time, they may try again."""
    return AuthError(msg("login_locked", until=until.astimezone(BRANCH_TZ).strftime("%H:%M")), locked_until=until)


# A hash of nothing anyone knows, made by the hasher in use: an unknown staff id costs the same argon2 work.
_dummy: tuple[PasswordHasher, str] | None = None


def _meanwhile(job: Callable[[], None] | None) -> None:
    if job is None:
        return
    try:
        job()
    except Exception:  # a convenience only: the sign-in goes on without it
        log.exception("work beside the password check failed")


def _dummy_hash() -> str:
    global _dummy
    if _dummy is None or _dummy[0] is not _hasher:
        _dummy = (_hasher, hash_password(secrets.token_urlsafe(16)))
    return _dummy[1]


def _password_matches(stored: str | None, password: str, meanwhile: Callable[[], None] | None = None) -> bool:
    target = stored or _dummy_hash()
    try:
        return _yielding(lambda: _hasher.verify(target, password), meanwhile) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class _Attempt:
    """One sign-in attempt counted before its password is checked (docs/audit.md "Sign-in")."""

    number: int  # failures (and attempts in flight) since the last success or the end of the last lock
    locked_until: dt.datetime | None


def _count_attempt(db: Database, staff_id: int, now: dt.datetime) -> _Attempt:
    """One atomic UPDATE … RETURNING: parallel guessers each get their own number, nobody reads-then-writes.

    An expired lock starts the count afresh. The version column is left alone: a
    sign-in is not an edit of the account, so it never turns an administrator's
    save into a conflict.
    """
    expired = and_(Staff.locked_until.is_not(None), Staff.locked_until <= now)
    stmt = (
        update(Staff).where(Staff.id == staff_id)
        .values(failed_logins=case((expired, 1), else_=Staff.failed_logins + 1),
                locked_until=case((expired, None), else_=Staff.locked_until))
        .returning(Staff.failed_logins, Staff.locked_until)
        .execution_options(synchronize_session=False)
    )
    with db.write() as s:
        number, locked_until = s.execute(stmt).one()
    return _Attempt(int(number), locked_until)


def authenticate(db: Database, staff_no: str, password: str, *,
                 meanwhile: Callable[[Actor], None] | None = None) -> SignIn:
    """Sign in (docs/product.md "Privacy and security"; the design: docs/audit.md "Sign-in").

    - An unknown id, a wrong password and a disabled account get the same answer
      after the same argon2 work; a locked or disabled account says so only after
      the right password.
    - Each attempt is counted atomically *before* its password is checked, so
      parallel guessers share the budget of 5 checks; the 5th failure locks the
      account for 15 minutes. While locked, a few more checks (up to 5) answer
      "locked" to the right password; past that only a dummy hash is checked.
    - argon2 runs between transactions: read the hash, verify, then a short write.

    ``meanwhile(actor)`` runs while the password of an existing, active account that need not
    change its password is checked (see ``_yielding``): the window builds that account's pages
    there, loading nothing (docs/architecture.md "Start-up"). It learns who the account is,
    never whether the password is right.
    """
    now = db.now()
    typed = (staff_no or "").strip()
    with db.read() as s:
        st = s.scalars(select(Staff).where(Staff.staff_no == typed)).first() if STAFF_NO_RE.fullmatch(typed) else None
    if st is None:
        _password_matches(None, password)  # the same work as for a real account; nothing is recorded
        raise AuthError(msg("login_failed"))

    # From here on the units act for the account's branch (docs/row-level-security.md "Sign-in").
    with db.scoped(st.branch_id):
        return _check_sign_in(db, st, password, now, meanwhile)


def _check_sign_in(db: Database, st: Staff, password: str, now: dt.datetime,
                   meanwhile: Callable[[Actor], None] | None) -> SignIn:
    attempt = _count_attempt(db, st.id, now)
    locked = attempt.locked_until is not None and attempt.locked_until > now
    over_budget = locked or attempt.number > MAX_FAILED_LOGINS
    checks = attempt.number <= 2 * MAX_FAILED_LOGINS
    beside: Callable[[], None] | None = None
    if meanwhile is not None and st.active and not st.must_change_password:
        candidate = actor_of(st)
        beside = lambda: meanwhile(candidate)  # noqa: E731
    ok = _password_matches(st.password_hash if checks else None, password, beside)
    new_hash = hash_password(password) if ok and not over_budget and _hasher.check_needs_rehash(
        st.password_hash or "") else None

    with db.write() as s:
        if ok and st.active and not over_budget:
            values: dict[str, object] = {"failed_logins": 0, "locked_until": None}
            if new_hash:
                values["password_hash"] = new_hash
            s.execute(update(Staff).where(Staff.id == st.id).values(**values)
                      .execution_options(synchronize_session=False))
            actor = actor_of(st)
            audit.record(s, db, actor, "login", "staff", st.id)
            return SignIn(actor, st.must_change_password)
        until = attempt.locked_until if locked else None
        if until is None and (attempt.number >= MAX_FAILED_LOGINS or over_budget):
            # The 5th failure (or an attempt beyond the budget while others are in flight) locks now.
            until = s.scalar(
                update(Staff).where(Staff.id == st.id, or_(Staff.locked_until.is_(None), Staff.locked_until <= now))
                .values(locked_until=now + LOCKOUT).returning(Staff.locked_until)
                .execution_options(synchronize_session=False))
            if until is not None:
                audit.record(s, db, None, "login_locked", "staff", st.id, f"attempt={attempt.number}",
                             branch_id=st.branch_id, staff_no=st.staff_no)
            else:  # a parallel attempt locked it first
                until = s.scalar(select(Staff.locked_until).where(Staff.id == st.id))
        why = "locked" if locked else ("inactive" if not st.active else "password")
        audit.record(s, db, None, "login_failed", "staff", st.id, f"attempt={attempt.number} {why}",
                     branch_id=st.branch_id, staff_no=st.staff_no)
    if ok and until is not None and until > now:
        raise _locked(until)
    if ok and not st.active:
        raise AuthError(msg("login_inactive"))
    raise AuthError(msg("login_failed"))


def verify_password(db: Database, actor: Actor, password: str) -> bool:
    """Re-check the signed-in person's password (the idle lock); failures count too."""
    try:
        authenticate(db, actor.staff_no, password)
    except AuthError:
        return False
    return True


def change_password(db: Database, actor: Actor, old_password: str | None, new_password: str,
                    confirm: str) -> None:
    """The person's own change; ``old_password`` None right after a forced first sign-in.

    argon2 runs between the read and the short write, never inside a transaction.
    """
    check_password_rules("new_password", new_password, confirm)
    with db.read() as s:
        stored = s.scalar(select(Staff.password_hash).where(Staff.id == actor.staff_id))
        if stored is None and s.get(Staff, actor.staff_id) is None:
            raise NotFound("staff", actor.staff_id)
    if old_password is not None and not _password_matches(stored, old_password):
        raise ValidationError([FieldProblem("old_password", msg("login_failed"))])
    if stored and _password_matches(stored, new_password):
        raise ValidationError([FieldProblem("new_password", msg("password_same"))])
    new_hash = hash_password(new_password)
    with db.write() as s:
        st = s.get(Staff, actor.staff_id)
        if st is None:
            raise NotFound("staff", actor.staff_id)
        st.password_hash = new_hash
        st.must_change_password = False
        audit.record(s, db, actor, "change_password", "staff", st.id)


def active_rms(db: Database, actor: Actor, *, client_id: int | None = None) -> list[RmChoice]:
    """Active RMs of the branch with their open follow-ups due today; the client's own RM first."""
    require(actor, Action.REFERRAL_FILE)
    today = db.today()
    with db.read() as s:
        due = (
            select(FollowUp.rm_id, func.count().label("n"))
            .where(FollowUp.state.in_([FollowUpState.OPEN, FollowUpState.APPOINTED]),
                   FollowUp.next_contact_date <= today)
            .group_by(FollowUp.rm_id)
            .subquery()
        )
        rows = s.execute(
            select(Staff.id, Staff.staff_no, Staff.name, func.coalesce(due.c.n, 0))
            .outerjoin(due, due.c.rm_id == Staff.id)
            .where(Staff.branch_id == actor.branch_id, Staff.role == Role.RM, Staff.active.is_(True))
            .order_by(Staff.staff_no)
        ).all()
        own_rm: int | None = None
        if client_id is not None:
            from models import Client

            own_rm = s.scalar(select(Client.rm_id).where(Client.id == client_id))
    choices = [RmChoice(r[0], r[1], r[2], int(r[3])) for r in rows]
    if own_rm is not None:
        choices.sort(key=lambda c: c.id != own_rm)
    return choices


@dataclass(frozen=True)
class Settings:
    abandon_after_attempts: int = 3
    idle_lock_minutes: int = 10
    interests: tuple[str, ...] = DEFAULT_INTERESTS


def get_settings(db: Database, branch_id: int) -> Settings:
    with db.read() as s:
        st = s.scalars(select(BranchSettings).where(BranchSettings.branch_id == branch_id)).first()
        if st is None:
            return Settings()
        return Settings(st.abandon_after_attempts, st.idle_lock_minutes,
                        tuple(st.interests or DEFAULT_INTERESTS))


def branch_of(db: Database, branch_id: int) -> BranchInfo:
    with db.read() as s:
        b = s.get(Branch, branch_id)
        if b is None:
            raise NotFound("branch", branch_id)
        return _branch_info(b)


def update_settings(db: Database, actor: Actor, *, abandon_after_attempts: int | None = None,
                    idle_lock_minutes: int | None = None) -> Settings:
    """The branch's settings (administrator, command line): ``services.settings.update`` over its current version."""
    from services import settings

    require(actor, Action.SETTINGS_MANAGE)
    saved = settings.update(db, actor, settings.SettingsInput(
        idle_lock_minutes=idle_lock_minutes, abandon_after_attempts=abandon_after_attempts),
        _settings_version(db, actor.home_branch))
    return Settings(saved.abandon_after_attempts, saved.idle_lock_minutes, saved.interests)


def _settings_version(db: Database, branch_id: int) -> int:
    with db.read() as s:
        return int(s.scalar(select(BranchSettings.version).where(BranchSettings.branch_id == branch_id)) or 0)


# --- the first run and the administrator's page -----------------------------------

def staff_accounts(db: Database, actor: Actor) -> list[StaffInfo]:
    """The actor's branch's accounts, for the administrator's page (permission-checked)."""
    require(actor, Action.STAFF_MANAGE)
    return list_staff(db, actor, branch_id=actor.branch_id)


def set_up_branch(db: Database, *, branch_code: str, branch_name: str, staff_no: str, name: str,
                  password: str, confirm: str) -> tuple[BranchInfo, StaffInfo]:
    """First run on an empty database: the branch and its first administrator.

    Every field is checked before anything is written. A branch made earlier by
    ``init`` is kept as it is. The administrator chose the password, so no change
    is forced at the first sign-in.
    """
    problems = Problems()
    code, bname = (branch_code or "").strip(), (branch_name or "").strip()
    _check_branch(problems, code, bname)
    problems.run(lambda: validate_staff_no("staff_id", staff_no))
    problems.run(lambda: person_name("name", name))
    problems.run(lambda: check_password_rules("password", password, confirm))
    problems.raise_if_any()
    if not is_empty(db):
        raise Conflict(msg("setup_done"))
    branch, _ = ensure_branch(db, code, bname)
    info, _ = add_staff(db, Actor.system(branch.id), staff_no=staff_no, name=name, role=Role.ADMIN,
                        password=password, must_change_password=False)
    return branch, info
