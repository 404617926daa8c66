"""client complaints with working-day deadlines, and the branch's own holiday list

``complaint`` holds one 客户投诉 (docs/complaints.md): the channel, the kind, what the
client said and what the branch replied (client data: its own columns, read by the
roles that own complaints, never copied into the audit log), the state, the deadline
in working days and its one extension (approved by the supervisor, the reason in
``reason_text``), whether it was justified.

``branch_holiday`` is the branch's override of the public calendar: a day the branch
is closed, or a make-up working day.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01 21:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('branch_holiday',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_branch_holiday_branch_id_branch')),
    sa.ForeignKeyConstraint(['created_by_id'], ['staff.id'], name=op.f('fk_branch_holiday_created_by_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_branch_holiday')),
    sa.UniqueConstraint('branch_id', 'day', name='uq_branch_holiday_branch_day')
    )
    op.create_table('complaint',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=True),
    sa.Column('client_name', sa.String(length=30), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('content', sa.String(length=1000), nullable=False),
    sa.Column('state', sa.String(length=32), nullable=False),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.Column('first_due_on', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('due_estimated', sa.Boolean(), nullable=False),
    sa.Column('extension_reason_id', sa.Integer(), nullable=True),
    sa.Column('extension_approved_by_id', sa.Integer(), nullable=True),
    sa.Column('extension_approved_at', sa.DateTime(), nullable=True),
    sa.Column('reply', sa.String(length=1000), nullable=True),
    sa.Column('replied_on', sa.Date(), nullable=True),
    sa.Column('replied_by_id', sa.Integer(), nullable=True),
    sa.Column('justified', sa.Boolean(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_complaint_branch_id_branch')),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_complaint_client_id_client')),
    sa.ForeignKeyConstraint(['extension_reason_id'], ['reason_text.id'],
                            name=op.f('fk_complaint_extension_reason_id_reason_text')),
    sa.ForeignKeyConstraint(['extension_approved_by_id'], ['staff.id'],
                            name=op.f('fk_complaint_extension_approved_by_id_staff')),
    sa.ForeignKeyConstraint(['replied_by_id'], ['staff.id'], name=op.f('fk_complaint_replied_by_id_staff')),
    sa.ForeignKeyConstraint(['closed_by_id'], ['staff.id'], name=op.f('fk_complaint_closed_by_id_staff')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['staff.id'], name=op.f('fk_complaint_recorded_by_id_staff')),
    sa.ForeignKeyConstraint(['owner_id'], ['staff.id'], name=op.f('fk_complaint_owner_id_staff')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['staff.id'], name=op.f('fk_complaint_updated_by_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint'))
    )
    op.create_index('ix_complaint_branch_list', 'complaint', ['branch_id', 'done', 'due_on', 'id'], unique=False)
    op.create_index('ix_complaint_recorder_list', 'complaint', ['recorded_by_id', 'done', 'due_on', 'id'],
                    unique=False)
    op.create_index('ix_complaint_branch_received', 'complaint', ['branch_id', 'received_on'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_complaint_branch_received', table_name='complaint')
    op.drop_index('ix_complaint_recorder_list', table_name='complaint')
    op.drop_index('ix_complaint_branch_list', table_name='complaint')
    op.drop_table('complaint')
    op.drop_table('branch_holiday')
