"""account-closure retention (优质客户异动销户记录表): the record and its retention actions

``retention_record``: a premium client flagged at the counter as closing or moving
accounts (what is moved as kinds, the amount as a band — never account numbers or
exact amounts), the client's reason (a code; any typed words in ``reason_text``),
the client's RM, and the result once closed. ``is_open`` orders the page's lists
(open first, then newest); a partial unique index keeps one open record per client.
``retention_action``: each effort to keep the client, by the RM or the supervisor
stepping in. Both carry ``branch_id`` for row-level security (docs/retention.md).

New tables only: ``client`` is not touched (no batch rebuild on SQLite).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01 21:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('retention_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('business_date', sa.Date(), nullable=False),
    sa.Column('flagged_at', sa.DateTime(), nullable=False),
    sa.Column('flagged_by_id', sa.Integer(), nullable=False),
    sa.Column('moves', sa.JSON(), nullable=False),
    sa.Column('amount_band', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('reason_text_id', sa.Integer(), nullable=True),
    sa.Column('rm_id', sa.Integer(), nullable=True),
    sa.Column('is_open', sa.Boolean(), nullable=False),
    sa.Column('result', sa.String(length=32), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_retention_record_branch_id_branch')),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_retention_record_client_id_client')),
    sa.ForeignKeyConstraint(['flagged_by_id'], ['staff.id'],
                            name=op.f('fk_retention_record_flagged_by_id_staff')),
    sa.ForeignKeyConstraint(['reason_text_id'], ['reason_text.id'],
                            name=op.f('fk_retention_record_reason_text_id_reason_text')),
    sa.ForeignKeyConstraint(['rm_id'], ['staff.id'], name=op.f('fk_retention_record_rm_id_staff')),
    sa.ForeignKeyConstraint(['closed_by_id'], ['staff.id'], name=op.f('fk_retention_record_closed_by_id_staff')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['staff.id'],
                            name=op.f('fk_retention_record_updated_by_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_retention_record')),
    )
    op.create_index('ix_retention_branch_list', 'retention_record', ['branch_id', 'is_open', 'flagged_at', 'id'])
    op.create_index('ix_retention_rm_list', 'retention_record', ['rm_id', 'is_open', 'flagged_at', 'id'])
    op.create_index('ix_retention_flagger_list', 'retention_record',
                    ['flagged_by_id', 'is_open', 'flagged_at', 'id'])
    op.create_index('ix_retention_branch_date', 'retention_record', ['branch_id', 'business_date'])
    op.create_index('ix_retention_client_flagged', 'retention_record', ['client_id', 'flagged_at', 'id'])
    op.create_index('ux_retention_open_client', 'retention_record', ['client_id'], unique=True,
                    sqlite_where=sa.text('is_open'), postgresql_where=sa.text('is_open'))

    op.create_table('retention_action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('stepped_in', sa.Boolean(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_retention_action_branch_id_branch')),
    sa.ForeignKeyConstraint(['record_id'], ['retention_record.id'],
                            name=op.f('fk_retention_action_record_id_retention_record')),
    sa.ForeignKeyConstraint(['actor_id'], ['staff.id'], name=op.f('fk_retention_action_actor_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_retention_action')),
    )
    op.create_index('ix_retention_action_record', 'retention_action', ['record_id', 'at', 'id'])


def downgrade() -> None:
    op.drop_index('ix_retention_action_record', table_name='retention_action')
    op.drop_table('retention_action')
    for name in ('ux_retention_open_client', 'ix_retention_client_flagged', 'ix_retention_branch_date',
                 'ix_retention_flagger_list', 'ix_retention_rm_list', 'ix_retention_branch_list'):
        op.drop_index(name, table_name='retention_record')
    op.drop_table('retention_record')
