"""The domain model of Lobby Referral Desk: SQLAlchemy 2 typed classes and enums."""

from models.base import Base, UTCDateTime
from models.entities import (
    Appointment,
    AuditEvent,
    Branch,
    BranchSettings,
    Client,
    ContactAttempt,
    ContactPlan,
    DayClose,
    FinancialSnapshot,
    FollowUp,
    ImportBatch,
    MaintenancePlan,
    MaintenanceRecord,
    ReasonText,
    Referral,
    ScoreSettings,
    Staff,
    TierChange,
    WeeklySummary,
)
from models.enums import (
    DEFAULT_INTERESTS,
    AppointmentStatus,
    Channel,
    ClientType,
    ContactChannel,
    ContactResult,
    FollowUpOrigin,
    FollowUpState,
    Gender,
    MaintenanceKind,
    NoDealReason,
    PlanKind,
    ReferralStatus,
    RiskTolerance,
    Role,
    Tier,
    TierCause,
)

__all__ = [
    "DEFAULT_INTERESTS", "Appointment", "AppointmentStatus", "AuditEvent", "Base", "Branch",
    "BranchSettings", "Channel", "Client", "ClientType", "ContactAttempt", "ContactChannel", "ContactPlan",
    "ContactResult", "DayClose", "FinancialSnapshot", "FollowUp", "FollowUpOrigin",
    "FollowUpState", "Gender", "ImportBatch", "MaintenanceKind", "MaintenancePlan", "MaintenanceRecord",
    "NoDealReason", "PlanKind",
    "ReasonText", "Referral", "ReferralStatus", "RiskTolerance", "Role", "ScoreSettings", "Staff", "Tier",
    "TierCause", "TierChange", "UTCDateTime", "WeeklySummary",
]
