"""Every page of the main window, one row each: who may open it comes from services.permissions.

Adding a page is its ``Page`` subclass plus one ``PageSpec`` row here (docs/architecture.md
"Adding a page"). The class is imported only when a signed-in role needs it, so start-up
stays fast (docs/product.md "Budgets").
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from models import Role
from services.permissions import Action, allowed

if TYPE_CHECKING:
    from gui.context import AppContext
    from gui.pages.base import Page

    # Every page is built as ``PageClass(ctx, parent)``; its objectName is its own.
    PageClass = Callable[[AppContext, QWidget | None], Page]


@dataclass(frozen=True)
class PageSpec:
    """One page: its objectName (docs/product.md "Automation contract"), where its class lives,
    its navigation label for a role, and the permission action that grants it."""

    object_name: str
    module: str
    class_name: str
    label: Callable[[str], str]  # role -> the label in the navigation list
    action: Action

    def page_class(self) -> PageClass:
        from gui.pages.base import Page

        cls = getattr(importlib.import_module(self.module), self.class_name)
        assert isinstance(cls, type) and issubclass(cls, Page), f"{self.class_name} is not a Page"
        return cast("PageClass", cls)


def _referrals_label(role: str) -> str:
    branch = role in (Role.LOBBY_MANAGER, Role.SUPERVISOR)  # the branch's list, not one person's
    if branch:
        return QCoreApplication.translate("MainWindow", "Referrals")
    return QCoreApplication.translate("MainWindow", "My referrals")


PAGES: tuple[PageSpec, ...] = (
    # The RM's desk first: an RM (and the supervisor) starts the day at the queue (docs/follow-ups.md).
    PageSpec("followUpPage", "gui.pages.follow_up", "FollowUpPage",
             lambda _role: QCoreApplication.translate("MainWindow", "Follow-ups"), Action.FOLLOWUP_WORK),
    PageSpec("referralPage", "gui.pages.referral_form", "ReferralPage",
             lambda _role: QCoreApplication.translate("MainWindow", "File a referral"), Action.REFERRAL_FILE),
    PageSpec("myReferralsPage", "gui.pages.my_referrals", "MyReferralsPage", _referrals_label,
             Action.REFERRAL_VIEW_OWN),
    PageSpec("diaryPage", "gui.pages.diary", "DiaryPage",
             lambda _role: QCoreApplication.translate("MainWindow", "Work diary"), Action.DIARY_VIEW),
    PageSpec("dayClosePage", "gui.pages.day_close", "DayClosePage",
             lambda _role: QCoreApplication.translate("MainWindow", "Day close"), Action.DAY_CLOSE_VIEW),
    PageSpec("reportsPage", "gui.pages.reports", "ReportsPage",
             lambda _role: QCoreApplication.translate("MainWindow", "Reports"), Action.REPORT_EXPORT),
    PageSpec("weeklySummaryPage", "gui.pages.weekly_summary", "WeeklySummaryPage",
             lambda _role: QCoreApplication.translate("MainWindow", "Weekly summary"), Action.WEEKLY_VIEW),
    PageSpec("clientPage", "gui.pages.client_search", "ClientSearchPage",
             lambda _role: QCoreApplication.translate("MainWindow", "Find a client"), Action.CLIENT_LOOKUP),
    # Account-closure retention (docs/retention.md): the lobby roles flag, the RM and the supervisor act.
    PageSpec("retentionPage", "gui.pages.retention", "RetentionPage",
             lambda _role: QCoreApplication.translate("MainWindow", "Account closures"), Action.RETENTION_VIEW),
    PageSpec("staffPage", "gui.pages.staff_admin", "StaffAdminPage",
             lambda _role: QCoreApplication.translate("MainWindow", "Staff accounts"), Action.STAFF_MANAGE),
    # Complaints (docs/complaints.md): anyone on staff records; the lobby manager owns the list.
    PageSpec("complaintPage", "gui.pages.complaints", "ComplaintPage",
             lambda _role: QCoreApplication.translate("MainWindow", "Complaints"), Action.COMPLAINT_RECORD),
    # The management desk (docs/settings.md, docs/audit.md "Review").
    PageSpec("settingsPage", "gui.pages.settings", "SettingsPage",
             lambda _role: QCoreApplication.translate("MainWindow", "Settings"), Action.SETTINGS_VIEW),
    PageSpec("auditPage", "gui.pages.audit_review", "AuditReviewPage",
             lambda _role: QCoreApplication.translate("MainWindow", "Audit log"), Action.AUDIT_VIEW),
    # Monthly targets and the assessment (docs/assessment.md).
    PageSpec("targetsPage", "gui.pages.targets", "TargetsPage",
             lambda _role: QCoreApplication.translate("MainWindow", "Targets"), Action.TARGET_VIEW),
    PageSpec("assessmentPage", "gui.pages.assessment", "AssessmentPage",
             lambda _role: QCoreApplication.translate("MainWindow", "Assessment"), Action.ASSESSMENT_VIEW),
    # The head office (docs/head-office.md): every branch's figures, never a client.
    PageSpec("headOfficeReportsPage", "gui.pages.head_office", "HeadOfficeReportsPage",
             lambda _role: QCoreApplication.translate("MainWindow", "All branches' sheets"), Action.HEAD_OFFICE_VIEW),
    PageSpec("branchRankingPage", "gui.pages.head_office", "BranchRankingPage",
             lambda _role: QCoreApplication.translate("MainWindow", "Branch ranking"), Action.HEAD_OFFICE_VIEW),
    PageSpec("branchMonthPage", "gui.pages.head_office", "BranchMonthPage",
             lambda _role: QCoreApplication.translate("MainWindow", "Branches by month"), Action.HEAD_OFFICE_VIEW),
    PageSpec("headOfficeAssessmentPage", "gui.pages.head_office_assessment", "HeadOfficeAssessmentPage",
             lambda _role: QCoreApplication.translate("MainWindow", "Branches' assessment"), Action.HEAD_OFFICE_VIEW),
    # Branches (docs/branches.md): the installation's administrator and the head office.
    PageSpec("branchesPage", "gui.pages.branches", "BranchesPage",
             lambda _role: QCoreApplication.translate("MainWindow", "Branches"), Action.BRANCH_MANAGE),
)


def pages_for(role: str) -> tuple[PageSpec, ...]:
    """The pages ``role`` may open, in navigation order: the permission table decides."""
    return tuple(spec for spec in PAGES if allowed(role, spec.action))
