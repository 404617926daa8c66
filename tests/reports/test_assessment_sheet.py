"""The monthly assessment sheet read back: PDF text and .xlsx cells (docs/assessment.md "The sheet")."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from models import AuditEvent, Role
from services import assessment, targets
from services.errors import PermissionDenied, ValidationError
from tests.reports.conftest import pdf_text
from tests.services.test_targets_assessment import GOOD, NOV, _record_work


@pytest.fixture
def month(db, f):  # type: ignore[no-untyped-def]
    rm, sup = f.staff(Role.RM, name="李理财", staff_no="R01"), f.staff(Role.SUPERVISOR, staff_no="S01")
    f.staff(Role.RM, name="赵理财", staff_no="R02")
    ids = _record_work(db, sup.branch_id, rm.id)
    targets.set_targets(db, f.actor(sup), rm.id, NOV, GOOD, 0)
    assessment.set_rating(db, f.actor(sup), rm.id, NOV, 7, 0)
    assessment.add_item(db, f.actor(sup), rm.id, NOV, 5, "retention", "挽留了客户 13812345678")
    return rm, sup, ids


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_pdf_holds_each_rms_points_sources_and_signature_lines(db, f, month, tmp_path):
    rm, sup, ids = month
    out = assessment.export(db, f.actor(sup), NOV, tmp_path / "考核.pdf")
    text = _flat(pdf_text(out))
    (sheet,) = [a for a in assessment.assess(db, f.actor(sup), NOV) if a.rm_id == rm.id]
    assert "客户经理月度考核表" in text and "2026-11" in text
    assert f"R01 李理财 {sheet.marketing:.1f} {sheet.service:.1f} {sheet.process:.1f} 5.0 {sheet.total:.1f}" in text
    (idle,) = [a for a in assessment.assess(db, f.actor(sup), NOV) if a.rm_id != rm.id]
    assert f"R02 赵理财 0.0 {idle.service:.1f}" in text  # no planned client; no complaint against them
    assert f"联络#{ids['contacts'][0]} 11-03 王*明" in text  # a source: id, date, masked client
    assert f"跟进#{ids['late']} 11-10 欧**娜 逾期" in text
    assert "尚无记录来源" not in text and "维护计划执行" in text and "客户投诉" in text  # every figure has its records
    assert "客户经理（签字）" in text and "主管（签字）" in text
    assert "王小明" not in text and "13812345678" not in text and "250000" not in text  # no amounts, no reasons
    with db.read() as s:
        detail = s.scalar(select(AuditEvent.detail).where(AuditEvent.entity == "assessment",
                                                          AuditEvent.action == "export"))
    assert detail == "month=2026-11 format=pdf rows=2"


def test_the_pdf_in_english(db, f, month, tmp_path, english):
    _rm, sup, _ids = month
    text = _flat(pdf_text(assessment.export(db, f.actor(sup), NOV, tmp_path / "a.pdf")))
    assert "Monthly assessment of relationship managers" in text
    assert "Relationship manager (signature)" in text


def test_the_xlsx_holds_the_same(db, f, month, tmp_path):
    rm, sup, ids = month
    wb = load_workbook(assessment.export(db, f.actor(sup), NOV, tmp_path / "a.xlsx"))
    assert wb.sheetnames == ["得分汇总", "考核明细"]
    rows = list(wb["得分汇总"].iter_rows(values_only=True))
    (sheet,) = [a for a in assessment.assess(db, f.actor(sup), NOV) if a.rm_id == rm.id]
    assert rows[1][:2] == ("R01", "李理财") and rows[1][5] == pytest.approx(5) and rows[1][6] == pytest.approx(
        float(sheet.total))
    detail = [r for r in wb["考核明细"].iter_rows(values_only=True) if r[0] == "R01"]
    contacts = next(r for r in detail if r[3] == "联络次数")
    assert contacts[4] == "3 / 10" and contacts[5] == pytest.approx(2.4) and f"#{ids['contacts'][2]}" in contacts[8]


def test_an_rm_exports_only_their_own_and_the_suffix_is_checked(db, f, month, tmp_path):
    rm, _sup, _ids = month
    text = _flat(pdf_text(assessment.export(db, f.actor(rm), NOV, tmp_path / "mine.pdf")))
    assert "R01 李理财" in text and "R02" not in text
    with pytest.raises(ValidationError):
        assessment.export(db, f.actor(rm), NOV, tmp_path / "mine.csv")
    with pytest.raises(PermissionDenied):
        assessment.export(db, f.actor(f.staff(Role.LOBBY_MANAGER)), NOV, tmp_path / "x.pdf")
