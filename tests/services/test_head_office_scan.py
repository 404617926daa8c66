"""What the head office can reach, scanned (docs/head-office.md "No client's data"): signed in as
head_office on a demo database with two branches, every service and export the role may use is
walked, and no client's name, mobile or ID number (full or masked) appears in anything it gets;
none of it reads a personal-data table (on PostgreSQL the head office's scope returns no rows
there); every client-data service refuses the role."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import event, select

from models import Branch, BranchSettings, Client, Role, Staff
from services import (
    accounts,
    assessment,
    audit,
    clients,
    dayclose,
    diary,
    followups,
    headoffice,
    received,
    referrals,
    scoring,
    stats,
    weekly,
)
from services.db import Database
from services.demo import build_demo
from services.errors import PermissionDenied
from services.masking import mask
from services.permissions import Actor
from services.reports import export_report
from tests.factories import PASSWORD, Factories

# The tables whose rows say who a client is or what they hold; the head office's figures never read them.
PERSONAL_TABLES = ("client", "financial_snapshot", "reason_text", "contact_plan", "maintenance_record",
                   "tier_change")
_READS_PERSONAL = re.compile(r'\b(?:FROM|JOIN)\s+"?(' + "|".join(PERSONAL_TABLES) + r')"?\b', re.IGNORECASE)


@dataclasses.dataclass
class World:
    db: Database
    head_office: Actor
    rm_id: int
    client_id: int
    follow_up_id: int
    referral_id: int
    personal: list[str]


@pytest.fixture
def world(db: Database) -> World:
    build_demo(db)
    f = Factories(db)
    with db.write() as s:
        b = Branch(code="0002", name="第二支行")
        s.add(b)
        s.flush()
        s.add(BranchSettings(branch_id=b.id, abandon_after_attempts=3, idle_lock_minutes=10,
                             score_weights={}, interests=[]))
    teller, _ = accounts.add_staff(db, f.system, staff_no="X01", name="钱柜员", role="teller", password=PASSWORD,
                                   must_change_password=False, branch_code="0002")
    rm, _ = accounts.add_staff(db, f.system, staff_no="Y01", name="冯理财", role="rm", password=PASSWORD,
                               must_change_password=False, branch_code="0002")
    filed = f.referral(teller, rm, status="pending", name="欧阳乙行", client_id_number=None)
    f.referral(teller, rm, status="referred", name="司马乙行")
    with db.read() as s:  # the demo branch's supervisor submits the month (docs/assessment.md)
        boss = s.scalars(select(Staff).where(Staff.role == Role.SUPERVISOR, Staff.branch_id != b.id)).first()
        assert boss is not None
        boss_actor = Actor(boss.id, boss.staff_no, boss.name, boss.role.value, boss.branch_id)
    assessment.submit(db, boss_actor, db.today(), 0)
    accounts.add_staff(db, f.system, staff_no="H01", name="分行汇总", role="head_office",
                       password=PASSWORD, must_change_password=False)
    signed = accounts.authenticate(db, "H01", PASSWORD).actor
    assert signed.role == Role.HEAD_OFFICE and signed.branch_id is None
    personal: list[str] = []
    with db.read() as s:
        # A client who shares a staff member's name is not looked for: the sheets name the staff.
        staff_names = set(s.scalars(select(Staff.name)))
        for name, mobile, id_number in s.execute(select(Client.name, Client.mobile, Client.id_number)):
            if name not in staff_names:
                personal += [name, mask(name, "name")]
            if mobile:
                personal += [mobile, mask(mobile, "mobile")]
            if id_number:
                personal += [id_number, mask(id_number, "id_number")]
    assert filed.follow_up_id is not None
    return World(db, signed, rm.id, filed.client_id, filed.follow_up_id, filed.id, personal)


@pytest.fixture
def statements(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    yield seen
    event.remove(db.engine, "before_cursor_execute", record)


def _texts(value: object) -> Iterator[str]:
    """Every string inside a service's answer (dataclasses, tuples, lists)."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def _file_text(path: Path) -> str:
    if path.suffix == ".pdf":
        return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    wb = load_workbook(path)
    return "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None)


