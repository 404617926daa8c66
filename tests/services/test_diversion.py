"""Ordinary clients diverted, not referred (docs/diversion.md): counted per staff member, on every sheet."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import func, select

from models import AuditEvent, Diversion, Referral, Role
from services import dayclose, diversion, referrals, stats
from services.errors import DayClosed, PermissionDenied, ValidationError
from services.imports import import_referrals
from services.reports import export_report
from tests.reports.conftest import pdf_text
from tests.services.test_imports import ZH_REFERRAL_HEADER, write_csv


@pytest.fixture
def lobby_team(f):  # type: ignore[no-untyped-def]
    return {
        "L01": f.staff(Role.LOBBY_MANAGER, staff_no="L01", name="王丽华"),
        "T01": f.staff(Role.TELLER, staff_no="T01", name="陈晓燕"),
        "R01": f.staff(Role.RM, staff_no="R01", name="张伟"),
        "S01": f.staff(Role.SUPERVISOR, staff_no="S01", name="赵主管"),
        "A01": f.staff(Role.ADMIN, staff_no="A01", name="林管理"),
    }


def _divert(db, f, who, *wheres: str) -> None:  # type: ignore[no-untyped-def]
    for where in wheres:
        diversion.record(db, f.actor(who), where)


def test_a_diversion_is_counted_with_no_client_data_and_audited(db, f, lobby_team):
    lobby = lobby_team["L01"]
    new_id = diversion.record(db, f.actor(lobby), "self_service")
    with db.read() as s:
        row = s.get(Diversion, new_id)
        ev = s.scalars(select(AuditEvent).where(AuditEvent.entity == "diversion")).one()
    assert row is not None and row.staff_id == lobby.id and row.business_date == db.today()
    assert (ev.action, ev.entity_id, ev.detail, ev.actor_staff_no) == ("create", new_id, "to=self_service", "L01")
    assert diversion.my_count_today(db, f.actor(lobby)) == diversion.DiversionCounts(lobby.id, 1, 0)


def test_a_bad_destination_and_the_administrator_are_refused(db, f, lobby_team):
    with pytest.raises(ValidationError) as err:
        diversion.record(db, f.actor(lobby_team["L01"]), "atm_outside")
    assert err.value.problems[0].field == "guided_to"
    with pytest.raises(PermissionDenied):
        diversion.record(db, f.actor(lobby_team["A01"]), "counter")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Diversion)) == 0


def test_a_closed_day_takes_no_more_diversions(db, f, lobby_team):
    dayclose.close_day(db, f.actor(lobby_team["S01"]), db.today(), force_reason="测试关账")
    with pytest.raises(DayClosed):
        diversion.record(db, f.actor(lobby_team["T01"]), "counter")


def test_the_referral_service_refuses_an_ordinary_client_by_field(db, f, lobby_team):
    with pytest.raises(ValidationError) as err:
        f.referral(lobby_team["L01"], lobby_team["R01"], client_type="ordinary")
    (problem,) = err.value.problems
    assert problem.field == "client_type" and "分流" in problem.message
    filed = f.referral(lobby_team["L01"], lobby_team["R01"], client_type="to_win")
    version = referrals.list_referrals(db, f.actor(lobby_team["L01"]), None)[0].version
    with pytest.raises(ValidationError) as err:
        referrals.update_referral(db, f.actor(lobby_team["S01"]), filed.id, version, client_type="ordinary")
    assert err.value.problems[0].field == "client_type"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == 1


def test_an_imported_ordinary_client_is_a_row_problem(db, f, lobby_team, tmp_path):
    path = write_csv(tmp_path / "refs.csv", [
        ZH_REFERRAL_HEADER,
        ["2026/11/19", "10:00", "L01", "周杰", "13912345678", "", "待争取优质客户", "已推介", "R01", "大堂", "", ""],
        ["2026/11/19", "10:05", "L01", "吴敏", "13812345678", "", "个人普通客户", "已推介", "R01", "大堂", "", ""],
    ])
    with pytest.raises(ValidationError) as err:
        import_referrals(db, f.system, path)
    assert [(p.row, p.field) for p in err.value.problems] == [(3, "客户类型")]
    assert "分流" in err.value.problems[0].message
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == 0


def _sheet_world(db, f, clock, team):  # type: ignore[no-untyped-def]
    f.referral(team["L01"], team["R01"], client_type="to_win")
    _divert(db, f, team["L01"], "self_service", "self_service", "counter")
    _divert(db, f, team["T01"], "counter")
    clock.advance(days=1)  # Saturday: the same week and month, not the same day
    _divert(db, f, team["T01"], "self_service", "self_service")


def test_the_sheets_count_diversions_per_staff_member(db, f, clock, lobby_team):
    _sheet_world(db, f, clock, lobby_team)
    friday = dt.date(2026, 11, 20)

    def figures(sheet: stats.Sheet) -> dict[str, tuple[int, int, int]]:
        assert sheet.diversions is not None
        return {r.staff.staff_no: (r.self_service, r.counter, r.total) for r in sheet.diversions.rows}

    day = stats.daily(db, f.system, friday)
    assert figures(day) == {"L01": (2, 1, 3), "T01": (0, 1, 1)}
    assert day.diversions is not None and day.diversions.total == 4
    assert day.referrer_totals.referrals == 1  # beside the referrals, not among them
    assert figures(stats.weekly(db, f.system, friday)) == {"L01": (2, 1, 3), "T01": (2, 1, 3)}
    month = stats.monthly(db, f.system, friday)
    assert month.diversions is not None and (month.diversions.self_service, month.diversions.counter) == (4, 2)


def test_the_daily_pdf_and_xlsx_show_the_diversion_counts(db, f, clock, lobby_team, tmp_path):
    _sheet_world(db, f, clock, lobby_team)
    friday = dt.date(2026, 11, 20)
    text = pdf_text(export_report(db, f.system, "daily", friday, tmp_path / "daily.pdf"))
    assert "普通客户分流统计" in text
    block = text[text.index("普通客户分流统计"):]
    lines = {ln.split()[0]: ln.split()[-3:] for ln in block.splitlines() if ln.split()}
    assert lines["L01"] == ["2", "1", "3"] and lines["T01"] == ["0", "1", "1"]
    assert lines["合计"] == ["2", "2", "4"]
    wb = openpyxl.load_workbook(export_report(db, f.system, "daily", friday, tmp_path / "daily.xlsx"))
    ws = wb["分流"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[1][0] == "L01" and values[1][-3:] == [2, 1, 3]
    assert values[-1][0] == "合计" and values[-1][-3:] == [2, 2, 4]
