"""The diary day as a one-page A4 PDF: masked, the CJK font embedded, the export audited (docs/diary.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from sqlalchemy import select, update

from models import AuditEvent, Client, FollowUp, Role, Tier
from services import diary, followups, referrals
from services.db import BRANCH_TZ
from services.errors import ValidationError
from tests.reports.conftest import pdf_text

TODAY = dt.date(2026, 11, 20)


def _seed(db, f):  # type: ignore[no-untyped-def]
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM, name="林经理")
    me = f.actor(rm)
    filed = f.referral(lobby, rm, status="pending", name="钱多多", mobile="13912345678",
                       contact_at=dt.datetime.combine(TODAY, dt.time(16), BRANCH_TZ))
    assert filed.follow_up_id is not None
    followups.record_contact(db, me, filed.follow_up_id, channel="phone", result="appointment",
                             appointment_at=dt.datetime.combine(TODAY, dt.time(15), BRANCH_TZ), place="贵宾室")
    met = f.referral(lobby, rm, name="李富贵", mobile="13987654321")
    referrals.record_outcome(db, me, met.id, met=True, deal=True, products="基金", amount="12345.67")
    with db.write() as s:
        s.execute(update(Client).where(Client.id == met.client_id).values(rm_id=rm.id, tier=Tier.CORE))
    diary.add_plan(db, me, met.client_id, TODAY, "call")
    return rm, me


def test_the_day_prints_on_one_page_masked_with_the_font_embedded(db, f, tmp_path):
    rm, me = _seed(db, f)
    out = tmp_path / "diary.pdf"
    exported = diary.export_day(db, me, rm.id, TODAY, out)
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=1)
    fonts = {str(font.get("/BaseFont")) for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}  # type: ignore[index, union-attr]
    assert any("WenQuanYi" in name for name in fonts)
    text = pdf_text(out)
    assert "客户经理工作日志" in text and "林经理" in text and "2026-11-20" in text
    assert "钱*多" in text and "139****5678" in text and "李*贵" in text
    for full in ("钱多多", "13912345678", "李富贵", "13987654321"):
        assert full not in text
    assert "12,345.67" in text  # the day's total, never a client's own line
    assert "贵宾室" in text and "营销成果" in text and "计划电话" in text
    assert exported.items == 5 and exported.printed == 5
    with db.read() as s:
        event = s.execute(select(AuditEvent.action, AuditEvent.detail).where(AuditEvent.entity == "diary")).one()
    assert event.action == "export" and "day=2026-11-20" in str(event.detail)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_day_too_long_for_a_page_prints_what_fits_and_says_how_many_more(db, f, tmp_path, lang):
    from services.i18n import language, set_language

    before = language()
    set_language(lang)
    try:
        _too_long(db, f, tmp_path, lang)
    finally:
        set_language(before)


def _too_long(db, f, tmp_path, lang: str) -> None:  # type: ignore[no-untyped-def]
    lobby, rm = f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM)
    for n in range(60):
        filed = f.referral(lobby, rm, status="pending", name="客户", mobile=f"1380000{n:04d}")
        with db.write() as s:
            s.execute(update(FollowUp).where(FollowUp.id == filed.follow_up_id)
                      .values(next_contact_date=TODAY - dt.timedelta(days=1)))
    out = tmp_path / "long.pdf"
    exported = diary.export_day(db, f.actor(rm), rm.id, TODAY, out)
    assert len(PdfReader(str(out)).pages) == 1
    more = f"另有 {60 - exported.printed} 条未打印" if lang == "zh_CN" else f"{60 - exported.printed} more lines"
    assert exported.printed < 60 and more in pdf_text(out)


def test_english_and_a_wrong_file_name(db, f, tmp_path, english):
    rm, me = _seed(db, f)
    out = tmp_path / "diary.pdf"
    diary.export_day(db, me, rm.id, TODAY, out)
    text = pdf_text(out)
    assert "work diary" in text and "Plan against done" in text and "Appointment" in text
    with pytest.raises(ValidationError):
        diary.export_day(db, me, rm.id, TODAY, tmp_path / "diary.txt")
