"""Alembic migrations of the Lobby Referral Desk schema (a package so it installs)."""
