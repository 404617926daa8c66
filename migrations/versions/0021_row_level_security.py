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
Revises: 0020
Create Date: 2026-12-01 21:45:00
"""

from __future__ import annotations

from alembic import op

from migrations.rls import (
    GRANT_APP,
    HEAD_OFFICE_ROLE,
    MAKE_HEAD_OFFICE_ROLE,
    NO_SCOPE,
    add_branch_from_parent,
    disable_branch_rls,
    drop_branch_from_parent,
    enable_branch_rls,
)

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

# (table, parent, the column pointing at it, whether an earlier migration added its branch_id)
CHILDREN = (
    ("contact_attempt", "follow_up", "follow_up_id", False),
    ("appointment", "client", "client_id", False),
    ("financial_snapshot", "client", "client_id", False),
    ("maintenance_record", "client", "client_id", True),  # migration 0015
)
# Branch data the head office may read for its consolidated sheets: no client's personal data.
HEAD_OFFICE_READS = (
    "referral", "follow_up", "contact_attempt", "appointment", "contact_plan", "maintenance_record", "day_close",
    "branch_settings", "score_settings",
    # the management desk: counts, targets, the assessment's inputs, the holiday list — no client data
    "diversion", "branch_holiday", "maintenance_plan", "rm_target", "assessment_input", "assessment_item", "assessment_weights",
)
# Branch data only the branch sees: the client, their holdings and tier moves, what people typed
# (reasons; the RMs' weekly findings).
BRANCH_ONLY = ("client", "financial_snapshot", "tier_change", "reason_text", "weekly_summary",
               # what clients said and the records of their accounts (docs/complaints.md, docs/retention.md)
               "complaint", "retention_record", "retention_action")

# The audit chain's newest hash, for appending (services/audit.py): the chain runs across every
# branch, and a branch cannot see the others' events. A hash reveals nothing.
_AUDIT_HEAD = """
CREATE OR REPLACE FUNCTION lobbydesk_audit_head() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT hash FROM public.audit_event ORDER BY id DESC LIMIT 1
$$"""

def upgrade() -> None:
    for table, parent, fk, has_column in CHILDREN:
        add_branch_from_parent(op, table, parent, fk, has_column=has_column)
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(MAKE_HEAD_OFFICE_ROLE)
    op.execute(GRANT_APP)
    op.execute(_AUDIT_HEAD)
    for table in HEAD_OFFICE_READS:
        enable_branch_rls(op, table, head_office=True)
    for table in BRANCH_ONLY:
        enable_branch_rls(op, table)
    # Staff: before a branch is bound anyone may read them (sign-in looks the person up first; names
    # and staff numbers, no client data); once bound, only the own branch's (the head office: all).
    enable_branch_rls(op, "staff", head_office=True, extra_select=NO_SCOPE)
    # The audit log: events of no branch (the command line's) are readable by every branch, and may
    # be appended without one; the head office reads the whole log (it holds no personal data).
    enable_branch_rls(op, "audit_event", head_office=True, extra_select="branch_id IS NULL")
    op.execute("DROP POLICY IF EXISTS unowned_append ON audit_event")
    op.execute("CREATE POLICY unowned_append ON audit_event FOR INSERT WITH CHECK (branch_id IS NULL)")
    # The head office acts for no branch (it sees no branch's clients) and records what it did.
    op.execute("DROP POLICY IF EXISTS head_office_append ON audit_event")
    op.execute(f"CREATE POLICY head_office_append ON audit_event FOR INSERT TO {HEAD_OFFICE_ROLE} WITH CHECK (true)")
    # branch, import_batch and alembic_version hold no branch's data: no policy (docs/row-level-security.md).


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP POLICY IF EXISTS unowned_append ON audit_event")
        op.execute("DROP POLICY IF EXISTS head_office_append ON audit_event")
        for table in (*HEAD_OFFICE_READS, *BRANCH_ONLY, "staff", "audit_event"):
            disable_branch_rls(op, table)
        op.execute("DROP FUNCTION IF EXISTS lobbydesk_audit_head()")
    for table, parent, _fk, has_column in reversed(CHILDREN):
        drop_branch_from_parent(op, table, parent, has_column=has_column)
