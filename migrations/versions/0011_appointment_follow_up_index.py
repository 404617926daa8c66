"""the queue's appointment column: an index from a follow-up to its scheduled appointments

Each window of the follow-up queue shows the earliest scheduled appointment of
its rows (docs/follow-ups.md "Cost"). Appointments were indexed only by RM and
time, so finding a window's appointments read the whole table; this index
makes it one short range per row, at 300 referrals as at 3 M.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 18:30:00
"""

from __future__ import annotations

from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_appointment_follow_up', 'appointment', ['follow_up_id', 'status', 'at'])


def downgrade() -> None:
    op.drop_index('ix_appointment_follow_up', table_name='appointment')
