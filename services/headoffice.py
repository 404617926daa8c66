"""The head office's figures of every branch: the branch ranking and the per-branch monthly figures.

The head office sees aggregates and never a client (docs/head-office.md). On
PostgreSQL its sessions run in a scope where the personal-data tables
(``client``, ``financial_snapshot``, ``reason_text``, …) return no rows, so every
figure here is computed from ``referral``, ``follow_up``, ``staff`` and
``branch`` only, grouped in the database: one row per branch comes back.

Definitions (the same as the sheets', services/stats.py):

referrals
    the branch's referrals of the period (by business date) that are not voided;
converted
    of those, a pending referral whose follow-up ended ``converted``, or a
    referred one whose meeting ended in a deal (each referral counts once);
conversion rate
    converted / referrals (none when there were no referrals);
overdue
    open or appointed follow-ups held by the branch's RMs whose next contact
    date is before the period's last day (before today while the period runs),
    as the queue shows them now.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select

from models import Branch, FollowUp, FollowUpState, Referral, ReferralStatus, Staff
from services.accounts import BranchInfo
from services.db import Database
from services.errors import FieldProblem, ValidationError
from services.i18n import msg
from services.permissions import Action, Actor, require
from services.stats import BranchLine, _count_if, build_sheet, month_of

# A ranking spans at most a year: the head office compares months and quarters, not decades.
MAX_RANKING_DAYS = 366


@dataclass(frozen=True)
class BranchRank:
    """One branch's line in the ranking."""

    branch: BranchInfo
    referrals: int
    converted: int
    overdue: int

    @property
    def conversion_rate(self) -> float | None:
        """Converted referrals per referral, 0–1; None for a branch without referrals."""
        return self.converted / self.referrals if self.referrals else None


def branch_ranking(db: Database, actor: Actor, start: dt.date, end: dt.date) -> list[BranchRank]:
    """Every branch's referrals, conversions and overdue follow-ups for ``start``..``end``, by branch code.

    The page sorts; every branch is listed, with zeros where it had nothing.
    """
    require(actor, Action.HEAD_OFFICE_VIEW)
    if end < start or (end - start).days >= MAX_RANKING_DAYS:
        raise ValidationError([FieldProblem("end", msg("head_office_period"))])
    overdue_before = min(end, db.today())
    live = Referral.voided_at.is_(None)
    converted = or_(
        FollowUp.state == FollowUpState.CONVERTED,
        and_(Referral.status == ReferralStatus.REFERRED, Referral.deal.is_(True)),
    )
    referral_q = (
        select(Referral.branch_id, _count_if(live), _count_if(and_(live, converted)))
        .outerjoin(FollowUp, FollowUp.referral_id == Referral.id)
        .where(Referral.business_date >= start, Referral.business_date <= end)
        .group_by(Referral.branch_id)
    )
    # Through the RMs, as the sheets count it: the queue index (rm, state, next contact date) holds these rows.
    overdue_q = (
        select(Staff.branch_id, func.count())
        .select_from(FollowUp)
        .join(Staff, Staff.id == FollowUp.rm_id)
        .where(FollowUp.state.in_([FollowUpState.OPEN, FollowUpState.APPOINTED]),
               FollowUp.next_contact_date < overdue_before)
        .group_by(Staff.branch_id)
    )
    with db.read() as s:
        if db.dialect == "postgresql":
            s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        branches = [BranchInfo(bid, code, name) for bid, code, name in
                    s.execute(select(Branch.id, Branch.code, Branch.name).order_by(Branch.code))]
        referrals = {int(bid): (int(n or 0), int(c or 0)) for bid, n, c in s.execute(referral_q)}
        overdue = {int(bid): int(n) for bid, n in s.execute(overdue_q) if bid is not None}
    return [BranchRank(b, *referrals.get(b.id, (0, 0)), overdue.get(b.id, 0)) for b in branches]


def branch_month_figures(db: Database, actor: Actor, month: dt.date) -> tuple[BranchLine, ...]:
    """The monthly figures of every branch (this month beside the previous one), for the head office.

    The one hook for the monthly assessment: today these are the monthly sheet's
    per-branch subtotals; when the per-RM assessment (services/assessment.py) is
    merged, its per-branch roll-up belongs here and the page shows it unchanged.
    """
    require(actor, Action.HEAD_OFFICE_VIEW)
    return build_sheet(db, actor, "monthly", month_of(month)[0], all_branches=True).branches


__all__ = ["MAX_RANKING_DAYS", "BranchRank", "branch_month_figures", "branch_ranking"]
