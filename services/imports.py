"""Bringing in the branch's old staff lists and referral spreadsheets (.csv / .xlsx), all or nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Branch, Client, DayClose, Role, Staff
from services import audit
from services import validation as v
from services.accounts import generate_password, hash_passwords, only_branch, parse_role, validate_staff_no
from services.db import BRANCH_TZ, Database, local_date
from services.errors import FieldProblem, ValidationError
from services.i18n import msg
from services.permissions import Action, Actor, require
from services.referrals import ReferralInput, file_in_session

log = logging.getLogger("lobbydesk.imports")

# Old spreadsheets rarely say when in the day a client came; mid-morning is the
# lobby's busiest hour and keeps the row inside its business day.
DEFAULT_TIME = dt.time(9, 0)
INTEREST_SEPARATORS = re.compile(r"[;；、,，]")
# Bound parameter lists stay far below every engine's limit.
_IN_CHUNK = 500


@dataclass(frozen=True)
class Column:
    """One column an import understands, by its Chinese and English header."""

    key: str
    zh: str
    en: str
    required: bool = True

    @property
    def label(self) -> str:
        return f"{self.zh}/{self.en}"


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


# --- reading files ------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """An import file's data rows, with each known column's position and header text."""

    path: Path
    header_row: int
    positions: dict[str, int]  # column key -> index in a row
    headers: dict[str, str]  # column key -> header text as written in the file
    rows: list[tuple[int, list[object]]]  # (1-based row number in the file, cells)

    def has(self, key: str) -> bool:
        return key in self.positions

    def raw(self, cells: Sequence[object], key: str) -> object | None:
        idx = self.positions.get(key)
        if idx is None or idx >= len(cells):
            return None
        value = cells[idx]
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def text(self, cells: Sequence[object], key: str) -> str | None:
        return cell_text(self.raw(cells, key))

    def header(self, key: str, columns: Sequence[Column]) -> str:
        """The column's name as the file spells it, else the bilingual label."""
        if key in self.headers:
            return self.headers[key]
        for col in columns:
            if col.key == key:
                return col.label
        return key


def cell_text(value: object) -> str | None:
    """A cell as text: spreadsheets store mobiles and staff ids as numbers (13812345678.0)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    text = str(value)
    return text if text.strip() else None


def _file_problem(key: str, **kw: object) -> ValidationError:
    return ValidationError([FieldProblem("file", msg(key, **kw))])


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM) first and strictly, then GB18030 (Excel on Chinese Windows)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _file_problem("file_encoding")


def _csv_rows(path: Path) -> Iterator[tuple[int, list[object]]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _file_problem("file_unreadable", why=exc.strerror or type(exc).__name__) from None
    text = decode_csv(data)
    first_line = text.split("\n", 1)[0]
    # Some "CSV" exports are tab-separated; a header with tabs and no commas says so.
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 0
    try:
        for record in reader:
            # A quoted cell may span lines: report the line the record starts on.
            start, line = line + 1, reader.line_num
            yield start, list(record)
    except csv.Error as exc:
        raise ValidationError([FieldProblem("file", msg("file_unreadable", why=str(exc)), reader.line_num)]) from None


def _xlsx_rows(path: Path) -> list[tuple[int, list[object]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise _file_problem("file_unreadable", why=exc.strerror or type(exc).__name__) from None
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        raise _file_problem("file_unreadable", why=type(exc).__name__) from None
    try:
        ws = wb.worksheets[0]
        # Some tools write a wrong sheet dimension; read what is really there.
        ws.reset_dimensions()
        return [(n, list(row)) for n, row in enumerate(ws.iter_rows(values_only=True), start=1)]
    finally:
        wb.close()


def _is_blank(cells: Iterable[object]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def read_table(path: Path, columns: Sequence[Column]) -> Table:
    """Read the file and map its header to ``columns``; header problems raise at once."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raw_rows: Iterable[tuple[int, list[object]]] = _csv_rows(path)
    elif suffix == ".xlsx":
        raw_rows = _xlsx_rows(path)
    else:
        raise _file_problem("file_type")
    rows = [(n, cells) for n, cells in raw_rows if not _is_blank(cells)]
    if not rows:
        raise _file_problem("file_empty")
    header_row, header_cells = rows[0]
    data = rows[1:]

    by_name: dict[str, Column] = {}
    for col in columns:
        by_name[col.zh] = col
        by_name[col.en.casefold()] = col
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    problems: list[FieldProblem] = []
    for idx, cell in enumerate(header_cells):
        name = (cell_text(cell) or "").strip()
        if not name:
            continue  # an unnamed column is refused below only where a row fills it
        found = by_name.get(name) or by_name.get(name.casefold())
        if found is None:
            problems.append(FieldProblem(name, msg("unknown_column"), header_row))
        elif found.key in positions:
            problems.append(FieldProblem(name, msg("duplicate_column"), header_row))
        else:
            positions[found.key] = idx
            headers[found.key] = name
    for col in columns:
        if col.required and col.key not in positions:
            problems.append(FieldProblem(col.label, msg("missing_column"), header_row))
    if problems:
        raise ValidationError(problems)
    if not data:
        raise _file_problem("file_empty")
    return Table(path, header_row, positions, headers, data)


