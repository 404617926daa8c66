"""Importing staff lists and old referral sheets: encodings, headers, every bad row, all or nothing."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from models import AuditEvent, Base, Branch, Client, DayClose, FollowUp, Referral, Role, Staff
from services import accounts, followups
from services.db import BRANCH_TZ
from services.errors import PermissionDenied, ValidationError
from services.imports import import_referrals, import_staff
from tests.factories import make_id_number

ZH_REFERRAL_HEADER = ["日期", "时间", "推介人工号", "客户姓名", "手机号", "证件号", "客户类型", "推介状态",
                      "理财经理工号", "渠道", "意向业务", "备注"]
EN_REFERRAL_HEADER = ["date", "time", "referrer_id", "client_name", "mobile", "id_number", "client_type", "status",
                      "rm_id", "channel", "interests", "note"]


def write_csv(path: Path, rows: Sequence[Sequence[object]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", newline="", encoding=encoding) as fh:
        csv.writer(fh).writerows(rows)
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def table_counts(db) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


@pytest.fixture
def team(f):  # type: ignore[no-untyped-def]
    """The branch's people as the old sheets name them by staff id."""
    return {
        "L01": f.staff(Role.LOBBY_MANAGER, staff_no="L01", name="王丽华"),
        "T01": f.staff(Role.TELLER, staff_no="T01", name="陈晓燕"),
        "R01": f.staff(Role.RM, staff_no="R01", name="张伟"),
        "R02": f.staff(Role.RM, staff_no="R02", name="李娜"),
    }


# --- staff --------------------------------------------------------------------------


def test_staff_csv_in_gb18030_with_chinese_headers(db, f, tmp_path):
    path = write_csv(tmp_path / "员工.csv", [
        ["工号", "姓名", "岗位"],
        ["G001", "张三", "柜员"],
        ["G002", "欧阳娜娜", "理财经理"],
        ["G003", "阿依古丽·买买提", "lobby_manager"],
    ], encoding="gb18030")
    assert path.read_bytes()[:3] != b"\xef\xbb\xbf"

    result = import_staff(db, f.system, path)

    assert [(a.staff_no, a.name, a.role) for a in result.accounts] == [
        ("G001", "张三", Role.TELLER), ("G002", "欧阳娜娜", Role.RM), ("G003", "阿依古丽·买买提", Role.LOBBY_MANAGER)]
    for acc in result.accounts:
        accounts.check_password_rules("password", acc.password)
    sign_in = accounts.authenticate(db, "G002", result.accounts[1].password)
    assert sign_in.must_change_password and sign_in.actor.role == "rm"
    with db.read() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "import")).all()
    assert len(events) == 1 and events[0].entity == "staff" and events[0].detail == "rows=3"


def test_staff_problems_are_all_reported_and_nothing_is_written(db, f, tmp_path):
    f.staff(Role.RM, staff_no="R01")
    path = write_csv(tmp_path / "staff.csv", [
        ["工号", "姓名", "岗位", "网点"],
        ["G001", "张三", "柜员", "0001"],
        ["G001", "李四", "柜员", "0001"],  # repeats row 2
        ["R01", "王五", "理财经理", ""],  # already in the database
        ["G004", "赵六", "保安", "0001"],  # no such role
        ["G005", "钱七", "柜员", "9999"],  # no such branch
    ])
    before = table_counts(db)
    with pytest.raises(ValidationError) as err:
        import_staff(db, f.system, path)
    got = [(p.row, p.field) for p in err.value.problems]
    assert got == [(3, "工号"), (4, "工号"), (5, "岗位"), (6, "网点")]
    assert "2" in err.value.problems[0].message  # says which row it repeats
    assert table_counts(db) == before


