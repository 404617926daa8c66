"""The monthly assessment (考核) of each RM: marketing, service, process and bonus/malus, from recorded work.

The scheme, each figure's rule and its source are in docs/assessment.md. Every figure
carries the records behind it (``Figure.sources``); a figure whose records do not exist
in this program yet counts zero and says "not yet recorded" (``recorded=False``) — each
such source is one small function below, to be pointed at its service when it exists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import (
    AssessmentInput,
    AssessmentItem,
    AssessmentItemKind,
    AssessmentResult,
    AssessmentWeights,
    Branch,
    Client,
    ContactAttempt,
    ContactPlan,
    FollowUp,
    FollowUpState,
    RmTarget,
    Staff,
    WeeklySummary,
)
from services import audit, reasons
from services import targets as tg
from services import validation as v
from services.db import Database, local_date, local_midnight_utc, retrying
from services.diary import _plans_done
from services.errors import Conflict
from services.i18n import msg
from services.masking import Kind, mask
from services.permissions import Action, Actor, require
from services.saving import expect_version, save, stale_conflict, stamp, when
from services.targets import SourceRow
from services.weekly import due_at

RATING_MAX = 10  # the supervisor's process rating, 0–10
ITEM_MAX = 20  # one bonus/malus item, −20..+20
BONUS_CAP_MAX = 50
TENTH = Decimal("0.1")


# --- the weights --------------------------------------------------------------------------


@dataclass(frozen=True)
class Weights:
    """Marketing + service + process = 100; the bonus/malus items add or take at most ``bonus_cap``."""

    marketing: int = 40
    service: int = 20
    process: int = 40
    bonus_cap: int = 20


DEFAULT_WEIGHTS = Weights()
WEIGHT_FIELDS = ("marketing", "service", "process", "bonus_cap")


@dataclass(frozen=True)
class WeightsView:
    weights: Weights
    version: int  # 0: the defaults, never saved


def _weights_of(row: AssessmentWeights | None) -> Weights:
    if row is None:
        return DEFAULT_WEIGHTS
    return Weights(row.marketing, row.service, row.process, row.bonus_cap)


def weights_for(s: Session, branch_id: int) -> Weights:
    return _weights_of(s.scalar(select(AssessmentWeights).where(AssessmentWeights.branch_id == branch_id)))


def weights(db: Database, actor: Actor) -> WeightsView:
    require(actor, Action.ASSESSMENT_VIEW)
    with db.read() as s:
        row = s.scalar(select(AssessmentWeights).where(AssessmentWeights.branch_id == actor.branch_id))
        return WeightsView(_weights_of(row), row.version if row is not None else 0)


def _whole(p: v.Problems, fld: str, value: object, lo: int, hi: int) -> int | None:
    text = str(value).strip() if value is not None else ""
    if not text:
        p.add(fld, "required")
        return None
    try:
        number = int(text)
    except ValueError:
        number = lo - 1
    if not lo <= number <= hi:
        p.add(fld, "whole_number_range", lo=lo, hi=hi)
        return None
    return number


def check_weights(data: Mapping[str, object]) -> Weights:
    """Whole numbers 0–100 summing to 100 (problem field ``weights``), the cap 0–50; else ``ValidationError``."""
    p = v.Problems()
    parts = {f: _whole(p, f, data.get(f), 0, 100) for f in WEIGHT_FIELDS[:3]}
    cap = _whole(p, "bonus_cap", data.get("bonus_cap"), 0, BONUS_CAP_MAX)
    if all(w is not None for w in parts.values()) and sum(w or 0 for w in parts.values()) != 100:
        p.add("weights", "weights_sum", total=sum(w or 0 for w in parts.values()))
    p.raise_if_any()
    return Weights(parts["marketing"] or 0, parts["service"] or 0, parts["process"] or 0, cap or 0)


@retrying
def set_weights(db: Database, actor: Actor, data: Mapping[str, object], version: int) -> int:
    """Save the branch's scheme (supervisor); ``version`` is what the form showed (0: the defaults)."""
    require(actor, Action.ASSESSMENT_EDIT)
    w = check_weights(data)
    with db.write() as s:
        row = s.scalar(select(AssessmentWeights).where(AssessmentWeights.branch_id == actor.branch_id))
        if row is None:
            if version:
                raise Conflict(msg("stale_unknown"))
            row = AssessmentWeights(branch_id=actor.branch_id, marketing=w.marketing, service=w.service,
                                    process=w.process, bonus_cap=w.bonus_cap)
            stamp(db, actor, row)
            s.add(row)
            try:
                s.flush()
            except IntegrityError:
                raise _weights_conflict(db, actor) from None
            audit.record(s, db, actor, "update", "assessment_weights", row.id, _weights_detail(w))
            return int(row.version)
        expect_version(db, row, version)
        row.marketing, row.service, row.process, row.bonus_cap = w.marketing, w.service, w.process, w.bonus_cap
        return save(s, db, actor, row, "update", _weights_detail(w))


