"""Every cell of the role × action table, exercised through the real service calls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from models import Client, Role, Tier
from services import (
    accounts,
    assessment,
    audit,
    branches,
    client_import,
    clients,
    complaints,
    dayclose,
    diary,
    diversion,
    followups,
    headoffice,
    imports,
    maintenance,
    received,
    referrals,
    reports,
    retention,
    scoring,
    settings,
    targets,
    weekly,
    workdays,
)
from services.db import Database
from services.errors import PermissionDenied
from services.permissions import PERMISSIONS, Action, Actor, allowed
from tests.factories import Factories

ROLES = list(Role)


class World:
    """One branch with a person of every role, a client of the RM's, and some work in flight."""

    def __init__(self, db: Database, f: Factories, tmp: Path) -> None:
        self.db, self.f, self.tmp = db, f, tmp
        self.people = {role: f.staff(role) for role in ROLES}
        self.rm = self.people[Role.RM]
        self.other_rm = f.staff(Role.RM)
        lobby = self.people[Role.LOBBY_MANAGER]
        self.pending = f.referral(lobby, self.rm, status="pending")
        self.referred = f.referral(lobby, self.rm, status="referred")
        self.client_id = self.pending.client_id
        self.follow_up_id = self.pending.follow_up_id

    def actor(self, role: Role) -> Actor:
        return self.f.actor(self.people[role])


def _tomorrow(db: Database) -> dt.date:
    return db.today() + dt.timedelta(days=1)


def _import_referrals(w: World, a: Actor) -> object:
    path = w.tmp / "refs.csv"
    path.write_text(
        "日期,推介人工号,客户姓名,手机号,客户类型,推介状态,理财经理工号\n"
        f"2026-11-19,{w.people[Role.TELLER].staff_no},钱七,13600002222,to_win,referred,{w.rm.staff_no}\n",
        encoding="utf-8",
    )
    return imports.import_referrals(w.db, a, path)


def _import_clients(w: World, a: Actor) -> object:
    path = w.tmp / "clients.csv"
    path.write_text(
        "客户姓名,手机号,理财经理工号,数据日期,存款,贷款,理财产品,基金,保险,中间业务,他行资产,家庭,职业,社会地位\n"
        f"钱七,13600002222,{w.rm.staff_no},2026-11-19,100000,0,0,0,0,0,0,3,3,3\n",
        encoding="utf-8",
    )
    return client_import.import_clients(w.db, a, path)


def _close_complete_day(w: World, a: Actor) -> object:
    referrals.record_outcome(w.db, w.actor(Role.SUPERVISOR), w.referred.id, met=True, deal=False)
    return dayclose.close_day(w.db, a, w.db.today())


def _reopen_closed_day(w: World, a: Actor) -> object:
    dayclose.close_day(w.db, w.actor(Role.SUPERVISOR), w.db.today(), force_reason="测试")
    return dayclose.reopen_day(w.db, a, w.db.today(), "补录")


def _retention_record(w: World, rm_id: int, *, flag_as: Actor | None = None) -> int:
    """A retention record (docs/retention.md) on a premium client of ``rm_id``, flagged by the supervisor."""
    from sqlalchemy import update

    from models import Client, Tier

    client_id = w.client_id if rm_id == w.rm.id else w.referred.client_id
    with w.db.write() as s:
        s.execute(update(Client).where(Client.id == client_id).values(tier=Tier.CORE, rm_id=rm_id))
    return retention.flag(w.db, flag_as or w.actor(Role.SUPERVISOR), client_id, moves=["close_account"],
                          amount_band="1m_5m", reason="rate")


def _retention_act(w: World, a: Actor, rm_id: int) -> object:
    rid = _retention_record(w, rm_id)
    return retention.record_action(w.db, a, rid, kind="talk", version=retention.get_record(
        w.db, w.actor(Role.SUPERVISOR), rid).version)


def _retention_flag(w: World, a: Actor) -> object:
    if not allowed(a.role, Action.RETENTION_FLAG):
        _retention_record(w, w.rm.id)  # the premium client exists; only the role is refused
        return retention.flag(w.db, a, w.client_id, moves=["close_account"], amount_band="1m_5m", reason="rate")
    return _retention_record(w, w.rm.id, flag_as=a)
def _record_maintenance(w: World, a: Actor) -> object:
    with w.db.write() as s:  # maintenance is recorded for clients of a planned tier
        s.get_one(Client, w.client_id).tier = Tier.CORE
    return maintenance.record(w.db, a, w.client_id, "greeting", "phone", w.db.now())


