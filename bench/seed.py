"""Fill a migrated database with two years of a branch network's referral work, fast, for the benchmark.

    python bench/seed.py --db URL --clients 1000000 --referrals 3000000 [--branches N] [--seed S]

SQLite: SQLAlchemy Core executemany through the models' Table objects (so the
UTCDateTime type and the enum checks still apply) on a private connection with
the journal and fsync off. PostgreSQL: psycopg 3 COPY on the raw connection,
naive UTC timestamps as the type stores them, foreign-key triggers off while
loading. Both drop the secondary indexes first and rebuild them afterwards
from the database's own definitions, so the result is exactly the migrated
schema. Every staff account's password is ``BENCH_PASSWORD``.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import datetime as dt
import json
import os
import random
import sys
import time
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, Python puts bench/ first on the path, where "bench" would be this file, not the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import JSON, Engine, bindparam, create_engine, event, func, select, text, update  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from models import DEFAULT_INTERESTS, Base, ContactResult  # noqa: E402
from services.accounts import hash_password  # noqa: E402
from services.db import BRANCH_TZ, local_date, make_engine, migrate  # noqa: E402
from services.fakes import FakePeople  # noqa: E402
from services.referrals import VOIDED_FOLLOW_UP_REASON  # noqa: E402

UTC = dt.timezone.utc
BENCH_PASSWORD = "Bench2026pw"
BRANCH_CODE_WIDTH = 4
BATCH = 20_000
FAILED_RESULTS = frozenset(r.value for r in ContactResult if r.failed)
TABLES = Base.metadata.tables

# The order of the values in each generated row; checked against the models at start.
FIELDS: dict[str, tuple[str, ...]] = {
    "branch": ("id", "code", "name"),
    "branch_settings": ("id", "branch_id", "abandon_after_attempts", "idle_lock_minutes", "score_weights",
                        "interests", "version", "updated_at", "updated_by_id"),
    "staff": ("id", "branch_id", "staff_no", "name", "role", "active", "password_hash", "failed_logins",
              "locked_until", "must_change_password", "created_at", "version"),
    "client": ("id", "branch_id", "name", "gender", "birth_date", "mobile", "id_number", "occupation", "employer",
               "family", "income_band", "education", "interests", "district", "rm_id", "tier", "score",
               "judged_ordinary_by_id", "judged_ordinary_at", "created_at", "updated_at", "updated_by_id", "version",
               "dependants", "social_standing", "risk_tolerance", "rating_family", "rating_occupation",
               "rating_social"),
    "referral": ("id", "branch_id", "business_date", "created_at", "referrer_id", "client_id", "client_type",
                 "channel", "status", "rm_id", "interests", "preferred_contact_at", "note", "met", "deal",
                 "outcome_products", "outcome_amount", "confirmed_by_id", "confirmed_at", "voided_at",
                 "voided_by_id", "void_reason_id", "updated_at", "updated_by_id", "version", "no_deal_reason"),
    "follow_up": ("id", "branch_id", "client_id", "rm_id", "origin", "referral_id", "state", "next_contact_date",
                  "attempts", "failed_attempts", "last_result", "plan_strengths", "plan_personality", "plan_needs",
                  "plan_goal", "outcome_reason", "opened_at", "closed_at", "closed_by_id", "updated_at",
                  "updated_by_id", "version", "outcome_reason_id", "source_referral_id"),
    "contact_attempt": ("id", "follow_up_id", "staff_id", "channel", "at", "result", "note", "next_contact_date",
                        "branch_id"),
    "appointment": ("id", "follow_up_id", "client_id", "rm_id", "at", "place", "purpose", "note", "status",
                    "created_at", "updated_at", "updated_by_id", "version", "moved_from_id", "branch_id"),
    "day_close": ("id", "branch_id", "business_date", "closed", "closed_by_id", "closed_at", "close_reason_id",
                  "reopened_by_id", "reopened_at", "reopen_reason_id", "updated_at",
                  "updated_by_id", "version"),
    # A void's reason is free text kept apart from the referral (docs/audit.md "Reasons").
    "reason_text": ("id", "branch_id", "author_id", "at", "text"),
}
# Parents first: with foreign-key checks on, every batch must find its parents loaded.
LOAD_ORDER = ("branch", "branch_settings", "staff", "reason_text", "client", "referral", "follow_up",
              "contact_attempt", "appointment", "day_close")
BIG_TABLES = ("client", "referral", "follow_up", "contact_attempt", "appointment")

# --- vocabularies for realistic rows --------------------------------------------------------

OCCUPATIONS = ("教师", "医生", "公务员", "企业主", "工程师", "个体经营", "退休", "销售", "会计", "律师", "护士")
EMPLOYERS = ("市第一人民医院", "区实验小学", "本地制造企业", "软件公司", "贸易公司", "物流公司", "个体工商户")
INCOME = ("10万以下", "10-30万", "30-50万", "50-100万", "100万以上")
EDUCATION = ("高中", "大专", "本科", "硕士", "博士")
DISTRICTS = ("朝阳区", "海淀区", "浦东新区", "徐汇区", "天河区", "福田区", "南山区", "蜀山区", "包河区", "鼓楼区")
CITIES = ("合肥", "南京", "杭州", "上海", "北京", "广州", "深圳", "成都", "武汉", "西安", "重庆", "苏州", "天津",
          "长沙", "郑州", "济南", "福州", "厦门", "青岛", "宁波")
NOTES = ("客户希望下午联系", "对大额存单感兴趣", "带孩子来办卡，关注教育金", "咨询基金定投", "有一笔到期理财待转存",
         "近期有购房计划", "退休金代发客户")
PRODUCTS = ("理财产品", "基金", "保险", "贵金属", "大额存单", "信用卡")
PLACES = ("网点贵宾室", "理财室2", "客户单位", "客户家中", "网点洽谈区")
INTERESTS = tuple(DEFAULT_INTERESTS)
TIERS = ("none", "potential", "ordinary_premium", "core")
CLIENT_TYPE_BY_TIER = (
    # cumulative weights over (existing_premium, existing_potential, to_win, ordinary)
    (15, 40, 85, 100),
    (10, 80, 95, 100),
    (85, 95, 100, 100),
    (92, 98, 100, 100),
)
CLIENT_TYPES = ("existing_premium", "existing_potential", "to_win", "ordinary")
CHANNELS = ("lobby", "non_cash_counter", "cash_counter", "phone_banking", "client_introduction", "field_visit",
            "seminar")
CHANNEL_CUM = (50, 65, 77, 82, 90, 96, 100)
CONTACT_CHANNELS = ("phone", "sms", "visit", "email", "letter")
CONTACT_CHANNEL_CUM = (70, 85, 93, 97, 100)
# Staff of one branch: (role, letter for the staff number, how many); RMs come from --rms-per-branch.
STAFF_SHAPE = (("admin", "A", 1), ("supervisor", "S", 1), ("lobby_manager", "L", 2), ("teller", "T", 8),
               ("marketing", "M", 2))
# Who files referrals, by role: the lobby manager most, then the counters.
REFERRER_SHARE = {"lobby_manager": 45.0, "teller": 35.0, "marketing": 10.0, "rm": 7.0, "supervisor": 3.0}


@dataclass
class SeedResult:
    url: str
    today: dt.date
    rows: dict[str, int] = field(default_factory=dict)
    load_seconds: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0
    index_seconds: float = 0.0
    branches: int = 0

    def rows_total(self) -> int:
        return sum(self.rows.values())


def check_fields() -> None:
    """Refuse to run when the schema has moved on without this file."""
    for name, cols in FIELDS.items():
        have = set(TABLES[name].c.keys())
        if set(cols) != have:
            raise SystemExit(f"bench/seed.py is out of date for table {name}: "
                             f"missing {sorted(have - set(cols))}, unknown {sorted(set(cols) - have)}")


# --- loaders: the same rows into SQLite (Core) or PostgreSQL (COPY) --------------------------

class Loader:
    naive_timestamps = False

    def __init__(self) -> None:
        self.rows: dict[str, int] = {}
        self.seconds: dict[str, float] = {}
        self._saved_indexes: list[tuple[str, str]] = []

    def write(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        t0 = time.perf_counter()
        self._write(table, rows)
        self.seconds[table] = self.seconds.get(table, 0.0) + time.perf_counter() - t0
        self.rows[table] = self.rows.get(table, 0) + len(rows)

    def _write(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        raise NotImplementedError

    def update_clients(self, rows: list[dict[str, Any]]) -> None:
        raise NotImplementedError

    def drop_indexes(self, tables: Sequence[str]) -> None:
        raise NotImplementedError

    def restore_indexes(self) -> None:
        raise NotImplementedError

    def finish(self, analyze: bool) -> None:
        raise NotImplementedError


class SQLiteLoader(Loader):
    """Core executemany on one private connection: no journal, no fsync, a big cache."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.engine = create_engine(url)

        @event.listens_for(self.engine, "connect")
        def _fast(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=OFF")
            cur.execute("PRAGMA synchronous=OFF")
            cur.execute("PRAGMA cache_size=-1048576")  # 1 GiB, this connection only
            cur.execute("PRAGMA temp_store=MEMORY")
            cur.execute("PRAGMA threads=4")  # helper threads for the sorts of CREATE INDEX
            cur.execute("PRAGMA locking_mode=EXCLUSIVE")
            cur.execute("PRAGMA foreign_keys=OFF")
            cur.close()

        self.conn = self.engine.connect()

    def _write(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        cols = FIELDS[table]
        self.conn.execute(TABLES[table].insert(), [dict(zip(cols, r, strict=True)) for r in rows])
        self.conn.commit()

    def update_clients(self, rows: list[dict[str, Any]]) -> None:
        client = TABLES["client"]
        stmt = (update(client).where(client.c.id == bindparam("b_id"))
                .values(tier=bindparam("b_tier"), rm_id=bindparam("b_rm_id"),
                        judged_ordinary_by_id=bindparam("b_judged_by"), judged_ordinary_at=bindparam("b_judged_at"),
                        updated_at=bindparam("b_updated_at"), version=bindparam("b_version")))
        for i in range(0, len(rows), BATCH):
            self.conn.execute(stmt, rows[i:i + BATCH])
        self.conn.commit()

    def drop_indexes(self, tables: Sequence[str]) -> None:
        quote = self.engine.dialect.identifier_preparer.quote
        for table in tables:
            found = self.conn.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :t AND sql IS NOT NULL"),
                {"t": table}).all()
            for name, ddl in found:
                self.conn.exec_driver_sql(f"DROP INDEX {quote(name)}")
                self._saved_indexes.append((name, ddl))
        self.conn.commit()

    def restore_indexes(self) -> None:
        for _name, ddl in self._saved_indexes:
            self.conn.exec_driver_sql(ddl)
        self.conn.commit()
        self._saved_indexes.clear()

    def finish(self, analyze: bool) -> None:
        if analyze:
            self.conn.exec_driver_sql("ANALYZE")
            self.conn.commit()
        self.conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        self.conn.close()
        self.engine.dispose()


class PostgresLoader(Loader):
    """COPY through psycopg 3 on the raw connection; timestamps go in as naive UTC."""

    naive_timestamps = True

    def __init__(self, url: str) -> None:
        super().__init__()
        import psycopg

        self.engine = make_engine(url)
        self._raw = self.engine.raw_connection()
        self.pg: psycopg.Connection[Any] = self._raw.driver_connection  # type: ignore[assignment]
        self.pg.execute("SET synchronous_commit = off")
        self.pg.execute("SET maintenance_work_mem = '512MB'")
        try:  # a superuser may skip the per-row foreign-key triggers; the rows are consistent by construction
            self.pg.execute("SET session_replication_role = replica")
        except psycopg.errors.InsufficientPrivilege:
            self.pg.rollback()
            self.pg.execute("SET synchronous_commit = off")
        self.pg.commit()
        self._json_cols = {
            name: [i for i, c in enumerate(FIELDS[name]) if isinstance(TABLES[name].c[c].type, JSON)]
            for name in FIELDS
        }

    def _copy_sql(self, table: str, cols: Sequence[str]):  # type: ignore[no-untyped-def]
        from psycopg import sql

        return sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table), sql.SQL(", ").join(sql.Identifier(c) for c in cols))

    def _write(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        json_cols = self._json_cols[table]
        with self.pg.cursor() as cur, cur.copy(self._copy_sql(table, FIELDS[table])) as copy:
            if json_cols:
                for r in rows:
                    row = list(r)
                    for i in json_cols:
                        row[i] = json.dumps(row[i], ensure_ascii=False)
                    copy.write_row(row)
            else:
                for r in rows:
                    copy.write_row(r)
        self.pg.commit()

    def update_clients(self, rows: list[dict[str, Any]]) -> None:
        cols = ("b_id", "b_tier", "b_rm_id", "b_judged_by", "b_judged_at", "b_updated_at", "b_version")
        with self.pg.cursor() as cur:
            cur.execute("CREATE TEMP TABLE seed_client_update (b_id integer, b_tier varchar(32), b_rm_id integer,"
                        " b_judged_by integer, b_judged_at timestamp, b_updated_at timestamp, b_version integer)"
                        " ON COMMIT DROP")
            with cur.copy(self._copy_sql("seed_client_update", cols)) as copy:
                for r in rows:
                    copy.write_row(tuple(r[c] for c in cols))
            cur.execute("UPDATE client SET tier = u.b_tier, rm_id = u.b_rm_id, judged_ordinary_by_id = u.b_judged_by,"
                        " judged_ordinary_at = u.b_judged_at, updated_at = u.b_updated_at, version = u.b_version"
                        " FROM seed_client_update u WHERE client.id = u.b_id")
        self.pg.commit()

    def drop_indexes(self, tables: Sequence[str]) -> None:
        from psycopg import sql

        with self.pg.cursor() as cur:
            for table in tables:
                cur.execute(
                    "SELECT i.indexname, i.indexdef FROM pg_indexes i"
                    " WHERE i.schemaname = current_schema() AND i.tablename = %s"
                    " AND NOT EXISTS (SELECT 1 FROM pg_constraint c"
                    "  WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)",
                    (table,))
                for name, ddl in cur.fetchall():
                    cur.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(name)))
                    self._saved_indexes.append((name, ddl))
        self.pg.commit()

    def restore_indexes(self) -> None:
        with self.pg.cursor() as cur:
            for _name, ddl in self._saved_indexes:
                cur.execute(ddl)
        self.pg.commit()
        self._saved_indexes.clear()

    def finish(self, analyze: bool) -> None:
        self.set_sequences(LOAD_ORDER)
        self.vacuum_analyze(LOAD_ORDER)
        self.close()

    def set_sequences(self, tables: Sequence[str]) -> None:
        """Each table's id sequence past its largest id (the rows came with their ids)."""
        from psycopg import sql

        with self.pg.cursor() as cur:
            for table in tables:
                cur.execute(sql.SQL("SELECT setval(pg_get_serial_sequence(%s, 'id'), "
                                    "coalesce((SELECT max(id) FROM {}), 0) + 1, false)").format(sql.Identifier(table)),
                            (table,))
        self.pg.commit()

    def vacuum_analyze(self, tables: Sequence[str]) -> None:
        """Autovacuum would get there on a live server; the benchmark should not wait for it."""
        from psycopg import sql

        self.pg.autocommit = True
        for table in tables:
            self.pg.execute(sql.SQL("VACUUM (ANALYZE) {}").format(sql.Identifier(table)))
        self.pg.autocommit = False

    def close(self) -> None:
        self._raw.close()
        self.engine.dispose()