def _weights_detail(w: Weights) -> str:
    return f"marketing={w.marketing} service={w.service} process={w.process} bonus_cap={w.bonus_cap}"


def _weights_conflict(db: Database, actor: Actor) -> Conflict:
    with db.read() as s:
        key = s.scalar(select(AssessmentWeights.id).where(AssessmentWeights.branch_id == actor.branch_id))
    return stale_conflict(db, AssessmentWeights, key) if key is not None else Conflict(msg("stale_unknown"))


# --- the supervisor's entries -----------------------------------------------------------------


def _input_row(s: Session, rm_id: int, month: dt.date) -> AssessmentInput | None:
    return s.scalar(select(AssessmentInput).where(AssessmentInput.rm_id == rm_id, AssessmentInput.month == month))


@retrying
def set_rating(db: Database, actor: Actor, rm_id: int, month: dt.date, rating: object, version: int) -> int:
    """The supervisor's process rating (0–10) of one RM's month; ``version`` as shown (0: none yet)."""
    require(actor, Action.ASSESSMENT_EDIT)
    month = tg.month_start(month)
    p = v.Problems()
    value = _whole(p, "rating", rating, 0, RATING_MAX)
    p.raise_if_any()
    with db.write() as s:
        tg.load_rm(s, actor, rm_id, Action.ASSESSMENT_EDIT)
        row = _input_row(s, rm_id, month)
        if row is None:
            if version:
                raise Conflict(msg("stale_unknown"))
            row = AssessmentInput(branch_id=actor.branch_id, rm_id=rm_id, month=month, process_rating=value)
            stamp(db, actor, row)
            s.add(row)
            try:
                s.flush()
            except IntegrityError:
                raise _input_conflict(db, rm_id, month) from None
            audit.record(s, db, actor, "create", "assessment_input", row.id, f"month={month:%Y-%m} rating={value}")
            return int(row.version)
        expect_version(db, row, version)
        row.process_rating = value
        return save(s, db, actor, row, "update", f"month={month:%Y-%m} rating={value}")


def _input_conflict(db: Database, rm_id: int, month: dt.date) -> Conflict:
    with db.read() as s:
        key = s.scalar(select(AssessmentInput.id).where(AssessmentInput.rm_id == rm_id,
                                                         AssessmentInput.month == month))
    return stale_conflict(db, AssessmentInput, key) if key is not None else Conflict(msg("stale_unknown"))


@retrying
def add_item(db: Database, actor: Actor, rm_id: int, month: dt.date, points: object, kind: object,
             reason: str | None) -> int:
    """A bonus/malus item (supervisor): −20..+20 points, not 0, with a reason (kept in ``reason_text``)."""
    require(actor, Action.ASSESSMENT_EDIT)
    month = tg.month_start(month)
    p = v.Problems()
    text = str(points).strip() if points is not None else ""
    try:
        value: int | None = int(text)
    except ValueError:
        value = None
    if value is None or value == 0 or not -ITEM_MAX <= value <= ITEM_MAX:
        p.add("points", "points_range", cap=ITEM_MAX)
    item_kind = p.run(lambda: v.choice("kind", kind, AssessmentItemKind))
    why = p.run(lambda: v.reason("reason", reason))
    p.raise_if_any()
    with db.write() as s:
        tg.load_rm(s, actor, rm_id, Action.ASSESSMENT_EDIT)
        reason_id = reasons.keep(s, db, actor, why or "")
        row = AssessmentItem(branch_id=actor.branch_id, rm_id=rm_id, month=month, points=value or 0,
                             kind=item_kind or AssessmentItemKind.OTHER, reason_id=reason_id,
                             entered_by_id=actor.staff_id or 0, entered_at=db.now())
        s.add(row)
        s.flush()
        audit.record(s, db, actor, "create", "assessment_item", row.id,
                     f"month={month:%Y-%m} points={value} kind={row.kind.value}", reason_id=reason_id)
        return row.id


