"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-26 00:56:00.377349
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('branch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_branch')),
    sa.UniqueConstraint('code', name=op.f('uq_branch_code'))
    )
    op.create_table('branch_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('abandon_after_attempts', sa.Integer(), nullable=False),
    sa.Column('idle_lock_minutes', sa.Integer(), nullable=False),
    sa.Column('score_weights', sa.JSON(), nullable=False),
    sa.Column('interests', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_branch_settings_branch_id_branch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_branch_settings')),
    sa.UniqueConstraint('branch_id', name=op.f('uq_branch_settings_branch_id'))
    )
    op.create_table('staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('staff_no', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=True),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_staff_branch_id_branch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff')),
    sa.UniqueConstraint('staff_no', name=op.f('uq_staff_staff_no'))
    )
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.create_index('ix_staff_branch_role', ['branch_id', 'role', 'active'], unique=False)

    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=True),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_staff_no', sa.String(length=32), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['staff.id'], name=op.f('fk_audit_event_actor_id_staff')),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_audit_event_branch_id_branch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index('ix_audit_event_at', ['at'], unique=False)
        batch_op.create_index('ix_audit_event_entity', ['entity', 'entity_id'], unique=False)

    op.create_table('client',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.Column('gender', sa.String(length=32), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('mobile', sa.String(length=11), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('occupation', sa.String(length=60), nullable=True),
    sa.Column('employer', sa.String(length=100), nullable=True),
    sa.Column('family', sa.String(length=200), nullable=True),
    sa.Column('income_band', sa.String(length=32), nullable=True),
    sa.Column('education', sa.String(length=32), nullable=True),
    sa.Column('interests', sa.JSON(), nullable=False),
    sa.Column('district', sa.String(length=60), nullable=True),
    sa.Column('rm_id', sa.Integer(), nullable=True),
    sa.Column('tier', sa.String(length=32), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('judged_ordinary_by_id', sa.Integer(), nullable=True),
    sa.Column('judged_ordinary_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_client_branch_id_branch')),
    sa.ForeignKeyConstraint(['judged_ordinary_by_id'], ['staff.id'], name=op.f('fk_client_judged_ordinary_by_id_staff')),
    sa.ForeignKeyConstraint(['rm_id'], ['staff.id'], name=op.f('fk_client_rm_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client'))
    )
    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.create_index('ix_client_branch_name', ['branch_id', 'name'], unique=False)
        batch_op.create_index('ix_client_id_number', ['id_number'], unique=False)
        batch_op.create_index('ix_client_mobile', ['mobile'], unique=False)
        batch_op.create_index('ix_client_rm', ['rm_id'], unique=False)

    op.create_table('day_close',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('business_date', sa.Date(), nullable=False),
    sa.Column('closed', sa.Boolean(), nullable=False),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('close_reason', sa.String(length=500), nullable=True),
    sa.Column('reopened_by_id', sa.Integer(), nullable=True),
    sa.Column('reopened_at', sa.DateTime(), nullable=True),
    sa.Column('reopen_reason', sa.String(length=500), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_day_close_branch_id_branch')),
    sa.ForeignKeyConstraint(['closed_by_id'], ['staff.id'], name=op.f('fk_day_close_closed_by_id_staff')),
    sa.ForeignKeyConstraint(['reopened_by_id'], ['staff.id'], name=op.f('fk_day_close_reopened_by_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_day_close')),
    sa.UniqueConstraint('branch_id', 'business_date', name='uq_day_close_branch_date')
    )
    op.create_table('financial_snapshot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('deposits', sa.Numeric(precision=18, scale=2), nullable=False),
    sa.Column('loans', sa.Numeric(precision=18, scale=2), nullable=False),
    sa.Column('wealth_products', sa.Numeric(precision=18, scale=2), nullable=False),
    sa.Column('funds', sa.Numeric(precision=18, scale=2), nullable=False),
    sa.Column('insurance', sa.Numeric(precision=18, scale=2), nullable=False),
    sa.Column('intermediary', sa.Numeric(precision=18, scale=2), nullable=False),
    sa.Column('aum', sa.Numeric(precision=18, scale=2), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_financial_snapshot_client_id_client')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['staff.id'], name=op.f('fk_financial_snapshot_recorded_by_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_financial_snapshot'))
    )
    with op.batch_alter_table('financial_snapshot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_financial_snapshot_client_id'), ['client_id'], unique=False)

    op.create_table('maintenance_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('rm_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_maintenance_record_client_id_client')),
    sa.ForeignKeyConstraint(['rm_id'], ['staff.id'], name=op.f('fk_maintenance_record_rm_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_maintenance_record'))
    )
    with op.batch_alter_table('maintenance_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_maintenance_record_client_id'), ['client_id'], unique=False)

    op.create_table('referral',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('business_date', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('referrer_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('client_type', sa.String(length=32), nullable=False),
    sa.Column('channel', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('rm_id', sa.Integer(), nullable=False),
    sa.Column('interests', sa.JSON(), nullable=False),
    sa.Column('preferred_contact_at', sa.DateTime(), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('met', sa.Boolean(), nullable=True),
    sa.Column('deal', sa.Boolean(), nullable=True),
    sa.Column('outcome_products', sa.String(length=200), nullable=True),
    sa.Column('outcome_amount', sa.Numeric(precision=18, scale=2), nullable=True),
    sa.Column('confirmed_by_id', sa.Integer(), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('voided_at', sa.DateTime(), nullable=True),
    sa.Column('voided_by_id', sa.Integer(), nullable=True),
    sa.Column('void_reason', sa.String(length=200), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_referral_branch_id_branch')),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_referral_client_id_client')),
    sa.ForeignKeyConstraint(['confirmed_by_id'], ['staff.id'], name=op.f('fk_referral_confirmed_by_id_staff')),
    sa.ForeignKeyConstraint(['referrer_id'], ['staff.id'], name=op.f('fk_referral_referrer_id_staff')),
    sa.ForeignKeyConstraint(['rm_id'], ['staff.id'], name=op.f('fk_referral_rm_id_staff')),
    sa.ForeignKeyConstraint(['voided_by_id'], ['staff.id'], name=op.f('fk_referral_voided_by_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral'))
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index('ix_referral_client_date', ['client_id', 'business_date'], unique=False)
        batch_op.create_index('ix_referral_rm_date', ['rm_id', 'business_date'], unique=False)
        batch_op.create_index('ix_referral_stats', ['branch_id', 'business_date', 'referrer_id'], unique=False)

    op.create_table('follow_up',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('rm_id', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=32), nullable=False),
    sa.Column('referral_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=32), nullable=False),
    sa.Column('next_contact_date', sa.Date(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('outcome_reason', sa.String(length=500), nullable=True),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_follow_up_branch_id_branch')),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_follow_up_client_id_client')),
    sa.ForeignKeyConstraint(['closed_by_id'], ['staff.id'], name=op.f('fk_follow_up_closed_by_id_staff')),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], name=op.f('fk_follow_up_referral_id_referral')),
    sa.ForeignKeyConstraint(['rm_id'], ['staff.id'], name=op.f('fk_follow_up_rm_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up')),
    sa.UniqueConstraint('referral_id', name=op.f('uq_follow_up_referral_id'))
    )
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.create_index('ix_follow_up_branch_opened', ['branch_id', 'opened_at'], unique=False)
        batch_op.create_index('ix_follow_up_client', ['client_id', 'state'], unique=False)
        batch_op.create_index('ix_follow_up_queue', ['rm_id', 'state', 'next_contact_date'], unique=False)

    op.create_table('appointment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('follow_up_id', sa.Integer(), nullable=True),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('rm_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('place', sa.String(length=100), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_appointment_client_id_client')),
    sa.ForeignKeyConstraint(['follow_up_id'], ['follow_up.id'], name=op.f('fk_appointment_follow_up_id_follow_up')),
    sa.ForeignKeyConstraint(['rm_id'], ['staff.id'], name=op.f('fk_appointment_rm_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointment'))
    )
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.create_index('ix_appointment_created', ['rm_id', 'created_at'], unique=False)
        batch_op.create_index('ix_appointment_rm_at', ['rm_id', 'at'], unique=False)

    op.create_table('contact_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('follow_up_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=32), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('result', sa.String(length=32), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('next_contact_date', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['follow_up_id'], ['follow_up.id'], name=op.f('fk_contact_attempt_follow_up_id_follow_up')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_contact_attempt_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_attempt'))
    )
    with op.batch_alter_table('contact_attempt', schema=None) as batch_op:
        batch_op.create_index('ix_contact_attempt_follow_up', ['follow_up_id', 'at'], unique=False)
        batch_op.create_index('ix_contact_attempt_staff_at', ['staff_id', 'at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('contact_attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_attempt_staff_at')
        batch_op.drop_index('ix_contact_attempt_follow_up')

    op.drop_table('contact_attempt')
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.drop_index('ix_appointment_rm_at')
        batch_op.drop_index('ix_appointment_created')

    op.drop_table('appointment')
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index('ix_follow_up_queue')
        batch_op.drop_index('ix_follow_up_client')
        batch_op.drop_index('ix_follow_up_branch_opened')

    op.drop_table('follow_up')
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index('ix_referral_stats')
        batch_op.drop_index('ix_referral_rm_date')
        batch_op.drop_index('ix_referral_client_date')

    op.drop_table('referral')
    with op.batch_alter_table('maintenance_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_maintenance_record_client_id'))

    op.drop_table('maintenance_record')
    with op.batch_alter_table('financial_snapshot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_financial_snapshot_client_id'))

    op.drop_table('financial_snapshot')
    op.drop_table('day_close')
    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.drop_index('ix_client_rm')
        batch_op.drop_index('ix_client_mobile')
        batch_op.drop_index('ix_client_id_number')
        batch_op.drop_index('ix_client_branch_name')

    op.drop_table('client')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_event_entity')
        batch_op.drop_index('ix_audit_event_at')

    op.drop_table('audit_event')
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_index('ix_staff_branch_role')

    op.drop_table('staff')
    op.drop_table('branch_settings')
    op.drop_table('branch')
