"""Bringing in the branch's old staff lists and referral spreadsheets (.csv / .xlsx), all or nothing.

Reading the file is ``services.importfiles``; this module decides what the rows
mean and writes them. How a large referral import stays all or nothing without
holding the write lock for long is in docs/imports.md.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, cast

from sqlalchemy import Column as SqlColumn
from sqlalchemy import Connection, Integer, MetaData, bindparam, insert, select, text
from sqlalchemy import Table as SqlTable
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from models import (
    Branch,
    Channel,
    Client,
    ClientType,
    DayClose,
    FollowUp,
    FollowUpOrigin,
    FollowUpState,
    ImportBatch,
    Referral,
    ReferralStatus,
    Role,
    Staff,
    Tier,
)
from services import audit
from services import validation as v
from services.accounts import generate_password, hash_passwords, only_branch, parse_role, validate_staff_no
from services.db import BRANCH_TZ, Database, discard_unpublished, is_transient, local_date
from services.errors import Conflict, FieldProblem, ValidationError
from services.i18n import msg
from services.importfiles import Column, Table, read_table, sorted_problems, unnamed_cells
from services.permissions import Action, Actor, require
from services.referrals import CHANNEL_ALIASES, STATUS_ALIASES, lock_day, referable_type

log = logging.getLogger("lobbydesk.imports")
T = TypeVar("T")

# Old spreadsheets rarely say when in the day a client came; mid-morning is the
# lobby's busiest hour and keeps the row inside its business day.
DEFAULT_TIME = dt.time(9, 0)
INTEREST_SEPARATORS = re.compile(r"[;；、,，]")
# Bound parameter lists stay far below every engine's limit.
_IN_CHUNK = 500


STAFF_COLUMNS: tuple[Column, ...] = (
    Column("staff_id", "工号", "staff_id"),
    Column("name", "姓名", "name"),
    Column("role", "岗位", "role"),
    Column("branch", "网点", "branch", required=False),
)

REFERRAL_COLUMNS: tuple[Column, ...] = (
    Column("date", "日期", "date"),
    Column("time", "时间", "time", required=False),
    Column("referrer_id", "推介人工号", "referrer_id"),
    Column("client_name", "客户姓名", "client_name"),
    Column("mobile", "手机号", "mobile"),
    Column("id_number", "证件号", "id_number", required=False),
    Column("client_type", "客户类型", "client_type"),
    Column("status", "推介状态", "status"),
    Column("rm_id", "理财经理工号", "rm_id"),
    Column("channel", "渠道", "channel", required=False),
    Column("interests", "意向业务", "interests", required=False),
    Column("note", "备注", "note", required=False),
    Column("branch", "网点", "branch", required=False),
)

# file_in_session names the fields of the referral form; an import reports them
# under the column the person typed them in.
_REFERRAL_FIELD_TO_COLUMN: dict[str, str] = {
    "client_name": "client_name", "client_mobile": "mobile", "client_id_number": "id_number",
    "client_type": "client_type", "status": "status", "rm": "rm_id", "channel": "channel",
    "note": "note", "date": "date", "interests": "interests",
}


@dataclass(frozen=True)
class ImportedAccount:
    """One imported account and its one-time password, to be handed over once."""

    staff_no: str
    name: str
    role: Role
    password: str


@dataclass(frozen=True)
class StaffImportResult:
    accounts: list[ImportedAccount]


@dataclass(frozen=True)
class ReferralImportResult:
    referrals: int
    new_clients: int
    # Seconds per phase ("check", "stage", "unpublished", "publish"; SQLite also "longest_hold", the longest
    # any one write transaction held the write lock, and "transactions", how many there were).
    timings: dict[str, float] = field(default_factory=dict, compare=False)


# --- branches -----------------------------------------------------------------------


class _Branches:
    """Which branch each row belongs to: the ``网点/branch`` column, else the only branch."""

    def __init__(self, s: Session, table: Table) -> None:
        self._by_code: dict[str, Branch] = {}
        self._only: Branch | None = None
        if table.has("branch"):
            self._by_code = {b.code: b for b in s.scalars(select(Branch))}
            if len(self._by_code) == 1:
                self._only = next(iter(self._by_code.values()))
        else:
            try:
                self._only = only_branch(s)
            except ValidationError as exc:  # no branch column where one is needed: a header problem
                label = table.header("branch", REFERRAL_COLUMNS)
                raise ValidationError([FieldProblem(label, p.message, table.header_row)
                                       for p in exc.problems]) from None

    def resolve(self, problems: v.Problems, field: str, code: str | None) -> Branch | None:
        if code is None or not code.strip():
            if self._only is None:
                problems.add(field, "required" if self._by_code else "no_branch")
            return self._only
        branch = self._by_code.get(code.strip())
        if branch is None:
            problems.add(field, "branch_unknown", value=code.strip()[:32])
        return branch


def _taken_staff_nos(s: Session, staff_nos: Sequence[str]) -> set[str]:
    taken: set[str] = set()
    for i in range(0, len(staff_nos), _IN_CHUNK):
        chunk = staff_nos[i:i + _IN_CHUNK]
        taken.update(s.scalars(select(Staff.staff_no).where(Staff.staff_no.in_(chunk))))
    return taken


# --- staff --------------------------------------------------------------------------


@dataclass(frozen=True)
class _StaffRow:
    row: int
    staff_no: str
    name: str
    role: Role
    branch_id: int | None  # None: a head-office account (docs/head-office.md "The account")


def _check_staff_rows(s: Session, table: Table) -> tuple[list[_StaffRow], list[FieldProblem]]:
    cols = STAFF_COLUMNS
    h_id, h_name, h_role, h_branch = (table.header(k, cols) for k in ("staff_id", "name", "role", "branch"))
    branches = _Branches(s, table)
    first_seen: dict[str, int] = {}
    out: list[_StaffRow] = []
    problems: list[FieldProblem] = []
    for row, cells in table.rows:
        p = v.Problems(row=row)
        staff_no = p.run(partial(validate_staff_no, h_id, table.text(cells, "staff_id")))
        name = p.run(partial(v.person_name, h_name, table.text(cells, "name")))
        role = p.run(partial(parse_role, h_role, table.text(cells, "role")))
        branch_text = table.text(cells, "branch")
        head_office = role is Role.HEAD_OFFICE
        if head_office and branch_text and branch_text.strip():
            p.add(h_branch, "head_office_no_branch")
        branch = None if head_office else branches.resolve(p, h_branch, branch_text)
        if staff_no is not None:
            if staff_no in first_seen:
                p.add(h_id, "duplicate_in_file", row=first_seen[staff_no])
            else:
                first_seen[staff_no] = row
        problems.extend(p.items)
        problems.extend(unnamed_cells(table, row, cells))
        if not p and staff_no and name and role and (branch is not None or head_office):
            out.append(_StaffRow(row, staff_no, name, role, branch.id if branch is not None else None))
    return out, problems


def _taken_problems(s: Session, table: Table, rows: Sequence[_StaffRow]) -> list[FieldProblem]:
    taken = _taken_staff_nos(s, [r.staff_no for r in rows])
    h_id = table.header("staff_id", STAFF_COLUMNS)
    return [FieldProblem(h_id, msg("staff_id_taken", value=r.staff_no), r.row) for r in rows if r.staff_no in taken]


def import_staff(db: Database, actor: Actor, path: Path) -> StaffImportResult:
    """Import staff accounts; each gets a one-time password to change at first sign-in.

    Every row is checked before anything is written; one bad row and no account
    is created. Password hashing (argon2, tens of ms each) happens between the
    check and the write so the write transaction stays short.
    """
    require(actor, Action.STAFF_MANAGE)
    table = read_table(path, STAFF_COLUMNS)
    with db.read() as s:
        rows, problems = _check_staff_rows(s, table)
        problems.extend(_taken_problems(s, table, rows))
    if problems:
        raise ValidationError(sorted_problems(problems, table))
    passwords = [generate_password() for _ in rows]
    hashes = hash_passwords(passwords)
    with db.write() as s:
        # Someone may have added one of these ids while we were hashing.
        late = _taken_problems(s, table, rows)
        if late:
            raise ValidationError(sorted_problems(late, table))
        now = db.now()
        s.add_all(
            Staff(branch_id=r.branch_id, staff_no=r.staff_no, name=r.name, role=r.role, active=True,
                  password_hash=h, failed_logins=0, must_change_password=True, created_at=now)
            for r, h in zip(rows, hashes, strict=True)
        )
        s.flush()
        # One event per branch the file placed people in, in that branch's log (docs/branches.md "Staff").
        # A head-office account belongs to no branch: its event goes to the log of no branch.
        placed = Counter(r.branch_id for r in rows)
        for branch_id, n in sorted(placed.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)):
            audit.record(s, db, actor, "import", "staff", None, f"rows={n}", branch_id=branch_id)
    log.info("imported %d staff accounts", len(rows))
    return StaffImportResult([ImportedAccount(r.staff_no, r.name, r.role, pw)
                              for r, pw in zip(rows, passwords, strict=True)])


# --- referrals ----------------------------------------------------------------------
#
# Three phases (docs/imports.md): check every row with reads only; stage the
# rows in temporary tables of the importing connection (no lock on the real
# tables); publish them in one short transaction with INSERT ... SELECT. The
# rules are those of referrals.file_in_session — the same validators in the
# same order, the same client matching and follow-up rule — and
# tests/services/test_imports.py files the same rows both ways and compares.

_STAGE_BATCH = 5000
_SQLITE_CACHE_KIB = 256 * 1024
_ATTEMPTS = 3  # the file is checked again if what it relies on changed before publishing
_CLIENT_COLS = ("branch_id", "name", "gender", "birth_date", "mobile", "id_number", "interests", "rm_id", "tier",
                "score", "created_at", "version")
_REFERRAL_COLS = ("branch_id", "business_date", "created_at", "referrer_id", "client_type", "channel", "status",
                  "rm_id", "interests", "note", "version")


def _split_interests(text: str | None) -> list[str]:
    if not text:
        return []
    return [part.strip() for part in INTEREST_SEPARATORS.split(text) if part.strip()]


@dataclass(frozen=True)
class _Row:
    """One row that passed every check."""

    row: int
    branch_id: int
    business_date: dt.date
    created_at: dt.datetime
    referrer_id: int
    rm_id: int
    client_type: ClientType
    channel: Channel
    status: ReferralStatus
    interests: list[str]
    note: str | None
    name: str
    mobile: str
    id_number: str | None


class _StaffInfo(NamedTuple):
    id: int
    role: Role
    active: bool
    branch_id: int


_Memo = dict[tuple[object, ...], tuple[Any, tuple[tuple[str, str], ...]]]


class _ReferralRows:
    """Turns one file row into a checked ``_Row`` or its problems, from look-ups loaded once.

    An old sheet repeats the same few values (types, statuses, channels, dates) in
    thousands of rows: each distinct value is checked once and the answer, problems
    included, is reused for the rows that repeat it.
    """

    def __init__(self, s: Session, db: Database, table: Table) -> None:
        self.table = table
        self.now = db.now()
        self.today = local_date(self.now)
        self.branches = _Branches(s, table)
        # A branch has dozens of staff: one query instead of two look-ups per row.
        self.staff_by_no = {no: _StaffInfo(sid, role, active, bid) for sid, no, role, active, bid in
                            s.execute(select(Staff.id, Staff.staff_no, Staff.role, Staff.active, Staff.branch_id))
                            if bid is not None}  # the head office belongs to no branch: no one's referrer or RM
        self.closed_days = {
            (bid, day) for bid, day in s.execute(
                select(DayClose.branch_id, DayClose.business_date).where(DayClose.closed.is_(True)))
        }
        self.h = {col.key: table.header(col.key, REFERRAL_COLUMNS) for col in REFERRAL_COLUMNS}
        known = set(table.positions.values())
        # Only a row longer than the named columns, or with a gap among them, can fill an unnamed one.
        self.width = max(known) + 1 if known else 0
        self.gaps = known != set(range(self.width))
        self._memo: _Memo = {}

    def once(self, p: v.Problems, key: tuple[object, ...], fn: Callable[[v.Problems], T]) -> T | None:
        """``fn``'s answer and problems for ``key``, worked out the first time only."""
        try:
            hit = self._memo.get(key)
        except TypeError:  # a cell value that cannot be a key
            hit, key = None, ()
        if hit is None:
            scratch = v.Problems()
            value = fn(scratch)
            hit = (value, tuple((q.field, q.message) for q in scratch.items))
            if key:
                self._memo[key] = hit
        for fld, message in hit[1]:
            p.items.append(FieldProblem(fld, message, p.row))
        return cast("T | None", hit[0])

    def referrer(self, p: v.Problems, text: str | None, branch: Branch | None) -> _StaffInfo | None:
        field = self.h["referrer_id"]
        if not text or not text.strip():
            p.add(field, "required")
            return None
        st = self.staff_by_no.get(text.strip())
        if st is None or not st.active or (branch is not None and st.branch_id != branch.id):
            p.add(field, "referrer_unknown", value=text.strip()[:32])
            return None
        return st

    def moment(self, p: v.Problems, raw_day: object, raw_time: object,
               branch: Branch | None) -> tuple[dt.date | None, dt.datetime | None]:
        """The row's business date and its created-at instant in UTC."""
        day = p.run(lambda: v.parse_date(self.h["date"], raw_day))
        at = p.run(lambda: v.parse_time(self.h["time"], raw_time))
        if day is None:
            return None, None
        if at is None and isinstance(raw_day, dt.datetime) and raw_day.time() != dt.time(0):
            at = raw_day.time()  # a spreadsheet date-and-time cell already says when
        if branch is not None and (branch.id, day) in self.closed_days:
            p.add(self.h["date"], "day_closed", value=day.isoformat())
        created = dt.datetime.combine(day, at or DEFAULT_TIME, BRANCH_TZ).astimezone(dt.timezone.utc)
        if created > self.now and day <= self.today:
            if at is not None:
                p.add(self.h["time"], "date_future")
            else:
                created = self.now  # today's row before 09:00 without a time: it happened by now
        return day, created

    @staticmethod
    def rm_active(rm: _StaffInfo | None, branch_id: int) -> bool:
        """referrals.active_rm, on the staff loaded once."""
        return rm is not None and rm.role == Role.RM and rm.active and rm.branch_id == branch_id

    def interests(self, q: v.Problems, text: str | None) -> list[str]:
        out: list[str] = []
        for item in _split_interests(text):
            one = q.run(partial(v.clean_text, "interests", item, max_len=20))
            if one and one not in out:
                out.append(one)
        return out

    def check(self, row: int, cells: Sequence[object]) -> tuple[_Row | None, list[FieldProblem]]:
        table, h = self.table, self.h
        t = table.texts(cells)
        p = v.Problems(row=row)
        branch = self.branches.resolve(p, h["branch"], t.get("branch"))
        referrer = self.referrer(p, t.get("referrer_id"), branch)
        raw_day, raw_time = table.raw(cells, "date"), table.raw(cells, "time")
        moment = self.once(p, ("moment", raw_day, raw_time, branch.id if branch else None),
                           lambda m: self.moment(m, raw_day, raw_time, branch))
        day, created = moment or (None, None)
        rm_text = t.get("rm_id")
        rm = self.staff_by_no.get(rm_text.strip()) if rm_text else None
        if not rm_text:
            p.add(h["rm_id"], "required")

        # The checks of referrals.file_in_session, in its order, under the form's field names.
        q = v.Problems(row=row)
        ct_text, st_text, ch_text = t.get("client_type"), t.get("status"), t.get("channel") or "lobby"
        client_type = self.once(q, ("type", ct_text), lambda m: m.run(
            lambda: referable_type("client_type", ct_text)))
        status = self.once(q, ("status", st_text), lambda m: m.run(
            lambda: v.choice("status", st_text, ReferralStatus, STATUS_ALIASES)))
        channel = self.once(q, ("channel", ch_text), lambda m: m.run(
            lambda: v.choice("channel", ch_text, Channel, CHANNEL_ALIASES)))
        note = q.run(lambda: v.clean_text("note", t.get("note"), max_len=v.NOTE_MAX, multiline=True))
        in_text = t.get("interests")
        interests = self.once(q, ("interests", in_text), lambda m: self.interests(m, in_text)) or []
        check_day = day or self.today
        self.once(q, ("past", check_day), lambda m: m.run(lambda: v.past_date("date", check_day, today=self.today)))
        # An unknown referrer is already this row's problem; the RM is then checked against the row's branch.
        rm_branch = referrer.branch_id if referrer is not None else (branch.id if branch is not None else -1)
        if not self.rm_active(rm, rm_branch):
            q.add("rm", "rm_not_active", value=rm.id if rm is not None else "")
        name = q.run(lambda: v.person_name("client_name", t.get("client_name")))
        mobile = q.run(lambda: v.mobile("client_mobile", t.get("mobile")))
        id_no = q.run(lambda: v.id_number("client_id_number", t.get("id_number"), today=self.today))

        problems = p.items
        if q.items:
            problems.extend(_remap(q.items, table, rm_text, drop_rm=not rm_text or branch is None))
        if len(cells) > self.width or self.gaps:
            problems.extend(unnamed_cells(table, row, cells))
        if (problems or branch is None or referrer is None or rm is None or day is None or created is None
                or client_type is None or status is None or channel is None or name is None or mobile is None):
            return None, problems
        return _Row(row, referrer.branch_id, day, created, referrer.id, rm.id, client_type, channel, status,
                    list(interests), note, name, mobile, id_no), []


