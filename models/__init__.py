"""The domain model of Lobby Referral Desk: SQLAlchemy 2 typed classes and enums."""

from models.base import Base, UTCDateTime
from models.entities import (
    Appointment,
    AssessmentInput,
    AssessmentItem,
    AssessmentResult,
    AssessmentWeights,
    AuditEvent,
    Branch,
    BranchHoliday,
    BranchSettings,
    Client,
    Complaint,
    ContactAttempt,
    ContactPlan,
    DayClose,
    Diversion,
    FinancialSnapshot,
    FollowUp,
    ImportBatch,
    MaintenancePlan,
    MaintenanceRecord,
    ReasonText,
    Referral,
    RetentionAction,
    RetentionRecord,
    RmTarget,
    ScoreSettings,
    Staff,
    TierChange,
    WeeklySummary,
)
from models.enums import (
    DEFAULT_INTERESTS,
    AmountBand,
    AppointmentStatus,
    AssessmentItemKind,
    Channel,
    ClientType,
    ComplaintChannel,
    ComplaintKind,
    ComplaintState,
    ContactChannel,
    ContactResult,
    DiversionWhere,
    FollowUpOrigin,
    FollowUpState,
    Gender,
    HolidayKind,
    MaintenanceKind,
    NoDealReason,
    PlanKind,
    ReferralStatus,
    RetentionActionKind,
    RetentionMove,
    RetentionReason,
    RetentionResult,
    RiskTolerance,
    Role,
    Tier,
    TierCause,
)

__all__ = [
    "DEFAULT_INTERESTS", "Appointment", "AppointmentStatus",
    "AssessmentInput", "AssessmentItem", "AssessmentItemKind", "AssessmentWeights",
    "AuditEvent", "Base", "Branch",
    "BranchSettings", "Channel", "Client", "ClientType", "ContactAttempt", "ContactChannel", "ContactPlan",
    "ContactResult", "DayClose", "Diversion", "DiversionWhere", "FinancialSnapshot", "FollowUp", "FollowUpOrigin",
    "FollowUpState", "Gender", "ImportBatch", "MaintenanceKind", "MaintenancePlan", "MaintenanceRecord",
    "NoDealReason", "PlanKind",
    "ReasonText", "Referral", "ReferralStatus", "RiskTolerance", "RmTarget", "Role", "ScoreSettings", "Staff", "Tier",
    "TierCause", "TierChange", "UTCDateTime", "WeeklySummary",
]
# the assessment submitted to the head office (docs/assessment.md "Submitting to the head office")
__all__ += ["AssessmentResult"]
# complaints (docs/complaints.md)
__all__ += ["BranchHoliday", "Complaint", "ComplaintChannel", "ComplaintKind", "ComplaintState", "HolidayKind"]
# account-closure retention (docs/retention.md)
__all__ += [
    "AmountBand", "RetentionAction", "RetentionActionKind", "RetentionMove", "RetentionReason", "RetentionRecord",
    "RetentionResult",
]
