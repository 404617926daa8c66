"""The branch's referral work as SQLAlchemy 2 typed classes (no Qt, no I/O)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Enum,
    FetchedValue,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, int_pk, money, name30, str32, str64, text500, utc_ts
from models.enums import (
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
    RetentionReason,
    RetentionResult,
    RiskTolerance,
    Role,
    Tier,
    TierCause,
)


def enum_type(enum_cls: type[StrEnum]) -> Enum:
    """A VARCHAR holding the enum's value; the service layer validates moves."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class Branch(Base):
    __tablename__ = "branch"

    id: Mapped[int_pk]
    code: Mapped[str32] = mapped_column(unique=True)
    name: Mapped[str64]


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int_pk]
    # None only for the head office (migration 0020's CHECK; docs/head-office.md "The account").
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branch.id"))
    staff_no: Mapped[str32] = mapped_column(unique=True)  # 工号
    name: Mapped[name30]
    role: Mapped[Role] = mapped_column(enum_type(Role))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[utc_ts | None]
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[utc_ts]
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    branch: Mapped[Branch | None] = relationship()

    @property
    def home_branch_id(self) -> int:
        """The branch of one of a branch's staff; the head office has none (docs/head-office.md)."""
        if self.branch_id is None:
            raise LookupError(f"staff {self.staff_no} belongs to no branch")
        return self.branch_id

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_staff_branch_role", "branch_id", "role", "active"),
        CheckConstraint("branch_id IS NOT NULL OR role = 'head_office'", name="branch_unless_head_office"),
    )


class Client(Base):
    __tablename__ = "client"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    name: Mapped[name30]
    gender: Mapped[Gender] = mapped_column(enum_type(Gender), default=Gender.UNKNOWN)
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    mobile: Mapped[str | None] = mapped_column(String(11))
    id_number: Mapped[str | None] = mapped_column(String(18))
    occupation: Mapped[str | None] = mapped_column(String(60))
    employer: Mapped[str | None] = mapped_column(String(100))
    family: Mapped[str | None] = mapped_column(String(200))  # household: members, in the RM's words
    income_band: Mapped[str | None] = mapped_column(String(32))
    education: Mapped[str | None] = mapped_column(String(32))
    interests: Mapped[list[str]] = mapped_column(JSON, default=list)
    district: Mapped[str | None] = mapped_column(String(60))
    rm_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    tier: Mapped[Tier] = mapped_column(enum_type(Tier), default=Tier.NONE)
    score: Mapped[int] = mapped_column(Integer, default=0)
    judged_ordinary_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    judged_ordinary_at: Mapped[utc_ts | None]
    created_at: Mapped[utc_ts]
    updated_at: Mapped[utc_ts | None]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # who saved this version
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    # The profile's remaining fields (docs/profiles.md "Fields"; migration 0010).
    dependants: Mapped[int | None] = mapped_column(Integer)
    social_standing: Mapped[str | None] = mapped_column(String(100))
    risk_tolerance: Mapped[RiskTolerance | None] = mapped_column(enum_type(RiskTolerance))
    # The RM's ratings, 0–5 each, None until rated (docs/scoring.md "Factors").
    rating_family: Mapped[int | None] = mapped_column(Integer)
    rating_occupation: Mapped[int | None] = mapped_column(Integer)
    rating_social: Mapped[int | None] = mapped_column(Integer)

    rm: Mapped[Staff | None] = relationship(foreign_keys=[rm_id])

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_client_mobile", "mobile"),
        # One client per mobile number in a branch (docs/saving.md "Look-up-or-insert"); also the
        # search per keystroke and the import's matching, which look within one branch: branch first.
        Index("ux_client_branch_mobile", "branch_id", "mobile", unique=True),
        Index("ix_client_branch_name", "branch_id", "name"),
        Index("ix_client_id_number", "id_number"),
        Index("ix_client_branch_id_number", "branch_id", "id_number"),  # the search by ID number (migration 0010)
        Index("ix_client_rm", "rm_id"),
        # The branch recompute walks one branch's clients in id order (docs/scoring.md).
        Index("ix_client_branch_id", "branch_id", "id"),
        # The RM's maintenance-due list, read from the index alone (migration 0015; docs/maintenance.md).
        Index("ix_client_rm_tier", "rm_id", "tier", "branch_id", "created_at", "id"),
    )


