"""The PDF sheets as a reader sees them: every count in the extracted text, fonts embedded, no client data."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject
from sqlalchemy import select

from models import AuditEvent, DayClose
from services import stats
from services.errors import PermissionDenied, ValidationError
from services.reports import export_report
from services.reports.pdf import render_pdf
from tests.reports.conftest import (
    DAY,
    DAY_REFERRER_TOTALS,
    DAY_REFERRERS,
    DAY_RM_TOTALS,
    DAY_RMS,
    NOV_REFERRER_TOTALS,
    NOV_REFERRERS,
    NOV_RM_TOTALS,
    NOV_RMS,
    OCT_REFERRER_TOTALS,
    OCT_REFERRERS,
    OCT_RM_TOTALS,
    OCT_RMS,
    local,
    pdf_text,
    rows_by_staff,
    split_tables,
    totals_row,
)


def side_by_side(now: tuple[int, ...], before: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(n for pair in zip(now, before, strict=True) for n in pair)


def test_daily_pdf_holds_every_count_of_both_tables_and_the_totals(db, f, known_day, tmp_path):
    out = export_report(db, f.system, "daily", DAY, tmp_path / "daily.pdf")
    assert out == tmp_path / "daily.pdf"
    text = pdf_text(out)
    referrers, rms = split_tables(text)
    assert rows_by_staff(referrers, 11) == DAY_REFERRERS
    assert totals_row(referrers, 11) == DAY_REFERRER_TOTALS
    assert rows_by_staff(rms, 9) == DAY_RMS
    assert totals_row(rms, 9) == DAY_RM_TOTALS
    for words in ("测试支行（0001）", "2026-11-20", "命令行（工号 system）于 2026-11-20 13:30", "日终核对：未关闭",
                  "大堂经理（签字）", "理财中心负责人（签字）", "第 1 页 / 共 1 页", "吴柜员（停用）"):
        assert words in text, words
    # table 1's columns in the order of docs/product.md "Reports"
    header = referrers[: referrers.index("L01")]
    order = [header.index(w) for w in ("工号", "姓名", "岗位", "推介数", "已推介", "待跟进", "作废")]
    assert order == sorted(order)


def test_metadata_names_the_sheet_and_branch_and_nothing_else(db, f, known_day, tmp_path):
    out = export_report(db, f.system, "daily", DAY, tmp_path / "daily.pdf")
    meta = PdfReader(str(out)).metadata
    assert meta.title == "推介统计表 2026-11-20"
    assert meta.author == "测试支行"
    everything = " ".join(str(v) for v in meta.values())
    for secret in known_day.mobiles + known_day.id_numbers:
        assert secret not in everything


def test_no_full_mobile_or_id_number_of_the_days_clients_appears(db, f, known_day, tmp_path):
    out = export_report(db, f.system, "daily", DAY, tmp_path / "daily.pdf")
    text = pdf_text(out)
    raw = out.read_bytes()
    assert known_day.mobiles and known_day.id_numbers
    for secret in known_day.mobiles + known_day.id_numbers:
        assert secret not in text
        assert secret.encode() not in raw
    for name in ("客户甲", "客户乙"):
        assert name not in text


def _fonts(reader: PdfReader) -> list[DictionaryObject]:
    """Every font dictionary reachable from the pages, descendants of composite fonts included."""
    seen: list[DictionaryObject] = []

    def visit(resources: object) -> None:
        if isinstance(resources, IndirectObject):
            resources = resources.get_object()
        if not isinstance(resources, DictionaryObject):
            return
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            seen.append(font)
            for child in font.get("/DescendantFonts", []):
                seen.append(child.get_object())
        for xobj in (resources.get("/XObject") or {}).values():
            visit(xobj.get_object().get("/Resources"))

    for page in reader.pages:
        visit(page.get("/Resources"))
    return seen


@pytest.mark.parametrize("kind, day", [("daily", DAY), ("monthly", dt.date(2026, 11, 1))])
def test_every_font_is_embedded(db, f, known_day, tmp_path, kind, day):
    out = export_report(db, f.system, kind, day, tmp_path / f"{kind}.pdf")
    fonts = _fonts(PdfReader(str(out)))
    assert fonts
    for font in fonts:
        if font.get("/Subtype") == "/Type0":
            continue  # its glyphs live in the descendant, checked on its own
        descriptor = font.get("/FontDescriptor")
        assert descriptor is not None, f"{font.get('/BaseFont')} is not embedded"
        descriptor = descriptor.get_object()
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")
        assert "Helvetica" not in str(font.get("/BaseFont"))
    if shutil.which("pdffonts"):
        listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
        rows = listing.splitlines()[2:]
        assert rows and all(" yes yes " in row for row in rows), listing


def test_weekly_pdf_covers_the_iso_week(db, f, clock, known_day, tmp_path):
    staff = known_day.staff
    clock.now = local(dt.date(2026, 11, 22), 11).astimezone(dt.timezone.utc)
    f.referral(staff["T02"], staff["R03"], client_type="to_win", name="周日客")
    clock.now = local(dt.date(2026, 11, 23), 11).astimezone(dt.timezone.utc)
    f.referral(staff["T02"], staff["R03"], client_type="to_win", name="周一客")
    out = export_report(db, f.system, "weekly", DAY, tmp_path / "weekly.pdf")
    text = pdf_text(out)
    assert "2026-11-16 至 2026-11-22（第 47 周）" in text
    assert PdfReader(str(out)).metadata.title == "推介统计表 2026-W47"
    referrers, rms = split_tables(text)
    rows = rows_by_staff(referrers, 11)
    assert rows["T02"] == (1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0)  # Sunday's, not Monday's
    assert rows["M01"] == (2, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0)  # Tuesday's and Friday's
    assert totals_row(referrers, 11)[0] == 9
    assert rows_by_staff(rms, 9)["R03"][0] == 1
    assert "已关闭 0 / 7 天" in text


def test_monthly_pdf_shows_the_previous_month_beside(db, f, known_day, tmp_path):
    out = export_report(db, f.system, "monthly", dt.date(2026, 11, 1), tmp_path / "monthly.pdf")
    text = pdf_text(out)
    assert "2026-11（2026-11-01 至 2026-11-30）" in text and "对比上月：2026-10" in text
    referrers, rms = split_tables(text)
    got = rows_by_staff(referrers, 22)
    for no, now in NOV_REFERRERS.items():
        assert got[no] == side_by_side(now, OCT_REFERRERS.get(no, (0,) * 11)), no
    assert totals_row(referrers, 22) == side_by_side(NOV_REFERRER_TOTALS, OCT_REFERRER_TOTALS)
    got = rows_by_staff(rms, 18)
    for no, now in NOV_RMS.items():
        assert got[no] == side_by_side(now, OCT_RMS.get(no, (0,) * 9)), no
    assert totals_row(rms, 18) == side_by_side(NOV_RM_TOTALS, OCT_RM_TOTALS)
    assert text.count("本月") >= 20 and text.count("上月") >= 20


def test_closed_day_says_so(db, f, known_day, tmp_path):
    with db.write() as s:
        s.add(DayClose(branch_id=f.branch.id, business_date=DAY, closed=True))
    text = pdf_text(export_report(db, f.system, "daily", DAY, tmp_path / "d.pdf"))
    assert "日终核对：已关闭" in text


def test_english_labels(db, f, known_day, tmp_path, english):
    text = pdf_text(export_report(db, f.system, "daily", DAY, tmp_path / "en.pdf"))
    referrers, rms = split_tables(text, "1. Referrals by referrer", "2. Follow-up work by relationship manager")
    assert rows_by_staff(referrers, 11) == DAY_REFERRERS
    assert totals_row(rms, 9, "Total") == DAY_RM_TOTALS
    assert "Page 1 of 1" in text and "Lobby manager (signature)" in text


def test_export_is_audited_without_personal_data(db, f, known_day, tmp_path):
    export_report(db, f.system, "daily", DAY, tmp_path / "d.pdf")
    with db.read() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
    assert len(events) == 1
    assert events[0].entity == "report" and "kind=daily" in (events[0].detail or "")
    for secret in known_day.mobiles + known_day.id_numbers:
        assert secret not in (events[0].detail or "")


def test_permissions_are_checked(db, f, known_day, tmp_path):
    with pytest.raises(PermissionDenied):
        export_report(db, f.actor(known_day.staff["T01"]), "daily", DAY, tmp_path / "t.pdf")
    with pytest.raises(PermissionDenied):
        export_report(db, f.actor(known_day.staff["L01"]), "daily", DAY, tmp_path / "t.pdf", all_branches=True)
    assert not (tmp_path / "t.pdf").exists()
    export_report(db, f.actor(known_day.staff["L01"]), "daily", DAY, tmp_path / "lobby.pdf")
    assert (tmp_path / "lobby.pdf").stat().st_size > 0


def test_bad_output_is_refused_before_anything_is_written(db, f, known_day, tmp_path):
    folder = tmp_path / "sheets"
    folder.mkdir()
    with pytest.raises(ValidationError) as err:
        export_report(db, f.system, "daily", DAY, folder / "sheet.doc")
    assert "out" in err.value.fields
    with pytest.raises(ValidationError):
        export_report(db, f.system, "daily", DAY, folder / "missing" / "sheet.pdf")
    assert list(folder.iterdir()) == []


def test_a_failure_leaves_no_half_pdf(db, f, known_day, tmp_path, monkeypatch):
    folder = tmp_path / "sheets"
    folder.mkdir()
    out = folder / "daily.pdf"
    out.write_bytes(b"the sheet printed yesterday")

    def broken(sheet, fh):  # type: ignore[no-untyped-def]
        fh.write(b"%PDF-1.4 half a sheet")
        raise RuntimeError("disk full")

    monkeypatch.setattr("services.reports.pdf.render_pdf", broken)
    with pytest.raises(RuntimeError):
        export_report(db, f.system, "daily", DAY, out)
    assert out.read_bytes() == b"the sheet printed yesterday"
    assert sorted(p.name for p in folder.iterdir()) == ["daily.pdf"]


def test_header_repeats_on_every_page_of_a_long_sheet(tmp_path):
    sheet = _synthetic(130)
    out = tmp_path / "long.pdf"
    render_pdf(sheet, out)
    reader = PdfReader(str(out))
    pages = [p.extract_text() for p in reader.pages]
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"第 {number} 页 / 共 {len(pages)} 页" in text
    with_rows = [t for t in pages if "0001 S" in t]
    assert len(with_rows) >= 3
    for text in with_rows:
        assert "工号" in text and "推介数" in text  # the header row on that page
    assert "一、推介人统计（续）" in pages[1]
    all_rows = rows_by_staff("\n".join(pages), 11, lead=2)
    assert len(all_rows) == 130  # each row once: nothing lost or repeated at page breaks


def _synthetic(n: int) -> stats.Sheet:
    from models import Role

    referrers = tuple(
        stats.ReferrerRow(stats.StaffLine(1, "0001", i, f"S{i:04d}", "员工", Role.TELLER, True),
                          stats.ReferrerFigures(i % 7, i % 7))
        for i in range(n))
    return stats.Sheet(
        kind=stats.Kind.DAILY, period_start=DAY, period_end=DAY, branch=None, branch_count=1,
        referrers=referrers, rms=(), referrer_totals=stats.ReferrerFigures.total(r.figures for r in referrers),
        rm_totals=stats.RmFigures(), closed=stats.ClosedInfo(0, 1),
        generated_at=dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.timezone.utc), generated_by="命令行",
        generated_by_no="system",
    )


def test_pdf_written_for_a_path_object(tmp_path):
    out: Path = tmp_path / "p.pdf"
    render_pdf(_synthetic(3), out)
    assert out.read_bytes().startswith(b"%PDF")
