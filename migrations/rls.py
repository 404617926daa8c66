"""Row-level security for one table: the branch boundary in the database (docs/row-level-security.md).

One call per table that holds a branch's rows, in a migration's ``upgrade()``::

    from migrations.rls import enable_branch_rls
    enable_branch_rls(op, "complaint")                      # branch staff only
    enable_branch_rls(op, "complaint", head_office=True)    # the head office may read it too

The table needs a ``branch_id`` column (NOT NULL, FK ``branch.id``). On SQLite
(one branch a file) every call here does nothing.

- Row-level security is ENABLED, not FORCED: the table's owner (``lobbydesk_owner``,
  who runs migrations and ``migrate-to``) is not bound by it; ``lobbydesk_app``, which
  owns nothing and has no BYPASSRLS, is.
- Branch scope: every read and write only where ``branch_id`` is the transaction's
  ``app.branch_id`` (set by ``services.db.Database`` at the start of each unit of work).
- Head-office scope (the unit runs as ``lobbydesk_head_office``): SELECT of every branch's
  rows, only on tables named with ``head_office=True`` — never one holding client data.
- No scope set: no rows at all.
"""

from __future__ import annotations

from typing import Any

# The transaction's branch, or NULL when none is set (then ``branch_id = NULL`` matches nothing).
BRANCH = "NULLIF(current_setting('app.branch_id', true), '')::integer"
NO_SCOPE = "coalesce(current_setting('app.branch_id', true), '') = ''"
APP_ROLE = "lobbydesk_app"
# The head office's reading: a NOLOGIN role the application switches to (SET LOCAL ROLE) for a
# head-office unit of work. Its own policies, so that a branch's queries carry one plain equality
# the planner turns into a one-time check (an OR of two policies costs index plans: measured).
HEAD_OFFICE_ROLE = "lobbydesk_head_office"

# Tables the application may read and append to but never change (migration 0004's triggers too).
APPEND_ONLY = ("audit_event", "reason_text")

# The head office's role: made here when the migrating role may (a superuser), else by
# migrations/roles.sql beforehand. It logs in never; lobbydesk_app switches to it.
MAKE_HEAD_OFFICE_ROLE = f"""
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{HEAD_OFFICE_ROLE}') THEN
        CREATE ROLE {HEAD_OFFICE_ROLE} NOLOGIN NOINHERIT NOBYPASSRLS;
    END IF;
END $$"""

# Every right the application role needs, on every table there is now and every table this role
# creates later; none on the migrations' own table, only reading and appending on the audit tables.
# Run by migration 0021 and again by migrations/roles.sql (the roles may come after the schema).
GRANT_APP = f"""
DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN
        GRANT USAGE ON SCHEMA public TO {APP_ROLE};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {APP_ROLE};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {APP_ROLE};
        IF to_regclass('public.alembic_version') IS NOT NULL THEN
            REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {APP_ROLE};
        END IF;
        IF to_regclass('public.audit_event') IS NOT NULL THEN
            REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, reason_text FROM {APP_ROLE};
        END IF;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {APP_ROLE};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {APP_ROLE};
        GRANT {HEAD_OFFICE_ROLE} TO {APP_ROLE};
    END IF;
    -- The head office reads (row-level security decides which rows) and appends its audit events.
    GRANT USAGE ON SCHEMA public TO {HEAD_OFFICE_ROLE};
    GRANT SELECT ON ALL TABLES IN SCHEMA public TO {HEAD_OFFICE_ROLE};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {HEAD_OFFICE_ROLE};
    IF to_regclass('public.audit_event') IS NOT NULL THEN
        GRANT INSERT ON audit_event TO {HEAD_OFFICE_ROLE};
        -- A new branch and its settings (``Database.act_for`` names the new branch for the settings' policy).
        GRANT INSERT ON branch, branch_settings TO {HEAD_OFFICE_ROLE};
    END IF;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {HEAD_OFFICE_ROLE};
END $$"""


def _postgresql(op: Any) -> bool:
    return bool(op.get_bind().dialect.name == "postgresql")


