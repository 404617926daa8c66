"""Issue 10's probes at full counts, as one table: what was tried, how often, what was lost or leaked, the worst wait.

    python bench/trust.py [--db-pg URL] [--scale small|full] [--engines sqlite,postgresql] [--json FILE]

Every probe acts as users and workstations would: referrals are filed through
``services.referrals.file_referral`` by separate processes, sign-ins go through
``services.accounts.authenticate``, and imports, checks, backups and exports run
``main.py`` as a subprocess. The harness reads the database afterwards to find
what was lost (a save reported done but missing, an import left half written, a
duplicate client) or leaked (an escape sequence echoed to the terminal, a formula
cell in an exported .xlsx, a full mobile or ID number in an export, a traceback
on the console). Those counts must be zero; the waits are printed, never judged
here. ``bench/README.md`` says what each line means.

``--db-pg`` names a PostgreSQL database the bench may wipe: its ``public``
schema is dropped and migrated afresh (as ``bench/seed.py --reset`` does).
POSIX only (SIGKILL, fork).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import json
import multiprocessing as mp
import os
import platform
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, Python puts bench/ first on the path, where "bench" would be this file's folder, not the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from models import AuditEvent, Client, Referral, Staff  # noqa: E402
from services import accounts  # noqa: E402
from services.db import BRANCH_TZ, Database, make_engine, migrate  # noqa: E402
from services.permissions import Actor  # noqa: E402
from services.validation import id_check_char  # noqa: E402

MAIN = ROOT / "main.py"
PASSWORD = "Trust2026pw"
BRANCH_CODE, BRANCH_NAME = "0001", "信任测试支行"
REFERRERS = ("L001", "L002", "T001", "T002")  # two lobby managers, two tellers: the people who file
RMS = ("R001", "R002", "R003", "R004")
MAX_FAILED_LOGINS = 5  # docs/product.md "Privacy and security"
LONG_LINE = 1000  # a console line longer than this echoes input (issue 10: a 20 041-character header line)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国志丹萍玉红梅鑫波宇浩凯晨阳婷雪琳欣怡涵轩佳诗雨鸣俊博文"


@dataclass(frozen=True)
class Scale:
    savers: int  # concurrent saving processes
    saves_each: int
    same_clients: int  # the shared mobiles every saver files for
    save_kills: int
    import_kills: int
    kill_import_rows: int
    big_import_rows: int
    big_import_timeout: float  # seconds before the big import is called unfinished (and killed)
    damaged: int  # damaged-file variants (100 at full scale)
    hostile: int | None  # hostile import files (None: the whole corpus)
    guessers: int
    guess_rounds: int
    guesses_each: int
    every_export: bool  # every hostile branch name and every sheet (else two names, the daily sheet)
    storm_savers: int  # saving processes while people sign in
    storm_saves: int
    signers: int  # people signing in at once (production argon2 cost)
    signins_each: int


SCALES = {
    "small": Scale(savers=4, saves_each=15, same_clients=8, save_kills=3, import_kills=3, kill_import_rows=60,
                   big_import_rows=200, big_import_timeout=90, damaged=6, hostile=8, guessers=4, guess_rounds=1,
                   guesses_each=4, every_export=False, storm_savers=2, storm_saves=10, signers=4,
                   signins_each=1),
    "full": Scale(savers=8, saves_each=500, same_clients=50, save_kills=50, import_kills=50, kill_import_rows=300,
                  big_import_rows=100_000, big_import_timeout=120, damaged=100, hostile=None, guessers=8,
                  guess_rounds=5, guesses_each=8, every_export=True, storm_savers=8, storm_saves=60,
                  signers=16, signins_each=3),
}


@dataclass
class Row:
    """One line of the table. ``bad`` must be all zero; ``failed`` and the rest are figures."""

    probe: str
    what: str
    engine: str
    times: int
    bad: dict[str, int] = field(default_factory=dict)
    failed: dict[str, int] = field(default_factory=dict)
    worst_wait: float | None = None
    notes: str = ""
    details: list[str] = field(default_factory=list)  # which inputs failed how (in the JSON, not the table)


_T0 = time.perf_counter()


def say(text: str) -> None:
    print(f"· {time.perf_counter() - _T0:5.0f} s  {text}", file=sys.stderr, flush=True)


# --- people and files --------------------------------------------------------------------


def mobile(n: int) -> str:
    """A valid, distinct mobile for each n below 7e9 (11 digits, 13x–19x)."""
    return "1" + "3456789"[(n // 10**9) % 7] + f"{n % 10**9:09d}"


def person(n: int) -> str:
    name = SURNAMES[n % len(SURNAMES)] + GIVEN[(n // len(SURNAMES)) % len(GIVEN)]
    return name + GIVEN[(n * 7) % len(GIVEN)] if n % 3 else name


def id_number(n: int) -> str:
    birth = dt.date(1960, 1, 1) + dt.timedelta(days=(n * 37) % 14_000)
    body = f"340104{birth:%Y%m%d}{n % 1000:03d}"
    return body + id_check_char(body)


def business_day() -> dt.date:
    """Yesterday in the branch: imported rows are of a past, still open day."""
    return dt.datetime.now(BRANCH_TZ).date() - dt.timedelta(days=1)


HEADER = ("日期", "推介人工号", "客户姓名", "手机号", "证件号", "客户类型", "推介状态", "理财经理工号", "渠道", "备注")


def referral_rows(first: int, count: int, note: str, *, with_ids: bool = False) -> list[list[str]]:
    day = business_day().isoformat()
    types = ("to_win", "existing_potential", "existing_premium")
    rows = []
    for n in range(first, first + count):
        rows.append([
            day, REFERRERS[n % len(REFERRERS)], person(n), mobile(n), id_number(n) if with_ids and n % 2 else "",
            types[n % 3], "pending" if n % 5 == 0 else "referred", RMS[n % len(RMS)], "lobby", note,
        ])
    return rows


def write_csv(path: Path, rows: Iterable[Sequence[str]], header: Sequence[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


# --- databases ---------------------------------------------------------------------------


def open_db(url: str) -> Database:
    return Database(make_engine(url))


def prepare(url: str, guess_accounts: int, signers: int = 0) -> None:
    """Migrate and set up one branch with its staff.

    Only the guessed and the signing-in accounts (G…, P…) get the production argon2 cost;
    the others never sign in, so a cheap hash saves seconds at every start.
    """
    from argon2 import PasswordHasher

    db = open_db(url)
    production = getattr(accounts, "_hasher", None)  # where sign-in keeps its hasher may change; then all pay
    try:
        migrate(db.engine)
        branch, _ = accounts.ensure_branch(db, BRANCH_CODE, BRANCH_NAME)
        system = Actor.system(branch.id)
        people = [(no, "lobby_manager" if no.startswith("L") else "teller") for no in REFERRERS]
        people += [(no, "rm") for no in RMS] + [("S001", "supervisor")]
        people += [(f"G{i:03d}", "teller") for i in range(1, guess_accounts + 1)]
        people += [(f"P{i:03d}", "teller") for i in range(1, signers + 1)]
        for i, (no, role) in enumerate(people):
            if production is not None:
                cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
                accounts._hasher = production if no[0] in "GP" else cheap
            accounts.add_staff(db, system, staff_no=no, name=person(900 + i), role=role, password=PASSWORD,
                               must_change_password=False)
    finally:
        if production is not None:
            accounts._hasher = production
        db.dispose()


def reset_pg(url: str) -> None:
    from bench.seed import reset_database

    reset_database(url)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def checkpoint(path: Path) -> None:
    """Fold the WAL into the main file so that a plain copy is the whole database."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")


