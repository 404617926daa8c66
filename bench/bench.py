"""The budget table of docs/product.md "Budgets": every figure measured through the services,
beside its raw-driver floor.

    python bench/bench.py --db URL [--runs N] [--json FILE]   # against a database filled by bench/seed.py
    python bench/bench.py --quick                               # seeds a small temporary SQLite file first

A figure is the median of ``--runs`` calls after ``--warmup`` calls. The raw
floor replays the very statements the service sent (caught with a
``before_cursor_execute`` listener) on a plain sqlite3 / psycopg connection
that no ORM touches, so "measured ÷ raw" is what SQLAlchemy, the session and
the row objects cost on top of the database itself. Start-up and memory are
measured in fresh processes. See bench/README.md for what each line means.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import secrets
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from statistics import median
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, Python puts bench/ first on the path, where "bench" would be this file, not the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, case, event, func, insert, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench import seed as seeder  # noqa: E402
from models import Client, FollowUp, Referral, ReferralStatus, Role, Staff  # noqa: E402
from services.accounts import actor_of  # noqa: E402
from services.db import BRANCH_TZ, Database, make_engine  # noqa: E402
from services.permissions import Actor  # noqa: E402

MS = 1000.0
QUIT_ENV = "LOBBYDESK_BENCH_QUIT_ON_SHOWN"
BARE_WINDOW = (
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication([])\n"
    "w = QWidget()\n"
    "w.show()\n"
    "QTimer.singleShot(0, app.quit)\n"
    "app.exec()\n"
)
# A list whose ORDER BY needs a sort of every matching row is fine only while those rows are few
# (one branch day); beyond this the time grows with the table.
BOUNDED_SORT_ROWS = 2000


@dataclass
class Figure:
    key: str
    label: str
    budget: str
    value: float | None = None  # the median, in ``unit``
    raw: float | None = None  # the floor, same unit
    ok: bool | None = None  # None: not judged (unavailable)
    note: str = ""
    samples: list[float] = field(default_factory=list)
    unit: str = "ms"

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.raw:
            return None
        return self.value / self.raw


# --- statements and their raw replay ------------------------------------------------------------

@dataclass(frozen=True)
class Stmt:
    sql: str
    params: Any
    many: bool

    @property
    def is_select(self) -> bool:
        return self.sql.lstrip().upper().startswith(("SELECT", "WITH"))


@contextmanager
def capture(engine: Engine) -> Iterator[list[Stmt]]:
    """Every statement sent to the driver while the block runs, with its driver-level parameters."""
    caught: list[Stmt] = []

    def before(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        # insertmanyvalues reports executemany but sends one statement with the rows flattened into it.
        many = executemany and isinstance(parameters, list) and bool(parameters) \
            and isinstance(parameters[0], (tuple, list, dict))
        caught.append(Stmt(statement, parameters, many))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield caught
    finally:
        event.remove(engine, "before_cursor_execute", before)


def _fresh_chain_links(params: Any) -> Any:
    """A replayed audit insert gets new 64-hex chain links: prev_hash is unique (docs/audit.md "The chain")."""
    def fresh(v: Any) -> Any:
        return secrets.token_hex(32) if isinstance(v, str) and re.fullmatch(r"[0-9a-f]{64}", v) else v
    if isinstance(params, dict):
        return {k: fresh(v) for k, v in params.items()}
    if isinstance(params, list):
        return [_fresh_chain_links(p) for p in params]
    return type(params)(fresh(v) for v in params)


class Raw:
    """A plain DBAPI connection next to the engine, with the app's connection settings: the floor."""

    def __init__(self, engine: Engine) -> None:
        self.dialect = engine.dialect.name
        if self.dialect == "sqlite":
            self.conn: Any = sqlite3.connect(engine.url.database or ":memory:", isolation_level=None,
                                             check_same_thread=False)
            for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=10000", "synchronous=FULL"):
                self.conn.execute(f"PRAGMA {pragma}")
        else:
            import psycopg

            url = engine.url.set(drivername="postgresql")
            self.conn = psycopg.connect(url.render_as_string(hide_password=False))

    def replay(self, stmts: Sequence[Stmt], *, commit: bool = False,
               remap: Callable[[Stmt, Any, dict[str, int]], Any] | None = None) -> None:
        """Run ``stmts`` in one transaction, fetching every result, then commit or roll back."""
        cur = self.conn.cursor()
        new_ids: dict[str, int] = {}
        try:
            for st in stmts:
                params = remap(st, st.params, new_ids) if remap else st.params
                if st.many:
                    cur.executemany(st.sql, params)
                else:
                    cur.execute(st.sql, params)
                rows = cur.fetchall() if cur.description is not None else None
                m = re.match(r"\s*INSERT INTO (\w+)", st.sql)
                if m:
                    new_ids[m[1]] = rows[0][0] if rows else cur.lastrowid
            if commit:
                self.conn.commit()
            else:
                self.conn.rollback()
        finally:
            cur.close()

    def plan(self, st: Stmt) -> str:
        """The engine's plan for one SELECT, one line per step."""
        cur = self.conn.cursor()
        try:
            if self.dialect == "sqlite":
                cur.execute("EXPLAIN QUERY PLAN " + st.sql, st.params)
                return "\n".join(str(r[3]) for r in cur.fetchall())
            cur.execute("EXPLAIN " + st.sql, st.params)
            return "\n".join(r[0] for r in cur.fetchall())
        finally:
            cur.close()
            self.conn.rollback()

    def close(self) -> None:
        self.conn.close()