# The lobby's search by exactly the last four digits of a mobile (docs/permissions.md "Search"):
# the same expression as services/clients.py writes, so the index serves it.
Index("ix_client_branch_last_four", Client.branch_id, func.substr(Client.mobile, 8, 4))


class FinancialSnapshot(Base):
    """A client's holdings on one date; amounts in yuan, Decimal only."""

    __tablename__ = "financial_snapshot"

    id: Mapped[int_pk]
    # Its branch, copied from the parent (docs/row-level-security.md "Child tables").
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), server_default=FetchedValue())
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    as_of: Mapped[dt.date] = mapped_column(Date)
    deposits: Mapped[money] = mapped_column(default=Decimal("0"))
    loans: Mapped[money] = mapped_column(default=Decimal("0"))
    wealth_products: Mapped[money] = mapped_column(default=Decimal("0"))
    funds: Mapped[money] = mapped_column(default=Decimal("0"))
    insurance: Mapped[money] = mapped_column(default=Decimal("0"))
    intermediary: Mapped[money] = mapped_column(default=Decimal("0"))
    aum: Mapped[money] = mapped_column(default=Decimal("0"))
    # An estimate of what the client holds at other banks: decides the to-win tier (docs/scoring.md).
    assets_elsewhere: Mapped[money] = mapped_column(default=Decimal("0"), server_default="0")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[utc_ts]


class Referral(Base):
    """One 优质客户推介表."""

    __tablename__ = "referral"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    business_date: Mapped[dt.date] = mapped_column(Date)  # the branch's local day
    created_at: Mapped[utc_ts]
    referrer_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    client_type: Mapped[ClientType] = mapped_column(enum_type(ClientType))
    channel: Mapped[Channel] = mapped_column(enum_type(Channel))
    status: Mapped[ReferralStatus] = mapped_column(enum_type(ReferralStatus))
    rm_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    interests: Mapped[list[str]] = mapped_column(JSON, default=list)
    preferred_contact_at: Mapped[utc_ts | None]
    note: Mapped[text500 | None]
    # 营销成果, recorded by the RM (or by the lobby manager at day close).
    met: Mapped[bool | None] = mapped_column(Boolean)
    deal: Mapped[bool | None] = mapped_column(Boolean)
    outcome_products: Mapped[str | None] = mapped_column(String(200))
    outcome_amount: Mapped[money | None]
    # Why a met client did not buy (migration 0014; docs/received.md).
    no_deal_reason: Mapped[NoDealReason | None] = mapped_column(enum_type(NoDealReason))
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    confirmed_at: Mapped[utc_ts | None]
    voided_at: Mapped[utc_ts | None]
    voided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # The reason typed when voiding lives in reason_text (docs/audit.md "Reasons").
    void_reason_id: Mapped[int | None] = mapped_column(ForeignKey("reason_text.id"))
    updated_at: Mapped[utc_ts | None]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # who saved this version
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    client: Mapped[Client] = relationship(foreign_keys=[client_id])
    referrer: Mapped[Staff] = relationship(foreign_keys=[referrer_id])
    rm: Mapped[Staff] = relationship(foreign_keys=[rm_id])

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_referral_stats", "branch_id", "business_date", "referrer_id"),
        Index("ix_referral_rm_date", "rm_id", "business_date"),
        Index("ix_referral_client_date", "client_id", "business_date"),
        # The lists' order (newest first, keyset on created_at, id) read straight from an index:
        # one branch day, every day of the branch, every day of one referrer.
        Index("ix_referral_branch_day_created", "branch_id", "business_date", "created_at", "id"),
        Index("ix_referral_branch_created", "branch_id", "created_at", "id"),
        Index("ix_referral_referrer_created", "referrer_id", "created_at", "id"),
        # "Referrals for me since the last one I saw" (the RM's notification): one range (migration 0014).
        Index("ix_referral_rm_id", "rm_id", "id"),
        Index("ix_referral_client_created", "client_id", "created_at", "id"),  # the profile's timeline
    )