def _remap(found: Sequence[FieldProblem], table: Table, rm_text: str | None, drop_rm: bool) -> list[FieldProblem]:
    """The form's problems, named by the file's columns instead of the form's fields."""
    out: list[FieldProblem] = []
    for prob in found:
        key = _REFERRAL_FIELD_TO_COLUMN.get(prob.field)
        if key is None:
            out.append(prob)
            continue
        message = prob.message
        if key == "rm_id":
            if drop_rm:
                continue
            # The service names the RM by database id; the file knows the staff id.
            message = msg("rm_not_active", value=(rm_text or "").strip()[:32])
        out.append(FieldProblem(table.header(key, REFERRAL_COLUMNS), message, prob.row))
    return out


@dataclass
class _Existing:
    """A client already in the database that a row names by mobile, and what the import changes on it."""

    id: int
    version: int
    rm_id: int | None
    id_number: str | None
    birth_date: dt.date | None
    changed: bool = False


@dataclass
class _Plan:
    """Everything the publish writes, with new rows numbered 1.. (``seq``) until they get their ids."""

    clients: list[dict[str, Any]] = field(default_factory=list)
    referrals: list[dict[str, Any]] = field(default_factory=list)
    updates: list[_Existing] = field(default_factory=list)
    days: set[tuple[int, dt.date]] = field(default_factory=set)
    referrers: set[tuple[int, int]] = field(default_factory=set)  # (staff id, branch id)
    rms: set[tuple[int, int]] = field(default_factory=set)
    follow_ups: int = 0


