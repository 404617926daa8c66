"""Lobby Referral Desk: the command line (docs/product.md "Command line"); with no command it starts the window."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from services.db import Database
    from services.permissions import Actor

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
    init.add_argument("--branch-code", default=None, help="default 0001 on an empty database")
    init.add_argument("--branch-name", default=None, help="default 本网点 on an empty database")

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

    clients = sub.add_parser("clients", help="client records")
    clients_sub = clients.add_subparsers(dest="clients_command", metavar="ACTION", required=True)
    c_imp = clients_sub.add_parser("import", help="import client records (RM, snapshot, ratings) from .csv or .xlsx")
    c_imp.add_argument("file")

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

    backup = sub.add_parser("backup", help="a consistent, checked copy of the database")
    backup.add_argument("--out", required=True)
    backup.add_argument("--force", action="store_true", help="overwrite an existing file")

    restore = sub.add_parser("restore", help="replace the database by a checked backup")
    restore.add_argument("--from", required=True, dest="source", metavar="FILE")

    sub.add_parser("check", help="integrity of the database: exit 0 healthy, 1 damaged")

    aud = sub.add_parser("audit", help="the audit log: list it, verify its hash chain")
    aud_sub = aud.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    a_list = aud_sub.add_parser("list", help="one event a line, oldest first (no personal data)")
    a_list.add_argument("--since", default=None, metavar="YYYY-MM-DD", help="events from this branch day on")
    a_list.add_argument("--actor", default=None, metavar="STAFF_ID", help="only this staff id's events")
    aud_sub.add_parser("verify", help="recompute the hash chain: exit 0 intact, 1 naming the first broken event")

    br = sub.add_parser("branch", help="the installation's branches")
    br_sub = br.add_subparsers(dest="branch_command", metavar="ACTION", required=True)
    b_add = br_sub.add_parser("add", help="add a branch (code: 4-8 letters or digits)")
    b_add.add_argument("--code", required=True)
    b_add.add_argument("--name", required=True)
    br_sub.add_parser("list", help="list the branches")

    mig = sub.add_parser("migrate-to", help="copy the one branch of the --db SQLite file into a PostgreSQL database")
    mig.add_argument("--to", required=True, dest="target", metavar="POSTGRES_URL")
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


def _open(args: argparse.Namespace, *, upgrade: bool = True,  # type: ignore[no-untyped-def]
          check: Literal["quick", "full", "none"] = "quick"):
    from services.db import open_database

    return open_database(args.db, upgrade=upgrade, check=check)


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
    db.bind_scope(b.id)  # the command acts for this branch (docs/row-level-security.md "Setting the scope")
    return Actor.system(b.id)


def cmd_init(args: argparse.Namespace) -> int:
    """Schema and branch; on a database holding other branches it says what it did (docs/branches.md "init")."""
    from services.accounts import ensure_branch, list_branches
    from services.db import describe

    db = _open(args, check="full")
    existing = list_branches(db)
    if existing and args.branch_code is not None and all(b.code != args.branch_code.strip() for b in existing):
        return _init_another_branch(db, args)
    branch, created = ensure_branch(db, args.branch_code or "0001", args.branch_name or "本网点")
    print(f"数据库 / database: {describe(db.engine)}")
    state = "已创建 / created" if created else "已存在 / exists"
    print(f"网点 / branch: {branch.code} {branch.name} ({state})")
    if len(existing) > 1 or (args.branch_code is not None and existing):
        from services.i18n import msg

        print(msg("init_branch_exists", code=branch.code, codes=", ".join(b.code for b in list_branches(db))))
    return EXIT_OK


def _init_another_branch(db: Database, args: argparse.Namespace) -> int:
    """``init --branch-code C`` where C is new but other branches exist: C is added, and that is said."""
    from services import branches
    from services.accounts import list_branches
    from services.db import describe
    from services.errors import FieldProblem, ValidationError
    from services.i18n import msg
    from services.permissions import Actor

    if not (args.branch_name or "").strip():
        raise ValidationError([FieldProblem("--branch-name", msg("branch_name_needed"))])
    try:
        added = branches.add_branch(db, Actor.system(0), code=args.branch_code, name=args.branch_name)
    except ValidationError as exc:
        raise ValidationError([FieldProblem(f"--branch-{p.field}", p.message) for p in exc.problems]) from None
    print(f"数据库 / database: {describe(db.engine)}")
    print(f"网点 / branch: {added.code} {added.name} (已创建 / created)")
    print(msg("init_branch_created", code=added.code, name=added.name,
              codes=", ".join(b.code for b in list_branches(db))))
    return EXIT_OK


def cmd_branch(args: argparse.Namespace) -> int:
    """``branch add`` / ``branch list`` (docs/branches.md)."""
    from services import branches
    from services.errors import FieldProblem, ValidationError
    from services.permissions import Actor

    db = _open(args)
    actor = Actor.system(0)  # the installation's operator: the new branch's own events carry its id
    if args.branch_command == "add":
        try:
            row = branches.add_branch(db, actor, code=args.code, name=args.name)
        except ValidationError as exc:
            raise ValidationError([FieldProblem(f"--{p.field}", p.message) for p in exc.problems]) from None
        print(f"已添加网点 / branch added: {row.code} {row.name}")
        return EXIT_OK
    for b in branches.list_branches(db, actor):
        print(f"{b.code}\t{b.name}\t{b.staff}")
    return EXIT_OK


def cmd_migrate_to(args: argparse.Namespace) -> int:
    """``--db SQLITE migrate-to --to PG``: one branch's whole history onto the shared server (docs/branches.md)."""
    from services.db import resolve_url
    from services.migrate_to import migrate_branch

    result = migrate_branch(resolve_url(args.db), args.target)
    print(f"网点 / branch: {result.branch_code} {result.branch_name} → {result.target}")
    print("表 / table\t源 / source\t目标 / copied")
    for table, (source, copied) in result.counts.items():
        print(f"{table}\t{source}\t{copied}")
    copied = result.counts["audit_event"][1]
    print(f"审计日志 / audit log: {copied} + 1 migrate marker; 服务器上校验 / verified on the server: "
          f"ok {result.audit_events} events")
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
    from services.errors import FieldProblem, ValidationError

    db = _open(args)
    if args.staff_command == "import":
        from services.imports import import_staff

        # The file's 网点/branch column places each person; the events go to each branch's own log.
        try:
            actor = _first_branch_actor(db)
        except ValidationError as exc:  # no branch yet: about the file's branch, not an option
            raise ValidationError([FieldProblem("branch", p.message) for p in exc.problems]) from None
        result = import_staff(db, actor, Path(args.file))
        n = len(result.accounts)
        print(f"已导入 {n} 名员工 / imported {n} staff; 初始密码 / initial passwords:")
        for acc in result.accounts:
            print(f"  {acc.staff_no}\t{acc.name}\t{acc.role}\t{acc.password}")
        return EXIT_OK
    password = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    # A head-office account belongs to no branch (docs/head-office.md): add_staff refuses a --branch for it.
    head_office = args.role.strip() in ("head_office", "分行管理")
    try:
        actor = _first_branch_actor(db) if head_office else _system_actor(db, args.branch)
    except ValidationError as exc:  # no --branch where the database holds several: the option is named
        raise ValidationError([FieldProblem("--branch", p.message) for p in exc.problems]) from None
    info, pw = add_staff(db, actor, staff_no=args.staff_id, name=args.name, role=args.role, password=password,
                         must_change_password=True, branch_code=args.branch if head_office else None)
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