# --- the figures --------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One line of the sheet: its points out of ``max_points``, the value shown, and the records behind it."""

    part: str  # marketing, service, process, bonus
    key: str
    label: str
    points: Decimal
    max_points: Decimal
    value: str
    recorded: bool  # False: its records do not exist in this program yet; counts zero
    note: str
    sources: tuple[SourceRow, ...]


@dataclass(frozen=True)
class ItemRow:
    id: int
    points: int
    kind: AssessmentItemKind
    reason: str | None  # None: the viewer may not read it (docs/audit.md "Reasons")
    entered_at: dt.datetime


@dataclass(frozen=True)
class RmAssessment:
    rm_id: int
    staff_no: str
    rm_name: str
    month: dt.date
    weights: Weights
    figures: tuple[Figure, ...]
    rating: int | None
    rating_version: int  # 0: not rated yet
    items: tuple[ItemRow, ...]

    def part(self, name: str) -> Decimal:
        return sum((f.points for f in self.figures if f.part == name), Decimal(0))

    @property
    def marketing(self) -> Decimal:
        return self.part("marketing")

    @property
    def service(self) -> Decimal:
        return self.part("service")

    @property
    def process(self) -> Decimal:
        return self.part("process")

    @property
    def bonus(self) -> Decimal:
        return self.part("bonus")

    @property
    def total(self) -> Decimal:
        return self.marketing + self.service + self.process + self.bonus

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)


def _pts(share: Decimal, ratio: Decimal) -> Decimal:
    return (share * ratio).quantize(TENTH, ROUND_HALF_UP)


def _share(weight: int, n: int) -> Decimal:
    return (Decimal(weight) / n).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class _Period:
    branch_id: int
    rm_id: int
    month: dt.date
    asof: dt.date  # the month's last day, or today while the month runs
    now: dt.datetime


def _marketing(s: Session, per: _Period, w: Weights) -> list[Figure]:
    target = s.scalar(select(RmTarget).where(RmTarget.rm_id == per.rm_id, RmTarget.month == per.month))
    actual, sources = tg.actual_of(s, per.branch_id, per.rm_id, per.month)
    share = _share(w.marketing, len(tg.FIGURES))
    out = []
    for key in tg.FIGURES:
        got = actual.get(key)
        if target is None:
            out.append(Figure("marketing", key, tg.label(key), Decimal(0), share, f"{got}", True,
                              msg("assess_no_target"), sources[key]))
            continue
        goal = Decimal(getattr(target, key))
        ratio = Decimal(1) if goal <= 0 else min(Decimal(1), max(Decimal(0), Decimal(got) / goal))
        out.append(Figure("marketing", key, tg.label(key), _pts(share, ratio), share, f"{got} / {goal}", True, "",
                          sources[key]))
    return out


# The service part's sources: the maintenance plans (docs/maintenance.md) and the complaints
# (docs/complaints.md), one function each.

def maintenance_plan_source(s: Session, per: _Period, part: str, share: Decimal) -> Figure:
    """Maintenance plan kept: of the calls and visits the branch's plans ask of the RM's clients
    (docs/maintenance.md), the share not overdue on ``asof`` (docs/assessment.md "Maintenance")."""
    from services.maintenance import PLANNED_TIERS, Due, plans_for
    from services.maintenance import _due_keys as due_keys

    plan = plans_for(s, per.branch_id)
    kinds = {t.value: sum(1 for w in Due if plan[t][w] is not None) for t in PLANNED_TIERS}
    tiers = [t for t, n in kinds.items() if n]
    planned = sum(kinds[str(t)] for t in s.scalars(select(Client.tier).where(
        Client.rm_id == per.rm_id, Client.branch_id == per.branch_id, Client.tier.in_(tiers)))) if tiers else 0
    key = f"{part}_maintenance_plan"
    if not planned:
        return Figure(part, key, msg(f"fig_{key}"), Decimal(0), share, "0 / 0", True, msg("assess_no_planned"), ())
    overdue = [d for d in due_keys(s, per.rm_id, per.branch_id, per.asof, 1) if d[0] < per.asof]
    names = dict(s.execute(select(Client.id, Client.name).where(Client.id.in_({d[2] for d in overdue}))).all())
    sources = tuple(SourceRow("client", cid, due_date, mask(names.get(cid), Kind.NAME), msg(f"src_overdue_{what}"))
                    for due_date, _rank, cid, what, _last in overdue)
    kept = planned - len(overdue)
    return Figure(part, key, msg(f"fig_{key}"), _pts(share, Decimal(kept) / planned), share, f"{kept} / {planned}",
                  True, "", sources)


