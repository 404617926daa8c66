"""bench/trust.py at the small scale: every probe runs and nothing is lost or leaked (wall-clock times are printed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("LOBBYDESK_TEST_PG_URL")
PROBES_PER_ENGINE = {"saves", "signin-storm", "kill-saves", "kill-imports", "big-import", "guesses"}
FILE_PROBES = {"damaged", "hostile", "exports"}


def run_small(tmp_path: Path, *args: str) -> tuple[dict[str, object], str]:
    out = tmp_path / "trust.json"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "trust.py"), "--scale", "small", "--json", str(out), *args],
        cwd=tmp_path, capture_output=True, text=True, timeout=900,
        env={k: v for k, v in os.environ.items() if k != "LOBBYDESK_DB_URL"},
    )
    assert out.exists(), proc.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8")), proc.stdout


def lost_or_leaked(figures: dict[str, object]) -> list[str]:
    rows = figures["rows"]
    assert isinstance(rows, list)
    return [f"{r['what']} ({r['engine']}): {k} {n}" for r in rows for k, n in r["bad"].items() if n]


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_small_scale_loses_and_leaks_nothing(engine: str, tmp_path: Path) -> None:
    if engine == "postgresql":
        if not PG_URL:
            if os.environ.get("LOBBYDESK_REQUIRE_PG"):
                pytest.fail("LOBBYDESK_REQUIRE_PG is set but LOBBYDESK_TEST_PG_URL is not")
            pytest.skip("LOBBYDESK_TEST_PG_URL not set")
        figures, table = run_small(tmp_path, "--engines", "postgresql", "--db-pg", PG_URL)
        expected = {(p, "postgresql") for p in PROBES_PER_ENGINE}
    else:
        figures, table = run_small(tmp_path, "--engines", "sqlite")
        expected = {(p, "sqlite") for p in PROBES_PER_ENGINE | FILE_PROBES}
    rows = figures["rows"]
    assert isinstance(rows, list)
    assert {(r["probe"], r["engine"]) for r in rows} == expected
    # Every probe really tried something (a probe that silently did nothing would report nothing lost).
    assert all(r["times"] > 0 for r in rows), table
    assert "lost or leaked in all" in table
    assert lost_or_leaked(figures) == [], table


def test_probes_picks_the_sections_to_measure_again(tmp_path: Path) -> None:
    figures, table = run_small(tmp_path, "--engines", "sqlite", "--probes", "guesses")
    rows = figures["rows"]
    assert isinstance(rows, list)
    assert [(r["probe"], r["engine"]) for r in rows] == [("guesses", "sqlite")], table
    assert lost_or_leaked(figures) == [], table


def test_an_unknown_probe_is_refused(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "trust.py"), "--probes", "saves,nonsense"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "nonsense" in proc.stderr