# One real call per action; each must raise PermissionDenied exactly when the table says no.
EXERCISE: dict[Action, Callable[[World, Actor], object]] = {
    Action.REFERRAL_FILE: lambda w, a: referrals.file_referral(w.db, a, referrals.ReferralInput(
        client_type="to_win", status="referred", rm_id=w.rm.id, channel="lobby", client_name="赵六",
        client_mobile="13700001111")),
    Action.REFERRAL_VIEW_OWN: lambda w, a: referrals.list_referrals(w.db, a, None, "own"),
    Action.REFERRAL_VIEW_BRANCH: lambda w, a: referrals.list_referrals(w.db, a, None, "branch"),
    Action.REFERRAL_EDIT_ANY: lambda w, a: referrals.void_referral(w.db, a, w.referred.id, "测试作废"),
    Action.REFERRAL_CONFIRM: lambda w, a: referrals.record_outcome(w.db, a, w.referred.id, met=True, deal=False),
    Action.CLIENT_LOOKUP: lambda w, a: clients.search_clients(w.db, a, "王"),
    Action.CLIENT_PROFILE: lambda w, a: clients.get_profile(w.db, a, w.client_id),
    Action.CLIENT_PROFILE_ALL: lambda w, a: clients.get_profile(
        w.db, a if a.role != "rm" else Actor(w.other_rm.id, w.other_rm.staff_no, "", "rm", a.branch_id), w.client_id),
    Action.CLIENT_EDIT: lambda w, a: clients.update_profile(
        w.db, a, w.client_id, clients.get_profile(w.db, w.actor(Role.SUPERVISOR), w.client_id).version,
        occupation="教师"),
    Action.CLIENT_REVEAL: lambda w, a: clients.reveal(w.db, a, w.client_id, "mobile"),
    Action.FOLLOWUP_WORK: lambda w, a: followups.record_contact(w.db, a, w.follow_up_id, channel="phone",
                                                                result="no_answer", next_contact_date=_tomorrow(w.db)),
    Action.FOLLOWUP_CREATE: lambda w, a: followups.create_own(w.db, a, w.client_id, _tomorrow(w.db)),
    Action.FOLLOWUP_REASSIGN: lambda w, a: followups.reassign(w.db, a, w.follow_up_id, w.other_rm.id),
    Action.STAFF_MANAGE: lambda w, a: accounts.add_staff(w.db, a, staff_no="N0001", name="新同事", role="teller"),
    Action.SETTINGS_MANAGE: lambda w, a: accounts.update_settings(w.db, a, idle_lock_minutes=5),
    Action.AUDIT_VIEW: lambda w, a: audit.list_events(w.db, a),
    Action.RECEIVED_VIEW: lambda w, a: received.received(w.db, a),
    Action.RECEIVED_VIEW_ANY: lambda w, a: received.received(w.db, a, rm_id=w.other_rm.id),
    Action.REFERRAL_IMPORT: _import_referrals,
    Action.DAY_CLOSE_VIEW: lambda w, a: dayclose.reconciliation(w.db, a, w.db.today()),
    Action.DAY_CLOSE: _close_complete_day,
    Action.DAY_CLOSE_FORCE: lambda w, a: dayclose.close_day(w.db, a, w.db.today(), force_reason="RM 外出，次日补录"),
    Action.DAY_REOPEN: _reopen_closed_day,
    Action.REPORT_EXPORT: lambda w, a: reports.export_report(w.db, a, "daily", w.db.today(), w.tmp / "d.pdf"),
    Action.REPORT_ALL_BRANCHES: lambda w, a: reports.export_report(w.db, a, "daily", w.db.today(),
                                                                   w.tmp / "all.pdf", all_branches=True),
    Action.WEEKLY_VIEW: lambda w, a: weekly.summary(w.db, a, a.staff_id if a.role == "rm" and a.staff_id else w.rm.id,
                                                    w.db.today()),
    Action.WEEKLY_SUBMIT: lambda w, a: weekly.submit(w.db, a, w.db.today(), "本周小结"),
    Action.WEEKLY_BRANCH: lambda w, a: weekly.branch_week(w.db, a, w.db.today()),
    Action.DIARY_VIEW: lambda w, a: diary.day(w.db, a, a.staff_id or 0, w.db.today()),
    Action.DIARY_VIEW_BRANCH: lambda w, a: diary.day(w.db, a, w.other_rm.id, w.db.today()),
    Action.PLAN_EDIT: lambda w, a: diary.add_plan(w.db, a, w.client_id, _tomorrow(w.db), "call"),
    Action.SCORE_EDIT: lambda w, a: scoring.add_snapshot(w.db, a, w.client_id, scoring.SnapshotInput(
        w.db.today(), deposits="100000")),
    Action.SCORE_SETTINGS: lambda w, a: scoring.score_settings(w.db, a),
    Action.SCORE_RECOMPUTE: lambda w, a: scoring.recompute_branch(w.db, a),
    Action.CLIENT_IMPORT: _import_clients,
    Action.SETTINGS_VIEW: lambda w, a: settings.read(w.db, a),
    Action.DIVERSION_RECORD: lambda w, a: diversion.record(w.db, a, "self_service"),
    Action.RETENTION_VIEW: lambda w, a: retention.list_records(w.db, a),
    Action.RETENTION_FLAG: _retention_flag,
    Action.RETENTION_VIEW_BRANCH: lambda w, a: retention.get_record(w.db, a, _retention_record(w, w.other_rm.id)),
    Action.RETENTION_WORK: lambda w, a: _retention_act(w, a, w.rm.id),
    Action.RETENTION_STEP_IN: lambda w, a: _retention_act(w, a, w.other_rm.id),
    Action.TARGET_VIEW: lambda w, a: targets.progress(w.db, a, w.db.today()),
    Action.TARGET_SET: lambda w, a: targets.set_targets(w.db, a, w.rm.id, w.db.today(), dict.fromkeys(
        targets.FIGURES, 1), 0),
    Action.ASSESSMENT_VIEW: lambda w, a: assessment.assess(w.db, a, w.db.today()),
    Action.ASSESSMENT_EDIT: lambda w, a: assessment.set_rating(w.db, a, w.rm.id, w.db.today(), 6, 0),
    Action.ASSESSMENT_SUBMIT: lambda w, a: assessment.submit(w.db, a, w.db.today(), 0),
    Action.HEAD_OFFICE_VIEW: lambda w, a: headoffice.branch_ranking(w.db, a, w.db.today(), w.db.today()),
    Action.BRANCH_MANAGE: lambda w, a: branches.list_branches(w.db, a),
    Action.MAINTENANCE_RECORD: _record_maintenance,
    Action.MAINTENANCE_DUE: lambda w, a: maintenance.due(w.db, a, w.db.today()),
    Action.MAINTENANCE_DUE_ANY: lambda w, a: maintenance.due(w.db, a, w.db.today(), w.other_rm.id),
    Action.MAINTENANCE_PLANS: lambda w, a: maintenance.set_plans(w.db, a, {"core": {"call": 7}}, 0),
}