class FollowUp(Base):
    """One 待跟进客户信息记录表: a client the RM must contact."""

    __tablename__ = "follow_up"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    rm_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    origin: Mapped[FollowUpOrigin] = mapped_column(enum_type(FollowUpOrigin))
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id"), unique=True)
    # A follow-up the RM opened from a referral's outcome (after-sale call, second try); not unique,
    # and not referral_id, which is the pending referral's own follow-up (docs/received.md).
    source_referral_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id"))
    state: Mapped[FollowUpState] = mapped_column(enum_type(FollowUpState))
    next_contact_date: Mapped[dt.date | None] = mapped_column(Date)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Failed attempts (no answer, wrong number, declined) since the last that reached the client or
    # booked a meeting: what the abandonment proposal counts (docs/product.md "Workflow").
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_result: Mapped[ContactResult | None] = mapped_column(enum_type(ContactResult))
    # The optional pre-contact plan (接触前准备): strengths, personality, likely needs, goal of the next contact.
    plan_strengths: Mapped[str | None] = mapped_column(String(200))
    plan_personality: Mapped[str | None] = mapped_column(String(200))
    plan_needs: Mapped[str | None] = mapped_column(String(200))
    plan_goal: Mapped[str | None] = mapped_column(String(200))
    outcome_reason: Mapped[str | None] = mapped_column(String(500))  # system text, and closes before 0012
    # The reason typed at the close, kept apart as client data (docs/contacts.md "Close reasons").
    outcome_reason_id: Mapped[int | None] = mapped_column(ForeignKey("reason_text.id"))
    opened_at: Mapped[utc_ts]
    closed_at: Mapped[utc_ts | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    updated_at: Mapped[utc_ts | None]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # who saved this version
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    client: Mapped[Client] = relationship(foreign_keys=[client_id])
    rm: Mapped[Staff] = relationship(foreign_keys=[rm_id])

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_follow_up_queue", "rm_id", "state", "next_contact_date", "id"),
        Index("ix_follow_up_client", "client_id", "state"),
        Index("ix_follow_up_branch_opened", "branch_id", "opened_at"),
        # The queues (one RM, or the whole branch for the supervisor): only open follow-ups are read,
        # never the closed history; and the sheets' "closed in the period" by its own range.
        Index("ix_follow_up_branch_queue", "branch_id", "state", "next_contact_date", "id"),
        Index("ix_follow_up_branch_closed", "branch_id", "closed_at"),
        Index("ix_follow_up_source_referral", "source_referral_id"),
        Index("ix_follow_up_client_opened", "client_id", "opened_at", "id"),  # the profile's timeline
    )


class ContactAttempt(Base):
    """One 联络记录: a call, SMS, e-mail, letter or visit and its result."""

    __tablename__ = "contact_attempt"

    id: Mapped[int_pk]
    # Its branch, copied from the parent (docs/row-level-security.md "Child tables").
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), server_default=FetchedValue())
    follow_up_id: Mapped[int] = mapped_column(ForeignKey("follow_up.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    channel: Mapped[ContactChannel] = mapped_column(enum_type(ContactChannel))
    at: Mapped[utc_ts]
    result: Mapped[ContactResult] = mapped_column(enum_type(ContactResult))
    note: Mapped[text500 | None]
    next_contact_date: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (
        Index("ix_contact_attempt_follow_up", "follow_up_id", "at"),
        Index("ix_contact_attempt_staff_at", "staff_id", "at"),
    )


class Appointment(Base):
    """One 预约: an agreed meeting time and place."""

    __tablename__ = "appointment"

    id: Mapped[int_pk]
    # Its branch, copied from the parent (docs/row-level-security.md "Child tables").
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), server_default=FetchedValue())
    follow_up_id: Mapped[int | None] = mapped_column(ForeignKey("follow_up.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    rm_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[utc_ts]
    place: Mapped[str | None] = mapped_column(String(100))
    purpose: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[text500 | None]
    status: Mapped[AppointmentStatus] = mapped_column(enum_type(AppointmentStatus))
    # The appointment this one replaced when it was moved (docs/diary.md "Appointments").
    moved_from_id: Mapped[int | None] = mapped_column(ForeignKey("appointment.id"))
    created_at: Mapped[utc_ts]
    updated_at: Mapped[utc_ts | None]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # who saved this version
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_appointment_rm_at", "rm_id", "at"),
        Index("ix_appointment_created", "rm_id", "created_at"),
        Index("ix_appointment_moved_from", "moved_from_id"),
        Index("ix_appointment_client_at", "client_id", "at", "id"),  # the profile's timeline
        Index("ix_appointment_follow_up", "follow_up_id", "status", "at"),  # the queue's appointment column
    )


class ContactPlan(Base):
    """One planned visit or call of the RM's week plan (docs/diary.md "Visit and call plans").

    Whether it was done is read from the contacts, appointments and maintenance of
    that week, never stored; a dropped plan is deleted (the audit log keeps it)."""

    __tablename__ = "contact_plan"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    rm_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    planned_date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[PlanKind] = mapped_column(enum_type(PlanKind))
    note: Mapped[str | None] = mapped_column(String(200))
    proposed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[utc_ts]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    updated_at: Mapped[utc_ts | None]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # who saved this version
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("rm_id", "planned_date", "client_id", "kind", name="uq_contact_plan_rm_id"),
        Index("ix_contact_plan_client", "client_id", "planned_date"),
    )


