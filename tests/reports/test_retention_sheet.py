"""The monthly sheet's account-closure retention section (docs/retention.md): per RM, the month's records
and their results in the PDF's extracted text and in the workbook; not on the daily sheet."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from models import Client, RetentionRecord, Role, Tier
from services import retention
from services.reports import export_report
from tests.reports.conftest import pdf_text, rows_by_staff, totals_row

SECTION = "四、优质客户异动销户挽留（按理财经理）"
FLAG = {"moves": ["close_account"], "amount_band": "500k_1m", "reason": "service"}


@pytest.fixture
def month(db, f, clock):  # type: ignore[no-untyped-def]
    """R01: retained 2, lost 1, open 1; R02: partly 1, normal closure 1; R03: nothing; December: R01 one."""
    r1, r2 = f.staff(Role.RM, staff_no="R01", name="张经理"), f.staff(Role.RM, staff_no="R02", name="李经理")
    f.staff(Role.RM, staff_no="R03", name="王经理")
    teller = f.actor(f.staff(Role.TELLER, staff_no="T01"))
    lobby = f.staff(Role.LOBBY_MANAGER, staff_no="L01")

    def flagged(rm, result: str | None) -> None:  # type: ignore[no-untyped-def]
        filed = f.referral(lobby, rm, name="钱多多")
        with db.write() as s:
            s.execute(update(Client).where(Client.id == filed.client_id).values(tier=Tier.CORE, rm_id=rm.id))
        rid = retention.flag(db, teller, filed.client_id, **FLAG)
        if result is None:
            return
        with db.read() as s:
            v = int(s.scalar(select(RetentionRecord.version).where(RetentionRecord.id == rid)))
        if result != "normal_closure":
            v = retention.record_action(db, f.actor(rm), rid, kind="talk", version=v)
        retention.close(db, f.actor(rm), rid, result=result, version=v)

    for result in ("retained", "lost", None, "retained"):
        flagged(r1, result)
    for result in ("partly_retained", "normal_closure"):
        flagged(r2, result)
    clock.advance(days=12)  # 2026-12-02
    flagged(r1, None)


def test_the_monthly_pdf_counts_retention_records_and_results_per_rm(db, f, month, tmp_path):
    text = pdf_text(export_report(db, f.system, "monthly", dt.date(2026, 11, 1), tmp_path / "m.pdf"))
    assert SECTION in text
    section = text[text.index(SECTION):]
    assert rows_by_staff(section, 6) == {"R01": (4, 2, 0, 1, 0, 1), "R02": (2, 0, 1, 0, 1, 0),
                                         "R03": (0, 0, 0, 0, 0, 0)}
    assert totals_row(section, 6) == (6, 2, 1, 1, 1, 1)
    assert "钱多多" not in text and "钱*多" not in text
    for words in ("登记数", "挽留成功", "部分挽留", "流失", "正常销户", "未结束"):
        assert words in section, words
    december = pdf_text(export_report(db, f.system, "monthly", dt.date(2026, 12, 1), tmp_path / "d.pdf"))
    assert totals_row(december[december.index(SECTION):], 6) == (1, 0, 0, 0, 0, 1)


def test_the_daily_and_weekly_sheets_have_no_retention_section(db, f, month, tmp_path):
    for kind in ("daily", "weekly"):
        text = pdf_text(export_report(db, f.system, kind, dt.date(2026, 11, 20), tmp_path / f"{kind}.pdf"))
        assert SECTION not in text


def test_the_monthly_workbook_has_a_retention_sheet(db, f, month, tmp_path):
    wb = load_workbook(export_report(db, f.system, "monthly", dt.date(2026, 11, 1), tmp_path / "m.xlsx"))
    assert wb.sheetnames[-1] == "异动销户"
    rows = list(wb["异动销户"].iter_rows(values_only=True))
    assert rows[0] == ("工号", "姓名", "登记数", "挽留成功", "部分挽留", "流失", "正常销户", "未结束")
    body = {r[0]: r[2:] for r in rows[1:] if r[0] not in ("合计", None) and str(r[0]).startswith("R")}
    assert body == {"R01": (4, 2, 0, 1, 0, 1), "R02": (2, 0, 1, 0, 1, 0), "R03": (0, 0, 0, 0, 0, 0)}
    assert next(r[2:] for r in rows if r[0] == "合计") == (6, 2, 1, 1, 1, 1)


def test_records_of_a_client_without_an_rm_have_their_own_line(db, f, clock, tmp_path):
    rm = f.staff(Role.RM, staff_no="R01")
    filed = f.referral(f.staff(Role.LOBBY_MANAGER), rm)
    with db.write() as s:
        s.execute(update(Client).where(Client.id == filed.client_id).values(tier=Tier.ORDINARY_PREMIUM, rm_id=None))
    retention.flag(db, f.actor(f.staff(Role.TELLER)), filed.client_id, **FLAG)
    text = pdf_text(export_report(db, f.system, "monthly", dt.date(2026, 11, 1), tmp_path / "m.pdf"))
    section = text[text.index(SECTION):]
    line = next(ln for ln in section.splitlines() if "未指定" in ln)
    assert line.split()[-6:] == ["1", "0", "0", "0", "0", "1"]
