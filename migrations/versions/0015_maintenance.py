"""maintenance records as SPEC's kinds, with branch and channel; the branch's maintenance plans

- ``maintenance_record.kind``: the kinds become greeting, portfolio_review, cross_sell,
  information, event_invitation, survey (docs/maintenance.md "Kinds"); rows written
  before keep their meaning: review → portfolio_review, other → information.
- ``maintenance_record.branch_id`` (NOT NULL, FK branch.id), copied from the client, so
  row-level security keys on the row itself; ``channel`` (phone, sms, email, letter,
  visit), NULL on rows written before channels were kept (they count as neither a call
  nor a visit).
- ``maintenance_plan``: one versioned row per branch holding the per-tier plans; no row
  means the documented defaults.
- ``ix_client_rm_tier`` (rm_id, tier, branch_id, created_at, id): the RM's maintenance-due
  list reads only that RM's clients of the planned tiers, from the index alone. A plain
  CREATE INDEX: the client table is never rebuilt (a batch rebuild on SQLite would lose the
  expression index of 0005).
- ``ix_maintenance_client_channel_at``: the latest call and visit of each listed client.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 21:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

_KINDS = (('review', 'portfolio_review'), ('other', 'information'))


def upgrade() -> None:
    for old, new in _KINDS:
        op.execute(f"UPDATE maintenance_record SET kind = '{new}' WHERE kind = '{old}'")  # constants
    op.add_column('maintenance_record', sa.Column('branch_id', sa.Integer(), nullable=True))
    op.add_column('maintenance_record', sa.Column('channel', sa.String(length=32), nullable=True))
    op.execute('UPDATE maintenance_record SET branch_id = '
               '(SELECT client.branch_id FROM client WHERE client.id = maintenance_record.client_id)')
    # maintenance_record is rebuilt on SQLite (NOT NULL and the foreign key); never the client table.
    with op.batch_alter_table('maintenance_record') as batch_op:
        batch_op.alter_column('branch_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_foreign_key(op.f('fk_maintenance_record_branch_id_branch'), 'branch', ['branch_id'], ['id'])
    op.create_index('ix_maintenance_client_channel_at', 'maintenance_record', ['client_id', 'channel', 'at'])
    op.create_index('ix_maintenance_branch_at', 'maintenance_record', ['branch_id', 'at'])
    op.create_index('ix_client_rm_tier', 'client', ['rm_id', 'tier', 'branch_id', 'created_at', 'id'])
    op.create_table(
        'maintenance_plan',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=False),
        sa.Column('plans', sa.JSON(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=True),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_maintenance_plan_branch_id_branch')),
        sa.ForeignKeyConstraint(['updated_by_id'], ['staff.id'], name=op.f('fk_maintenance_plan_updated_by_id_staff')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_maintenance_plan')),
        sa.UniqueConstraint('branch_id', name=op.f('uq_maintenance_plan_branch_id')),
    )


def downgrade() -> None:
    op.drop_table('maintenance_plan')
    op.drop_index('ix_client_rm_tier', table_name='client')
    op.drop_index('ix_maintenance_branch_at', table_name='maintenance_record')
    op.drop_index('ix_maintenance_client_channel_at', table_name='maintenance_record')
    with op.batch_alter_table('maintenance_record') as batch_op:
        if op.get_bind().dialect.name != 'sqlite':
            batch_op.drop_constraint(op.f('fk_maintenance_record_branch_id_branch'), type_='foreignkey')
        batch_op.drop_column('channel')
        batch_op.drop_column('branch_id')
    op.execute("UPDATE maintenance_record SET kind = 'review' WHERE kind = 'portfolio_review'")
    op.execute("UPDATE maintenance_record SET kind = 'other' "
               "WHERE kind IN ('information', 'event_invitation', 'survey')")