def copy_db(template: Path, dest: Path) -> Path:
    shutil.copyfile(template, dest)
    return dest


def actor_for(st: Staff) -> Actor:
    """The signed-in person as the services see them, without a sign-in (only the guesses measure those)."""
    return Actor(st.id, st.staff_no, st.name, st.role.value, st.branch_id)


def staff_ids(db: Database, numbers: Iterable[str]) -> dict[str, Staff]:
    with db.read() as s:
        return {st.staff_no: st for st in s.scalars(select(Staff).where(Staff.staff_no.in_(list(numbers))))}


def missing_referrals(db: Database, ids: Sequence[int]) -> int:
    found = 0
    with db.read() as s:
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            found += s.scalar(select(func.count()).select_from(Referral).where(Referral.id.in_(chunk))) or 0
    return len(ids) - found


def referrals_with_note(db: Database, note: str) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Referral).where(Referral.note == note)) or 0)


def duplicate_clients(db: Database) -> int:
    """Clients beyond the first for one (branch, mobile)."""
    with db.read() as s:
        q = (select(func.count().label("n")).select_from(Client).where(Client.mobile.is_not(None))
             .group_by(Client.branch_id, Client.mobile).having(func.count() > 1))
        return sum(n - 1 for n in s.scalars(q))


def sqlite_damaged(url: str) -> int:
    """1 when SQLite's own integrity check finds damage (after the kills), else 0."""
    path = url.removeprefix("sqlite:///")
    con = sqlite3.connect(path)
    try:
        result = con.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError:
        return 1
    finally:
        con.close()
    return 0 if result == [("ok",)] else 1


# --- the saving processes ----------------------------------------------------------------


def failure_kind(exc: BaseException) -> str:
    """The kind of a failed save: database locked, Conflict, or other (named), looking through its causes."""
    from services.errors import Conflict

    seen: list[BaseException] = []
    e: BaseException | None = exc
    while e is not None and e not in seen:
        seen.append(e)
        e = e.__cause__ or e.__context__
    text = " ".join(f"{type(x).__name__} {x}" for x in seen).lower()
    if "database is locked" in text or "database table is locked" in text:
        return "database is locked"
    if isinstance(exc, Conflict):
        return "Conflict"
    if "could not serialize" in text or "deadlock detected" in text:
        return "serialization"
    return f"other: {type(exc).__name__}"


@dataclass(frozen=True)
class Save:
    mobile: str
    name: str
    pending: bool