def _existing_clients(s: Session, keys: set[tuple[int, str]]) -> dict[tuple[int, str], _Existing]:
    """referrals.find_by_mobile for every mobile of the file at once: the oldest client per branch and mobile."""
    out: dict[tuple[int, str], _Existing] = {}
    mobiles = sorted({m for _, m in keys})
    for i in range(0, len(mobiles), _IN_CHUNK):
        chunk = mobiles[i:i + _IN_CHUNK]
        for cid, version, bid, mobile, rm_id, id_no, birth in s.execute(
            select(Client.id, Client.version, Client.branch_id, Client.mobile, Client.rm_id, Client.id_number,
                   Client.birth_date).where(Client.mobile.in_(chunk)).order_by(Client.id)
        ):
            key = (bid, mobile)
            if key in keys and key not in out:
                out[key] = _Existing(cid, version, rm_id, id_no, birth)
    return out


def _plan(rows: Sequence[_Row], existing: dict[tuple[int, str], _Existing], now: dt.datetime) -> _Plan:
    """What file_in_session would write for these rows, one after the other."""
    plan = _Plan()
    new_by_key: dict[tuple[int, str], dict[str, Any]] = {}
    for r in rows:
        key = (r.branch_id, r.mobile)
        ref: dict[str, Any] = {
            "seq": len(plan.referrals) + 1, "client_ref": None, "client_seq": None, "fu_seq": None,
            "branch_id": r.branch_id, "business_date": r.business_date, "created_at": r.created_at,
            "referrer_id": r.referrer_id, "client_type": r.client_type, "channel": r.channel, "status": r.status,
            "rm_id": r.rm_id, "interests": r.interests, "note": r.note, "version": 1,
        }
        known = existing.get(key)
        client = new_by_key.get(key)
        if known is not None:
            if r.id_number and not known.id_number:
                known.id_number, known.birth_date, known.changed = r.id_number, v.birth_date_of(r.id_number), True
            if known.rm_id is None:
                known.rm_id, known.changed = r.rm_id, True
            ref["client_ref"] = known.id
        elif client is not None:
            if r.id_number and not client["id_number"]:
                client["id_number"], client["birth_date"] = r.id_number, v.birth_date_of(r.id_number)
            ref["client_seq"] = client["seq"]
        else:
            client = {
                "seq": len(plan.clients) + 1, "branch_id": r.branch_id, "name": r.name, "mobile": r.mobile,
                "id_number": r.id_number,
                "birth_date": v.birth_date_of(r.id_number) if r.id_number else None,
                "gender": v.gender_of(r.id_number) if r.id_number else "unknown",
                "interests": r.interests, "rm_id": r.rm_id, "tier": Tier.NONE, "score": 0, "created_at": now,
                "version": 1,
            }
            new_by_key[key] = client
            plan.clients.append(client)
            ref["client_seq"] = client["seq"]
        if r.status == ReferralStatus.PENDING:
            plan.follow_ups += 1
            ref["fu_seq"] = plan.follow_ups
        plan.referrals.append(ref)
        plan.days.add((r.branch_id, r.business_date))
        plan.referrers.add((r.referrer_id, r.branch_id))
        plan.rms.add((r.rm_id, r.branch_id))
    plan.updates = [e for e in existing.values() if e.changed]
    return plan


