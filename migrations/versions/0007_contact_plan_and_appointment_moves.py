"""visit and call plans; appointments held, missed or moved

``contact_plan`` holds the RM's planned visits and calls (拜访/电话计划, seed 000):
one row per RM, client, kind and date (docs/diary.md "Visit and call plans").
A dropped plan is deleted (the audit log keeps that it was dropped), so the
unique key never meets a stale row.

``appointment.status`` gains ``held``, ``missed`` and ``moved``; the old ``done``
becomes ``held`` (an appointment that took place), ``cancelled`` stays valid for
the rows that have it. A moved appointment keeps its row (status ``moved``) and
a new ``scheduled`` row points back to it through ``moved_from_id``.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 18:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'contact_plan',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=False),
        sa.Column('rm_id', sa.Integer(), nullable=False),
        sa.Column('client_id', sa.Integer(), nullable=False),
        sa.Column('planned_date', sa.Date(), nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('note', sa.String(length=200), nullable=True),
        sa.Column('proposed', sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('updated_at', sa.DateTime(), nullable=True),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name='fk_contact_plan_branch_id_branch'),
        sa.ForeignKeyConstraint(['rm_id'], ['staff.id'], name='fk_contact_plan_rm_id_staff'),
        sa.ForeignKeyConstraint(['client_id'], ['client.id'], name='fk_contact_plan_client_id_client'),
        sa.ForeignKeyConstraint(['created_by_id'], ['staff.id'], name='fk_contact_plan_created_by_id_staff'),
        sa.ForeignKeyConstraint(['updated_by_id'], ['staff.id'], name='fk_contact_plan_updated_by_id_staff'),
        sa.PrimaryKeyConstraint('id', name='pk_contact_plan'),
        sa.UniqueConstraint('rm_id', 'planned_date', 'client_id', 'kind', name='uq_contact_plan_rm_id'),
    )
    op.create_index('ix_contact_plan_client', 'contact_plan', ['client_id', 'planned_date'])
    fk = 'fk_appointment_moved_from_id_appointment'
    if op.get_bind().dialect.name == 'sqlite':
        # In place, with its REFERENCES clause (add_column would rebuild the table for the constraint).
        op.execute(f'ALTER TABLE appointment ADD COLUMN moved_from_id INTEGER '
                   f'CONSTRAINT {fk} REFERENCES appointment (id)')
    else:
        op.add_column('appointment', sa.Column('moved_from_id', sa.Integer(), nullable=True))
        op.create_foreign_key(fk, 'appointment', 'appointment', ['moved_from_id'], ['id'])
    # The diary finds where a moved appointment went by this column.
    op.create_index('ix_appointment_moved_from', 'appointment', ['moved_from_id'])
    op.execute("UPDATE appointment SET status = 'held' WHERE status = 'done'")


def downgrade() -> None:
    op.execute("UPDATE appointment SET status = 'done' WHERE status = 'held'")
    op.execute("UPDATE appointment SET status = 'cancelled' WHERE status IN ('missed', 'moved')")
    op.drop_index('ix_appointment_moved_from', table_name='appointment')
    with op.batch_alter_table('appointment') as batch_op:
        if op.get_bind().dialect.name != 'sqlite':
            batch_op.drop_constraint('fk_appointment_moved_from_id_appointment', type_='foreignkey')
        batch_op.drop_column('moved_from_id')
    op.drop_index('ix_contact_plan_client', table_name='contact_plan')
    op.drop_table('contact_plan')
