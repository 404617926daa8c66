"""the head office: a staff account that belongs to no branch

``staff.branch_id`` becomes nullable, and a CHECK keeps it set for every role
but ``head_office`` (docs/head-office.md "The account"): a branch's staff always
belong to their branch; only the head office sees every branch's figures and
none of them is its own.

On SQLite the change rebuilds ``staff`` in batch mode (SQLite cannot alter a
column's NOT NULL); only that table is rebuilt, never ``client``.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-01 21:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

CHECK = 'branch_unless_head_office'  # ck_staff_branch_unless_head_office by the naming convention
RULE = "branch_id IS NOT NULL OR role = 'head_office'"


def upgrade() -> None:
    with op.batch_alter_table('staff') as batch_op:
        batch_op.alter_column('branch_id', existing_type=sa.Integer(), nullable=True)
        batch_op.create_check_constraint(CHECK, RULE)


def downgrade() -> None:
    # A head-office account has no branch to go back to: it cannot survive the downgrade.
    op.execute("DELETE FROM staff WHERE branch_id IS NULL")
    with op.batch_alter_table('staff') as batch_op:
        batch_op.drop_constraint(CHECK, type_='check')
        batch_op.alter_column('branch_id', existing_type=sa.Integer(), nullable=False)
