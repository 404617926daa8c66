"""``clients import FILE``: the branch's client records kept on spreadsheets (优质客户信息记录表), all or nothing.

Reading the file is ``services.importfiles``; scoring is ``services.scoring``. Each row
names a client by mobile (matched within the branch, else created), the RM (an active
``rm`` of that branch), a financial snapshot and the RM's ratings; every client is scored
on import and a tier move is recorded with the cause ``import``. Every row is checked
before anything is written; one bad row and nothing is, and every bad row is reported
(docs/scoring.md "Importing client records").
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import Branch, Client, Gender, Role, Staff, Tier, TierCause
from services import audit, scoring
from services import validation as v
from services.db import Database, retrying
from services.errors import Conflict, FieldProblem, ValidationError
from services.i18n import msg
from services.importfiles import Column, Table, read_table, sorted_problems, unnamed_cells
from services.permissions import Action, Actor, require
from services.saving import stamp

log = logging.getLogger("lobbydesk.client_import")

CLIENT_COLUMNS: tuple[Column, ...] = (
    Column("name", "客户姓名", "name"),
    Column("mobile", "手机号", "mobile"),
    Column("id_number", "证件号", "id_number", required=False),
    Column("rm_id", "理财经理工号", "rm_id"),
    Column("as_of", "数据日期", "as_of"),
    Column("deposits", "存款", "deposits"),
    Column("loans", "贷款", "loans"),
    Column("wealth_products", "理财产品", "wealth_products"),
    Column("funds", "基金", "funds"),
    Column("insurance", "保险", "insurance"),
    Column("intermediary", "中间业务", "intermediary"),
    Column("assets_elsewhere", "他行资产", "assets_elsewhere"),
    Column("family", "家庭", "family"),
    Column("occupation", "职业", "occupation"),
    Column("social_standing", "社会地位", "social_standing"),
    Column("branch", "网点", "branch", required=False),
)
_RATING_COLUMNS = {"family": scoring.FAMILY, "occupation": scoring.OCCUPATION, "social_standing": scoring.SOCIAL}


@dataclass(frozen=True)
class ClientImportResult:
    rows: int
    new_clients: int
    updated_clients: int
    tier_moves: int


@dataclass(frozen=True)
class _Row:
    row: int
    branch_id: int
    name: str
    mobile: str
    id_number: str | None
    rm_id: int
    as_of: dt.date
    amounts: dict[str, Decimal]
    ratings: dict[str, int | None]  # None: the cell was empty, the client's rating stays


class _Staff(NamedTuple):
    id: int
    role: Role
    active: bool
    branch_id: int


def _branches(s: Session, table: Table) -> tuple[dict[str, int], int | None]:
    """Branch ids by code, and the one branch rows without a ``网点/branch`` cell belong to (None: several)."""
    by_code = {code: bid for bid, code in s.execute(select(Branch.id, Branch.code))}
    if not by_code:
        raise ValidationError([FieldProblem(table.header("branch", CLIENT_COLUMNS), msg("no_branch"),
                                            table.header_row)])
    only = next(iter(by_code.values())) if len(by_code) == 1 else None
    if only is None and not table.has("branch"):
        raise ValidationError([FieldProblem(table.header("branch", CLIENT_COLUMNS), msg("branch_ambiguous"),
                                            table.header_row)])
    return by_code, only


def _check_rows(s: Session, db: Database, table: Table) -> tuple[list[_Row], list[FieldProblem]]:
    h = {col.key: table.header(col.key, CLIENT_COLUMNS) for col in CLIENT_COLUMNS}
    today = db.today()
    by_code, only = _branches(s, table)
    staff = {no: _Staff(sid, role, active, bid) for sid, no, role, active, bid in
             s.execute(select(Staff.id, Staff.staff_no, Staff.role, Staff.active, Staff.branch_id))
             if bid is not None}  # the head office belongs to no branch: no one's referrer or RM
    first_seen: dict[tuple[int, str], int] = {}
    rows: list[_Row] = []
    problems: list[FieldProblem] = []
    for row, cells in table.rows:
        p = v.Problems(row=row)
        t = table.texts(cells)
        code = t.get("branch")
        branch_id = only if not code else by_code.get(code.strip())
        if branch_id is None:
            p.add(h["branch"], "required" if not code else "branch_unknown", value=(code or "").strip()[:32])
        name = p.run(partial(v.person_name, h["name"], t.get("name")))
        mobile = p.run(partial(v.mobile, h["mobile"], t.get("mobile")))
        id_no = p.run(partial(v.id_number, h["id_number"], t.get("id_number"), today=today))
        rm_text = (t.get("rm_id") or "").strip()
        rm = staff.get(rm_text)
        if not rm_text:
            p.add(h["rm_id"], "required")
        elif rm is None or rm.role != Role.RM or not rm.active or (branch_id is not None and rm.branch_id != branch_id):
            p.add(h["rm_id"], "rm_not_active", value=rm_text[:32])
        snap = scoring.SnapshotInput(table.raw(cells, "as_of"),
                                     *(table.raw(cells, k) for k in scoring.SNAPSHOT_AMOUNTS))
        as_of, amounts = scoring.check_snapshot(p, snap, today=today, fields=h)
        ratings = {factor: scoring.check_rating(p, h[col], table.raw(cells, col))
                   for col, factor in _RATING_COLUMNS.items()}
        if branch_id is not None and mobile is not None:
            seen = first_seen.setdefault((branch_id, mobile), row)
            if seen != row:
                p.add(h["mobile"], "duplicate_in_file", row=seen)
        problems.extend(p.items)
        problems.extend(unnamed_cells(table, row, cells))
        if not p and branch_id is not None and name and mobile and rm is not None and as_of is not None:
            rows.append(_Row(row, branch_id, name, mobile, id_no, rm.id, as_of, amounts, ratings))
    return rows, problems


@retrying
def _write(db: Database, actor: Actor, table: Table, rows: Sequence[_Row]) -> ClientImportResult:
    h_id = table.header("id_number", CLIENT_COLUMNS)
    with db.write() as s:
        existing = {(c.branch_id, c.mobile): c for c in _existing(s, rows)}
        late = [FieldProblem(h_id, msg("id_number_differs"), r.row) for r in rows
                if r.id_number and (c := existing.get((r.branch_id, r.mobile))) is not None
                and c.id_number and c.id_number != r.id_number]
        if late:
            raise ValidationError(sorted_problems(late, table))
        now = db.now()
        rules: dict[int, scoring.Rules] = {}
        new = updated = moves = 0
        for r in rows:
            c = existing.get((r.branch_id, r.mobile))
            if c is None:
                c = Client(branch_id=r.branch_id, name=r.name, mobile=r.mobile, interests=[], tier=Tier.NONE, score=0,
                           gender=Gender.UNKNOWN, created_at=now)
                s.add(c)
                new += 1
            else:
                updated += 1
                stamp(db, actor, c)
            if r.id_number and not c.id_number:
                c.id_number = r.id_number
                c.birth_date = v.birth_date_of(r.id_number)
                c.gender = Gender(v.gender_of(r.id_number))
            c.rm_id = r.rm_id
            for factor, rating in r.ratings.items():
                if rating is not None:
                    setattr(c, f"rating_{factor}", rating)
            try:
                s.flush()
            except IntegrityError:  # the same mobile saved on another workstation meanwhile
                raise Conflict(msg("import_busy")) from None
            s.add(scoring.new_snapshot(c.id, r.as_of, r.amounts, actor, now))
            s.flush()
            if r.branch_id not in rules:
                rules[r.branch_id] = scoring.rules_for(s, r.branch_id)
            if scoring.rescore(s, db, actor, c, cause=TierCause.IMPORT, rules=rules[r.branch_id]) is not None:
                moves += 1
        s.flush()
        audit.record(s, db, actor, "import", "client", None, f"rows={len(rows)} new={new} tier_moves={moves}")
        return ClientImportResult(len(rows), new, updated, moves)


def _existing(s: Session, rows: Sequence[_Row]) -> list[Client]:
    found: list[Client] = []
    by_branch: dict[int, list[str]] = {}
    for r in rows:
        by_branch.setdefault(r.branch_id, []).append(r.mobile)
    for branch_id, mobiles in by_branch.items():
        for i in range(0, len(mobiles), 500):
            found.extend(s.scalars(select(Client).where(Client.branch_id == branch_id,
                                                        Client.mobile.in_(mobiles[i:i + 500]))))
    return found


def import_clients(db: Database, actor: Actor, path: Path) -> ClientImportResult:
    """Check every row, then create or update the clients, their snapshots and ratings and score them."""
    require(actor, Action.CLIENT_IMPORT)
    table = read_table(path, CLIENT_COLUMNS)
    with db.read() as s:
        rows, problems = _check_rows(s, db, table)
    if problems:
        raise ValidationError(sorted_problems(problems, table))
    result = _write(db, actor, table, rows)
    log.info("imported %d client rows (%d new)", result.rows, result.new_clients)
    return result