# --- complaints and the holiday list (docs/complaints.md "Who may") ---

def _complaint(w: World) -> int:
    return complaints.record_complaint(w.db, w.actor(Role.SUPERVISOR), complaints.ComplaintInput(
        received_on=w.db.today(), channel="phone", kind="fees", content="收费不合理"))


def _extend(w: World, a: Actor) -> object:
    key = _complaint(w)
    last = complaints.get_complaint(w.db, w.actor(Role.SUPERVISOR), key).last_extension_day
    return complaints.extend(w.db, a, key, new_due=last, reason="需要总行答复")


EXERCISE.update({
    Action.COMPLAINT_RECORD: lambda w, a: complaints.record_complaint(w.db, a, complaints.ComplaintInput(
        received_on=w.db.today(), channel="face_to_face", kind="waiting_time", content="排队太久")),
    Action.COMPLAINT_HANDLE: lambda w, a: complaints.start_handling(w.db, a, _complaint(w)),
    Action.COMPLAINT_EXTEND: _extend,
    Action.HOLIDAYS_MANAGE: lambda w, a: workdays.add_holiday(w.db, a, day=w.db.today() + dt.timedelta(days=5),
                                                              kind="holiday", name="装修"),
})


def test_every_action_has_an_exerciser() -> None:
    assert set(EXERCISE) == set(Action)


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.value)
@pytest.mark.parametrize("action", list(Action), ids=lambda a: a.value)
def test_role_action_cell(action: Action, role: Role, db: Database, f: Factories, tmp_path: Path) -> None:
    world = World(db, f, tmp_path)
    call = EXERCISE[action]
    if allowed(role.value, action):
        call(world, world.actor(role))
    else:
        with pytest.raises(PermissionDenied):
            call(world, world.actor(role))


def test_table_matches_spec_summary() -> None:
    # docs/product.md "Privacy and security" in one place: admin sees no client data; tellers never finances.
    for action in (Action.CLIENT_LOOKUP, Action.CLIENT_PROFILE, Action.CLIENT_REVEAL, Action.REFERRAL_FILE):
        assert "admin" not in PERMISSIONS[action]
    assert not allowed("teller", Action.CLIENT_PROFILE)
    assert not allowed("lobby_manager", Action.CLIENT_PROFILE)
    assert allowed("rm", Action.CLIENT_PROFILE) and not allowed("rm", Action.CLIENT_PROFILE_ALL)