class MaintenanceRecord(Base):
    """One 维护记录: a contact with a client of a planned tier (docs/maintenance.md).

    ``rm_id`` is the staff member who made the contact (the client's RM or the supervisor).
    ``note`` is free text about the client: read like client data, never in the audit text.
    ``channel`` is None on rows written before migration 0015.
    """

    __tablename__ = "maintenance_record"

    id: Mapped[int_pk]
    # Its branch, copied from the parent (docs/row-level-security.md "Child tables").
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), server_default=FetchedValue())
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    rm_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[utc_ts]
    kind: Mapped[MaintenanceKind] = mapped_column(enum_type(MaintenanceKind))
    note: Mapped[text500 | None]
    channel: Mapped[ContactChannel | None] = mapped_column(enum_type(ContactChannel))

    __table_args__ = (
        Index("ix_maintenance_client_at", "client_id", "at", "id"),  # the profile's timeline
        Index("ix_maintenance_client_channel_at", "client_id", "channel", "at"),  # the due list's last call/visit
        Index("ix_maintenance_branch_at", "branch_id", "at"),
    )


class MaintenancePlan(Base):
    """A branch's per-tier maintenance plans (docs/maintenance.md "Plans"); no row means the defaults.

    ``plans``: tier value -> {"call": days or null, "visit": days or null}.
    """

    __tablename__ = "maintenance_plan"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), unique=True)
    plans: Mapped[dict[str, dict[str, int | None]]] = mapped_column(JSON)
    updated_at: Mapped[utc_ts | None]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # who saved this version
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class DayClose(Base):
    """日终核对 of one branch day; a closed day is read-only."""

    __tablename__ = "day_close"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    business_date: Mapped[dt.date] = mapped_column(Date)
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    closed_at: Mapped[utc_ts | None]
    close_reason_id: Mapped[int | None] = mapped_column(ForeignKey("reason_text.id"))  # forced close
    reopened_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    reopened_at: Mapped[utc_ts | None]
    reopen_reason_id: Mapped[int | None] = mapped_column(ForeignKey("reason_text.id"))
    updated_at: Mapped[utc_ts | None]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # who saved this version
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (UniqueConstraint("branch_id", "business_date", name="uq_day_close_branch_date"),)


class ReasonText(Base):
    """Free text a person typed with an audited action (a void, a forced close, a reopen).

    Kept apart from the audit log, which only points here: it may hold anything
    a person typed, so it is read like client data (docs/audit.md "Reasons").
    """

    __tablename__ = "reason_text"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[utc_ts]
    text: Mapped[text500]


class AuditEvent(Base):
    """Append-only and hash-chained; the text never holds a client's personal data (docs/audit.md)."""

    __tablename__ = "audit_event"

    id: Mapped[int_pk]
    at: Mapped[utc_ts]
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branch.id"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    actor_staff_no: Mapped[str | None] = mapped_column(String(32))
    action: Mapped[str32]
    entity: Mapped[str32]
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str | None] = mapped_column(String(500))
    reason_id: Mapped[int | None] = mapped_column(ForeignKey("reason_text.id"))
    # The previous event's hash (unique: the chain cannot fork) and this event's own.
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_event_at", "at"), Index("ix_audit_event_entity", "entity", "entity_id"))


