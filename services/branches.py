"""Branches of one installation: add and list them (docs/branches.md).

A branch is made here by the command line (``branch add``), the installation's
administrator or the head office; every branch gets the default settings rows
``accounts.ensure_branch`` gives the first one. Staff, clients, referrals,
follow-ups and settings then belong to exactly one branch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import DEFAULT_INTERESTS, Branch, BranchSettings, Role, Staff
from services import audit
from services.db import Database, retrying
from services.errors import FieldProblem, ValidationError
from services.i18n import msg
from services.permissions import Action, Actor, require
from services.validation import Problems, has_control

# docs/product.md "Branches": 4–8 ASCII letters or digits; a name of at most 30 characters.
CODE_RE = re.compile(r"[A-Za-z0-9]{4,8}")
NAME_MAX = 30


@dataclass(frozen=True)
class BranchRow:
    """One branch as ``branch list`` and the branches page show it."""

    id: int
    code: str
    name: str
    staff: int  # active accounts


def role_has_branch(role: Role | str) -> bool:
    """Whether an account of ``role`` belongs to a branch: every role but the head office's (docs/branches.md)."""
    return str(role) != "head_office"


def check_new_branch(code: str | None, name: str | None) -> tuple[str, str]:
    """The cleaned code and name of a new branch, or every problem with them (fields ``code`` and ``name``)."""
    problems = Problems()
    clean_code = (code or "").strip()
    clean_name = (name or "").strip()
    if not clean_code:
        problems.add("code", "required")
    elif not CODE_RE.fullmatch(clean_code):
        problems.add("code", "branch_code_rule")
    if not clean_name:
        problems.add("name", "required")
    elif has_control(clean_name):
        problems.add("name", "control_chars")
    elif len(clean_name) > NAME_MAX:
        problems.add("name", "text_too_long", max=NAME_MAX)
    problems.raise_if_any()
    return clean_code, clean_name


def create_in_session(s: Session, db: Database, actor: Actor | None, code: str, name: str) -> Branch:
    """Insert the branch and its default settings in the caller's unit of work (code and name already checked).

    Refuses a code that exists (``code`` field), also one a concurrent unit committed first.
    """
    if s.scalar(select(Branch.id).where(Branch.code == code)) is not None:
        raise ValidationError([FieldProblem("code", msg("branch_code_taken", value=code))])
    branch = Branch(code=code, name=name)
    try:
        with s.begin_nested():
            s.add(branch)
            s.flush()
    except IntegrityError:  # another unit added the same code between the look-up and the insert
        raise ValidationError([FieldProblem("code", msg("branch_code_taken", value=code))]) from None
    s.add(BranchSettings(branch_id=branch.id, abandon_after_attempts=3, idle_lock_minutes=10,
                         score_weights={}, interests=list(DEFAULT_INTERESTS)))
    # The event belongs to the new branch (its own log shows where it began); the actor is who made it.
    audit.record(s, db, actor, "create", "branch", branch.id, f"code={code}", branch_id=branch.id,
                 staff_no=None if actor else "system")
    return branch


@retrying
def add_branch(db: Database, actor: Actor, *, code: str | None, name: str | None) -> BranchRow:
    """Add a branch (administrator, head office, the command line); nothing is written on bad input."""
    require(actor, Action.BRANCH_MANAGE)
    clean_code, clean_name = check_new_branch(code, name)
    with db.write() as s:
        b = create_in_session(s, db, actor, clean_code, clean_name)
        return BranchRow(b.id, b.code, b.name, 0)


def list_branches(db: Database, actor: Actor) -> list[BranchRow]:
    """Every branch of the installation by code, with its active accounts (no client data)."""
    require(actor, Action.BRANCH_MANAGE)
    staff = (select(Staff.branch_id, func.count().label("n")).where(Staff.active.is_(True))
             .group_by(Staff.branch_id).subquery())
    q = (select(Branch.id, Branch.code, Branch.name, func.coalesce(staff.c.n, 0))
         .outerjoin(staff, staff.c.branch_id == Branch.id).order_by(Branch.code))
    with db.read() as s:
        return [BranchRow(i, c, n, k) for i, c, n, k in s.execute(q)]
