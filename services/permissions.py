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
    # Complaints (docs/complaints.md "Who may"): any staff member records one; the lobby manager owns the list.
    COMPLAINT_RECORD = "complaint.record"  # record one, and see the ones one recorded (state and due date)
    COMPLAINT_HANDLE = "complaint.handle"  # the branch's list with the text; advance, reply, close
    COMPLAINT_EXTEND = "complaint.extend"  # approve the one extension to 7 working days
    HOLIDAYS_MANAGE = "holidays.manage"  # the branch's own holiday list (docs/complaints.md "Working days")
    # The management desk (docs/settings.md, docs/diversion.md).
    SETTINGS_VIEW = "settings.view"  # the settings page: the administrator's and the supervisor's sections
    DIVERSION_RECORD = "diversion.record"  # count an ordinary client guided to self-service or the counter
    # Account-closure retention (docs/retention.md "Who may").
    RETENTION_VIEW = "retention.view"  # the page: what one flagged (lobby roles), one's clients' (RM), all (supervisor)
    RETENTION_FLAG = "retention.flag"  # flag a premium client closing or moving accounts
    RETENTION_VIEW_BRANCH = "retention.view_branch"  # every record of the branch
    RETENTION_WORK = "retention.work"  # record an action and close: the client's RM
    RETENTION_STEP_IN = "retention.step_in"  # act on any record of the branch: the supervisor
    # Monthly targets and the assessment (docs/assessment.md "Who may"): an RM their own, the supervisor all.
    TARGET_VIEW = "target.view"
    TARGET_SET = "target.set"
    ASSESSMENT_VIEW = "assessment.view"
    ASSESSMENT_EDIT = "assessment.edit"  # the rating, bonus/malus items, the weights
    ASSESSMENT_SUBMIT = "assessment.submit"  # report the month's assessment to the head office (supervisor)
    BRANCH_MANAGE = "branch.manage"  # add and list the installation's branches (docs/branches.md)
    # The head office (docs/head-office.md): every branch's figures, never a client's data.
    HEAD_OFFICE_VIEW = "headoffice.view"  # the consolidated sheets page, the branch ranking
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
_H = Role.HEAD_OFFICE
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
    Action.REPORT_ALL_BRANCHES: frozenset({_S, _H, SYSTEM_ROLE}),
    Action.STAFF_MANAGE: frozenset({_A, SYSTEM_ROLE}),
    Action.SETTINGS_MANAGE: frozenset({_A, SYSTEM_ROLE}),  # the branch's settings (docs/settings.md "Who")
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
    Action.COMPLAINT_RECORD: _STAFF_WHO_REFER,
    Action.COMPLAINT_HANDLE: frozenset({_L, _S}),
    Action.COMPLAINT_EXTEND: frozenset({_S}),
    Action.HOLIDAYS_MANAGE: frozenset({_A, _S, SYSTEM_ROLE}),
    Action.SETTINGS_VIEW: frozenset({_A, _S}),
    Action.DIVERSION_RECORD: _STAFF_WHO_REFER,
    Action.RETENTION_VIEW: frozenset({_T, _L, _R, _S}),
    Action.RETENTION_FLAG: frozenset({_T, _L, _R, _S}),
    Action.RETENTION_VIEW_BRANCH: frozenset({_L, _S}),
    Action.RETENTION_WORK: frozenset({_R, _S}),
    Action.RETENTION_STEP_IN: frozenset({_S}),
    Action.TARGET_VIEW: frozenset({_R, _S}),
    Action.TARGET_SET: frozenset({_S}),
    Action.ASSESSMENT_VIEW: frozenset({_R, _S}),
    Action.ASSESSMENT_EDIT: frozenset({_S}),
    Action.ASSESSMENT_SUBMIT: frozenset({_S}),
    # The head office's role joins this row when it exists (docs/branches.md "Who may add a branch").
    Action.BRANCH_MANAGE: frozenset({_A, _H, SYSTEM_ROLE}),
    Action.HEAD_OFFICE_VIEW: frozenset({_H}),
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
    branch_id: int | None  # None: the head office (docs/head-office.md), which belongs to no branch

    @classmethod
    def system(cls, branch_id: int) -> Actor:
        return cls(None, "system", "命令行", SYSTEM_ROLE, branch_id)

    @property
    def is_system(self) -> bool:
        return self.role == SYSTEM_ROLE

    @property
    def home_branch(self) -> int:
        """The actor's own branch; the head office has none, so whatever needs one refuses it."""
        if self.branch_id is None:
            raise PermissionDenied("branch", self.role)
        return self.branch_id


def allowed(role: str, action: Action) -> bool:
    return role in PERMISSIONS[action]


def owns_complaints(actor: Actor) -> bool:
    """The lobby manager and the supervisor: the branch's whole complaint list, with what the clients said."""
    return allowed(actor.role, Action.COMPLAINT_HANDLE)


def require(actor: Actor, action: Action) -> None:
    if not allowed(actor.role, action):
        raise PermissionDenied(action.value, actor.role)
