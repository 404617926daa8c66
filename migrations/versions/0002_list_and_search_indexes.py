"""indexes for the lists and the client search at scale

Measured with bench/bench.py on 1 M clients / 3 M referrals (SQLite): the
mobile search sorted a whole branch's clients (0.4–0.6 s a keystroke); the
every-day referral lists sorted a whole branch's referrals (0.7–2.9 s) and
their keyset pages grew with depth; a one-day list for an old day must not
walk the newest rows; the branch queue read every follow-up the branch ever
had; the sheets' "closed in the period" read every closed follow-up.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 01:40:00
"""

from __future__ import annotations

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_client_branch_mobile', 'client', ['branch_id', 'mobile'], unique=False)
    op.create_index('ix_referral_branch_day_created', 'referral', ['branch_id', 'business_date', 'created_at', 'id'],
                    unique=False)
    op.create_index('ix_referral_branch_created', 'referral', ['branch_id', 'created_at', 'id'], unique=False)
    op.create_index('ix_referral_referrer_created', 'referral', ['referrer_id', 'created_at', 'id'], unique=False)
    op.create_index('ix_follow_up_branch_queue', 'follow_up', ['branch_id', 'state', 'next_contact_date', 'id'],
                    unique=False)
    # The RM's queue reads each open state in (next contact date, id) order: id joins the index.
    op.drop_index('ix_follow_up_queue', table_name='follow_up')
    op.create_index('ix_follow_up_queue', 'follow_up', ['rm_id', 'state', 'next_contact_date', 'id'], unique=False)
    op.create_index('ix_follow_up_branch_closed', 'follow_up', ['branch_id', 'closed_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_follow_up_branch_closed', table_name='follow_up')
    op.drop_index('ix_follow_up_branch_queue', table_name='follow_up')
    op.drop_index('ix_follow_up_queue', table_name='follow_up')
    op.create_index('ix_follow_up_queue', 'follow_up', ['rm_id', 'state', 'next_contact_date'], unique=False)
    op.drop_index('ix_referral_referrer_created', table_name='referral')
    op.drop_index('ix_referral_branch_created', table_name='referral')
    op.drop_index('ix_referral_branch_day_created', table_name='referral')
    op.drop_index('ix_client_branch_mobile', table_name='client')