def cmd_clients(args: argparse.Namespace) -> int:
    from services.client_import import import_clients

    db = _open(args)
    result = import_clients(db, _system_actor(db), Path(args.file))
    print(f"已导入 {result.rows} 位客户（新建 {result.new_clients}，更新 {result.updated_clients}，"
          f"等级变化 {result.tier_moves}）/ imported {result.rows} clients ({result.new_clients} new, "
          f"{result.updated_clients} updated, {result.tier_moves} tier changes)")
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


def _first_branch_actor(db: Database) -> Actor:
    from sqlalchemy import select

    from models import Branch
    from services.permissions import Actor

    with db.read() as s:
        bid = s.scalar(select(Branch.id).order_by(Branch.id).limit(1))
    if bid is None:
        from services.errors import FieldProblem, ValidationError
        from services.i18n import msg

        raise ValidationError([FieldProblem("--branch", msg("no_branch"))])
    from services.scope import bind_all_branches

    bind_all_branches(db)  # ALL: the head office's reading of every branch, never a client's data
    return Actor.system(bid)


def cmd_backup(args: argparse.Namespace) -> int:
    from services.db import resolve_url
    from services.storage import backup

    print(backup(resolve_url(args.db), Path(args.out), force=args.force))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from services.db import resolve_url
    from services.i18n import msg
    from services.storage import restore

    done = restore(resolve_url(args.db), Path(args.source))
    print(msg("restore_done", path=done.database, source=Path(args.source).absolute()))
    if done.replaced is not None:
        print(msg("restore_kept", path=done.replaced))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from services.db import resolve_url
    from services.storage import check

    health = check(resolve_url(args.db))
    print("\n".join(health.lines()), file=sys.stdout if health.ok else sys.stderr)
    return EXIT_OK if health.ok else EXIT_FAILURE


