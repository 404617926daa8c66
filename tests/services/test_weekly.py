"""The weekly progress summary (docs/weekly.md): figures from a known week, the Friday 17:30 deadline,
once only, who reads whom, and two workstations submitting the same week at once."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import AuditEvent, Branch, BranchSettings, Role, WeeklySummary
from services import accounts, followups, weekly
from services.errors import NotFound, PermissionDenied, ValidationError
from services.i18n import msg
from services.permissions import Actor
from services.weekly import SummaryState, WeekFigures
from tests.weekly_support import FRIDAY_DUE, MONDAY, R01_WEEK, R02_WEEK, SUNDAY, at, seed_week

UTC = dt.timezone.utc


@pytest.fixture
def week(db, f, clock):  # type: ignore[no-untyped-def]
    return seed_week(db, f, clock)


# --- the figures ----------------------------------------------------------------------------

def test_the_figures_count_each_kind_of_the_weeks_recorded_work(db, f, week):
    figs = weekly.figures(db, f.actor(week.rm1), week.rm1.id, MONDAY + dt.timedelta(days=3))
    assert figs == R01_WEEK
    assert figs.contacts == 4
    assert weekly.figures(db, f.actor(week.sup), week.rm2.id, SUNDAY) == R02_WEEK
    assert weekly.figures(db, f.actor(week.sup), week.rm3.id, MONDAY) == WeekFigures()


def test_the_week_before_has_its_own_figures(db, f, week):
    before = weekly.figures(db, f.actor(week.rm1), week.rm1.id, MONDAY - dt.timedelta(days=1))
    assert (before.contacts_phone, before.met, before.deals, before.deal_amount) == (1, 1, 1, Decimal("999.99"))
    assert before.converted == before.not_premium == before.abandoned == 0


def test_overdue_counts_follow_ups_open_at_the_weeks_end(db, f, week, clock):
    """Seen again on the next Wednesday: fu3 is still open (overdue); closed ones never were at Sunday's end."""
    clock.now = at(SUNDAY + dt.timedelta(days=3), 9)
    rm1 = f.actor(week.rm1)
    assert weekly.figures(db, rm1, week.rm1.id, MONDAY).overdue == 1
    # Closed after the week ended: it was still open (and overdue) at Sunday's end, so it counts.
    (fu3,) = followups.queue(db, rm1)
    followups.close_follow_up(db, rm1, fu3.id, state="abandoned", reason="联系不上")
    assert weekly.figures(db, rm1, week.rm1.id, MONDAY).overdue == 1
    assert weekly.figures(db, rm1, week.rm1.id, SUNDAY + dt.timedelta(days=1)).overdue == 0


# --- submitting ---------------------------------------------------------------------------------

def test_an_rm_submits_their_week_on_time_and_it_is_audited_without_the_text(db, f, week, clock):
    view = weekly.submit(db, f.actor(week.rm1), MONDAY + dt.timedelta(days=2), "  客户甲需求是稳健理财。\n下周回访。 ")
    assert view.state is SummaryState.ON_TIME and view.week_start == MONDAY
    assert view.findings == "客户甲需求是稳健理财。\n下周回访。"
    assert view.figures == R01_WEEK and view.submitted_at == clock.now and not view.can_submit
    with db.read() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.entity == "weekly_summary")).one()
    assert (ev.action, ev.entity_id, ev.detail) == ("submit", view.summary_id, "week=2026-11-16 late=0")


@pytest.mark.parametrize(("moment", "state"), [
    (FRIDAY_DUE - dt.timedelta(minutes=1), SummaryState.ON_TIME),
    (FRIDAY_DUE, SummaryState.ON_TIME),
    (FRIDAY_DUE + dt.timedelta(minutes=1), SummaryState.LATE),
    (FRIDAY_DUE + dt.timedelta(days=4), SummaryState.LATE),
])
def test_friday_1730_branch_time_is_the_deadline(db, f, week, clock, moment, state):
    clock.now = moment.astimezone(UTC)
    view = weekly.submit(db, f.actor(week.rm1), MONDAY, "本周小结")
    assert view.state is state
    assert weekly.summary(db, f.actor(week.sup), week.rm1.id, MONDAY).state is state


