"""The branch recompute's rate (clients per second) at 1 M clients in one branch (docs/scoring.md "Measured").

    python bench/recompute.py --db sqlite:////tmp/lobby-score.sqlite3 [--clients 1000000] [--reset]

Seeds one branch of ``--clients`` clients with bench/seed.py (few referrals: the recompute reads
clients and snapshots only), gives every client one financial snapshot and random ratings, then
runs ``services.scoring.recompute_branch`` as the branch's supervisor twice: the first run rewrites
every client (their scores are first set to -1, as if typed by hand), the second finds nothing to
change (idempotent). It
also times one save (``set_ratings``) made from another thread while the first run is going, to
show that saves keep flowing between the recompute's batches.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import bindparam, func, insert, select, text, update  # noqa: E402

from bench.seed import reset_database, seed  # noqa: E402
from models import Client, FinancialSnapshot, Staff  # noqa: E402
from services import scoring  # noqa: E402
from services.db import Database, make_engine, utc_now  # noqa: E402
from services.errors import Busy, Conflict  # noqa: E402
from services.permissions import Actor  # noqa: E402

_BATCH = 20_000


def _amount(rng: random.Random, top: int) -> Decimal:
    return Decimal(int(rng.paretovariate(1.2) * top / 20)).quantize(Decimal("0.01"))


def add_snapshots_and_ratings(db: Database, branch_id: int, seed_value: int) -> int:
    """One snapshot per client of the branch and random ratings, in bulk (no scoring yet)."""
    rng = random.Random(seed_value)
    today = db.today()
    now = utc_now()
    done = 0
    last = 0
    while True:
        with db.write() as s:
            ids = list(s.scalars(select(Client.id).where(Client.branch_id == branch_id, Client.id > last)
                                 .order_by(Client.id).limit(_BATCH)))
            if not ids:
                return done
            snaps = [{"client_id": cid, "branch_id": branch_id, "as_of": today - dt.timedelta(days=rng.randrange(365)),
                      "deposits": _amount(rng, 200_000), "loans": _amount(rng, 300_000) if rng.random() < 0.3 else 0,
                      "wealth_products": _amount(rng, 100_000), "funds": _amount(rng, 50_000),
                      "insurance": _amount(rng, 30_000), "intermediary": 0,
                      "assets_elsewhere": _amount(rng, 400_000), "aum": 0, "created_at": now} for cid in ids]
            s.execute(insert(FinancialSnapshot), snaps)
            table = Client.__table__
            s.execute(update(table).where(table.c.id == bindparam("b_id")).values(
                rating_family=bindparam("b_family"), rating_occupation=bindparam("b_occupation"),
                rating_social=bindparam("b_social")),
                [{"b_id": cid, "b_family": rng.choice((None, 1, 2, 3, 4, 5)), "b_occupation": rng.randrange(6),
                  "b_social": rng.randrange(6)} for cid in ids])
            done += len(ids)
            last = ids[-1]
        print(f"  snapshots {done:,}", end="\r", flush=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--db", required=True, metavar="URL")
    p.add_argument("--clients", type=int, default=1_000_000)
    p.add_argument("--reset", action="store_true", help="seed afresh (else reuse what --db holds)")
    p.add_argument("--seed", type=int, default=2026)
    args = p.parse_args(argv)
    if args.reset:
        reset_database(args.db)
        t0 = time.monotonic()
        seed(args.db, clients=args.clients, referrals=2_000, branches=1, seed=args.seed, progress=True)
        print(f"seeded {args.clients:,} clients in {time.monotonic() - t0:.0f} s")
    db = Database(make_engine(args.db))
    with db.read() as s:
        sup = s.scalars(select(Staff).where(Staff.role == "supervisor").order_by(Staff.id).limit(1)).one()
        rm_client = s.execute(select(Client.id, Client.rm_id, Client.version)
                              .where(Client.rm_id.is_not(None)).limit(1)).one()
        rm = s.get_one(Staff, rm_client.rm_id)
        has_snaps = s.scalar(select(func.count()).select_from(FinancialSnapshot)) or 0
    actor = Actor(sup.id, sup.staff_no, sup.name, sup.role.value, sup.branch_id)
    rm_actor = Actor(rm.id, rm.staff_no, rm.name, rm.role.value, rm.branch_id)
    if not has_snaps:
        t0 = time.monotonic()
        n = add_snapshots_and_ratings(db, sup.branch_id, args.seed)
        print(f"added {n:,} snapshots and ratings in {time.monotonic() - t0:.0f} s")
    with db.engine.begin() as conn:  # every client as if scored by hand before: the first run rewrites all
        conn.execute(text("UPDATE client SET score = -1, tier = 'none'"))
        conn.execute(text("DELETE FROM tier_change"))
        if db.dialect == "postgresql":
            conn.execute(text("ANALYZE"))

    saves: list[float] = []
    refused: list[float] = []
    stop = threading.Event()

    def saver() -> None:  # an RM rating a client every half second while the recompute runs
        cid = rm_client.id
        while not stop.is_set():
            with db.read() as s:
                version = s.get_one(Client, cid).version
            t = time.perf_counter()
            try:
                scoring.set_ratings(db, rm_actor, cid, version, family=random.randrange(6), occupation=3, social=3)
            except Busy:
                refused.append(time.perf_counter() - t)
            except Conflict:  # the recompute rescored this client between the read and the save
                pass
            else:
                saves.append(time.perf_counter() - t)
            stop.wait(0.5)

    thread = threading.Thread(target=saver)
    thread.start()
    try:
        first = scoring.recompute_branch(
            db, actor, progress=lambda p: print(f"  recompute {p.done:,}/{p.total:,}", end="\r", flush=True))
    finally:
        stop.set()
        thread.join()
    second = scoring.recompute_branch(db, actor)
    print(" " * 60, end="\r")
    print(f"engine {db.dialect}; batch {scoring.RECOMPUTE_BATCH} clients")
    print(f"first run : {first.clients:,} clients in {first.seconds:.1f} s = {first.clients / first.seconds:,.0f}"
          f" clients/s ({first.changed:,} changed, {first.tier_moves:,} tier moves)")
    print(f"second run: {second.clients:,} clients in {second.seconds:.1f} s = "
          f"{second.clients / second.seconds:,.0f} clients/s ({second.changed:,} changed: idempotent)")
    print(f"saves refused as busy during the first run: {len(refused)}")
    if saves:
        print(f"a save during the first run: {len(saves)} saves, median {statistics.median(saves) * 1000:.0f} ms, "
              f"worst {max(saves) * 1000:.0f} ms")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
