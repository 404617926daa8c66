"""The comprehensive score (综合评价) and the tier it gives: factors, bands, ratings, history, recompute.

The rules, their defaults and the rounding are in docs/scoring.md; the product rule is
docs/product.md "Clients: score and tier". One pure function (``breakdown``) turns a
client's latest snapshot and ratings into factor points, a score and a tier; every
write path here (a snapshot, the ratings, the settings, the branch recompute, the
import) and other services' (``rescore``) go through it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import BigInteger, Table, bindparam, func, insert, select, update
from sqlalchemy import cast as sql_cast
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from models import Client, FinancialSnapshot, ScoreSettings, Staff, Tier, TierCause, TierChange
from services import audit
from services import validation as v
from services.clients import can_see_full
from services.db import Database, retrying
from services.errors import Conflict, NotFound, PermissionDenied
from services.i18n import msg
from services.permissions import Action, Actor, require
from services.saving import expect_version, save, stale_conflict, stamp

log = logging.getLogger("lobbydesk.scoring")

# --- the rules ---------------------------------------------------------------------------

DEPOSITS, WEALTH, LOANS, FAMILY, OCCUPATION, SOCIAL = (
    "deposits", "wealth", "loans", "family", "occupation", "social")
FACTORS: tuple[str, ...] = (DEPOSITS, WEALTH, LOANS, FAMILY, OCCUPATION, SOCIAL)
FINANCIAL_FACTORS: tuple[str, ...] = (DEPOSITS, WEALTH, LOANS)
RATING_FACTORS: tuple[str, ...] = (FAMILY, OCCUPATION, SOCIAL)
RATING_MAX = 5
POINTS_PER_RATING = 100 // RATING_MAX  # a rating of 0–5 scores 0–100 in steps of 20

DEFAULT_WEIGHTS: Mapping[str, int] = {DEPOSITS: 25, WEALTH: 25, LOANS: 10, FAMILY: 10, OCCUPATION: 15, SOCIAL: 15}

Band = tuple[Decimal, int]  # from this many yuan (inclusive) the factor scores this many points


def _bands(*pairs: tuple[int, int]) -> tuple[Band, ...]:
    return tuple((Decimal(frm), pts) for frm, pts in pairs)


# docs/scoring.md "Amount bands": an amount scores the points of the highest band it reaches.
DEFAULT_BANDS: Mapping[str, tuple[Band, ...]] = {
    DEPOSITS: _bands((0, 0), (10_000, 20), (50_000, 40), (200_000, 60), (500_000, 80), (1_000_000, 100)),
    WEALTH: _bands((0, 0), (10_000, 20), (50_000, 40), (200_000, 60), (500_000, 80), (1_000_000, 100)),
    LOANS: _bands((0, 0), (50_000, 20), (200_000, 40), (500_000, 60), (1_000_000, 80), (2_000_000, 100)),
}
MAX_BANDS = 10
AMOUNT_LIMIT = Decimal("1e16")


@dataclass(frozen=True)
class Rules:
    """A branch's scoring settings (docs/scoring.md "Settings")."""

    weights: Mapping[str, int]
    bands: Mapping[str, tuple[Band, ...]]
    core_premium_min: int = 80
    ordinary_premium_min: int = 60
    potential_min: int = 40
    to_win_elsewhere_min: Decimal = Decimal("500000")


DEFAULT_RULES = Rules(DEFAULT_WEIGHTS, DEFAULT_BANDS)


@dataclass(frozen=True)
class Inputs:
    """What the score is computed from: the latest snapshot's amounts and the RM's ratings."""

    deposits: Decimal = Decimal(0)
    wealth: Decimal = Decimal(0)  # wealth products + funds + insurance + intermediary business
    loans: Decimal = Decimal(0)
    assets_elsewhere: Decimal = Decimal(0)
    family: int | None = None
    occupation: int | None = None
    social: int | None = None

    def value(self, factor: str) -> Decimal | int | None:
        return getattr(self, factor)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class FactorLine:
    """One row of the breakdown: the factor, its value (yuan or a 0–5 rating), and the points it adds."""

    factor: str
    value: Decimal | int | None
    factor_points: int  # 0–100, before weighting
    weight: int
    points: int  # what the factor adds to the score; the lines' points sum to the score