def _check_referrals(db: Database, table: Table) -> _Plan:
    """Phase 1, reads only: every row checked, every problem collected, the clients matched."""
    problems: list[FieldProblem] = []
    good: list[_Row] = []
    with db.read() as s:
        checker = _ReferralRows(s, db, table)
        for row, cells in table.rows:
            checked, found = checker.check(row, cells)
            problems.extend(found)
            if checked is not None:
                good.append(checked)
        if problems:
            raise ValidationError(sorted_problems(problems, table))
        existing = _existing_clients(s, {(r.branch_id, r.mobile) for r in good})
    return _plan(good, existing, checker.now)


class _Stale(Exception):
    """Something the checked file relies on changed before publishing: check it again."""


def _recheck(s: Session, plan: _Plan) -> None:
    """Inside the write: what the check read is still so (a day closed, an account disabled), else ``_Stale``."""
    for branch_id, day in sorted(plan.days):
        lock_day(s, branch_id, day)  # PostgreSQL: a day cannot be closed under the import (SQLite: one writer)
    branches = {b for b, _ in plan.days}
    closed = {(b, d) for b, d in s.execute(select(DayClose.branch_id, DayClose.business_date)
                                           .where(DayClose.closed.is_(True), DayClose.branch_id.in_(branches)))}
    if closed & plan.days:
        raise _Stale("day closed")
    ids = sorted({sid for sid, _ in plan.referrers | plan.rms})
    staff = {sid: (role, active, bid) for sid, role, active, bid in
             s.execute(select(Staff.id, Staff.role, Staff.active, Staff.branch_id).where(Staff.id.in_(ids)))}
    for sid, bid in plan.referrers:
        if sid not in staff or not staff[sid][1] or staff[sid][2] != bid:
            raise _Stale("referrer")
    for sid, bid in plan.rms:
        if sid not in staff or staff[sid] != (Role.RM, True, bid):
            raise _Stale("rm")


