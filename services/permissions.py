"""Who may do what: one role × action table, checked in every service call.

The rules: docs/product.md "Roles" and "Privacy and security"."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from models import Role
from services.errors import PermissionDenied


class Action(StrEnum):
    REFERRAL_FILE = "referral.file"
    REFERRAL_VIEW_OWN = "referral.view_own"
    REFERRAL_VIEW_BRANCH = "referral.view_branch"
    REFERRAL_EDIT_ANY = "referral.edit_any"  # edit/void others' referrals
    REFERRAL_CONFIRM = "referral.confirm"  # record a referred client's outcome
    REFERRAL_IMPORT = "referral.import"
    CLIENT_LOOKUP = "client.lookup"  # name, masked mobile, type
    CLIENT_PROFILE = "client.profile"  # full profile of own (RM) / all (supervisor)
    CLIENT_PROFILE_ALL = "client.profile_all"
    CLIENT_EDIT = "client.edit"
    CLIENT_REVEAL = "client.reveal"
    FOLLOWUP_WORK = "followup.work"
    FOLLOWUP_CREATE = "followup.create"
    FOLLOWUP_REASSIGN = "followup.reassign"
    DAY_CLOSE_VIEW = "dayclose.view"
    DAY_CLOSE = "dayclose.close"
    DAY_CLOSE_FORCE = "dayclose.force"
    DAY_REOPEN = "dayclose.reopen"
    REPORT_EXPORT = "report.export"
    REPORT_ALL_BRANCHES = "report.all_branches"
    STAFF_MANAGE = "staff.manage"
    SETTINGS_MANAGE = "settings.manage"
    AUDIT_VIEW = "audit.view"
    WEEKLY_VIEW = "weekly.view"  # the weekly summary page: one's own week (RM), any RM's (supervisor)
    WEEKLY_SUBMIT = "weekly.submit"  # submit one's own week's summary
    WEEKLY_BRANCH = "weekly.branch"  # every RM's week and the branch roll-up export
    RECEIVED_VIEW = "received.view"  # the referrals naming oneself as RM (docs/received.md)
    RECEIVED_VIEW_ANY = "received.view_any"  # any RM's of the branch
    DIARY_VIEW = "diary.view"  # the work diary: an RM their own, the supervisor any RM of the branch
    DIARY_VIEW_BRANCH = "diary.view_branch"
    PLAN_EDIT = "plan.edit"  # one's own visit and call plan
    # Scoring (docs/scoring.md "Who may"): finances are C2 data, never the lobby roles' or admin's.
    SCORE_EDIT = "score.edit"  # a snapshot, the ratings (RM: own clients; supervisor: the branch)
    SCORE_SETTINGS = "score.settings"
    SCORE_RECOMPUTE = "score.recompute"
    CLIENT_IMPORT = "client.import"
    # Maintenance (docs/maintenance.md "Who may"): the client's RM and the supervisor.
    MAINTENANCE_RECORD = "maintenance.record"  # record a maintenance contact (RM: own clients; supervisor: the branch)
    MAINTENANCE_DUE = "maintenance.due"  # one's own maintenance-due list, birthdays, holidays; read the plans
    MAINTENANCE_DUE_ANY = "maintenance.due_any"  # any RM's of the branch
    MAINTENANCE_PLANS = "maintenance.plans"  # edit the branch's per-tier plans


# The command line acts as the operator of the installation, not as a person
# signed in: it may set up staff and bring in the branch's old spreadsheets.
SYSTEM_ROLE = "system"

_T, _L, _R, _M, _S, _A = (
    Role.TELLER, Role.LOBBY_MANAGER, Role.RM, Role.MARKETING, Role.SUPERVISOR, Role.ADMIN,
)
_STAFF_WHO_REFER = frozenset({_T, _L, _R, _M, _S})

PERMISSIONS: dict[Action, frozenset[str]] = {
    Action.REFERRAL_FILE: _STAFF_WHO_REFER,
    Action.REFERRAL_VIEW_OWN: _STAFF_WHO_REFER,
    Action.REFERRAL_VIEW_BRANCH: frozenset({_L, _S}),
    Action.REFERRAL_EDIT_ANY: frozenset({_L, _S}),
    Action.REFERRAL_CONFIRM: frozenset({_L, _R, _S}),
    Action.REFERRAL_IMPORT: frozenset({_S, SYSTEM_ROLE}),
    Action.CLIENT_LOOKUP: _STAFF_WHO_REFER,
    Action.CLIENT_PROFILE: frozenset({_R, _S}),
    Action.CLIENT_PROFILE_ALL: frozenset({_S}),
    Action.CLIENT_EDIT: frozenset({_R, _S}),
    Action.CLIENT_REVEAL: frozenset({_R, _S}),
    Action.FOLLOWUP_WORK: frozenset({_R, _S}),
    Action.FOLLOWUP_CREATE: frozenset({_R, _S}),
    Action.FOLLOWUP_REASSIGN: frozenset({_S}),
    Action.DAY_CLOSE_VIEW: frozenset({_L, _S}),
    Action.DAY_CLOSE: frozenset({_L, _S}),
    Action.DAY_CLOSE_FORCE: frozenset({_S}),
    Action.DAY_REOPEN: frozenset({_S}),
    Action.REPORT_EXPORT: frozenset({_L, _S, SYSTEM_ROLE}),
    Action.REPORT_ALL_BRANCHES: frozenset({_S, SYSTEM_ROLE}),
    Action.STAFF_MANAGE: frozenset({_A, SYSTEM_ROLE}),
    Action.SETTINGS_MANAGE: frozenset({_A, _S, SYSTEM_ROLE}),
    Action.AUDIT_VIEW: frozenset({_A, _S}),
    Action.WEEKLY_VIEW: frozenset({_R, _S}),
    Action.WEEKLY_SUBMIT: frozenset({_R}),
    Action.WEEKLY_BRANCH: frozenset({_S}),
    Action.RECEIVED_VIEW: frozenset({_R, _S}),
    Action.RECEIVED_VIEW_ANY: frozenset({_S}),
    Action.DIARY_VIEW: frozenset({_R, _S}),
    Action.DIARY_VIEW_BRANCH: frozenset({_S}),
    Action.PLAN_EDIT: frozenset({_R}),
    Action.SCORE_EDIT: frozenset({_R, _S}),
    Action.SCORE_SETTINGS: frozenset({_S}),
    Action.SCORE_RECOMPUTE: frozenset({_S}),
    Action.CLIENT_IMPORT: frozenset({_S, SYSTEM_ROLE}),
    Action.MAINTENANCE_RECORD: frozenset({_R, _S}),
    Action.MAINTENANCE_DUE: frozenset({_R, _S}),
    Action.MAINTENANCE_DUE_ANY: frozenset({_S}),
    Action.MAINTENANCE_PLANS: frozenset({_S}),
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: a signed-in staff member, or the command line."""

    staff_id: int | None
    staff_no: str
    name: str
    role: str
    branch_id: int

    @classmethod
    def system(cls, branch_id: int) -> Actor:
        return cls(None, "system", "命令行", SYSTEM_ROLE, branch_id)

    @property
    def is_system(self) -> bool:
        return self.role == SYSTEM_ROLE


def allowed(role: str, action: Action) -> bool:
    return role in PERMISSIONS[action]


def require(actor: Actor, action: Action) -> None:
    if not allowed(actor.role, action):
        raise PermissionDenied(action.value, actor.role)
