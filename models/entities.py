"""The branch's referral work as SQLAlchemy 2 typed classes (no Qt, no I/O)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, int_pk, money, name30, str32, str64, text500, utc_ts
from models.enums import (
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
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
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

    branch: Mapped[Branch] = relationship()

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_staff_branch_role", "branch_id", "role", "active"),)


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
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    rm_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[utc_ts]
    kind: Mapped[MaintenanceKind] = mapped_column(enum_type(MaintenanceKind))
    note: Mapped[text500 | None]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
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