def full_sort(plan: str, dialect: str) -> bool:
    """Does the plan sort every matching row before the LIMIT (instead of reading an index in order)?"""
    if dialect == "sqlite":
        return "USE TEMP B-TREE FOR ORDER BY" in plan or "USE TEMP B-TREE FOR RIGHT PART OF ORDER BY" in plan
    return any(re.search(r"(?<!Incremental )\bSort\b", line) and "Sort Key" not in line
               for line in plan.splitlines())


def plan_summary(plan: str) -> str:
    """One line: SQLite's steps, or PostgreSQL's plan nodes without their costs."""
    lines = [ln.strip() for ln in plan.splitlines() if ln.strip()]
    if any("(cost=" in ln for ln in lines):
        lines = [re.sub(r"\s*\(cost=.*$", "", ln.lstrip("-> ").strip()) for ln in lines if "(cost=" in ln]
    return " | ".join(lines[:6]) + (" | …" if len(lines) > 6 else "")


# --- timing ----------------------------------------------------------------------------------

def timed(fn: Callable[[], Any], runs: int, warmup: int) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * MS)
    return out


# --- the scene: who and what the figures are about ---------------------------------------------

@dataclass
class Scene:
    url: str
    branch_id: int
    day: dt.date  # a complete business day (the day before the newest)
    latest_day: dt.date
    supervisor: Actor
    lobby: Actor
    rm: Actor
    rm_open: int
    branch_open: int
    clients: int
    referrals: int
    follow_ups: int
    day_referrals: int


def build_scene(db: Database, url: str) -> Scene:
    from services.followups import open_count_by_rm

    with db.read() as s:
        latest = s.scalar(select(Referral.business_date).order_by(Referral.id.desc()).limit(1))
        if latest is None:
            raise SystemExit(f"{url}: no referrals; fill it first with bench/seed.py")
        branch_ids = list(s.scalars(select(Staff.branch_id).distinct()))
        recent = latest - dt.timedelta(days=3)

        def referrals_on(branch: int, lo: dt.date, hi: dt.date) -> int:
            return s.scalar(select(func.count()).select_from(Referral).where(
                Referral.branch_id == branch, Referral.business_date >= lo, Referral.business_date <= hi)) or 0

        per_branch = {b: referrals_on(b, recent, latest) for b in branch_ids}
        branch_id = max(per_branch, key=lambda b: (per_branch[b], -b))
        # The fullest of the three days before the newest: the newest may be today's morning, or
        # only the referrals an earlier bench run filed.
        by_day = {recent + dt.timedelta(days=k): referrals_on(branch_id, recent + dt.timedelta(days=k),
                                                              recent + dt.timedelta(days=k)) for k in range(3)}
        day = max(by_day, key=lambda d: (by_day[d], d))
        day_n = by_day[day]
        if not day_n:
            day, day_n = latest, referrals_on(branch_id, latest, latest)

        def first(role: Role) -> Staff:
            st = s.scalars(select(Staff).where(Staff.branch_id == branch_id, Staff.role == role,
                                               Staff.active.is_(True)).order_by(Staff.id).limit(1)).first()
            if st is None:
                raise SystemExit(f"{url}: branch {branch_id} has no active {role.value}")
            return st

        supervisor, lobby = first(Role.SUPERVISOR), first(Role.LOBBY_MANAGER)
        counts = {name: s.scalar(select(func.count()).select_from(model)) or 0
                  for name, model in (("clients", Client), ("referrals", Referral), ("follow_ups", FollowUp))}
    open_by_rm = open_count_by_rm(db, branch_id)
    with db.read() as s:
        if open_by_rm:
            rm_id = max(open_by_rm, key=lambda k: (open_by_rm[k], -k))
            rm = s.get(Staff, rm_id)
        else:
            rm = None
        if rm is None or rm.role != Role.RM:
            rm = s.scalars(select(Staff).where(Staff.branch_id == branch_id, Staff.role == Role.RM)
                           .order_by(Staff.id).limit(1)).one()
        rm_actor = actor_of(rm)
    return Scene(url, branch_id, day, latest, actor_of(supervisor), actor_of(lobby), rm_actor,
                 open_by_rm.get(rm_actor.staff_id or 0, 0), sum(open_by_rm.values()), counts["clients"],
                 counts["referrals"], counts["follow_ups"], day_n)


# --- the figures -----------------------------------------------------------------------------