def test_staff_and_referrals_from_xlsx(db, f, tmp_path):
    staff_path = write_xlsx(tmp_path / "staff.xlsx", [
        ["staff_id", "name", "role"],
        [None, None, None],  # a blank line is skipped, its number still counts
        [1001, "张伟", "rm"],  # Excel keeps a numeric staff id as a number
        ["L01", "王丽华", "大堂经理"],
    ])
    result = import_staff(db, f.system, staff_path)
    assert [a.staff_no for a in result.accounts] == ["1001", "L01"]

    ref_path = write_xlsx(tmp_path / "referrals.xlsx", [
        ZH_REFERRAL_HEADER,
        [dt.datetime(2026, 11, 19), dt.time(14, 5), "L01", "周杰", 13912345678, None, "待争取优质客户", "已推介",
         1001, "大堂", "基金、保险", None],
        ["2026-11-18", "10:30", "L01", "吴敏", "13812345678", make_id_number(dt.date(1985, 3, 2), 124),
         "existing_potential", "pending", "1001", "non_cash_counter", "理财产品", "定期到期"],
    ])
    imported = import_referrals(db, f.system, ref_path)
    assert (imported.referrals, imported.new_clients) == (2, 2)
    with db.read() as s:
        refs = s.scalars(select(Referral).order_by(Referral.business_date.desc())).all()
        clients = {c.mobile: c for c in s.scalars(select(Client))}
    assert refs[0].business_date == dt.date(2026, 11, 19)
    assert refs[0].created_at == dt.datetime(2026, 11, 19, 14, 5, tzinfo=BRANCH_TZ)
    assert refs[0].interests == ["基金", "保险"] and refs[0].channel == "lobby"
    assert clients["13812345678"].gender == "female" and clients["13812345678"].birth_date == dt.date(1985, 3, 2)


# --- referrals ----------------------------------------------------------------------


def test_referral_csv_utf8_bom_chinese_headers_slash_dates(db, f, team, tmp_path):
    path = write_csv(tmp_path / "推介.csv", [
        ZH_REFERRAL_HEADER,
        ["2026/11/20", "09:30", "L01", "周杰", "139 1234 5678", "", "待争取优质客户", "已推介", "R01", "大堂",
         "理财产品、基金", "客户说下午有空"],
        ["2026/11/3", "", "T01", "吴敏", "13812345678", "", "现有潜质客户", "待跟进", "R02", "现金柜台",
         "保险;贵金属", ""],
    ])
    assert path.read_bytes()[:3] == b"\xef\xbb\xbf"

    result = import_referrals(db, f.system, path)

    assert (result.referrals, result.new_clients) == (2, 2)
    with db.read() as s:
        r1, r2 = s.scalars(select(Referral).order_by(Referral.id)).all()
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "import")).all()
    assert r1.business_date == dt.date(2026, 11, 20) and r1.created_at.astimezone(BRANCH_TZ).time() == dt.time(9, 30)
    assert r1.status == "referred" and r1.client_type == "to_win" and r1.channel == "lobby"
    assert r1.referrer_id == team["L01"].id and r1.rm_id == team["R01"].id and r1.note == "客户说下午有空"
    assert r2.business_date == dt.date(2026, 11, 3) and r2.created_at.astimezone(BRANCH_TZ).time() == dt.time(9, 0)
    assert r2.interests == ["保险", "贵金属"] and r2.channel == "cash_counter" and r2.status == "pending"
    assert len(events) == 1 and events[0].detail == "rows=2 new_clients=2"  # counts, no personal data


def test_english_headers_tolerate_spaces_and_case(db, f, team, tmp_path):
    path = write_csv(tmp_path / "old.csv", [
        [" Date ", "REFERRER_ID", "Client_Name", " mobile", "client_type ", "Status", "RM_ID"],
        ["2026-11-19", "L01", "Li Ming", "13700001111", "existing_premium", "referred", "R02"],
    ], encoding="utf-8")
    result = import_referrals(db, f.system, path)
    assert result.referrals == 1
    with db.read() as s:
        r = s.scalars(select(Referral)).one()
        client = s.get(Client, r.client_id)
    assert r.channel == "lobby" and r.interests == [] and r.note is None  # optional columns left out
    assert client is not None and client.name == "Li Ming" and client.rm_id == team["R02"].id


def wrong_check_digit(id_number: str) -> str:
    return id_number[:-1] + ("1" if id_number[-1] != "1" else "2")