# --- the generator ---------------------------------------------------------------------------

class Generator:
    """Produces every row from one seeded RNG; ids are assigned here so children can point at them."""

    def __init__(self, loader: Loader, *, clients: int, referrals: int, branches: int, days: int, today: dt.date,
                 seed: int, rms_per_branch: int, progress: bool) -> None:
        self.loader = loader
        self.n_clients, self.n_referrals, self.n_branches = clients, referrals, branches
        self.days, self.today, self.rms_per_branch = days, today, rms_per_branch
        self.rng = random.Random(seed)
        self.people = FakePeople(self.rng)
        self.progress = progress
        tz = None if loader.naive_timestamps else UTC
        self.start = today - dt.timedelta(days=days - 1)
        # The branch's local midnight of the first day, in UTC; China keeps UTC+8 all year.
        start_utc = dt.datetime.combine(self.start, dt.time(0), BRANCH_TZ).astimezone(UTC)
        self.start_utc = start_utc if tz else start_utc.replace(tzinfo=None)
        self.now = self.at(days - 1, 12 * 3600 + 30 * 60)  # the seed's "now": today, half past noon
        self.buffers: dict[str, list[tuple[Any, ...]]] = {t: [] for t in LOAD_ORDER}
        self.ids: dict[str, int] = {t: 0 for t in LOAD_ORDER}
        # Per branch: staff ids by role, RMs with their weights, referrers with theirs.
        self.rms: list[list[int]] = []
        self.rm_cum: list[list[float]] = []
        self.referrers: list[list[int]] = []
        self.referrer_cum: list[list[float]] = []
        self.lobby: list[list[int]] = []
        # Per client (index = id): branch, tier code, RM; per branch the ids and creation days, ascending.
        self.client_branch = array("i", [0])
        self.client_tier = bytearray(1)
        self.client_rm = array("i", [0])
        self.branch_clients: list[array[int]] = []
        self.branch_client_days: list[array[int]] = []
        self.client_updates: dict[int, list[Any]] = {}

    # helpers

    def at(self, day: int, seconds: float) -> dt.datetime:
        """Day index (0 = first day; negative before the window) and local seconds after midnight → UTC."""
        return self.start_utc + dt.timedelta(days=day, seconds=seconds)

    def next_id(self, table: str) -> int:
        self.ids[table] += 1
        return self.ids[table]

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        self.buffers[table].append(row)

    def flush(self, force: bool = False) -> None:
        if not force and len(self.buffers["referral"]) < BATCH and len(self.buffers["client"]) < BATCH:
            return
        for table in LOAD_ORDER:
            rows = self.buffers[table]
            if rows:
                self.loader.write(table, rows)
                self.buffers[table] = []

    def name(self) -> str:
        return self.people.name()

    def weighted_pick(self, items: Sequence[int], cum: Sequence[float]) -> int:
        return items[bisect.bisect_right(cum, self.rng.random() * cum[-1])]

    # the organisation

    def branches_and_staff(self, password_hash: str) -> None:
        created = self.at(-400, 9 * 3600)
        for _b in range(self.n_branches):
            bid = self.next_id("branch")
            self.add("branch", (bid, branch_code(bid), branch_name(bid)))
            self.add("branch_settings", (self.next_id("branch_settings"), bid, 3, 10, {}, list(INTERESTS), 1, None,
                                         None))
            by_role: dict[str, list[int]] = {}
            shape = (*STAFF_SHAPE, ("rm", "R", self.rms_per_branch))
            for role, letter, count in shape:
                for k in range(1, count + 1):
                    sid = self.next_id("staff")
                    by_role.setdefault(role, []).append(sid)
                    self.add("staff", (sid, bid, f"{branch_code(bid)}{letter}{k:03d}", self.name(), role, True,
                                       password_hash, 0, None, False, created, 1))
            rms = by_role["rm"]
            # A few RMs carry far more clients than the rest: the "busy RM" of the benchmark.
            rm_weights = [3.0 if i < 3 else 1.0 for i in range(len(rms))]
            self.rms.append(rms)
            self.rm_cum.append(_cumulative(rm_weights))
            refs: list[int] = []
            weights: list[float] = []
            for role, share in REFERRER_SHARE.items():
                people = by_role.get(role, [])
                for sid in people:
                    refs.append(sid)
                    weights.append(share / len(people))
            self.referrers.append(refs)
            self.referrer_cum.append(_cumulative(weights))
            self.lobby.append(by_role["lobby_manager"])
            self.branch_clients.append(array("i"))
            self.branch_client_days.append(array("i"))
        self.flush(force=True)

    def branch_cum(self) -> list[float]:
        # Busier branches first: branch k has weight 1/sqrt(k).
        return _cumulative([1.0 / (k + 1) ** 0.5 for k in range(self.n_branches)])

    # clients

    def clients(self) -> None:
        rng = self.rng
        n = self.n_clients
        legacy = int(n * 0.35)  # on the books before the two years began
        cum = self.branch_cum()
        branch_ids = list(range(self.n_branches))
        tiers_cum = (55, 77, 94, 100)
        for k in range(n):
            cid = self.next_id("client")
            b = branch_ids[bisect.bisect_right(cum, rng.random() * cum[-1])]
            day = -1095 + k * 1095 // legacy if k < legacy else (k - legacy) * self.days // max(1, n - legacy)
            tier = bisect.bisect_right(tiers_cum, rng.randrange(100))
            rm = self.weighted_pick(self.rms[b], self.rm_cum[b]) if tier or rng.random() < 0.1 else 0
            self.client_branch.append(b)
            self.client_tier.append(tier)
            self.client_rm.append(rm)
            self.branch_clients[b].append(cid)
            self.branch_client_days[b].append(day)
            if rng.random() < 0.4:
                sex = self.people.gender()
                birth = self.people.birth()
                # A million clients: ID numbers are not checked for repeats (the schema does not ask it).
                id_number: str | None = self.people.id_number(birth, sex, unique=False)
                gender = sex.value
                birth_date: dt.date | None = birth
            else:
                id_number, birth_date = None, None
                gender = "unknown" if rng.random() < 0.6 else rng.choice(("male", "female"))
            mobile = self.people.mobile()
            score = (rng.randrange(0, 30), rng.randrange(30, 60), rng.randrange(60, 85), rng.randrange(85, 101))[tier]
            self.add("client", (
                cid, b + 1, self.name(), gender, birth_date, mobile, id_number,
                rng.choice(OCCUPATIONS) if rng.random() < 0.4 else None,
                rng.choice(EMPLOYERS) if rng.random() < 0.25 else None,
                None,
                rng.choice(INCOME) if rng.random() < 0.3 else None,
                rng.choice(EDUCATION) if rng.random() < 0.3 else None,
                rng.sample(INTERESTS, rng.choice((0, 0, 1, 1, 2, 3))),
                rng.choice(DISTRICTS) if rng.random() < 0.5 else None,
                rm or None, TIERS[tier], score, None, None,
                self.at(day, 8 * 3600 + rng.randrange(9 * 3600)), None, None, 1,
                None, None, None,  # dependants, social standing, risk tolerance: typed by the RM later
                None, None, None,  # the RM's ratings: not yet rated (bench/recompute.py rates them)
            ))
            if len(self.buffers["client"]) >= BATCH:
                self.flush()
            if self.progress and cid % 250_000 == 0:
                _say(f"  clients {cid:,}")
        self.flush(force=True)

    # referrals and everything that follows from them

    def referrals(self) -> None:
        rng = self.rng
        days = self.days
        weights = []
        for d in range(days):
            day = self.start + dt.timedelta(days=d)
            w = (0.55 if day.weekday() >= 5 else 1.0) * (0.7 + 0.6 * d / days)
            weights.append(w * (0.45 if d == days - 1 else 1.0))  # today: the morning so far
        total = sum(weights)
        cum, acc = [], 0.0
        for w in weights:
            acc += w
            cum.append(round(acc / total * self.n_referrals))
        bcum = self.branch_cum()
        branch_ids = list(range(self.n_branches))
        done = 0
        for d in range(days):
            n = cum[d] - (cum[d - 1] if d else 0)
            if n <= 0:
                continue
            business_date = self.start + dt.timedelta(days=d)
            age = days - 1 - d
            close_s = 12 * 3600 + 30 * 60 if age == 0 else 17 * 3600 + 30 * 60
            seconds = sorted(rng.randrange(9 * 3600, close_s) + rng.random() for _ in range(n))
            cut = [bisect.bisect_right(self.branch_client_days[b], d) for b in branch_ids]
            recent = [bisect.bisect_left(self.branch_client_days[b], d - 2) for b in branch_ids]
            for i in range(n):
                b = branch_ids[bisect.bisect_right(bcum, rng.random() * bcum[-1])]
                self.referral(b, d, age, business_date, seconds[i], cut[b], recent[b])
            done += n
            self.flush()
            if self.progress and (d % 60 == 0 or d == days - 1):
                _say(f"  referrals {done:,} (day {business_date})")
        self.flush(force=True)

    def referral(self, b: int, d: int, age: int, business_date: dt.date, sec: float, cut: int, recent: int) -> None:
        rng = self.rng
        ids = self.branch_clients[b]
        if cut == 0:
            cut = len(ids)
        if recent < cut and rng.random() < 0.55:
            cid = ids[rng.randrange(recent, cut)]  # a new face: this week's client
        else:
            cid = ids[rng.randrange(cut)]
        rid = self.next_id("referral")
        created = self.at(d, sec)
        referrer = self.weighted_pick(self.referrers[b], self.referrer_cum[b])
        tier = self.client_tier[cid]
        own_rm = self.client_rm[cid]
        rm = own_rm if own_rm and rng.random() < 0.8 else self.weighted_pick(self.rms[b], self.rm_cum[b])
        client_type = CLIENT_TYPES[bisect.bisect_right(CLIENT_TYPE_BY_TIER[tier], rng.randrange(100))]
        channel = CHANNELS[bisect.bisect_right(CHANNEL_CUM, rng.randrange(100))]
        pending = rng.random() < 0.45
        interests = rng.sample(INTERESTS, rng.choice((0, 1, 1, 2, 2, 3)))
        note = rng.choice(NOTES) if rng.random() < 0.15 else None
        preferred = None
        if pending:
            preferred = self.at(d + rng.choice((0, 1, 1, 1, 2, 2, 3, 5, 7)), rng.randrange(10, 17) * 3600)
            if preferred < created:
                preferred = created + dt.timedelta(hours=2)
        met = deal = products = amount = confirmed_by = confirmed_at = None
        voided_at = voided_by = void_reason = updated_at = updated_by = None
        version = 1
        if not pending and rng.random() < (0.3 if age == 0 else 0.96):
            met = rng.random() < 0.92
            deal = met and rng.random() < 0.35
            if deal:
                products = rng.choice(PRODUCTS)
                amount = Decimal(rng.randrange(1, 500) * 1000)
            confirmed_by = rm if rng.random() < 0.8 else rng.choice(self.lobby[b])
            confirmed_at = min(created + dt.timedelta(seconds=rng.randrange(1800, 8 * 3600)), self.now)
            updated_at, updated_by = confirmed_at, confirmed_by
            version += 1
        if rng.random() < 0.01:
            voided_at = min(created + dt.timedelta(seconds=rng.randrange(600, 7200)), self.now)
            void_reason = self.next_id("reason_text")
            self.add("reason_text", (void_reason, b + 1, referrer, voided_at, "录入错误，重复推介"))
            voided_by, updated_at, updated_by = referrer, voided_at, referrer
            version += 1
        self.add("referral", (
            rid, b + 1, business_date, created, referrer, cid, client_type, channel,
            "pending" if pending else "referred", rm, interests, preferred, note, met, deal, products, amount,
            confirmed_by, confirmed_at, voided_at, voided_by, void_reason, updated_at, updated_by, version, None,
        ))
        if pending:
            due = _date_of(preferred, self.loader.naive_timestamps) if preferred is not None else business_date
            self.follow_up(b, cid, rm, rid, created, age, due, voided_at, referrer)
        if voided_at is None and rng.random() < 0.04:
            # An RM's own follow-up (not from a referral) for one of the branch's clients.
            other = ids[rng.randrange(cut)]
            self.follow_up(b, other, rm, None, created + dt.timedelta(minutes=1), age, business_date, None, rm)

    def follow_up(self, b: int, cid: int, rm: int, referral_id: int | None, opened: dt.datetime, age: int,
                  due: dt.date, voided_at: dt.datetime | None, voided_by: int) -> None:
        rng = self.rng
        fid = self.next_id("follow_up")
        today = self.today
        closed_at = closed_by = reason = None
        next_date: dt.date | None = None
        if voided_at is not None:
            state, attempts, closed_at, closed_by = "abandoned", 0, voided_at, voided_by
            reason = VOIDED_FOLLOW_UP_REASON
        else:
            if age > 45:
                closed = rng.random() >= 0.02  # a few long-overdue ones nobody closed
            elif age > 7:
                closed = rng.random() < 0.9 * (age - 7) / 38
            else:
                closed = rng.random() < 0.05
            if closed:
                r = rng.randrange(100)
                state = "converted" if r < 30 else "not_premium" if r < 65 else "abandoned"
                attempts = (rng.randint(1, 3) if state == "converted" else rng.randint(1, 2)
                            if state == "not_premium" else rng.randint(3, 5))
                closed_at = max(opened, min(opened + dt.timedelta(days=rng.randint(1, max(1, min(40, age))),
                                                                  seconds=rng.randrange(3600, 6 * 3600)), self.now))
                closed_by = rm
                reason = {"converted": "已办理理财，升级为优质客户", "not_premium": "资产不足，判定为普通客户",
                          "abandoned": "多次联系未接通"}[state]
            else:
                state = "appointed" if rng.random() < 0.12 else "open"
                if state == "appointed":
                    attempts = rng.randint(1, 3)
                    next_date = today + dt.timedelta(days=rng.randint(0, 7))
                else:
                    attempts = 0 if age <= 1 else rng.randint(0, 3)
                    next_date = due if age <= 7 else today + dt.timedelta(days=rng.randint(-10, 14))
        last_at = opened
        failed = 0  # failed attempts since the last success (docs/product.md "Workflow")
        last_result: str | None = None
        span_end = max(closed_at or self.now, opened)
        step = (span_end - opened) / (attempts + 1) if attempts else None
        for k in range(attempts):
            assert step is not None
            at = opened + step * (k + 1)
            last = k == attempts - 1
            if last and state == "converted":
                result = "appointment"
            elif last and state == "not_premium":
                result = "declined"
            elif last and state == "appointed":
                result = "appointment"
            elif state == "abandoned":
                result = "wrong_number" if rng.random() < 0.05 else "no_answer"
            else:
                result = "no_answer" if rng.random() < 0.55 else "reached"
            channel = CONTACT_CHANNELS[bisect.bisect_right(CONTACT_CHANNEL_CUM, rng.randrange(100))]
            next_contact = None if result in ("declined", "wrong_number") else (
                _date_of(at, self.loader.naive_timestamps) + dt.timedelta(days=rng.randint(1, 5)))
            self.add("contact_attempt", (self.next_id("contact_attempt"), fid, rm, channel, at, result,
                                         rng.choice(NOTES) if rng.random() < 0.2 else None, next_contact,
                                         b + 1))
            last_at = at
            failed = failed + 1 if result in FAILED_RESULTS else 0
            last_result = result
            if result == "appointment":
                if state == "appointed" and next_date is not None:
                    appt_at = self.at((next_date - self.start).days, rng.randrange(10, 17) * 3600)
                    status = "scheduled"
                else:
                    appt_at = min(at + dt.timedelta(days=rng.randint(1, 3)), span_end)
                    status = "held" if state == "converted" else "cancelled"
                self.add("appointment", (self.next_id("appointment"), fid, cid, rm, appt_at, rng.choice(PLACES),
                                         None, None, status, at, None, None, 1, None, b + 1))
        if state == "converted":
            if self.client_tier[cid] < 2:
                self.client_tier[cid] = 2
            self.client_rm[cid] = rm
            self._client_changed(cid, closed_at)
        elif state == "not_premium":
            upd = self._client_changed(cid, closed_at)
            upd[0], upd[1] = rm, closed_at
        version = 1 + attempts + (1 if closed_at is not None else 0)
        updated = closed_at or (last_at if attempts else None)
        self.add("follow_up", (fid, b + 1, cid, rm, "referral" if referral_id else "own", referral_id, state,
                               next_date, attempts, failed, last_result, None, None, None, None, reason, opened,
                               closed_at, closed_by, updated,
                               (closed_by or rm) if updated is not None else None, version, None, None))

    def _client_changed(self, cid: int, when: dt.datetime | None) -> list[Any]:
        upd = self.client_updates.get(cid)
        if upd is None:
            upd = self.client_updates[cid] = [None, None, when]
        elif when is not None and (upd[2] is None or when > upd[2]):
            upd[2] = when
        return upd

    def client_update_rows(self) -> list[dict[str, Any]]:
        return [
            {"b_id": cid, "b_tier": TIERS[self.client_tier[cid]], "b_rm_id": self.client_rm[cid] or None,
             "b_judged_by": judged_by, "b_judged_at": judged_at, "b_updated_at": updated, "b_version": 2}
            for cid, (judged_by, judged_at, updated) in sorted(self.client_updates.items())
        ]

    def day_closes(self) -> None:
        for b in range(self.n_branches):
            closer = self.lobby[b][0]
            for d in range(self.days - 1):  # every day but today is closed
                self.add("day_close", (self.next_id("day_close"), b + 1, self.start + dt.timedelta(days=d), True,
                                       closer, self.at(d, 18 * 3600 + 30 * 60), None, None, None, None,
                                       self.at(d, 18 * 3600 + 30 * 60), closer, 1))
        self.flush(force=True)


