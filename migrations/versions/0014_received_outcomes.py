"""the RM's received referrals: the no-deal reason, follow-ups opened from an outcome, the "for me since" index

``referral.no_deal_reason`` keeps the reason a met client did not buy (SPEC's list:
收益不满意, 风险顾虑, 主要业务在他行, 暂无资金, 其他), stored as its code
(``models.enums.NoDealReason``).

``follow_up.source_referral_id`` links a follow-up the RM opened from a referral's
outcome (an after-sale call, a second try) to that referral. It is not
``follow_up.referral_id``: that link is unique and belongs to the follow-up a
*pending* referral opens by itself (the day close counts it, voiding the referral
closes it) — docs/received.md "Follow-ups from an outcome".

``ix_referral_rm_id`` (rm_id, id) answers "referrals for me since the last one I
saw" as one index range, however many referrals the branch holds.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

FK = 'fk_follow_up_source_referral_id_referral'


def upgrade() -> None:
    op.add_column('referral', sa.Column('no_deal_reason', sa.String(length=32), nullable=True))
    if op.get_bind().dialect.name == 'sqlite':
        # In place, with its REFERENCES clause (add_column would rebuild the table for the constraint).
        op.execute(f'ALTER TABLE follow_up ADD COLUMN source_referral_id INTEGER CONSTRAINT {FK} REFERENCES referral (id)')
    else:
        op.add_column('follow_up', sa.Column('source_referral_id', sa.Integer(), nullable=True))
        op.create_foreign_key(FK, 'follow_up', 'referral', ['source_referral_id'], ['id'])
    op.create_index('ix_follow_up_source_referral', 'follow_up', ['source_referral_id'])
    op.create_index('ix_referral_rm_id', 'referral', ['rm_id', 'id'])


def downgrade() -> None:
    op.drop_index('ix_referral_rm_id', table_name='referral')
    op.drop_index('ix_follow_up_source_referral', table_name='follow_up')
    with op.batch_alter_table('follow_up') as batch_op:
        if op.get_bind().dialect.name != 'sqlite':
            batch_op.drop_constraint(FK, type_='foreignkey')
        batch_op.drop_column('source_referral_id')
    with op.batch_alter_table('referral') as batch_op:
        batch_op.drop_column('no_deal_reason')
