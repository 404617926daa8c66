"""the branch boundary in PostgreSQL: the application role's grants, a branch on every child row, row-level security

On PostgreSQL the application connects as ``lobbydesk_app`` (owns nothing, no
BYPASSRLS) and every unit of work names its branch (``app.branch_id``); the
policies below let it see and write only that branch's rows, and a head-office
scope read every branch's rows of the tables the consolidated sheets need, never
a client's. Design and the roles' set-up: docs/row-level-security.md.

The child tables that reached their branch only through a parent (contact_attempt,
appointment, financial_snapshot, maintenance_record) get their own ``branch_id``,
backfilled, so a policy is a plain comparison on the row itself (no sub-query per
row). SQLite (one branch a file) gets the columns too and nothing else.

Revision ID: 0021
Revises: 0014
Create Date: 2026-12-01 21:45:00
"""

from __future__ import annotations

from alembic import op

from migrations.rls import (
    APP_ROLE,
    add_branch_from_parent,
    disable_branch_rls,
    drop_branch_from_parent,
    enable_branch_rls,
)

revision = '0021'
down_revision = '0014'
branch_labels = None
depends_on = None

# (table, parent, the column pointing at it)
CHILDREN = (
    ("contact_attempt", "follow_up", "follow_up_id"),
    ("appointment", "client", "client_id"),
    ("financial_snapshot", "client", "client_id"),
    ("maintenance_record", "client", "client_id"),
)
# Branch data the head office may read for its consolidated sheets: no client's personal data.
HEAD_OFFICE_READS = (
    "referral", "follow_up", "contact_attempt", "appointment", "contact_plan", "maintenance_record", "day_close",
    "weekly_summary", "branch_settings", "score_settings",
)
# Branch data only the branch sees: the client, their holdings and tier moves, what people typed.
BRANCH_ONLY = ("client", "financial_snapshot", "tier_change", "reason_text")

# The audit chain's newest hash, for appending (services/audit.py): the chain runs across every
# branch, and a branch cannot see the others' events. A hash reveals nothing.
_AUDIT_HEAD = """
CREATE OR REPLACE FUNCTION lobbydesk_audit_head() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT hash FROM public.audit_event ORDER BY id DESC LIMIT 1
$$"""

_GRANTS = f"""
DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN
        GRANT USAGE ON SCHEMA public TO {APP_ROLE};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {APP_ROLE};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {APP_ROLE};
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {APP_ROLE};
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, reason_text FROM {APP_ROLE};
        -- Tables and sequences later migrations create (as this same role) are granted as they come.
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {APP_ROLE};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {APP_ROLE};
    END IF;
END $$"""


def upgrade() -> None:
    for table, parent, fk in CHILDREN:
        add_branch_from_parent(op, table, parent, fk)
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_GRANTS)
    op.execute(_AUDIT_HEAD)
    for table in HEAD_OFFICE_READS:
        enable_branch_rls(op, table, head_office=True)
    for table in BRANCH_ONLY:
        enable_branch_rls(op, table)
    # Staff: anyone may read (sign-in looks the person up before any branch is known; names and
    # staff numbers, no client data); only the branch writes its own staff.
    enable_branch_rls(op, "staff", extra_select="true")
    # The audit log: events of no branch (the command line's) are readable by every branch, and may
    # be appended without one; the head office reads the whole log (it holds no personal data).
    enable_branch_rls(op, "audit_event", head_office=True, extra_select="branch_id IS NULL")
    op.execute("DROP POLICY IF EXISTS unowned_append ON audit_event")
    op.execute("CREATE POLICY unowned_append ON audit_event FOR INSERT WITH CHECK (branch_id IS NULL)")
    # branch, import_batch and alembic_version hold no branch's data: no policy (docs/row-level-security.md).


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP POLICY IF EXISTS unowned_append ON audit_event")
        for table in (*HEAD_OFFICE_READS, *BRANCH_ONLY, "staff", "audit_event"):
            disable_branch_rls(op, table)
        op.execute("DROP FUNCTION IF EXISTS lobbydesk_audit_head()")
    for table, parent, _fk in reversed(CHILDREN):
        drop_branch_from_parent(op, table, parent)
