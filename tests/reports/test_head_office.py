"""The head office (docs/head-office.md): an account of no branch, every branch's sheets with the
per-branch breakdown, the branch ranking and the monthly figures; on both engines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from models import Branch, BranchSettings, Role, Staff
from services import accounts, headoffice, imports, stats
from services.accounts import StaffInfo
from services.errors import PermissionDenied, ValidationError
from services.permissions import Actor
from services.reports import export_report
from services.stats import BranchLine, ReferrerFigures, RmFigures
from tests.reports.conftest import DAY, DAY_REFERRER_TOTALS, DAY_RM_TOTALS, NOV_REFERRER_TOTALS, pdf_text

PASSWORD = "Passw0rd!"


@dataclass
class SecondBranch:
    head_office: Actor
    teller: StaffInfo
    rm: StaffInfo


def add_branch(db, code: str, name: str) -> int:  # type: ignore[no-untyped-def]
    with db.write() as s:
        b = Branch(code=code, name=name)
        s.add(b)
        s.flush()
        s.add(BranchSettings(branch_id=b.id, abandon_after_attempts=3, idle_lock_minutes=10,
                             score_weights={}, interests=[]))
        return b.id


def head_office_actor(db, f, staff_no: str = "H01") -> Actor:  # type: ignore[no-untyped-def]
    info, _ = accounts.add_staff(db, f.system, staff_no=staff_no, name="分行汇总", role="分行管理",
                                 password=PASSWORD, must_change_password=False)
    return f.actor(info)


@pytest.fixture
def second(db, f, known_day, clock) -> SecondBranch:  # type: ignore[no-untyped-def]
    """Branch 0002 on the known day: two referrals (one referred with a deal, one pending) and an
    overdue follow-up from the Tuesday before."""
    from tests.reports.conftest import local

    add_branch(db, "0002", "第二支行")
    teller, _ = accounts.add_staff(db, f.system, staff_no="X01", name="钱柜员", role="teller", password=PASSWORD,
                                   must_change_password=False, branch_code="0002")
    rm, _ = accounts.add_staff(db, f.system, staff_no="Y01", name="冯理财", role="rm", password=PASSWORD,
                               must_change_password=False, branch_code="0002")
    now = clock.now
    clock.now = local(dt.date(2026, 11, 17), 9).astimezone(dt.timezone.utc)
    f.referral(teller, rm, status="pending", name="乙行客户一", contact_at=local(dt.date(2026, 11, 18), 10))
    clock.now = local(DAY, 9).astimezone(dt.timezone.utc)
    deal = f.referral(teller, rm, status="referred", name="乙行客户二")
    from services import referrals

    referrals.record_outcome(db, f.actor(rm), deal.id, met=True, deal=True, products="理财产品", amount="10000")
    f.referral(teller, rm, status="pending", name="乙行客户三")
    clock.now = now
    return SecondBranch(head_office_actor(db, f), teller, rm)


# --- the account ------------------------------------------------------------------------------

def test_a_head_office_account_belongs_to_no_branch_and_signs_in(db, f):
    info, _ = accounts.add_staff(db, f.system, staff_no="H01", name="分行汇总", role="分行管理",
                                 password=PASSWORD, must_change_password=True)
    assert info.role is Role.HEAD_OFFICE and info.branch_id is None
    signed = accounts.authenticate(db, "H01", PASSWORD)
    assert signed.must_change_password and signed.actor.branch_id is None
    assert signed.actor.role == "head_office"
    accounts.change_password(db, signed.actor, None, "Newpassw0rd", "Newpassw0rd")
    again = accounts.authenticate(db, "H01", "Newpassw0rd")
    assert not again.must_change_password
    assert accounts.verify_password(db, again.actor, "Newpassw0rd")  # the idle lock's check
    with pytest.raises(PermissionDenied):
        again.actor.home_branch  # noqa: B018  # whatever needs a branch refuses the head office


def test_a_head_office_account_takes_no_branch(db, f):
    add_branch(db, "0002", "第二支行")
    with pytest.raises(ValidationError) as err:
        accounts.add_staff(db, f.system, staff_no="H01", name="分行汇总", role="head_office", branch_code="0002")
    assert [p.field for p in err.value.problems] == ["branch"]
    with db.read() as s:
        assert s.scalar(select(Staff.id).where(Staff.staff_no == "H01")) is None


def test_only_the_head_office_may_lack_a_branch_in_the_database(db, f):
    with pytest.raises(IntegrityError), db.write() as s:
        s.add(Staff(branch_id=None, staff_no="Z01", name="无网点", role=Role.TELLER, active=True,
                    failed_logins=0, must_change_password=True, created_at=db.now()))
    with db.write() as s:
        s.add(Staff(branch_id=None, staff_no="Z02", name="分行", role=Role.HEAD_OFFICE, active=True,
                    failed_logins=0, must_change_password=True, created_at=db.now()))
    with db.read() as s:
        assert s.scalar(select(Staff.branch_id).where(Staff.staff_no == "Z02")) is None


def test_staff_import_creates_a_head_office_account_without_a_branch(db, f, tmp_path: Path):
    add_branch(db, "0002", "第二支行")
    path = tmp_path / "staff.csv"
    path.write_text("工号,姓名,岗位,网点\nH02,总行甲,分行管理,\nT09,柜员乙,柜员,0002\n", encoding="utf-8")
    result = imports.import_staff(db, f.system, path)
    assert [a.role for a in result.accounts] == [Role.HEAD_OFFICE, Role.TELLER]
    with db.read() as s:
        rows = {no: bid for no, bid in s.execute(
            select(Staff.staff_no, Staff.branch_id).where(Staff.staff_no.in_(["H02", "T09"])))}
        b2 = s.scalar(select(Branch.id).where(Branch.code == "0002"))
    assert rows == {"H02": None, "T09": b2}


def test_staff_import_refuses_a_head_office_row_naming_a_branch(db, f, tmp_path: Path):
    path = tmp_path / "staff.csv"
    path.write_text("工号,姓名,岗位,网点\nH03,总行乙,head_office,0001\nT10,柜员丙,柜员,0001\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        imports.import_staff(db, f.system, path)
    assert [(p.row, p.field) for p in err.value.problems] == [(2, "网点")]
    with db.read() as s:  # one bad row: nobody is created
        assert s.scalar(select(Staff.id).where(Staff.staff_no.in_(["H03", "T10"]))) is None


# --- the consolidated sheets --------------------------------------------------------------------

def _sum_lines(lines: tuple[BranchLine, ...]) -> tuple[ReferrerFigures, RmFigures]:
    return ReferrerFigures.total(ln.referrers for ln in lines), RmFigures.total(ln.rms for ln in lines)


@pytest.mark.parametrize("kind", ["daily", "weekly", "monthly"])
def test_the_sheets_break_every_branch_down_and_add_up(db, f, known_day, second, kind):
    sheet = stats.build_sheet(db, second.head_office, kind, DAY, all_branches=True)
    assert sheet.branch is None and sheet.branch_count == 2
    assert [ln.branch.code for ln in sheet.branches] == ["0001", "0002"]
    referrers, rms = _sum_lines(sheet.branches)
    assert referrers == sheet.referrer_totals and rms == sheet.rm_totals
    first, other = sheet.branches
    if kind == "daily":
        assert first.referrers.values() == DAY_REFERRER_TOTALS and first.rms.values() == DAY_RM_TOTALS
        # 0002 on the day: a referred one with a deal (converted) and a pending one; Tuesday's is overdue.
        assert (other.referrers.referrals, other.referrers.deals, other.referrers.converted) == (2, 1, 1)
        assert other.rms.overdue == 1
    if kind == "monthly":
        assert first.referrers.values() == NOV_REFERRER_TOTALS
        assert first.previous_referrers is not None and other.previous_referrers == ReferrerFigures()
        assert sheet.previous is not None
        assert ReferrerFigures.total(ln.previous_referrers for ln in sheet.branches
                                     if ln.previous_referrers) == sheet.previous.referrer_totals
    # the head office is nobody's line
    assert all(r.staff.role is not Role.HEAD_OFFICE for r in (*sheet.referrers, *sheet.rms))


def test_the_head_office_has_no_branch_sheet_of_its_own(db, f, known_day, second, tmp_path):
    with pytest.raises(PermissionDenied):
        stats.daily(db, second.head_office, DAY)
    with pytest.raises(PermissionDenied):
        export_report(db, second.head_office, "daily", DAY, tmp_path / "own.pdf")
    assert not (tmp_path / "own.pdf").exists()


def test_a_branch_sheet_has_no_breakdown(db, f, known_day):
    assert stats.daily(db, f.system, DAY).branches == ()


def test_the_pdf_shows_the_breakdown(db, f, known_day, second, tmp_path):
    out = export_report(db, second.head_office, "daily", DAY, tmp_path / "all.pdf", all_branches=True)
    text = pdf_text(out)
    assert "分网点汇总：推介" in text and "分网点汇总：理财经理跟进" in text
    first = next(ln for ln in text.splitlines() if ln.startswith("0001 测试支行"))
    assert tuple(int(n) for n in first.split()[2:]) == DAY_REFERRER_TOTALS
    second_line = next(ln for ln in text.splitlines() if ln.startswith("0002 第二支行"))
    assert int(second_line.split()[2]) == 2  # 0002's referrals on the day


def test_the_workbook_shows_the_breakdown(db, f, known_day, second, tmp_path):
    out = export_report(db, second.head_office, "monthly", DAY, tmp_path / "all.xlsx", all_branches=True)
    wb = load_workbook(out)
    assert wb.sheetnames[:3] == ["概要", "分网点推介", "分网点跟进"]
    rows = list(wb["分网点推介"].iter_rows(values_only=True))
    body = {r[0]: r for r in rows[1:-1]}
    assert set(body) == {"0001", "0002"} and body["0002"][1] == "第二支行"
    # monthly: this month and last month side by side, per figure
    assert tuple(body["0001"][2::2]) == NOV_REFERRER_TOTALS
    totals = rows[-1]
    assert totals[0] == "合计" and totals[2] == NOV_REFERRER_TOTALS[0] + 3  # 0002's three referrals


# --- the ranking and the monthly figures -----------------------------------------------------------

def test_the_ranking_agrees_with_the_sheets(db, f, known_day, second):
    for kind in ("daily", "weekly", "monthly"):
        start, end = stats.period_of(kind, DAY)
        ranking = headoffice.branch_ranking(db, second.head_office, start, end)
        sheet = stats.build_sheet(db, second.head_office, kind, DAY, all_branches=True)
        assert [r.branch.code for r in ranking] == ["0001", "0002"]
        for rank, line in zip(ranking, sheet.branches, strict=True):
            assert (rank.referrals, rank.converted, rank.overdue) == (
                line.referrers.referrals, line.referrers.converted, line.rms.overdue), kind
    day = headoffice.branch_ranking(db, second.head_office, DAY, DAY)
    assert day[1].conversion_rate == pytest.approx(0.5)
    empty = headoffice.branch_ranking(db, second.head_office, dt.date(2025, 1, 1), dt.date(2025, 1, 1))
    assert [r.conversion_rate for r in empty] == [None, None]


def test_the_ranking_refuses_a_backwards_or_endless_period(db, f, second):
    with pytest.raises(ValidationError):
        headoffice.branch_ranking(db, second.head_office, DAY, DAY - dt.timedelta(days=1))
    with pytest.raises(ValidationError):
        headoffice.branch_ranking(db, second.head_office, DAY - dt.timedelta(days=400), DAY)


def test_only_the_head_office_ranks_branches(db, f, known_day):
    for no in ("S01", "L01", "A01"):
        with pytest.raises(PermissionDenied):
            headoffice.branch_ranking(db, f.actor(known_day.staff[no]), DAY, DAY)
    with pytest.raises(PermissionDenied):
        headoffice.branch_month_figures(db, f.system, DAY)


def test_the_monthly_figures_are_the_monthly_sheets_per_branch(db, f, known_day, second):
    lines = headoffice.branch_month_figures(db, second.head_office, DAY)
    sheet = stats.monthly(db, second.head_office, DAY, all_branches=True)
    assert [ln.branch.code for ln in lines] == ["0001", "0002"]
    assert [(ln.referrers, ln.rms, ln.previous_referrers) for ln in lines] == [
        (ln.referrers, ln.rms, ln.previous_referrers) for ln in sheet.branches]
