"""bench/replicate.py at a tiny scale: the copied branches are whole, exact and self-contained (PostgreSQL only)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, text

from bench import branches, replicate, seed
from services.db import make_engine

TODAY = dt.date(2026, 11, 20)
TEMPLATES = 2
BRANCHES = 7  # not a multiple of TEMPLATES: the last round copies only part of the templates


@pytest.fixture
def pg(db_url: str) -> Iterator[Engine]:
    if db_url.startswith("sqlite"):
        pytest.skip("the copies are made by PostgreSQL")
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


def _template(branch_id: int) -> int:
    return (branch_id - 1) % TEMPLATES + 1


def _per_branch(conn: Connection, table: str) -> dict[int, int]:
    return {b: n for b, n in conn.execute(text(f'SELECT branch_id, count(*) FROM "{table}" GROUP BY branch_id'))}


def test_copies_are_the_templates_rows_in_their_own_branch(db_url: str, pg: Engine) -> None:
    seed.seed(db_url, clients=300, referrals=900, branches=TEMPLATES, seed=7, today=TODAY)
    result = replicate.replicate(db_url, branches=BRANCHES)
    assert result.rows["branch"] == BRANCHES - TEMPLATES
    tables = replicate.copied_tables()
    names = {t.name for t in tables}
    with pg.connect() as conn:
        assert [tuple(r) for r in conn.execute(text("SELECT id, code, name FROM branch ORDER BY id"))] == [
            (b, f"{b:04d}", seed.branch_name(b)) for b in range(1, BRANCHES + 1)]
        # every branch holds as many rows of every table as its template
        filled = 0
        for table in tables:
            if table.name == "branch":
                continue
            counts = _per_branch(conn, table.name)
            if not counts:
                continue
            filled += 1
            assert set(counts) == set(range(1, BRANCHES + 1)), table.name
            assert all(counts[b] == counts[_template(b)] for b in counts), (table.name, counts)
        assert filled >= 9
        # no foreign key dangles, and a copy's row points only into its own branch
        for table in tables:
            for fk in table.foreign_keys:
                parent = fk.column.table
                col = fk.parent.name
                dangling = conn.scalar(text(
                    f'SELECT count(*) FROM "{table.name}" c LEFT JOIN "{parent.name}" p ON p.id = c."{col}"'
                    f' WHERE c."{col}" IS NOT NULL AND p.id IS NULL'))
                assert dangling == 0, (table.name, col)
                if parent.name in names and parent.name != "branch" and "branch_id" in table.c:
                    crossing = conn.scalar(text(
                        f'SELECT count(*) FROM "{table.name}" c JOIN "{parent.name}" p ON p.id = c."{col}"'
                        " WHERE p.branch_id <> c.branch_id"))
                    assert crossing == 0, (table.name, col)
        # the same content: a copy's referrals match its template's, field by field, apart from the ids
        fingerprint = conn.execute(text(
            "SELECT r.branch_id, count(*), count(*) FILTER (WHERE r.status = 'pending'), sum(r.outcome_amount),"
            " sum(r.business_date - DATE '2000-01-01'), count(DISTINCT cl.mobile),"
            " string_agg(s.staff_no, ',' ORDER BY r.id)"
            " FROM referral r JOIN client cl ON cl.id = r.client_id JOIN staff s ON s.id = r.referrer_id"
            " GROUP BY r.branch_id"))
        by_branch = {row[0]: tuple(row[1:]) for row in fingerprint}
        for b in range(TEMPLATES + 1, BRANCHES + 1):
            mine, theirs = by_branch[b], by_branch[_template(b)]
            assert mine[:5] == theirs[:5]
            # the referrers are the copy's own staff: the same numbers under the copy's code
            assert mine[5] == ",".join(f"{b:04d}" + no[4:] for no in theirs[5].split(","))
        assert conn.scalar(text("SELECT count(*) FROM staff")) == conn.scalar(
            text("SELECT count(DISTINCT staff_no) FROM staff"))
        assert conn.scalar(text("SELECT count(*) FROM audit_event")) == 0
        # the sequences continue after the copies: the next id is free
        for name in ("referral", "client", "staff", "follow_up", "contact_attempt"):
            top = conn.scalar(text(f"SELECT max(id) FROM {name}"))
            assert conn.scalar(text(f"SELECT nextval(pg_get_serial_sequence('{name}', 'id'))")) == top + 1
        # the secondary indexes are back
        assert conn.scalar(text("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_referral_branch_created'")) == 1


def test_a_unique_column_without_a_rule_is_refused_before_anything_is_copied(db_url: str, pg: Engine) -> None:
    seed.seed(db_url, clients=60, referrals=200, branches=TEMPLATES, seed=7, today=TODAY)
    with pg.begin() as conn:
        conn.execute(text("CREATE UNIQUE INDEX ux_test_referral_created ON referral (created_at)"))
    try:
        with pytest.raises(SystemExit, match="ux_test_referral_created"):
            replicate.replicate(db_url, branches=4)
        with pg.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM branch")) == TEMPLATES
            assert conn.scalar(text("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_referral_stats'")) == 1
    finally:
        with pg.begin() as conn:
            conn.execute(text("DROP INDEX ux_test_referral_created"))


def test_branches_copies_templates_then_measures(db_url: str, pg: Engine, tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    branches.main(["--db", db_url, "--branches", "5", "--templates", "2", "--referrals", "1000", "--clients", "300",
                   "--runs", "1", "--warmup", "0", "--json", str(out)])
    figures = json.loads(out.read_text())
    assert figures["seed"]["templates"] == 2 and figures["seed"]["branches"] == 5
    with pg.connect() as conn:
        assert figures["seed"]["referrals"] == conn.scalar(text("SELECT count(*) FROM referral"))
        assert conn.scalar(text("SELECT count(DISTINCT branch_id) FROM referral")) == 5
    assert [ln["key"] for ln in figures["lines"]] == ["q", "l1", "l2", "d", "m"]
    assert all(ln["owner_ms"] > 0 and ln["rls_ms"] > 0 for ln in figures["lines"])
