"""bench/branches.py and the seeder's child rows at a tiny scale, so that neither can rot (no wall-clock assertions)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import text

from bench import branches, seed
from services.db import make_engine

TODAY = dt.date(2026, 11, 20)


def test_seeded_child_rows_carry_their_parents_branch(db_url: str) -> None:
    seed.seed(db_url, clients=200, referrals=600, branches=2, seed=7, today=TODAY)
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            for table, parent, fk in (("contact_attempt", "follow_up", "follow_up_id"),
                                      ("appointment", "client", "client_id")):
                total = conn.scalar(text(f"SELECT count(*) FROM {table}"))
                agree = conn.scalar(text(f"SELECT count(*) FROM {table} c JOIN {parent} p ON p.id = c.{fk} "
                                         "WHERE p.branch_id = c.branch_id"))
                branches_seen = conn.scalar(text(f"SELECT count(DISTINCT branch_id) FROM {table}"))
                assert total and agree == total and branches_seen == 2, table
    finally:
        engine.dispose()


def test_every_line_is_measured_as_owner_and_as_the_app_role(db_url: str, tmp_path: Path) -> None:
    if db_url.startswith("sqlite"):
        pytest.skip("row-level security is PostgreSQL's")
    out = tmp_path / "figures.json"
    branches.main(["--db", db_url, "--branches", "2", "--referrals", "600", "--clients", "200",
                   "--runs", "1", "--warmup", "0", "--json", str(out)])
    figures = json.loads(out.read_text())
    assert figures["seed"]["branches"] == 2
    assert [ln["key"] for ln in figures["lines"]] == ["q", "l1", "l2", "d", "m"]
    assert all(ln["owner_ms"] > 0 and ln["rls_ms"] > 0 for ln in figures["lines"])