class BranchSettings(Base):
    __tablename__ = "branch_settings"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), unique=True)
    abandon_after_attempts: Mapped[int] = mapped_column(Integer, default=3)
    idle_lock_minutes: Mapped[int] = mapped_column(Integer, default=10)
    score_weights: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    interests: Mapped[list[str]] = mapped_column(JSON, default=list)
    updated_at: Mapped[utc_ts | None]  # migration 0018: who saved this version (docs/settings.md)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class WeeklySummary(Base):
    """One 每周工作进度汇总表: an RM's week as submitted, with the RM's findings (docs/weekly.md).

    The findings are free text a person typed: read like client data, by the RM and the
    branch's supervisor only. ``figures`` keeps the week's figures as they stood when the RM
    submitted, the way a paper form keeps what was written on it.
    """

    __tablename__ = "weekly_summary"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    rm_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    week_start: Mapped[dt.date] = mapped_column(Date)  # the Monday of the ISO week
    findings: Mapped[str] = mapped_column(String(2000))
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    submitted_at: Mapped[utc_ts]
    submitted_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("rm_id", "week_start", name="uq_weekly_summary_rm_week"),
        Index("ix_weekly_summary_branch_week", "branch_id", "week_start"),
    )


class ImportBatch(Base):
    """An import's rows written but not yet published: every reader skips these id ranges (docs/imports.md).

    A referral import writes its rows in short transactions while this row exists,
    then deletes it in one short last transaction, which makes them all visible
    at once; rows left behind by a killed import are deleted on the next start
    or import. A range is NULL until the import reaches that table.
    """

    __tablename__ = "import_batch"

    id: Mapped[int_pk]
    started_at: Mapped[utc_ts]
    client_first: Mapped[int | None] = mapped_column(Integer)
    client_last: Mapped[int | None] = mapped_column(Integer)
    referral_first: Mapped[int | None] = mapped_column(Integer)
    referral_last: Mapped[int | None] = mapped_column(Integer)
    follow_up_first: Mapped[int | None] = mapped_column(Integer)
    follow_up_last: Mapped[int | None] = mapped_column(Integer)


class TierChange(Base):
    """One move of a client's tier: old and new tier and score, and what moved it (docs/scoring.md)."""

    __tablename__ = "tier_change"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    at: Mapped[utc_ts]
    old_tier: Mapped[Tier] = mapped_column(enum_type(Tier))
    new_tier: Mapped[Tier] = mapped_column(enum_type(Tier))
    old_score: Mapped[int] = mapped_column(Integer)
    new_score: Mapped[int] = mapped_column(Integer)
    cause: Mapped[TierCause] = mapped_column(enum_type(TierCause))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # None: the command line

    __table_args__ = (Index("ix_tier_change_client_at", "client_id", "at", "id"),)


class ScoreSettings(Base):
    """A branch's scoring rules (docs/scoring.md "Settings"); no row means the documented defaults."""

    __tablename__ = "score_settings"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), unique=True)
    weights: Mapped[dict[str, int]] = mapped_column(JSON)  # factor -> whole-number weight, summing to 100
    bands: Mapped[dict[str, list[list[Any]]]] = mapped_column(JSON)  # factor -> [[from yuan (text), points]]
    core_premium_min: Mapped[int] = mapped_column(Integer)
    ordinary_premium_min: Mapped[int] = mapped_column(Integer)
    potential_min: Mapped[int] = mapped_column(Integer)
    to_win_elsewhere_min: Mapped[money]
    updated_at: Mapped[utc_ts | None]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # who saved this version
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class BranchHoliday(Base):
    """One day of the branch's own holiday list: a closure, or a make-up working day (docs/complaints.md).

    It overrides the public calendar (``chinesecalendar``) for this branch only."""

    __tablename__ = "branch_holiday"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    day: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[HolidayKind] = mapped_column(enum_type(HolidayKind))
    name: Mapped[name30]
    created_at: Mapped[utc_ts]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

    __table_args__ = (UniqueConstraint("branch_id", "day", name="uq_branch_holiday_branch_day"),)