class Bench:
    def __init__(self, url: str, *, runs: int, warmup: int, proc_runs: int, log: Callable[[str], None]) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.db = Database(self.engine)
        self.raw = Raw(self.engine)
        self.runs, self.warmup, self.proc_runs = runs, warmup, proc_runs
        self.log = log
        self.scene = build_scene(self.db, url)
        self.rng = random.Random(11)
        self.figures: list[Figure] = []

    def close(self) -> None:
        self.raw.close()
        self.db.dispose()

    def add(self, fig: Figure) -> Figure:
        self.figures.append(fig)
        shown = "n/a" if fig.value is None else f"{fig.value:.2f} {fig.unit}"
        self.log(f"  {fig.key:<4} {fig.label}: {shown}")
        return fig

    def service_vs_raw(self, key: str, label: str, budget: str, call: Callable[[], Any],
                       pick: Callable[[list[Stmt]], list[Stmt]] | None = None) -> tuple[Figure, list[Stmt]]:
        """Time ``call``; then replay the statements it sent (or those ``pick`` keeps) raw."""
        with capture(self.engine) as stmts:
            call()
        chosen = pick(stmts) if pick else [st for st in stmts if st.is_select or st.sql.startswith("BEGIN")]
        samples = timed(call, self.runs, self.warmup)
        raw = timed(lambda: self.raw.replay(chosen), self.runs, self.warmup)
        fig = Figure(key, label, budget, median(samples), median(raw), samples=samples)
        return fig, chosen

    # (a) filing a referral

    def _random_client(self) -> int:
        with self.db.read() as s:
            top = s.scalar(select(func.max(Client.id))) or 1
            for _ in range(50):
                cid = s.scalar(select(Client.id).where(Client.branch_id == self.scene.branch_id,
                                                       Client.id >= self.rng.randrange(1, top + 1))
                               .order_by(Client.id).limit(1))
                if cid is not None:
                    return int(cid)
        raise SystemExit("no client in the busy branch")

    def _input(self, *, new_client: bool):  # type: ignore[no-untyped-def]
        from services.referrals import ReferralInput

        when = dt.datetime.now(BRANCH_TZ).replace(microsecond=0) + dt.timedelta(days=1)
        common = dict(client_type="to_win", status="pending", rm_id=self.scene.rm.staff_id, channel="lobby",
                      interests=("基金",), preferred_contact_at=when, note="基准测试")
        if new_client:
            mobile = f"199{self.rng.randrange(100_000_000):08d}"
            return ReferralInput(client_name="白雪", client_mobile=mobile, **common)  # type: ignore[arg-type]
        return ReferralInput(client_id=self._random_client(), **common)  # type: ignore[arg-type]

    def filing(self) -> None:
        from services.referrals import file_referral

        for new_client, label in ((False, "file referral, existing client (pending)"),
                                  (True, "file referral, new client (pending)")):
            key = "a2" if new_client else "a1"
            inputs = [self._input(new_client=new_client) for _ in range(self.runs + self.warmup + 1)]
            it = iter(inputs)
            with capture(self.engine) as stmts:
                filed = file_referral(self.db, self.scene.lobby, next(it))
            samples = timed(lambda it=it: file_referral(self.db, self.scene.lobby, next(it)), self.runs, self.warmup)
            old_id = filed.id
            old_mobile = inputs[0].client_mobile

            def remap(st: Stmt, params: Any, new_ids: dict[str, int], old_id: int = old_id,
                      old_mobile: str | None = old_mobile) -> Any:
                if st.sql.lstrip().startswith("INSERT INTO audit_event"):
                    return _fresh_chain_links(params)
                if old_mobile is not None:
                    # A new client each replay: the mobile is unique in the branch (docs/saving.md).
                    mobile = str(new_ids.setdefault("mobile", 19_900_000_000 + self.rng.randrange(100_000_000)))
                    if isinstance(params, dict):
                        params = {k: (mobile if v == old_mobile else v) for k, v in params.items()}
                    elif isinstance(params, (tuple, list)):
                        params = type(params)(mobile if v == old_mobile else v for v in params)
                if not st.sql.lstrip().startswith("INSERT INTO follow_up") or "referral" not in new_ids:
                    return params
                new = new_ids["referral"]
                if isinstance(params, dict):
                    return {k: (new if k == "referral_id" else v) for k, v in params.items()}
                return type(params)(new if (type(v) is int and v == old_id) else v for v in params)

            raw = timed(lambda: self.raw.replay(stmts, commit=True, remap=remap), self.runs, self.warmup)
            n_sql = len([st for st in stmts if not st.sql.startswith("BEGIN")])
            fig = Figure(key, label, "≤ 50 ms", median(samples), median(raw), samples=samples,
                         note=f"{n_sql} statements + commit; raw = the same statements and commit, plain driver")
            fig.ok = fig.value is not None and fig.value <= 50
            self.add(fig)

    # (b) the RM's queue

    def rm_queue(self) -> None:
        from services.followups import queue_with_counts

        rm = self.scene.rm

        def first_window() -> Any:  # what the queue model's first fetch runs on the lane
            return queue_with_counts(self.db, rm, limit=100)

        fig, chosen = self.service_vs_raw(
            "b", f"RM queue query + model's first window (RM with {self.scene.rm_open} open)", "≤ 10× raw",
            first_window, pick=lambda stmts: [st for st in stmts if st.is_select])
        fig.ok = fig.ratio is not None and fig.ratio <= 10
        main = [st for st in chosen if "FROM follow_up JOIN client" in st.sql]
        fig.note = (f"the model's lane job (window of 100 + next appointments + header counts); raw = the same "
                    f"{len([st for st in chosen if st.is_select])} SELECTs on sqlite3/psycopg; "
                    + (plan_summary(self.raw.plan(main[0])) if main else ""))
        self.add(fig)

    # (c) the daily statistics

    def daily_stats(self) -> None:
        from services.stats import daily

        fig, chosen = self.service_vs_raw(
            "c1", f"daily statistics, services.stats.daily ({self.scene.day_referrals} referrals)",
            "≤ 500 ms (whole PDF)", lambda: daily(self.db, self.scene.supervisor, self.scene.day))
        fig.ok = fig.value is not None and fig.value <= 500
        slow = self._slowest_statement(chosen)
        fig.note = f"{len([c for c in chosen if c.is_select])} SELECTs; slowest raw: {slow}"
        self.add(fig)
        b, day = self.scene.branch_id, self.scene.day
        q = (select(Referral.branch_id, Referral.business_date, Referral.referrer_id, func.count(),
                    func.sum(case((Referral.status == ReferralStatus.REFERRED, 1), else_=0)),
                    func.sum(case((Referral.status == ReferralStatus.PENDING, 1), else_=0)),
                    func.sum(case((Referral.voided_at.is_not(None), 1), else_=0)))
             .where(Referral.branch_id == b, Referral.business_date == day)
             .group_by(Referral.branch_id, Referral.business_date, Referral.referrer_id))

        def grouped() -> list[Any]:
            with self.db.read() as s:
                return list(s.execute(q).all())

        fig, chosen = self.service_vs_raw("c2", "group-by referral (branch, day, referrer), one day",
                                          "part of ≤ 500 ms", grouped)
        fig.ok = fig.value is not None and fig.value <= 500
        fig.note = plan_summary(self.raw.plan(next(c for c in chosen if c.is_select)))
        self.add(fig)

    def _slowest_statement(self, chosen: list[Stmt]) -> str:
        worst, worst_ms = None, -1.0
        for st in chosen:
            if not st.is_select:
                continue
            ms = median(timed(lambda st=st: self.raw.replay([st]), 3, 1))
            if ms > worst_ms:
                worst, worst_ms = st, ms
        if worst is None:
            return "-"
        m = re.search(r"\bFROM (\w+)", worst.sql)
        return f"{worst_ms:.1f} ms FROM {m[1] if m else '?'} ({plan_summary(self.raw.plan(worst))})"

    # (d) client search

    def search(self) -> None:
        from services.clients import search_clients

        with self.db.read() as s:
            sample = s.execute(select(Client.mobile, Client.name).where(Client.branch_id == self.scene.branch_id,
                                                                        Client.name.like("王%"))
                               .order_by(Client.id).limit(1)).first()
        mobile7 = (sample[0] if sample else "1380013")[:7]
        name2 = (sample[1] if sample else "王伟")[:2]
        last4 = (str(sample[0]) if sample else "13800135678")[-4:]
        # A mobile prefix is searched by the supervisor: the lobby roles find a full number, a
        # name or its start, or exactly the last four digits (docs/permissions.md "Search").
        sup, lobby = self.scene.supervisor, self.scene.lobby
        cases: list[tuple[str, str, str, Actor]] = [
            ("d1", mobile7, f"mobile prefix '{mobile7}' (supervisor)", sup),
            ("d2", last4, f"mobile last four '{last4}' (lobby)", lobby),
            ("d3", "王", "name prefix '王'", lobby), ("d4", name2, f"name prefix '{name2}'", lobby)]
        for key, text, what, who in cases:
            fig, chosen = self.service_vs_raw(
                key, f"client search, {what}", "≤ 50 ms",
                lambda text=text, who=who: search_clients(self.db, who, text))  # type: ignore[misc]
            fig.ok = fig.value is not None and fig.value <= 50
            main = [c for c in chosen if "FROM client" in c.sql]
            fig.note = f"{len([c for c in chosen if c.is_select])} SELECTs; " + (
                plan_summary(self.raw.plan(main[0])) if main else "")
            self.add(fig)

    # (d5–d10) client search by each key the lobby types (docs/profiles.md "Measured")

    def _branch_clients(self, n: int, *, with_id_number: bool = False) -> list[tuple[str, str, str | None]]:
        """``n`` clients of the busy branch spread over its ids: (mobile, name, id_number)."""
        with self.db.read() as s:
            q = select(Client.mobile, Client.name, Client.id_number).where(
                Client.branch_id == self.scene.branch_id, Client.mobile.is_not(None))
            if with_id_number:
                q = q.where(Client.id_number.is_not(None))
            lo, hi = s.execute(q.with_only_columns(func.min(Client.id), func.max(Client.id))).one()
            if lo is None:
                return []
            out: list[tuple[str, str, str | None]] = []
            for _ in range(n * 3):
                row = s.execute(q.where(Client.id >= self.rng.randint(lo, hi)).order_by(Client.id).limit(1)).first()
                if row is not None:
                    out.append((str(row[0]), str(row[1]), row[2]))
                if len(out) == n:
                    break
            return out

    def _many(self, key: str, label: str, texts: Sequence[str], who: Actor, expect: Callable[[str, list[Any]], bool]
              ) -> Figure:
        """Search each of ``texts`` once (after a warm-up of a few): the median and the worst, each text's
        statements replayed raw for the floor; ``expect`` checks the answer (the right client first)."""
        from services.clients import search_clients

        for text in texts[:3]:
            search_clients(self.db, who, text)
        samples: list[float] = []
        raws: list[float] = []
        wrong = 0
        plan = ""
        for text in texts:
            with capture(self.engine) as stmts:
                t0 = time.perf_counter()
                found = search_clients(self.db, who, text)
                samples.append((time.perf_counter() - t0) * MS)
            wrong += not expect(text, found)
            chosen = [st for st in stmts if st.is_select or st.sql.startswith("BEGIN")]
            raws.append(timed(lambda chosen=chosen: self.raw.replay(chosen), 1, 0)[0])  # type: ignore[misc]
            if not plan:
                main = [st for st in chosen if "FROM client" in st.sql]
                plan = plan_summary(self.raw.plan(main[0])) if main else ""
        fig = Figure(key, label, "≤ 50 ms", median(samples) if samples else None, median(raws) if raws else None,
                     samples=samples)
        worst = max(samples) if samples else None
        fig.ok = worst is not None and fig.value is not None and fig.value <= 50 and worst <= 50
        fig.note = (f"{len(texts)} searches: median {_fmt(fig.value)}, worst {_fmt(worst)}"
                    f"{f'; {wrong} without the right client first' if wrong else ''}; {plan}")
        if wrong:
            fig.ok = False
        return self.add(fig)

    def search_keys(self) -> None:
        sc = self.scene
        people = self._branch_clients(100)
        ids = self._branch_clients(100, with_id_number=True)
        lobby, sup = sc.lobby, sc.supervisor

        def first_is(pick: Callable[[Any], str]) -> Callable[[str, list[Any]], bool]:
            return lambda text, found: bool(found) and pick(found[0]) == text

        mobiles = [m for m, _, _ in people]
        last_fours = [m[-4:] for m in mobiles]
        starts = [n[:1] for _, n, _ in people]
        names = [n for _, n, _ in people]
        id_numbers = [str(i) for _, _, i in ids]
        full_mobile = {m: m for m in mobiles}
        self._many("d5", "client search, full mobile (lobby)", mobiles, lobby,
                   lambda text, found: bool(found) and found[0].mobile_masked[-4:] == full_mobile[text][-4:])
        self._many("d6", "client search, exactly the last four (lobby)", last_fours, lobby,
                   lambda text, found: bool(found) and all(m.mobile_masked.endswith(text) for m in found))
        self._many("d7", "client search, four digits (supervisor: last four or prefix)", last_fours, sup,
                   lambda text, found: bool(found))
        self._many("d8", "client search, a name's first character (lobby)", starts, lobby,
                   lambda text, found: bool(found) and all(m.name.startswith(text) for m in found))
        self._many("d9", "client search, full name (lobby)", names, lobby, first_is(lambda m: m.name))
        self._many("d10", "client search, ID number (lobby)", id_numbers, lobby,
                   lambda text, found: bool(found) and found[0].id_number_masked[-4:] == text[-4:])

    # (i) the profile window: a client with a long timeline

    LONG_TIMELINE = 5000

    def _long_timeline_client(self) -> tuple[int, int]:
        """The busy branch's client with the most referrals, given maintenance records up to
        ``LONG_TIMELINE`` entries if it has fewer (written once; later runs find them)."""
        from models import MaintenanceKind, MaintenanceRecord

        sc = self.scene
        with self.db.read() as s:
            cid, refs = s.execute(select(Referral.client_id, func.count()).where(Referral.branch_id == sc.branch_id)
                                  .group_by(Referral.client_id).order_by(func.count().desc(), Referral.client_id)
                                  .limit(1)).one()
            kept = s.scalar(select(func.count()).select_from(MaintenanceRecord)
                            .where(MaintenanceRecord.client_id == cid)) or 0
            rm_id = s.scalar(select(Client.rm_id).where(Client.id == cid)) or sc.rm.staff_id
        missing = self.LONG_TIMELINE - refs - kept
        if missing > 0:
            start = self.db.now()
            kinds = list(MaintenanceKind)
            with self.db.write() as s:
                s.execute(insert(MaintenanceRecord), [
                    {"client_id": cid, "branch_id": sc.branch_id, "rm_id": rm_id,
                     "at": start - dt.timedelta(hours=7 * k), "kind": kinds[k % len(kinds)].value,
                     "channel": "phone", "note": "bench"} for k in range(missing)])
        from services.clients import timeline

        n = 0
        after = None
        while True:
            window = timeline(self.db, sc.supervisor, cid, after, 1000)
            n += len(window)
            if len(window) < 1000:
                break
            after = window[-1].key
        return int(cid), n

    def profile(self) -> None:
        from services.clients import get_profile, timeline

        sc = self.scene
        cid, entries = self._long_timeline_client()

        def open_profile() -> None:
            get_profile(self.db, sc.supervisor, cid)
            timeline(self.db, sc.supervisor, cid)

        def one_transaction(stmts: list[Stmt]) -> list[Stmt]:
            # Two reads, each with its BEGIN; the raw replay runs their SELECTs in one transaction.
            begins = [st for st in stmts if st.sql.startswith("BEGIN")][:1]
            return begins + [st for st in stmts if st.is_select]

        fig, chosen = self.service_vs_raw("i1", f"open a profile: details and the timeline's first window "
                                                f"({entries:,} entries)", "≤ 200 ms", open_profile,
                                          pick=one_transaction)
        worst = max(fig.samples) if fig.samples else None
        fig.ok = fig.value is not None and fig.value <= 200
        union = [st for st in chosen if "UNION ALL" in st.sql]
        fig.note = f"worst {_fmt(worst)}; " + (plan_summary(self.raw.plan(union[0])) if union else "")
        self.add(fig)
        deep = timeline(self.db, sc.supervisor, cid, None, 4000)
        after = deep[-1].key if deep else None
        fig2, _ = self.service_vs_raw("i2", "the timeline's window 4 000 entries down (keyset)", "≤ 200 ms",
                                      lambda: timeline(self.db, sc.supervisor, cid, after))
        fig2.ok = fig2.value is not None and fig2.value <= 200
        self.add(fig2)

    # (e) opening lists

    def lists(self) -> None:
        from services.followups import queue
        from services.referrals import list_referrals

        sc = self.scene
        cases: list[tuple[str, str, Callable[[], Any], int]] = [
            ("e1", f"referrals, branch, one day ({sc.day_referrals} rows)",
             lambda: list_referrals(self.db, sc.supervisor, sc.day, "branch"), sc.day_referrals),
            ("e2", "referrals, branch, every day",
             lambda: list_referrals(self.db, sc.supervisor, None, "branch"), sc.referrals),
            ("e3", "my referrals (lobby manager), every day",
             lambda: list_referrals(self.db, sc.lobby, None, "own"), sc.referrals),
        ]
        page, key = self._page_key(sc.supervisor, 20)
        if key is not None:
            cases.append(("e4", f"referrals, branch, every day, page {page + 1} (keyset)",
                          lambda: list_referrals(self.db, sc.supervisor, None, "branch", before=key), sc.referrals))
        cases.append(("e5", f"follow-up queue, whole branch (supervisor, {sc.branch_open} open)",
                      lambda: queue(self.db, sc.supervisor), sc.branch_open))
        for key_, label, call, matching in cases:
            fig, chosen = self.service_vs_raw(key_, label, "size-independent", call,
                                              pick=lambda stmts: [st for st in stmts if st.is_select and (
                                                  "FROM referral" in st.sql or "FROM follow_up" in st.sql)])
            plan = self.raw.plan(chosen[0])
            sorts = full_sort(plan, self.raw.dialect)
            fig.ok = (not sorts or matching <= BOUNDED_SORT_ROWS) and fig.value is not None and fig.value <= 100
            fig.note = ("sorts every matching row; " if sorts else "index order, stops at the window; ") \
                + plan_summary(plan)
            self.add(fig)

    def _page_key(self, actor: Actor, pages: int) -> tuple[int, tuple[dt.datetime, int] | None]:
        """The keyset after ``pages`` full windows (fewer when the branch has fewer rows)."""
        from services.referrals import list_referrals

        before, done = None, 0
        for _ in range(pages):
            rows = list_referrals(self.db, actor, None, "branch", before=before)
            if len(rows) < 100:
                break
            before, done = (rows[-1].created_at, rows[-1].id), done + 1
        return done, before

    # (f)(g)(h) fresh processes

    def processes(self) -> None:
        self.gui_start()
        self.memory()
        self.queue_start()

    def gui_start(self) -> None:
        env = child_env()
        floor = [x for x in (run_wall([sys.executable, "-c", BARE_WINDOW], env) for _ in range(self.proc_runs + 1))
                 if x is not None][1:]
        fig = Figure("f", "start to the sign-in window (empty db, one account)", "≤ 500 ms",
                     raw=median(floor) if floor else None)
        with tempfile.TemporaryDirectory(prefix="lobbybench-") as tmp:
            url = f"sqlite:///{Path(tmp) / 'one_account.sqlite3'}"
            make_one_account_db(url)
            cmd = [sys.executable, str(ROOT / "main.py"), "--db", url]
            env_gui = dict(env, **{QUIT_ENV: "1"})
            samples = [run_wall(cmd, env_gui, timeout=60) for _ in range(self.proc_runs + 1)][1:]
        if any(x is None for x in samples):
            fig.note = "unavailable: main.py did not quit by itself within 60 s (or failed)"
        else:
            fig.samples = [x for x in samples if x is not None]
            fig.value = median(fig.samples)
            fig.ok = fig.value <= 500
            fig.note = "whole process, `python main.py --db …` until the first window painted; raw = bare window"
        self.add(fig)

    def _probe(self, script: str, *argv: str) -> dict[str, Any] | None:
        """Run one of the probe scripts below in a fresh interpreter; its last line of output is JSON."""
        spawned = time.time()
        proc = subprocess.run([sys.executable, "-c", script, *argv], env=child_env(), capture_output=True,
                              text=True, timeout=600, cwd=str(ROOT))
        if proc.returncode != 0:
            self.log(proc.stderr[-2000:])
            return None
        out: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
        out["spawned"] = spawned
        return out

    def memory(self) -> None:
        out = self._probe(MEMORY_PROBE, self.url, json.dumps(scene_json(self.scene)))
        fig = Figure("g", f"memory after the first windows of the lists ({self.scene.clients:,} clients)",
                     "≤ 300 MB", unit="MB")
        if out is None:
            fig.note = "probe failed"
        else:
            fig.value = out["hwm_mb"]
            fig.ok = out["hwm_mb"] <= 300
            fig.note = (f"peak RSS (VmHWM) in MB; now {out['rss_mb']:.0f} MB; {out['what']}; "
                        f"bare QApplication+imports {out['base_mb']:.0f} MB")
        self.add(fig)

    def queue_start(self) -> None:
        from services.accounts import hash_password

        # The figure and its floor are measured alternately, one process each: this machine's speed
        # changes from minute to minute, and a change then weighs on both alike.
        stored = hash_password(seeder.BENCH_PASSWORD)  # made here: the floor only checks it, as a sign-in does
        samples, parts, walls = [], [], []
        rows = 0
        for i in range(self.proc_runs + 1):
            out = self._probe(QUEUE_START_PROBE, self.url, self.scene.rm.staff_no, seeder.BENCH_PASSWORD)
            floor_out = self._probe(STACK_FLOOR_PROBE, stored, seeder.BENCH_PASSWORD, str(ROOT / "resources"))
            if out is None:
                break
            if i:  # the first run warms the page cache and the .pyc files
                samples.append((out["shown"] - out["spawned"]) * MS)
                parts.append({"interpreter": (out["started"] - out["spawned"]) * MS, **out["parts"]})
                rows = out["rows"]
                if floor_out is not None:
                    walls.append((floor_out["painted"] - floor_out["spawned"]) * MS)
        floor = median(walls) if walls and len(walls) == len(samples) else None
        fig = Figure("h", "start to the RM's queue shown (spawn, sign-in, followUpPage painted with rows)",
                     "≤ 1000 ms", raw=floor)
        if samples:
            fig.samples = samples
            fig.value = median(samples)
            fig.ok = fig.value <= 1000
            mid = sorted(parts, key=lambda p: sum(p.values()))[len(parts) // 2]
            fig.note = (f"whole process through gui.app.launch(db, user, password) until the queue's table painted "
                        f"its first {rows} rows; " + ", ".join(f"{k} {v:.0f} ms" for k, v in mid.items()))
        else:
            fig.note = "probe failed"
        if floor is not None:
            fig.note += ("; raw = the stack's floor, measured alternately with the figure: a process that imports "
                         "PySide6, SQLAlchemy and the models, checks one production argon2 hash and paints a bare "
                         "100-row table (STACK_FLOOR_PROBE)")
        self.add(fig)


def scene_json(sc: Scene) -> dict[str, Any]:
    def actor(a: Actor) -> list[Any]:
        return [a.staff_id, a.staff_no, a.name, a.role, a.branch_id]

    return {"branch_id": sc.branch_id, "day": sc.day.isoformat(), "supervisor": actor(sc.supervisor),
            "lobby": actor(sc.lobby), "rm": actor(sc.rm)}


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop(QUIT_ENV, None)
    # An installed program starts from compiled .pyc files (pip writes them; the first run writes the
    # program's own): the warm-up run may write them here too, as it would on a workstation.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def run_wall(cmd: list[str], env: dict[str, str], timeout: float = 60) -> float | None:
    """Wall time of a whole process in ms, or None when it failed or had to be killed."""
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, timeout=timeout, cwd=str(ROOT))
    except subprocess.TimeoutExpired:
        return None
    wall = (time.perf_counter() - t0) * MS
    return wall if proc.returncode == 0 else None