def _saver(url: str, referrer_no: str, rm_nos: Sequence[str], plan: Sequence[Save], reported: str, summary: str,
           start_at: float, stop: Any = None, pause: float = 0.0) -> None:
    """A workstation filing referrals: each one reported saved is appended to ``reported`` at once."""
    from services.referrals import ReferralInput, file_referral

    waits: list[float] = []
    failures: Counter[str] = Counter()
    db = open_db(url)
    staff = staff_ids(db, [referrer_no, *rm_nos])
    actor = actor_for(staff[referrer_no])
    rm_ids = [staff[no].id for no in rm_nos]
    fd = os.open(reported, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    time.sleep(max(0.0, start_at - time.time()))
    for i, item in enumerate(plan):
        if stop is not None and stop.is_set():
            break
        contact = dt.datetime.now(BRANCH_TZ) + dt.timedelta(days=1) if item.pending else None
        data = ReferralInput(client_type="to_win", status="pending" if item.pending else "referred",
                             rm_id=rm_ids[i % len(rm_ids)], channel="lobby", client_name=item.name,
                             client_mobile=item.mobile, preferred_contact_at=contact)
        t0 = time.perf_counter()
        try:
            filed = file_referral(db, actor, data)
        except Exception as exc:  # every kind is counted, none stops the workstation
            failures[failure_kind(exc)] += 1
        else:
            # Written before anything else happens: a kill after this line must not lose the row.
            os.write(fd, f"{filed.id}\n".encode())
        waits.append(time.perf_counter() - t0)
        if pause:
            time.sleep(pause)
    os.close(fd)
    db.dispose()
    Path(summary).write_text(json.dumps({"saves": len(waits), "failures": failures,
                                         "worst": max(waits, default=0.0)}))


def read_reported(path: Path) -> list[int]:
    if not path.exists():
        return []
    # A kill may cut the last line short; only whole lines were reported to anybody.
    text = path.read_text()
    lines = text.split("\n")
    return [int(x) for x in lines[:-1] if x.strip()]


def ctx() -> Any:
    return mp.get_context("fork")


# --- probe: concurrent saves ---------------------------------------------------------------


def probe_saves(engine: str, url: str, scale: Scale, work: Path) -> Row:
    say(f"{engine}: {scale.savers} processes × {scale.saves_each} saves")
    rng = random.Random(10)
    shared = [Save(mobile(1_000_000 + i), person(1_000_000 + i), False) for i in range(scale.same_clients)]
    procs, files = [], []
    start_at = time.time() + 1.0
    for w in range(scale.savers):
        plan = []
        for i in range(scale.saves_each):
            if i % 2:
                plan.append(rng.choice(shared))
            else:
                n = 2_000_000 + w * 100_000 + i
                plan.append(Save(mobile(n), person(n), i % 6 == 0))
        reported, summary = work / f"saves-{engine}-{w}.ids", work / f"saves-{engine}-{w}.json"
        p = ctx().Process(target=_saver, args=(url, REFERRERS[w % len(REFERRERS)], RMS, plan, str(reported),
                                               str(summary), start_at))
        p.start()
        procs.append(p)
        files.append((reported, summary))
    for p in procs:
        p.join()
    ids: list[int] = []
    failures: Counter[str] = Counter()
    worst = 0.0
    crashed = 0
    for (reported, summary), p in zip(files, procs, strict=True):
        ids += read_reported(reported)
        if p.exitcode != 0 or not summary.exists():
            crashed += 1
            continue
        data = json.loads(summary.read_text())
        failures.update(data["failures"])
        worst = max(worst, data["worst"])
    if crashed:
        failures["workstation process died"] += crashed
    db = open_db(url)
    try:
        lost, dups = missing_referrals(db, ids), duplicate_clients(db)
    finally:
        db.dispose()
    tried = scale.savers * scale.saves_each
    return Row("saves", f"{scale.savers} processes × {scale.saves_each} concurrent saves", engine, tried,
               bad={"saves reported but missing": lost, "duplicate clients for one mobile": dups},
               failed=dict(failures), worst_wait=worst,
               notes=f"{len(ids)} saved; half of them for {scale.same_clients} shared mobiles")


def _signer(url: str, staff_no: str, n: int, summary: str, start_at: float) -> None:
    """A person signing in (argon2 at production cost) while others save."""
    waits: list[float] = []
    failures: Counter[str] = Counter()
    db = open_db(url)
    time.sleep(max(0.0, start_at - time.time()))
    for _ in range(n):
        t0 = time.perf_counter()
        try:
            accounts.authenticate(db, staff_no, PASSWORD)
        except Exception as exc:
            failures[failure_kind(exc)] += 1
        waits.append(time.perf_counter() - t0)
    db.dispose()
    Path(summary).write_text(json.dumps({"failures": failures, "worst": max(waits, default=0.0)}))


def probe_signin_storm(engine: str, url: str, scale: Scale, work: Path) -> Row:
    """docs/product.md "Budgets": the worst wait for a save with workstations saving and people signing in."""
    say(f"{engine}: {scale.storm_savers} processes saving while {scale.signers} people sign in")
    procs: list[tuple[Any, Path | None, Path, str]] = []
    start_at = time.time() + 1.0
    for w in range(scale.storm_savers):
        n0 = 40_000_000 + w * 10_000
        plan = [Save(mobile(n0 + i), person(n0 + i), i % 4 == 0) for i in range(scale.storm_saves)]
        reported, summary = work / f"storm-{engine}-{w}.ids", work / f"storm-{engine}-{w}.json"
        p = ctx().Process(target=_saver, args=(url, REFERRERS[w % len(REFERRERS)], RMS, plan, str(reported),
                                               str(summary), start_at))
        procs.append((p, reported, summary, "save"))
    for i in range(scale.signers):
        summary = work / f"storm-{engine}-signer-{i}.json"
        p = ctx().Process(target=_signer, args=(url, f"P{i + 1:03d}", scale.signins_each, str(summary), start_at))
        procs.append((p, None, summary, "sign-in"))
    for p, *_ in procs:
        p.start()
    ids: list[int] = []
    failures: Counter[str] = Counter()
    worst = {"save": 0.0, "sign-in": 0.0}
    for p, ids_file, summary, kind in procs:
        p.join()
        if ids_file is not None:
            ids += read_reported(ids_file)
        if p.exitcode != 0 or not summary.exists():
            failures[f"{kind} process died"] += 1
            continue
        data = json.loads(summary.read_text())
        failures.update({(k if kind == "save" else f"sign-in: {k}"): v for k, v in data["failures"].items()})
        worst[kind] = max(worst[kind], data["worst"])
    db = open_db(url)
    try:
        lost = missing_referrals(db, ids)
    finally:
        db.dispose()
    return Row("signin-storm", f"{scale.storm_savers} processes × {scale.storm_saves} saves while "
                               f"{scale.signers} people sign in {scale.signins_each}×", engine,
               scale.storm_savers * scale.storm_saves + scale.signers * scale.signins_each,
               bad={"saves reported but missing": lost}, failed=dict(failures), worst_wait=worst["save"],
               notes=f"{len(ids)} saved; worst sign-in {worst['sign-in']:.2f} s")


# --- probe: SIGKILL during saves and imports -----------------------------------------------


def probe_save_kills(engine: str, url: str, scale: Scale, work: Path) -> Row:
    say(f"{engine}: {scale.save_kills} SIGKILLs during saves")
    rng = random.Random(20)
    shared = [Save(mobile(3_000_000 + i), person(3_000_000 + i), False) for i in range(20)]
    ids: list[int] = []
    kills = 0
    batch = 0
    while kills < scale.save_kills:
        # Two workstations saving at once; each is killed at its own random moment.
        procs = []
        for w in range(2):
            n0 = 3_100_000 + (batch * 2 + w) * 10_000
            plan = [rng.choice(shared) if i % 3 == 0 else Save(mobile(n0 + i), person(n0 + i), i % 4 == 0)
                    for i in range(5_000)]
            reported = work / f"kill-{engine}-{batch}-{w}.ids"
            p = ctx().Process(target=_saver, args=(url, REFERRERS[w], RMS, plan, str(reported),
                                                   str(work / f"kill-{engine}-{batch}-{w}.json"), 0.0))
            p.start()
            procs.append((p, reported, rng.uniform(0.3, 1.5)))
        started = time.perf_counter()
        for p, _, at in sorted(procs, key=lambda x: x[2]):
            time.sleep(max(0.0, at - (time.perf_counter() - started)))
            if p.is_alive() and kills < scale.save_kills:
                os.kill(p.pid, signal.SIGKILL)
                kills += 1
            else:
                p.terminate()
        for p, reported, _ in procs:
            p.join()
            ids += read_reported(reported)
        batch += 1
    db = open_db(url)
    try:
        lost = missing_referrals(db, ids)
    finally:
        db.dispose()
    bad = {"saves reported but missing": lost}
    if engine == "sqlite":
        bad["database damaged afterwards"] = sqlite_damaged(url)
    return Row("kill-saves", "SIGKILL a workstation while it saves", engine, kills, bad=bad, worst_wait=None,
               notes=f"{len(ids)} saves reported before the kills")


def run_main(url: str | None, args: Sequence[str], env: dict[str, str], *, timeout: float = 120,
             cwd: Path | None = None) -> tuple[int, bytes, bytes]:
    cmd = [sys.executable, str(MAIN)] + (["--db", url] if url else []) + list(args)
    try:
        proc = subprocess.run(cmd, capture_output=True, env=env, timeout=timeout, cwd=cwd)
    except subprocess.TimeoutExpired as exc:
        return -9, exc.stdout or b"", exc.stderr or b""
    return proc.returncode, proc.stdout, proc.stderr


def child_env(work: Path) -> dict[str, str]:
    """The command line as a user runs it, with its per-user files (log, default database) kept in ``work``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOBBYDESK_")}
    home = work / "home"
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache"),
                     ("XDG_CONFIG_HOME", "config")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def import_cmd(url: str, path: Path) -> list[str]:
    return [sys.executable, str(MAIN), "--db", url, "referrals", "import", str(path)]


def probe_import_kills(engine: str, url: str, scale: Scale, work: Path) -> Row:
    say(f"{engine}: {scale.import_kills} SIGKILLs during imports of {scale.kill_import_rows} rows")
    env = child_env(work)
    rng = random.Random(30)
    rows = scale.kill_import_rows
    # How long the program takes to start and refuse an empty file, then one whole import:
    # the kills land between the two, while the rows are being read and written.
    empty = write_csv(work / f"import-{engine}-empty.csv", [])
    t0 = time.perf_counter()
    run_main(url, ["referrals", "import", str(empty)], env, timeout=300)
    startup = time.perf_counter() - t0
    base = work / f"import-{engine}-whole.csv"
    write_csv(base, referral_rows(4_000_000, rows, "trust-import-whole"))
    t0 = time.perf_counter()
    code, _, err = run_main(url, ["referrals", "import", str(base)], env, timeout=300)
    took = time.perf_counter() - t0
    db = open_db(url)
    partial, kills, attempt, finished_first = 0, 0, 0, 0
    whole = referrals_with_note(db, "trust-import-whole")
    if whole not in (0, rows):
        partial += 1
    try:
        while kills < scale.import_kills and attempt < scale.import_kills * 3:
            attempt += 1
            note = f"trust-kill-{attempt}"
            path = write_csv(work / f"import-{engine}-{attempt}.csv",
                             referral_rows(4_000_000 + attempt * 10_000, rows, note))
            proc = subprocess.Popen(import_cmd(url, path), env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            # Between the start-up and the end of a whole import; a start-up measured longer than a
            # whole import (a cold first run) must not push every kill past the end.
            lower = min(startup, 0.5 * took)
            target = rng.uniform(lower, max(lower, 0.95 * took))
            started = time.perf_counter()
            while proc.poll() is None and time.perf_counter() - started < target:
                time.sleep(0.01)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            else:
                # This machine's speed changes from minute to minute: an import that ended before its
                # kill ran faster than the measured one, so the next kills aim inside this run's length.
                finished_first += 1
                ran = time.perf_counter() - started
                took, startup = ran, min(startup, 0.5 * ran)
            proc.wait()
            n = referrals_with_note(db, note)
            if n not in (0, rows):
                partial += 1
    finally:
        db.dispose()
    bad = {"imports left partly written": partial}
    if engine == "sqlite":
        bad["database damaged afterwards"] = sqlite_damaged(url)
    failed = {} if code == 0 and whole == rows else {f"the whole import (exit {code})": 1}
    return Row("kill-imports", f"SIGKILL `referrals import` of {rows} rows", engine, kills, bad=bad, failed=failed,
               notes=f"a whole import took {took:.1f} s, starting up {startup:.1f} s of it; "
                     f"{finished_first} finished before their kill"
                     + (f"; {err.decode(errors='replace').strip()[:120]}" if code else ""))


# --- probe: the big import while a workstation saves ----------------------------------------


def probe_big_import(engine: str, url: str, scale: Scale, work: Path) -> Row:
    rows = scale.big_import_rows
    say(f"{engine}: a {rows}-row import while another process files referrals")
    env = child_env(work)
    path = write_csv(work / f"big-{engine}.csv", referral_rows(10_000_000, rows, "trust-big", with_ids=True))
    stop = ctx().Event()
    plan = [Save(mobile(20_000_000 + i), person(20_000_000 + i), i % 4 == 0) for i in range(100_000)]
    reported, summary = work / f"big-{engine}.ids", work / f"big-{engine}.json"
    saver = ctx().Process(target=_saver, args=(url, "L002", RMS, plan, str(reported), str(summary), 0.0, stop, 0.05))
    saver.start()
    time.sleep(1.0)  # the workstation is saving before the import starts
    t0 = time.perf_counter()
    proc = subprocess.Popen(import_cmd(url, path), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    timed_out = False
    try:
        out, err = proc.communicate(timeout=scale.big_import_timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
    took = time.perf_counter() - t0
    time.sleep(0.5)
    stop.set()
    saver.join()
    failures: Counter[str] = Counter()
    worst, saves = 0.0, 0
    if saver.exitcode == 0 and summary.exists():
        data = json.loads(summary.read_text())
        failures.update(data["failures"])
        worst, saves = data["worst"], data["saves"]
    else:
        failures["workstation process died"] += 1
    ids = read_reported(reported)
    db = open_db(url)
    try:
        lost = missing_referrals(db, ids)
        imported = referrals_with_note(db, "trust-big")
    finally:
        db.dispose()
    if timed_out:
        failures[f"import unfinished after {scale.big_import_timeout:.0f} s"] += 1
    elif proc.returncode != 0 or imported != rows:
        failures[f"import failed (exit {proc.returncode})"] += 1
    notes = (f"import {took:.1f} s ({rows / took:,.0f} rows/s)" if not timed_out
             else f"import killed unfinished at {took:.0f} s") + f"; the other process: {saves} saves"
    if proc.returncode not in (0, None) and not timed_out:
        notes += f"; {last_line(err)}"
    _ = out
    return Row("big-import", f"{rows:,}-row import while another process saves", engine, rows,
               bad={"imports left partly written": int(imported not in (0, rows)),
                    "saves reported but missing": lost},
               failed=dict(failures), worst_wait=worst, notes=notes)


def last_line(data: bytes) -> str:
    """The console's last line (the message a person reads), made printable."""
    lines = [ln for ln in data.decode("utf-8", "replace").splitlines() if ln.strip()]
    return printable(lines[-1][:160]) if lines else ""


def printable(text: str) -> str:
    return "".join(ch if unicodedata.category(ch)[0] != "C" else "?" for ch in text)


# --- probe: parallel password guesses ------------------------------------------------------


def _guesser(url: str, staff_no: str, n: int, answered: Any, out: str, start_at: float, who: int) -> None:
    """One attacker's workstation. Once five failures have been answered, it sends the right password:
    the lock must refuse it (docs/product.md "Privacy and security": 5 failed logins lock the account)."""
    from services.errors import AuthError

    db = open_db(url)
    results = []
    time.sleep(max(0.0, start_at - time.time()))
    for i in range(n):
        right = answered.value >= MAX_FAILED_LOGINS
        pw = PASSWORD if right else f"Wrong{who}x{i}pw9"
        t0 = time.perf_counter()
        try:
            accounts.authenticate(db, staff_no, pw)
            outcome = "signed_in"
        except AuthError:
            outcome = "refused"
        except Exception as exc:  # a crash instead of an answer: to the guesser, still "not signed in"
            outcome = f"crash: {type(exc).__name__}"
        if outcome != "signed_in" and not right:
            with answered.get_lock():
                answered.value += 1
        results.append({"right": right, "outcome": outcome, "wait": time.perf_counter() - t0})
    db.dispose()
    Path(out).write_text(json.dumps(results))


def probe_guesses(engine: str, url: str, scale: Scale, work: Path) -> Row:
    say(f"{engine}: {scale.guessers} parallel password guessers × {scale.guess_rounds} rounds")
    attempts, failures, audited, crashes, bypasses, worst = 0, 0, 0, Counter[str](), 0, 0.0
    for r in range(scale.guess_rounds):
        staff_no = f"G{r + 1:03d}"
        answered = ctx().Value("i", 0)
        start_at = time.time() + 0.5
        procs = []
        for g in range(scale.guessers):
            out = work / f"guess-{engine}-{r}-{g}.json"
            p = ctx().Process(target=_guesser, args=(url, staff_no, scale.guesses_each, answered, str(out),
                                                     start_at, g))
            p.start()
            procs.append((p, out))
        for p, out in procs:
            p.join()
            if not out.exists():
                crashes["guesser process died"] += 1
                continue
            for res in json.loads(out.read_text()):
                attempts += 1
                worst = max(worst, res["wait"])
                if res["outcome"].startswith("crash"):
                    crashes[res["outcome"]] += 1
                    failures += 1
                elif res["outcome"] == "refused":
                    failures += 1
                elif res["right"]:
                    bypasses += 1
        db = open_db(url)
        try:
            with db.read() as s:
                sid = s.scalar(select(Staff.id).where(Staff.staff_no == staff_no))
                audited += int(s.scalar(
                    select(func.count()).select_from(AuditEvent).where(
                        AuditEvent.action.in_(("login_failed", "login_locked")),
                        ((AuditEvent.entity == "staff") & (AuditEvent.entity_id == sid))
                        | (AuditEvent.actor_staff_no == staff_no))) or 0)
        finally:
            db.dispose()
    checked = MAX_FAILED_LOGINS + bypasses
    return Row("guesses", f"{scale.guessers} parallel password guessers on one account", engine, attempts,
               bad={"passwords checked beyond the 5 allowed": bypasses,
                    "failed sign-ins without an audit event": max(0, failures - audited)},
               failed=dict(crashes), worst_wait=worst,
               notes=f"{scale.guess_rounds} round(s); passwords checked before the lock: {checked}; "
                     f"{failures} refusals, {audited} audit events")


# --- probe: damaged database files ---------------------------------------------------------


def healthy_file(template: Path, work: Path) -> Path:
    """A branch database with a few hundred referrals, vacuumed so that every page is in use."""
    from services.referrals import ReferralInput, file_referral

    path = copy_db(template, work / "healthy.sqlite3")
    db = open_db(sqlite_url(path))
    try:
        staff = staff_ids(db, ["L001", *RMS])
        actor = actor_for(staff["L001"])
        for i in range(300):
            n = 6_000_000 + i
            file_referral(db, actor, ReferralInput(
                client_type="to_win", status="referred", rm_id=staff[RMS[i % 4]].id, channel="lobby",
                client_name=person(n), client_mobile=mobile(n), client_id_number=id_number(n) if i % 2 else None,
                note="客户希望下午联系" * (i % 4)))
    finally:
        db.dispose()
    con = sqlite3.connect(path)
    try:
        con.execute("VACUUM")
    finally:
        con.close()
    checkpoint(path)
    return path


def other_program_file(path: Path, kind: int) -> None:
    con = sqlite3.connect(path)
    try:
        if kind == 0:  # a browser's history
            con.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT, title TEXT, visit_count INT)")
            con.executemany("INSERT INTO moz_places (url, title, visit_count) VALUES (?, ?, ?)",
                            [(f"https://example.org/{i}", f"page {i}", i) for i in range(500)])
        else:  # a notes program
            con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, created TEXT)")
            con.execute("CREATE TABLE branch (x TEXT)")  # a table name that happens to match ours
            con.executemany("INSERT INTO notes (body, created) VALUES (?, ?)",
                            [(f"note {i}" * 20, "2026-01-01") for i in range(200)])
        con.commit()
    finally:
        con.close()


