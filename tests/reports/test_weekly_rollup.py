"""The branch's weekly roll-up read back: the PDF's text and the .xlsx cells hold each RM's figures, on time /
late / missing and the findings; no full mobile or ID number anywhere; every export audited."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from models import AuditEvent
from services import weekly
from services.errors import PermissionDenied, ValidationError
from tests.reports.conftest import pdf_text
from tests.weekly_support import FRIDAY_DUE, MONDAY, seed_week

UTC = dt.timezone.utc
# Staff ID, name, state, submitted at, then phone sms email letter visit all, made held, converted not-premium
# abandoned, met deals amount, overdue.
R01_LINE = "R01 王理财 按时 11-20 10:00 2 1 0 0 1 4 1 1 1 1 1 2 1 12,345.60 1"
R02_LINE = "R02 刘理财 迟交 11-20 19:30 1 0 0 0 0 1 0 0 0 0 0 0 0 0.00 1"
R03_LINE = "R03 陈理财 未交 0 0 0 0 0 0 0 0 0 0 0 0 0 0.00 0"
TOTAL_LINE = "合计 3 1 0 0 1 5 1 1 1 1 1 2 1 12,345.60 2"


@pytest.fixture
def week(db, f, clock):  # type: ignore[no-untyped-def]
    kw = seed_week(db, f, clock)
    findings = (f"客户甲（{kw.mobiles[1]}，身份证 {kw.id_numbers[1]}）想买稳健理财。\n"
                "建议：周六加开理财沙龙。\n=HYPERLINK(\"http://x\")")
    weekly.submit(db, f.actor(kw.rm1), MONDAY, findings)
    clock.now = (FRIDAY_DUE + dt.timedelta(hours=2)).astimezone(UTC)
    weekly.submit(db, f.actor(kw.rm2), MONDAY, "本周联系客户较少。")
    return kw


def _flat(text: str) -> str:
    return " ".join(text.split())


def _no_full_numbers(text: str, week) -> None:  # type: ignore[no-untyped-def]
    for number in (*week.mobiles, *week.id_numbers):
        assert number not in text
    assert not re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", text)


def test_the_pdf_holds_each_rms_figures_state_and_findings(db, f, week, tmp_path):
    out = weekly.export_rollup(db, f.actor(week.sup), MONDAY + dt.timedelta(days=2), tmp_path / "周报.pdf")
    text = pdf_text(out)
    flat = _flat(text)
    for line in (R01_LINE, R02_LINE, R03_LINE, TOTAL_LINE):
        assert line in flat, flat
    assert "每周工作进度汇总表" in flat and "2026-11-16 至 2026-11-22" in flat and "提交期限：2026-11-20 17:30" in flat
    assert "按时 1 人 · 迟交 1 人 · 未交 1 人" in flat
    assert "建议：周六加开理财沙龙。" in flat and "本周联系客户较少。" in flat and "（未提交）" in flat
    assert "139****0001" in flat  # the mobile typed into the findings, masked in print
    _no_full_numbers(text, week)
    with db.read() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.entity == "weekly_summary",
                                                AuditEvent.action == "export")).one()
    assert ev.detail == "week=2026-11-16 format=pdf rows=3" and ev.actor_id == week.sup.id


def test_the_pdf_in_english(db, f, week, tmp_path, english):
    text = _flat(pdf_text(weekly.export_rollup(db, f.actor(week.sup), MONDAY, tmp_path / "week.pdf")))
    assert "Weekly progress summary" in text and "1 on time · 1 late · 1 missing" in text
    assert R01_LINE.replace("按时", "on time") in text


def test_the_xlsx_holds_the_same_and_a_formula_stays_text(db, f, week, tmp_path):
    out = weekly.export_rollup(db, f.actor(week.sup), MONDAY, tmp_path / "周报.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == ["概要", "本周工作量", "发现与建议"]
    rows = [[c for c in r] for r in wb["本周工作量"].iter_rows(values_only=True)]
    assert rows[1][:4] == ["R01", "王理财", "按时", "11-20 10:00"]
    assert rows[1][4:] == [2, 1, 0, 0, 1, 4, 1, 1, 1, 1, 1, 2, 1, pytest.approx(12345.60), 1]
    assert rows[2][2] == "迟交" and rows[3][2] == "未交"
    assert rows[4][0] == "合计" and rows[4][4:9] == [3, 1, 0, 0, 1]
    notes = {r[0]: r[3] for r in wb["发现与建议"].iter_rows(min_row=2, values_only=True)}
    assert notes["R02"] == "本周联系客户较少。" and notes["R03"] == "（未提交）"
    cell = next(c for c in wb["发现与建议"]["D"] if c.row == 2)
    assert cell.data_type == "s" and "=HYPERLINK" in str(cell.value)  # text, never a formula
    everything = "\n".join(str(v) for ws in wb for r in ws.iter_rows(values_only=True) for v in r if v is not None)
    _no_full_numbers(everything, week)
    with db.read() as s:
        details = s.scalars(select(AuditEvent.detail).where(AuditEvent.entity == "weekly_summary",
                                                            AuditEvent.action == "export")).all()
    assert details == ["week=2026-11-16 format=xlsx rows=3"]


def test_only_the_supervisor_exports_and_only_pdf_or_xlsx(db, f, week, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(PermissionDenied):
        weekly.export_rollup(db, f.actor(week.rm1), MONDAY, tmp_path / "x.pdf")
    with pytest.raises(ValidationError):
        weekly.export_rollup(db, f.actor(week.sup), MONDAY, tmp_path / "x.csv")
    with pytest.raises(ValidationError):
        weekly.export_rollup(db, f.actor(week.sup), MONDAY, tmp_path / "missing" / "x.pdf")
    assert list(tmp_path.iterdir()) == []
    with db.read() as s:
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all() == []


def test_scrub_masks_ids_and_mobiles_but_not_other_numbers():
    from services.reports.weekly_rollup import scrub

    assert scrub("电话13912345678，金额 12345678.90，身份证 11010519491231002X。") == \
        "电话139****5678，金额 12345678.90，身份证 110***********002X。"
    assert scrub("订单号 2139123456789") == "订单号 2139123456789"  # 13 digits: not a mobile


def test_the_files_are_written_whole(db, f, week, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = weekly.export_rollup(db, f.actor(week.sup), MONDAY, tmp_path / "周报.pdf")
    assert out.read_bytes().startswith(b"%PDF") and [p.name for p in tmp_path.iterdir()] == ["周报.pdf"]
    assert isinstance(out, Path)