def complaints_source(s: Session, per: _Period, part: str, share: Decimal) -> Figure:
    """Complaints: the justified complaints from the RM's clients received in the month (docs/assessment.md
    "Complaints"). None keeps the full share; each takes away half of it, down to zero."""
    from models import Complaint

    rows = list(s.execute(
        select(Complaint.id, Complaint.received_on, Client.name)
        .join(Client, Client.id == Complaint.client_id)
        .where(Complaint.branch_id == per.branch_id, Client.rm_id == per.rm_id, Complaint.justified.is_(True),
               Complaint.received_on >= per.month, Complaint.received_on <= per.asof)
        .order_by(Complaint.received_on, Complaint.id)))
    key = f"{part}_complaints"
    sources = tuple(SourceRow("complaint", cid, day, mask(name, Kind.NAME), msg("src_justified_complaint"))
                    for cid, day, name in rows)
    ratio = max(Decimal(0), 1 - Decimal(len(rows)) / 2)
    return Figure(part, key, msg(f"fig_{key}"), _pts(share, ratio), share, str(len(rows)), True, "", sources)


def _service(s: Session, per: _Period, w: Weights) -> list[Figure]:
    share = _share(w.service, 2)
    return [maintenance_plan_source(s, per, "service", share), complaints_source(s, per, "service", share)]


def diary_source(s: Session, per: _Period, share: Decimal) -> Figure:
    """Diary kept: the visit and call plans of the month (up to ``asof``) that were done."""
    plans = list(s.scalars(select(ContactPlan).where(
        ContactPlan.rm_id == per.rm_id, ContactPlan.branch_id == per.branch_id, ContactPlan.proposed.is_(False),
        ContactPlan.planned_date >= per.month, ContactPlan.planned_date <= per.asof)
        .order_by(ContactPlan.planned_date, ContactPlan.id)))
    key = "process_diary"
    if not plans:
        return Figure("process", key, msg(f"fig_{key}"), Decimal(0), share, "0 / 0", True, msg("assess_no_plan"), ())
    done = _plans_done(s, per.rm_id, plans)
    names = dict(s.execute(select(Client.id, Client.name)
                           .where(Client.id.in_({p.client_id for p in plans}))).all())
    rows = tuple(SourceRow("contact_plan", p.id, p.planned_date, mask(names.get(p.client_id), Kind.NAME),
                           msg("src_done" if p.id in done else "src_not_done")) for p in plans)
    ratio = Decimal(len(done)) / len(plans)
    return Figure("process", key, msg(f"fig_{key}"), _pts(share, ratio), share, f"{len(done)} / {len(plans)}", True,
                  "", rows)


def follow_up_source(s: Session, per: _Period, share: Decimal) -> Figure:
    """Follow-ups on time: 1 − overdue / worked, where overdue are the RM's follow-ups still open whose
    contact date fell in the month before ``asof``, and worked are those plus the ones contacted in the month."""
    key = "process_follow_ups"
    overdue = s.execute(
        select(FollowUp.id, FollowUp.next_contact_date, Client.name).join(Client, Client.id == FollowUp.client_id)
        .where(FollowUp.branch_id == per.branch_id, FollowUp.rm_id == per.rm_id,
               FollowUp.state.in_((FollowUpState.OPEN, FollowUpState.APPOINTED)),
               FollowUp.next_contact_date >= per.month, FollowUp.next_contact_date < per.asof)
        .order_by(FollowUp.next_contact_date, FollowUp.id)).all()
    t0 = local_midnight_utc(per.month)
    t1 = local_midnight_utc(per.asof + dt.timedelta(days=1))
    contacted = set(s.scalars(
        select(ContactAttempt.follow_up_id).join(FollowUp, FollowUp.id == ContactAttempt.follow_up_id)
        .where(FollowUp.branch_id == per.branch_id, ContactAttempt.staff_id == per.rm_id,
               ContactAttempt.at >= t0, ContactAttempt.at < t1).distinct()))
    late = {i for i, _, _ in overdue}
    worked = len(contacted | late)
    rows = tuple(SourceRow("follow_up", i, due, mask(name, Kind.NAME), msg("src_overdue"))
                 for i, due, name in overdue if due)
    value = f"{len(late)} / {worked}"
    if worked == 0:
        return Figure("process", key, msg(f"fig_{key}"), share, share, value, True, msg("assess_nothing_due"), rows)
    ratio = Decimal(1) - Decimal(len(late)) / worked
    return Figure("process", key, msg(f"fig_{key}"), _pts(share, ratio), share, value, True, "", rows)