def make_one_account_db(url: str) -> None:
    from services import accounts
    from services.db import migrate

    engine = make_engine(url)
    migrate(engine)
    db = Database(engine)
    branch, _ = accounts.ensure_branch(db)
    accounts.add_staff(db, Actor.system(branch.id), staff_no="admin", name="管理员", role="admin",
                       password=seeder.BENCH_PASSWORD, must_change_password=False)
    db.dispose()


# --- probes: scripts run in a fresh interpreter, importing only what the program would -------------

QUEUE_START_PROBE = """
import time
started = time.time()
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
marks = {"imports": time.time()}
url, staff_no, password = sys.argv[1:4]
app = QApplication(sys.argv[:1])
from gui.app import launch
window = launch(url, staff_no, password)  # the real path: database, sign-in (argon2), the role's pages
marks["launch + sign-in"] = time.time()
window.show_page("followUpPage")
page = window.page("followUpPage")
viewport = page.table.viewport()
shown = {}

class FirstRowsPainted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and page.model.rowCount() and "at" not in shown:
            shown["at"] = None  # this paint draws the rows; the time is taken once it is done
            QTimer.singleShot(0, done)
        return False

def done():
    shown["at"] = time.time()
    shown["rows"] = page.model.rowCount()
    app.quit()

painted = FirstRowsPainted()
viewport.installEventFilter(painted)
QTimer.singleShot(30_000, app.quit)
app.exec()
if shown.get("at") is None:
    raise SystemExit("the queue was not painted with rows within 30 s")
marks["queue window painted"] = shown["at"]
rows = shown["rows"]
window.close()
parts, prev = {}, started
for name, t in marks.items():
    parts[name] = (t - prev) * 1000.0
    prev = t
print(json.dumps({"started": started, "shown": shown["at"], "rows": rows, "parts": parts}))
"""

