"""Hostile text in the exports: names that look like formulas, escape sequences, control characters,
emoji, very long strings — never a crash, never a formula cell, never a control character in the output
(docs/files-and-faults.md "Hostile output")."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from models import Role
from services.accounts import BranchInfo
from services.reports.pdf import render_pdf
from services.reports.xlsx import render_xlsx
from services.stats import ClosedInfo, Kind, ReferrerFigures, ReferrerRow, RmFigures, RmRow, Sheet, StaffLine

FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r", "\t=", "\r\n="]
HOSTILE_PIECES = [
    "=CMD|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "=HYPERLINK(\"http://x\")", "\x1b[31m", "\x1b]0;pwned\x07",
    "\x00", "\u202e", "\u2028", "😀", "👨\u200d👩\u200d👧", "<b>", "&amp;", "</para>", "'; DROP TABLE x; --", "张三",
]
hostile_text = st.one_of(
    st.text(max_size=60),
    st.builds(lambda a, b: a + b, st.sampled_from(FORMULA_STARTS), st.text(max_size=30)),
    st.lists(st.sampled_from(HOSTILE_PIECES), min_size=1, max_size=6).map("".join),
    st.text(min_size=500, max_size=2000),
)


FAST = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow],
        "phases": [Phase.explicit, Phase.reuse, Phase.generate]}  # shrinking a PDF case takes minutes


def is_control(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") and ch not in "\n\u200d"


def sheet_with(branch_name: str, staff_name: str, staff_no: str, by: str) -> Sheet:
    staff = StaffLine(branch_id=1, branch_code="0001", staff_id=1, staff_no=staff_no, name=staff_name,
                      role=Role.RM, active=True)
    return Sheet(
        kind=Kind.DAILY, period_start=dt.date(2026, 11, 20), period_end=dt.date(2026, 11, 20),
        branch=BranchInfo(1, "0001", branch_name), branch_count=1,
        referrers=(ReferrerRow(staff, ReferrerFigures(referrals=1, referred=1)),),
        rms=(RmRow(staff, RmFigures(received=1)),),
        referrer_totals=ReferrerFigures(referrals=1, referred=1), rm_totals=RmFigures(received=1),
        closed=ClosedInfo(closed=0, days=1), generated_at=dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.timezone.utc),
        generated_by=by, generated_by_no=staff_no,
    )


@settings(max_examples=60, **FAST)
@given(branch=hostile_text, name=hostile_text, staff_no=hostile_text, by=hostile_text)
def test_xlsx_never_holds_a_formula_or_a_control_character(branch, name, staff_no, by):
    out = io.BytesIO()
    render_xlsx(sheet_with(branch, name, staff_no, by), out)
    out.seek(0)
    wb = load_workbook(out)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not any(is_control(ch) for ch in cell.value), (cell.coordinate, cell.value)
                    if cell.value.startswith(("=", "+", "-", "@")):
                        assert cell.quotePrefix, (cell.coordinate, cell.value)
    assert not any(is_control(ch) for ch in wb.properties.creator or "")


def test_a_formula_branch_name_is_text_exactly_as_typed():
    out = io.BytesIO()
    render_xlsx(sheet_with("=CMD|' /C calc'!A0", "-张三", "@R01", "+李四"), out)
    out.seek(0)
    wb = load_workbook(out)
    values = {c.value: c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    for text in ("-张三", "@R01"):
        assert values[text].data_type == "s" and values[text].quotePrefix
    branch_cell = next(c for v, c in values.items() if "=CMD|' /C calc'!A0" in v)
    assert branch_cell.data_type == "s"


# The PDF's extracted text shows a glyph the font lacks (an emoji, a rare letter) as NUL too, so the
# strict test draws from letters the bundled font has plus every kind of control character.
CONTROLS = "".join(chr(c) for c in [*range(0, 32), 127, 0x85, 0x200E, 0x202E, 0x2028, 0x2029, 0xFEFF])
in_font = st.text(alphabet=st.sampled_from(
    list("abcXYZ019=+-@'\"<>&;|!/:() ·张三李四网点支行") + list(CONTROLS)), max_size=40)


@settings(max_examples=20, **FAST)
@given(branch=in_font, name=in_font, staff_no=in_font, by=in_font)
def test_pdf_prints_no_control_character(branch, name, staff_no, by):
    out = io.BytesIO()
    render_pdf(sheet_with(branch, name, staff_no, by), out)
    out.seek(0)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert not any(is_control(ch) for ch in text)
    assert "\x1b" not in text


@settings(max_examples=10, **FAST)
@given(branch=hostile_text, name=hostile_text, staff_no=hostile_text, by=hostile_text)
def test_pdf_never_crashes_on_hostile_names(branch, name, staff_no, by):
    out = io.BytesIO()
    render_pdf(sheet_with(branch, name, staff_no, by), out)
    assert PdfReader(io.BytesIO(out.getvalue())).pages
