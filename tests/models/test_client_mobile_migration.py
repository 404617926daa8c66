"""Migration 0003: duplicate clients of one mobile (written before the unique index) are merged, not lost."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from services.db import migrate, migrations_config
from tests.databases import fresh_engine

NOW = "2026-11-20 02:00:00"


@pytest.mark.parametrize("engine_name", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_duplicates_merge_into_the_oldest_client(engine_name, tmp_path):
    with fresh_engine(engine_name, tmp_path) as engine:
        cfg = migrations_config(engine)
        before = ScriptDirectory.from_config(cfg).get_revision("0003").down_revision
        command.upgrade(cfg, str(before))
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO branch (id, code, name) VALUES (1, '0001', '支行')"))
            conn.execute(text(
                "INSERT INTO staff (id, branch_id, staff_no, name, role, active, failed_logins,"
                " must_change_password, created_at, version) VALUES"
                " (1, 1, 'L01', '大堂', 'lobby_manager', true, 0, false, :now, 1),"
                " (2, 1, 'R01', '经理', 'rm', true, 0, false, :now, 1)"), {"now": NOW})
            for cid, mobile, id_number, rm in ((1, "13800000001", None, None), (2, "13800000001", "X1", 2),
                                               (3, "13800000001", "X2", None), (4, "13800000002", None, None)):
                conn.execute(text(
                    "INSERT INTO client (id, branch_id, name, gender, mobile, id_number, interests, rm_id, tier,"
                    " score, created_at, version) VALUES (:id, 1, '王五', 'unknown', :mobile, :idn, '[]', :rm,"
                    " 'none', 0, :now, 1)"), {"id": cid, "mobile": mobile, "idn": id_number, "rm": rm, "now": NOW})
            for rid, cid in ((1, 1), (2, 2), (3, 3), (4, 4)):
                conn.execute(text(
                    "INSERT INTO referral (id, branch_id, business_date, created_at, referrer_id, client_id,"
                    " client_type, channel, status, rm_id, interests, version) VALUES"
                    " (:id, 1, '2026-11-20', :now, 1, :cid, 'to_win', 'lobby', 'pending', 2, '[]', 1)"),
                    {"id": rid, "cid": cid, "now": NOW})
            conn.execute(text(
                "INSERT INTO follow_up (id, branch_id, client_id, rm_id, origin, referral_id, state, attempts,"
                " opened_at, version) VALUES (1, 1, 3, 2, 'referral', 3, 'open', 0, :now, 1)"), {"now": NOW})
        migrate(engine)
        with engine.connect() as conn:
            clients = conn.execute(text("SELECT id, mobile, id_number, rm_id FROM client ORDER BY id")).all()
            assert [tuple(c) for c in clients] == [(1, "13800000001", "X1", 2), (4, "13800000002", None, None)]
            owners = conn.execute(text("SELECT id, client_id FROM referral ORDER BY id")).all()
            assert [tuple(r) for r in owners] == [(1, 1), (2, 1), (3, 1), (4, 4)]
            assert conn.execute(text("SELECT client_id FROM follow_up")).scalar() == 1
        with pytest.raises(IntegrityError), engine.begin() as conn:  # and the index now holds
            conn.execute(text(
                "INSERT INTO client (id, branch_id, name, gender, mobile, interests, tier, score, created_at,"
                " version) VALUES (9, 1, '赵六', 'unknown', '13800000002', '[]', 'none', 0, :now, 1)"),
                {"now": NOW})