def _audit_import(s: Session, db: Database, actor: Actor, plan: _Plan) -> None:
    # One event for the whole file: what it brought in, counted (docs/imports.md "Audit").
    audit.record(s, db, actor, "import", "referral", None,
                 f"rows={len(plan.referrals)} new_clients={len(plan.clients)}")


# --- SQLite: stage, then publish with INSERT ... SELECT -------------------------------


def _stage_tables() -> tuple[SqlTable, SqlTable, SqlTable]:
    """Temporary tables of the importing connection, typed like the real columns."""
    md = MetaData()
    ct, rt = Client.__table__, Referral.__table__
    client = SqlTable("lobby_stage_client", md, SqlColumn("seq", Integer, primary_key=True),
                      *(SqlColumn(c, ct.c[c].type) for c in _CLIENT_COLS), prefixes=["TEMPORARY"])
    referral = SqlTable("lobby_stage_referral", md, SqlColumn("seq", Integer, primary_key=True),
                        SqlColumn("client_ref", Integer), SqlColumn("client_seq", Integer),
                        SqlColumn("fu_seq", Integer),
                        *(SqlColumn(c, rt.c[c].type) for c in _REFERRAL_COLS), prefixes=["TEMPORARY"])
    update = SqlTable("lobby_stage_update", md, SqlColumn("id", Integer, primary_key=True),
                      SqlColumn("version", Integer), SqlColumn("rm_id", Integer),
                      SqlColumn("id_number", ct.c["id_number"].type), SqlColumn("birth_date", ct.c["birth_date"].type),
                      prefixes=["TEMPORARY"])
    return client, referral, update


def _stage(conn: Connection, plan: _Plan) -> tuple[SqlTable, SqlTable, SqlTable]:
    """The plan into temporary tables, in batches; the database file's tables are not touched."""
    tables = _stage_tables()
    # SQLite's default 2 MB page cache makes a large INSERT ... SELECT spill and re-read index
    # pages under the lock; this connection gets room for the whole publish, then gives it back.
    conn.exec_driver_sql(f"PRAGMA cache_size = -{_SQLITE_CACHE_KIB}")
    conn.commit()
    # The publish checks every row it references itself, under the lock (_recheck, _publish), so this
    # one connection skips SQLite's per-row foreign-key look-ups: a third of the time the lock is held.
    # The pragma only takes effect outside a transaction, hence the driver connection.
    _driver(conn).execute("PRAGMA foreign_keys = OFF")
    with conn.begin():
        for t in tables:
            t.drop(conn, checkfirst=True)
            t.create(conn)
        conn.exec_driver_sql("CREATE INDEX lobby_stage_referral_fu ON lobby_stage_referral (fu_seq)")
    client, referral, update = tables
    for t, rows in ((client, plan.clients), (referral, plan.referrals)):
        for i in range(0, len(rows), _STAGE_BATCH):
            with conn.begin():
                conn.execute(t.insert(), rows[i:i + _STAGE_BATCH])
    if plan.updates:
        with conn.begin():
            conn.execute(update.insert(), [
                {"id": e.id, "version": e.version, "rm_id": e.rm_id, "id_number": e.id_number,
                 "birth_date": e.birth_date} for e in plan.updates])
    return tables