BAD_ROWS: list[tuple[str, list[object]]] = [
    # (the column that must be named, the row)
    ("手机号", ["2026/11/19", "L01", "甲客户", "1234567", "", "to_win", "referred", "R01", ""]),
    ("客户姓名", ["2026/11/19", "L01", "张3", "13900000002", "", "to_win", "referred", "R01", ""]),
    ("客户姓名", ["2026/11/19", "L01", "张" * 31, "13900000003", "", "to_win", "referred", "R01", ""]),
    ("证件号", ["2026/11/19", "L01", "丙客户", "13900000004", wrong_check_digit(make_id_number(dt.date(1980, 1, 1))),
               "to_win", "referred", "R01", ""]),
    ("日期", ["2026/02/30", "L01", "丁客户", "13900000005", "", "to_win", "referred", "R01", ""]),
    ("日期", ["2026/11/21", "L01", "戊客户", "13900000006", "", "to_win", "referred", "R01", ""]),
    ("推介人工号", ["2026/11/19", "X999", "己客户", "13900000007", "", "to_win", "referred", "R01", ""]),
    ("理财经理工号", ["2026/11/19", "L01", "庚客户", "13900000008", "", "to_win", "referred", "T01", ""]),
    ("推介状态", ["2026/11/19", "L01", "辛客户", "13900000009", "", "to_win", "已完成", "R01", ""]),
    ("客户类型", ["2026/11/19", "L01", "壬客户", "13900000010", "", "VIP客户", "referred", "R01", ""]),
    ("备注", ["2026/11/19", "L01", "癸客户", "13900000011", "", "to_win", "referred", "R01", "很" * 501]),
    ("备注", ["2026/11/19", "L01", "子客户", "13900000012", "", "to_win", "pending", "R01", "响铃\x07"]),
]
BAD_HEADER = ["日期", "推介人工号", "客户姓名", "手机号", "证件号", "客户类型", "推介状态", "理财经理工号", "备注"]
GOOD_ROW = ["2026/11/19", "L01", "好客户", "13900000099", "", "to_win", "pending", "R01", "正常"]


def bad_rows_file(path: Path) -> tuple[Path, dict[int, str]]:
    """Twelve bad rows between two good ones; returns the file and row -> column to be named."""
    rows: list[list[object]] = [BAD_HEADER, GOOD_ROW]
    expected: dict[int, str] = {}
    for column, row in BAD_ROWS:
        rows.append(row)
        expected[len(rows)] = column
    rows.append([*GOOD_ROW[:3], "13900000098", *GOOD_ROW[4:]])
    return write_csv(path, rows), expected


def test_every_bad_row_is_reported_and_nothing_is_written(db, f, team, tmp_path):
    path, expected = bad_rows_file(tmp_path / "bad.csv")
    before = table_counts(db)

    with pytest.raises(ValidationError) as err:
        import_referrals(db, f.system, path)

    problems = err.value.problems
    assert {p.row: p.field for p in problems} == expected
    assert len(problems) == len(expected) == 12  # one problem per bad row, none for the good rows
    by_row = {p.row: p.message for p in problems}
    assert "X999" in by_row[9] and "T01" in by_row[10]  # named by the staff id in the file
    assert table_counts(db) == before


def test_unknown_and_missing_columns_are_refused(db, f, team, tmp_path):
    path = write_csv(tmp_path / "cols.csv", [
        ["日期", "推荐人", "客户姓名", "手机号", "客户类型", "推介状态"],
        ["2026/11/19", "L01", "周杰", "13912345678", "to_win", "referred"],
    ])
    with pytest.raises(ValidationError) as err:
        import_referrals(db, f.system, path)
    got = {(p.row, p.field) for p in err.value.problems}
    assert got == {(1, "推荐人"), (1, "推介人工号/referrer_id"), (1, "理财经理工号/rm_id")}


@pytest.mark.parametrize("name, content, fragment", [
    ("missing.csv", None, "无法读取"),
    ("list.txt", b"a,b\n", ".csv"),
    ("broken.xlsx", b"not a zip file", "无法读取"),
    ("latin.csv", b"\xff\xfe\xfa\xfb,\x80\n", "GB18030"),
    ("empty.csv", "工号,姓名,岗位\n".encode(), "没有数据行"),
])
def test_unreadable_files_say_why(db, f, tmp_path, name, content, fragment):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ValidationError) as err:
        import_staff(db, f.system, path)
    (problem,) = err.value.problems
    assert problem.field == "file" and fragment in problem.message


