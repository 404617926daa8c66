"""The maintenance-due list, birthdays and holidays on a database filled by bench/seed.py (docs/maintenance.md).

    python bench/maintenance_due.py --db sqlite:////tmp/lobby-1m.sqlite3 [--runs 15]

Takes the RM with the most clients of the planned tiers (core premium, ordinary premium, to-win,
potential) and times, as that RM, the first window of ``maintenance.due``, a later window, the
coming week's birthdays and holidays: median and worst of ``--runs`` calls after two warm-up calls.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from models import Client, Staff  # noqa: E402
from services import maintenance  # noqa: E402
from services.db import Database, make_engine, utc_now  # noqa: E402
from services.permissions import Actor  # noqa: E402


def _time(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    for _ in range(2):
        fn()
    took = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        took.append((time.perf_counter() - t0) * 1000)
    return statistics.median(took), max(took)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--db", required=True, metavar="URL")
    p.add_argument("--runs", type=int, default=15)
    args = p.parse_args(argv)
    db = Database(make_engine(args.db), utc_now)
    with db.read() as s:
        total = s.scalar(select(func.count()).select_from(Client)) or 0
        rm_id, planned = s.execute(
            select(Client.rm_id, func.count()).where(Client.rm_id.is_not(None),
                                                     Client.tier.in_(list(maintenance.PLANNED_TIERS)))
            .group_by(Client.rm_id).order_by(func.count().desc()).limit(1)).one()
        st = s.get_one(Staff, rm_id)
        actor = Actor(st.id, st.staff_no, st.name, st.role.value, st.branch_id)
        of_rm = s.scalar(select(func.count()).select_from(Client).where(Client.rm_id == rm_id)) or 0
    today = db.today()
    first = maintenance.due(db, actor, today)
    print(f"{total:,} clients; the RM {st.staff_no} keeps {of_rm:,}, {planned:,} of the planned tiers")
    print(f"first window: {len(first)} rows; overdue {sum(r.overdue_days > 0 for r in first)}")
    figures = {
        "due, first window of 100": lambda: maintenance.due(db, actor, today),
        "due, window after row 100": (lambda: maintenance.due(db, actor, today, after=first[-1].key))
        if first else (lambda: None),
        "birthdays, coming 7 days": lambda: maintenance.birthdays(db, actor, today),
        "holidays, coming 7 days": lambda: maintenance.holidays(db, actor, today),
    }
    for name, fn in figures.items():
        median, worst = _time(fn, args.runs)
        print(f"{name:32s} median {median:8.1f} ms   worst {worst:8.1f} ms")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