def branch_code(branch_id: int) -> str:
    """The branch's id, zero-padded; a staff number starts with it (bench/replicate.py relies on both)."""
    return f"{branch_id:0{BRANCH_CODE_WIDTH}d}"


def branch_name(branch_id: int) -> str:
    """The first branch is the city's main office; the others are sub-branches named by city and district."""
    b = branch_id - 1
    city = CITIES[b % len(CITIES)]
    return f"{city}{DISTRICTS[b % len(DISTRICTS)]}支行" if b else f"{city}分行营业部"


def _cumulative(weights: Sequence[float]) -> list[float]:
    out, acc = [], 0.0
    for w in weights:
        acc += w
        out.append(acc)
    return out


def _date_of(moment: dt.datetime, naive_utc: bool) -> dt.date:
    return (moment + dt.timedelta(hours=8)).date() if naive_utc else local_date(moment)


def _say(text_: str) -> None:
    print(text_, file=sys.stderr, flush=True)


def default_branches(referrals: int) -> int:
    """About 300 referrals a branch day over two years, as in docs/product.md "Budgets"; at least one branch."""
    return max(1, min(60, round(referrals / (730 * 300))))


def reset_database(url: str) -> None:
    """Empty the database completely (bench only): delete the SQLite file or the PostgreSQL schema."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            for suffix in ("", "-wal", "-shm", "-journal"):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(parsed.database + suffix)
        return
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def seed(url: str, *, clients: int, referrals: int, branches: int | None = None, seed: int = 2026,
         today: dt.date | None = None, days: int = 730, rms_per_branch: int = 40, analyze: bool = False,
         progress: bool = False) -> SeedResult:
    """Migrate ``url`` and fill it; the database must hold no branch yet."""
    check_fields()
    t_start = time.perf_counter()
    engine: Engine = make_engine(url)
    migrate(engine)
    with engine.connect() as conn:
        if conn.scalar(select(func.count()).select_from(TABLES["branch"])):
            engine.dispose()
            raise SystemExit(f"{url}: the database already holds data; seed an empty one (or pass --reset)")
    engine.dispose()
    today = today or dt.datetime.now(BRANCH_TZ).date()
    n_branches = branches or default_branches(referrals)
    loader: Loader = PostgresLoader(url) if make_url(url).get_backend_name() == "postgresql" else SQLiteLoader(url)
    gen = Generator(loader, clients=max(clients, n_branches), referrals=referrals, branches=n_branches, days=days,
                    today=today, seed=seed, rms_per_branch=rms_per_branch, progress=progress)
    loader.drop_indexes(BIG_TABLES)
    gen.branches_and_staff(hash_password(BENCH_PASSWORD))
    gen.clients()
    gen.referrals()
    gen.day_closes()
    t0 = time.perf_counter()
    loader.update_clients(gen.client_update_rows())
    loader.seconds["client"] = loader.seconds.get("client", 0.0) + time.perf_counter() - t0
    t0 = time.perf_counter()
    if progress:
        _say("  rebuilding indexes")
    loader.restore_indexes()
    loader.finish(analyze)
    result = SeedResult(url=url, today=today, rows=dict(loader.rows), load_seconds=dict(loader.seconds),
                        branches=n_branches)
    result.index_seconds = time.perf_counter() - t0
    result.seconds = time.perf_counter() - t_start
    return result


def report(result: SeedResult) -> str:
    lines = [f"{'table':<16} {'rows':>12} {'load s':>9} {'rows/s':>11}"]
    for table in LOAD_ORDER:
        n = result.rows.get(table, 0)
        s = result.load_seconds.get(table, 0.0)
        lines.append(f"{table:<16} {n:>12,} {s:>9.1f} {(n / s if s else 0):>11,.0f}")
    total = result.rows_total()
    lines.append(f"{'total':<16} {total:>12,} {result.seconds:>9.1f} {total / result.seconds:>11,.0f}"
                 "   (wall, generation and index rebuild included)")
    lines.append(f"index rebuild and finish: {result.index_seconds:.1f} s; branches: {result.branches}; "
                 f"today: {result.today}; staff password: {BENCH_PASSWORD}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--db", required=True, metavar="URL", help="sqlite:///FILE or postgresql+psycopg://…")
    p.add_argument("--clients", type=int, default=1_000_000)
    p.add_argument("--referrals", type=int, default=3_000_000)
    p.add_argument("--branches", type=int, default=None, help="default: about 300 referrals a branch day")
    p.add_argument("--rms-per-branch", type=int, default=40)
    p.add_argument("--days", type=int, default=730, help="business days covered, ending today")
    p.add_argument("--today", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD (default: today)")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--analyze", action="store_true", help="SQLite: run ANALYZE afterwards (the app never does)")
    p.add_argument("--reset", action="store_true", help="delete the SQLite file / drop the PostgreSQL schema first")
    args = p.parse_args(argv)
    if args.reset:
        reset_database(args.db)
    result = seed(args.db, clients=args.clients, referrals=args.referrals, branches=args.branches, seed=args.seed,
                  today=args.today, days=args.days, rms_per_branch=args.rms_per_branch, analyze=args.analyze,
                  progress=True)
    print(report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
