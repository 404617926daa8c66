"""The branch's settings as the settings page edits them: read, validate, save (versioned), audit.

The rules (ranges, the interests list, who may change what) are in docs/settings.md.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import DEFAULT_INTERESTS, Branch, BranchSettings
from services import audit
from services import validation as v
from services.db import Database, retrying
from services.errors import Conflict, NotFound
from services.i18n import msg
from services.permissions import Action, Actor, require
from services.saving import expect_version, save, stale_conflict, stamp

IDLE_MINUTES = (1, 60)
# N unanswered attempts propose abandoning a follow-up. Fewer than 1 would propose it
# before any call; more than 20 is a month of daily calls to a client who never answers
# (docs/settings.md "Abandonment N").
ABANDON_AFTER = (1, 20)
INTEREST_MAX_LEN = 20  # as a referral's interest (services/referrals.py)
INTERESTS_MAX = 30


@dataclass(frozen=True)
class BranchSettingsView:
    """What the settings page shows; ``version`` 0 means the branch never saved its settings."""

    branch_name: str
    idle_lock_minutes: int
    abandon_after_attempts: int
    interests: tuple[str, ...]
    version: int


@dataclass(frozen=True)
class SettingsInput:
    """The page's fields as typed; None leaves a setting as it is."""

    branch_name: str | None = None
    idle_lock_minutes: int | str | None = None
    abandon_after_attempts: int | str | None = None
    interests: Sequence[str] | None = None


def _row(s: Session, branch_id: int) -> BranchSettings | None:
    return s.scalars(select(BranchSettings).where(BranchSettings.branch_id == branch_id)).first()


def _view(branch: Branch, row: BranchSettings | None) -> BranchSettingsView:
    if row is None:
        return BranchSettingsView(branch.name, 10, 3, DEFAULT_INTERESTS, 0)
    return BranchSettingsView(branch.name, row.idle_lock_minutes, row.abandon_after_attempts,
                              tuple(row.interests or DEFAULT_INTERESTS), int(row.version))


def read(db: Database, actor: Actor) -> BranchSettingsView:
    """The actor's branch's settings (administrator, supervisor)."""
    require(actor, Action.SETTINGS_VIEW)
    with db.read() as s:
        branch = s.get(Branch, actor.branch_id)
        if branch is None:
            raise NotFound("branch", actor.branch_id)
        return _view(branch, _row(s, actor.home_branch))


def _whole(problems: v.Problems, field: str, value: int | str, lo: int, hi: int) -> int | None:
    text = str(value).strip()
    if not text.lstrip("-").isdigit() or isinstance(value, bool):
        problems.add(field, "whole_number_range", lo=lo, hi=hi)
        return None
    n = int(text)
    if not lo <= n <= hi:
        problems.add(field, "whole_number_range", lo=lo, hi=hi)
        return None
    return n


def interest_key(text: str) -> str:
    """Two interests are the same when they differ only in width, case or spaces."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def check_interests(problems: v.Problems, items: Sequence[str]) -> list[str] | None:
    """The interests list: each one named, short, once; at least one, at most ``INTERESTS_MAX``."""
    out: list[str] = []
    seen: set[str] = set()
    bad = False
    for item in items:
        text = problems.run(partial(v.clean_text, "interests", item, max_len=INTEREST_MAX_LEN, required=True))
        if text is None:
            bad = True
            continue
        key = interest_key(text)
        if key in seen:
            problems.add("interests", "interest_duplicate", value=text)
            bad = True
            continue
        seen.add(key)
        out.append(text)
    if not items:
        problems.add("interests", "interests_empty")
        bad = True
    elif len(out) > INTERESTS_MAX:
        problems.add("interests", "interests_too_many", max=INTERESTS_MAX)
        bad = True
    return None if bad else out


def check(data: SettingsInput) -> SettingsInput:
    """Every field checked, all problems at once (``ValidationError`` naming each field); nothing is read."""
    problems = v.Problems()
    name = minutes = abandon = interests = None
    if data.branch_name is not None:
        name = problems.run(lambda: v.branch_name("branch_name", data.branch_name))
    if data.idle_lock_minutes is not None:
        minutes = _whole(problems, "idle_lock_minutes", data.idle_lock_minutes, *IDLE_MINUTES)
    if data.abandon_after_attempts is not None:
        abandon = _whole(problems, "abandon_after_attempts", data.abandon_after_attempts, *ABANDON_AFTER)
    if data.interests is not None:
        interests = check_interests(problems, data.interests)
    problems.raise_if_any()
    return SettingsInput(name, minutes, abandon, interests)


def _changes(old: BranchSettingsView, new: BranchSettingsView) -> str:
    """Old → new of each changed setting, for the audit log (settings hold no personal data)."""
    parts = []
    if old.branch_name != new.branch_name:
        parts.append("branch_name changed")
    if old.idle_lock_minutes != new.idle_lock_minutes:
        parts.append(f"idle_lock_minutes {old.idle_lock_minutes}→{new.idle_lock_minutes}")
    if old.abandon_after_attempts != new.abandon_after_attempts:
        parts.append(f"abandon_after_attempts {old.abandon_after_attempts}→{new.abandon_after_attempts}")
    if old.interests != new.interests:
        parts.append(f"interests {'、'.join(old.interests)}→{'、'.join(new.interests)}")
    return "; ".join(parts) or "no change"


@retrying
def update(db: Database, actor: Actor, data: SettingsInput, version: int) -> BranchSettingsView:
    """Save the branch's settings (administrator); ``version`` is what the page showed (0: never saved).

    A concurrent save since the page was loaded is refused naming who saved and when;
    nothing is written then, and the page keeps what was typed.
    """
    require(actor, Action.SETTINGS_MANAGE)
    clean = check(data)
    with db.write() as s:
        branch = s.get(Branch, actor.branch_id)
        if branch is None:
            raise NotFound("branch", actor.branch_id)
        row = _row(s, actor.home_branch)
        old = _view(branch, row)
        if row is None:
            if version:  # the page showed a saved row that is no longer there
                raise Conflict(msg("stale_unknown"))
            row = BranchSettings(branch_id=actor.branch_id, abandon_after_attempts=old.abandon_after_attempts,
                                 idle_lock_minutes=old.idle_lock_minutes, score_weights={},
                                 interests=list(old.interests))
            s.add(row)
            first = True
        else:
            expect_version(db, row, version)
            first = False
        if clean.branch_name is not None:
            branch.name = clean.branch_name
        if clean.idle_lock_minutes is not None:
            row.idle_lock_minutes = int(clean.idle_lock_minutes)
        if clean.abandon_after_attempts is not None:
            row.abandon_after_attempts = int(clean.abandon_after_attempts)
        if clean.interests is not None:
            row.interests = list(clean.interests)
        new = _view(branch, row)
        detail = _changes(old, new)
        if first:
            stamp(db, actor, row)
            try:
                s.flush()
            except IntegrityError:  # another administrator saved the first settings meanwhile
                raise _first_conflict(db, actor) from None
            audit.record(s, db, actor, "update", "branch_settings", row.id, detail)
        else:
            save(s, db, actor, row, "update", detail)
        return _view(branch, row)


def _first_conflict(db: Database, actor: Actor) -> Conflict:
    with db.read() as s:
        key = s.scalar(select(BranchSettings.id).where(BranchSettings.branch_id == actor.branch_id))
    return stale_conflict(db, BranchSettings, key) if key is not None else Conflict(msg("stale_unknown"))
