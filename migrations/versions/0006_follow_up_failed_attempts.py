"""failed attempts since the last success, the last result, the pre-contact plan; appointment purpose

The queue proposes abandoning a follow-up after N *failed* attempts (no answer,
wrong number, declined) since the last one that reached the client or booked an
appointment, not after N attempts of any kind (docs/product.md "Workflow").
``failed_attempts`` keeps that count and ``last_result`` the newest attempt's
result on the follow-up itself, so the queue reads them without touching the
contact history; both are filled here from the attempts already recorded.

``plan_*`` hold the optional pre-contact plan (接触前准备): the client's
strengths, personality, likely needs and the goal of the next contact.

``appointment`` gains ``purpose`` and, as a versioned row, ``updated_at`` /
``updated_by_id`` (who saved the current version, docs/saving.md).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 18:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

FAILED = ('no_answer', 'wrong_number', 'declined')
SUCCESS = ('reached', 'appointment')
PLAN = ('plan_strengths', 'plan_personality', 'plan_needs', 'plan_goal')


def _in(values: tuple[str, ...]) -> str:
    return ', '.join(f"'{v}'" for v in values)  # constants above, never user input


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    op.add_column('follow_up', sa.Column('failed_attempts', sa.Integer(), nullable=False, server_default='0'))
    op.add_column('follow_up', sa.Column('last_result', sa.String(length=32), nullable=True))
    for name in PLAN:
        op.add_column('follow_up', sa.Column(name, sa.String(length=200), nullable=True))
    op.add_column('appointment', sa.Column('purpose', sa.String(length=200), nullable=True))
    op.add_column('appointment', sa.Column('updated_at', sa.DateTime(), nullable=True))
    fk = 'fk_appointment_updated_by_id_staff'
    if sqlite:
        # In place, with its REFERENCES clause (add_column would rebuild the table for the constraint).
        op.execute(f'ALTER TABLE appointment ADD COLUMN updated_by_id INTEGER CONSTRAINT {fk} REFERENCES staff (id)')
    else:
        op.add_column('appointment', sa.Column('updated_by_id', sa.Integer(), nullable=True))
        op.create_foreign_key(fk, 'appointment', 'staff', ['updated_by_id'], ['id'])
    op.execute(
        'UPDATE follow_up SET last_result = (SELECT ca.result FROM contact_attempt ca '
        'WHERE ca.follow_up_id = follow_up.id ORDER BY ca.at DESC, ca.id DESC LIMIT 1) WHERE attempts > 0'
    )
    op.execute(
        'UPDATE follow_up SET failed_attempts = (SELECT count(*) FROM contact_attempt ca '
        f'WHERE ca.follow_up_id = follow_up.id AND ca.result IN ({_in(FAILED)}) AND NOT EXISTS ('
        'SELECT 1 FROM contact_attempt ok WHERE ok.follow_up_id = ca.follow_up_id '
        f'AND ok.result IN ({_in(SUCCESS)}) AND (ok.at > ca.at OR (ok.at = ca.at AND ok.id > ca.id)))) '
        'WHERE attempts > 0'
    )


def downgrade() -> None:
    with op.batch_alter_table('appointment') as batch_op:
        if op.get_bind().dialect.name != 'sqlite':
            batch_op.drop_constraint('fk_appointment_updated_by_id_staff', type_='foreignkey')
        batch_op.drop_column('updated_by_id')
        batch_op.drop_column('updated_at')
        batch_op.drop_column('purpose')
    with op.batch_alter_table('follow_up') as batch_op:
        for name in reversed(PLAN):
            batch_op.drop_column(name)
        batch_op.drop_column('last_result')
        batch_op.drop_column('failed_attempts')
