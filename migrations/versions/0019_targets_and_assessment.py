"""monthly targets and the monthly assessment (考核): rm_target, assessment_input, assessment_item, assessment_weights

Every table carries its own ``branch_id`` so row-level security keys on it without joins.
``month`` is the first day of the month. The rules: docs/assessment.md.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-01 21:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f'{target}.id'], name=op.f(f'fk_{table}_{column}_{target}'))


def _table(name: str, *columns: sa.Column[object], fks: tuple[tuple[str, str], ...] = (),
           versioned: bool = True, unique: tuple[str, ...] = ()) -> None:
    cols: list[sa.Column[object]] = [
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=False),
        *columns,
    ]
    keys = [('branch_id', 'branch'), *fks]
    if versioned:
        cols += [sa.Column('updated_at', sa.DateTime(), nullable=True),
                 sa.Column('updated_by_id', sa.Integer(), nullable=True),
                 sa.Column('version', sa.Integer(), nullable=False)]
        keys.append(('updated_by_id', 'staff'))
    extra: list[sa.Constraint] = [_fk(name, c, t) for c, t in keys]
    extra.append(sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{name}')))
    if unique:
        extra.append(sa.UniqueConstraint(*unique, name=op.f(f'uq_{name}_{unique[0]}')))
    op.create_table(name, *cols, *extra)


def upgrade() -> None:
    _table(
        'rm_target',
        sa.Column('rm_id', sa.Integer(), nullable=False),
        sa.Column('month', sa.Date(), nullable=False),
        sa.Column('new_premium_clients', sa.Integer(), nullable=False),
        sa.Column('converted_referrals', sa.Integer(), nullable=False),
        sa.Column('contacts', sa.Integer(), nullable=False),
        sa.Column('maintenance_contacts', sa.Integer(), nullable=False),
        sa.Column('aum_growth', sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column('set_by_id', sa.Integer(), nullable=False),
        fks=(('rm_id', 'staff'), ('set_by_id', 'staff')), unique=('rm_id', 'month'),
    )
    op.create_index('ix_rm_target_branch_month', 'rm_target', ['branch_id', 'month'], unique=False)
    _table(
        'assessment_input',
        sa.Column('rm_id', sa.Integer(), nullable=False),
        sa.Column('month', sa.Date(), nullable=False),
        sa.Column('process_rating', sa.Integer(), nullable=True),
        fks=(('rm_id', 'staff'),), unique=('rm_id', 'month'),
    )
    _table(
        'assessment_item',
        sa.Column('rm_id', sa.Integer(), nullable=False),
        sa.Column('month', sa.Date(), nullable=False),
        sa.Column('points', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum('retention', 'complaint', 'other', name='assessmentitemkind', native_enum=False,
                                  create_constraint=False, length=32), nullable=False),
        sa.Column('reason_id', sa.Integer(), nullable=False),
        sa.Column('entered_by_id', sa.Integer(), nullable=False),
        sa.Column('entered_at', sa.DateTime(), nullable=False),
        fks=(('rm_id', 'staff'), ('reason_id', 'reason_text'), ('entered_by_id', 'staff')), versioned=False,
    )
    op.create_index('ix_assessment_item_rm_month', 'assessment_item', ['rm_id', 'month', 'id'], unique=False)
    _table(
        'assessment_weights',
        sa.Column('marketing', sa.Integer(), nullable=False),
        sa.Column('service', sa.Integer(), nullable=False),
        sa.Column('process', sa.Integer(), nullable=False),
        sa.Column('bonus_cap', sa.Integer(), nullable=False),
        unique=('branch_id',),
    )


def downgrade() -> None:
    op.drop_table('assessment_weights')
    op.drop_index('ix_assessment_item_rm_month', table_name='assessment_item')
    op.drop_table('assessment_item')
    op.drop_table('assessment_input')
    op.drop_index('ix_rm_target_branch_month', table_name='rm_target')
    op.drop_table('rm_target')
