"""Checks for every field people type (docs/product.md "Bad input"); each returns the clean value or raises.

Validators raise ``ValidationError`` for one field; ``Problems`` collects them
so a form or an import row reports every problem at once.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from services.errors import FieldProblem, ValidationError
from services.i18n import msg

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)

NAME_MAX = 30
NOTE_MAX = 500
BRANCH_NAME_MAX = 64
# The earliest business date a referral (or any past event) may carry: the lobby referral procedure
# and every spreadsheet this program imports are younger; 1899-01-01 is a typo, not history
# (docs/files-and-faults.md "Dates").
EARLIEST_DATE = dt.date(2000, 1, 1)
# Control, format (bidi overrides, invisible marks), lone surrogates, and the Unicode line and
# paragraph separators: none belongs in a field, and all of them can disturb a terminal or a sheet.
_CONTROL_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
MOBILE_RE = re.compile(r"1[3-9]\d{9}")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
# GB/T 2260 province-level codes (mainland), plus 71 台湾, 81 香港, 82 澳门, 83 (residence permits).
PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
    "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83",
})
_NAME_EXTRA = frozenset("·• .-'")


def fail(field: str, key: str, **kw: object) -> ValidationError:
    return ValidationError([FieldProblem(field, msg(key, **kw))])


def has_control(text: str, *, allow_newline: bool = False) -> bool:
    for ch in text:
        if allow_newline and ch in "\n\t":
            continue
        if unicodedata.category(ch) in _CONTROL_CATEGORIES and ch != "\u200d":  # ZWJ joins emoji
            return True
    return False


def _escaped(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, limit: int | None = None) -> str:
    """``text`` safe for a terminal or a log line: every control, format or separator character

    (ESC and the rest of C0/C1, DEL, bidirectional overrides, zero-width marks,
    line and paragraph separators) is written as a visible ``\\x1b``-style
    escape, so an escape sequence in a file is shown, never obeyed; cut to
    ``limit`` characters plus "…" when longer.
    """
    out: list[str] = []
    for ch in text:
        # The zero-width joiner stays: it only glues emoji together (👨‍👩‍👧).
        if ch == "\u200d" or (ch.isprintable() and unicodedata.category(ch) not in ("Cf", "Zl", "Zp")):
            out.append(ch)
        else:
            out.append(_escaped(ch))
    shown = "".join(out)
    if limit is not None and len(shown) > limit:
        return shown[:limit] + "…"
    return shown


def clean_text(field: str, value: str | None, *, max_len: int, required: bool = False,
               multiline: bool = False) -> str | None:
    """Free text: stored exactly as typed, but never control characters or too long."""
    if value is None or value.strip() == "":
        if required:
            raise fail(field, "required")
        return None
    if has_control(value, allow_newline=multiline):
        raise fail(field, "control_chars")
    text = value.strip()
    if len(text) > max_len:
        raise fail(field, "note_too_long", max=max_len, n=len(text))
    return text


def person_name(field: str, value: str | None) -> str:
    if value is None or not value.strip():
        raise fail(field, "required")
    if has_control(value):
        raise fail(field, "control_chars")
    text = unicodedata.normalize("NFKC", value).strip()
    text = text.replace("•", "·").replace("・", "·")
    if any(ch.isdigit() for ch in text):
        raise fail(field, "name_digits")
    if len(text) > NAME_MAX:
        raise fail(field, "name_too_long")
    if not all(ch.isalpha() or ch in _NAME_EXTRA for ch in text):
        raise fail(field, "name_chars")
    return text


def branch_name(field: str, value: str | None) -> str:
    """A branch's name: required, at most 64 characters, no control characters (it heads every sheet)."""
    if value is None or not value.strip():
        raise fail(field, "required")
    if has_control(value):
        raise fail(field, "control_chars")
    text = value.strip()
    if len(text) > BRANCH_NAME_MAX:
        raise fail(field, "text_too_long", max=BRANCH_NAME_MAX)
    return text


def mobile(field: str, value: str | None, *, required: bool = True) -> str | None:
    if value is None or not value.strip():
        if required:
            raise fail(field, "required")
        return None
    if has_control(value):
        raise fail(field, "control_chars")
    text = unicodedata.normalize("NFKC", value).strip()
    text = re.sub(r"[\s\-]", "", text)
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    elif len(text) == 13 and text.startswith("86"):
        text = text[2:]
    if not MOBILE_RE.fullmatch(text):
        raise fail(field, "mobile_format")
    return text