def damaged_variants(healthy: Path, count: int, work: Path) -> list[tuple[str, Path]]:
    """``count`` damaged files: zero bytes, text, other programs' SQLite, truncations and garbage spread over the file.

    Garbage is 4 KiB of random bytes: it always covers the start of a page (a page header or
    an overflow page's link), so the damage is real and not only in a row's text.
    """
    rng = random.Random(40)
    data = healthy.read_bytes()
    size = len(data)
    page = int.from_bytes(data[16:18], "big") or 65536
    out: list[tuple[str, Path]] = []
    fixed: list[tuple[str, bytes | Callable[[Path], None]]] = [
        ("zero bytes", b""),
        ("a text file", "日期,推介人工号,客户姓名\n2026-11-20,L001,王伟\n".encode()),
        ("another program's SQLite file (browser history)", partial(other_program_file, kind=0)),
        ("another program's SQLite file (notes)", partial(other_program_file, kind=1)),
    ]
    rest = max(0, count - len(fixed))
    truncations = rest * 2 // 5
    garbages = rest - truncations
    for i in range(truncations):
        # Every third cut on a page boundary, the rest anywhere; from the header to the last page.
        at = rng.randrange(1, size)
        if i % 3 == 0:
            at = max(page, at - at % page)
        fixed.append((f"truncated at byte {at} of {size}", data[:at]))
    for _ in range(garbages):
        at = rng.randrange(0, size - 4096)
        fixed.append((f"4 KiB of garbage at byte {at}", data[:at] + rng.randbytes(4096) + data[at + 4096:]))
    for i, (label, make) in enumerate(fixed[:count]):
        path = work / f"damaged-{i:03d}.sqlite3"
        if isinstance(make, bytes):
            path.write_bytes(make)
        else:
            make(path)
        out.append((label, path))
    return out


