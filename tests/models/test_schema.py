"""Migrations build exactly the models' schema, on an empty database of each engine."""

from __future__ import annotations

import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

import models.partial_indexes  # noqa: F401  (declared apart from the models: see the module)
from models import Base
from services.db import _migration_heads, has_schema, make_engine, migrate, migrations_config, schema_looks_current
from tests.databases import fresh_engine

PG_URL = os.environ.get("LOBBYDESK_TEST_PG_URL")


# SQLite's reflection cannot read an expression index back (the last-four search index); the
# comparison then skips it on SQLite and checks it on PostgreSQL.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index:sqlalchemy.exc.SAWarning")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index:UserWarning")
@pytest.mark.parametrize("engine_name", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_migrations_upgrade_an_empty_database_to_the_models(engine_name, tmp_path):
    with fresh_engine(engine_name, tmp_path) as engine:
        assert not has_schema(engine)
        migrate(engine)
        assert has_schema(engine) and schema_looks_current(engine)
        with engine.connect() as conn:
            assert set(MigrationContext.configure(conn).get_current_heads()) == _alembic_heads(engine)
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert diff == []
        tables = set(inspect(engine).get_table_names())
        assert {"branch", "staff", "client", "financial_snapshot", "referral", "follow_up", "contact_attempt",
                "appointment", "maintenance_record", "day_close", "audit_event", "branch_settings"} <= tables
        migrate(engine)  # idempotent


def test_versioned_rows_carry_a_version_column():
    for name in ("staff", "client", "referral", "follow_up", "day_close", "appointment", "branch_settings"):
        mapper = next(m for m in Base.registry.mappers if m.local_table.name == name)
        assert mapper.version_id_col is not None, name


def test_indexes_for_the_hot_queries():
    indexes = {ix.name: [c.name for c in ix.columns] for t in Base.metadata.tables.values() for ix in t.indexes}
    assert indexes["ix_follow_up_queue"] == ["rm_id", "state", "next_contact_date", "id"]
    assert indexes["ix_referral_stats"] == ["branch_id", "business_date", "referrer_id"]
    assert indexes["ix_client_mobile"] == ["mobile"]


def _alembic_heads(engine) -> set[str]:  # type: ignore[no-untyped-def]
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(migrations_config(engine)).get_heads())


def test_the_quick_start_up_reader_finds_alembics_heads(tmp_path):
    """schema_looks_current reads the migration files as text to spare Alembic's import at start-up."""
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert _migration_heads() == _alembic_heads(engine)
    engine.dispose()
