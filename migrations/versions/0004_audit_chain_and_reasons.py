"""audit log hash-chained and append-only; free-text reasons in their own table

Reasons people typed (void, forced close, reopen) move out of the referral,
the day and the audit text into reason_text; the audit events point at them.
Failed sign-ins recorded under an id that does not exist (whatever was typed:
sometimes a password) are removed. Then every existing event is chained in id
order and the log becomes append-only. Design: docs/audit.md.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 15:45:00
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

GENESIS = "0" * 64

_SQLITE_TRIGGERS = [
    "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
    "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
    "CREATE TRIGGER reason_text_no_update BEFORE UPDATE ON reason_text "
    "BEGIN SELECT RAISE(ABORT, 'reason_text is append-only'); END",
    "CREATE TRIGGER reason_text_no_delete BEFORE DELETE ON reason_text "
    "BEGIN SELECT RAISE(ABORT, 'reason_text is append-only'); END",
]
_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION lobbydesk_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$
"""
_PG_TRIGGERS = [
    "CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION lobbydesk_append_only()",
    "CREATE TRIGGER reason_text_append_only BEFORE UPDATE OR DELETE ON reason_text "
    "FOR EACH ROW EXECUTE FUNCTION lobbydesk_append_only()",
]
# The application role arrives with row-level security (docs/product.md "Storage"); when it
# already exists, it may only read and append.
_PG_REVOKE = """
DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lobbydesk_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, reason_text FROM lobbydesk_app;
    END IF;
END $$
"""