@dataclass(frozen=True)
class Breakdown:
    lines: tuple[FactorLine, ...]
    score: int
    tier: Tier


def band_points(amount: Decimal, bands: Sequence[Band]) -> int:
    points = 0
    for frm, pts in bands:
        if amount >= frm:
            points = pts
        else:
            break
    return points


def rating_points(rating: int | None) -> int:
    """A rating 0–5 as factor points 0–100; not yet rated counts as 0."""
    return 0 if rating is None else rating * POINTS_PER_RATING


def tier_for(score: int, assets_elsewhere: Decimal, rules: Rules) -> Tier:
    if score >= rules.core_premium_min:
        return Tier.CORE
    if score >= rules.ordinary_premium_min:
        return Tier.ORDINARY_PREMIUM
    if assets_elsewhere >= rules.to_win_elsewhere_min:
        return Tier.TO_WIN
    if score >= rules.potential_min:
        return Tier.POTENTIAL
    return Tier.NONE


def _factor_points(inputs: Inputs, rules: Rules) -> list[int]:
    out = []
    for factor in FACTORS:
        if factor in rules.bands:
            out.append(band_points(inputs.value(factor) or Decimal(0), rules.bands[factor]))  # type: ignore[arg-type]
        else:
            out.append(rating_points(inputs.value(factor)))  # type: ignore[arg-type]
    return out


def score_and_tier(inputs: Inputs, rules: Rules) -> tuple[int, Tier]:
    """The score and tier alone (the branch recompute's fast path; ``breakdown`` gives the same)."""
    hundredths = sum(rules.weights[f] * p for f, p in zip(FACTORS, _factor_points(inputs, rules), strict=True))
    score = (hundredths + 50) // 100
    return score, tier_for(score, inputs.assets_elsewhere, rules)


