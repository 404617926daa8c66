"""An empty database of each engine, for tests that run migrations step by step."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from services.db import make_engine

PG_URL = os.environ.get("LOBBYDESK_TEST_PG_URL")


@contextmanager
def fresh_engine(engine_name: str, tmp_path: Path) -> Iterator[Engine]:
    """A new SQLite file, or a new PostgreSQL database dropped again afterwards."""
    if engine_name == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
        try:
            yield engine
        finally:
            engine.dispose()
        return
    if not PG_URL:
        pytest.skip("LOBBYDESK_TEST_PG_URL not set")
    name = f"lobby_mig_{uuid.uuid4().hex[:8]}"
    admin = make_engine(PG_URL).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))  # a fixed-format identifier, not user input
    engine = make_engine(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}"'))
        admin.dispose()
