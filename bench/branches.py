"""Many branches on one PostgreSQL server: the cost of row-level security (docs/row-level-security.md "Cost").

    python bench/branches.py --db postgresql+psycopg://SUPERUSER@host:port/db [--branches 100] [--templates 4] [--reset]

Seeds ``--branches`` branches (default 100, about 100 000 referrals each: 10 M): ``bench/seed.py``'s
generator and COPY loader fill ``--templates`` branches (default 4), and ``bench/replicate.py``
copies them inside the server up to ``--branches`` (minutes instead of the generator's half hour;
``--templates 0`` generates every branch). Then it sets up the two roles with
``migrations/roles.sql`` and measures, on the busiest branch, each call as ``lobbydesk_app`` with
row-level security and the branch's scope against the same call as the owner (no row-level security):

- q: the busy RM's queue, the model's first window (``followups.queue_with_counts``);
- l1, l2: the referral list's first window, whole branch every day / one day (``list_referrals``);
- d: the branch's daily sheet (``stats.daily``);
- m: the head office's consolidated monthly sheet of every branch for the last whole month
  (``stats.monthly``, all branches), with the head-office scope.

Budget: RLS ÷ owner ≤ 1.5 for q, l1, l2 and d. ``--skip-seed`` measures a database
seeded before. Needs ``psql`` (the PostgreSQL client) for the roles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy.engine import make_url  # noqa: E402

from bench.bench import build_scene  # noqa: E402
from bench.replicate import replicate  # noqa: E402
from bench.replicate import report as replicate_report  # noqa: E402
from bench.seed import report, reset_database, seed  # noqa: E402
from services.db import Database, make_engine  # noqa: E402
from services.permissions import Actor  # noqa: E402

APP_PASSWORD = "bench-app-password"
REFERRALS_PER_BRANCH = 100_000
RLS_BUDGET = 1.5
# Branches the generator fills before the server copies them (bench/replicate.py).
TEMPLATES = 4


@dataclass
class Line:
    key: str
    label: str
    owner_ms: float
    rls_ms: float
    budget: str

    @property
    def ratio(self) -> float:
        return self.rls_ms / self.owner_ms if self.owner_ms else float("inf")

    @property
    def ok(self) -> bool:
        return self.budget == "" or self.ratio <= RLS_BUDGET


def make_roles(url: str) -> None:
    """migrations/roles.sql against ``url`` (a superuser), as the README tells a bank."""
    psql = shutil.which("psql")
    if psql is None:
        raise SystemExit("psql (the PostgreSQL client) is needed to set up the roles")
    u = make_url(url)
    subprocess.run([psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-v", f"dbname={u.database}",
                    "-v", "owner_password=bench-owner-password", "-v", f"app_password={APP_PASSWORD}",
                    "-h", u.host or "127.0.0.1", "-p", str(u.port or 5432), "-U", u.username or "postgres",
                    "-d", "postgres", "-f", str(ROOT / "migrations" / "roles.sql")],
                   check=True, capture_output=True, env={"PGPASSWORD": u.password or "", "PATH": "/usr/bin:/bin"})


def app_url(url: str) -> str:
    return make_url(url).set(username="lobbydesk_app", password=APP_PASSWORD).render_as_string(hide_password=False)


def interleaved(first: Callable[[], Any], second: Callable[[], Any], runs: int, warmup: int) -> tuple[float, float]:
    """Medians (ms) of the two calls timed in turns, so a busy moment of the machine falls on both alike."""
    one: list[float] = []
    two: list[float] = []
    for _ in range(warmup):
        first()
        second()
    for k in range(runs):
        for fn, out in ((first, one), (second, two)) if k % 2 == 0 else ((second, two), (first, one)):
            t0 = time.perf_counter()
            fn()
            out.append((time.perf_counter() - t0) * 1000)
    return statistics.median(one), statistics.median(two)


def measure(url: str, *, runs: int, warmup: int, log: Callable[[str], None]) -> list[Line]:
    from services import stats
    from services.followups import queue_with_counts
    from services.referrals import list_referrals

    owner = Database(make_engine(url))
    app = Database(make_engine(app_url(url)))
    try:
        sc = build_scene(owner, url)
        log(f"branch {sc.branch_id}: {sc.referrals} referrals in all, busy RM with {sc.rm_open} open follow-ups, "
            f"{sc.day_referrals} referrals on {sc.day}")
        # The last whole month: the newest one may hold only today's morning.
        first = (sc.latest_day.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        head_office = Actor.system(sc.branch_id)
        cases: list[tuple[str, str, Callable[[Database], Any], bool, str]] = [
            ("q", f"RM queue, first window ({sc.rm_open} open)",
             lambda db: queue_with_counts(db, sc.rm, limit=100), False, "≤ 1.5× owner"),
            ("l1", "referral list, branch, every day, first window",
             lambda db: list_referrals(db, sc.supervisor, None, "branch"), False, "≤ 1.5× owner"),
            ("l2", f"referral list, branch, {sc.day} ({sc.day_referrals} rows)",
             lambda db: list_referrals(db, sc.supervisor, sc.day, "branch"), False, "≤ 1.5× owner"),
            ("d", f"daily sheet of the branch, {sc.day}",
             lambda db: stats.daily(db, sc.supervisor, sc.day), False, "≤ 1.5× owner"),
            ("m", f"head office: consolidated monthly sheet, every branch, {first:%Y-%m}",
             lambda db: stats.monthly(db, head_office, first, all_branches=True), True, ""),
        ]
        lines: list[Line] = []
        for key, label, call, all_branches, budget in cases:
            app.bind_scope(sc.branch_id, head_office=all_branches)
            n_runs = max(3, runs // 5) if all_branches else runs
            owner_ms, rls_ms = interleaved(functools.partial(call, owner), functools.partial(call, app),
                                           n_runs, warmup)
            line = Line(key, label, owner_ms, rls_ms, budget)
            log(f"{key:3} {label}: owner {owner_ms:.1f} ms, lobbydesk_app with RLS {rls_ms:.1f} ms "
                f"(×{line.ratio:.2f}) {'ok' if line.ok else 'OVER'}")
            lines.append(line)
        return lines
    finally:
        app.dispose()
        owner.dispose()


def table(lines: Sequence[Line]) -> str:
    out = ["| line | what | owner (no RLS) | lobbydesk_app (RLS) | × | budget |", "|---|---|---|---|---|---|"]
    for ln in lines:
        out.append(f"| {ln.key} | {ln.label} | {ln.owner_ms:.1f} ms | {ln.rls_ms:.1f} ms | {ln.ratio:.2f} | "
                   f"{ln.budget or '(reference)'} {'ok' if ln.ok else 'OVER'} |")
    return "\n".join(out)


def fill(url: str, *, branches: int, templates: int, referrals: int, clients: int) -> dict[str, Any]:
    """Seed ``branches`` branches: all by the generator, or ``templates`` of them copied by the server
    (bench/replicate.py). Returns the figures for the JSON: wall seconds, rows, the machine's load."""
    load_before = os.getloadavg()
    t0 = time.perf_counter()
    copying = 0 < templates < branches
    if copying:
        # The templates get their share of the referrals and clients; the copies make up the rest.
        made = seed(url, clients=max(clients * templates // branches, templates),
                    referrals=referrals * templates // branches, branches=templates, progress=True)
    else:
        made = seed(url, clients=clients, referrals=referrals, branches=branches, progress=True)
    print(report(made), flush=True)
    figures: dict[str, Any] = {"branches": branches, "templates": templates if copying else 0,
                               "generator_seconds": round(made.seconds, 1)}
    rows = dict(made.rows)
    if copying:
        copied = replicate(url, branches=branches, progress=True)
        print(replicate_report(copied), flush=True)
        for table, n in copied.rows.items():
            rows[table] = rows.get(table, 0) + n
        figures |= {"copy_seconds": round(copied.copy_seconds, 1), "index_seconds": round(copied.index_seconds, 1),
                    "vacuum_seconds": round(copied.vacuum_seconds, 1)}
    figures |= {"seconds": round(time.perf_counter() - t0, 1), "rows": rows, "rows_total": sum(rows.values()),
                "referrals": rows.get("referral", 0), "clients": rows.get("client", 0),
                "load_before": [round(x, 2) for x in load_before],
                "load_after": [round(x, 2) for x in os.getloadavg()]}
    print(f"seeded {branches} branches, {figures['rows_total']:,} rows in {figures['seconds']:.1f} s "
          f"(load average {figures['load_before'][0]:.2f} before, {figures['load_after'][0]:.2f} after)", flush=True)
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", required=True, metavar="URL", help="postgresql+psycopg://SUPERUSER@host:port/db")
    p.add_argument("--branches", type=int, default=100)
    p.add_argument("--referrals", type=int, default=None,
                   help=f"in all (default {REFERRALS_PER_BRANCH:,} a branch)")
    p.add_argument("--clients", type=int, default=None, help="in all (default a third of the referrals)")
    p.add_argument("--templates", type=int, default=TEMPLATES,
                   help=f"branches the generator fills, copied by the server up to --branches (default {TEMPLATES};"
                        " 0, or --branches at most this, generates every branch)")
    p.add_argument("--reset", action="store_true", help="drop the public schema first")
    p.add_argument("--skip-seed", action="store_true", help="measure a database seeded before")
    p.add_argument("--runs", type=int, default=15)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--json", type=Path, default=None, help="write the figures here too")
    args = p.parse_args(argv)
    if make_url(args.db).get_backend_name() != "postgresql":
        raise SystemExit("row-level security is PostgreSQL's: --db must be a postgresql URL")
    referrals = args.referrals or REFERRALS_PER_BRANCH * args.branches
    clients = args.clients or max(referrals // 3, args.branches)
    seeded: dict[str, Any] = {}
    if not args.skip_seed:
        if args.reset:
            reset_database(args.db)
        seeded = fill(args.db, branches=args.branches, templates=args.templates, referrals=referrals,
                      clients=clients)
    make_roles(args.db)
    load_before = os.getloadavg()
    lines = measure(args.db, runs=args.runs, warmup=args.warmup, log=lambda t: print(t, flush=True))
    load = {"before": [round(x, 2) for x in load_before], "after": [round(x, 2) for x in os.getloadavg()]}
    print(table(lines))
    print(f"load average while measuring: {load['before'][0]:.2f} before, {load['after'][0]:.2f} after")
    if args.json:
        args.json.write_text(json.dumps({"seed": seeded, "measure_load": load, "lines": [
            asdict(ln) | {"ratio": round(ln.ratio, 3), "ok": ln.ok} for ln in lines],
            "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}, ensure_ascii=False, indent=1))
    return 0 if all(ln.ok for ln in lines) else 1


if __name__ == "__main__":
    sys.exit(main())
