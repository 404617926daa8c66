"""the client profile's missing fields, and indexes for its timeline

The profile window (docs/profiles.md) shows household, social standing and
risk tolerance, which the client row lacked; and a timeline of the client's
referrals, follow-ups, appointments and maintenance, newest first, read as a
keyset window of a UNION: each part needs an index led by the client and
ordered by its own time, so a client with thousands of entries opens as fast
as one with three.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 18:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN on both engines (nullable, no default): no copy of a million-row table.
    op.add_column('client', sa.Column('dependants', sa.Integer(), nullable=True))
    op.add_column('client', sa.Column('social_standing', sa.String(length=100), nullable=True))
    op.add_column('client', sa.Column('risk_tolerance', sa.String(length=32), nullable=True))
    op.create_index('ix_client_branch_id_number', 'client', ['branch_id', 'id_number'], unique=False)
    op.create_index('ix_referral_client_created', 'referral', ['client_id', 'created_at', 'id'], unique=False)
    op.create_index('ix_follow_up_client_opened', 'follow_up', ['client_id', 'opened_at', 'id'], unique=False)
    op.create_index('ix_appointment_client_at', 'appointment', ['client_id', 'at', 'id'], unique=False)
    op.create_index('ix_maintenance_client_at', 'maintenance_record', ['client_id', 'at', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_maintenance_client_at', table_name='maintenance_record')
    op.drop_index('ix_appointment_client_at', table_name='appointment')
    op.drop_index('ix_follow_up_client_opened', table_name='follow_up')
    op.drop_index('ix_referral_client_created', table_name='referral')
    op.drop_index('ix_client_branch_id_number', table_name='client')
    if op.get_bind().dialect.name == 'sqlite':
        # In place: a batch rebuild of client would lose the expression index of 0005, which
        # SQLAlchemy cannot reflect. SQLite drops an unindexed column without a rebuild.
        for name in ('risk_tolerance', 'social_standing', 'dependants'):
            op.execute(f'ALTER TABLE client DROP COLUMN {name}')  # constant names, not input
    else:
        for name in ('risk_tolerance', 'social_standing', 'dependants'):
            op.drop_column('client', name)
