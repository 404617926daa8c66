"""The .xlsx export: a header row, frozen panes, numbers as numbers, the same figures as the PDF."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from services.reports import export_report
from tests.reports.conftest import (
    DAY,
    DAY_REFERRER_TOTALS,
    DAY_REFERRERS,
    DAY_RM_TOTALS,
    DAY_RMS,
    NOV_REFERRERS,
    OCT_REFERRERS,
)


def table(ws, width: int) -> tuple[list[str], dict[str, tuple[int, ...]], tuple[int, ...]]:  # type: ignore[no-untyped-def]
    rows = list(ws.iter_rows(values_only=True))
    header = [str(v) for v in rows[0]]
    body = {r[0]: tuple(r[-width:]) for r in rows[1:] if r[0] != "合计"}
    totals = next(tuple(r[-width:]) for r in rows[1:] if r[0] == "合计")
    return header, body, totals


def test_daily_xlsx_has_header_frozen_panes_and_numeric_cells(db, f, known_day, tmp_path):
    out = export_report(db, f.system, "daily", DAY, tmp_path / "daily.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == ["概要", "推介人", "理财经理", "分流"]  # 分流: docs/diversion.md
    assert wb.properties.title == "推介统计表 2026-11-20" and wb.properties.creator == "测试支行"
    ws = wb["推介人"]
    header, body, totals = table(ws, 11)
    assert header[:7] == ["工号", "姓名", "岗位", "推介数", "已推介", "待跟进", "作废"]
    assert ws.freeze_panes == "D2"
    assert body == DAY_REFERRERS and totals == DAY_REFERRER_TOTALS
    cell = ws["D2"]
    assert isinstance(cell.value, int) and cell.data_type == "n" and cell.number_format == "#,##0"
    header, body, totals = table(wb["理财经理"], 9)
    assert header[3] == "接收推介" and wb["理财经理"].freeze_panes == "D2"
    assert body == DAY_RMS and totals == DAY_RM_TOTALS
    summary = {r[0]: r[1] for r in wb["概要"].iter_rows(values_only=True)}
    assert summary["网点"] == "测试支行（0001）" and summary["日终核对"] == "未关闭"


def test_monthly_xlsx_pairs_each_figure_with_last_month(db, f, known_day, tmp_path):
    out = export_report(db, f.system, "monthly", dt.date(2026, 11, 1), tmp_path / "monthly.xlsx")
    ws = load_workbook(out)["推介人"]
    header, body, _ = table(ws, 22)
    assert header[3:5] == ["推介数（本月）", "推介数（上月）"]
    assert body["L01"][0::2] == NOV_REFERRERS["L01"] and body["L01"][1::2] == OCT_REFERRERS["L01"]


def test_no_client_data_in_the_workbook(db, f, known_day, tmp_path):
    out = export_report(db, f.system, "daily", DAY, tmp_path / "daily.xlsx")
    wb = load_workbook(out)
    cells = " ".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    for secret in known_day.mobiles + known_day.id_numbers:
        assert secret not in cells