def weekly_source(s: Session, per: _Period, share: Decimal) -> Figure:
    """Weekly summaries on time: the weeks whose Friday falls in the month and is past, submitted on time."""
    key = "process_weekly"
    mondays = []
    day = per.month - dt.timedelta(days=per.month.weekday())
    while day <= per.asof:
        friday = day + dt.timedelta(days=4)
        if per.month <= friday <= tg.month_end(per.month) and due_at(day) < per.now:
            mondays.append(day)
        day += dt.timedelta(days=7)
    if not mondays:
        return Figure("process", key, msg(f"fig_{key}"), share, share, "0 / 0", True, msg("assess_nothing_due"), ())
    rows = {r.week_start: r for r in s.scalars(select(WeeklySummary).where(
        WeeklySummary.rm_id == per.rm_id, WeeklySummary.week_start.in_(mondays)))}
    sources = []
    on_time = 0
    for monday in mondays:
        row = rows.get(monday)
        if row is None:
            sources.append(SourceRow("weekly_summary", 0, monday, "", msg("src_missing")))
            continue
        on_time += 0 if row.late else 1
        sources.append(SourceRow("weekly_summary", row.id, monday, "", msg("src_late" if row.late else "src_on_time")))
    ratio = Decimal(on_time) / len(mondays)
    return Figure("process", key, msg(f"fig_{key}"), _pts(share, ratio), share, f"{on_time} / {len(mondays)}", True,
                  "", tuple(sources))


def rating_source(s: Session, per: _Period, share: Decimal, row: AssessmentInput | None) -> Figure:
    key = "process_rating"
    rating = row.process_rating if row is not None else None
    if rating is None:
        return Figure("process", key, msg(f"fig_{key}"), Decimal(0), share, "—", True, msg("assess_not_rated"), ())
    src = (SourceRow("assessment_input", row.id, per.month, "", f"{rating}/{RATING_MAX}"),) if row else ()
    return Figure("process", key, msg(f"fig_{key}"), _pts(share, Decimal(rating) / RATING_MAX), share,
                  f"{rating} / {RATING_MAX}", True, "", src)


def _process(s: Session, per: _Period, w: Weights, row: AssessmentInput | None) -> list[Figure]:
    share = _share(w.process, 5)
    return [diary_source(s, per, share), follow_up_source(s, per, share),
            maintenance_plan_source(s, per, "process", share), weekly_source(s, per, share),
            rating_source(s, per, share, row)]


def _bonus(items: list[AssessmentItem], w: Weights) -> Figure:
    raw = sum(i.points for i in items)
    capped = max(-w.bonus_cap, min(w.bonus_cap, raw))
    rows = tuple(SourceRow("assessment_item", i.id, local_date(i.entered_at), "",
                           f"{i.points:+d} {msg('item_' + i.kind.value)}") for i in items)
    return Figure("bonus", "bonus", msg("fig_bonus"), Decimal(capped), Decimal(w.bonus_cap), f"{raw:+d}", True, "",
                  rows)