def _event_hash(prev_hash: str, at: dt.datetime, branch_id: int | None, actor_id: int | None,
                actor_staff_no: str | None, action: str, entity: str, entity_id: int | None,
                detail: str | None, reason_id: int | None) -> str:
    """A frozen copy of services.audit.event_hash (a migration must not change when the code does)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.timezone.utc)
    fields: list[Any] = ["lobbydesk-audit-v1", prev_hash,
                         at.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                         branch_id, actor_id, actor_staff_no, action, entity, entity_id, detail, reason_id]
    canonical = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


reason_t = sa.table(
    "reason_text", sa.column("id", sa.Integer), sa.column("branch_id", sa.Integer),
    sa.column("author_id", sa.Integer), sa.column("at", sa.DateTime), sa.column("text", sa.String),
)
audit_t = sa.table(
    "audit_event", sa.column("id", sa.Integer), sa.column("at", sa.DateTime), sa.column("branch_id", sa.Integer),
    sa.column("actor_id", sa.Integer), sa.column("actor_staff_no", sa.String), sa.column("action", sa.String),
    sa.column("entity", sa.String), sa.column("entity_id", sa.Integer), sa.column("detail", sa.String),
    sa.column("reason_id", sa.Integer), sa.column("prev_hash", sa.String), sa.column("hash", sa.String),
)
referral_t = sa.table(
    "referral", sa.column("id", sa.Integer), sa.column("branch_id", sa.Integer),
    sa.column("voided_by_id", sa.Integer), sa.column("voided_at", sa.DateTime),
    sa.column("void_reason", sa.String), sa.column("void_reason_id", sa.Integer),
)
day_t = sa.table(
    "day_close", sa.column("id", sa.Integer), sa.column("branch_id", sa.Integer),
    sa.column("closed_by_id", sa.Integer), sa.column("closed_at", sa.DateTime),
    sa.column("close_reason", sa.String), sa.column("close_reason_id", sa.Integer),
    sa.column("reopened_by_id", sa.Integer), sa.column("reopened_at", sa.DateTime),
    sa.column("reopen_reason", sa.String), sa.column("reopen_reason_id", sa.Integer),
)


def _keep(conn: sa.Connection, branch_id: int, author_id: int | None, at: dt.datetime | None, text: str) -> int:
    at = at or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    result = conn.execute(reason_t.insert().values(branch_id=branch_id, author_id=author_id, at=at,
                                                   text=text[:500]).returning(reason_t.c.id))
    return int(result.scalar_one())


# The texts the old code wrote into the audit detail: (action, entity, marker that starts the reason).
_REASON_MARKERS = [("void", "referral", "reason="), ("close", "day_close", " forced reason="),
                   ("reopen", "day_close", " reason=")]


def _move_reasons(conn: sa.Connection) -> None:
    for rid, branch_id, by, at, text in conn.execute(
            sa.select(referral_t.c.id, referral_t.c.branch_id, referral_t.c.voided_by_id, referral_t.c.voided_at,
                      referral_t.c.void_reason).where(referral_t.c.void_reason.is_not(None))).all():
        conn.execute(referral_t.update().where(referral_t.c.id == rid)
                     .values(void_reason_id=_keep(conn, branch_id, by, at, text)))
    for did, branch_id, cby, cat, ctext, rby, rat, rtext in conn.execute(
            sa.select(day_t.c.id, day_t.c.branch_id, day_t.c.closed_by_id, day_t.c.closed_at, day_t.c.close_reason,
                      day_t.c.reopened_by_id, day_t.c.reopened_at, day_t.c.reopen_reason)).all():
        values: dict[str, int] = {}
        if ctext:
            values["close_reason_id"] = _keep(conn, branch_id, cby, cat, ctext)
        if rtext:
            values["reopen_reason_id"] = _keep(conn, branch_id, rby, rat, rtext)
        if values:
            conn.execute(day_t.update().where(day_t.c.id == did).values(**values))
    for action, entity, marker in _REASON_MARKERS:
        rows = conn.execute(
            sa.select(audit_t.c.id, audit_t.c.branch_id, audit_t.c.actor_id, audit_t.c.at, audit_t.c.detail)
            .where(audit_t.c.action == action, audit_t.c.entity == entity, audit_t.c.detail.contains(marker.strip()))
        ).all()
        for eid, branch_id, actor_id, at, detail in rows:
            head, sep, text = detail.partition(marker)
            if not sep:
                continue
            head = head + (" forced" if action == "close" else "")
            reason_id = _keep(conn, branch_id, actor_id, at, text) if branch_id is not None and text else None
            conn.execute(audit_t.update().where(audit_t.c.id == eid)
                         .values(detail=head.strip() or None, reason_id=reason_id))
    # A failed sign-in under an id that does not exist kept whatever was typed in the id box.
    conn.execute(audit_t.delete().where(audit_t.c.action == "login_failed", audit_t.c.entity_id.is_(None)))


def _chain(conn: sa.Connection) -> None:
    prev = GENESIS
    rows = conn.execute(sa.select(audit_t.c.id, audit_t.c.at, audit_t.c.branch_id, audit_t.c.actor_id,
                                  audit_t.c.actor_staff_no, audit_t.c.action, audit_t.c.entity, audit_t.c.entity_id,
                                  audit_t.c.detail, audit_t.c.reason_id).order_by(audit_t.c.id)).all()
    for eid, at, branch_id, actor_id, staff_no, action, entity, entity_id, detail, reason_id in rows:
        own = _event_hash(prev, at, branch_id, actor_id, staff_no, action, entity, entity_id, detail, reason_id)
        conn.execute(audit_t.update().where(audit_t.c.id == eid).values(prev_hash=prev, hash=own))
        prev = own


def upgrade() -> None:
    op.create_table('reason_text',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('text', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['staff.id'], name=op.f('fk_reason_text_author_id_staff')),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_reason_text_branch_id_branch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reason_text'))
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.add_column(sa.Column('void_reason_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_referral_void_reason_id_reason_text'), 'reason_text',
                                    ['void_reason_id'], ['id'])
    with op.batch_alter_table('day_close', schema=None) as batch_op:
        batch_op.add_column(sa.Column('close_reason_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('reopen_reason_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_day_close_close_reason_id_reason_text'), 'reason_text',
                                    ['close_reason_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_day_close_reopen_reason_id_reason_text'), 'reason_text',
                                    ['reopen_reason_id'], ['id'])
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reason_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('hash', sa.String(length=64), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_audit_event_reason_id_reason_text'), 'reason_text',
                                    ['reason_id'], ['id'])

    conn = op.get_bind()
    _move_reasons(conn)
    _chain(conn)

    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_column('void_reason')
    with op.batch_alter_table('day_close', schema=None) as batch_op:
        batch_op.drop_column('close_reason')
        batch_op.drop_column('reopen_reason')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.alter_column('prev_hash', existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column('hash', existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_audit_event_prev_hash'), ['prev_hash'])

    if conn.dialect.name == "sqlite":
        for ddl in _SQLITE_TRIGGERS:
            op.execute(ddl)
    else:
        op.execute(_PG_FUNCTION)
        for ddl in _PG_TRIGGERS:
            op.execute(ddl)
        op.execute(_PG_REVOKE)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for name in ("audit_event_no_update", "audit_event_no_delete", "reason_text_no_update",
                     "reason_text_no_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_event_append_only ON audit_event")
        op.execute("DROP TRIGGER IF EXISTS reason_text_append_only ON reason_text")
        op.execute("DROP FUNCTION IF EXISTS lobbydesk_append_only()")
    # The texts go back beside their records; the audit events lose the pointer (never the text back).
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.add_column(sa.Column('void_reason', sa.String(length=200), nullable=True))
    with op.batch_alter_table('day_close', schema=None) as batch_op:
        batch_op.add_column(sa.Column('close_reason', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('reopen_reason', sa.String(length=500), nullable=True))
    conn.execute(referral_t.update().where(referral_t.c.void_reason_id.is_not(None)).values(
        void_reason=sa.select(reason_t.c.text).where(reason_t.c.id == referral_t.c.void_reason_id)
        .scalar_subquery()))
    conn.execute(day_t.update().values(
        close_reason=sa.select(reason_t.c.text).where(reason_t.c.id == day_t.c.close_reason_id).scalar_subquery(),
        reopen_reason=sa.select(reason_t.c.text).where(reason_t.c.id == day_t.c.reopen_reason_id)
        .scalar_subquery()))
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_audit_event_prev_hash'), type_='unique')
        batch_op.drop_constraint(batch_op.f('fk_audit_event_reason_id_reason_text'), type_='foreignkey')
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')
        batch_op.drop_column('reason_id')
    with op.batch_alter_table('day_close', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_day_close_reopen_reason_id_reason_text'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_day_close_close_reason_id_reason_text'), type_='foreignkey')
        batch_op.drop_column('reopen_reason_id')
        batch_op.drop_column('close_reason_id')
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_referral_void_reason_id_reason_text'), type_='foreignkey')
        batch_op.drop_column('void_reason_id')
    op.drop_table('reason_text')
