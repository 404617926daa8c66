"""Every validator in services/validation.py against hostile text: control characters, escape sequences,
formula prefixes, emoji, very long strings. Each either returns a clean value or raises ValidationError
naming its field — never another exception, never a control character kept (docs/files-and-faults.md)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models import Channel
from services import validation as v
from services.errors import ValidationError

TODAY = dt.date(2026, 11, 20)
PIECES = ["=CMD|' /C calc'!A0", "+", "-", "@", "\t", "\r", "\n", "\x1b[2J", "\x1b]0;x\x07", "\x00", "\u202e",
          "\u2028", "\ufeff", "😀", "👨\u200d👩\u200d👧", "张", "·", " ", "1", "X", "'", "--", "/", "2026-11-20",
          "09:30",
          "138", "12345678", "3401", "."]
hostile = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
    st.text(min_size=300, max_size=3000),
    st.none(),
)


def controls(text: str, allowed: str = "") -> list[str]:
    return [ch for ch in text if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")
            and ch not in allowed + "\u200d"]


VALIDATORS: dict[str, Callable[[str | None], object]] = {
    "clean_text": lambda s: v.clean_text("f", s, max_len=v.NOTE_MAX),
    "clean_text_multiline": lambda s: v.clean_text("f", s, max_len=v.NOTE_MAX, multiline=True),
    "person_name": lambda s: v.person_name("f", s),
    "branch_name": lambda s: v.branch_name("f", s),
    "mobile": lambda s: v.mobile("f", s, required=False),
    "id_number": lambda s: v.id_number("f", s, today=TODAY),
    "choice": lambda s: v.choice("f", s, Channel),
    "parse_date": lambda s: v.parse_date("f", s),
    "parse_time": lambda s: v.parse_time("f", s),
    "amount": lambda s: v.amount("f", s),
    "reason": lambda s: v.reason("f", s),
}


@pytest.mark.parametrize("name", sorted(VALIDATORS))
@settings(max_examples=300, deadline=None)
@given(value=hostile)
def test_validators_return_clean_values_or_name_the_field(name, value):
    try:
        out = VALIDATORS[name](value)
    except ValidationError as exc:
        assert exc.problems and all(p.field == "f" and p.message for p in exc.problems)
        return
    if isinstance(out, str):
        allowed = "\n\t" if name == "clean_text_multiline" else ""
        assert not controls(out, allowed), (name, out)
        assert len(out) <= max(v.NOTE_MAX, v.BRANCH_NAME_MAX)
        assert not out.startswith(("\t", "\r"))
    if name == "amount" and out is not None:
        assert isinstance(out, Decimal) and out >= 0


@settings(max_examples=300, deadline=None)
@given(day=st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_past_dates_are_within_the_business_range_or_refused(day):
    try:
        out = v.past_date("date", day, today=TODAY)
    except ValidationError as exc:
        assert exc.problems[0].field == "date"
        assert day > TODAY or day < v.EARLIEST_DATE
        return
    assert v.EARLIEST_DATE <= out <= TODAY


def test_a_date_before_2000_is_refused_with_a_field_message():
    with pytest.raises(ValidationError) as caught:
        v.past_date("date", dt.date(1899, 1, 1), today=TODAY)
    assert caught.value.fields["date"].endswith("2000-01-01")
    assert v.past_date("date", v.EARLIEST_DATE, today=TODAY) == v.EARLIEST_DATE


@pytest.mark.parametrize("name", ["本网点\x1b[31m", "支行\x00", "=CMD|' /C calc'!A0\r\n", "网点\u202e", "a\u2028b"])
def test_branch_names_refuse_control_characters(name):
    with pytest.raises(ValidationError) as caught:
        v.branch_name("branch_name", name)
    assert "branch_name" in caught.value.fields


def test_branch_name_keeps_quotes_emoji_and_formula_lookalikes_as_typed():
    assert v.branch_name("b", " =SUM(A1) 😀 '支行' ") == "=SUM(A1) 😀 '支行'"


@settings(max_examples=300, deadline=None)
@given(text=hostile.filter(lambda s: s is not None))
def test_printable_leaves_no_control_character(text):
    out = v.printable(text)
    # Shown as visible escapes (``\x1b``), never sent; every printable character kept, in order.
    assert not controls(out) and len(out) >= len(text)
    it = iter(out)
    assert all(ch in it for ch in text if ch.isprintable() and not controls(ch))