TRACEBACK = b"Traceback (most recent call last)"


def probe_damaged(template: Path, scale: Scale, work: Path) -> Row:
    say(f"files: {scale.damaged} damaged database files through `check` and `backup`")
    dwork = work / "damaged"
    dwork.mkdir()
    env = child_env(dwork)
    healthy = healthy_file(template, dwork)
    variants = damaged_variants(healthy, scale.damaged, dwork)

    def one(item: tuple[str, Path]) -> dict[str, Any]:
        label, path = item
        check_copy = path.with_suffix(".check.sqlite3")
        backup_copy = path.with_suffix(".backup.sqlite3")
        shutil.copyfile(path, check_copy)
        shutil.copyfile(path, backup_copy)
        out_file = path.with_suffix(".out.sqlite3")
        c_code, c_out, c_err = run_main(sqlite_url(check_copy), ["check"], env, cwd=dwork)
        b_code, b_out, b_err = run_main(sqlite_url(backup_copy), ["backup", "--out", str(out_file)], env, cwd=dwork)
        console = c_out + c_err
        return {
            "label": label, "check": c_code, "backup": b_code,
            "tracebacks": int(TRACEBACK in console) + int(TRACEBACK in b_out + b_err),
            "copied": int(b_code == 0 and out_file.exists() and out_file.stat().st_size > 0),
            "check_lines": len([ln for ln in console.splitlines() if ln.strip()]),
            "check_said": last_line(console),
        }

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(one, variants))
    # The healthy file itself must pass: a check that calls everything damaged proves nothing.
    good = copy_db(healthy, dwork / "healthy-check.sqlite3")
    g_code, g_out, g_err = run_main(sqlite_url(good), ["check"], env, cwd=dwork)
    missed = [r for r in results if r["check"] != 1]
    tracebacks = sum(r["tracebacks"] for r in results) + int(TRACEBACK in g_out + g_err)
    copied = sum(r["copied"] for r in results)
    wordy = sum(1 for r in results if r["check_lines"] > 3)
    notes = f"healthy file: check exit {g_code}"
    if missed:
        m = missed[0]
        notes += f"; not called damaged, e.g. {m['label']} (exit {m['check']}: {m['check_said']})"
    if wordy:
        notes += f"; {wordy} checks printed more than 3 lines"
    details = [f"{r['label']}: check exit {r['check']}, backup exit {r['backup']}"
               + (", backup copied it" if r["copied"] else "") + (", traceback" if r["tracebacks"] else "")
               for r in results if r["check"] != 1 or r["copied"] or r["tracebacks"]]
    return Row("damaged", "damaged SQLite files: `check`, then `backup`", "sqlite", len(results),
               bad={"damaged files not called damaged": len(missed), "healthy file called damaged": int(g_code != 0),
                    "tracebacks on the console": tracebacks, "backups that copied the damage": copied},
               notes=notes, details=details)


# --- probe: hostile input --------------------------------------------------------------------


@dataclass(frozen=True)
class Hostile:
    name: str
    data: bytes
    rows: int  # data rows: an accepted file must write exactly these
    command: str = "referrals"  # or "staff"

    @property
    def suffix(self) -> str:
        return ".xlsx" if ".xlsx" in self.name else ".csv"


