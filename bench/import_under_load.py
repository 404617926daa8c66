"""A large referral import while another process files referrals (docs/imports.md "Measured").

    .venv/bin/python bench/import_under_load.py [--db URL] [--rows 100000]

Builds a branch with staff on a fresh database (a temporary SQLite file unless
``--db`` names one; a PostgreSQL database given with ``--db`` must be empty and
migrated), writes a CSV of ``--rows`` old referrals, starts a second process
that files referrals through ``services.referrals.file_referral`` one after the
other, imports the file in this process, and prints the import's time by phase
(``publish`` is how long the write lock was held) and the other process's
saves, failures and worst wait. Exit 1 if the import took 60 s or more, a save
failed, or a save waited more than 2 s (docs/product.md "Budgets").
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import multiprocessing as mp
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志文斌"
# 个人普通客户 is left out: an ordinary client is diverted, not referred, and the import refuses it (docs/diversion.md).
TYPES = ["现有优质客户", "现有潜质客户", "待争取优质客户"]
CHANNELS = ["大堂", "现金柜台", "非现金柜台", "电话银行"]
HEADER = ["日期", "时间", "推介人工号", "客户姓名", "手机号", "证件号", "客户类型", "推介状态", "理财经理工号",
          "渠道", "意向业务", "备注"]
REFERRERS = [f"L{i:02d}" for i in range(1, 6)] + [f"T{i:02d}" for i in range(1, 9)]
RMS = [f"R{i:02d}" for i in range(1, 7)]


def write_file(path: Path, rows: int, today: dt.date, seed: int = 7) -> None:
    from services.validation import id_check_char

    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(rows):
            day = today - dt.timedelta(days=1 + rng.randrange(700))
            # About one row in five names a client another row already named.
            n = rng.randrange(i) if i and rng.random() < 0.2 else i
            mobile = f"139{n:08d}"
            id_no = ""
            if n % 3 == 0:
                body = f"340104{1950 + n % 50}{1 + n % 12:02d}{1 + n % 28:02d}{n % 1000:03d}"
                id_no = body + id_check_char(body)
            name = SURNAMES[n % len(SURNAMES)] + GIVEN[(n // 7) % len(GIVEN)] + GIVEN[(n // 3) % len(GIVEN)]
            w.writerow([f"{day:%Y/%m/%d}", f"{9 + rng.randrange(8)}:{rng.randrange(60):02d}",
                        rng.choice(REFERRERS), name, mobile, id_no, rng.choice(TYPES),
                        "待跟进" if rng.random() < 0.4 else "已推介", rng.choice(RMS), rng.choice(CHANNELS),
                        "理财产品、基金", "到期续作" if rng.random() < 0.3 else ""])


def setup(url: str) -> None:
    from services import accounts
    from services.db import open_database

    db = open_database(url)
    branch, _ = accounts.ensure_branch(db, "0001", "测试支行")
    system = accounts_actor(branch.id)
    for no in REFERRERS:
        role = "lobby_manager" if no.startswith("L") else "teller"
        accounts.add_staff(db, system, staff_no=no, name="员工" + "甲乙丙丁戊己庚辛壬癸"[int(no[1:]) % 10],
                           role=role, password="Passw0rd!", must_change_password=False)
    for no in RMS:
        accounts.add_staff(db, system, staff_no=no, name="经理" + "甲乙丙丁戊己"[int(no[1:]) % 6], role="rm",
                           password="Passw0rd!", must_change_password=False)
    accounts.add_staff(db, system, staff_no="S01", name="存单员", role="lobby_manager", password="Passw0rd!",
                       must_change_password=False)
    db.dispose()


def accounts_actor(branch_id: int):  # type: ignore[no-untyped-def]
    from services.permissions import Actor

    return Actor.system(branch_id)


def saver(url: str, stop: Path, out: Path, ready: Path) -> None:
    """Files referrals one after the other until ``stop`` exists; writes what it saw to ``out``."""
    from sqlalchemy import select

    from models import Staff
    from services.db import open_database
    from services.permissions import Actor
    from services.referrals import ReferralInput, file_referral

    db = open_database(url)
    with db.read() as s:
        me = s.scalars(select(Staff).where(Staff.staff_no == "S01")).one()
        rm = s.scalars(select(Staff).where(Staff.staff_no == "R01")).one()
    actor = Actor(me.id, me.staff_no, me.name, me.role.value, me.branch_id)
    waits: list[float] = []
    failures: list[str] = []
    n = 0
    ready.touch()
    while not stop.exists():
        n += 1
        data = ReferralInput(client_type="to_win", status="referred", rm_id=rm.id, channel="lobby",
                             client_name="陈客户", client_mobile=f"137{n:08d}")
        started = time.perf_counter()
        try:
            file_referral(db, actor, data)
        except Exception as exc:  # every failure counts; the kind is reported
            failures.append(f"{type(exc).__name__}: {str(exc)[:120]}")
        waits.append(time.perf_counter() - started)
        time.sleep(0.05)  # a person at a workstation, quickly: about 15 saves a second
    out.write_text(json.dumps({"waits": waits, "failures": failures}))
    db.dispose()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", help="database URL (default: a fresh temporary SQLite file)")
    p.add_argument("--rows", type=int, default=100_000)
    args = p.parse_args(argv)

    from services.db import BRANCH_TZ, open_database
    from services.imports import import_referrals

    work = Path(tempfile.mkdtemp(prefix="lobby-import-bench-"))
    url = args.db or f"sqlite:///{work / 'bench.sqlite3'}"
    setup(url)
    path = work / "referrals.csv"
    write_file(path, args.rows, dt.datetime.now(BRANCH_TZ).date())
    stop, out, ready = work / "stop", work / "saves.json", work / "ready"
    child = mp.get_context("spawn").Process(target=saver, args=(url, stop, out, ready))
    child.start()
    while not ready.exists():
        time.sleep(0.05)
    time.sleep(1.0)  # the other workstation is saving before the import starts

    db = open_database(url)
    with db.read() as s:
        from sqlalchemy import select

        from models import Branch
        from services.permissions import Actor

        branch_id = s.scalar(select(Branch.id))
    started = time.perf_counter()
    result = import_referrals(db, Actor.system(branch_id or 0), path)
    took = time.perf_counter() - started
    time.sleep(1.0)
    stop.touch()
    child.join(60)
    seen = json.loads(out.read_text())
    waits: list[float] = seen["waits"]
    failures: list[str] = seen["failures"]
    db.dispose()

    engine = url.split(":", 1)[0]
    print(f"engine: {engine}   rows: {result.referrals}   new clients: {result.new_clients}")
    t = result.timings
    if "longest_hold" in t:  # SQLite: short transactions of unpublished rows, then one short publish
        print(f"import: {took:.1f} s  (check {t['check']:.1f} s, stage {t['stage']:.1f} s, "
              f"unpublished rows {t['unpublished']:.1f} s in {t['transactions']:.0f} transactions, "
              f"publish {t['publish'] * 1000:.0f} ms; write lock held at most {t['longest_hold'] * 1000:.0f} ms "
              f"at a time)")
    else:
        print(f"import: {took:.1f} s  (check {t['check']:.1f} s, stage {t['stage']:.1f} s, "
              f"write {t['publish'] * 1000:.0f} ms)")
    print(f"other process: {len(waits)} saves, {len(failures)} failed, worst wait {max(waits):.3f} s, "
          f"median {sorted(waits)[len(waits) // 2] * 1000:.0f} ms")
    for f in failures[:5]:
        print(f"  failure: {f}")
    ok = took < 60 and not failures and max(waits) <= 2.0
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
