"""Golden cases of the one mask() of docs/product.md "Privacy and security"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from services.masking import mask


@pytest.mark.parametrize("value,kind,expected", [
    ("13812345678", "mobile", "138****5678"),
    ("34010419900101001X", "id_number", "340***********001X"),
    ("110105194912310021", "id_number", "110***********0021"),
    ("6222021234567890123", "bank_card", "622202*********0123"),
    ("6222 0212 3456 7890", "bank_card", "622202******7890"),
    ("张三", "name", "张*"),
    ("欧阳娜", "name", "欧*娜"),
    ("欧阳娜娜", "name", "欧**娜"),
    ("李", "name", "*"),
    ("安徽省合肥市蜀山区长江西路100号", "address", "安徽省合肥市蜀山区***"),
    ("北京市朝阳区建国路88号", "address", "北京市朝阳区***"),
    (Decimal("1234567.89"), "amount", "***"),
    (None, "mobile", ""),
    ("", "name", ""),
])
def test_mask(value, kind, expected):
    assert mask(value, kind) == expected


def test_id_mask_never_shows_birth_date():
    masked = mask("34010419900101001X", "id_number")
    assert "19900101" not in masked and "1990" not in masked