def _csv_bytes(rows: Sequence[Sequence[str]], header: Sequence[str] = HEADER, *, encoding: str = "utf-8",
               newline: str = "\r\n") -> bytes:
    """The rows as a spreadsheet program would save them; characters the encoding lacks become "?"."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline)
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode(encoding, errors="replace")


def _xlsx_bytes(rows: Sequence[Sequence[object]], header: Sequence[str] = HEADER, *,
                formula_cells: bool = False) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    if formula_cells:
        ws.cell(row=2, column=len(header)).value = "=HYPERLINK(\"http://evil.example\",\"click\")"
    buf = io.BytesIO()
    wb.save(buf)
    return _with_controls(buf.getvalue())


def _with_controls(xlsx: bytes) -> bytes:
    """openpyxl refuses control characters; a hostile file carries them as OOXML's ``_x001B_`` escapes."""
    src, out = zipfile.ZipFile(io.BytesIO(xlsx)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.endswith(".xml"):
                data = data.replace(CTRL_MARK.encode(), b"_x001B_")
            dst.writestr(item, data)
    return out.getvalue()


def hostile_corpus(seed_n: int) -> list[Hostile]:
    """Import files an attacker or a bad day would bring (issue 10 "Hostile input")."""
    rng = random.Random(50)
    n = iter(range(seed_n, seed_n + 100_000, 10))

    def rows(k: int = 1, **col: str) -> list[list[str]]:
        base = referral_rows(next(n), k, "ok")
        idx = {h: i for i, h in enumerate(HEADER)}
        for r in base:
            for key, value in col.items():
                r[idx[key]] = value
        return base

    def one(name: str, k: int = 1, **col: str) -> Hostile:
        return Hostile(name, _csv_bytes(rows(k, **col)), k)

    esc = "\x1b[2J\x1b[31m红色\x1b[0m"
    osc = "\x1b]52;c;ZWNobyBwd25lZA==\x07"  # OSC 52: write to the terminal's clipboard
    title = "\x1b]0;pwned\x07"
    huge_header = list(HEADER) + ["未知列" * 6_680]
    many_cols = list(HEADER) + [f"x{i}" for i in range(5_000)]
    valid = rows(3)
    corpus = [
        one("escape sequence in a note", 备注=f"备注{esc}"),
        one("escape sequence in a client name", 客户姓名=f"王{esc}"),
        one("escape sequence in a staff id", 推介人工号=f"L001{esc}"),
        one("escape sequence in a mobile", 手机号=f"138{esc}12345678"),
        one("OSC 52 clipboard write in a note", 备注=f"x{osc}"),
        one("terminal title escape in a client type", 客户类型=f"{title}to_win"),
        one("C1 CSI (U+009B) in a note", 备注="a\x9b31mb"),
        one("backspaces and BEL in a name", 客户姓名="王\x08\x08\x07伟"),
        one("NUL byte in a note", 备注="a\x00b"),
        one("carriage return overwriting the line", 备注="正常\r伪造的成功信息"),
        Hostile("escape sequence in a header", _csv_bytes(valid, [*HEADER[:-1], f"备注{esc}"]), 3),
        Hostile("OSC 52 in an unknown header", _csv_bytes(valid, [*HEADER, f"x{osc}"]), 3),
        one("formula in a client name", 客户姓名="=CMD|' /C calc'!A0"),
        one("formula in a note", 备注="=HYPERLINK(\"http://evil.example\",\"x\")"),
        one("plus-prefixed note", 备注="+1+cmd|' /C calc'!A0"),
        one("minus-prefixed note", 备注="-2+3+cmd|' /C calc'!A0"),
        one("at-prefixed note", 备注="@SUM(1+1)*cmd|' /C calc'!A0"),
        one("tab-prefixed note", 备注="\t=1+1"),
        Hostile("a 20 000-character unknown header", _csv_bytes(valid, huge_header), 3),
        Hostile("5 000 unknown columns", _csv_bytes(valid, many_cols), 3),
        one("a 1 MB note", 备注="长" * 1_000_000),
        one("a 100 000-character client name", 客户姓名="王" * 100_000),
        Hostile("UTF-16 with BOM", _csv_bytes(valid, encoding="utf-16"), 3),
        Hostile("UTF-16-BE without BOM", _csv_bytes(valid, encoding="utf-16-be"), 3),
        Hostile("Big5", _csv_bytes(rows(2, 备注="客戶希望下午聯繫"), encoding="big5"), 2),
        Hostile("Shift-JIS", _csv_bytes(rows(2, 备注="テスト"), encoding="shift_jis"), 2),
        Hostile("Latin-1 with accents", _csv_bytes(rows(2, 备注="café crème"), encoding="latin-1"), 2),
        Hostile("invalid UTF-8 mid-file", _csv_bytes(valid) + b"\xff\xfe\xfa\x80,\xc3\x28\n", 3),
        Hostile("binary garbage named .csv", rng.randbytes(20_000), 0),
        Hostile("binary garbage named .xlsx", rng.randbytes(20_000), 0),
        Hostile("a PNG named .csv", b"\x89PNG\r\n\x1a\n" + rng.randbytes(2_000), 0),
        Hostile("a zip of junk named .xlsx", _zip_of_junk(rng), 0),
        Hostile("a truncated .xlsx", _xlsx_bytes(valid)[:1_500], 3),
        Hostile("a formula cell in an .xlsx", _xlsx_bytes(valid, formula_cells=True), 3),
        Hostile("escape sequences in an .xlsx", _xlsx_bytes(rows(2, 备注=esc.replace("\x1b", CTRL_MARK))), 2),
        Hostile("a 20 000-character header in an .xlsx", _xlsx_bytes(valid, huge_header), 3),
        one("emoji in a note", 2, 备注="客户很满意👍🏽👨‍👩‍👧 ok"),
        one("emoji as a client name", 客户姓名="😀😀"),
        one("right-to-left override in a note", 备注="abc\u202egnp.exe"),
        one("SQL in a client name", 客户姓名="Robert'); DROP TABLE referral;--"),
        one("SQL in a note", 2, 备注="'; DELETE FROM client; --"),
        one("SQL in a staff id", 推介人工号="L001' OR '1'='1"),
        Hostile("an empty file", b"", 0),
        Hostile("only a BOM", b"\xef\xbb\xbf", 0),
        Hostile("a header and no rows", _csv_bytes([]), 0),
        Hostile("an unterminated quote", _csv_bytes(valid) + b'"2026-11-01,L001,\xe7\x8e\x8b\n' * 3, 3),
        Hostile("one line of a million commas", b"," * 1_000_000, 0),
        Hostile("500 good rows and a bad last one", _csv_bytes(rows(500) + rows(1, 手机号="12345")), 501),
        one("a date in 1899", 日期="1899-01-01"),
        one("an impossible date", 日期="2026-02-30"),
        one("a date in 9999", 日期="9999-12-31"),
        Hostile("staff: escape sequence in a name",
                _csv_bytes([["H001", f"王{esc}", "teller"]], ["工号", "姓名", "岗位"]), 1, "staff"),
        Hostile("staff: formula as a name",
                _csv_bytes([["H002", "=CMD|' /C calc'!A0", "teller"]], ["工号", "姓名", "岗位"]), 1, "staff"),
        Hostile("staff: escape sequence in a role",
                _csv_bytes([["H003", "王伟", f"teller{osc}"]], ["工号", "姓名", "岗位"]), 1, "staff"),
    ]
    return corpus


def _zip_of_junk(rng: random.Random) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", rng.randbytes(300))
        z.writestr("xl/workbook.xml", b"<workbook>" + rng.randbytes(300))
    return buf.getvalue()


SMALL_HOSTILE = ("escape sequence in a header", "a 20 000-character unknown header", "a zip of junk named .xlsx",
                 "500 good rows and a bad last one", "UTF-16 with BOM", "formula in a note",
                 "staff: escape sequence in a name")
# Carriage returns are left out: a console may end lines with them, and they start no escape sequence.
CONTROL_OK = {"\n", "\t", "\r"}
CTRL_MARK = "ESCAPEMARK"


def echoed_controls(data: bytes) -> int:
    """Control characters (ESC and so escape sequences, BEL, backspace, NUL, C1 controls) in console output."""
    text = data.decode("utf-8", "replace")
    return sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in CONTROL_OK)