def _drop_stage(conn: Connection, tables: Sequence[SqlTable]) -> None:
    if conn.in_transaction():
        conn.rollback()
    with conn.begin():
        for t in tables:
            t.drop(conn, checkfirst=True)
    conn.exec_driver_sql("PRAGMA cache_size = -2000")  # SQLite's default, for the pool's next user
    conn.commit()
    _driver(conn).execute("PRAGMA foreign_keys = ON")


def _driver(conn: Connection) -> Any:
    raw = conn.connection.dbapi_connection
    assert raw is not None
    return raw


_HIDDEN_BATCH = 1000  # rows per short transaction while an import writes its rows unpublished (tens of ms)
_GATE_WAIT = 60.0  # an import waits this long for the write gate per short transaction (a person: RETRY_BUDGET)
_SHORT_TRIES = 20


def _short(db: Database, conn: Connection, work: Callable[[], T], held: list[float] | None = None) -> T:
    """One short write transaction on the importing connection, behind the write gate like every save.

    ``BEGIN IMMEDIATE`` takes SQLite's write lock at once; should another program hold it
    (one that does not queue at the gate), the transaction is tried again whole. ``held``
    gets how long the gate (and with it the write lock) was held.
    """
    for attempt in range(1, _SHORT_TRIES + 1):
        try:
            with db.gated(_GATE_WAIT):
                started = time.perf_counter()
                try:
                    with conn.begin():
                        return work()
                finally:
                    if held is not None:
                        held.append(time.perf_counter() - started)
        except OperationalError as exc:
            if not is_transient(exc) or attempt == _SHORT_TRIES:
                raise
            time.sleep(0.01 * attempt)
    raise AssertionError("unreachable")  # pragma: no cover


_HIDDEN_INSERTS = {
    "client": (
        "lobby_stage_client", "seq",
        f"INSERT INTO client (id, {', '.join(_CLIENT_COLS)}) SELECT n.seq + :base, "
        f"{', '.join('n.' + c for c in _CLIENT_COLS)} FROM lobby_stage_client n "
        f"WHERE n.seq BETWEEN :lo AND :hi ORDER BY n.seq"),
    "referral": (
        "lobby_stage_referral", "seq",
        f"INSERT INTO referral (id, client_id, {', '.join(_REFERRAL_COLS)}) "
        f"SELECT r.seq + :base, coalesce(r.client_ref, r.client_seq + :cbase), "
        f"{', '.join('r.' + c for c in _REFERRAL_COLS)} FROM lobby_stage_referral r "
        f"WHERE r.seq BETWEEN :lo AND :hi ORDER BY r.seq"),
    # A pending referral opens its RM's follow-up, due on the referral's own date (the old sheets have no
    # contact time): the rule of referrals.file_in_session with require_contact_time=False.
    "follow_up": (
        "lobby_stage_referral", "fu_seq",
        "INSERT INTO follow_up (id, branch_id, client_id, rm_id, origin, referral_id, state, "
        "next_contact_date, attempts, opened_at, version) "
        "SELECT r.fu_seq + :base, r.branch_id, coalesce(r.client_ref, r.client_seq + :cbase), r.rm_id, "
        ":origin, r.seq + :rbase, :state, r.business_date, 0, r.created_at, 1 FROM lobby_stage_referral r "
        "WHERE r.fu_seq BETWEEN :lo AND :hi ORDER BY r.fu_seq"),
}


def _write_unpublished(db: Database, conn: Connection, plan: _Plan, batch_id: int, held: list[float]) -> None:
    """The staged rows into the real tables, ``_HIDDEN_BATCH`` at a time, each transaction short.

    Readers skip them while the batch row names their id ranges (``db._hide_unpublished``). A
    table's ids are ``max(id) + seq``, taken in the transaction that writes its highest ids
    first: from then on SQLite gives every other writer's new row an id above the range.
    A new client whose mobile another workstation filed meanwhile meets the unique index:
    ``_Stale``, and the file is checked again (that client is then matched).
    """
    counts = {"client": len(plan.clients), "referral": len(plan.referrals), "follow_up": plan.follow_ups}
    bases: dict[str, int] = {}
    for table, (_, _, sql) in _HIDDEN_INSERTS.items():
        n = counts[table]
        for hi in range(n, 0, -_HIDDEN_BATCH):  # the highest ids first
            lo = max(1, hi - _HIDDEN_BATCH + 1)

            def chunk(table: str = table, n: int = n, lo: int = lo, hi: int = hi, sql: str = sql) -> None:
                if table not in bases:
                    base = conn.scalar(text(f"SELECT coalesce(max(id), 0) FROM {table}")) or 0
                    conn.execute(text(f"UPDATE import_batch SET {table}_first = :first, {table}_last = :last "
                                      "WHERE id = :id"), {"first": base + 1, "last": base + n, "id": batch_id})
                    bases[table] = base
                try:
                    conn.execute(text(sql), {
                        "base": bases[table], "cbase": bases.get("client", 0), "rbase": bases.get("referral", 0),
                        "lo": lo, "hi": hi, "origin": FollowUpOrigin.REFERRAL.value,
                        "state": FollowUpState.OPEN.value})
                except IntegrityError as exc:
                    raise _Stale(f"{table}: {type(exc.orig).__name__}") from exc

            _short(db, conn, chunk, held)
            log.debug("unpublished: %d %s rows in %.3fs", hi - lo + 1, table, held[-1])