def enable_branch_rls(op: Any, table: str, *, head_office: bool = False, extra_select: str | None = None) -> None:
    """Turn on the branch boundary for ``table`` (a constant name, never input).

    ``extra_select``: an SQL condition under which a branch may also SELECT a row
    (the audit log's events that belong to no branch). Idempotent: the policies are
    dropped and made again.
    """
    if not _postgresql(op):
        return
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    for name in ("branch_rows", "branch_read", "head_office_read"):
        op.execute(f"DROP POLICY IF EXISTS {name} ON {table}")
    # Permissive policies are OR-ed per command: writes need the branch; reads may have more.
    op.execute(f"CREATE POLICY branch_rows ON {table} USING (branch_id = {BRANCH}) WITH CHECK (branch_id = {BRANCH})")
    if extra_select:
        op.execute(f"CREATE POLICY branch_read ON {table} FOR SELECT USING ({extra_select})")
    if head_office:
        op.execute(f"CREATE POLICY head_office_read ON {table} FOR SELECT TO {HEAD_OFFICE_ROLE} USING (true)")
    grant_app(op, table)


def disable_branch_rls(op: Any, table: str) -> None:
    """The reverse of ``enable_branch_rls`` (for a migration's ``downgrade()``)."""
    if not _postgresql(op):
        return
    for name in ("branch_rows", "branch_read", "head_office_read"):
        op.execute(f"DROP POLICY IF EXISTS {name} ON {table}")
    op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")


def grant_app(op: Any, table: str) -> None:
    """The application role's rights on ``table``, when that role exists (docs/row-level-security.md "Roles")."""
    if not _postgresql(op):
        return
    rights = "SELECT, INSERT" if table in APPEND_ONLY else "SELECT, INSERT, UPDATE, DELETE"
    op.execute(f"""
DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN
        GRANT {rights} ON {table} TO {APP_ROLE};
    END IF;
    GRANT SELECT ON {table} TO {HEAD_OFFICE_ROLE};
END $$""")


def add_branch_from_parent(op: Any, table: str, parent: str, parent_fk: str, *, has_column: bool = False) -> None:
    """Give a child table its own ``branch_id`` (NOT NULL, FK branch), backfilled from ``parent``.

    ``has_column``: an earlier migration gave the table its ``branch_id`` already (the
    maintenance records, migration 0015); only the trigger below is added.

    On PostgreSQL a trigger sets it from the parent on every insert and on a change of
    ``parent_fk`` — whatever the writer sent — looked up under the writer's own
    row-level security, so a row can never point at another branch's parent. On SQLite
    the models fill it (``models.entities``: ``_branch_from_parent``).
    """
    import sqlalchemy as sa

    backfill = (f"UPDATE {table} SET branch_id = (SELECT p.branch_id FROM {parent} p "
                f"WHERE p.id = {table}.{parent_fk})")
    if not _postgresql(op):
        if has_column:
            return
        op.add_column(table, sa.Column("branch_id", sa.Integer(), nullable=True))
        op.execute(backfill)
        with op.batch_alter_table(table) as batch:
            batch.alter_column("branch_id", existing_type=sa.Integer(), nullable=False)
            batch.create_foreign_key(f"fk_{table}_branch_id_branch", "branch", ["branch_id"], ["id"])
        return
    if not has_column:
        op.add_column(table, sa.Column("branch_id", sa.Integer(), nullable=True))
        op.execute(backfill)
        op.alter_column(table, "branch_id", existing_type=sa.Integer(), nullable=False)
        op.create_foreign_key(f"fk_{table}_branch_id_branch", table, "branch", ["branch_id"], ["id"])
    op.execute(f"""
CREATE OR REPLACE FUNCTION {table}_branch_from_{parent}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.branch_id := (SELECT p.branch_id FROM {parent} p WHERE p.id = NEW.{parent_fk});
    IF NEW.branch_id IS NULL THEN
        RAISE EXCEPTION '{table}: no {parent} % in this branch', NEW.{parent_fk}
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$""")
    op.execute(f"DROP TRIGGER IF EXISTS {table}_branch ON {table}")
    op.execute(f"CREATE TRIGGER {table}_branch BEFORE INSERT OR UPDATE OF {parent_fk}, branch_id ON {table} "
               f"FOR EACH ROW EXECUTE FUNCTION {table}_branch_from_{parent}()")


def drop_branch_from_parent(op: Any, table: str, parent: str, *, has_column: bool = False) -> None:
    """The reverse of ``add_branch_from_parent``."""
    if _postgresql(op):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_branch ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS {table}_branch_from_{parent}()")
        if has_column:
            return
        op.drop_constraint(f"fk_{table}_branch_id_branch", table, type_="foreignkey")
        op.drop_column(table, "branch_id")
        return
    if has_column:
        return
    with op.batch_alter_table(table) as batch:
        batch.drop_constraint(f"fk_{table}_branch_id_branch", type_="foreignkey")
        batch.drop_column("branch_id")