def long_lines(data: bytes) -> int:
    return sum(1 for ln in data.decode("utf-8", "replace").splitlines() if len(ln) > LONG_LINE)


def counts(path: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(path)
    try:
        referrals, clients, staff = (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                                     for t in ("referral", "client", "staff"))
        return referrals, clients, staff
    finally:
        con.close()


def probe_hostile(template: Path, scale: Scale, work: Path) -> list[Row]:
    hwork = work / "hostile"
    hwork.mkdir()
    env = child_env(hwork)
    corpus = hostile_corpus(30_000_000)
    if scale.hostile is not None and scale.hostile < len(corpus):
        # The files that found issue 10's defects first, then the rest spread over the corpus.
        first = [h for h in corpus if h.name in SMALL_HOSTILE]
        others = [h for h in corpus if h.name not in SMALL_HOSTILE]
        wanted = max(0, scale.hostile - len(first))
        step = len(others) / max(1, wanted)
        corpus = (first + [others[int(i * step)] for i in range(wanted)])[:scale.hostile]
    say(f"files: {len(corpus)} hostile import files")

    def one(item: tuple[int, Hostile]) -> dict[str, Any]:
        i, h = item
        db_path = copy_db(template, hwork / f"hostile-{i:02d}.sqlite3")
        path = hwork / f"hostile-{i:02d}{h.suffix}"
        path.write_bytes(h.data)
        before = counts(db_path)
        code, out, err = run_main(sqlite_url(db_path), [h.command, "import", str(path)], env, cwd=hwork)
        after = counts(db_path)
        console = out + err
        delta = after[0] - before[0] if h.command == "referrals" else after[2] - before[2]
        partial = (code != 0 and after != before) or (code == 0 and delta not in (0, h.rows))
        return {"name": h.name, "code": code, "crash": int(code not in (0, 2) or TRACEBACK in console),
                "partial": int(partial), "echoed": int(echoed_controls(console) > 0),
                "long": long_lines(console), "said": last_line(console)}

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(one, enumerate(corpus)))
    crashes = [r for r in results if r["crash"]]
    echoed = [r for r in results if r["echoed"]]
    notes = f"{sum(r['code'] == 0 for r in results)} accepted, {sum(r['code'] == 2 for r in results)} refused (exit 2)"
    if crashes:
        notes += f"; crash e.g. {crashes[0]['name']}: {crashes[0]['said']}"
    if echoed:
        notes += f"; echoed e.g. {echoed[0]['name']}"
    details = [f"{r['name']}: " + ", ".join(k for k in ("crash", "partial", "echoed") if r[k])
               + (f"{', ' if r['crash'] or r['partial'] or r['echoed'] else ''}{r['long']} long lines" if r["long"]
                  else "") + f" (exit {r['code']}: {r['said'][:100]})"
               for r in results if r["crash"] or r["partial"] or r["echoed"] or r["long"]]
    rows = [Row("hostile", "hostile import files through `referrals/staff import`", "sqlite", len(results),
                bad={"crashes": len(crashes), "partial writes": sum(r["partial"] for r in results),
                     "escape sequences echoed to the terminal": len(echoed),
                     f"console lines over {LONG_LINE} characters": sum(r["long"] for r in results)},
                notes=notes, details=details)]
    rows.append(probe_exports(template, hwork, env, scale.every_export))
    return rows


FORMULA_BRANCH_NAMES = ("=CMD|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1+1",
                        "城东\x1b[2J支行", "=HYPERLINK(\"http://evil.example\")")


def has_control(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in text)


def xlsx_formulas(path: Path) -> int:
    """Formula cells in an .xlsx, read from the sheets' XML (what Excel would evaluate)."""
    n = 0
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                n += len(re.findall(rb"<(?:\w+:)?f[ >/]", z.read(name)))
    return n


def export_texts(path: Path) -> str:
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        return "\n".join(str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row
                         if c is not None)
    finally:
        wb.close()


def probe_exports(template: Path, hwork: Path, env: dict[str, str], every: bool) -> Row:
    """Formula branch names into every .xlsx; full mobiles and ID numbers looked for in every export."""
    say("files: exports (formula cells, full mobiles and ID numbers in PDF/.xlsx)")
    day = business_day()
    names = FORMULA_BRANCH_NAMES if every else (FORMULA_BRANCH_NAMES[0], FORMULA_BRANCH_NAMES[-2])
    sheets = [("daily", ["--date", day.isoformat()]), ("weekly", ["--date", day.isoformat()]),
              ("monthly", ["--month", f"{day:%Y-%m}"])]
    if not every:
        sheets = sheets[:1]
    formulas, echoed, accepted, exports, leaks, tracebacks, failed = 0, 0, 0, 0, 0, 0, Counter[str]()
    for i, bname in enumerate(names):
        db_path = hwork / f"branch-{i}.sqlite3"
        code, out, err = run_main(sqlite_url(db_path), ["init", "--branch-code", "0001", f"--branch-name={bname}"],
                                  env, cwd=hwork)
        echoed += int(echoed_controls(out + err) > 0)
        tracebacks += int(TRACEBACK in out + err)
        if code == 0:
            accepted += 1
        elif has_control(bname):
            continue  # refused, and no older version could have stored it either
        else:
            # Refused now; a branch named before names were checked still reaches every sheet, so
            # the exporter must hold too: the name is written behind the program's back.
            db_path.unlink(missing_ok=True)
            run_main(sqlite_url(db_path), ["init", "--branch-code", "0001", "--branch-name", "城东支行"], env,
                     cwd=hwork)
            con = sqlite3.connect(db_path)
            try:
                con.execute("UPDATE branch SET name = ?", (bname,))
                con.commit()
            finally:
                con.close()
        for kind, when in sheets:
            out_path = hwork / f"branch-{i}-{kind}.xlsx"
            code, out, err = run_main(sqlite_url(db_path), ["report", kind, *when, "--out", str(out_path)], env,
                                      cwd=hwork)
            echoed += int(echoed_controls(out + err) > 0)
            tracebacks += int(TRACEBACK in out + err)
            if code == 0 and out_path.exists():
                exports += 1
                formulas += xlsx_formulas(out_path)
            else:
                failed[f"export failed (exit {code})"] += 1
    # A day of imported clients with full mobiles and ID numbers, then every sheet in both formats.
    db_path = copy_db(template, hwork / "exports.sqlite3")
    data = referral_rows(31_000_000, 200, "导出检查", with_ids=True)
    code, _, err = run_main(sqlite_url(db_path), ["referrals", "import", str(write_csv(hwork / "exports.csv", data))],
                            env, cwd=hwork)
    if code != 0:
        failed[f"import for the exports failed (exit {code})"] += 1
    secrets_ = {r[3] for r in data} | {r[4] for r in data if r[4]}
    for kind, when in sheets:
        for suffix in (".pdf", ".xlsx"):
            out_path = hwork / f"exports-{kind}{suffix}"
            code, out, err = run_main(sqlite_url(db_path), ["report", kind, *when, "--out", str(out_path)], env,
                                      cwd=hwork)
            tracebacks += int(TRACEBACK in out + err)
            if code != 0 or not out_path.exists():
                failed[f"export failed (exit {code})"] += 1
                continue
            exports += 1
            text = export_texts(out_path)
            leaks += sum(1 for sec in secrets_ if sec in text)
            if suffix == ".xlsx":
                formulas += xlsx_formulas(out_path)
    return Row("exports", "hostile branch names, then PDF/.xlsx exports of imported clients", "sqlite",
               len(names) + exports,
               bad={"formula cells in exported .xlsx": formulas, "full mobiles or ID numbers in exports": leaks,
                    "escape sequences echoed to the terminal": echoed, "tracebacks on the console": tracebacks},
               failed=dict(failed),
               notes=f"{accepted} of {len(names)} hostile branch names accepted by `init` (refused formula-like ones "
                     f"written behind its back, as an older version may have stored them); {exports} exports "
                     f"searched for {len(secrets_)} full mobiles and ID numbers")


