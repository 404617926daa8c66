"""Lobby Referral Desk: the command line (docs/product.md "Command line"); with no command it starts the window."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
log = logging.getLogger("lobbydesk")


class BadArgument(Exception):
    """A command-line value that is impossible (a date, a month)."""

    def __init__(self, option: str, message: str) -> None:
        self.option = option
        super().__init__(message)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lobbydesk", description="厅堂推介与客户跟进 Lobby Referral Desk")
    p.add_argument("--db", metavar="URL",
                   help="database URL (default: $LOBBYDESK_DB_URL, else the per-user SQLite file)")
    p.add_argument("--lang", choices=["zh_CN", "en"], default=None, help="user interface language (default zh_CN)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="create or upgrade the schema and the branch")
    init.add_argument("--branch-code", default="0001")
    init.add_argument("--branch-name", default="本网点")

    demo = sub.add_parser("demo", help="fill an empty database with a demo branch")
    demo.add_argument("--seed", type=int, default=2026)

    staff = sub.add_parser("staff", help="staff accounts")
    staff_sub = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    s_imp = staff_sub.add_parser("import", help="import staff from .csv or .xlsx")
    s_imp.add_argument("file")
    s_add = staff_sub.add_parser("add", help="add one account")
    s_add.add_argument("--id", required=True, dest="staff_id")
    s_add.add_argument("--name", required=True)
    s_add.add_argument("--role", required=True)
    s_add.add_argument("--branch", default=None, help="branch code (default: the only branch)")
    s_add.add_argument("--password-stdin", action="store_true", help="read the initial password from standard input")

    refs = sub.add_parser("referrals", help="referrals")
    refs_sub = refs.add_subparsers(dest="referrals_command", metavar="ACTION", required=True)
    r_imp = refs_sub.add_parser("import", help="import referrals from .csv or .xlsx")
    r_imp.add_argument("file")

    report = sub.add_parser("report", help="statistics sheets as PDF or .xlsx")
    rep_sub = report.add_subparsers(dest="report_kind", metavar="KIND", required=True)
    for kind in ("daily", "weekly"):
        rp = rep_sub.add_parser(kind)
        rp.add_argument("--date", required=True)
        rp.add_argument("--out", required=True)
        rp.add_argument("--branch", default=None, help="branch code, or ALL for every branch")
    rm = rep_sub.add_parser("monthly")
    rm.add_argument("--month", required=True)
    rm.add_argument("--out", required=True)
    rm.add_argument("--branch", default=None, help="branch code, or ALL for every branch")

    backup = sub.add_parser("backup", help="a consistent copy of the database")
    backup.add_argument("--out", required=True)
    return p


def parse_day(option: str, value: str) -> dt.date:
    from services.i18n import msg

    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        raise BadArgument(option, f"{value}: {msg('date_format')}")
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise BadArgument(option, f"{value}: {msg('date_impossible')}") from None


def parse_month(option: str, value: str) -> dt.date:
    from services.i18n import msg

    m = re.fullmatch(r"(\d{4})-(\d{1,2})", value.strip())
    if not m or not 1 <= int(m[2]) <= 12:
        raise BadArgument(option, f"{value}: {msg('date_impossible')} (YYYY-MM)")
    return dt.date(int(m[1]), int(m[2]), 1)


def _open(args: argparse.Namespace, *, upgrade: bool = True):  # type: ignore[no-untyped-def]
    from services.db import open_database

    return open_database(args.db, upgrade=upgrade)


def _system_actor(db, branch_code: str | None = None):  # type: ignore[no-untyped-def]
    from services.accounts import branch_by_code, only_branch
    from services.errors import FieldProblem, ValidationError
    from services.i18n import msg
    from services.permissions import Actor

    with db.read() as s:
        if branch_code:
            b = branch_by_code(s, branch_code)
            if b is None:
                raise ValidationError([FieldProblem("--branch", msg("branch_unknown", value=branch_code))])
        else:
            b = only_branch(s)
        return Actor.system(b.id)


def cmd_init(args: argparse.Namespace) -> int:
    from services.accounts import ensure_branch
    from services.db import describe

    db = _open(args)
    branch, created = ensure_branch(db, args.branch_code, args.branch_name)
    print(f"数据库 / database: {describe(db.engine)}")
    state = "已创建 / created" if created else "已存在 / exists"
    print(f"网点 / branch: {branch.code} {branch.name} ({state})")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from services.db import describe
    from services.demo import build_demo

    db = _open(args)
    result = build_demo(db, seed=args.seed)
    print(f"数据库 / database: {describe(db.engine)}")
    print(f"演示网点 / demo branch: {result.branch_code} {result.branch_name}")
    print(f"客户 / clients: {result.clients}  推介 / referrals: {result.referrals}  "
          f"跟进 / follow-ups: {result.follow_ups}")
    print("演示账户 / demo accounts (工号 / 姓名 / 岗位 / 密码):")
    for acc in result.accounts:
        print(f"  {acc.staff_no}\t{acc.name}\t{acc.role}\t{acc.password}")
    return EXIT_OK


def cmd_staff(args: argparse.Namespace) -> int:
    from services.accounts import add_staff

    db = _open(args)
    if args.staff_command == "import":
        from services.imports import import_staff

        result = import_staff(db, _system_actor(db), Path(args.file))
        n = len(result.accounts)
        print(f"已导入 {n} 名员工 / imported {n} staff; 初始密码 / initial passwords:")
        for acc in result.accounts:
            print(f"  {acc.staff_no}\t{acc.name}\t{acc.role}\t{acc.password}")
        return EXIT_OK
    password = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    actor = _system_actor(db, args.branch)
    info, pw = add_staff(db, actor, staff_no=args.staff_id, name=args.name, role=args.role, password=password,
                         must_change_password=True)
    print(f"已添加 / added: {info.staff_no} {info.name} {info.role.value}")
    if password is None:
        print(f"初始密码 / initial password: {pw}")
    print("首次登录须修改密码 / the password must be changed at first sign-in")
    return EXIT_OK


def cmd_referrals(args: argparse.Namespace) -> int:
    from services.imports import import_referrals

    db = _open(args)
    result = import_referrals(db, _system_actor(db), Path(args.file))
    print(f"已导入 {result.referrals} 条推介，新建 {result.new_clients} 位客户 / "
          f"imported {result.referrals} referrals, "
          f"{result.new_clients} new clients")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from services.reports import export_report

    if args.report_kind == "monthly":
        day = parse_month("--month", args.month)
    else:
        day = parse_day("--date", args.date)
    out = Path(args.out)
    if out.suffix.lower() not in (".pdf", ".xlsx"):
        raise BadArgument("--out", "应为 .pdf 或 .xlsx 文件 / must end in .pdf or .xlsx")
    db = _open(args)
    all_branches = args.branch in ("ALL", "all")
    actor = _first_branch_actor(db) if all_branches else _system_actor(db, args.branch)
    path = export_report(db, actor, args.report_kind, day, out, all_branches=all_branches)
    print(f"已生成 / written: {path}")
    return EXIT_OK


def _first_branch_actor(db):  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from models import Branch
    from services.permissions import Actor

    with db.read() as s:
        bid = s.scalar(select(Branch.id).order_by(Branch.id).limit(1))
    if bid is None:
        from services.errors import FieldProblem, ValidationError
        from services.i18n import msg

        raise ValidationError([FieldProblem("--branch", msg("no_branch"))])
    return Actor.system(bid)


def cmd_backup(args: argparse.Namespace) -> int:
    from services.db import backup

    db = _open(args, upgrade=False)
    print(backup(db.engine, Path(args.out)))
    return EXIT_OK


COMMANDS = {
    "init": cmd_init, "demo": cmd_demo, "staff": cmd_staff, "referrals": cmd_referrals,
    "report": cmd_report, "backup": cmd_backup,
}


def _report_problems(args: argparse.Namespace, exc: Exception) -> None:
    from services.errors import ValidationError
    from services.importfiles import printable

    # Problems repeat what files and arguments hold: never let an escape sequence reach the terminal.
    source = getattr(args, "file", None)
    if isinstance(exc, ValidationError):
        for p in exc.problems:
            if source:  # docs/imports.md "Problem lines": row 0 is the file as a whole
                line = f"{source}:{p.row or 0}: {p.field}: {p.message}"
            else:
                line = f"{p.field}: {p.message}"
            print(printable(line), file=sys.stderr)
    else:
        print(printable(f"错误 / error: {exc}"), file=sys.stderr)


def run(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from services.i18n import set_language

    set_language(args.lang or "zh_CN")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.command is None:
        from gui.app import run_gui

        return run_gui(args.db, args.lang or "zh_CN")

    from services.db import StorageError
    from services.errors import AuthError, Conflict, NotFound, PermissionDenied, ValidationError

    try:
        return COMMANDS[args.command](args)
    except BadArgument as exc:
        print(f"{exc.option}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (ValidationError, StorageError) as exc:
        _report_problems(args, exc)
        return EXIT_BAD_INPUT
    except (PermissionDenied, NotFound, Conflict, AuthError) as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:  # a bug or the database went away: short message, traceback in the log
        log.exception("command %s failed", args.command)
        print(f"失败 / failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(run())
