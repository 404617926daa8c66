-- The two PostgreSQL roles of a shared Lobby Referral Desk server (docs/row-level-security.md "Roles").
--
-- Run once per server by a superuser; running it again changes nothing that is already right:
--   psql -v ON_ERROR_STOP=1 -v dbname=lobbydesk -v owner_password='…' -v app_password='…' \
--        -h DBHOST -U postgres -d postgres -f migrations/roles.sql
--
-- lobbydesk_owner owns the database and its schema and runs the migrations (`main.py init`, a new
-- version's first start, `migrate-to`); row-level security does not bind it. lobbydesk_app is what
-- every workstation connects as: it owns nothing, cannot bypass row-level security, and may read
-- and write rows (the audit log: read and append only), never change the schema.

SELECT format('CREATE ROLE lobbydesk_owner LOGIN PASSWORD %L', :'owner_password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lobbydesk_owner') \gexec
SELECT format('CREATE ROLE lobbydesk_app LOGIN PASSWORD %L', :'app_password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lobbydesk_app') \gexec
-- The head office's reading: never logs in; lobbydesk_app switches to it for a head-office unit of work.
SELECT 'CREATE ROLE lobbydesk_head_office NOLOGIN'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lobbydesk_head_office') \gexec
ALTER ROLE lobbydesk_owner NOSUPERUSER NOCREATEROLE NOCREATEDB NOBYPASSRLS;
-- NOINHERIT: the head office's policies apply only after that switch, never to a branch's work.
ALTER ROLE lobbydesk_app NOSUPERUSER NOCREATEROLE NOCREATEDB NOBYPASSRLS NOINHERIT;
ALTER ROLE lobbydesk_head_office NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
GRANT lobbydesk_head_office TO lobbydesk_app;

SELECT format('CREATE DATABASE %I OWNER lobbydesk_owner ENCODING ''UTF8'' TEMPLATE template0', :'dbname')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'dbname') \gexec
\connect :dbname

ALTER SCHEMA public OWNER TO lobbydesk_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO lobbydesk_app, lobbydesk_head_office;
-- Tables the owner's migrations create from now on are granted as they come.
ALTER DEFAULT PRIVILEGES FOR ROLE lobbydesk_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO lobbydesk_app;
ALTER DEFAULT PRIVILEGES FOR ROLE lobbydesk_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO lobbydesk_app, lobbydesk_head_office;
ALTER DEFAULT PRIVILEGES FOR ROLE lobbydesk_owner IN SCHEMA public
    GRANT SELECT ON TABLES TO lobbydesk_head_office;
-- Tables already there (a database migrated before the roles existed): the same rights.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO lobbydesk_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO lobbydesk_app, lobbydesk_head_office;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO lobbydesk_head_office;
DO $$ BEGIN
    IF to_regclass('public.alembic_version') IS NOT NULL THEN
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM lobbydesk_app;
    END IF;
    IF to_regclass('public.audit_event') IS NOT NULL THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, reason_text FROM lobbydesk_app;
        GRANT INSERT ON audit_event, branch, branch_settings TO lobbydesk_head_office;
    END IF;
END $$;
