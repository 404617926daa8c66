"""Many branches in minutes: copy a few seeded template branches inside PostgreSQL (bench/README.md "branches.py").

    replicate(url, branches=100)   # after seed.seed(url, ..., branches=4) filled branches 1-4

``bench/seed.py`` generates every row in Python (about 16 000 rows/s on this machine), which puts
100 branches of 100 000 referrals (some 30 M rows) at half an hour. Here the generator fills a few
*template* branches, and the server copies them up to ``branches``: one ``INSERT … SELECT … CROSS
JOIN generate_series`` per table per batch of copies, no row crossing the wire.

How a copy is made, from the models' metadata (``models.Base.metadata``), not from a list of columns:

- The copied tables: ``branch`` and every table with a ``branch_id`` column, parents first. Copy ``c``
  (1, 2, …) of template branch ``t`` becomes branch ``c × T + t`` (T templates).
- Each table's ids are ``1 … span`` after the seed (span = its largest id); copy ``c`` of a row gets
  ``id + c × span``. Every column with a foreign key to a copied table gets that table's offset the
  same way (``branch_id`` gets the branch's, so the new branch's id), so a copy points only at rows of
  its own copy; NULL stays NULL.
- Values unique over the whole server that hold no id are rewritten (``REWRITE``): the branch's code
  and name as ``seed.py`` would make them for that id, and ``staff_no``, whose first four characters are
  the branch code. Before copying, every unique index on a copied table is checked: it must hold an
  offset column (id or a foreign key) or a rewritten one, else the copy refuses to start (a new unique
  column needs a rule here first).
- ``audit_event`` is not copied: its rows form one hash chain across branches (docs/audit.md), which a
  copy would fork. The seed writes no audit events, so the bench database has none and ``audit
  verify`` passes on it; the copy refuses a template database that has some.
- The copies are exact copies of the templates' rows (same clients' names and mobiles, same dates,
  in the copy's branch): shifting dates would move referrals past "today" or out of the closed days,
  and the daily sheets would no longer match the day closes. The sizes, the plans and the row-level
  security's work are those of 100 branches; the variety is that of T.

Load as seed.py does: the secondary indexes of the copied tables are dropped first and rebuilt from
the database's own definitions afterwards, the foreign-key triggers are off (``session_replication_role
= replica``, so a superuser), then every sequence is set past its largest id and every copied table is
vacuumed and analysed.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import Table  # noqa: E402

from bench.seed import BRANCH_CODE_WIDTH, PostgresLoader, branch_name  # noqa: E402
from models import Base  # noqa: E402

# Copies made by one statement per table (batch): 8 copies of 4 templates = 32 branches a statement.
COPIES_PER_STATEMENT = 8
# Never copied: one hash chain over every branch (see the module docstring).
NOT_COPIED = ("audit_event",)
# Unique values that hold no id: SQL for the copy's value; ``{branch}`` is the new branch's id,
# ``src`` the template row. seed.py's codes are the id, zero-padded to BRANCH_CODE_WIDTH.
_CODE = f"lpad(({{branch}})::text, {BRANCH_CODE_WIDTH}, '0')"
REWRITE: dict[tuple[str, str], str] = {
    ("branch", "code"): _CODE,
    ("branch", "name"): "(%(names)s::text[])[{branch}]",
    ("staff", "staff_no"): _CODE + f" || substr(src.staff_no, {BRANCH_CODE_WIDTH + 1})",
}


@dataclass
class ReplicateResult:
    templates: int
    branches: int
    rows: dict[str, int] = field(default_factory=dict)  # rows added per table
    copy_seconds: float = 0.0
    index_seconds: float = 0.0
    vacuum_seconds: float = 0.0
    seconds: float = 0.0


def copied_tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables
            if (t.name == "branch" or "branch_id" in t.c) and t.name not in NOT_COPIED]


def _offset_columns(table: Table, names: set[str]) -> dict[str, str]:
    """Column → the table whose span it is shifted by: the id, and each foreign key to a copied table."""
    out = {"id": table.name}
    for fk in table.foreign_keys:
        target = fk.column.table.name
        if target in names:
            out[fk.parent.name] = target
    return out


def select_sql(table: Table, names: set[str], spans: dict[str, int], templates: int) -> str:
    """INSERT … SELECT making copies ``%(first)s`` … ``%(last)s`` of the table's template rows."""
    offsets = _offset_columns(table, names)
    key = "id" if table.name == "branch" else "branch_id"
    branch_expr = f"src.{key} + c * %(templates)s::integer"
    cols, exprs = [], []
    for col in table.c:
        cols.append(f'"{col.name}"')
        if (table.name, col.name) in REWRITE:
            exprs.append(REWRITE[(table.name, col.name)].format(branch=branch_expr))
        elif col.name in offsets:
            exprs.append(f'src."{col.name}" + c * {spans[offsets[col.name]]}')
        else:
            exprs.append(f'src."{col.name}"')
    return (f'INSERT INTO "{table.name}" ({", ".join(cols)}) SELECT {", ".join(exprs)} '
            f'FROM "{table.name}" AS src CROSS JOIN generate_series(%(first)s::integer, %(last)s::integer) AS c '
            f"WHERE src.id <= {spans[table.name]} AND {branch_expr} <= %(branches)s::integer")


