"""Which branch's rows a signed-in person's units of work may touch (docs/row-level-security.md).

The rule lives here; the GUI and the command line only call it.
"""

from __future__ import annotations

from services.db import Database
from services.permissions import Actor

# The head office's role (docs/product.md "Head office"): reads every branch's consolidated figures.
HEAD_OFFICE_ROLE = "head_office"


def bind_actor(db: Database, actor: Actor) -> None:
    """From now on ``db`` acts for ``actor``'s branch; a head-office person reads every branch's
    consolidated tables and acts for no branch (so sees no branch's clients)."""
    if str(actor.role) == HEAD_OFFICE_ROLE:
        bind_all_branches(db)
    else:
        db.bind_scope(actor.branch_id)


def bind_all_branches(db: Database) -> None:
    """The head office, or the command line's ``--branch ALL``: every branch's consolidated figures,
    never client data."""
    db.bind_scope(None, head_office=True)