# --- the run ---------------------------------------------------------------------------------


@contextlib.contextmanager
def workdir(keep: bool) -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="lobby-trust-"))
    try:
        yield path
    finally:
        if keep:
            say(f"files kept in {path}")
        else:
            shutil.rmtree(path, ignore_errors=True)


class Rows(list[Row]):
    """The table so far: each probe's line is announced and, with ``--json``, saved as soon as it is measured,
    so a long full run that has to be stopped still leaves its figures."""

    def __init__(self, on_change: Callable[[Rows], None] | None = None) -> None:
        super().__init__()
        self._on_change = on_change

    def add(self, *rows: Row) -> None:
        for r in rows:
            self.append(r)
            say(f"  → {r.what} ({r.engine}): lost or leaked {sum(r.bad.values())}, "
                f"failed {sum(r.failed.values())}")
        if self._on_change is not None:
            self._on_change(self)


PROBES = ("saves", "signin-storm", "kill-saves", "kill-imports", "big-import", "guesses", "damaged", "hostile")


def run_trust(scale_name: str, engines: Sequence[str], pg_url: str | None, *, keep: bool = False,
              rows: Rows | None = None, probes: Sequence[str] = PROBES) -> Rows:
    scale = SCALES[scale_name]
    rows = Rows() if rows is None else rows
    with workdir(keep) as work:
        template: Path | None = None
        if "sqlite" in engines:
            say("sqlite: migrating a template branch")
            template = work / "template.sqlite3"
            prepare(sqlite_url(template), scale.guess_rounds, scale.signers)
            checkpoint(template)
        targets: list[tuple[str, Callable[[str], str]]] = []
        if template is not None:
            tmpl = template
            targets.append(("sqlite", lambda probe: sqlite_url(copy_db(tmpl, work / f"{probe}.sqlite3"))))
        if "postgresql" in engines:
            assert pg_url
            say("postgresql: resetting the database and setting up the branch")
            reset_pg(pg_url)
            prepare(pg_url, scale.guess_rounds, scale.signers)
            targets.append(("postgresql", lambda probe: pg_url))
        # Processes are forked: these run before any thread pool exists in this process.
        for engine, url_for in targets:
            for name, probe in (("saves", probe_saves), ("signin-storm", probe_signin_storm),
                                ("kill-saves", probe_save_kills), ("kill-imports", probe_import_kills),
                                ("big-import", probe_big_import), ("guesses", probe_guesses)):
                if name in probes:
                    rows.add(probe(engine, url_for(name), scale, work))
        if template is not None and "damaged" in probes:
            rows.add(probe_damaged(template, scale, work))
        if template is not None and "hostile" in probes:
            rows.add(*probe_hostile(template, scale, work))
    return rows


def fmt_counts(d: dict[str, int], *, zero_ok: bool) -> str:
    items = [f"{k} {v}" for k, v in d.items() if v or zero_ok]
    return "; ".join(items) if items else "0"


def table(rows: Sequence[Row], header: str) -> str:
    lines = [header, "",
             "| what was tried | engine | times | lost or leaked (must be 0) | failed | worst wait | notes |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        wait = f"{r.worst_wait:.2f} s" if r.worst_wait is not None else ""
        lines.append(f"| {r.what} | {r.engine} | {r.times:,} | {fmt_counts(r.bad, zero_ok=True)} | "
                     f"{fmt_counts(r.failed, zero_ok=False)} | {wait} | {r.notes.replace('|', '/')} |")
    total = sum(sum(r.bad.values()) for r in rows)
    lines += ["", f"lost or leaked in all: {total}"]
    return "\n".join(lines)


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover
        return "?"


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db-pg", metavar="URL", help="a PostgreSQL database the bench may wipe")
    p.add_argument("--scale", choices=sorted(SCALES), default="full")
    p.add_argument("--engines", default=None,
                   help="comma-separated: sqlite, postgresql (default: sqlite, and postgresql with --db-pg); "
                        "the file probes run with sqlite")
    p.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    p.add_argument("--keep", action="store_true", help="keep the working files (printed at the end)")
    p.add_argument("--probes", default=",".join(PROBES),
                   help=f"comma-separated, to re-measure some only (default: all): {', '.join(PROBES)}")
    args = p.parse_args(argv)
    probes = args.probes.split(",")
    if set(probes) - set(PROBES):
        p.error(f"unknown probe(s): {', '.join(sorted(set(probes) - set(PROBES)))}")
    engines = (args.engines.split(",") if args.engines
               else ["sqlite"] + (["postgresql"] if args.db_pg else []))
    unknown = set(engines) - {"sqlite", "postgresql"}
    if unknown:
        p.error(f"unknown engine(s): {', '.join(sorted(unknown))}")
    if "postgresql" in engines and not args.db_pg:
        p.error("--engines postgresql needs --db-pg URL")
    started = dt.datetime.now(dt.timezone.utc)
    load_before = load()
    t0 = time.perf_counter()

    def save(rows: Sequence[Row], complete: bool = False) -> None:
        if args.json:
            Path(args.json).write_text(json.dumps({
                "scale": args.scale, "engines": engines, "started": started.isoformat(), "complete": complete,
                "seconds": round(time.perf_counter() - t0, 1), "load_before": load_before, "load_after": load(),
                "rows": [asdict(r) for r in rows],
            }, ensure_ascii=False, indent=2), encoding="utf-8")

    rows = run_trust(args.scale, engines, args.db_pg, keep=args.keep, rows=Rows(save), probes=probes)
    took = time.perf_counter() - t0
    header = (f"trust bench, scale {args.scale}, {started:%Y-%m-%d %H:%M} UTC, {took:.0f} s; "
              f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs, "
              f"load {load_before} before, {load()} after")
    print(table(rows, header))
    save(rows, complete=True)
    return 1 if any(any(r.bad.values()) for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
