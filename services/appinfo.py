"""The program's name for the per-user folders (data, logs): importable without the database layer,
so that starting the window does not wait for SQLAlchemy (docs/product.md "Budgets")."""

from __future__ import annotations

APP_NAME = "LobbyDesk"
