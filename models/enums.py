"""The closed vocabularies of docs/product.md "Roles", "Glossary", "Workflow", stored as their string values."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    TELLER = "teller"
    LOBBY_MANAGER = "lobby_manager"
    RM = "rm"
    MARKETING = "marketing"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class ClientType(StrEnum):
    EXISTING_PREMIUM = "existing_premium"
    EXISTING_POTENTIAL = "existing_potential"
    TO_WIN = "to_win"
    ORDINARY = "ordinary"


class Channel(StrEnum):
    LOBBY = "lobby"
    CASH_COUNTER = "cash_counter"
    NON_CASH_COUNTER = "non_cash_counter"
    PHONE_BANKING = "phone_banking"
    CLIENT_INTRODUCTION = "client_introduction"
    FIELD_VISIT = "field_visit"
    SEMINAR = "seminar"


class ReferralStatus(StrEnum):
    REFERRED = "referred"
    PENDING = "pending"


class FollowUpState(StrEnum):
    OPEN = "open"
    APPOINTED = "appointed"
    CONVERTED = "converted"
    NOT_PREMIUM = "not_premium"
    ABANDONED = "abandoned"

    @property
    def is_open(self) -> bool:
        return self in (FollowUpState.OPEN, FollowUpState.APPOINTED)


class NoDealReason(StrEnum):
    """Why a met referred client did not buy (docs/product.md "Workflow"): 收益不满意, 风险顾虑,
    主要业务在他行, 暂无资金, 其他."""

    RETURN = "return"
    RISK = "risk"
    OTHER_BANK = "other_bank"
    NO_FUNDS = "no_funds"
    OTHER = "other"


class FollowUpOrigin(StrEnum):
    REFERRAL = "referral"
    OWN = "own"


class ContactChannel(StrEnum):
    PHONE = "phone"
    SMS = "sms"
    EMAIL = "email"
    LETTER = "letter"
    VISIT = "visit"


class ContactResult(StrEnum):
    REACHED = "reached"
    NO_ANSWER = "no_answer"
    DECLINED = "declined"
    APPOINTMENT = "appointment"
    WRONG_NUMBER = "wrong_number"

    @property
    def failed(self) -> bool:
        """Counts toward abandoning; a reached client or a booked meeting starts the count again."""
        return self in (ContactResult.NO_ANSWER, ContactResult.WRONG_NUMBER, ContactResult.DECLINED)


class Tier(StrEnum):
    """A client's standing by score (docs/scoring.md "Tiers").

    The stored values predate the score: ``core`` is 核心优质 (core premium), ``none``
    is 普通 (ordinary, which is also where an unscored client stands).
    """

    NONE = "none"
    POTENTIAL = "potential"
    ORDINARY_PREMIUM = "ordinary_premium"
    CORE = "core"
    TO_WIN = "to_win"


class TierCause(StrEnum):
    """What moved a client's tier (docs/scoring.md "Tier history")."""

    SNAPSHOT = "snapshot"
    RATING = "rating"
    SETTINGS = "settings"
    RECOMPUTE = "recompute"
    IMPORT = "import"
    FOLLOW_UP = "follow_up"


class RiskTolerance(StrEnum):
    """The client's assessed risk tolerance (风险承受能力), the five grades banks use (C1–C5)."""

    CONSERVATIVE = "conservative"  # C1 保守型
    CAUTIOUS = "cautious"  # C2 稳健型
    BALANCED = "balanced"  # C3 平衡型
    GROWTH = "growth"  # C4 成长型
    AGGRESSIVE = "aggressive"  # C5 进取型


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"
    UNKNOWN = "unknown"


class AppointmentStatus(StrEnum):
    """``held``/``missed``/``moved`` end a scheduled appointment (docs/diary.md "Appointments");
    ``cancelled`` is kept for rows written before appointments could be moved."""

    SCHEDULED = "scheduled"
    HELD = "held"
    MISSED = "missed"
    MOVED = "moved"
    CANCELLED = "cancelled"


class PlanKind(StrEnum):
    """A planned contact of the week's plan (docs/diary.md "Visit and call plans")."""

    VISIT = "visit"
    CALL = "call"


class MaintenanceKind(StrEnum):
    """What a maintenance contact was (docs/maintenance.md "Kinds"; migration 0015 renamed review/other)."""

    GREETING = "greeting"  # 情感维护
    PORTFOLIO_REVIEW = "portfolio_review"  # 理财规划跟进
    CROSS_SELL = "cross_sell"  # 关联销售
    INFORMATION = "information"  # 信息提示
    EVENT_INVITATION = "event_invitation"  # 活动邀请
    SURVEY = "survey"  # 客户调查


# The configurable interest list's defaults (docs/product.md "Glossary"), in display order.
DEFAULT_INTERESTS: tuple[str, ...] = (
    "理财产品", "基金", "保险", "贵金属", "存款", "个人贷款", "信用卡", "电子银行", "其他",
)
