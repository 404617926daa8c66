"""the RM's weekly progress summary (每周工作进度汇总表)

One row per RM and ISO week (docs/weekly.md): the findings the RM typed, the
week's figures as submitted, when and by whom, and whether it was late
(after Friday 17:30 branch time).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 18:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('weekly_summary',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('rm_id', sa.Integer(), nullable=False),
    sa.Column('week_start', sa.Date(), nullable=False),
    sa.Column('findings', sa.String(length=2000), nullable=False),
    sa.Column('figures', sa.JSON(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=False),
    sa.Column('submitted_by_id', sa.Integer(), nullable=False),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_weekly_summary_branch_id_branch')),
    sa.ForeignKeyConstraint(['rm_id'], ['staff.id'], name=op.f('fk_weekly_summary_rm_id_staff')),
    sa.ForeignKeyConstraint(['submitted_by_id'], ['staff.id'],
                            name=op.f('fk_weekly_summary_submitted_by_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_weekly_summary')),
    sa.UniqueConstraint('rm_id', 'week_start', name='uq_weekly_summary_rm_week')
    )
    op.create_index('ix_weekly_summary_branch_week', 'weekly_summary', ['branch_id', 'week_start'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_weekly_summary_branch_week', table_name='weekly_summary')
    op.drop_table('weekly_summary')
