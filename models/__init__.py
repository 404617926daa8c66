"""The domain model of Lobby Referral Desk: SQLAlchemy 2 typed classes and enums."""

from models.base import Base, UTCDateTime
from models.entities import (
    Appointment,
    AuditEvent,
    Branch,
    BranchSettings,
    Client,
    ContactAttempt,
    DayClose,
    FinancialSnapshot,
    FollowUp,
    MaintenanceRecord,
    ReasonText,
    Referral,
    ScoreSettings,
    Staff,
    TierChange,
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
    ReferralStatus,
    Role,
    Tier,
    TierCause,
)

__all__ = [
    "DEFAULT_INTERESTS", "Appointment", "AppointmentStatus", "AuditEvent", "Base", "Branch",
    "BranchSettings", "Channel", "Client", "ClientType", "ContactAttempt", "ContactChannel",
    "ContactResult", "DayClose", "FinancialSnapshot", "FollowUp", "FollowUpOrigin",
    "FollowUpState", "Gender", "MaintenanceKind", "MaintenanceRecord", "ReasonText", "Referral",
    "ReferralStatus", "Role", "ScoreSettings", "Staff", "Tier", "TierCause", "TierChange", "UTCDateTime",
]
