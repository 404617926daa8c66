"""an import's unpublished rows, by id range

A referral import writes its rows in short transactions, invisible to every
reader while an ``import_batch`` row names their id ranges, then publishes
them all at once by deleting that row (docs/imports.md "Writing a referral
import"). Before this the import held SQLite's write lock for its whole
publish: about 2 s for 100 000 rows.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 18:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'import_batch',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('started_at', sa.DateTime(), nullable=False),
        sa.Column('client_first', sa.Integer(), nullable=True),
        sa.Column('client_last', sa.Integer(), nullable=True),
        sa.Column('referral_first', sa.Integer(), nullable=True),
        sa.Column('referral_last', sa.Integer(), nullable=True),
        sa.Column('follow_up_first', sa.Integer(), nullable=True),
        sa.Column('follow_up_last', sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batch')),
    )


def downgrade() -> None:
    op.drop_table('import_batch')
