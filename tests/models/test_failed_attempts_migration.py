"""Migration 0006: the failed attempts since the last success and the last result, filled from the history."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text

from services.db import migrate, migrations_config
from tests.databases import fresh_engine

NOW = "2026-11-20 02:00:00"
# (follow-up, results in order): counted failures restart after reached / appointment.
HISTORY = {
    1: ("no_answer", "no_answer", "reached", "declined", "wrong_number"),  # 2 since the reach
    2: ("no_answer", "declined", "no_answer"),  # 3, never reached
    3: ("no_answer", "appointment"),  # 0
}


@pytest.mark.parametrize("engine_name", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_failed_attempts_count_from_the_last_success(engine_name, tmp_path):
    with fresh_engine(engine_name, tmp_path) as engine:
        cfg = migrations_config(engine)
        command.upgrade(cfg, "0005")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO branch (id, code, name) VALUES (1, '0001', '支行')"))
            conn.execute(text(
                "INSERT INTO staff (id, branch_id, staff_no, name, role, active, failed_logins,"
                " must_change_password, created_at, version) VALUES (2, 1, 'R01', '经理', 'rm', true, 0, false,"
                " :now, 1)"), {"now": NOW})
            conn.execute(text(
                "INSERT INTO client (id, branch_id, name, gender, mobile, interests, tier, score, created_at,"
                " version) VALUES (1, 1, '王五', 'unknown', '13800000001', '[]', 'none', 0, :now, 1)"),
                {"now": NOW})
            attempt = 0
            for fid, results in (*HISTORY.items(), (4, ())):
                conn.execute(text(
                    "INSERT INTO follow_up (id, branch_id, client_id, rm_id, origin, state, attempts, opened_at,"
                    " version) VALUES (:id, 1, 1, 2, 'own', 'open', :n, :now, 1)"),
                    {"id": fid, "n": len(results), "now": NOW})
                for minute, result in enumerate(results):
                    attempt += 1
                    conn.execute(text(
                        "INSERT INTO contact_attempt (id, follow_up_id, staff_id, channel, at, result) VALUES"
                        " (:id, :fid, 2, 'phone', :at, :result)"),
                        {"id": attempt, "fid": fid, "at": f"2026-11-20 02:{minute:02d}:00", "result": result})
        migrate(engine)
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT id, failed_attempts, last_result FROM follow_up ORDER BY id")).all()
        assert [tuple(r) for r in rows] == [(1, 2, "wrong_number"), (2, 3, "no_answer"), (3, 0, "appointment"),
                                            (4, 0, None)]