def id_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11]


def id_number(field: str, value: str | None, *, today: dt.date, required: bool = False) -> str | None:
    """Resident ID number (GB 11643-1999): 18 characters with the MOD 11-2 check."""
    if value is None or not value.strip():
        if required:
            raise fail(field, "required")
        return None
    if has_control(value):
        raise fail(field, "control_chars")
    text = unicodedata.normalize("NFKC", value).strip().replace(" ", "").upper()
    if len(text) == 15 and text.isdigit():
        raise fail(field, "id_15")
    if len(text) != 18:
        raise fail(field, "id_length")
    if not (text[:17].isdigit() and (text[17].isdigit() or text[17] == "X")):
        raise fail(field, "id_chars")
    if text[:2] not in PROVINCES:
        raise fail(field, "id_province")
    try:
        birth = dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise fail(field, "id_birth") from None
    if birth > today or birth.year < 1900:
        raise fail(field, "id_birth")
    if id_check_char(text[:17]) != text[17]:
        raise fail(field, "id_check")
    return text


def birth_date_of(id_no: str) -> dt.date:
    return dt.date(int(id_no[6:10]), int(id_no[10:12]), int(id_no[12:14]))


def gender_of(id_no: str) -> str:
    return "male" if int(id_no[16]) % 2 else "female"


def choice(field: str, value: object, enum_cls: type[E], aliases: dict[str, E] | None = None) -> E:
    """A value from a closed list, by its code or (for imports) its Chinese name."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise fail(field, "required")
    if isinstance(value, enum_cls):
        return value
    text = str(value).strip()
    if aliases and text in aliases:
        return aliases[text]
    try:
        return enum_cls(text.lower())
    except ValueError:
        raise fail(field, "not_in_list", value=text[:40]) from None


def parse_date(field: str, value: object) -> dt.date:
    """YYYY-MM-DD or YYYY/M/D (or a date from a spreadsheet cell)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None or not str(value).strip():
        raise fail(field, "required")
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]00:00(?::00)?)?", text)
    if not m:
        raise fail(field, "date_format")
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise fail(field, "date_impossible") from None


def parse_time(field: str, value: object) -> dt.time | None:
    if isinstance(value, dt.time):
        return value
    if isinstance(value, dt.datetime):
        return value.time()
    if value is None or not str(value).strip():
        return None
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(?::\d{2})?", str(value).strip())
    if not m:
        raise fail(field, "time_format")
    try:
        return dt.time(int(m[1]), int(m[2]))
    except ValueError:
        raise fail(field, "time_format") from None


def past_date(field: str, value: dt.date, *, today: dt.date) -> dt.date:
    """A date of something that happened: not in the future, not before ``EARLIEST_DATE``."""
    if value > today:
        raise fail(field, "date_future")
    if value < EARLIEST_DATE:
        raise fail(field, "date_too_early", min=EARLIEST_DATE.isoformat())
    return value


def future_date(field: str, value: dt.date, *, today: dt.date) -> dt.date:
    if value < today:
        raise fail(field, "date_past")
    return value


def amount(field: str, value: object) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        raise fail(field, "amount_format") from None
    if not number.is_finite() or number < 0 or number.as_tuple().exponent < -2 or number >= Decimal("1e16"):  # type: ignore[operator]
        raise fail(field, "amount_format")
    return number


def reason(field: str, value: str | None) -> str:
    text = clean_text(field, value, max_len=200)
    if not text:
        raise fail(field, "reason_required")
    return text


class Problems:
    """Collects field problems so that all are reported at once."""

    def __init__(self, row: int | None = None) -> None:
        self.row = row
        self.items: list[FieldProblem] = []

    @contextmanager
    def check(self) -> Iterator[None]:
        try:
            yield
        except ValidationError as exc:
            self.items.extend(FieldProblem(p.field, p.message, self.row) for p in exc.problems)

    def run(self, fn: Callable[[], T]) -> T | None:
        """Run one validator; on failure record it and give None."""
        try:
            return fn()
        except ValidationError as exc:
            self.items.extend(FieldProblem(p.field, p.message, self.row) for p in exc.problems)
            return None

    def add(self, field: str, key: str, **kw: object) -> None:
        self.items.append(FieldProblem(field, msg(key, **kw), self.row))

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError(self.items)
