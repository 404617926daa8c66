"""The head office's figures of every branch: the branch ranking, the per-branch monthly figures and
the monthly assessment as each branch submitted it (docs/head-office.md "The monthly assessment figures").

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
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from sqlalchemy import and_, func, or_, select

from models import AssessmentResult, Branch, FollowUp, FollowUpState, Referral, ReferralStatus, Staff
from services import audit
from services import validation as v
from services.accounts import BranchInfo
from services.assessment import TENTH, Submission, submission_of
from services.db import Database
from services.errors import FieldProblem, NotFound, ValidationError
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

    These are the monthly sheet's per-branch subtotals; the assessment as each branch
    submitted it is ``assessment_by_branch`` below.
    """
    require(actor, Action.HEAD_OFFICE_VIEW)
    return build_sheet(db, actor, "monthly", month_of(month)[0], all_branches=True).branches




# --- the monthly assessment of every branch (docs/head-office.md "The monthly assessment figures") ---


@dataclass(frozen=True)
class BranchAssessment:
    """One branch's month as its supervisor submitted it; ``submitted_at`` None: not submitted (no figures)."""

    branch: BranchInfo
    submitted_at: dt.datetime | None
    submitted_by_no: str | None
    submitted_by: str | None
    rms: int  # RMs assessed; 0 when not submitted
    average: Decimal | None  # of the RMs' totals, one decimal
    highest: Decimal | None
    lowest: Decimal | None
    marketing: Decimal | None  # the average of each part
    service: Decimal | None
    process: Decimal | None
    bonus: Decimal | None

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None


def _avg(total: object, n: int) -> Decimal:
    return (Decimal(str(total)) / n).quantize(TENTH, ROUND_HALF_UP)


def _one(value: object) -> Decimal:
    return Decimal(str(value)).quantize(TENTH, ROUND_HALF_UP)


def assessment_by_branch(db: Database, actor: Actor, month: dt.date) -> list[BranchAssessment]:
    """Every branch's monthly assessment as submitted, by branch code; a branch that has not
    submitted the month is listed as such (no figures), never left out or shown as zeros.

    Reads ``assessment_result``, ``staff`` and ``branch`` only: grouped in the database, one row a branch.
    """
    require(actor, Action.HEAD_OFFICE_VIEW)
    month = month_of(month)[0]
    r = AssessmentResult
    parts = (
        select(r.branch_id, func.count(), func.sum(r.total), func.max(r.total), func.min(r.total),
               func.sum(r.marketing), func.sum(r.service), func.sum(r.process), func.sum(r.bonus),
               func.max(r.submitted_at), func.max(r.submitted_by_id))
        .where(r.month == month).group_by(r.branch_id)
    )
    with db.read() as s:
        if db.dialect == "postgresql":
            s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        branches = [BranchInfo(bid, code, name) for bid, code, name in
                    s.execute(select(Branch.id, Branch.code, Branch.name).order_by(Branch.code))]
        found = {int(row[0]): row[1:] for row in s.execute(parts)}
        who = dict(((sid, (no, name)) for sid, no, name in s.execute(
            select(Staff.id, Staff.staff_no, Staff.name).where(Staff.id.in_({int(v[9]) for v in found.values()})))))
    out = []
    for b in branches:
        got = found.get(b.id)
        if got is None:
            out.append(BranchAssessment(b, None, None, None, 0, *([None] * 7)))
            continue
        n, total, high, low, mk, sv, pr, bo, at, by = got
        no, name = who.get(by, (None, None))
        out.append(BranchAssessment(b, at, no, name, int(n), _avg(total, n), _one(high), _one(low),
                                    _avg(mk, n), _avg(sv, n), _avg(pr, n), _avg(bo, n)))
    return out


def assessment_of_branch(db: Database, actor: Actor, branch_id: int, month: dt.date) -> Submission | None:
    """One branch's month as submitted: each RM's points (staff names are staff data); None: not submitted."""
    require(actor, Action.HEAD_OFFICE_VIEW)
    with db.read() as s:
        if s.get(Branch, branch_id) is None:
            raise NotFound("branch", branch_id)
        return submission_of(s, branch_id, month_of(month)[0])


def export_assessment(db: Database, actor: Actor, month: dt.date, out: Path) -> Path:
    """Write every branch's submitted month (``assessment_by_branch``) to ``out`` (.pdf or .xlsx, by its
    suffix), atomically; audited (docs/head-office.md "The monthly assessment figures")."""
    from services.reports import branch_assessment as R
    from services.reports import write_atomically

    require(actor, Action.HEAD_OFFICE_VIEW)
    out = Path(out).expanduser().absolute()
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise v.fail("out", "assess_out_suffix")
    if not out.parent.is_dir():
        raise v.fail("out", "weekly_out_dir", dir=out.parent)
    month = month_of(month)[0]
    data = R.BranchAssessmentSheet(month, tuple(assessment_by_branch(db, actor, month)), actor.name, actor.staff_no,
                                   db.now())
    render = R.render_pdf if suffix == ".pdf" else R.render_xlsx
    write_atomically(out, lambda fh: render(data, fh))
    with db.write() as s:
        audit.record(s, db, actor, "export", "assessment_result", None,
                     f"month={month:%Y-%m} format={suffix[1:]} rows={len(data.lines)}")
    return out


__all__ = ["MAX_RANKING_DAYS", "BranchAssessment", "BranchRank", "assessment_by_branch", "assessment_of_branch",
           "branch_month_figures", "branch_ranking", "export_assessment"]
