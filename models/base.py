"""Declarative base, shared column shapes and the UTC timestamp type."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from sqlalchemy import DateTime, Integer, MetaData, Numeric, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, mapped_column

# Constraint names are fixed so Alembic migrations stay stable on both engines.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores naive UTC, hands back aware UTC; refuses naive input.

    SQLite has no time zone type, so both engines store the same naive UTC
    value and every comparison in Python is between aware datetimes.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # pragma: no cover - defensive for raw SQLite values
            value = dt.datetime.fromisoformat(value)
        moment: dt.datetime = value
        return moment.replace(tzinfo=dt.timezone.utc)


int_pk = Annotated[int, mapped_column(Integer, primary_key=True)]
utc_ts = Annotated[dt.datetime, mapped_column(UTCDateTime())]
money = Annotated[Decimal, mapped_column(Numeric(18, 2))]
name30 = Annotated[str, mapped_column(String(30))]
str32 = Annotated[str, mapped_column(String(32))]
str64 = Annotated[str, mapped_column(String(64))]
text500 = Annotated[str, mapped_column(String(500))]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        dt.datetime: UTCDateTime(),
        Decimal: Numeric(18, 2),
    }
