"""Moving one branch from its SQLite file onto the shared PostgreSQL server (docs/branches.md "migrate-to").

Every table of ``models`` is copied generically, in foreign-key order
(``Base.metadata.sorted_tables``), with new ids on the server: one id map per
table, every foreign-key column remapped through the map of the table it
names. The audit log is copied last and re-chained onto the server's chain in
the source's order, followed by one ``migrate`` marker event that records the
source's event count and newest hash (docs/branches.md "The audit chain").
Everything happens in one transaction on the server, the schema too when the
server is empty: any failure leaves the server as it was.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from psycopg.errors import UniqueViolation
from sqlalchemy import JSON, Column, Connection, Engine, Integer, Table, bindparam, func, select, text, update
from sqlalchemy.engine import make_url

from models import AuditEvent, Base, Branch, Staff
from services import audit, storage
from services.db import Database, bring_up_to_date, describe, make_engine, migrations_config, utc_now
from services.errors import FieldProblem, ValidationError
from services.i18n import msg

log = logging.getLogger("lobbydesk.migrate_to")

BATCH = 2000  # rows read from the source and inserted on the server at a time
# Tables whose rows are working state, not history: never copied; the source must hold none (docs/branches.md).
TRANSIENT = frozenset({"import_batch"})
AUDIT_TABLE = "audit_event"
_MIGRATE_LOCK = 0x4C444D54  # pg_advisory_xact_lock key for migrate-to ("LDMT" in ASCII)
# An event's ``detail`` names rows as ``key=id``: a key that is a table's name, or one of these, is remapped.
_DETAIL_KEYS = {"moved_from": "appointment"}
_DETAIL_ID = re.compile(r"\b([a-z_]+)=(\d+)\b")


@dataclass(frozen=True)
class MigrateResult:
    branch_code: str
    branch_name: str
    target: str  # the server's URL without its password
    counts: dict[str, tuple[int, int]]  # table: (rows in the source, rows copied)
    audit_events: int  # events on the server after the copy, all verified


def _refuse(option: str, key: str, **kw: object) -> ValidationError:
    return ValidationError([FieldProblem(option, msg(key, **kw))])


def _int_pk(table: Table) -> Column[Any] | None:
    """The table's single integer primary key, whose values get new ids on the server; else None.

    A key that is also a foreign key (a one-to-one child) is not given new values: it is remapped.
    """
    cols = list(table.primary_key.columns)
    if len(cols) == 1 and isinstance(cols[0].type, Integer) and not cols[0].foreign_keys:
        return cols[0]
    return None


def copy_order() -> list[Table]:
    """Every table in foreign-key order, the audit log last (its appends hold the chain's lock until commit)."""
    tables = [t for t in Base.metadata.sorted_tables if t.name not in TRANSIENT]
    return [t for t in tables if t.name != AUDIT_TABLE] + [t for t in tables if t.name == AUDIT_TABLE]


def _check_source(url: str) -> tuple[Engine, int, str, str]:
    """The source engine and its one branch (id, code, name), or a refusal naming ``--db``."""
    if storage.sqlite_path(url) is None:
        raise _refuse("--db", "migrate_source_sqlite")
    health = storage.check(url)  # the full check: integrity and foreign keys
    if not health.ok:
        raise _refuse("--db", "migrate_source_damaged", why=health.problem or health.state.value)
    engine = make_engine(url)
    bring_up_to_date(engine)  # the source's schema at the same revision as the server's
    with engine.connect() as conn:
        branches = conn.execute(select(Branch.id, Branch.code, Branch.name)).all()
        if len(branches) != 1:
            engine.dispose()
            raise _refuse("--db", "migrate_source_branches", n=len(branches))
        if any(conn.execute(select(text("1")).select_from(Base.metadata.tables[t]).limit(1)).first()
               for t in TRANSIENT if t in Base.metadata.tables):
            engine.dispose()
            raise _refuse("--db", "migrate_source_import")
    chain = audit.verify(Database(engine))
    if not chain.ok:
        engine.dispose()
        raise _refuse("--db", "migrate_source_chain", id=chain.broken_id)
    bid, code, name = branches[0]
    return engine, bid, code, name


def _check_target(url: str) -> None:
    try:
        backend = make_url(url).get_backend_name()
    except Exception:
        backend = ""
    if backend != "postgresql":
        raise _refuse("--to", "migrate_target_pg")
    health = storage.check(url)
    if health.state not in (storage.State.HEALTHY, storage.State.UNINITIALISED):
        raise _refuse("--to", "migrate_target_schema", why=health.problem or health.state.value)


def _create_schema(conn: Connection) -> None:
    """Create or upgrade the server's schema inside ``conn``'s open transaction (migrations/env.py)."""
    from alembic import command

    cfg = migrations_config(conn.engine)
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")


def _batches(conn: Connection, table: Table, pk: Column[Any] | None) -> Iterator[Sequence[Any]]:
    q = select(table)
    if pk is not None:
        q = q.order_by(pk)
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(q)
    yield from result.mappings().partitions(BATCH)


class _Copier:
    """Copies one table after another into the server's open transaction, keeping the id maps."""

    def __init__(self, src: Connection, dst: Connection, source_branch: int) -> None:
        self.src, self.dst = src, dst
        self.source_branch = source_branch
        self.ids: dict[str, dict[int, int]] = {}

    def _remap(self, table: Table, column: Column[Any], value: Any) -> Any:
        if value is None:
            return None
        (fk,) = column.foreign_keys  # one target per column in this schema
        target = fk.column.table.name
        try:
            return self.ids[target][value]
        except KeyError:
            raise RuntimeError(f"{table.name}.{column.name} = {value}: no copied row in {target}") from None

    def copy(self, table: Table) -> int:
        pk = _int_pk(table)
        fk_cols = [c for c in table.columns if c.foreign_keys]
        self_refs = [c for c in fk_cols if next(iter(c.foreign_keys)).column.table is table]
        others = [c for c in fk_cols if c not in self_refs]
        idmap = self.ids.setdefault(table.name, {})
        keys = list(table.primary_key.columns)
        pk_fk = keys[0] if pk is None and len(keys) == 1 and keys[0].foreign_keys else None
        later: list[tuple[int, dict[str, Any]]] = []  # (source id, self-references) set once every row is in
        n = 0
        for rows in _batches(self.src, table, pk):
            out: list[dict[str, Any]] = []
            for row in rows:
                values = dict(row)
                for c in others:
                    values[c.name] = self._remap(table, c, values[c.name])
                if self_refs:
                    refs = {c.name: values[c.name] for c in self_refs if values[c.name] is not None}
                    if refs:
                        later.append((row[pk.name] if pk is not None else -1, refs))
                    for c in self_refs:
                        values[c.name] = None
                if pk_fk is not None:
                    idmap[row[pk_fk.name]] = values[pk_fk.name]
                out.append(values)
            if pk is not None:
                new_ids = self._allocate(table, pk, len(out))
                for values, new_id in zip(out, new_ids, strict=True):
                    idmap[values[pk.name]] = new_id
                    values[pk.name] = new_id
            self._write(table, out)
            n += len(out)
        if later and pk is not None:
            for old, refs in later:  # rare (a moved appointment): one statement per row
                self.dst.execute(update(table).where(pk == bindparam("old_id")).values(
                    {k: bindparam(f"new_{k}") for k in refs}),
                    {"old_id": idmap[old], **{f"new_{k}": idmap[v] for k, v in refs.items()}})
        return n

    def _allocate(self, table: Table, pk: Column[Any], n: int) -> list[int]:
        """``n`` new ids from the table's own sequence, in ascending order (the order rows were in)."""
        ids = self.dst.scalars(select(func.nextval(func.pg_get_serial_sequence(table.name, pk.name)))
                               .select_from(func.generate_series(1, n))).all()
        return sorted(ids)

    def _write(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """COPY the rows into ``table`` inside the open transaction, each value as its column type binds it."""
        if not rows:
            return
        dialect = self.dst.dialect
        cols = [c for c in table.columns if c.name in rows[0]]
        procs = [_json_text if isinstance(c.type, JSON) else c.type.bind_processor(dialect) for c in cols]
        quote = dialect.identifier_preparer.quote
        # Table and column names come from the models, never from input.
        sql = f"COPY {quote(table.name)} ({', '.join(quote(c.name) for c in cols)}) FROM STDIN"
        raw = self.dst.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cur, cur.copy(sql) as copy:
            for row in rows:
                copy.write_row([v if proc is None or v is None else proc(v)
                                for v, proc in ((row[c.name], proc) for c, proc in zip(cols, procs, strict=True))])

    def _detail_id(self, m: re.Match[str]) -> str:
        table = _DETAIL_KEYS.get(m[1], m[1])
        new = self.ids.get(table, {}).get(int(m[2]))
        return m[0] if new is None else f"{m[1]}={new}"

    def copy_audit(self, new_branch: int) -> tuple[int, str]:
        """Re-chain the source's events onto the server's chain, in the source's order; (count, source head)."""
        t = AuditEvent.__table__
        assert isinstance(t, Table)
        # The same lock as every append (docs/audit.md "How appends serialise"), held until the commit.
        self.dst.execute(select(func.pg_advisory_xact_lock(audit._CHAIN_LOCK)))
        prev = self.dst.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)) or audit.GENESIS
        source_head = audit.GENESIS
        n = 0
        for rows in _batches(self.src, t, t.c.id):
            out: list[dict[str, Any]] = []
            for row in rows:
                source_head = row["hash"]
                v = {c.name: row[c.name] for c in t.columns if c.name not in ("id", "prev_hash", "hash")}
                # Every event of a one-branch file is that branch's, also those written before it had an id.
                v["branch_id"] = new_branch
                v["actor_id"] = self._remap(t, t.c.actor_id, v["actor_id"])
                v["reason_id"] = self._remap(t, t.c.reason_id, v["reason_id"])
                # The entity and the rows a detail names follow their rows' new ids (docs/branches.md).
                if v["entity_id"] is not None and v["entity"] in self.ids:
                    v["entity_id"] = self.ids[v["entity"]].get(v["entity_id"], v["entity_id"])
                if v["detail"]:
                    v["detail"] = _DETAIL_ID.sub(self._detail_id, v["detail"])
                v["prev_hash"] = prev
                v["hash"] = prev = audit.event_hash(prev, v["at"], v["branch_id"], v["actor_id"],
                                                    v["actor_staff_no"], v["action"], v["entity"],
                                                    v["entity_id"], v["detail"], v["reason_id"])
                out.append(v)
            for v, new_id in zip(out, self._allocate(t, t.c.id, len(out)), strict=True):
                v["id"] = new_id  # ascending under the chain's lock: the id order is the chain's order
            self._write(t, out)
            n += len(out)
        at, detail = utc_now(), f"from=sqlite events={n} source_head={source_head}"
        marker: dict[str, Any] = {"at": at, "branch_id": new_branch, "actor_id": None, "actor_staff_no": "system",
                  "action": "migrate", "entity": "branch", "entity_id": new_branch,
                  "detail": detail, "reason_id": None}
        marker["prev_hash"] = prev
        marker["hash"] = audit.event_hash(prev, at, new_branch, None, "system", "migrate", "branch",
                                          new_branch, detail, None)
        marker["id"] = self._allocate(t, t.c.id, 1)[0]
        self._write(t, [marker])
        return n, source_head