def _assess(s: Session, actor: Actor, staff: Staff, month: dt.date, w: Weights, now: dt.datetime,
            today: dt.date) -> RmAssessment:
    asof = min(tg.month_end(month), today)
    per = _Period(actor.home_branch, staff.id, month, asof, now)
    row = _input_row(s, staff.id, month)
    items = list(s.scalars(select(AssessmentItem).where(AssessmentItem.rm_id == staff.id,
                                                        AssessmentItem.month == month).order_by(AssessmentItem.id)))
    texts = reasons.texts(s, actor, (i.reason_id for i in items))
    figures = (*_marketing(s, per, w), *_service(s, per, w), *_process(s, per, w, row), _bonus(items, w))
    return RmAssessment(
        staff.id, staff.staff_no, staff.name, month, w, figures,
        row.process_rating if row is not None else None, row.version if row is not None else 0,
        tuple(ItemRow(i.id, i.points, i.kind, texts.get(i.reason_id), i.entered_at) for i in items),
    )


def assess(db: Database, actor: Actor, month: dt.date, rm_id: int | None = None) -> list[RmAssessment]:
    """The month's assessment: an RM their own, the supervisor every active RM of the branch (or one)."""
    month = tg.month_start(month)
    with db.read() as s:
        w = weights_for(s, actor.home_branch)
        return [_assess(s, actor, staff, month, w, db.now(), db.today())
                for staff in tg.rms_for(s, actor, Action.ASSESSMENT_VIEW, rm_id)]


# --- the sheet (PDF / .xlsx) -----------------------------------------------------------------


@dataclass(frozen=True)
class AssessmentSheet:
    branch_name: str
    branch_code: str
    month: dt.date
    weights: Weights
    rows: tuple[RmAssessment, ...]
    generated_by: str
    generated_by_no: str
    generated_at: dt.datetime


def sheet(db: Database, actor: Actor, month: dt.date) -> AssessmentSheet:
    """What the printed sheet shows: the month's assessment of every RM the actor may see."""
    rows = assess(db, actor, month)
    with db.read() as s:
        branch = s.get(Branch, actor.branch_id)
        name, code = (branch.name, branch.code) if branch is not None else ("", "")
        w = weights_for(s, actor.home_branch)
    return AssessmentSheet(name, code, tg.month_start(month), w, tuple(rows), actor.name, actor.staff_no, db.now())


def export(db: Database, actor: Actor, month: dt.date, out: Path) -> Path:
    """Write the month's assessment sheet to ``out`` (.pdf or .xlsx, by its suffix), atomically; audited."""
    from services.reports import assessment_sheet as R
    from services.reports import write_atomically

    require(actor, Action.ASSESSMENT_VIEW)
    out = Path(out).expanduser().absolute()
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise v.fail("out", "assess_out_suffix")
    if not out.parent.is_dir():
        raise v.fail("out", "weekly_out_dir", dir=out.parent)
    data = sheet(db, actor, month)
    render = R.render_pdf if suffix == ".pdf" else R.render_xlsx
    write_atomically(out, lambda fh: render(data, fh))
    with db.write() as s:
        audit.record(s, db, actor, "export", "assessment", None,
                     f"month={data.month:%Y-%m} format={suffix[1:]} rows={len(data.rows)}")
    return out


# --- submitting to the head office (docs/assessment.md "Submitting to the head office") ----------


@dataclass(frozen=True)
class SubmittedRow:
    """One RM's month as submitted: the parts' points and the rating (staff figures only)."""

    rm_id: int
    staff_no: str
    rm_name: str
    marketing: Decimal
    service: Decimal
    process: Decimal
    bonus: Decimal
    total: Decimal
    rating: int | None


@dataclass(frozen=True)
class Submission:
    """A branch's month as its supervisor last submitted it: when, by whom, which submission (``version``)."""

    month: dt.date
    version: int
    submitted_at: dt.datetime
    submitted_by_no: str
    submitted_by: str
    rows: tuple[SubmittedRow, ...]

    def differs_from(self, current: list[RmAssessment]) -> bool:
        """Whether the figures computed now differ from those submitted: another RM, or any part's points."""
        now = {a.rm_id: (a.marketing, a.service, a.process, a.bonus, a.total, a.rating) for a in current}
        then = {r.rm_id: (r.marketing, r.service, r.process, r.bonus, r.total, r.rating) for r in self.rows}
        return now != then


def _submitted_rows(s: Session, branch_id: int, month: dt.date) -> list[tuple[AssessmentResult, str, str]]:
    return [(row, no, name) for row, no, name in s.execute(
        select(AssessmentResult, Staff.staff_no, Staff.name).join(Staff, Staff.id == AssessmentResult.rm_id)
        .where(AssessmentResult.branch_id == branch_id, AssessmentResult.month == month)
        .order_by(Staff.staff_no, AssessmentResult.id))]