def test_two_rows_with_the_same_new_mobile_make_one_client(db, f, team, tmp_path):
    path = write_csv(tmp_path / "same.csv", [
        ZH_REFERRAL_HEADER,
        ["2026/11/18", "10:00", "L01", "周杰", "13912345678", "", "to_win", "referred", "R01", "", "", ""],
        ["2026/11/19", "11:00", "T01", "周杰", "139-1234-5678", "", "to_win", "pending", "R01", "", "", ""],
    ])
    result = import_referrals(db, f.system, path)
    assert (result.referrals, result.new_clients) == (2, 1)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Client)) == 1
        assert len(set(s.scalars(select(Referral.client_id)))) == 1


def test_pending_import_opens_one_follow_up_due_on_its_date(db, f, team, tmp_path):
    path = write_csv(tmp_path / "pending.csv", [
        ZH_REFERRAL_HEADER,
        ["2026/11/17", "15:20", "L01", "周杰", "13912345678", "", "to_win", "待跟进", "R01", "", "", ""],
        ["2026/11/17", "15:40", "L01", "吴敏", "13812345678", "", "to_win", "已推介", "R01", "", "", ""],
    ])
    import_referrals(db, f.system, path)
    with db.read() as s:
        (fu,) = s.scalars(select(FollowUp)).all()
        pending = s.scalars(select(Referral).where(Referral.status == "pending")).one()
    assert fu.referral_id == pending.id and fu.rm_id == team["R01"].id and fu.state == "open"
    assert fu.next_contact_date == dt.date(2026, 11, 17) and fu.opened_at == pending.created_at
    (row,) = followups.queue(db, f.actor(team["R01"]))
    assert row.overdue  # the old sheet's backlog shows at the top of the RM's queue


@pytest.mark.parametrize("note", ["Robert'); DROP TABLE referral;--", '说"好的"🙂，\'单引号\'', "1 OR 1=1; --"])
def test_sql_and_emoji_in_a_note_are_stored_literally(db, f, team, tmp_path, note):
    path = write_csv(tmp_path / "note.csv", [
        ZH_REFERRAL_HEADER,
        ["2026/11/19", "", "L01", "周杰", "13912345678", "", "to_win", "referred", "R01", "", "", note],
    ])
    import_referrals(db, f.system, path)
    with db.read() as s:
        assert s.scalars(select(Referral.note)).one() == note


def test_a_closed_day_takes_no_imported_referrals(db, f, team, tmp_path):
    with db.write() as s:
        s.add(DayClose(branch_id=f.branch.id, business_date=dt.date(2026, 11, 18), closed=True))
    path = write_csv(tmp_path / "closed.csv", [
        ZH_REFERRAL_HEADER,
        ["2026/11/18", "", "L01", "周杰", "13912345678", "", "to_win", "referred", "R01", "", "", ""],
    ])
    with pytest.raises(ValidationError) as err:
        import_referrals(db, f.system, path)
    assert [(p.row, p.field) for p in err.value.problems] == [(2, "日期")]


def test_only_the_supervisor_or_the_command_line_may_import(db, f, team, tmp_path):
    path = write_csv(tmp_path / "x.csv", [ZH_REFERRAL_HEADER])
    with pytest.raises(PermissionDenied):
        import_referrals(db, f.actor(team["L01"]), path)
    with pytest.raises(PermissionDenied):
        import_staff(db, f.actor(team["R01"]), path)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Staff)) == 4


# --- the staged import keeps the form's rules (docs/imports.md) ----------------------


def _snapshot(db, branch_id: int, staff_tag) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """A branch's clients, referrals and follow-ups, named by mobile and staff tag instead of ids."""
    with db.read() as s:
        clients = {c.id: c for c in s.scalars(select(Client).where(Client.branch_id == branch_id))}
        refs = s.scalars(select(Referral).where(Referral.branch_id == branch_id).order_by(Referral.id)).all()
        fus = s.scalars(select(FollowUp).where(FollowUp.branch_id == branch_id).order_by(FollowUp.id)).all()
        tag = {st.id: staff_tag(st.staff_no) for st in s.scalars(select(Staff))}
    by_ref = {r.id: i for i, r in enumerate(refs)}
    return {
        "clients": sorted((c.mobile, c.name, c.id_number, c.birth_date, c.gender, tag.get(c.rm_id), c.interests,
                           c.tier, c.score, c.version) for c in clients.values()),
        "referrals": [(clients[r.client_id].mobile, r.business_date, r.created_at, tag[r.referrer_id], tag[r.rm_id],
                       r.client_type, r.channel, r.status, r.interests, r.note, r.preferred_contact_at, r.met,
                       r.deal, r.version) for r in refs],
        "follow_ups": [(clients[fu.client_id].mobile, by_ref[fu.referral_id], tag[fu.rm_id], fu.origin, fu.state,
                        fu.next_contact_date, fu.attempts, fu.opened_at, fu.version) for fu in fus],
    }


