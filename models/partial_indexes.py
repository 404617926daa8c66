"""Indexes with a condition (partial indexes), declared apart from the models.

A partial index names its condition per engine (``sqlite_where=``, ``postgresql_where=``), and
SQLAlchemy imports the dialect of every engine so named to check those keywords as the index is
declared: on SQLite, the PostgreSQL dialect's modules cost about 30 ms of every start-up
(docs/architecture.md "Start-up"). The ORM never reads an index; the migrations create them, and
the two places that compare the models with a database import this module first:
``migrations/env.py`` (autogenerate) and ``tests/models/test_schema.py``.
"""

from __future__ import annotations

from sqlalchemy import Index

from models.entities import RetentionRecord

# One open record per client: a second flag while one is open is refused (docs/retention.md).
RETENTION_OPEN_CLIENT = Index("ux_retention_open_client", RetentionRecord.client_id, unique=True,
                              sqlite_where=RetentionRecord.is_open, postgresql_where=RetentionRecord.is_open)
