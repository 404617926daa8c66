"""Migration 0012: a close's typed reason kept apart (follow_up.outcome_reason_id); up and down on both engines."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect

from services.db import migrate, migrations_config
from tests.databases import fresh_engine


@pytest.mark.parametrize("engine_name", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_outcome_reason_id_points_at_reason_text_and_goes_back_down(engine_name, tmp_path):
    with fresh_engine(engine_name, tmp_path) as engine:
        migrate(engine)
        columns = {c["name"] for c in inspect(engine).get_columns("follow_up")}
        assert {"outcome_reason", "outcome_reason_id"} <= columns
        fks = inspect(engine).get_foreign_keys("follow_up")
        assert any(fk["constrained_columns"] == ["outcome_reason_id"] and fk["referred_table"] == "reason_text"
                   for fk in fks)
        command.downgrade(migrations_config(engine), "0006")
        assert "outcome_reason_id" not in {c["name"] for c in inspect(engine).get_columns("follow_up")}
        migrate(engine)
        assert "outcome_reason_id" in {c["name"] for c in inspect(engine).get_columns("follow_up")}
