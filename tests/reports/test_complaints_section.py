"""The monthly sheet's complaints section (docs/complaints.md "Monthly summary"): counts by kind and timeliness
in the PDF's text and the workbook's cells, and no client data."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from models import Role
from services import complaints, stats
from services.complaints import ComplaintInput
from services.reports import export_report
from tests.reports.conftest import pdf_text

SAID = "柜员态度差，客户手机 13912345678"


def _story(db, f) -> None:  # type: ignore[no-untyped-def]
    """November (the clock stands at Friday 2026-11-20): fees 2 (1 on time, 1 late), waiting 2 (1 overdue, 1 not
    yet due), attitude 1 on time; one October complaint that must not count."""
    lobby = f.actor(f.staff(Role.LOBBY_MANAGER, name="周大堂"))

    def record(day: str, kind: str, name: str = "王小明") -> int:
        return complaints.record_complaint(db, lobby, ComplaintInput(
            received_on=day, channel="phone", kind=kind, content=SAID, client_name=name))

    complaints.reply(db, lobby, record("2026-11-18", "fees"), text="已退费")
    complaints.reply(db, lobby, record("2026-11-02", "fees"), text="已处理")
    record("2026-11-03", "waiting_time")
    record("2026-11-20", "waiting_time")
    complaints.reply(db, lobby, record("2026-11-19", "service_attitude"), text="已致歉")
    record("2026-10-28", "product")


# Received, on time, late, open overdue, open not yet due.
FEES, WAITING, ATTITUDE, TOTAL = (2, 1, 1, 0, 0), (2, 0, 0, 1, 1), (1, 1, 0, 0, 0), (5, 2, 1, 1, 1)


def test_the_monthly_sheet_carries_the_counts_and_the_daily_sheet_does_not(db, f):
    _story(db, f)
    sheet = stats.monthly(db, f.system, dt.date(2026, 11, 1))
    assert sheet.complaints is not None
    assert (sheet.complaints.total.received, sheet.complaints.total.on_time) == (5, 2)
    assert stats.daily(db, f.system, dt.date(2026, 11, 20)).complaints is None


def test_the_monthly_pdf_shows_each_kind_and_the_totals(db, f, tmp_path):
    _story(db, f)
    text = pdf_text(export_report(db, f.system, "monthly", dt.date(2026, 11, 1), tmp_path / "m.pdf"))
    assert "五、客户投诉（按类别与时效）" in text
    tokens = text[text.index("五、客户投诉"):text.index("注：按受理日期")].split()
    # Each row reads as its label followed by its five figures (one cell a line, or one row a line).
    rows = {tokens[i]: tuple(int(n) for n in tokens[i + 1:i + 6]) for i in range(len(tokens) - 5)
            if not tokens[i].isdigit() and all(n.isdigit() for n in tokens[i + 1:i + 6])}
    assert rows["收费"] == FEES and rows["排队等候"] == WAITING and rows["服务态度"] == ATTITUDE
    assert rows["产品"] == (0, 0, 0, 0, 0)  # October's is not November's
    assert rows["合计"] == TOTAL
    assert "13912345678" not in text and "王小明" not in text


def test_the_monthly_workbook_has_a_complaints_sheet(db, f, tmp_path):
    _story(db, f)
    wb = load_workbook(export_report(db, f.system, "monthly", dt.date(2026, 11, 1), tmp_path / "m.xlsx"))
    ws = wb["客户投诉"]
    rows = [tuple(c.value for c in row) for row in ws.iter_rows()]
    assert rows[0] == ("投诉类别", "受理", "按时回复", "逾期回复", "未回复·已逾期", "未回复·未到期")
    body = {r[0]: r[1:6] for r in rows[1:8] if r and r[0]}
    assert body["收费"] == FEES and body["合计"] == TOTAL
    assert isinstance(body["收费"][0], int)
    cells = " ".join(str(c.value) for s in wb.worksheets for row in s.iter_rows() for c in row if c.value)
    assert "13912345678" not in cells and "王小明" not in cells


def test_english_labels(db, f, tmp_path, english):
    _story(db, f)
    text = pdf_text(export_report(db, f.system, "monthly", dt.date(2026, 11, 1), tmp_path / "m.pdf"))
    assert "5. Client complaints by kind and timeliness" in text and "Answered on time" in text