# The floor under line h: the same stack with none of the program's own work — PySide6 and a
# QApplication, SQLAlchemy's ORM and the program's models (mappers configured), one argon2 check at
# the production cost, the bundled font and style sheet, and a bare 100 × 13 table of Chinese text
# painted. The RM's start cannot be faster than this on the machine that runs it.
STACK_FLOOR_PROBE = """
import time
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
stored, password, resources = sys.argv[1:4]
app = QApplication(sys.argv[:1])
import sqlalchemy.orm
import models
sqlalchemy.orm.configure_mappers()
from argon2 import PasswordHasher
assert PasswordHasher().verify(stored, password)
family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(resources + "/fonts/wqy-microhei.ttc"))
if family:
    app.setFont(QFont(family[0], 10))
with open(resources + "/style.qss", encoding="utf-8") as sheet:
    app.setStyleSheet(sheet.read().replace("@ICONS@", resources + "/icons"))
window, view, rows = QMainWindow(), QTableView(), QStandardItemModel(100, 13)
for r in range(100):
    for c in range(13):
        rows.setItem(r, c, QStandardItem(f"客户{r} 理财产品 {c}"))
view.setModel(rows)
window.setCentralWidget(view)
window.resize(1366, 728)
shown = {}

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "at" not in shown:
            shown["at"] = None
            QTimer.singleShot(0, done)
        return False

def done():
    shown["at"] = time.time()
    app.quit()

painted = Painted()
view.viewport().installEventFilter(painted)
window.show()
QTimer.singleShot(30_000, app.quit)
app.exec()
print(json.dumps({"painted": shown["at"], "models": len(models.Base.metadata.tables)}))
"""

