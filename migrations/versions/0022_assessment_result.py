"""the assessment submitted to the head office: assessment_result (staff figures only, no client data)

The supervisor submits a month's assessment (docs/assessment.md "Submitting to the head
office"); each RM's points are kept here, one row per branch, month and RM. The head
office reads this table (row-level security: ``head_office=True``), never the client
records the points were computed from (docs/head-office.md "The monthly assessment figures").

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-02 00:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from migrations.rls import disable_branch_rls, enable_branch_rls

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def _points(name: str) -> sa.Column[object]:
    return sa.Column(name, sa.Numeric(precision=6, scale=1), nullable=False)


def upgrade() -> None:
    op.create_table(
        'assessment_result',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=False),
        sa.Column('month', sa.Date(), nullable=False),
        sa.Column('rm_id', sa.Integer(), nullable=False),
        _points('marketing'), _points('service'), _points('process'), _points('bonus'), _points('total'),
        sa.Column('rating', sa.Integer(), nullable=True),
        sa.Column('submitted_at', sa.DateTime(), nullable=False),
        sa.Column('submitted_by_id', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_assessment_result_branch_id_branch')),
        sa.ForeignKeyConstraint(['rm_id'], ['staff.id'], name=op.f('fk_assessment_result_rm_id_staff')),
        sa.ForeignKeyConstraint(['submitted_by_id'], ['staff.id'],
                                name=op.f('fk_assessment_result_submitted_by_id_staff')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment_result')),
        sa.UniqueConstraint('branch_id', 'month', 'rm_id', name=op.f('uq_assessment_result_branch_id')),
    )
    op.create_index('ix_assessment_result_month', 'assessment_result', ['month', 'branch_id'], unique=False)
    # Branch data the head office reads (migration 0021's HEAD_OFFICE_READS): staff figures only.
    enable_branch_rls(op, 'assessment_result', head_office=True)


def downgrade() -> None:
    disable_branch_rls(op, 'assessment_result')
    op.drop_index('ix_assessment_result_month', table_name='assessment_result')
    op.drop_table('assessment_result')
