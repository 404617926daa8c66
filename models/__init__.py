"""The domain model of Lobby Referral Desk: SQLAlchemy 2 typed classes and enums."""

from models.base import Base, UTCDateTime
from models.entities import (
    Appointment,
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
    MaintenanceRecord,
    ReasonText,
    Referral,
    RetentionAction,
    RetentionRecord,
    ScoreSettings,
    Staff,
    TierChange,
    WeeklySummary,
)
from models.enums import (
    DEFAULT_INTERESTS,
    AmountBand,
    AppointmentStatus,
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
    "DEFAULT_INTERESTS", "Appointment", "AppointmentStatus", "AuditEvent", "Base", "Branch",
    "BranchSettings", "Channel", "Client", "ClientType", "ContactAttempt", "ContactChannel", "ContactPlan",
    "ContactResult", "DayClose", "Diversion", "DiversionWhere", "FinancialSnapshot", "FollowUp", "FollowUpOrigin",
    "FollowUpState", "Gender", "ImportBatch", "MaintenanceKind", "MaintenanceRecord", "NoDealReason", "PlanKind",
    "ReasonText", "Referral", "ReferralStatus", "RiskTolerance", "Role", "ScoreSettings", "Staff", "Tier",
    "TierCause", "TierChange", "UTCDateTime", "WeeklySummary",
]
# complaints (docs/complaints.md)
__all__ += ["BranchHoliday", "Complaint", "ComplaintChannel", "ComplaintKind", "ComplaintState", "HolidayKind"]
# account-closure retention (docs/retention.md)
__all__ += [
    "AmountBand", "RetentionAction", "RetentionActionKind", "RetentionMove", "RetentionReason", "RetentionRecord",
    "RetentionResult",
]