def _publish(db: Database, conn: Connection, actor: Actor, plan: _Plan, batch_id: int, held: list[float]) -> None:
    """The one short transaction that makes the whole file visible: checks again, the few matched clients'
    changes, the audit event, and the batch row deleted (docs/imports.md "Writing a referral import")."""

    def publish() -> None:
        with Session(bind=conn) as s:
            _recheck(s, plan)
            if plan.updates and s.scalar(text(
                    "SELECT count(*) FROM lobby_stage_update u JOIN client c "
                    "ON c.id = u.id AND c.version = u.version")) != len(plan.updates):
                raise _Stale("a matched client changed meanwhile")
            # Every matched client still there, in the row's branch (foreign keys are not looked up per row here).
            if s.scalar(text("SELECT count(*) FROM (SELECT DISTINCT client_ref, branch_id FROM lobby_stage_referral "
                             "WHERE client_ref IS NOT NULL) r LEFT JOIN client c ON c.id = r.client_ref "
                             "AND c.branch_id = r.branch_id WHERE c.id IS NULL")):
                raise _Stale("a matched client is gone")
            if plan.updates:
                s.execute(text(
                    "UPDATE client SET "
                    "rm_id = (SELECT u.rm_id FROM lobby_stage_update u WHERE u.id = client.id), "
                    "id_number = (SELECT u.id_number FROM lobby_stage_update u WHERE u.id = client.id), "
                    "birth_date = (SELECT u.birth_date FROM lobby_stage_update u WHERE u.id = client.id), "
                    "version = version + 1 WHERE id IN (SELECT id FROM lobby_stage_update)"))
            _audit_import(s, db, actor, plan)
            if s.connection().execute(text("DELETE FROM import_batch WHERE id = :id"), {"id": batch_id}).rowcount != 1:
                raise _Stale("the unpublished rows were taken out")  # pragma: no cover - only a second importer
            s.commit()  # the outer transaction (_short) commits; the session only hands its work over

    _short(db, conn, publish, held)


def _write_sqlite(db: Database, actor: Actor, plan: _Plan, timings: dict[str, float]) -> None:
    """Stage, write unpublished in short transactions, publish in one short one; on any failure the
    unpublished rows are taken out again (a SIGKILL leaves them to the next start or import)."""
    with db.engine.connect() as conn:
        started = time.perf_counter()
        tables = _stage(conn, plan)
        timings["stage"] = time.perf_counter() - started
        batch_id: int | None = None
        try:
            conn.execution_options(sqlite_begin="IMMEDIATE")
            started, cpu = time.perf_counter(), time.process_time()
            held: list[float] = []
            batch_id = _short(db, conn, lambda: int(conn.execute(
                insert(ImportBatch).values(started_at=db.now()).returning(ImportBatch.id)).scalar_one()), held)
            # Unpublished rows need no fsync of their own: lost to a power cut, they were never seen, and
            # the WAL keeps commits in order, so the publish's full sync (set back below) makes them durable
            # with it. The pragma only takes effect outside a transaction.
            _driver(conn).execute("PRAGMA synchronous = NORMAL")
            try:
                _write_unpublished(db, conn, plan, batch_id, held)
            finally:
                _driver(conn).execute("PRAGMA synchronous = FULL")  # services.db's setting for every connection
            timings["unpublished"] = time.perf_counter() - started
            _publish(db, conn, actor, plan, batch_id, held)
            batch_id = None
            timings["publish"] = held[-1]  # the one transaction that makes the rows visible
            timings["longest_hold"] = max(held)  # the longest any transaction held the write lock
            timings["transactions"] = len(held)
            timings["held_total"] = sum(held)
            timings["write_cpu"] = time.process_time() - cpu
        finally:
            conn.execution_options(sqlite_begin="DEFERRED")
            if batch_id is not None:
                if conn.in_transaction():
                    conn.rollback()
                discard_unpublished(db, conn, batch_id)
            _drop_stage(conn, tables)


# --- PostgreSQL: batches inside one transaction ---------------------------------------


def _new_ids(s: Session, table: str, n: int) -> list[int]:
    if not n:
        return []
    return list(s.scalars(text(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) "
                               "FROM generate_series(1, :n)"), {"n": n}))


