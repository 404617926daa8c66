"""Field checks of docs/product.md "Bad input": mobile, ID number (GB 11643), names, notes, dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services import validation as v
from services.errors import ValidationError
from tests.factories import make_id_number

TODAY = dt.date(2026, 11, 20)


@pytest.mark.parametrize("raw,clean", [
    ("13812345678", "13812345678"),
    ("+86 138 1234 5678", "13812345678"),
    ("138-1234-5678", "13812345678"),
    ("0086 19912345678", "19912345678"),
    ("１３８１２３４５６７８", "13812345678"),  # full-width digits from a Chinese IME
])
def test_mobile_accepted(raw, clean):
    assert v.mobile("m", raw) == clean


@pytest.mark.parametrize("raw", ["1381234567", "138123456789", "12812345678", "10012345678", "1381234567a",
                                 "23812345678", "138 1234\x005678"])
def test_mobile_refused(raw):
    with pytest.raises(ValidationError) as err:
        v.mobile("client_mobile", raw)
    assert list(err.value.fields) == ["client_mobile"]


def test_known_valid_id_numbers():
    assert v.id_number("id", "11010519491231002X", today=TODAY) == "11010519491231002X"
    assert v.id_number("id", "11010519491231002x", today=TODAY) == "11010519491231002X"
    assert v.id_number("id", "１１０１０５１９４９１２３１００２Ｘ", today=TODAY) == "11010519491231002X"


@pytest.mark.parametrize("raw,key", [
    ("110105491231002", "15 位"),          # old 15-digit numbers are refused with their own message
    ("11010519491231002", "18 位"),
    ("11010519491231002Y", "只能是数字"),
    ("99010519491231002X", "地区"),
    ("110105194902300021", "出生"),       # 30 February
    ("110105203001010011", "出生"),       # born in the future
    ("110105194912310021", "校验"),
])
def test_id_number_refused_with_reason(raw, key):
    with pytest.raises(ValidationError) as err:
        v.id_number("client_id_number", raw, today=TODAY)
    message = err.value.fields["client_id_number"]
    assert key in message


valid_ids = st.builds(
    lambda birth, seq, region: make_id_number(birth, seq, region),
    st.dates(min_value=dt.date(1920, 1, 1), max_value=TODAY),
    st.integers(min_value=0, max_value=999),
    st.sampled_from(["110105", "310101", "340104", "440305", "510107", "650102"]),
)


@given(valid_ids)
def test_generated_numbers_are_valid(id_no):
    assert v.id_number("id", id_no, today=TODAY) == id_no


@settings(max_examples=300)
@given(valid_ids, st.integers(min_value=0, max_value=17), st.sampled_from("0123456789X"))
def test_every_single_character_change_is_rejected(id_no, pos, char):
    if id_no[pos] == char:
        return
    changed = id_no[:pos] + char + id_no[pos + 1:]
    with pytest.raises(ValidationError):
        v.id_number("id", changed, today=TODAY)


@pytest.mark.parametrize("raw", ["张三", "欧阳娜娜", "阿依古丽·买买提", "Anna Müller", " 李四 "])
def test_names_accepted(raw):
    assert v.person_name("n", raw) == raw.strip()


@pytest.mark.parametrize("raw,key", [("", "必填"), ("   ", "必填"), ("12345", "数字"), ("张3", "数字"),
                                     ("张" * 31, "30"), ("张三\x07", "控制"), ("张三🙂", "文字")])
def test_names_refused(raw, key):
    with pytest.raises(ValidationError) as err:
        v.person_name("client_name", raw)
    assert key in err.value.fields["client_name"]


def test_note_limits_and_literal_text():
    assert v.clean_text("note", "'; DROP TABLE x;-- 🙂", max_len=500) == "'; DROP TABLE x;-- 🙂"
    assert v.clean_text("note", "两行\n备注", max_len=500, multiline=True) == "两行\n备注"
    with pytest.raises(ValidationError):
        v.clean_text("note", "x" * 501, max_len=500)
    with pytest.raises(ValidationError):
        v.clean_text("note", "bell\x07", max_len=500, multiline=True)


def test_dates():
    assert v.parse_date("d", "2026/11/20") == dt.date(2026, 11, 20)
    assert v.parse_date("d", "2026-1-2") == dt.date(2026, 1, 2)
    with pytest.raises(ValidationError):
        v.parse_date("d", "2026/02/30")
    with pytest.raises(ValidationError):
        v.parse_date("d", "20/11/2026")
    with pytest.raises(ValidationError):
        v.past_date("d", TODAY + dt.timedelta(days=1), today=TODAY)
    with pytest.raises(ValidationError):
        v.future_date("d", TODAY - dt.timedelta(days=1), today=TODAY)


def test_problems_collects_everything():
    p = v.Problems(row=7)
    p.run(lambda: v.mobile("mobile", "123"))
    p.run(lambda: v.person_name("name", "1"))
    with pytest.raises(ValidationError) as err:
        p.raise_if_any()
    assert [(x.row, x.field) for x in err.value.problems] == [(7, "mobile"), (7, "name")]