class Complaint(Base):
    """One 客户投诉 (docs/complaints.md): owned by the lobby manager, due in working days.

    ``content`` and ``reply`` are what the client said and what the branch answered: client
    data, read only by the roles that own complaints (services/complaints.py), never in the
    audit log. ``due_on`` is the deadline in force (the extended one once extended);
    ``first_due_on`` keeps the 3-working-day one. ``done`` orders the list: open first."""

    __tablename__ = "complaint"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"))
    client_name: Mapped[str | None] = mapped_column(String(30))
    received_on: Mapped[dt.date] = mapped_column(Date)  # the branch day the complaint came in
    channel: Mapped[ComplaintChannel] = mapped_column(enum_type(ComplaintChannel))
    kind: Mapped[ComplaintKind] = mapped_column(enum_type(ComplaintKind))
    content: Mapped[str] = mapped_column(String(1000))
    state: Mapped[ComplaintState] = mapped_column(enum_type(ComplaintState))
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    first_due_on: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[dt.date] = mapped_column(Date)
    due_estimated: Mapped[bool] = mapped_column(Boolean, default=False)  # past the public calendar's years
    extension_reason_id: Mapped[int | None] = mapped_column(ForeignKey("reason_text.id"))
    extension_approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    extension_approved_at: Mapped[utc_ts | None]
    reply: Mapped[str | None] = mapped_column(String(1000))
    replied_on: Mapped[dt.date | None] = mapped_column(Date)
    replied_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    justified: Mapped[bool | None] = mapped_column(Boolean)
    closed_at: Mapped[utc_ts | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # the lobby manager handling it
    created_at: Mapped[utc_ts]
    updated_at: Mapped[utc_ts | None]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # who saved this version
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        # The owner's list: open first, then by due date (keyset on done, due_on, id).
        Index("ix_complaint_branch_list", "branch_id", "done", "due_on", "id"),
        Index("ix_complaint_recorder_list", "recorded_by_id", "done", "due_on", "id"),
        Index("ix_complaint_branch_received", "branch_id", "received_on"),  # the monthly counts
    )
class Diversion(Base):
    """An ordinary client the lobby guided to self-service or the counter; no client data (docs/diversion.md)."""

    __tablename__ = "diversion"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    at: Mapped[utc_ts]
    business_date: Mapped[dt.date] = mapped_column(Date)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    guided_to: Mapped[DiversionWhere] = mapped_column(enum_type(DiversionWhere))

    __table_args__ = (Index("ix_diversion_branch_day", "branch_id", "business_date", "staff_id"),)


class RetentionRecord(Base):
    """One 优质客户异动销户记录表: a premium client closing or moving accounts, and the effort to keep them
    (docs/retention.md). Open while ``result`` is None; ``is_open`` orders the list (open first)."""

    __tablename__ = "retention_record"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    business_date: Mapped[dt.date] = mapped_column(Date)  # the branch's day the client came to close
    flagged_at: Mapped[utc_ts]
    flagged_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    moves: Mapped[list[str]] = mapped_column(JSON, default=list)  # RetentionMove codes, never account numbers
    amount_band: Mapped[AmountBand] = mapped_column(enum_type(AmountBand))
    reason: Mapped[RetentionReason] = mapped_column(enum_type(RetentionReason))
    # The client's words, if typed, kept apart as client data (docs/audit.md "Reasons").
    reason_text_id: Mapped[int | None] = mapped_column(ForeignKey("reason_text.id"))
    rm_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # the client's RM when flagged
    is_open: Mapped[bool] = mapped_column(Boolean, default=True)
    result: Mapped[RetentionResult | None] = mapped_column(enum_type(RetentionResult))
    closed_at: Mapped[utc_ts | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    updated_at: Mapped[utc_ts | None]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # who saved this version
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        # The page's lists, open first then newest (keyset on is_open, flagged_at, id): the branch,
        # one RM's clients, what one person flagged.
        Index("ix_retention_branch_list", "branch_id", "is_open", "flagged_at", "id"),
        Index("ix_retention_rm_list", "rm_id", "is_open", "flagged_at", "id"),
        Index("ix_retention_flagger_list", "flagged_by_id", "is_open", "flagged_at", "id"),
        Index("ix_retention_branch_date", "branch_id", "business_date"),  # the monthly counts
        Index("ix_retention_client_flagged", "client_id", "flagged_at", "id"),  # the profile's timeline
    )


# One open record per client (ux_retention_open_client, a partial unique index): models/partial_indexes.py.


class RetentionAction(Base):
    """One retention effort on a record: who acted (the RM, or the supervisor stepping in), when, what."""

    __tablename__ = "retention_action"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    record_id: Mapped[int] = mapped_column(ForeignKey("retention_record.id"))
    actor_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    stepped_in: Mapped[bool] = mapped_column(Boolean, default=False)  # the supervisor acting for the RM
    at: Mapped[utc_ts]
    kind: Mapped[RetentionActionKind] = mapped_column(enum_type(RetentionActionKind))
    # What was said or offered: client data, read only by those who may work the record.
    note: Mapped[text500 | None]

    __table_args__ = (Index("ix_retention_action_record", "record_id", "at", "id"),)