def _check(pg: Any, tables: Sequence[Table], templates: int) -> None:
    """Refuse what a copy would break: unique values it cannot keep unique, codes it would not match, audit rows."""
    names = {t.name for t in tables}
    with pg.cursor() as cur:
        for table in tables:
            offsets = _offset_columns(table, names)
            cur.execute("SELECT i.indexrelid::regclass::text, array_agg(a.attname::text) FROM pg_index i"
                        " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
                        " WHERE i.indrelid = to_regclass(%s) AND i.indisunique"
                        " AND NOT (0 = ANY(i.indkey::int2[])) GROUP BY 1", (f'public."{table.name}"',))
            for index, cols in cur.fetchall():
                if not any(c in offsets or (table.name, c) in REWRITE for c in cols):
                    raise SystemExit(f"bench/replicate.py: unique index {index} on {table.name}({', '.join(cols)})"
                                     " would repeat across copies; add a rule to REWRITE")
            cur.execute("SELECT count(*) FROM pg_index WHERE indrelid = to_regclass(%s) AND indisunique"
                        " AND 0 = ANY(indkey::int2[])", (f'public."{table.name}"',))
            if cur.fetchone()[0]:
                raise SystemExit(f"bench/replicate.py: {table.name} has a unique index on an expression; "
                                 "add a rule to REWRITE")
        cur.execute("SELECT count(*), coalesce(max(id), 0) FROM branch")
        count, top = cur.fetchone()
        if count != templates or top != templates:
            raise SystemExit(f"bench/replicate.py: expected template branches 1–{templates}, found {count} (max {top})")
        cur.execute(f"SELECT count(*) FROM branch WHERE code <> lpad(id::text, {BRANCH_CODE_WIDTH}, '0')")
        bad_codes = cur.fetchone()[0]
        cur.execute(f"SELECT count(*) FROM staff s JOIN branch b ON b.id = s.branch_id"
                    f" WHERE left(s.staff_no, {BRANCH_CODE_WIDTH}) <> b.code")
        if bad_codes or cur.fetchone()[0]:
            raise SystemExit("bench/replicate.py: branch codes or staff numbers are not seed.py's")
        for name in NOT_COPIED:
            cur.execute(f'SELECT count(*) FROM "{name}"')
            if cur.fetchone()[0]:
                raise SystemExit(f"bench/replicate.py: {name} holds rows; the copies cannot continue its chain")


def replicate(url: str, *, branches: int, progress: bool = False) -> ReplicateResult:
    """Copy the database's template branches (ids 1…T, as seed.py made them) until there are ``branches``."""
    t_start = time.perf_counter()
    loader = PostgresLoader(url)  # foreign-key triggers off, synchronous_commit off
    pg = loader.pg
    tables = copied_tables()
    names = {t.name for t in tables}
    try:
        templates = int(_scalar(pg, "SELECT count(*) FROM branch"))
        if not 0 < templates < branches:
            raise SystemExit(f"bench/replicate.py: {templates} template branches; asked for {branches}")
        if branches >= 10 ** BRANCH_CODE_WIDTH:
            raise SystemExit(f"bench/replicate.py: at most {10 ** BRANCH_CODE_WIDTH - 1} branches")
        _check(pg, tables, templates)
        pg.commit()
        result = ReplicateResult(templates=templates, branches=branches)
        spans: dict[str, int] = {}
        for table in tables:
            spans[table.name] = int(_scalar(pg, f'SELECT coalesce(max(id), 0) FROM "{table.name}"'))
        pg.commit()
        loader.drop_indexes([t.name for t in tables if spans[t.name]])
        copies = math.ceil(branches / templates) - 1
        params = {"templates": templates, "branches": branches,
                  "names": [branch_name(b) for b in range(1, branches + 1)]}
        t0 = time.perf_counter()
        for first in range(1, copies + 1, COPIES_PER_STATEMENT):
            last = min(first + COPIES_PER_STATEMENT - 1, copies)
            for table in tables:
                if not spans[table.name]:
                    continue
                t1 = time.perf_counter()
                with pg.cursor() as cur:
                    cur.execute(select_sql(table, names, spans, templates), params | {"first": first, "last": last})
                    n = cur.rowcount
                pg.commit()
                result.rows[table.name] = result.rows.get(table.name, 0) + n
                if progress and n >= 100_000:
                    s = time.perf_counter() - t1
                    _say(f"  copies {first}–{last}: {table.name} {n:,} rows in {s:.1f} s ({n / s:,.0f} rows/s)")
        result.copy_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        if progress:
            _say("  rebuilding indexes")
        loader.restore_indexes()
        result.index_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        filled = [t.name for t in tables if spans[t.name]]
        loader.set_sequences(filled)
        if progress:
            _say("  vacuum and analyse")
        loader.vacuum_analyze(filled)
        result.vacuum_seconds = time.perf_counter() - t0
    finally:
        loader.close()
    result.seconds = time.perf_counter() - t_start
    return result


def report(result: ReplicateResult) -> str:
    lines = [f"copied {result.templates} template branches up to {result.branches}:",
             f"{'table':<20} {'rows added':>12}"]
    for table, n in result.rows.items():
        if n:
            lines.append(f"{table:<20} {n:>12,}")
    total = sum(result.rows.values())
    lines.append(f"{'total':<20} {total:>12,}   copy {result.copy_seconds:.1f} s "
                 f"({total / result.copy_seconds if result.copy_seconds else 0:,.0f} rows/s), "
                 f"indexes {result.index_seconds:.1f} s, sequences + vacuum/analyse {result.vacuum_seconds:.1f} s, "
                 f"in all {result.seconds:.1f} s")
    return "\n".join(lines)


def _scalar(pg: Any, sql: str) -> Any:
    with pg.cursor() as cur:
        cur.execute(sql)
        return cur.fetchone()[0]


def _say(text_: str) -> None:
    print(text_, file=sys.stderr, flush=True)
