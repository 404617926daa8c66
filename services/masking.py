"""One ``mask(value, kind)`` for every place client data is shown (docs/product.md "Privacy and security")."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    MOBILE = "mobile"
    ID_NUMBER = "id_number"
    BANK_CARD = "bank_card"
    NAME = "name"
    ADDRESS = "address"
    AMOUNT = "amount"


_DISTRICT_SUFFIXES = ("区", "县", "旗", "市")


def _keep_ends(value: str, head: int, tail: int) -> str:
    if len(value) <= head + tail:
        return "*" * len(value)
    return value[:head] + "*" * (len(value) - head - tail) + value[-tail:]


def mask(value: object, kind: Kind | str) -> str:
    """Mask ``value`` for a viewer who is not entitled to see it in full.

    mobile ``138****5678``; ID number ``340***********001X`` (the birth date
    never shows); bank card first 6 and last 4; name ``张*`` / ``欧**娜``;
    address cut after the district; amounts hidden entirely.
    """
    if value is None:
        return ""
    kind = Kind(kind)
    text = str(value).strip()
    if not text:
        return ""
    if kind is Kind.MOBILE:
        return _keep_ends(text, 3, 4)
    if kind is Kind.ID_NUMBER:
        return _keep_ends(text, 3, 4)
    if kind is Kind.BANK_CARD:
        digits = text.replace(" ", "")
        return _keep_ends(digits, 6, 4)
    if kind is Kind.NAME:
        if len(text) == 1:
            return "*"
        if len(text) == 2:
            return text[0] + "*"
        return text[0] + "*" * (len(text) - 2) + text[-1]
    if kind is Kind.ADDRESS:
        for i, ch in enumerate(text):
            if ch in _DISTRICT_SUFFIXES and i >= 1:
                # Keep up to the first district-level suffix after the city.
                rest = text[i + 1 :]
                if ch == "市" and any(s in rest[:6] for s in ("区", "县")):
                    continue
                return text[: i + 1] + "***"
        return text[:6] + "***" if len(text) > 6 else text
    if kind is Kind.AMOUNT:
        return "***"  # an unentitled viewer learns nothing, not even the magnitude
    raise ValueError(kind)  # pragma: no cover
