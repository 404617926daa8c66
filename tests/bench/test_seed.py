"""The benchmark's seeder and figures at a tiny scale, so that neither can rot (no wall-clock assertions)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bench import bench, seed
from models import Client, ContactAttempt, FollowUp, FollowUpState, Referral, ReferralStatus, Role, Staff
from services import validation as v
from services.db import Database, make_engine
from services.referrals import ReferralInput, file_referral

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def seeded(db_url: str) -> seed.SeedResult:
    return seed.seed(db_url, clients=200, referrals=600, seed=7, today=TODAY)


def test_seed_fills_every_table_with_consistent_rows(seeded: seed.SeedResult, db_url: str) -> None:
    assert seeded.rows["client"] == 200 and seeded.rows["referral"] == 600
    db = Database(make_engine(db_url))
    try:
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Referral)) == 600
            # every role a branch has (the head office belongs to no branch)
            assert {r for r in s.scalars(select(Staff.role).distinct())} == set(Role) - {Role.HEAD_OFFICE}
            # every referral points at a client and staff that exist
            joined = s.scalar(select(func.count()).select_from(Referral)
                              .join(Client, Client.id == Referral.client_id)
                              .join(Staff, Staff.id == Referral.rm_id))
            assert joined == 600
            pending = s.scalar(select(func.count()).select_from(Referral)
                               .where(Referral.status == ReferralStatus.PENDING))
            from_referrals = s.scalar(select(func.count()).select_from(FollowUp)
                                      .where(FollowUp.referral_id.is_not(None)))
            assert pending == from_referrals
            open_without_date = s.scalar(select(func.count()).select_from(FollowUp).where(
                FollowUp.state.in_([FollowUpState.OPEN, FollowUpState.APPOINTED]),
                FollowUp.next_contact_date.is_(None)))
            assert open_without_date == 0
            assert s.scalar(select(func.count()).select_from(ContactAttempt)) > 0
            for c in s.scalars(select(Client)):
                assert v.person_name("name", c.name) == c.name
                assert v.mobile("mobile", c.mobile) == c.mobile
                if c.id_number:
                    assert v.id_number("id", c.id_number, today=TODAY) == c.id_number
                assert c.created_at.tzinfo is not None and c.version in (1, 2)
            newest = s.scalars(select(Referral).order_by(Referral.id.desc()).limit(1)).one()
            assert newest.business_date == TODAY and newest.created_at.tzinfo is not None
            lobby = s.scalars(select(Staff).where(Staff.role == Role.LOBBY_MANAGER).limit(1)).one()
            rm = s.scalars(select(Staff).where(Staff.role == Role.RM).limit(1)).one()
        # the ids continue after the seeded ones (PostgreSQL sequences were moved on)
        filed = file_referral(db, bench.actor_of(lobby), ReferralInput(
            client_type="to_win", status="referred", rm_id=rm.id, channel="lobby",
            client_name="白雪", client_mobile="19912345678"))
        assert filed.id == 601 and filed.client_id == 201
    finally:
        db.dispose()


def test_seed_refuses_a_database_that_holds_data(seeded: seed.SeedResult, db_url: str) -> None:
    with pytest.raises(SystemExit):
        seed.seed(db_url, clients=10, referrals=10, today=TODAY)


def test_every_figure_is_measured(seeded: seed.SeedResult, db_url: str) -> None:
    sections = [s for s in bench.SECTIONS if s != "processes"]
    scene, figures = bench.run_bench(db_url, runs=1, warmup=0, sections=sections)
    keys = {f.key for f in figures}
    assert {"a1", "a2", "b", "c1", "c2", "d1", "d2", "d3", "d4", "e1", "e2", "e3", "e4", "e5"} <= keys
    assert {"d5", "d6", "d7", "d8", "d9", "d10", "i1", "i2"} <= keys  # each search key; a long timeline
    by_key = {f.key: f for f in figures}
    assert all(len(by_key[k].samples) > 1 for k in ("d5", "d6", "d8", "d9"))  # many searches, not one
    assert all(f.value is not None and f.value >= 0 and f.raw is not None for f in figures)
    assert scene.referrals >= 600 and scene.rm.role == "rm"
    text = bench.table(scene, figures, {"db": "x", "runs": 1, "warmup": 0, "proc_runs": 0,
                                        "load_before": "?", "load_after": "?"})
    assert "file referral" in text and "notes:" in text


def test_fresh_process_figures_run(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bench.sqlite3'}"
    seed.seed(url, clients=200, referrals=600, seed=7)
    _, figures = bench.run_bench(url, runs=1, warmup=0, proc_runs=1, sections=["processes"])
    by_key = {f.key: f for f in figures}
    assert set(by_key) == {"f", "g", "h"}
    assert by_key["g"].value and by_key["g"].unit == "MB"
    assert by_key["h"].value
    assert by_key["h"].raw, by_key["h"].note  # the stack's floor: imports, one argon2 check, a bare table
    assert by_key["f"].raw  # the bare PySide6 window
    assert by_key["f"].value, by_key["f"].note  # main.py until its first window, quitting by itself


def test_command_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert seed.main(["--db", url, "--clients", "200", "--referrals", "600", "--today", "2026-11-20"]) == 0
    assert "rows/s" in capsys.readouterr().out
    out = tmp_path / "figures.json"
    code = bench.main(["--db", url, "--runs", "1", "--warmup", "0", "--only", "filing,search",
                       "--json", str(out)])
    assert code in (0, 1)  # 1 only when a budget is missed, never on a crash
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [f["key"] for f in doc["figures"]] == ["a1", "a2", "d1", "d2", "d3", "d4"]
