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
    Staff,
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
    ReferralStatus,
    Role,
    Tier,
)

__all__ = [
    "DEFAULT_INTERESTS", "Appointment", "AppointmentStatus", "AuditEvent", "Base", "Branch",
    "BranchSettings", "Channel", "Client", "ClientType", "ContactAttempt", "ContactChannel",
    "ContactResult", "DayClose", "FinancialSnapshot", "FollowUp", "FollowUpOrigin",
    "FollowUpState", "Gender", "MaintenanceKind", "MaintenanceRecord", "NoDealReason", "ReasonText", "Referral",
    "ReferralStatus", "Role", "Staff", "Tier", "UTCDateTime",
    "WeeklySummary",
]
