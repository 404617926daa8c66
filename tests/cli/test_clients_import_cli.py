"""`clients import FILE`: the branch's client records, scored on import, all or nothing (docs/scoring.md)."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook
from sqlalchemy import select

from models import Client, FinancialSnapshot, Role, Tier, TierCause, TierChange
from services import accounts
from services.permissions import Actor
from tests.cli.test_cli import PROBLEM_LINE, open_db, run, table_counts, write_csv  # noqa: F401

ZH = ["客户姓名", "手机号", "证件号", "理财经理工号", "数据日期", "存款", "贷款", "理财产品", "基金", "保险",
      "中间业务", "他行资产", "家庭", "职业", "社会地位"]
EN = ["name", "mobile", "id_number", "rm_id", "as_of", "deposits", "loans", "wealth_products", "funds", "insurance",
      "intermediary", "assets_elsewhere", "family", "occupation", "social_standing"]


def _staff(db) -> None:  # type: ignore[no-untyped-def]
    branch, _ = accounts.ensure_branch(db)
    system = Actor.system(branch.id)
    accounts.add_staff(db, system, staff_no="R01", name="李理财", role=Role.RM, password="Passw0rd!")
    accounts.add_staff(db, system, staff_no="R02", name="赵理财", role=Role.RM, password="Passw0rd!")
    accounts.add_staff(db, system, staff_no="L01", name="王大堂", role=Role.LOBBY_MANAGER, password="Passw0rd!")


def test_a_good_file_creates_matches_scores_and_records_why(db_url, open_db, tmp_path):  # noqa: F811
    _staff(open_db)
    first = write_csv(tmp_path / "客户.csv", [
        ZH,
        ["张三", "13900000001", "", "R01", "2026-11-30", "1,000,000", "0", "600000", "400000", "0", "0", "0",
         "5", "5", "4"],
        ["李四", "13900000002", "", "R02", "2026/11/1", "10000", "", "", "", "", "", "800000", "", "", ""],
    ], "utf-8-sig")
    done = run("--db", db_url, "clients", "import", str(first))
    assert done.returncode == 0, done.stderr
    assert "imported 2 clients (2 new, 0 updated, 2 tier changes)" in done.stdout
    with open_db.read() as s:
        got = {c.mobile: (c.name, c.score, c.tier, c.rating_social, c.rm_id is not None)
               for c in s.scalars(select(Client))}
        assert got == {"13900000001": ("张三", 87, Tier.CORE, 4, True),
                       "13900000002": ("李四", 5, Tier.TO_WIN, None, True)}
        assert {t.cause for t in s.scalars(select(TierChange))} == {TierCause.IMPORT}

    # The same client again (matched by mobile), in GB18030 with English headers: updated, not duplicated.
    second = write_csv(tmp_path / "again.csv", [
        EN, ["张三", "139 0000 0001", "", "R02", "2026-12-01", "0", "0", "0", "0", "0", "0", "0", "", "", ""],
    ], "gb18030")
    again = run("--db", db_url, "--lang", "en", "clients", "import", str(second))
    assert again.returncode == 0, again.stderr
    with open_db.read() as s:
        c = s.scalars(select(Client).where(Client.mobile == "13900000001")).one()
        rm_no = s.scalar(select(accounts.Staff.staff_no).where(accounts.Staff.id == c.rm_id))
        # ratings kept (empty cells), the new snapshot scores 0 for money: 10 + 15 + 12
        assert (c.score, c.tier, c.rating_family, rm_no) == (37, Tier.NONE, 5, "R02")
        assert len(list(s.scalars(select(FinancialSnapshot).where(FinancialSnapshot.client_id == c.id)))) == 2
        assert len(list(s.scalars(select(Client)))) == 2


def test_every_bad_row_is_reported_and_nothing_is_written(db_url, open_db, tmp_path):  # noqa: F811
    _staff(open_db)
    path = write_csv(tmp_path / "bad.csv", [
        ZH,
        ["张三", "13900000001", "", "R01", "2026-11-30", "100", "0", "0", "0", "0", "0", "0", "5", "5", "5"],
        ["李四", "12345", "", "L01", "2099-01-01", "-5", "十万", "1.234", "0", "0", "0", "0", "6", "2.5", ""],
        ["王五", "13900000001", "", "R09", "2026-11-30", "0", "0", "0", "0", "0", "0", "0", "", "", ""],
    ], "utf-8")
    before = table_counts(open_db)
    done = run("--db", db_url, "clients", "import", str(path))
    assert done.returncode == 2
    lines = [PROBLEM_LINE.match(line) for line in done.stderr.strip().splitlines()]
    assert all(lines), done.stderr
    found = {(m["row"], m["column"]) for m in lines if m}
    assert found == {
        ("3", "手机号"), ("3", "理财经理工号"), ("3", "数据日期"), ("3", "存款"), ("3", "贷款"), ("3", "理财产品"),
        ("3", "家庭"), ("3", "职业"),
        ("4", "手机号"), ("4", "理财经理工号"),
    }
    assert all(m["file"] == str(path) for m in lines if m)
    assert table_counts(open_db) == before


def test_an_xlsx_file_with_english_headers(db_url, open_db, tmp_path):  # noqa: F811
    _staff(open_db)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(EN)
    ws.append(["Wang Wu", "13700000009", "", "R01", "2026-11-30", 250000.5, 0, 0, 0, 0, 0, 0, 3, 3, 3])
    path = tmp_path / "clients.xlsx"
    wb.save(path)
    done = run("--db", db_url, "clients", "import", str(path))
    assert done.returncode == 0, done.stderr
    with open_db.read() as s:
        c = s.scalars(select(Client)).one()
        snap = s.scalars(select(FinancialSnapshot)).one()
        assert snap.deposits == Decimal("250000.50")
        assert (c.score, c.tier) == (15 + 6 + 9 + 9, Tier.NONE)
