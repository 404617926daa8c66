"""Alembic environment: runs on the engine handed over by services.db.migrate."""

from __future__ import annotations

import warnings
from typing import Any

from alembic import context
from sqlalchemy import Connection, create_engine

import models.partial_indexes  # noqa: F401  (declared apart from the models: see the module)
from models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    shared = config.attributes.get("connection")
    if shared is not None:
        # A caller's open transaction (services.migrate_to, PostgreSQL): the schema is created inside it and
        # commits or rolls back with the rest of that unit (docs/branches.md "All or nothing").
        context.configure(connection=shared, target_metadata=target_metadata, compare_type=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = config.attributes.get("engine")
    if engine is None:  # the plain `alembic` command line, for developers
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # A batch migration rebuilds a table (create, copy, drop, rename); with foreign keys on,
            # dropping a table that other rows point at fails. SQLite's own procedure for schema
            # changes: keys off outside any transaction, every key checked before the commit.
            _driver(connection).execute("PRAGMA foreign_keys=OFF")
        try:
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                render_as_batch=sqlite,
                compare_type=True,
            )
            with context.begin_transaction(), warnings.catch_warnings():
                # A batch rebuild on SQLite reflects the tables a table refers to; client's expression
                # index (0005) cannot be reflected, and no rebuild needs it. Migrations never rebuild
                # client itself, which would lose that index (0010 drops its columns in place).
                warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
                context.run_migrations()
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                    if broken is not None:
                        raise RuntimeError(f"migration left a broken reference in table {broken[0]}")
            connection.commit()
        finally:
            if sqlite:
                _driver(connection).execute("PRAGMA foreign_keys=ON")


def _driver(connection: Connection) -> Any:
    """The sqlite3 connection itself: a PRAGMA on foreign keys is ignored inside a transaction."""
    return connection.connection.driver_connection


run_migrations_online()