def test_not_submitted_turns_missing_after_the_deadline(db, f, week, clock):
    assert weekly.summary(db, f.actor(week.rm1), week.rm1.id, MONDAY).state is SummaryState.NOT_SUBMITTED
    clock.now = (FRIDAY_DUE + dt.timedelta(minutes=1)).astimezone(UTC)
    view = weekly.summary(db, f.actor(week.rm1), week.rm1.id, MONDAY)
    assert view.state is SummaryState.MISSING and view.can_submit  # late is still better than never


def test_a_summary_submitted_twice_is_refused_beside_the_findings_and_nothing_changes(db, f, week, clock):
    weekly.submit(db, f.actor(week.rm1), MONDAY, "第一次")
    clock.advance(hours=1)
    with pytest.raises(ValidationError) as err:
        weekly.submit(db, f.actor(week.rm1), MONDAY, "第二次")
    assert list(err.value.fields) == ["findings"]
    assert err.value.fields["findings"] == msg("weekly_already_submitted", at="2026-11-20 10:00")
    with db.read() as s:
        assert s.scalars(select(WeeklySummary.findings)).all() == ["第一次"]
        assert s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.entity == "weekly_summary")) == 1


@pytest.mark.parametrize(("findings", "key"), [
    (None, "required"), ("", "required"), ("   \n  ", "required"), ("坏\x1b[31m字", "control_chars"),
])
def test_empty_or_control_character_findings_are_refused(db, f, week, findings, key):
    with pytest.raises(ValidationError) as err:
        weekly.submit(db, f.actor(week.rm1), MONDAY, findings)
    assert err.value.fields == {"findings": msg(key)}
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(WeeklySummary)) == 0


def test_findings_over_2000_characters_are_refused_and_quotes_and_emoji_kept(db, f, week):
    with pytest.raises(ValidationError) as err:
        weekly.submit(db, f.actor(week.rm1), MONDAY, "长" * 2001)
    assert err.value.fields == {"findings": msg("note_too_long", max=2000, n=2001)}
    text = "客户说：\"'; DROP TABLE weekly_summary; --\" 👨‍👩‍👧 " + "好" * 1900
    assert weekly.submit(db, f.actor(week.rm1), MONDAY, text).findings == text.strip()


def test_a_week_that_has_not_begun_cannot_be_submitted(db, f, week):
    with pytest.raises(ValidationError) as err:
        weekly.submit(db, f.actor(week.rm1), SUNDAY + dt.timedelta(days=1), "提前写好")
    assert "week" in err.value.fields


def test_the_figures_are_kept_as_submitted(db, f, week, clock):
    weekly.submit(db, f.actor(week.rm1), MONDAY, "小结")
    clock.now = at(SUNDAY, 9)  # more work after submitting: the summary keeps what was submitted
    fu = weekly.summary(db, f.actor(week.rm1), week.rm1.id, MONDAY)
    f.referral(week.lobby, week.rm1)  # a referred client on Sunday
    assert weekly.summary(db, f.actor(week.rm1), week.rm1.id, MONDAY).figures == fu.figures == R01_WEEK


# --- who reads whom ---------------------------------------------------------------------------------

def _other_branch(db, f) -> tuple[Actor, Actor]:  # type: ignore[no-untyped-def]
    with db.write() as s:
        b = Branch(code="0002", name="城东支行")
        s.add(b)
        s.flush()
        s.add(BranchSettings(branch_id=b.id, abandon_after_attempts=3, idle_lock_minutes=10, score_weights={},
                             interests=[]))
    people = [accounts.add_staff(db, f.system, staff_no=no, name=name, role=role, password="Passw0rd!",
                                 must_change_password=False, branch_code="0002")[0]
              for no, name, role in (("X01", "钱理财", Role.RM), ("X02", "孙主管", Role.SUPERVISOR))]
    return f.actor(people[0]), f.actor(people[1])