PARITY_ROWS = [
    # date, time, referrer, name, mobile, id number, type, status, rm, channel, interests, note
    ["2026/11/17", "15:20", "L01", "周杰", "13912345678", "", "待争取优质客户", "待跟进", "R01", "大堂", "基金、保险",
     ""],
    ["2026/11/18", "", "T01", "周杰", "139-1234-5678", make_id_number(dt.date(1985, 3, 2), 124), "to_win",
     "referred", "R02", "", "基金;基金", "再次来访"],  # same new client: its ID number is filled in
    ["2026/11/19", "10:05", "L01", "老客户", "13700000001", make_id_number(dt.date(1970, 1, 9), 311),
     "existing_premium", "pending", "R02", "现金柜台", "", ""],  # a client on file without an RM
    ["2026/11/19", "11:00", "T01", "另一位", "13700000001", "", "existing_premium", "referred", "R01", "", "", ""],
    ["2026/11/20", "08:30", "L01", "吴敏", "13812345678", "", "现有潜质客户", "pending", "R01", "phone_banking",
     "理财产品", "今天早上"],
]


def test_the_import_writes_what_filing_each_row_through_the_form_would(db, f, team, tmp_path):
    """Branch 0001 imports the rows; branch 0002 files the same rows one by one through
    referrals.file_in_session (as the form does, without the contact time the sheets lack)."""
    from services import validation as v
    from services.permissions import Actor
    from services.referrals import ReferralInput, file_in_session

    with db.write() as s:
        other = Branch(code="0002", name="第二支行")
        s.add(other)
        s.flush()
        other_id = other.id
        for bid in (f.branch.id, other_id):  # the same client on file in each branch, without an RM
            s.add(Client(branch_id=bid, name="老客户", mobile="13700000001", interests=[], tier="none", score=0,
                         created_at=db.now(), gender="unknown"))
    mirror = {}
    for no, info in team.items():
        mirror[no], _ = accounts.add_staff(db, Actor.system(other_id), staff_no=f"B{no}", name=info.name,
                                           role=info.role, password="Passw0rd!", branch_code="0002")

    path = write_csv(tmp_path / "p.csv", [[*ZH_REFERRAL_HEADER, "网点"], *[[*r, "0001"] for r in PARITY_ROWS]])
    imported = import_referrals(db, f.system, path)

    actor = Actor.system(other_id)
    with db.write() as s:
        for r in PARITY_ROWS:
            day = dt.date(*map(int, r[0].split("/")))
            at = dt.time(*map(int, r[1].split(":"))) if r[1] else dt.time(9, 0)
            created = min(dt.datetime.combine(day, at, BRANCH_TZ), db.now())
            data = ReferralInput(client_type=r[6], status=r[7], rm_id=mirror[r[8]].id, channel=r[9] or "lobby",
                                 client_name=r[3], client_mobile=r[4], client_id_number=r[5] or None,
                                 interests=[p for p in re.split("[;、]", r[10]) if p], note=r[11] or None,
                                 business_date=day, created_at=created)
            problems = v.Problems()
            referrer = s.get(Staff, mirror[r[2]].id)
            assert referrer is not None
            assert file_in_session(s, db, actor, referrer, data, problems, require_contact_time=False,
                                   with_warnings=False) is not None, problems.items

    assert (imported.referrals, imported.new_clients) == (5, 2)
    ours = _snapshot(db, f.branch.id, lambda no: no)
    theirs = _snapshot(db, other_id, lambda no: no[1:] if no.startswith("B") else no)
    assert ours["referrals"] == theirs["referrals"]
    assert ours["follow_ups"] == theirs["follow_ups"] and len(ours["follow_ups"]) == 3  # type: ignore[arg-type]
    # Versions aside (the form flushes a client once per change), the clients are the same.
    assert [c[:-1] for c in ours["clients"]] == [c[:-1] for c in theirs["clients"]]  # type: ignore[attr-defined]
    with db.read() as s:
        old = s.scalars(select(Client).where(Client.branch_id == f.branch.id, Client.mobile == "13700000001")).one()
    assert old.rm_id == team["R02"].id and old.id_number is not None and old.version == 2