MEMORY_PROBE = """
import datetime as dt, json, sys
from pathlib import Path

def vm():
    out = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            k, _, v = line.partition(":")
            if k in ("VmHWM", "VmRSS"):
                out[k] = int(v.split()[0]) / 1024.0
    except OSError:  # not Linux: getrusage's peak (KiB on Linux, bytes on macOS)
        import resource
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        out = dict.fromkeys(("VmHWM", "VmRSS"), peak / (1048576.0 if sys.platform == "darwin" else 1024.0))
    return out

from PySide6.QtWidgets import QApplication
from services.clients import search_clients
from services.db import Database, make_engine
from services.followups import queue
from services.permissions import Actor
from services.referrals import list_referrals

app = QApplication.instance() or QApplication([])
url, scene = sys.argv[1], json.loads(sys.argv[2])
db = Database(make_engine(url))
base = vm()
day = dt.date.fromisoformat(scene["day"])
sup, lobby, rm = (Actor(*scene[k]) for k in ("supervisor", "lobby", "rm"))
held = [
    list_referrals(db, sup, None, "branch"), list_referrals(db, sup, day, "branch"),
    list_referrals(db, lobby, None, "own"), queue(db, rm), queue(db, sup),
    search_clients(db, lobby, "王"), search_clients(db, lobby, "138"),
]
what = "list_referrals x3, queue x2, search x2 held, QApplication alive"
now = vm()
print(json.dumps({"hwm_mb": now["VmHWM"], "rss_mb": now["VmRSS"], "base_mb": base["VmHWM"], "what": what,
                  "windows": len(held), "alive": app is not None}))
"""