def _unnamed_cells(table: Table, row: int, cells: Sequence[object]) -> list[FieldProblem]:
    """Values in a column without a header would be silently lost: refuse them."""
    known = set(table.positions.values())
    return [
        FieldProblem(msg("column_n", n=idx + 1), msg("no_header"), row)
        for idx, value in enumerate(cells)
        if idx not in known and not _is_blank([value])
    ]


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
            self._only = only_branch(s)

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
    branch_id: int


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
        branch = branches.resolve(p, h_branch, table.text(cells, "branch"))
        if staff_no is not None:
            if staff_no in first_seen:
                p.add(h_id, "duplicate_in_file", row=first_seen[staff_no])
            else:
                first_seen[staff_no] = row
        problems.extend(p.items)
        problems.extend(_unnamed_cells(table, row, cells))
        if not p and staff_no and name and role and branch is not None:
            out.append(_StaffRow(row, staff_no, name, role, branch.id))
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
        raise ValidationError(_sorted(problems, table))
    passwords = [generate_password() for _ in rows]
    hashes = hash_passwords(passwords)
    with db.write() as s:
        # Someone may have added one of these ids while we were hashing.
        late = _taken_problems(s, table, rows)
        if late:
            raise ValidationError(late)
        now = db.now()
        s.add_all(
            Staff(branch_id=r.branch_id, staff_no=r.staff_no, name=r.name, role=r.role, active=True,
                  password_hash=h, failed_logins=0, must_change_password=True, created_at=now)
            for r, h in zip(rows, hashes, strict=True)
        )
        s.flush()
        audit.record(s, db, actor, "import", "staff", None, f"rows={len(rows)}")
    log.info("imported %d staff accounts", len(rows))
    return StaffImportResult([ImportedAccount(r.staff_no, r.name, r.role, pw)
                              for r, pw in zip(rows, passwords, strict=True)])


# --- referrals ----------------------------------------------------------------------


def _split_interests(text: str | None) -> list[str]:
    if not text:
        return []
    return [part.strip() for part in INTEREST_SEPARATORS.split(text) if part.strip()]


class _ReferralRows:
    """Turns one file row into a ReferralInput plus the problems file_in_session cannot see."""

    def __init__(self, s: Session, db: Database, table: Table) -> None:
        self.table = table
        self.now = db.now()
        self.today = local_date(self.now)
        self.branches = _Branches(s, table)
        # A branch has dozens of staff: one query instead of two look-ups per row.
        self.staff_by_no = {st.staff_no: st for st in s.scalars(select(Staff))}
        self.closed_days = {
            (bid, day) for bid, day in s.execute(
                select(DayClose.branch_id, DayClose.business_date).where(DayClose.closed.is_(True)))
        }
        self.h = {col.key: table.header(col.key, REFERRAL_COLUMNS) for col in REFERRAL_COLUMNS}

    def referrer(self, p: v.Problems, text: str | None, branch: Branch | None) -> Staff | None:
        field = self.h["referrer_id"]
        if not text or not text.strip():
            p.add(field, "required")
            return None
        st = self.staff_by_no.get(text.strip())
        if st is None or not st.active or (branch is not None and st.branch_id != branch.id):
            p.add(field, "referrer_unknown", value=text.strip()[:32])
            return None
        return st

    def moment(self, p: v.Problems, cells: Sequence[object],
               branch: Branch | None) -> tuple[dt.date | None, dt.datetime | None]:
        """The row's business date and its created-at instant in UTC."""
        raw_day = self.table.raw(cells, "date")
        day = p.run(lambda: v.parse_date(self.h["date"], raw_day))
        at = p.run(lambda: v.parse_time(self.h["time"], self.table.raw(cells, "time")))
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


