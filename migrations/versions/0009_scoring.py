"""the comprehensive score: ratings, assets elsewhere, tier history, per-branch score settings

- ``client.rating_family`` / ``rating_occupation`` / ``rating_social``: the RM's 0–5
  ratings, NULL until rated (docs/scoring.md "Factors").
- ``financial_snapshot.assets_elsewhere``: the estimate of what the client holds at
  other banks; existing snapshots get 0 (nobody estimated it).
- ``tier_change``: every move of a client's tier with old/new tier and score and the
  cause (snapshot, rating, settings, recompute, import, follow_up).
- ``score_settings``: one versioned row per branch; no row means the defaults.
- ``ix_client_branch_id``: the branch recompute walks a branch's clients by id.

``Tier`` gains ``to_win``. The tier column is a non-native enum (VARCHAR(32), no CHECK
constraint: models/entities.py ``enum_type``), so the new value needs no change to the
column; the values already stored (none, potential, ordinary_premium, core) keep their
meaning and are checked here so a stray value fails this migration, not a later read.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 18:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

_TIERS = ('none', 'potential', 'ordinary_premium', 'core', 'to_win')


def upgrade() -> None:
    bad = op.get_bind().execute(
        sa.text("SELECT COUNT(*) FROM client WHERE tier NOT IN :tiers").bindparams(
            sa.bindparam('tiers', _TIERS, expanding=True))
    ).scalar_one()
    if bad:
        raise RuntimeError(f"{bad} clients hold a tier that is not one of {_TIERS}")
    # Plain ADD COLUMN on both engines (no table copy on SQLite).
    op.add_column('client', sa.Column('rating_family', sa.Integer(), nullable=True))
    op.add_column('client', sa.Column('rating_occupation', sa.Integer(), nullable=True))
    op.add_column('client', sa.Column('rating_social', sa.Integer(), nullable=True))
    op.add_column('financial_snapshot', sa.Column('assets_elsewhere', sa.Numeric(precision=18, scale=2),
                                                  nullable=False, server_default='0'))
    op.create_table(
        'tier_change',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=False),
        sa.Column('client_id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('old_tier', sa.Enum(*_TIERS, name='tier', native_enum=False, create_constraint=False,
                                      length=32), nullable=False),
        sa.Column('new_tier', sa.Enum(*_TIERS, name='tier', native_enum=False, create_constraint=False,
                                      length=32), nullable=False),
        sa.Column('old_score', sa.Integer(), nullable=False),
        sa.Column('new_score', sa.Integer(), nullable=False),
        sa.Column('cause', sa.Enum('snapshot', 'rating', 'settings', 'recompute', 'import', 'follow_up',
                                   name='tiercause', native_enum=False, create_constraint=False, length=32),
                  nullable=False),
        sa.Column('actor_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_tier_change_branch_id_branch')),
        sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_tier_change_client_id_client')),
        sa.ForeignKeyConstraint(['actor_id'], ['staff.id'], name=op.f('fk_tier_change_actor_id_staff')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_tier_change')),
    )
    op.create_index('ix_tier_change_client_at', 'tier_change', ['client_id', 'at', 'id'], unique=False)
    # The recompute's batches (one branch, by id): without it SQLite took the last-four index
    # and sorted half a 1 M-client branch per batch (0.28 s of every 2 000 clients).
    op.create_index('ix_client_branch_id', 'client', ['branch_id', 'id'], unique=False)
    op.create_table(
        'score_settings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=False),
        sa.Column('weights', sa.JSON(), nullable=False),
        sa.Column('bands', sa.JSON(), nullable=False),
        sa.Column('core_premium_min', sa.Integer(), nullable=False),
        sa.Column('ordinary_premium_min', sa.Integer(), nullable=False),
        sa.Column('potential_min', sa.Integer(), nullable=False),
        sa.Column('to_win_elsewhere_min', sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=True),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_score_settings_branch_id_branch')),
        sa.ForeignKeyConstraint(['updated_by_id'], ['staff.id'], name=op.f('fk_score_settings_updated_by_id_staff')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_score_settings')),
        sa.UniqueConstraint('branch_id', name=op.f('uq_score_settings_branch_id')),
    )


def downgrade() -> None:
    op.drop_index('ix_client_branch_id', table_name='client')
    op.drop_table('score_settings')
    op.drop_index('ix_tier_change_client_at', table_name='tier_change')
    op.drop_table('tier_change')
    with op.batch_alter_table('financial_snapshot') as batch:
        batch.drop_column('assets_elsewhere')
    with op.batch_alter_table('client') as batch:
        batch.drop_column('rating_social')
        batch.drop_column('rating_occupation')
        batch.drop_column('rating_family')