class RmTarget(Base):
    """One RM's targets for one month (``month``: its first day), set by the supervisor."""

    __tablename__ = "rm_target"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    rm_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    month: Mapped[dt.date] = mapped_column(Date)
    new_premium_clients: Mapped[int] = mapped_column(Integer)
    converted_referrals: Mapped[int] = mapped_column(Integer)
    contacts: Mapped[int] = mapped_column(Integer)
    maintenance_contacts: Mapped[int] = mapped_column(Integer)
    aum_growth: Mapped[money]
    set_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    updated_at: Mapped[utc_ts | None]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # who saved this version
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("rm_id", "month", name="uq_rm_target_rm_id"),
        Index("ix_rm_target_branch_month", "branch_id", "month"),
    )


class AssessmentInput(Base):
    """What the supervisor enters for one RM's month: the process rating (0–10)."""

    __tablename__ = "assessment_input"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    rm_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    month: Mapped[dt.date] = mapped_column(Date)
    process_rating: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[utc_ts | None]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # who saved this version
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (UniqueConstraint("rm_id", "month", name="uq_assessment_input_rm_id"),)


class AssessmentItem(Base):
    """One bonus/malus item (加减分项): points −20..+20 and the reason typed (kept in reason_text)."""

    __tablename__ = "assessment_item"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    rm_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    month: Mapped[dt.date] = mapped_column(Date)
    points: Mapped[int] = mapped_column(Integer)
    kind: Mapped[AssessmentItemKind] = mapped_column(enum_type(AssessmentItemKind))
    reason_id: Mapped[int] = mapped_column(ForeignKey("reason_text.id"))
    entered_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    entered_at: Mapped[utc_ts]

    __table_args__ = (Index("ix_assessment_item_rm_month", "rm_id", "month", "id"),)


class AssessmentWeights(Base):
    """A branch's assessment scheme (docs/assessment.md "Weights"); no row means 40/20/40 and ±20."""

    __tablename__ = "assessment_weights"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), unique=True)
    marketing: Mapped[int] = mapped_column(Integer)
    service: Mapped[int] = mapped_column(Integer)
    process: Mapped[int] = mapped_column(Integer)
    bonus_cap: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[utc_ts | None]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # who saved this version
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class AssessmentResult(Base):
    """One RM's month as the supervisor submitted it to the head office (docs/assessment.md
    "Submitting to the head office"): the points of each part, staff figures only, no client data.

    Every row of one submission carries the same ``version`` (1 for the first, one more for each
    resubmission, which replaces the month's rows), ``submitted_at`` and ``submitted_by_id``.
    """

    __tablename__ = "assessment_result"

    id: Mapped[int_pk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    month: Mapped[dt.date] = mapped_column(Date)
    rm_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    marketing: Mapped[Decimal] = mapped_column(Numeric(6, 1))
    service: Mapped[Decimal] = mapped_column(Numeric(6, 1))
    process: Mapped[Decimal] = mapped_column(Numeric(6, 1))
    bonus: Mapped[Decimal] = mapped_column(Numeric(6, 1))
    total: Mapped[Decimal] = mapped_column(Numeric(6, 1))
    rating: Mapped[int | None] = mapped_column(Integer)
    submitted_at: Mapped[utc_ts]
    submitted_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    version: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        UniqueConstraint("branch_id", "month", "rm_id", name="uq_assessment_result_branch_id"),
        Index("ix_assessment_result_month", "month", "branch_id"),
    )


# --- child rows carry their branch (docs/row-level-security.md "Child tables") --------------------
# On PostgreSQL a trigger sets ``branch_id`` from the parent on insert (migration 0021), whatever was
# sent; on SQLite the ORM copies it here. Core inserts on SQLite name it themselves.

def _branch_from_parent(parent: Any, fk: str) -> Any:
    def fill(_mapper: Any, connection: Any, target: Any) -> None:
        if connection.dialect.name == "sqlite" and getattr(target, "branch_id", None) is None:
            from sqlalchemy import select

            target.branch_id = connection.scalar(select(parent.branch_id).where(parent.id == getattr(target, fk)))
    return fill


def _listen_branch_copies() -> None:
    from sqlalchemy import event

    for child, parent, fk in ((ContactAttempt, FollowUp, "follow_up_id"), (Appointment, Client, "client_id"),
                              (FinancialSnapshot, Client, "client_id"), (MaintenanceRecord, Client, "client_id")):
        event.listen(child, "before_insert", _branch_from_parent(parent, fk))


_listen_branch_copies()