def _copy_value(value: object) -> object:
    """A value as the column stores it (what the column types' bind processing would give)."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)  # models.base.UTCDateTime
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _copy_rows(s: Session, table: SqlTable, rows: Sequence[dict[str, Any]]) -> None:
    """COPY the rows into ``table`` on the session's connection, inside its transaction."""
    if not rows:
        return
    cols = list(rows[0])
    raw = s.connection().connection.dbapi_connection
    assert raw is not None
    dbapi = s.get_bind().dialect.dbapi
    try:
        with raw.cursor() as cur, cur.copy(  # type: ignore[attr-defined]
                f"COPY {table.name} ({', '.join(cols)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([_copy_value(row[c]) for c in cols])
    except dbapi.IntegrityError as exc:  # type: ignore[union-attr]  # the driver's own, not wrapped here
        raise _Stale(f"{table.name}: {type(exc).__name__}") from exc


def _write_postgresql(s: Session, db: Database, actor: Actor, plan: _Plan) -> None:
    """Readers and other writers are not blocked by an open transaction that inserts new rows, so the
    batches go straight into the real tables; the few existing clients it changes are locked last."""
    _recheck(s, plan)
    new_mobiles = sorted({c["mobile"] for c in plan.clients})
    new_keys = {(c["branch_id"], c["mobile"]) for c in plan.clients}
    for i in range(0, len(new_mobiles), _IN_CHUNK):
        for key in s.execute(select(Client.branch_id, Client.mobile)
                             .where(Client.mobile.in_(new_mobiles[i:i + _IN_CHUNK]))):
            if (key[0], key[1]) in new_keys:
                raise _Stale("a new client's mobile was filed meanwhile")
    refs = sorted({(r["client_ref"], r["branch_id"]) for r in plan.referrals if r["client_ref"] is not None})
    ref_ids = [cid for cid, _ in refs]
    found: set[tuple[int, int]] = set()
    for i in range(0, len(ref_ids), _IN_CHUNK):
        found.update((cid, bid) for cid, bid in s.execute(
            select(Client.id, Client.branch_id).where(Client.id.in_(ref_ids[i:i + _IN_CHUNK]))))
    if found != set(refs):
        raise _Stale("a matched client is gone")
    client_ids = _new_ids(s, "client", len(plan.clients))
    referral_ids = _new_ids(s, "referral", len(plan.referrals))
    follow_up_ids = _new_ids(s, "follow_up", plan.follow_ups)
    clients = [{"id": client_ids[c["seq"] - 1], **{k: c[k] for k in _CLIENT_COLS}} for c in plan.clients]
    referrals: list[dict[str, Any]] = []
    follow_ups: list[dict[str, Any]] = []
    for r in plan.referrals:
        client_id = r["client_ref"] if r["client_ref"] is not None else client_ids[r["client_seq"] - 1]
        rid = referral_ids[r["seq"] - 1]
        referrals.append({"id": rid, "client_id": client_id, **{k: r[k] for k in _REFERRAL_COLS}})
        if r["fu_seq"] is not None:
            # The rule of referrals.file_in_session with require_contact_time=False: due on the referral's date.
            follow_ups.append({
                "id": follow_up_ids[r["fu_seq"] - 1], "branch_id": r["branch_id"], "client_id": client_id,
                "rm_id": r["rm_id"], "origin": FollowUpOrigin.REFERRAL, "referral_id": rid,
                "state": FollowUpState.OPEN, "next_contact_date": r["business_date"], "attempts": 0,
                "opened_at": r["created_at"], "version": 1,
            })
    ct = cast(SqlTable, Client.__table__)
    for table, rows in ((ct, clients), (cast(SqlTable, Referral.__table__), referrals),
                        (cast(SqlTable, FollowUp.__table__), follow_ups)):
        started = time.perf_counter()
        _copy_rows(s, table, rows)
        log.debug("write: %d rows into %s in %.2fs", len(rows), table.name, time.perf_counter() - started)
    if plan.updates:
        ids = [e.id for e in plan.updates]
        locked = {cid: ver for cid, ver in s.execute(
            select(Client.id, Client.version).where(Client.id.in_(ids)).with_for_update())}
        if any(locked.get(e.id) != e.version for e in plan.updates):
            raise _Stale("a matched client changed meanwhile")
        s.execute(ct.update().where(ct.c.id == bindparam("b_id")).values(
            rm_id=bindparam("b_rm"), id_number=bindparam("b_idn"), birth_date=bindparam("b_birth"),
            version=ct.c.version + 1,
        ), [{"b_id": e.id, "b_rm": e.rm_id, "b_idn": e.id_number, "b_birth": e.birth_date} for e in plan.updates])
    _audit_import(s, db, actor, plan)


def import_referrals(db: Database, actor: Actor, path: Path,
                     before_write: Callable[[], None] | None = None) -> ReferralImportResult:
    """Import referrals kept on spreadsheets before this tool, all or nothing.

    Every row is checked with the rules of the referral form (referrals.file_in_session)
    and every problem collected; one bad row and nothing is written. A client is
    matched by mobile number within the branch, else created; two rows with the same
    new mobile make one client. The write lock is held only while the checked rows are
    written (docs/imports.md); if what the check relied on changed in the meantime
    the file is checked again.

    The old sheets have no preferred-contact-time column, so the contact time
    is not required here: a pending referral's follow-up is then due on the
    referral's own date and, for any past date, shows as overdue in the RM's
    queue — exactly the backlog the branch has to work through.

    ``before_write`` is for tests: it runs between the check and the write.
    """
    require(actor, Action.REFERRAL_IMPORT)
    table = read_table(path, REFERRAL_COLUMNS)
    if db.dialect == "sqlite":
        with db.import_lock():
            # A killed import's unpublished rows go first (docs/imports.md "All or nothing").
            with db.engine.connect() as conn:
                discard_unpublished(db, conn)
            return _import_referrals(db, actor, table, before_write)
    return _import_referrals(db, actor, table, before_write)


def _import_referrals(db: Database, actor: Actor, table: Table,
                      before_write: Callable[[], None] | None) -> ReferralImportResult:
    timings: dict[str, float] = {}
    for attempt in range(1, _ATTEMPTS + 1):
        started = time.perf_counter()
        plan = _check_referrals(db, table)
        timings["check"] = time.perf_counter() - started
        if before_write is not None:
            before_write()
        try:
            if db.dialect == "postgresql":
                started = time.perf_counter()
                with db.write() as s:
                    _write_postgresql(s, db, actor, plan)
                timings["stage"], timings["publish"] = 0.0, time.perf_counter() - started
            else:
                _write_sqlite(db, actor, plan, timings)
        except (_Stale, IntegrityError, OperationalError) as exc:
            why = str(exc) if isinstance(exc, _Stale) else type(exc).__name__
            log.info("import attempt %d: %s; checking the file again", attempt, why)
            continue
        log.info("imported %d referrals, %d new clients (check %.2fs, stage %.2fs, unpublished %.2fs, publish %.3fs)",
                 len(plan.referrals), len(plan.clients), timings["check"], timings["stage"],
                 timings.get("unpublished", 0.0), timings["publish"])
        return ReferralImportResult(len(plan.referrals), len(plan.clients), timings)
    raise Conflict(msg("import_busy"))
