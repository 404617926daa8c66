"""Migration 0021: the child tables get their own branch, backfilled from the parent; up and down on both engines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from alembic import command
from sqlalchemy import inspect, text

from models import Client, FinancialSnapshot, MaintenanceRecord, Role
from services import followups
from services.db import Database, migrate, migrations_config
from tests.databases import fresh_engine
from tests.factories import Factories

CHILDREN = {"contact_attempt": ("follow_up", "follow_up_id"), "appointment": ("client", "client_id"),
            "financial_snapshot": ("client", "client_id"), "maintenance_record": ("client", "client_id")}


def _agreeing(db: Database) -> dict[str, tuple[int, int]]:
    """Per child table: (rows, rows whose branch_id is their parent's)."""
    out = {}
    with db.engine.connect() as conn:
        for table, (parent, fk) in CHILDREN.items():
            out[table] = (int(conn.scalar(text(f"SELECT count(*) FROM {table}")) or 0),
                          int(conn.scalar(text(f"SELECT count(*) FROM {table} c JOIN {parent} p ON p.id = c.{fk} "
                                               "WHERE c.branch_id = p.branch_id")) or 0))
    return out


@pytest.mark.parametrize("engine_name", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_child_rows_carry_their_parents_branch_through_a_downgrade_and_back(engine_name, tmp_path):
    with fresh_engine(engine_name, tmp_path) as engine:
        migrate(engine)
        db = Database(engine)
        f = Factories(db)
        teller, rm = f.staff(Role.TELLER), f.staff(Role.RM)
        filed = f.referral(teller, rm, status="pending")
        assert filed.follow_up_id is not None
        followups.record_contact(db, f.actor(rm), filed.follow_up_id, channel="phone", result="appointment",
                                 appointment_at=db.now() + dt.timedelta(days=2), place="网点")
        with db.write() as s:  # the ORM fills the branch on SQLite, the trigger on PostgreSQL
            client = s.get(Client, filed.client_id)
            assert client is not None
            s.add(FinancialSnapshot(client_id=client.id, as_of=db.today(), deposits=Decimal("1000"),
                                    created_at=db.now()))
            s.add(MaintenanceRecord(client_id=client.id, rm_id=rm.id, at=db.now(), kind="portfolio_review", note=None))
        before = _agreeing(db)
        assert all(n > 0 and agree == n for n, agree in before.values()), before
        command.downgrade(migrations_config(engine), "0014")
        assert all("branch_id" not in {c["name"] for c in inspect(engine).get_columns(t)} for t in CHILDREN)
        migrate(engine)  # the backfill
        assert _agreeing(db) == before
        columns = {c["name"]: c for c in inspect(engine).get_columns("contact_attempt")}
        assert columns["branch_id"]["nullable"] is False
        db.dispose()