def _remap(found: Sequence[FieldProblem], table: Table, rm_text: str | None, drop_rm: bool) -> list[FieldProblem]:
    """file_in_session's problems, named by the file's columns instead of the form's fields."""
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


def import_referrals(db: Database, actor: Actor, path: Path) -> ReferralImportResult:
    """Import referrals kept on spreadsheets before this tool, all or nothing.

    Each row goes through ``referrals.file_in_session`` — the same checks and the
    same follow-up rule as the form — inside one unit of work: every row is
    checked, every problem collected, and on any problem the whole transaction
    rolls back, so nothing is written. A client is matched by mobile number,
    else created; two rows with the same new mobile make one client because
    the new client is flushed before the next row looks it up.

    The old sheets have no preferred-contact-time column, so the contact time
    is not required here: a pending referral's follow-up is then due on the
    referral's own date and, for any past date, shows as overdue in the RM's
    queue — exactly the backlog the branch has to work through.
    """
    require(actor, Action.REFERRAL_IMPORT)
    table = read_table(path, REFERRAL_COLUMNS)
    problems: list[FieldProblem] = []
    filed = 0
    with db.write() as s:
        rows = _ReferralRows(s, db, table)
        h = rows.h
        clients_before = s.scalar(select(func.count()).select_from(Client)) or 0
        for row, cells in table.rows:
            p = v.Problems(row=row)
            branch = rows.branches.resolve(p, h["branch"], table.text(cells, "branch"))
            referrer = rows.referrer(p, table.text(cells, "referrer_id"), branch)
            day, created = rows.moment(p, cells, branch)
            rm_text = table.text(cells, "rm_id")
            rm = rows.staff_by_no.get(rm_text.strip()) if rm_text else None
            if not rm_text:
                p.add(h["rm_id"], "required")
            data = ReferralInput(
                client_type=table.text(cells, "client_type"),
                status=table.text(cells, "status"),
                rm_id=rm.id if rm is not None else None,
                channel=table.text(cells, "channel") or "lobby",
                client_name=table.text(cells, "client_name"),
                client_mobile=table.text(cells, "mobile"),
                client_id_number=table.text(cells, "id_number"),
                interests=_split_interests(table.text(cells, "interests")),
                note=table.text(cells, "note"),
                business_date=day,
                created_at=created,
            )
            # An unknown referrer is already a problem of this row, so the
            # stand-in is never written; it only tells the checks the branch.
            who = referrer or Staff(branch_id=branch.id if branch is not None else -1)
            ours = len(p.items)
            result = file_in_session(s, db, actor, who, data, p, require_contact_time=False, with_warnings=False)
            problems.extend(p.items[:ours])
            # Without an RM id or a branch the service's RM check says nothing new.
            problems.extend(_remap(p.items[ours:], table, rm_text, drop_rm=not rm_text or branch is None))
            problems.extend(_unnamed_cells(table, row, cells))
            if result is not None:
                filed += 1
        if problems:
            raise ValidationError(_sorted(problems, table))
        new_clients = (s.scalar(select(func.count()).select_from(Client)) or 0) - clients_before
        audit.record(s, db, actor, "import", "referral", None, f"rows={filed} new_clients={new_clients}")
    log.info("imported %d referrals, %d new clients", filed, new_clients)
    return ReferralImportResult(filed, new_clients)


def _sorted(problems: list[FieldProblem], table: Table) -> list[FieldProblem]:
    """Row by row, and within a row in the file's column order, as a person reads it."""
    order = {name: table.positions[key] for key, name in table.headers.items()}
    return sorted(problems, key=lambda p: (p.row or 0, order.get(p.field, len(order))))
