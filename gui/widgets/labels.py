"""People's words for the closed vocabularies (role, client type, channel, status, follow-up state, tier).

Services and the database speak in codes (``models.enums``); every screen
shows these translated labels instead. The source strings are English; the
Chinese ones of docs/product.md "Roles", "Glossary" come from the translation files (context
``roles`` for the roles, ``DomainLabels`` for the rest).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models import Channel, ClientType, FollowUpState, ReferralStatus, Role, Tier


def role_label(value: Role | str) -> str:
    """The role's name for the screen (柜员, 大堂经理, …); an unknown code shows as it is."""
    labels: dict[str, str] = {
        Role.TELLER: QCoreApplication.translate("roles", "Teller"),
        Role.LOBBY_MANAGER: QCoreApplication.translate("roles", "Lobby manager"),
        Role.RM: QCoreApplication.translate("roles", "Relationship manager"),
        Role.MARKETING: QCoreApplication.translate("roles", "Marketing manager"),
        Role.SUPERVISOR: QCoreApplication.translate("roles", "Supervisor"),
        Role.ADMIN: QCoreApplication.translate("roles", "Administrator"),
        Role.HEAD_OFFICE: QCoreApplication.translate("roles", "Head office"),
    }
    return labels.get(value, str(value))


def client_type_label(value: ClientType | str) -> str:
    labels = {
        ClientType.EXISTING_PREMIUM: QCoreApplication.translate("DomainLabels", "Existing premium client"),
        ClientType.EXISTING_POTENTIAL: QCoreApplication.translate("DomainLabels", "Existing potential client"),
        ClientType.TO_WIN: QCoreApplication.translate("DomainLabels", "Premium client to win"),
        ClientType.ORDINARY: QCoreApplication.translate("DomainLabels", "Ordinary client"),
    }
    return labels[ClientType(value)]


def channel_label(value: Channel | str) -> str:
    labels = {
        Channel.LOBBY: QCoreApplication.translate("DomainLabels", "Lobby"),
        Channel.CASH_COUNTER: QCoreApplication.translate("DomainLabels", "Cash counter"),
        Channel.NON_CASH_COUNTER: QCoreApplication.translate("DomainLabels", "Non-cash counter"),
        Channel.PHONE_BANKING: QCoreApplication.translate("DomainLabels", "Phone banking"),
        Channel.CLIENT_INTRODUCTION: QCoreApplication.translate("DomainLabels", "Introduced by a client"),
        Channel.FIELD_VISIT: QCoreApplication.translate("DomainLabels", "Field visit"),
        Channel.SEMINAR: QCoreApplication.translate("DomainLabels", "Wealth seminar"),
    }
    return labels[Channel(value)]


def status_label(value: ReferralStatus | str) -> str:
    labels = {
        ReferralStatus.REFERRED: QCoreApplication.translate("DomainLabels", "Referred"),
        ReferralStatus.PENDING: QCoreApplication.translate("DomainLabels", "Pending"),
    }
    return labels[ReferralStatus(value)]


def follow_up_state_label(value: FollowUpState | str) -> str:
    labels = {
        FollowUpState.OPEN: QCoreApplication.translate("DomainLabels", "Following up"),
        FollowUpState.APPOINTED: QCoreApplication.translate("DomainLabels", "Appointment booked"),
        FollowUpState.CONVERTED: QCoreApplication.translate("DomainLabels", "Converted"),
        FollowUpState.NOT_PREMIUM: QCoreApplication.translate("DomainLabels", "Not premium"),
        FollowUpState.ABANDONED: QCoreApplication.translate("DomainLabels", "Abandoned"),
    }
    return labels[FollowUpState(value)]


def tier_label(value: Tier | str) -> str:
    labels = {
        Tier.NONE: QCoreApplication.translate("DomainLabels", "Not yet premium"),
        Tier.POTENTIAL: QCoreApplication.translate("DomainLabels", "Potential"),
        Tier.ORDINARY_PREMIUM: QCoreApplication.translate("DomainLabels", "Premium"),
        Tier.CORE: QCoreApplication.translate("DomainLabels", "Core premium"),
        Tier.TO_WIN: QCoreApplication.translate("DomainLabels", "Premium client to win"),
    }
    return labels[Tier(value)]