def test_a_day_closed_between_the_check_and_the_write_takes_nothing(db, f, team, tmp_path):
    path = write_csv(tmp_path / "race.csv", [ZH_REFERRAL_HEADER, *PARITY_ROWS[:2]])
    before = table_counts(db)

    def close_the_day() -> None:
        with db.write() as s:
            if not s.scalar(select(func.count()).select_from(DayClose)):
                s.add(DayClose(branch_id=f.branch.id, business_date=dt.date(2026, 11, 18), closed=True, version=1))

    with pytest.raises(ValidationError) as err:
        import_referrals(db, f.system, path, before_write=close_the_day)
    assert [(p.row, p.field) for p in err.value.problems] == [(3, "日期")]
    after = table_counts(db)
    assert after.pop("day_close") == before.pop("day_close") + 1
    assert after == before


def test_a_client_filed_for_a_new_mobile_meanwhile_is_matched_not_doubled(db, f, team, tmp_path):
    path = write_csv(tmp_path / "race.csv", [ZH_REFERRAL_HEADER, *PARITY_ROWS[:2]])
    filed = []

    def file_the_same_mobile() -> None:
        if not filed:
            filed.append(f.referral(team["L01"], team["R01"], mobile="13912345678", name="周杰"))

    result = import_referrals(db, f.system, path, before_write=file_the_same_mobile)

    assert (result.referrals, result.new_clients) == (2, 0)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Client)) == 1
        assert set(s.scalars(select(Referral.client_id))) == {filed[0].client_id}


def test_a_client_that_keeps_changing_under_the_import_makes_it_give_up_with_a_message(db, f, team, tmp_path):
    from services.errors import Conflict

    with db.write() as s:
        s.add(Client(branch_id=f.branch.id, name="老客户", mobile="13700000001", interests=[], tier="none", score=0,
                     created_at=db.now(), gender="unknown"))
    path = write_csv(tmp_path / "busy.csv", [ZH_REFERRAL_HEADER, PARITY_ROWS[2]])
    before = table_counts(db)

    def change_the_client() -> None:  # another workstation saves the matched client each time
        with db.write() as s:
            s.execute(Client.__table__.update().values(version=Client.__table__.c.version + 1))

    with pytest.raises(Conflict):
        import_referrals(db, f.system, path, before_write=change_the_client)
    assert table_counts(db) == before


def test_without_a_branch_column_several_branches_are_a_header_problem(db, f, team, tmp_path):
    with db.write() as s:
        s.add(Branch(code="0002", name="第二支行"))
    path = write_csv(tmp_path / "nobranch.csv", [ZH_REFERRAL_HEADER, PARITY_ROWS[0]])
    with pytest.raises(ValidationError) as err:
        import_referrals(db, f.system, path)
    assert [(p.row, p.field) for p in err.value.problems] == [(1, "网点/branch")]


def test_a_matched_client_removed_before_the_write_is_created_again_not_referenced(db, f, team, tmp_path):
    with db.write() as s:
        s.add(Client(branch_id=f.branch.id, name="老客户", mobile="13700000001", interests=[], tier="none", score=0,
                     created_at=db.now(), gender="unknown"))
    path = write_csv(tmp_path / "gone.csv", [ZH_REFERRAL_HEADER, PARITY_ROWS[3]])

    def remove_the_client() -> None:
        with db.write() as s:
            s.execute(Client.__table__.delete())

    result = import_referrals(db, f.system, path, before_write=remove_the_client)
    assert (result.referrals, result.new_clients) == (1, 1)
    with db.read() as s:
        (client,) = s.scalars(select(Client)).all()
        assert s.scalars(select(Referral.client_id)).one() == client.id