def test_the_head_office_reaches_no_client_data(world: World, statements: list[str], tmp_path: Path) -> None:
    db, ho = world.db, world.head_office
    today = db.today()
    reached: list[str] = []
    for kind in ("daily", "weekly", "monthly"):
        start, end = stats.period_of(kind, today)
        reached += _texts(headoffice.branch_ranking(db, ho, start, end))
        reached += _texts(stats.build_sheet(db, ho, kind, today, all_branches=True))
        for suffix in (".pdf", ".xlsx"):
            out = export_report(db, ho, kind, today, tmp_path / f"{kind}{suffix}", all_branches=True)
            reached.append(_file_text(out))
    reached += _texts(headoffice.branch_month_figures(db, ho, today))
    # The monthly assessment as submitted: every branch's line, each branch's per-RM rows (staff names).
    lines = headoffice.assessment_by_branch(db, ho, today)
    reached += _texts(lines)
    for line in lines:
        reached += _texts(headoffice.assessment_of_branch(db, ho, line.branch.id, today))
    assert [line.submitted for line in lines] == [True, False]
    for suffix in (".pdf", ".xlsx"):
        reached.append(_file_text(headoffice.export_assessment(db, ho, today, tmp_path / f"assessment{suffix}")))
    text = "\n".join(reached)
    # The walk saw real figures of both branches, so the scan is not of empty sheets.
    assert "第二支行" in text and "分网点汇总" in text
    leaked = sorted({p for p in world.personal if p in text})
    assert not leaked, leaked
    reads = sorted({m.group(1) for st in statements for m in [_READS_PERSONAL.search(st)] if m})
    assert not reads, f"the head office's figures read {reads}"


CLIENT_DATA_CALLS: dict[str, Callable[[World], object]] = {
    "clients.search": lambda w: clients.search_clients(w.db, w.head_office, "王"),
    "clients.profile": lambda w: clients.get_profile(w.db, w.head_office, w.client_id),
    "clients.reveal": lambda w: clients.reveal(w.db, w.head_office, w.client_id, "mobile"),
    "referrals.list_branch": lambda w: referrals.list_referrals(w.db, w.head_office, None, "branch"),
    "referrals.list_own": lambda w: referrals.list_referrals(w.db, w.head_office, None, "own"),
    "followups.queue": lambda w: followups.queue(w.db, w.head_office, rm_id=w.rm_id),
    "followups.contact": lambda w: followups.record_contact(
        w.db, w.head_office, w.follow_up_id, channel="phone", result="no_answer",
        next_contact_date=w.db.today() + dt.timedelta(days=1)),
    "received": lambda w: received.received(w.db, w.head_office, rm_id=w.rm_id),
    "diary.day": lambda w: diary.day(w.db, w.head_office, w.rm_id, w.db.today()),
    "weekly.summary": lambda w: weekly.summary(w.db, w.head_office, w.rm_id, w.db.today()),
    "weekly.branch": lambda w: weekly.branch_week(w.db, w.head_office, w.db.today()),
    "dayclose.reconciliation": lambda w: dayclose.reconciliation(w.db, w.head_office, w.db.today()),
    "audit.list": lambda w: audit.list_events(w.db, w.head_office),
    "scoring.settings": lambda w: scoring.score_settings(w.db, w.head_office),
    "report.branch_sheet": lambda w: stats.daily(w.db, w.head_office, w.db.today()),
    "accounts.staff": lambda w: accounts.staff_accounts(w.db, w.head_office),
    "assessment.assess": lambda w: assessment.assess(w.db, w.head_office, w.db.today()),
    "assessment.submit": lambda w: assessment.submit(w.db, w.head_office, w.db.today(), 0),
    "assessment.submission": lambda w: assessment.submission(w.db, w.head_office, w.db.today()),
}


def test_every_client_data_service_refuses_the_head_office(world: World, statements: list[str]) -> None:
    refused = []
    for name, call in CLIENT_DATA_CALLS.items():  # one demo for them all: building it takes seconds
        try:
            call(world)
        except PermissionDenied:
            refused.append(name)
    assert refused == list(CLIENT_DATA_CALLS)
    reads = sorted({m.group(1) for st in statements for m in [_READS_PERSONAL.search(st)] if m})
    assert not reads, f"a refused call read {reads}"


def test_the_scan_sees_a_read_of_a_personal_table(db: Database, statements: list[str]) -> None:
    """The statement check can fail: a client search reads ``client`` and is caught."""
    f = Factories(db)
    clients.search_clients(db, f.actor(f.staff(Role.SUPERVISOR)), "王")
    assert any(_READS_PERSONAL.search(st) for st in statements)
