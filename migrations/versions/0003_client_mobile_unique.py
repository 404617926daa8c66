"""one client per mobile in a branch; who saved each versioned row

A unique index on client (branch_id, mobile) replaces the plain one, so two
workstations filing the same new client at once cannot make two clients
(docs/saving.md "Look-up-or-insert"). Databases written before it may hold such
duplicates (PostgreSQL, two filings racing): each set is merged into its
oldest client (lowest id) before the index is built. The newer duplicates'
referrals, follow-ups, appointments, maintenance records and holdings move to
the oldest one, which also takes any ID number, RM or judgement it lacked;
then the newer duplicates are deleted. Their audit events stay as they were
(the log is history). Nothing else is lost: the duplicates hold the same
person's mobile, and their work now shows on one client.

``updated_by_id`` on the versioned rows (client, referral, follow_up,
day_close; day_close also gets ``updated_at``) records who saved the current
version, so a stale save names that person exactly instead of guessing from
the audit log (docs/saving.md "Versioned save").

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

VERSIONED = ('client', 'referral', 'follow_up', 'day_close')
CHILDREN = ('referral', 'follow_up', 'appointment', 'maintenance_record', 'financial_snapshot')
# Filled on the kept client from a newer duplicate when the kept one has none.
FILL_IN = ('id_number', 'birth_date', 'rm_id', 'judged_ordinary_by_id', 'judged_ordinary_at', 'occupation',
           'employer', 'district')


def _merge_duplicate_clients() -> None:
    conn = op.get_bind()
    client = sa.table('client', sa.column('id'), sa.column('branch_id'), sa.column('mobile'),
                      *(sa.column(c) for c in FILL_IN))
    dupes = conn.execute(
        sa.select(client.c.branch_id, client.c.mobile, sa.func.min(client.c.id))
        .where(client.c.mobile.is_not(None))
        .group_by(client.c.branch_id, client.c.mobile).having(sa.func.count() > 1)
    ).all()
    for branch_id, mobile, keep in dupes:
        others = [row[0] for row in conn.execute(
            sa.select(client.c.id).where(client.c.branch_id == branch_id, client.c.mobile == mobile,
                                         client.c.id != keep).order_by(client.c.id))]
        kept = conn.execute(sa.select(*(client.c[c] for c in FILL_IN)).where(client.c.id == keep)).one()
        fill: dict[str, object] = {}
        for other in others:
            row = conn.execute(sa.select(*(client.c[c] for c in FILL_IN)).where(client.c.id == other)).one()
            for name in FILL_IN:
                if getattr(kept, name) is None and name not in fill and getattr(row, name) is not None:
                    fill[name] = getattr(row, name)
        if fill:
            conn.execute(sa.update(client).where(client.c.id == keep).values(**fill))
        for name in CHILDREN:
            child = sa.table(name, sa.column('client_id'))
            conn.execute(sa.update(child).where(child.c.client_id.in_(others)).values(client_id=keep))
        conn.execute(sa.delete(client).where(client.c.id.in_(others)))


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    for table in VERSIONED:
        if table == 'day_close':
            op.add_column(table, sa.Column('updated_at', sa.DateTime(), nullable=True))
        name = f'fk_{table}_updated_by_id_staff'
        if sqlite:
            # SQLite adds a column with its REFERENCES clause in place; Alembic's add_column would
            # rebuild the whole table to add the constraint afterwards.
            op.execute(f'ALTER TABLE {table} ADD COLUMN updated_by_id INTEGER '
                       f'CONSTRAINT {name} REFERENCES staff (id)')
        else:
            op.add_column(table, sa.Column('updated_by_id', sa.Integer(), nullable=True))
            op.create_foreign_key(name, table, 'staff', ['updated_by_id'], ['id'])
    _merge_duplicate_clients()
    op.drop_index('ix_client_branch_mobile', table_name='client')
    op.create_index('ux_client_branch_mobile', 'client', ['branch_id', 'mobile'], unique=True)


def downgrade() -> None:
    op.drop_index('ux_client_branch_mobile', table_name='client')
    op.create_index('ix_client_branch_mobile', 'client', ['branch_id', 'mobile'], unique=False)
    for table in reversed(VERSIONED):
        with op.batch_alter_table(table) as batch_op:
            if op.get_bind().dialect.name != 'sqlite':
                batch_op.drop_constraint(f'fk_{table}_updated_by_id_staff', type_='foreignkey')
            batch_op.drop_column('updated_by_id')
            if table == 'day_close':
                batch_op.drop_column('updated_at')
