"""a closed follow-up's reason kept apart, like every free-text reason

The reason typed when closing a follow-up (not premium, abandoned, and the
optional note of a conversion) may name the client or quote a number: it is
client data and goes to ``reason_text`` (services/reasons.py), read only by
the branch's supervisor and by its author; the follow-up and its audit event
keep only its id (docs/contacts.md "Close reasons"). ``outcome_reason`` stays
for what the system writes itself (a voided referral's follow-up) and for
follow-ups closed before this revision.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 18:50:00
"""

from __future__ import annotations

import warnings

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

FK = 'fk_follow_up_outcome_reason_id_reason_text'


def upgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        # In place, with its REFERENCES clause (add_column would rebuild the table for the constraint).
        op.execute(f'ALTER TABLE follow_up ADD COLUMN outcome_reason_id INTEGER CONSTRAINT {FK} '
                   'REFERENCES reason_text (id)')
    else:
        op.add_column('follow_up', sa.Column('outcome_reason_id', sa.Integer(), nullable=True))
        op.create_foreign_key(FK, 'follow_up', 'reason_text', ['outcome_reason_id'], ['id'])


def downgrade() -> None:
    with warnings.catch_warnings():
        # SQLite's table copy reflects the tables follow_up points at; client's expression index
        # (ix_client_branch_last_four, migration 0005) cannot be reflected and is not copied anyway.
        warnings.filterwarnings('ignore', message='Skipped unsupported reflection of expression-based index')
        with op.batch_alter_table('follow_up') as batch_op:
            if op.get_bind().dialect.name != 'sqlite':
                batch_op.drop_constraint(FK, type_='foreignkey')
            batch_op.drop_column('outcome_reason_id')
