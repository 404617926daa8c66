"""Migration 0015: maintenance kinds renamed, branch and channel on each record, the plans table,
the client's (rm_id, tier) index — with rows written before it, up and down on both engines."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, text

from services.db import migrations_config
from tests.databases import fresh_engine


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index:sqlalchemy.exc.SAWarning")
@pytest.mark.parametrize("engine_name", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_old_records_keep_their_meaning_and_get_their_clients_branch(engine_name, tmp_path):
    with fresh_engine(engine_name, tmp_path) as engine:
        config = migrations_config(engine)
        command.upgrade(config, "0014")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO branch (id, code, name) VALUES (1, '0001', '甲'), (2, '0002', '乙')"))
            conn.execute(text("INSERT INTO staff (id, branch_id, staff_no, name, role, active, failed_logins, "
                              "must_change_password, created_at, version) VALUES "
                              "(1, 2, 'R1', '经理', 'rm', TRUE, 0, FALSE, '2026-01-01 00:00:00', 1)"))
            conn.execute(text("INSERT INTO client (id, branch_id, name, gender, interests, rm_id, tier, score, "
                              "created_at, version) VALUES "
                              "(1, 2, '客户', 'unknown', '[]', 1, 'core', 80, '2026-01-01 00:00:00', 1)"))
            for n, kind in enumerate(("review", "other", "greeting", "cross_sell"), start=1):
                conn.execute(text("INSERT INTO maintenance_record (id, client_id, rm_id, at, kind) "
                                  f"VALUES ({n}, 1, 1, '2026-02-0{n} 02:00:00', '{kind}')"))
        command.upgrade(config, "0015")
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT kind, branch_id, channel FROM maintenance_record ORDER BY id")).all()
        assert [tuple(r) for r in rows] == [("portfolio_review", 2, None), ("information", 2, None),
                                            ("greeting", 2, None), ("cross_sell", 2, None)]
        columns = {c["name"]: c for c in inspect(engine).get_columns("maintenance_record")}
        assert not columns["branch_id"]["nullable"]
        assert any(fk["constrained_columns"] == ["branch_id"] and fk["referred_table"] == "branch"
                   for fk in inspect(engine).get_foreign_keys("maintenance_record"))
        assert "ix_client_rm_tier" in {ix["name"] for ix in inspect(engine).get_indexes("client")}
        if engine_name == "sqlite":  # the client table was not rebuilt: 0005's expression index is still there
            with engine.connect() as conn:
                assert conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                         "AND name = 'ix_client_branch_last_four'")).scalar() == 1
        assert "maintenance_plan" in inspect(engine).get_table_names()
        command.downgrade(config, "0014")
        with engine.connect() as conn:
            kinds = conn.execute(text("SELECT kind FROM maintenance_record ORDER BY id")).scalars().all()
        assert kinds == ["review", "other", "greeting", "cross_sell"]
        assert "maintenance_plan" not in inspect(engine).get_table_names()
        assert "branch_id" not in {c["name"] for c in inspect(engine).get_columns("maintenance_record")}