def breakdown(inputs: Inputs, rules: Rules) -> Breakdown:
    """Factor, value and points per factor; the points are whole numbers that add up to the score exactly.

    The score is the weighted sum rounded half up to a whole number; each factor's
    share (weight × factor points / 100) is cut to a whole number and the points the
    cutting lost go, one each, to the factors that lost the most (ties: the factor
    order) — docs/scoring.md "Rounding".
    """
    factor_points = _factor_points(inputs, rules)
    shares = [rules.weights[f] * p for f, p in zip(FACTORS, factor_points, strict=True)]  # in hundredths
    score = (sum(shares) + 50) // 100
    points = [share // 100 for share in shares]
    left = score - sum(points)
    by_loss = sorted(range(len(FACTORS)), key=lambda i: (-(shares[i] % 100), i))
    for i in by_loss[:left]:
        points[i] += 1
    lines = tuple(FactorLine(f, inputs.value(f), fp, rules.weights[f], pts)
                  for f, fp, pts in zip(FACTORS, factor_points, points, strict=True))
    return Breakdown(lines, score, tier_for(score, inputs.assets_elsewhere, rules))


def inputs_of(client: Client, snap: FinancialSnapshot | None) -> Inputs:
    if snap is None:
        return Inputs(family=client.rating_family, occupation=client.rating_occupation, social=client.rating_social)
    return Inputs(
        deposits=snap.deposits, loans=snap.loans,
        wealth=snap.wealth_products + snap.funds + snap.insurance + snap.intermediary,
        assets_elsewhere=snap.assets_elsewhere,
        family=client.rating_family, occupation=client.rating_occupation, social=client.rating_social,
    )


# --- settings ----------------------------------------------------------------------------


def _rules_of(row: ScoreSettings | None) -> Rules:
    if row is None:
        return DEFAULT_RULES
    return Rules(
        weights={f: int(row.weights[f]) for f in FACTORS},
        bands={f: tuple((Decimal(str(frm)), int(pts)) for frm, pts in row.bands[f]) for f in FINANCIAL_FACTORS},
        core_premium_min=row.core_premium_min, ordinary_premium_min=row.ordinary_premium_min,
        potential_min=row.potential_min, to_win_elsewhere_min=row.to_win_elsewhere_min,
    )


def rules_for(s: Session, branch_id: int) -> Rules:
    """The branch's rules, in the caller's session (the defaults until a supervisor saved some)."""
    return _rules_of(s.scalars(select(ScoreSettings).where(ScoreSettings.branch_id == branch_id)).first())


@dataclass(frozen=True)
class SettingsView:
    rules: Rules
    version: int  # 0: the defaults, never saved


def score_settings(db: Database, actor: Actor) -> SettingsView:
    require(actor, Action.SCORE_SETTINGS)
    with db.read() as s:
        row = s.scalars(select(ScoreSettings).where(ScoreSettings.branch_id == actor.branch_id)).first()
        return SettingsView(_rules_of(row), row.version if row is not None else 0)


@dataclass(frozen=True)
class SettingsInput:
    """Settings as a person typed them (text or numbers); ``update_score_settings`` checks every field.

    Field names in problems: ``weight_<factor>``, ``weights`` (their sum), ``bands_<factor>``,
    ``core_premium_min``, ``ordinary_premium_min``, ``potential_min``, ``to_win_elsewhere_min``.
    """

    weights: Mapping[str, object]
    bands: Mapping[str, Sequence[tuple[object, object]] | str]  # pairs, or the text of ``bands_text``
    core_premium_min: object
    ordinary_premium_min: object
    potential_min: object
    to_win_elsewhere_min: object

    @classmethod
    def of(cls, rules: Rules) -> SettingsInput:
        return cls(dict(rules.weights), {f: list(b) for f, b in rules.bands.items()}, rules.core_premium_min,
                   rules.ordinary_premium_min, rules.potential_min, rules.to_win_elsewhere_min)


def _whole(p: v.Problems, fld: str, value: object, lo: int, hi: int) -> int | None:
    text = str(value).strip() if value is not None else ""
    if not text:
        p.add(fld, "required")
        return None
    try:
        number = int(text)
    except ValueError:
        p.add(fld, "whole_number_range", lo=lo, hi=hi)
        return None
    if not lo <= number <= hi:
        p.add(fld, "whole_number_range", lo=lo, hi=hi)
        return None
    return number


def bands_text(bands: Sequence[Band]) -> str:
    """A band table as one line a person edits: ``from:points`` pairs separated by ``;``."""
    return "; ".join(f"{_plain(frm)}:{pts}" for frm, pts in bands)


def _plain(amount: Decimal) -> str:
    text = format(amount, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _split_bands(text: str) -> list[tuple[object, object]] | None:
    pairs: list[tuple[object, object]] = []
    for part in text.replace("；", ";").replace("：", ":").split(";"):
        if not part.strip():
            continue
        frm, sep, pts = part.partition(":")
        if not sep:
            return None
        pairs.append((frm.strip(), pts.strip()))
    return pairs


def _check_bands(p: v.Problems, fld: str, raw: Sequence[tuple[object, object]] | str) -> tuple[Band, ...] | None:
    bands: list[Band] = []
    if isinstance(raw, str):
        split = _split_bands(raw)
        if split is None:
            p.add(fld, "band_format")
            return None
        raw = split
    if not raw:
        p.add(fld, "required")
        return None
    if len(raw) > MAX_BANDS:
        p.add(fld, "bands_too_many", max=MAX_BANDS)
        return None
    for frm_raw, pts_raw in raw:
        scratch = v.Problems()
        frm = scratch.run(lambda frm_raw=frm_raw: v.amount(fld, frm_raw))  # type: ignore[misc]
        pts = _whole(scratch, fld, pts_raw, 0, 100)
        if scratch or frm is None or pts is None:
            p.add(fld, "band_format")
            return None
        bands.append((frm, pts))
    for (f1, p1), (f2, p2) in itertools.pairwise(bands):
        if f2 <= f1 or p2 < p1:
            p.add(fld, "bands_increasing")
            return None
    return tuple(bands)


def check_settings(data: SettingsInput) -> Rules:
    """The settings as ``Rules``, or ``ValidationError`` naming every bad field."""
    p = v.Problems()
    weights = {f: _whole(p, f"weight_{f}", data.weights.get(f), 0, 100) for f in FACTORS}
    if all(w is not None for w in weights.values()) and sum(w or 0 for w in weights.values()) != 100:
        p.add("weights", "weights_sum", total=sum(w or 0 for w in weights.values()))
    bands = {f: _check_bands(p, f"bands_{f}", data.bands.get(f, ())) for f in FINANCIAL_FACTORS}
    core = _whole(p, "core_premium_min", data.core_premium_min, 1, 100)
    ordinary = _whole(p, "ordinary_premium_min", data.ordinary_premium_min, 1, 100)
    potential = _whole(p, "potential_min", data.potential_min, 1, 100)
    elsewhere = p.run(lambda: v.amount("to_win_elsewhere_min", data.to_win_elsewhere_min))
    if elsewhere is None and not any(q.field == "to_win_elsewhere_min" for q in p.items):
        p.add("to_win_elsewhere_min", "required")
    if core is not None and ordinary is not None and not ordinary < core:
        p.add("ordinary_premium_min", "threshold_below", other=core)
    if ordinary is not None and potential is not None and not potential < ordinary:
        p.add("potential_min", "threshold_below", other=ordinary)
    p.raise_if_any()
    return Rules({f: int(w or 0) for f, w in weights.items()},
                 {f: b for f, b in bands.items() if b is not None},
                 int(core or 0), int(ordinary or 0), int(potential or 0), elsewhere or Decimal(0))


def _store(row: ScoreSettings, rules: Rules) -> None:
    row.weights = dict(rules.weights)
    row.bands = {f: [[str(frm), pts] for frm, pts in b] for f, b in rules.bands.items()}
    row.core_premium_min = rules.core_premium_min
    row.ordinary_premium_min = rules.ordinary_premium_min
    row.potential_min = rules.potential_min
    row.to_win_elsewhere_min = rules.to_win_elsewhere_min


@retrying
def update_score_settings(db: Database, actor: Actor, data: SettingsInput, version: int) -> int:
    """Save the branch's settings (supervisor); ``version`` is what the dialog showed (0: the defaults).

    Clients keep their score until they are scored again: the dialog offers the branch
    recompute right after (its tier moves are recorded with the cause ``settings``).
    """
    require(actor, Action.SCORE_SETTINGS)
    rules = check_settings(data)
    with db.write() as s:
        row = s.scalars(select(ScoreSettings).where(ScoreSettings.branch_id == actor.branch_id)).first()
        if row is None:
            if version:  # the dialog showed a saved row that is no longer there: cannot happen but by hand
                raise Conflict(msg("stale_unknown"))
            row = ScoreSettings(branch_id=actor.branch_id)
            _store(row, rules)
            stamp(db, actor, row)
            s.add(row)
            try:
                s.flush()
            except IntegrityError:  # another supervisor saved the first settings meanwhile
                raise _first_settings_conflict(db, actor) from None
            audit.record(s, db, actor, "update", "score_settings", row.id)
            return int(row.version)
        expect_version(db, row, version)
        _store(row, rules)
        return save(s, db, actor, row, "update")


def _first_settings_conflict(db: Database, actor: Actor) -> Conflict:
    with db.read() as s:
        key = s.scalar(select(ScoreSettings.id).where(ScoreSettings.branch_id == actor.branch_id))
    return stale_conflict(db, ScoreSettings, key) if key is not None else Conflict(msg("stale_unknown"))


# --- one client ---------------------------------------------------------------------------


def latest_snapshot(s: Session, client_id: int) -> FinancialSnapshot | None:
    return s.scalars(select(FinancialSnapshot).where(FinancialSnapshot.client_id == client_id)
                     .order_by(FinancialSnapshot.as_of.desc(), FinancialSnapshot.id.desc()).limit(1)).first()


def rescore(s: Session, db: Database, actor: Actor, client: Client, *, cause: TierCause,
            rules: Rules | None = None) -> TierChange | None:
    """Score ``client`` again inside the caller's unit of work; the tier change it records, if the tier moved.

    For other services (a converted follow-up, say): the caller has checked permissions,
    flushed any new snapshot, and saves the client (``services.saving.save``) in its own transaction. Only a move
    of the tier is recorded; a score that moves within its tier is not (docs/scoring.md
    "Tier history").
    """
    # No autoflush: the client's pending change must reach the database through the caller's
    # ``save``, whose refusal of a stale version names who saved it (a new snapshot is flushed first).
    with s.no_autoflush:
        rules = rules if rules is not None else rules_for(s, client.branch_id)
        snap = latest_snapshot(s, client.id)
    score, tier = score_and_tier(inputs_of(client, snap), rules)
    old_score, old_tier = client.score or 0, client.tier or Tier.NONE
    client.score, client.tier = score, tier
    if tier == old_tier:
        return None
    change = TierChange(branch_id=client.branch_id, client_id=client.id, at=db.now(), old_tier=old_tier,
                        new_tier=tier, old_score=old_score, new_score=score, cause=cause, actor_id=actor.staff_id)
    s.add(change)
    return change


def _load_scored(s: Session, actor: Actor, client_id: int, action: Action, *, lock: bool = False) -> Client:
    """The client if ``actor`` may see their finances: an RM their own clients, the supervisor the branch."""
    require(actor, action)
    q = select(Client).where(Client.id == client_id)
    if lock:
        q = q.with_for_update()
    c = s.scalars(q).first()
    if c is None or c.branch_id != actor.branch_id:
        raise NotFound("client", client_id)
    if not can_see_full(actor, c.rm_id):
        raise PermissionDenied(f"{action.value} (not assigned)", actor.role)
    return c


@dataclass(frozen=True)
class ScoreResult:
    """What a snapshot or a rating did: the new score and tier, the tier move (if any), the client's version."""

    score: int
    tier: Tier
    old_tier: Tier
    tier_moved: bool
    version: int


@dataclass(frozen=True)
class SnapshotInput:
    """A financial snapshot as typed: amounts in yuan (text or Decimal, ≥ 0, ≤ 2 decimals), empty = 0."""

    as_of: object
    deposits: object = None
    loans: object = None
    wealth_products: object = None
    funds: object = None
    insurance: object = None
    intermediary: object = None
    assets_elsewhere: object = None


SNAPSHOT_AMOUNTS: tuple[str, ...] = (
    "deposits", "loans", "wealth_products", "funds", "insurance", "intermediary", "assets_elsewhere")


def check_snapshot(p: v.Problems, data: SnapshotInput, *, today: dt.date,
                   fields: Mapping[str, str] | None = None) -> tuple[dt.date | None, dict[str, Decimal]]:
    """The as-of date and amounts, problems into ``p`` (under ``fields``' names when given: an import's columns)."""
    name = (lambda k: fields.get(k, k)) if fields else (lambda k: k)
    as_of = p.run(lambda: v.past_date(name("as_of"), v.parse_date(name("as_of"), data.as_of), today=today))
    amounts: dict[str, Decimal] = {}
    for key in SNAPSHOT_AMOUNTS:
        value = p.run(lambda key=key: v.amount(name(key), getattr(data, key)))  # type: ignore[misc]
        amounts[key] = value if value is not None else Decimal(0)
    return as_of, amounts


def new_snapshot(client_id: int, as_of: dt.date, amounts: Mapping[str, Decimal], actor: Actor,
                 now: dt.datetime) -> FinancialSnapshot:
    aum = amounts["deposits"] + amounts["wealth_products"] + amounts["funds"] + amounts["insurance"]
    return FinancialSnapshot(client_id=client_id, as_of=as_of, aum=aum, recorded_by_id=actor.staff_id,
                             created_at=now, **amounts)


@retrying
def add_snapshot(db: Database, actor: Actor, client_id: int, data: SnapshotInput) -> ScoreResult:
    """Record the client's holdings on a date and score them again (RM: own clients; supervisor: the branch).

    The client's row is locked while scoring, so two snapshots saved at once are both kept
    and the later one's score stands; a snapshot older than the latest changes the history,
    not the score.
    """
    p = v.Problems()
    as_of, amounts = check_snapshot(p, data, today=db.today())
    with db.write() as s:
        c = _load_scored(s, actor, client_id, Action.SCORE_EDIT, lock=True)
        p.raise_if_any()
        assert as_of is not None
        s.add(new_snapshot(c.id, as_of, amounts, actor, db.now()))
        s.flush()
        old_tier = c.tier
        change = rescore(s, db, actor, c, cause=TierCause.SNAPSHOT)
        version = save(s, db, actor, c, "snapshot", f"tier_moved={int(change is not None)}")
        return ScoreResult(c.score, c.tier, old_tier, change is not None, version)


def check_rating(p: v.Problems, fld: str, value: object) -> int | None:
    """A rating 0–5, or None (not rated) for an empty value."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if not text.isdigit() or not 0 <= int(text) <= RATING_MAX:
        p.add(fld, "rating_range", max=RATING_MAX)
        return None
    return int(text)


@retrying
def set_ratings(db: Database, actor: Actor, client_id: int, version: int, *, family: object,
                occupation: object, social: object) -> ScoreResult:
    """The RM's ratings (0–5 each; empty: not rated) and the score they give; a stale ``version`` is refused."""
    p = v.Problems()
    ratings = {FAMILY: check_rating(p, FAMILY, family), OCCUPATION: check_rating(p, OCCUPATION, occupation),
               SOCIAL: check_rating(p, SOCIAL, social)}
    with db.write() as s:
        c = _load_scored(s, actor, client_id, Action.SCORE_EDIT)
        p.raise_if_any()
        expect_version(db, c, version)
        c.rating_family, c.rating_occupation, c.rating_social = ratings[FAMILY], ratings[OCCUPATION], ratings[SOCIAL]
        old_tier = c.tier
        change = rescore(s, db, actor, c, cause=TierCause.RATING)
        version = save(s, db, actor, c, "rating", f"tier_moved={int(change is not None)}")
        return ScoreResult(c.score, c.tier, old_tier, change is not None, version)


# --- what the profile shows -------------------------------------------------------------------


@dataclass(frozen=True)
class TierMove:
    at: dt.datetime
    old_tier: Tier
    new_tier: Tier
    old_score: int
    new_score: int
    cause: TierCause
    by: str | None  # the staff member's name (None: the command line)


@dataclass(frozen=True)
class ScoreCard:
    """The score section of a profile, for an entitled viewer (amounts are C2 data)."""

    client_id: int
    tier: Tier
    score: int
    breakdown: Breakdown  # under today's settings
    stale: bool  # the settings changed since the client was scored: the branch recompute is due
    snapshot_as_of: dt.date | None
    ratings: Mapping[str, int | None]
    history: tuple[TierMove, ...]
    version: int


HISTORY_SHOWN = 50


def score_card(db: Database, actor: Actor, client_id: int) -> ScoreCard:
    with db.read() as s:
        c = _load_scored(s, actor, client_id, Action.CLIENT_PROFILE)
        snap = latest_snapshot(s, c.id)
        rules = rules_for(s, c.branch_id)
        shown = breakdown(inputs_of(c, snap), rules)
        who = aliased(Staff)
        moves = s.execute(
            select(TierChange, who.name).outerjoin(who, who.id == TierChange.actor_id)
            .where(TierChange.client_id == c.id).order_by(TierChange.at.desc(), TierChange.id.desc())
            .limit(HISTORY_SHOWN)
        ).all()
        history = tuple(TierMove(t.at, t.old_tier, t.new_tier, t.old_score, t.new_score, t.cause, name)
                        for t, name in moves)
        return ScoreCard(
            c.id, c.tier, c.score, shown, (shown.score, shown.tier) != (c.score, c.tier),
            snap.as_of if snap is not None else None,
            {FAMILY: c.rating_family, OCCUPATION: c.rating_occupation, SOCIAL: c.rating_social},
            history, c.version,
        )


# --- the whole branch ---------------------------------------------------------------------------

RECOMPUTE_BATCH = 2000
RECOMPUTE_PAUSE_MIN = 0.05  # seconds between batches, at least …
RECOMPUTE_PAUSE_SHARE = 0.25  # … and a quarter of the batch's own time


@dataclass(frozen=True)
class RecomputeProgress:
    done: int
    total: int
    last_id: int  # pass as ``after_id`` to carry on after an interruption


@dataclass(frozen=True)
class RecomputeResult:
    clients: int
    changed: int  # clients whose score or tier moved
    tier_moves: int
    last_id: int
    complete: bool
    seconds: float = field(default=0.0, compare=False)


class CentsScorer:
    """``score_and_tier`` for whole cents and raw ratings: the branch recompute's hot loop.

    The same rules in integers (amounts in cents, bands by bisection) so a million clients
    are not a million ``Decimal`` sums; tests/services/test_scoring.py checks that both agree.
    """

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self._bands = {f: ([int(frm * 100) for frm, _ in rules.bands[f]], [pts for _, pts in rules.bands[f]])
                       for f in FINANCIAL_FACTORS}
        self._w = rules.weights
        self._elsewhere = int(rules.to_win_elsewhere_min * 100)

    def _band(self, factor: str, cents: int) -> int:
        starts, points = self._bands[factor]
        i = bisect.bisect_right(starts, cents)
        return points[i - 1] if i else 0

    def score_and_tier(self, deposits: int, wealth: int, loans: int, elsewhere: int, family: int | None,
                       occupation: int | None, social: int | None) -> tuple[int, Tier]:
        w = self._w
        hundredths = (w[DEPOSITS] * self._band(DEPOSITS, deposits) + w[WEALTH] * self._band(WEALTH, wealth)
                      + w[LOANS] * self._band(LOANS, loans)
                      + POINTS_PER_RATING * (w[FAMILY] * (family or 0) + w[OCCUPATION] * (occupation or 0)
                                             + w[SOCIAL] * (social or 0)))
        score = (hundredths + 50) // 100
        r = self.rules
        if score >= r.core_premium_min:
            return score, Tier.CORE
        if score >= r.ordinary_premium_min:
            return score, Tier.ORDINARY_PREMIUM
        if elsewhere >= self._elsewhere:
            return score, Tier.TO_WIN
        if score >= r.potential_min:
            return score, Tier.POTENTIAL
        return score, Tier.NONE


def _cents(*cols: Any) -> Any:
    """The columns' sum in whole cents, computed by the database (exact on both engines)."""
    total = cols[0]
    for col in cols[1:]:
        total = total + col
    return sql_cast(func.round(total * 100), BigInteger)


_SNAP_COLS = (FinancialSnapshot.client_id, FinancialSnapshot.as_of, FinancialSnapshot.id,
              _cents(FinancialSnapshot.deposits), _cents(FinancialSnapshot.wealth_products, FinancialSnapshot.funds,
                                                         FinancialSnapshot.insurance, FinancialSnapshot.intermediary),
              _cents(FinancialSnapshot.loans), _cents(FinancialSnapshot.assets_elsewhere))


@retrying
def _recompute_batch(db: Database, actor: Actor, scorer: CentsScorer, after_id: int, size: int,
                     cause: TierCause) -> tuple[int, int, int, int]:
    """Score one batch of the branch's clients (ids after ``after_id``) in one short unit of work."""
    with db.write() as s:
        conn = s.connection()  # plain rows: no ORM work per row
        rows = conn.execute(
            select(Client.id, Client.score, Client.tier, Client.rating_family, Client.rating_occupation,
                   Client.rating_social, Client.version)
            .where(Client.branch_id == actor.branch_id, Client.id > after_id)
            .order_by(Client.id).limit(size).with_for_update()
        ).all()
        if not rows:
            return 0, 0, 0, after_id
        lo, hi = rows[0][0], rows[-1][0]
        latest: dict[int, tuple[Any, ...]] = {}
        for found in conn.execute(select(*_SNAP_COLS).where(FinancialSnapshot.client_id.between(lo, hi))):
            best = latest.get(found[0])
            if best is None or (found[1], found[2]) > (best[1], best[2]):
                latest[found[0]] = tuple(found)
        now = db.now()
        updates: list[dict[str, Any]] = []
        moves: list[dict[str, Any]] = []
        none = (0, 0, 0, 0, 0, 0, 0)
        for cid, old_score, old_tier, family, occupation, social, version in rows:
            snap = latest.get(cid, none)
            score, tier = scorer.score_and_tier(snap[3], snap[4], snap[5], snap[6], family, occupation, social)
            if score == old_score and tier == old_tier:
                continue
            updates.append({"b_id": cid, "b_score": score, "b_tier": tier, "b_version": version + 1})
            if tier != old_tier:
                moves.append({"branch_id": actor.branch_id, "client_id": cid, "at": now, "old_tier": old_tier,
                              "new_tier": tier, "old_score": old_score, "new_score": score, "cause": cause,
                              "actor_id": actor.staff_id})
        if updates:
            table = cast(Table, Client.__table__)
            s.execute(
                update(table).where(table.c.id == bindparam("b_id")).values(
                    score=bindparam("b_score"), tier=bindparam("b_tier"), version=bindparam("b_version"),
                    updated_at=now, updated_by_id=actor.staff_id),
                updates,
            )
        if moves:
            s.execute(insert(cast(Table, TierChange.__table__)), moves)  # plain executemany, no RETURNING
        if updates:
            audit.record(s, db, actor, "recompute", "client", None,
                         f"cause={cause.value} clients={len(rows)} changed={len(updates)} tier_moves={len(moves)}")
        return len(rows), len(updates), len(moves), hi


def recompute_branch(db: Database, actor: Actor, *, progress: Callable[[RecomputeProgress], None] | None = None,
                     cause: TierCause = TierCause.RECOMPUTE, after_id: int = 0, batch_size: int = RECOMPUTE_BATCH,
                     should_stop: Callable[[], bool] | None = None) -> RecomputeResult:
    """Score every client of the actor's branch again under the branch's settings (supervisor).

    In batches of ``batch_size`` clients by id, each its own short unit of work, so the
    write lock is never held for long and saves on other workstations go on. Idempotent
    (a client whose score and tier stand is not written) and resumable: after an
    interruption, ``after_id`` = the last progress's ``last_id`` carries on.
    """
    import time

    require(actor, Action.SCORE_RECOMPUTE)
    if cause not in (TierCause.RECOMPUTE, TierCause.SETTINGS):
        raise ValueError(cause)
    started = time.monotonic()
    with db.read() as s:
        scorer = CentsScorer(rules_for(s, actor.home_branch))
        total = s.scalar(select(func.count()).select_from(Client)
                         .where(Client.branch_id == actor.branch_id, Client.id > after_id)) or 0
    done = changed = moved = 0
    last = after_id
    complete = True
    while True:
        if should_stop is not None and should_stop():
            complete = False
            break
        began = time.monotonic()
        n, c, m, last = _recompute_batch(db, actor, scorer, last, batch_size, cause)
        if n == 0:
            break
        done, changed, moved = done + n, changed + c, moved + m
        if progress is not None:
            progress(RecomputeProgress(done, max(total, done), last))
        # Hand the write lock over: a save waiting behind this batch gets it before the next
        # batch (otherwise this loop takes it straight back and a waiter can starve past the
        # save budget — measured at 1 M clients, docs/scoring.md "Measured").
        time.sleep(max(RECOMPUTE_PAUSE_MIN, RECOMPUTE_PAUSE_SHARE * (time.monotonic() - began)))
    seconds = time.monotonic() - started
    log.info("recomputed %d clients (%d changed, %d tier moves) in %.1f s", done, changed, moved, seconds)
    return RecomputeResult(done, changed, moved, last, complete, seconds)
