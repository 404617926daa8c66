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
    HEAD_OFFICE = "head_office"  # 分行管理: every branch's figures, no branch of its own (docs/head-office.md)


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


class DiversionWhere(StrEnum):
    """Where the lobby guided an ordinary client instead of referring them (docs/diversion.md)."""

    SELF_SERVICE = "self_service"
    COUNTER = "counter"


# The configurable interest list's defaults (docs/product.md "Glossary"), in display order.
DEFAULT_INTERESTS: tuple[str, ...] = (
    "理财产品", "基金", "保险", "贵金属", "存款", "个人贷款", "信用卡", "电子银行", "其他",
)


# --- complaints (docs/complaints.md) ---------------------------------------------------------------

class ComplaintChannel(StrEnum):
    FACE_TO_FACE = "face_to_face"
    PHONE = "phone"
    E_BANKING = "e_banking"
    SUGGESTION_BOX = "suggestion_box"  # 意见箱/意见簿, emptied by the lobby manager at close of business


class ComplaintKind(StrEnum):
    SERVICE_ATTITUDE = "service_attitude"
    WAITING_TIME = "waiting_time"
    PRODUCT = "product"
    FEES = "fees"
    SYSTEM_EQUIPMENT = "system_equipment"
    OTHER = "other"


class ComplaintState(StrEnum):
    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    REPLIED = "replied"
    CLOSED = "closed"

    @property
    def is_open(self) -> bool:
        """Not yet answered: the deadline still runs."""
        return self in (ComplaintState.RECEIVED, ComplaintState.IN_PROGRESS)


class HolidayKind(StrEnum):
    HOLIDAY = "holiday"  # the branch is closed on a day the calendar calls a working day
    WORKDAY = "workday"  # the branch works on a day the calendar calls a rest day


# --- account-closure retention (docs/retention.md) ------------------------------------------------


class RetentionMove(StrEnum):
    """What a premium client closes or moves (异动销户): kinds, never account numbers."""

    CLOSE_ACCOUNT = "close_account"  # 销户
    MOVE_DEPOSITS = "move_deposits"  # 大额存款转出
    MOVE_WEALTH = "move_wealth"  # 理财、基金、保险赎回转出
    CANCEL_CARD = "cancel_card"  # 注销银行卡
    OTHER = "other"  # 其他


class AmountBand(StrEnum):
    """How much is moved, as a band: the record never holds an exact amount."""

    BELOW_100K = "below_100k"  # 10 万元以下
    FROM_100K = "100k_500k"  # 10–50 万元
    FROM_500K = "500k_1m"  # 50–100 万元
    FROM_1M = "1m_5m"  # 100–500 万元
    FROM_5M = "5m_up"  # 500 万元以上


class RetentionReason(StrEnum):
    """The client's reason as the person at the counter heard it."""

    RATE = "rate"  # 他行收益或利率更高
    SERVICE = "service"  # 对服务不满意
    RELOCATION = "relocation"  # 搬迁或工作变动
    FUNDS_NEEDED = "funds_needed"  # 购房、经营等用款
    INVESTMENT = "investment"  # 转投他处
    OTHER = "other"  # 其他


class RetentionActionKind(StrEnum):
    """What was done to keep the client."""

    TALK = "talk"  # 面谈沟通
    CALL = "call"  # 电话沟通
    OFFER = "offer"  # 提供产品或利率方案
    FIX_SERVICE = "fix_service"  # 解决服务问题
    OTHER = "other"  # 其他


class RetentionResult(StrEnum):
    """How a retention record ended (None while it is open)."""

    RETAINED = "retained"  # 挽留成功
    PARTLY_RETAINED = "partly_retained"  # 部分挽留
    LOST = "lost"  # 流失
    NORMAL_CLOSURE = "normal_closure"  # 正常销户


class AssessmentItemKind(StrEnum):
    """A bonus/malus item of the monthly assessment (docs/assessment.md "Bonus and malus")."""

    RETENTION = "retention"  # a premium client retained (挽留成功)
    COMPLAINT = "complaint"  # a justified complaint (有理投诉)
    OTHER = "other"