def submission_of(s: Session, branch_id: int, month: dt.date) -> Submission | None:
    """The branch's submitted month, read in ``s``; None when it was never submitted. No permission
    check here: the callers (``submission``, services.headoffice) check theirs."""
    found = _submitted_rows(s, branch_id, month)
    if not found:
        return None
    first = found[0][0]
    by = s.execute(select(Staff.staff_no, Staff.name).where(Staff.id == first.submitted_by_id)).one()
    return Submission(month, first.version, first.submitted_at, by[0], by[1], tuple(
        SubmittedRow(r.rm_id, no, name, r.marketing, r.service, r.process, r.bonus, r.total, r.rating)
        for r, no, name in found))


def submission(db: Database, actor: Actor, month: dt.date) -> Submission | None:
    """The branch's month as last submitted to the head office (supervisor), or None."""
    require(actor, Action.ASSESSMENT_SUBMIT)
    with db.read() as s:
        return submission_of(s, actor.home_branch, tg.month_start(month))


@retrying
def submit(db: Database, actor: Actor, month: dt.date, version: int) -> Submission:
    """Report the month's assessment of every RM of the branch to the head office (supervisor).

    The points are ``assess``'s, computed now; the month's rows of the branch are replaced in
    one unit of work. ``version`` is the submission the page showed (0: none): a submission
    made meanwhile by someone else is refused naming who and when. A month not yet begun, or
    one without an RM to assess, is refused and nothing is written.
    """
    require(actor, Action.ASSESSMENT_SUBMIT)
    month = tg.month_start(month)
    if month > tg.month_start(db.today()):
        raise v.fail("month", "assess_submit_future")
    rows = assess(db, actor, month)
    if not rows:
        raise v.fail("month", "assess_submit_no_rms")
    branch = actor.home_branch
    with db.write() as s:
        old = list(s.scalars(select(AssessmentResult).where(AssessmentResult.branch_id == branch,
                                                            AssessmentResult.month == month)))
        current = old[0].version if old else 0
        if current != version:
            raise _submitted_conflict(s, old[0]) if old else Conflict(msg("stale_unknown"))
        if old:
            # Only the rows this submission replaces: a concurrent one already deleted them, or added more.
            gone = s.execute(delete(AssessmentResult).where(
                AssessmentResult.branch_id == branch, AssessmentResult.month == month,
                AssessmentResult.version == version).execution_options(synchronize_session=False))
            if gone.rowcount != len(old):  # type: ignore[attr-defined]
                raise _later_submission(db, branch, month)
            for row in old:  # gone from the database: their ids may come back (SQLite)
                s.expunge(row)
        now = db.now()
        s.add_all([AssessmentResult(
            branch_id=branch, month=month, rm_id=a.rm_id, marketing=a.marketing, service=a.service,
            process=a.process, bonus=a.bonus, total=a.total, rating=a.rating, submitted_at=now,
            submitted_by_id=actor.staff_id or 0, version=version + 1) for a in rows])
        try:
            s.flush()
        except IntegrityError:  # a first submission made at the same moment
            raise _later_submission(db, branch, month) from None
        audit.record(s, db, actor, "submit", "assessment_result", None,
                     f"month={month:%Y-%m} rows={len(rows)} version={version + 1}")
        done = submission_of(s, branch, month)
        assert done is not None
        return done


def _submitted_conflict(s: Session, row: AssessmentResult) -> Conflict:
    by = s.execute(select(Staff.staff_no, Staff.name).where(Staff.id == row.submitted_by_id)).one()
    return Conflict(msg("assess_submitted_by", by=f"{by[1]}（{by[0]}）", at=when(row.submitted_at)),
                    by=by[0], at=row.submitted_at)


def _later_submission(db: Database, branch_id: int, month: dt.date) -> Conflict:
    """The refusal when another submission won the race: read in a unit of its own (ours failed)."""
    with db.read() as s:
        row = s.scalars(select(AssessmentResult).where(AssessmentResult.branch_id == branch_id,
                                                       AssessmentResult.month == month).limit(1)).first()
        return _submitted_conflict(s, row) if row is not None else Conflict(msg("stale_unknown"))