def test_role_by_record(db, f, week):
    rm1, rm2, sup, lobby = f.actor(week.rm1), f.actor(week.rm2), f.actor(week.sup), f.actor(week.lobby)
    other_rm, other_sup = _other_branch(db, f)
    weekly.submit(db, rm1, MONDAY, "王理财的发现")
    # own
    assert weekly.summary(db, rm1, week.rm1.id, MONDAY).findings == "王理财的发现"
    # another RM's
    with pytest.raises(PermissionDenied):
        weekly.summary(db, rm2, week.rm1.id, MONDAY)
    with pytest.raises(PermissionDenied):
        weekly.figures(db, rm2, week.rm1.id, MONDAY)
    with pytest.raises(PermissionDenied):
        weekly.branch_week(db, rm1, MONDAY)
    # another branch's: not even confirmed to exist, for the RM or the supervisor there
    for outsider in (other_rm, other_sup):
        with pytest.raises(NotFound):
            weekly.summary(db, outsider, week.rm1.id, MONDAY)
    assert [r.staff_no for r in weekly.branch_week(db, other_sup, MONDAY).rows] == ["X01"]
    with pytest.raises(NotFound):
        weekly.summary(db, sup, other_rm.staff_id, MONDAY)  # type: ignore[arg-type]
    # the branch's supervisor reads everyone; no one but RMs submits; the lobby and admin read nothing
    assert weekly.summary(db, sup, week.rm1.id, MONDAY).findings == "王理财的发现"
    with pytest.raises(PermissionDenied):
        weekly.submit(db, sup, MONDAY, "主管代交")
    for outsider in (lobby, f.actor(f.staff(Role.ADMIN)), f.actor(f.staff(Role.TELLER))):
        with pytest.raises(PermissionDenied):
            weekly.summary(db, outsider, week.rm1.id, MONDAY)
        with pytest.raises(PermissionDenied):
            weekly.branch_week(db, outsider, MONDAY)


def test_the_supervisor_sees_every_rms_week(db, f, week, clock):
    weekly.submit(db, f.actor(week.rm1), MONDAY, "按时")
    clock.now = (FRIDAY_DUE + dt.timedelta(hours=1)).astimezone(UTC)
    weekly.submit(db, f.actor(week.rm2), MONDAY, "迟交了")
    bw = weekly.branch_week(db, f.actor(week.sup), MONDAY + dt.timedelta(days=5))
    assert [(r.staff_no, r.state, r.findings) for r in bw.rows] == [
        ("R01", SummaryState.ON_TIME, "按时"), ("R02", SummaryState.LATE, "迟交了"),
        ("R03", SummaryState.MISSING, None)]
    assert [r.figures for r in bw.rows] == [R01_WEEK, R02_WEEK, WeekFigures()]
    assert bw.totals.contacts == 5 and bw.totals.deal_amount == Decimal("12345.60")
    assert (bw.week_start, bw.week_end, bw.count(SummaryState.MISSING)) == (MONDAY, SUNDAY, 1)


def test_an_rm_deactivated_after_submitting_stays_in_the_roll_up(db, f, week):
    weekly.submit(db, f.actor(week.rm3), MONDAY, "最后一周")
    accounts.set_active(db, f.system, week.rm3.id, False)
    rows = weekly.branch_week(db, f.actor(week.sup), MONDAY).rows
    assert [(r.staff_no, r.active) for r in rows][-1] == ("R03", False)


# --- two workstations submitting the same week at once ---------------------------------------------

def test_two_sessions_submitting_the_same_week_give_one_summary_and_one_refusal(db, f, week, monkeypatch):
    """Both sessions have found no summary before either inserts; the unique (RM, week) index decides.

    On PostgreSQL the loser's insert waits for the winner's commit and then fails; it is told
    beside the findings when the week was submitted. SQLite lets one writer in at a time, so
    the second always finds the first's row (the other test of submitting twice).
    """
    if db.dialect != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: both sessions can never miss each other's row")
    actor = f.actor(week.rm1)
    real_flush = Session.flush
    racing = threading.local()
    barrier = threading.Barrier(2, timeout=10)

    def flush_at_the_barrier(self: Session, objects: Any = None) -> None:
        if getattr(racing, "on", False) and self.new:
            racing.on = False
            barrier.wait()
        real_flush(self, objects)

    monkeypatch.setattr(Session, "flush", flush_at_the_barrier)
    outcomes: dict[str, BaseException | None] = {}

    def run(text: str) -> None:
        racing.on = True
        try:
            weekly.submit(db, actor, MONDAY, text)
            outcomes[text] = None
        except BaseException as failure:  # the test reports whatever escaped
            outcomes[text] = failure

    threads = [threading.Thread(target=run, args=(text,)) for text in ("甲工作站", "乙工作站")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    winners = [text for text, exc in outcomes.items() if exc is None]
    losers = [exc for exc in outcomes.values() if exc is not None]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert isinstance(losers[0], ValidationError) and list(losers[0].fields) == ["findings"]
    assert losers[0].fields["findings"] == msg("weekly_already_submitted", at="2026-11-20 10:00")
    with db.read() as s:
        assert s.scalars(select(WeeklySummary.findings)).all() == winners
        assert s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.entity == "weekly_summary")) == 1