def _json_text(value: Any) -> str:
    """A JSON column's value as COPY takes it: its text, as SQLAlchemy's default serializer writes it."""
    return json.dumps(value)


def _counts(conn: Connection, tables: Sequence[Table]) -> dict[str, int]:
    return {t.name: conn.scalar(select(func.count()).select_from(t)) or 0 for t in tables}


def migrate_branch(source_url: str, target_url: str) -> MigrateResult:
    """Copy the one branch of the SQLite file ``source_url`` into the PostgreSQL database ``target_url``.

    Refusals (``ValidationError``, nothing written): a source that is not an SQLite file, is damaged, holds
    no or several branches, an unfinished import or a broken audit chain; a target that is not PostgreSQL
    or not this program's database, or already holds the branch's code or one of its staff ids.
    """
    _check_target(target_url)
    source, source_branch, code, name = _check_source(source_url)
    target = make_engine(target_url)
    tables = copy_order()
    try:
        with source.connect() as src, target.connect() as dst:
            src_counts = _counts(src, tables)
            staff_nos = list(src.scalars(select(Staff.staff_no)))
            with dst.begin():
                # One migrate-to at a time on a server: a second waits, then sees the first's schema and rows.
                dst.execute(select(func.pg_advisory_xact_lock(_MIGRATE_LOCK)))
                _create_schema(dst)
                if dst.scalar(select(Branch.id).where(Branch.code == code)) is not None:
                    raise _refuse("--to", "migrate_code_exists", code=code)
                for i in range(0, len(staff_nos), 500):
                    taken = dst.scalars(select(Staff.staff_no).where(Staff.staff_no.in_(staff_nos[i:i + 500])))
                    first = next(iter(taken), None)
                    if first is not None:
                        raise _refuse("--to", "migrate_staff_taken", value=first)
                copier = _Copier(src, dst, source_branch)
                copied: dict[str, int] = {}
                for t in tables:
                    if t.name == AUDIT_TABLE:
                        copied[t.name], _head = copier.copy_audit(copier.ids["branch"][source_branch])
                    else:
                        try:
                            copied[t.name] = copier.copy(t)
                        except UniqueViolation:
                            if t.name != "branch":
                                raise
                            # `branch add` of the same code committed while this copy ran.
                            raise _refuse("--to", "migrate_code_exists", code=code) from None
                    if copied[t.name] != src_counts[t.name]:
                        raise RuntimeError(f"{t.name}: copied {copied[t.name]} of {src_counts[t.name]} rows")
                    log.info("migrate-to: %s %d rows", t.name, copied[t.name])
        check = audit.verify(Database(target))
        if not check.ok:  # pragma: no cover - the copy chains what it writes; this is the promise's proof
            raise RuntimeError(f"the server's audit chain does not verify (event {check.broken_id})")
        return MigrateResult(code, name, describe(target), {t.name: (src_counts[t.name], copied[t.name])
                                                            for t in tables}, check.events)
    finally:
        source.dispose()
        target.dispose()
