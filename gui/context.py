"""What every window and page is handed: the database, who is signed in, the worker lane."""

from __future__ import annotations

from dataclasses import dataclass, field

from gui.worker import DbLane
from services.db import Database
from services.permissions import Actor


@dataclass
class AppContext:
    """Shared by the pages of one signed-in window. Holds no Session: services open their own."""

    db: Database
    actor: Actor
    lang: str = "zh_CN"
    lane: DbLane = field(default_factory=DbLane)