# --- running and printing ------------------------------------------------------------------------

SECTIONS = ("filing", "rm_queue", "daily_stats", "search", "search_keys", "profile", "lists", "processes")


def run_bench(url: str, *, runs: int = 15, warmup: int = 3, proc_runs: int = 5, sections: Sequence[str] = SECTIONS,
              log: Callable[[str], None] | None = None) -> tuple[Scene, list[Figure]]:
    """Measure ``sections`` on the database at ``url``; the figures in the order of the table."""
    bench = Bench(url, runs=runs, warmup=warmup, proc_runs=proc_runs, log=log or (lambda _s: None))
    try:
        for name in sections:
            getattr(bench, name)()
        return bench.scene, bench.figures
    finally:
        bench.close()


def _fmt(v: float | None, unit: str = "ms") -> str:
    if v is None:
        return "n/a"
    return f"{v:,.1f} {unit}" if v >= 100 else f"{v:.2f} {unit}"


def table(scene: Scene, figures: Sequence[Figure], meta: dict[str, Any]) -> str:
    head = (f"database: {meta['db']}  ({scene.clients:,} clients, {scene.referrals:,} referrals, "
            f"{scene.follow_ups:,} follow-ups; busy branch {scene.branch_id}, day {scene.day})\n"
            f"runs: median of {meta['runs']} after {meta['warmup']} warm-up (processes: {meta['proc_runs']}); "
            f"load average {meta['load_before']} → {meta['load_after']} on {os.cpu_count()} CPUs; "
            f"Python {platform_python()}, SQLite {sqlite3.sqlite_version}")
    rows = [("", "figure", "measured", "budget", "raw floor", "×raw", "verdict")]
    for f in figures:
        verdict = {True: "ok", False: "MISSED", None: "n/a"}[f.ok]
        ratio = f"{f.ratio:.1f}×" if f.ratio is not None else ""
        rows.append((f.key, f.label, _fmt(f.value, f.unit), f.budget, _fmt(f.raw, f.unit) if f.raw else "",
                     ratio, verdict))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [head, ""]
    for i, r in enumerate(rows):
        lines.append("  ".join(c.ljust(w) if j in (0, 1, 3, 6) else c.rjust(w)
                               for j, (c, w) in enumerate(zip(r, widths, strict=True))).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append("")
    lines.append("notes:")
    for f in figures:
        if f.note:
            lines.append(f"  {f.key:<3} {f.note}")
    return "\n".join(lines)


def platform_python() -> str:
    return ".".join(str(x) for x in sys.version_info[:3])


def load_avg() -> str:
    try:
        return "/".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--db", metavar="URL", help="a database filled by bench/seed.py")
    p.add_argument("--quick", action="store_true", help="seed a small temporary SQLite database and use it")
    p.add_argument("--clients", type=int, default=20_000, help="--quick: clients to seed")
    p.add_argument("--referrals", type=int, default=60_000, help="--quick: referrals to seed")
    p.add_argument("--runs", type=int, default=15)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--proc-runs", type=int, default=5, help="runs of the fresh-process figures (f, g, h)")
    p.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections of {','.join(SECTIONS)}")
    p.add_argument("--json", metavar="FILE", help="also write the figures as JSON ('-' for standard output)")
    args = p.parse_args(argv)
    if not args.db and not args.quick:
        p.error("give --db URL or --quick")
    tmp = None
    url = args.db
    if args.quick:
        tmp = tempfile.TemporaryDirectory(prefix="lobbybench-")
        url = f"sqlite:///{Path(tmp.name) / 'quick.sqlite3'}"
        result = seeder.seed(url, clients=args.clients, referrals=args.referrals)
        print(seeder.report(result), file=sys.stderr)
    try:
        load_before = load_avg()
        scene, figures = run_bench(url, runs=args.runs, warmup=args.warmup, proc_runs=args.proc_runs,
                                   sections=[s for s in args.only.split(",") if s],
                                   log=lambda s: print(s, file=sys.stderr, flush=True))
        meta = {"db": make_url(url).render_as_string(hide_password=True), "runs": args.runs, "warmup": args.warmup,
                "proc_runs": args.proc_runs, "load_before": load_before, "load_after": load_avg(),
                "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
        print(table(scene, figures, meta))
        if args.json:
            doc = {"meta": meta, "scene": {**asdict(scene), "supervisor": None, "lobby": None, "rm": None},
                   "figures": [{**asdict(f), "ratio": f.ratio} for f in figures]}
            text_ = json.dumps(doc, ensure_ascii=False, indent=2, default=str)
            if args.json == "-":
                print(text_)
            else:
                Path(args.json).write_text(text_, encoding="utf-8")
        return 0 if all(f.ok is not False for f in figures) else 1
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
