"""the settings page's concurrent-edit refusal, and the lobby's diversions of ordinary clients

``branch_settings.updated_at`` / ``updated_by_id``: who saved the settings' current
version, so a stale save is refused naming them (docs/saving.md "Versioned save").

``diversion``: one ordinary client (个人普通客户) the lobby guided to self-service
or to the counter instead of filing a referral (docs/diversion.md). It holds no
client data at all: when, the business day, who, where to.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01 21:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

FK = 'fk_branch_settings_updated_by_id_staff'


def upgrade() -> None:
    op.add_column('branch_settings', sa.Column('updated_at', sa.DateTime(), nullable=True))
    if op.get_bind().dialect.name == 'sqlite':
        # In place, with its REFERENCES clause (add_column would rebuild the table for the constraint).
        op.execute(f'ALTER TABLE branch_settings ADD COLUMN updated_by_id INTEGER '
                   f'CONSTRAINT {FK} REFERENCES staff (id)')
    else:
        op.add_column('branch_settings', sa.Column('updated_by_id', sa.Integer(), nullable=True))
        op.create_foreign_key(FK, 'branch_settings', 'staff', ['updated_by_id'], ['id'])
    op.create_table(
        'diversion',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('business_date', sa.Date(), nullable=False),
        sa.Column('staff_id', sa.Integer(), nullable=False),
        sa.Column('guided_to', sa.Enum('self_service', 'counter', name='diversionwhere', native_enum=False,
                                      create_constraint=False, length=32), nullable=False),
        sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_diversion_branch_id_branch')),
        sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_diversion_staff_id_staff')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_diversion')),
    )
    op.create_index('ix_diversion_branch_day', 'diversion', ['branch_id', 'business_date', 'staff_id'])


def downgrade() -> None:
    op.drop_index('ix_diversion_branch_day', table_name='diversion')
    op.drop_table('diversion')
    with op.batch_alter_table('branch_settings') as batch_op:
        if op.get_bind().dialect.name != 'sqlite':
            batch_op.drop_constraint(FK, type_='foreignkey')
        batch_op.drop_column('updated_by_id')
        batch_op.drop_column('updated_at')