def cmd_audit(args: argparse.Namespace) -> int:
    """docs/product.md "Command line": ``audit list`` and ``audit verify`` (the chain: docs/audit.md)."""
    from services import audit
    from services.permissions import Actor

    since = parse_day("--since", args.since) if args.audit_command == "list" and args.since else None
    db = _open(args)
    db.bind_scope(None, head_office=True)  # the whole log, every branch's (it holds no personal data)
    if args.audit_command == "verify":
        check = audit.verify(db)
        if check.ok:
            print(f"ok {check.events} events")
            return EXIT_OK
        why = ("其内容被改动 / its content was changed" if check.problem == "edited"
               else "它之前的事件被删除或改写 / the event before it was deleted or rewritten")
        print(f"审计日志损坏 / audit log broken at event {check.broken_id}: {why}")
        return EXIT_FAILURE
    if args.actor and not audit.known_actor(db, args.actor.strip()):
        from services.i18n import msg

        raise BadArgument("--actor", msg("unknown_actor", value=args.actor))
    # The operator of the installation reads every branch's log; the lines hold codes and ids only.
    try:
        for line in audit.events(db, Actor.system(0), since=since, staff_no=args.actor):
            print(line.text())
        sys.stdout.flush()
    except BrokenPipeError:  # `audit list | head`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK


COMMANDS = {
    "init": cmd_init, "demo": cmd_demo, "staff": cmd_staff, "referrals": cmd_referrals,
    "clients": cmd_clients,
    "report": cmd_report, "backup": cmd_backup, "restore": cmd_restore, "check": cmd_check, "audit": cmd_audit,
    "branch": cmd_branch, "migrate-to": cmd_migrate_to,
}


def _report_problems(args: argparse.Namespace, exc: Exception) -> None:
    from services.errors import ValidationError
    from services.validation import printable

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
    from services import logsetup

    logsetup.configure()
    if args.command is None:
        from gui.app import run_gui

        return run_gui(args.db, args.lang or "zh_CN")

    from services.db import StorageError
    from services.errors import AuthError, Busy, Conflict, NotFound, PermissionDenied, ValidationError
    from services.storage import StorageFailure
    from services.validation import printable

    try:
        return COMMANDS[args.command](args)
    except BadArgument as exc:  # the value is echoed: no escape sequence reaches the terminal
        print(printable(f"{exc.option}: {exc}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except StorageFailure as exc:  # before StorageError: a damaged or busy file is a failure (1), not bad input
        print(exc, file=sys.stderr)
        return EXIT_FAILURE
    except (ValidationError, StorageError) as exc:
        _report_problems(args, exc)
        return EXIT_BAD_INPUT
    except (PermissionDenied, NotFound, Conflict, AuthError, Busy) as exc:
        print(printable(f"错误 / error: {exc}"), file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:  # a bug or the database went away: one line here, the traceback in the log
        _report_failure(args.command, exc)
        return EXIT_FAILURE


def _report_failure(command: str, exc: Exception) -> None:
    """One console line for an unexpected failure; the traceback (without SQL parameters) in the log file."""
    from services import logsetup
    from services.i18n import msg
    from services.storage import one_line

    log.error("command %s failed", command, exc_info=exc, extra={"console": False})
    orig = getattr(exc, "orig", None)  # a driver's error inside SQLAlchemy's: its text, not the SQL
    why = f"{type(orig or exc).__name__}: {one_line(orig or exc)}"
    if any(sign in str(orig or exc) for sign in ("malformed", "not a database")):
        why += f"; {msg('db_run_check')}"  # damage the start-up quick check did not reach
    path = logsetup.log_path()
    print(msg("failed_see_log", why=why, log=path) if path else msg("failed_no_log", why=why), file=sys.stderr)


if __name__ == "__main__":
    sys.exit(run())
