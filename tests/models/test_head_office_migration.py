"""Migration 0020: staff.branch_id may be empty for head_office only; up and down on both engines."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from services.db import migrate, migrations_config
from tests.databases import fresh_engine

_INSERT = text("INSERT INTO staff (branch_id, staff_no, name, role, active, failed_logins, must_change_password, "
               "created_at, version) VALUES (:b, :no, '某人', :role, true, 0, true, :at, 1)")


@pytest.mark.parametrize("engine_name", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_only_head_office_accounts_lack_a_branch_and_the_migration_goes_back_down(engine_name, tmp_path):
    at = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
    with fresh_engine(engine_name, tmp_path) as engine:
        migrate(engine)
        assert {c["name"]: c["nullable"] for c in inspect(engine).get_columns("staff")}["branch_id"]
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO branch (code, name) VALUES ('0001', '本网点')"))
            conn.execute(_INSERT, {"b": None, "no": "H01", "role": "head_office", "at": at})
            conn.execute(_INSERT, {"b": 1, "no": "T01", "role": "teller", "at": at})
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(_INSERT, {"b": None, "no": "T02", "role": "teller", "at": at})

        command.downgrade(migrations_config(engine), "0014")
        assert not {c["name"]: c["nullable"] for c in inspect(engine).get_columns("staff")}["branch_id"]
        with engine.connect() as conn:  # the head office had no branch to go back to; the teller stays
            assert [r[0] for r in conn.execute(text("SELECT staff_no FROM staff"))] == ["T01"]
        migrate(engine)
        assert {c["name"]: c["nullable"] for c in inspect(engine).get_columns("staff")}["branch_id"]
