"""The comprehensive score, its breakdown and tiers, snapshots, ratings, settings and the branch recompute."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import threading
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import AuditEvent, Branch, Client, FinancialSnapshot, Role, ScoreSettings, Tier, TierCause, TierChange
from services import scoring
from services.errors import Conflict, PermissionDenied, ValidationError
from services.permissions import Actor
from services.scoring import (
    DEFAULT_RULES,
    FACTORS,
    Inputs,
    SettingsInput,
    SnapshotInput,
    breakdown,
    score_and_tier,
    tier_for,
)

# --- the pure rules ------------------------------------------------------------------------


def _random_inputs(rng: random.Random) -> Inputs:
    def amount() -> Decimal:
        return Decimal(rng.choice([0, 9_999, 10_000, 49_999.99, 120_000, 500_000, 2_500_000])).quantize(Decimal("0.01"))

    def rating() -> int | None:
        return rng.choice([None, 0, 1, 2, 3, 4, 5])

    return Inputs(amount(), amount(), amount(), amount(), rating(), rating(), rating())


def _random_rules(rng: random.Random) -> scoring.Rules:
    cuts = sorted(rng.sample(range(1, 100), 5))
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
    return scoring.Rules(dict(zip(FACTORS, parts, strict=True)), DEFAULT_RULES.bands)


def test_the_breakdown_points_add_up_to_the_score_exactly():
    rng = random.Random(9)
    for _ in range(3000):
        rules = _random_rules(rng) if rng.random() < 0.7 else DEFAULT_RULES
        inputs = _random_inputs(rng)
        b = breakdown(inputs, rules)
        assert sum(line.points for line in b.lines) == b.score
        assert (b.score, b.tier) == score_and_tier(inputs, rules)
        cents = [int(a * 100) for a in (inputs.deposits, inputs.wealth, inputs.loans, inputs.assets_elsewhere)]
        assert scoring.CentsScorer(rules).score_and_tier(*cents, inputs.family, inputs.occupation,
                                                         inputs.social) == (b.score, b.tier)
        exact = sum(Decimal(line.weight * line.factor_points) / 100 for line in b.lines)
        assert abs(exact - b.score) <= Decimal("0.5")
        for line in b.lines:  # no factor shows more than its weight, nor far from its exact share
            assert 0 <= line.points <= line.weight
            assert abs(Decimal(line.weight * line.factor_points) / 100 - line.points) < 1


def test_the_default_weights_and_a_worked_example():
    assert dict(DEFAULT_RULES.weights) == {"deposits": 25, "wealth": 25, "loans": 10, "family": 10,
                                           "occupation": 15, "social": 15}
    # deposits 200 000 → 60 points, wealth 50 000 → 40, loans 0 → 0, ratings 3/4/2 → 60/80/40
    b = breakdown(Inputs(Decimal(200_000), Decimal(50_000), Decimal(0), Decimal(0), 3, 4, 2), DEFAULT_RULES)
    assert [(line.factor, line.factor_points, line.points) for line in b.lines] == [
        ("deposits", 60, 15), ("wealth", 40, 10), ("loans", 0, 0), ("family", 60, 6), ("occupation", 80, 12),
        ("social", 40, 6)]
    assert b.score == 49 and b.tier == Tier.POTENTIAL


def test_rounding_hands_the_lost_point_to_the_factor_that_lost_most():
    rules = scoring.Rules({"deposits": 33, "wealth": 33, "loans": 34, "family": 0, "occupation": 0, "social": 0},
                          DEFAULT_RULES.bands)
    # 33×0.2 = 6.6, 33×0.2 = 6.6, 34×0.2 = 6.8 → 20.0: two factors get their lost point
    b = breakdown(Inputs(Decimal(10_000), Decimal(10_000), Decimal(50_000)), rules)
    assert b.score == 20
    assert [line.points for line in b.lines[:3]] == [7, 6, 7]


@pytest.mark.parametrize(("score", "elsewhere", "tier"), [
    (100, 0, Tier.CORE), (80, 0, Tier.CORE), (79, 10**7, Tier.ORDINARY_PREMIUM), (60, 0, Tier.ORDINARY_PREMIUM),
    (59, 500_000, Tier.TO_WIN), (59, 499_999.99, Tier.POTENTIAL), (10, 500_000, Tier.TO_WIN),
    (40, 0, Tier.POTENTIAL), (39, 0, Tier.NONE), (0, 0, Tier.NONE),
])
def test_each_tier_boundary(score, elsewhere, tier):
    assert tier_for(score, Decimal(str(elsewhere)), DEFAULT_RULES) == tier


def test_bands_score_the_highest_band_reached():
    bands = DEFAULT_RULES.bands["deposits"]
    assert [scoring.band_points(Decimal(a), bands) for a in ("0", "9999.99", "10000", "1000000", "9e9")] == \
        [0, 0, 20, 100, 100]


# --- settings ------------------------------------------------------------------------------


def _settings(**change: Any) -> SettingsInput:
    base = SettingsInput.of(DEFAULT_RULES)
    return SettingsInput(**{**base.__dict__, **change})


@pytest.mark.parametrize(("change", "field"), [
    ({"weights": {**DEFAULT_RULES.weights, "deposits": 30}}, "weights"),
    ({"weights": {**DEFAULT_RULES.weights, "deposits": "二十五"}}, "weight_deposits"),
    ({"weights": {**DEFAULT_RULES.weights, "deposits": -5, "loans": 40}}, "weight_deposits"),
    ({"ordinary_premium_min": 85}, "ordinary_premium_min"),
    ({"potential_min": 60}, "potential_min"),
    ({"core_premium_min": 101}, "core_premium_min"),
    ({"to_win_elsewhere_min": "-1"}, "to_win_elsewhere_min"),
    ({"to_win_elsewhere_min": "500000.001"}, "to_win_elsewhere_min"),
    ({"bands": {**DEFAULT_RULES.bands, "loans": [(0, 0), (50_000, 20), (40_000, 40)]}}, "bands_loans"),
    ({"bands": {**DEFAULT_RULES.bands, "loans": [(0, 50), (50_000, 20)]}}, "bands_loans"),
    ({"bands": {**DEFAULT_RULES.bands, "wealth": [(0, 0), ("abc", 20)]}}, "bands_wealth"),
    ({"bands": {**DEFAULT_RULES.bands, "wealth": [(0, 0), (10, 101)]}}, "bands_wealth"),
])
def test_bad_settings_are_refused_naming_the_field_and_nothing_is_written(db, f, change, field):
    sup = f.actor(f.staff(Role.SUPERVISOR))
    with pytest.raises(ValidationError) as err:
        scoring.update_score_settings(db, sup, _settings(**change), 0)
    assert field in err.value.fields
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ScoreSettings)) == 0


def test_settings_save_versioned_and_a_stale_save_names_who(db, f, clock):
    sup1, sup2 = f.actor(f.staff(Role.SUPERVISOR, name="张主管")), f.actor(f.staff(Role.SUPERVISOR))
    view = scoring.score_settings(db, sup1)
    assert view.version == 0 and view.rules == DEFAULT_RULES
    new = _settings(weights={**DEFAULT_RULES.weights, "deposits": 35, "wealth": 15}, potential_min="45")
    version = scoring.update_score_settings(db, sup1, new, 0)
    got = scoring.score_settings(db, sup2)
    assert got.version == version and got.rules.weights["deposits"] == 35 and got.rules.potential_min == 45
    assert got.rules.bands == DEFAULT_RULES.bands
    with pytest.raises(Conflict) as err:
        scoring.update_score_settings(db, sup2, new, 0)  # saw the defaults: someone saved since
    assert err.value.by == sup1.staff_no
    assert scoring.update_score_settings(db, sup2, new, version) == version + 1


# --- snapshots, ratings and the tier history ---------------------------------------------------


@pytest.fixture
def crew(f):  # type: ignore[no-untyped-def]
    return f.staff(Role.LOBBY_MANAGER), f.staff(Role.RM), f.staff(Role.RM), f.staff(Role.SUPERVISOR)


def _client(f, crew) -> int:  # type: ignore[no-untyped-def]
    lobby, rm, _other, _sup = crew
    return int(f.referral(lobby, rm).client_id)


def _snap(as_of: dt.date, **amounts: object) -> SnapshotInput:
    return SnapshotInput(as_of=as_of, **amounts)  # type: ignore[arg-type]


def test_a_snapshot_moves_the_tier_and_the_history_says_why(db, f, crew):
    _lobby, rm, _other, sup = crew
    cid = _client(f, crew)
    today = db.today()
    r = scoring.add_snapshot(db, f.actor(rm), cid, _snap(today, deposits="1000000", wealth_products="600000",
                                                         funds="400000", loans="2000000"))
    # deposits 100 → 25, wealth 1 000 000 → 100 → 25, loans 100 → 10: 60 before any rating
    assert (r.score, r.tier, r.old_tier, r.tier_moved) == (60, Tier.ORDINARY_PREMIUM, Tier.NONE, True)
    r2 = scoring.set_ratings(db, f.actor(rm), cid, r.version, family=5, occupation=5, social="4")
    assert (r2.score, r2.tier) == (60 + 10 + 15 + 12, Tier.CORE)
    r3 = scoring.add_snapshot(db, f.actor(sup), cid, _snap(today, deposits="0", assets_elsewhere="800000"))
    assert (r3.score, r3.tier) == (37, Tier.TO_WIN)
    card = scoring.score_card(db, f.actor(rm), cid)
    assert (card.score, card.tier, card.stale) == (37, Tier.TO_WIN, False)
    assert sum(line.points for line in card.breakdown.lines) == card.score
    assert [(m.old_tier, m.new_tier, m.old_score, m.new_score, m.cause) for m in card.history] == [
        (Tier.CORE, Tier.TO_WIN, 97, 37, TierCause.SNAPSHOT),
        (Tier.ORDINARY_PREMIUM, Tier.CORE, 60, 97, TierCause.RATING),
        (Tier.NONE, Tier.ORDINARY_PREMIUM, 0, 60, TierCause.SNAPSHOT),
    ]
    assert card.history[0].by == sup.name
    with db.read() as s:
        details = list(s.scalars(select(AuditEvent.detail).where(AuditEvent.action.in_(("snapshot", "rating")))))
    assert details == ["tier_moved=1"] * 3
    assert not any(ch.isdigit() and ch not in "01" for d in details for ch in d or "")  # no amount, no score


def test_an_older_snapshot_changes_the_history_not_the_score(db, f, crew):
    _lobby, rm, _other, _sup = crew
    cid = _client(f, crew)
    today = db.today()
    scoring.add_snapshot(db, f.actor(rm), cid, _snap(today, deposits="1000000"))
    r = scoring.add_snapshot(db, f.actor(rm), cid, _snap(today - dt.timedelta(days=90), deposits="0"))
    assert r.score == 25 and not r.tier_moved


def test_a_score_move_within_the_tier_is_not_a_tier_change(db, f, crew):
    _lobby, rm, _other, _sup = crew
    cid = _client(f, crew)
    r = scoring.add_snapshot(db, f.actor(rm), cid, _snap(db.today(), deposits="10000"))
    assert (r.score, r.tier, r.tier_moved) == (5, Tier.NONE, False)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(TierChange)) == 0


@pytest.mark.parametrize(("data", "field"), [
    ({"deposits": "-1"}, "deposits"),
    ({"loans": "十万"}, "loans"),
    ({"funds": "100.005"}, "funds"),
    ({"assets_elsewhere": "1e20"}, "assets_elsewhere"),
    ({"as_of": "tomorrow"}, "as_of"),
    ({"as_of": None}, "as_of"),
])
def test_bad_snapshots_are_refused_and_nothing_is_written(db, f, crew, data, field):
    _lobby, rm, _other, _sup = crew
    cid = _client(f, crew)
    raw = {"as_of": db.today(), **data}
    if raw["as_of"] == "tomorrow":
        raw["as_of"] = db.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as err:
        scoring.add_snapshot(db, f.actor(rm), cid, SnapshotInput(**raw))
    assert field in err.value.fields
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(FinancialSnapshot)) == 0


@pytest.mark.parametrize("bad", [6, -1, "3.5", "五", 2.5])
def test_a_rating_outside_0_to_5_is_refused(db, f, crew, bad):
    _lobby, rm, _other, _sup = crew
    cid = _client(f, crew)
    with db.read() as s:
        version = s.get_one(Client, cid).version
    with pytest.raises(ValidationError) as err:
        scoring.set_ratings(db, f.actor(rm), cid, version, family=3, occupation=bad, social=None)
    assert list(err.value.fields) == ["occupation"]
    with db.read() as s:
        c = s.get_one(Client, cid)
        assert (c.rating_family, c.version) == (None, version)


# --- who may --------------------------------------------------------------------------------


@pytest.mark.parametrize(("who", "allowed"), [
    ("own_rm", True), ("other_rm", False), ("supervisor", True), ("lobby", False), ("teller", False),
    ("marketing", False), ("admin", False), ("other_branch_supervisor", False),
])
def test_role_and_record_table_for_snapshots_ratings_and_the_card(db, f, crew, who, allowed):
    from services import accounts

    lobby, rm, other, sup = crew
    cid = _client(f, crew)
    actors = {
        "own_rm": f.actor(rm), "other_rm": f.actor(other), "supervisor": f.actor(sup), "lobby": f.actor(lobby),
        "teller": f.actor(f.staff(Role.TELLER)), "marketing": f.actor(f.staff(Role.MARKETING)),
        "admin": f.actor(f.staff(Role.ADMIN)),
    }
    if who == "other_branch_supervisor":
        with db.write() as s:
            other_branch = Branch(code="0002", name="另一支行")
            s.add(other_branch)
            s.flush()
            other_id = other_branch.id
        info, _ = accounts.add_staff(db, Actor.system(other_id), staff_no="X0001", name="外行", role=Role.SUPERVISOR,
                                     password="Passw0rd!", must_change_password=False)
        actors[who] = f.actor(info)
    actor = actors[who]
    with db.read() as s:
        version = s.get_one(Client, cid).version
    calls = [
        lambda: scoring.add_snapshot(db, actor, cid, _snap(db.today(), deposits="100")),
        lambda: scoring.set_ratings(db, actor, cid, version, family=1, occupation=1, social=1),
        lambda: scoring.score_card(db, actor, cid),
    ]
    for call in calls:
        if allowed:
            call()
            with db.read() as s:
                version = s.get_one(Client, cid).version
        else:
            with pytest.raises((PermissionDenied, scoring.NotFound)):
                call()
    if not allowed:
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(FinancialSnapshot)) == 0


@pytest.mark.parametrize("role", [Role.RM, Role.LOBBY_MANAGER, Role.TELLER, Role.MARKETING, Role.ADMIN])
def test_only_the_supervisor_edits_settings_and_recomputes(db, f, role):
    actor = f.actor(f.staff(role))
    with pytest.raises(PermissionDenied):
        scoring.score_settings(db, actor)
    with pytest.raises(PermissionDenied):
        scoring.update_score_settings(db, actor, SettingsInput.of(DEFAULT_RULES), 0)
    with pytest.raises(PermissionDenied):
        scoring.recompute_branch(db, actor)


# --- the branch recompute ----------------------------------------------------------------------


def test_the_branch_recompute_in_batches_records_moves_and_is_idempotent(db, f, crew):
    _lobby, rm, _other, sup = crew
    ids = [_client(f, crew) for _ in range(7)]
    for k, cid in enumerate(ids):
        scoring.add_snapshot(db, f.actor(rm), cid, _snap(db.today(), deposits=str(200_000 * k)))
    supa = f.actor(sup)
    # Deposits weigh 100: the settings move most tiers; the recompute records them with the cause "settings".
    weights = {"deposits": 100, "wealth": 0, "loans": 0, "family": 0, "occupation": 0, "social": 0}
    scoring.update_score_settings(db, supa, _settings(weights=weights), 0)
    assert scoring.score_card(db, f.actor(rm), ids[3]).stale
    seen: list[scoring.RecomputeProgress] = []
    result = scoring.recompute_branch(db, supa, progress=seen.append, batch_size=3, cause=TierCause.SETTINGS)
    assert (result.clients, result.complete) == (7, True)
    assert [p.done for p in seen] == [3, 6, 7] and all(p.total == 7 for p in seen)
    with db.read() as s:
        got = {cid: tier for cid, tier in s.execute(select(Client.id, Client.tier))}
        moves = s.execute(select(TierChange.client_id, TierChange.cause).where(
            TierChange.cause == TierCause.SETTINGS)).all()
    expected = {cid: score_and_tier(Inputs(Decimal(200_000 * k)), scoring.Rules(weights, DEFAULT_RULES.bands))[1]
                for k, cid in enumerate(ids)}
    assert got == expected
    assert len(moves) == result.tier_moves > 0
    assert not scoring.score_card(db, f.actor(rm), ids[3]).stale
    with db.read() as s:
        events = s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "recompute"))
    again = scoring.recompute_branch(db, supa, batch_size=3)
    assert (again.clients, again.changed, again.tier_moves) == (7, 0, 0)
    with db.read() as s:  # nothing changed: nothing written, not even an audit event
        assert s.scalar(select(func.count()).select_from(AuditEvent)
                        .where(AuditEvent.action == "recompute")) == events


def test_an_interrupted_recompute_carries_on_from_where_it_stopped(db, f, crew):
    _lobby, _rm, _other, sup = crew
    ids = [_client(f, crew) for _ in range(5)]
    with db.write() as s:  # scores typed by hand before scoring existed
        for cid in ids:
            s.get_one(Client, cid).score = 77
    supa = f.actor(sup)
    calls = itertools.count()
    first = scoring.recompute_branch(db, supa, batch_size=2, should_stop=lambda: next(calls) >= 1)
    assert (first.clients, first.complete) == (2, False)
    rest = scoring.recompute_branch(db, supa, batch_size=2, after_id=first.last_id)
    assert (rest.clients, rest.complete) == (3, True)
    with db.read() as s:
        assert set(s.scalars(select(Client.score))) == {0}


# --- the race on PostgreSQL ------------------------------------------------------------------------


def test_two_sessions_rating_the_same_client_give_one_save_and_one_conflict(db, f, crew, monkeypatch):
    """Both load the same version and flush together; the loser is refused naming the winner."""
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: both sessions can never hold the same version")
    _lobby, rm, _other, sup = crew
    cid = _client(f, crew)
    with db.read() as s:
        version = s.get_one(Client, cid).version
    real_flush = Session.flush
    racing = threading.local()
    barrier = threading.Barrier(2, timeout=10)

    def flush_at_the_barrier(self: Session, objects: Any = None) -> None:
        if getattr(racing, "on", False) and self.dirty:
            racing.on = False
            barrier.wait()
        real_flush(self, objects)

    monkeypatch.setattr(Session, "flush", flush_at_the_barrier)
    outcomes: dict[str, BaseException | None] = {}

    def run(actor: Actor, rating: int) -> None:
        racing.on = True
        try:
            scoring.set_ratings(db, actor, cid, version, family=rating, occupation=rating, social=rating)
            outcomes[actor.staff_no] = None
        except BaseException as failure:  # the test reports whatever escaped
            outcomes[actor.staff_no] = failure

    threads = [threading.Thread(target=run, args=(a, n)) for a, n in ((f.actor(rm), 5), (f.actor(sup), 1))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    winners = [who for who, exc in outcomes.items() if exc is None]
    losers = [exc for exc in outcomes.values() if exc is not None]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert isinstance(losers[0], Conflict) and losers[0].by == winners[0]
    with db.read() as s:
        c = s.get_one(Client, cid)
        assert c.version == version + 1
        expected = 5 if winners[0] == rm.staff_no else 1
        assert (c.rating_family, c.rating_occupation, c.rating_social) == (expected,) * 3
        assert s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "rating")) == 1


def test_band_tables_as_text_round_trip_and_bad_text_names_the_factor():
    text = scoring.bands_text(DEFAULT_RULES.bands["loans"])
    assert text == "0:0; 50000:20; 200000:40; 500000:60; 1000000:80; 2000000:100"
    rules = scoring.check_settings(_settings(bands={**DEFAULT_RULES.bands, "loans": text + "；3000000.5：100"}))
    assert rules.bands["loans"][-1] == (Decimal("3000000.5"), 100)
    for bad in ("0-0; 10:20", "", "0:0; 10:20; 5:30"):
        with pytest.raises(ValidationError) as err:
            scoring.check_settings(_settings(bands={**DEFAULT_RULES.bands, "deposits": bad}))
        assert list(err.value.fields) == ["bands_deposits"]
