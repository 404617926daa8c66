"""People's words for the retention vocabularies (docs/retention.md): what is moved, amount bands,
the client's reasons, the efforts and the results. Context ``RetentionLabels``; an unknown code shows as it is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models import AmountBand, RetentionActionKind, RetentionMove, RetentionReason, RetentionResult


def move_label(value: str) -> str:
    labels: dict[str, str] = {
        RetentionMove.CLOSE_ACCOUNT: QCoreApplication.translate("RetentionLabels", "Closes accounts"),
        RetentionMove.MOVE_DEPOSITS: QCoreApplication.translate("RetentionLabels", "Moves deposits out"),
        RetentionMove.MOVE_WEALTH: QCoreApplication.translate("RetentionLabels", "Redeems wealth products or funds"),
        RetentionMove.CANCEL_CARD: QCoreApplication.translate("RetentionLabels", "Cancels bank cards"),
        RetentionMove.OTHER: QCoreApplication.translate("RetentionLabels", "Other"),
    }
    return labels.get(value, value)


def band_label(value: str) -> str:
    labels: dict[str, str] = {
        AmountBand.BELOW_100K: QCoreApplication.translate("RetentionLabels", "Below 100 000 yuan"),
        AmountBand.FROM_100K: QCoreApplication.translate("RetentionLabels", "100 000 – 500 000 yuan"),
        AmountBand.FROM_500K: QCoreApplication.translate("RetentionLabels", "500 000 – 1 million yuan"),
        AmountBand.FROM_1M: QCoreApplication.translate("RetentionLabels", "1 – 5 million yuan"),
        AmountBand.FROM_5M: QCoreApplication.translate("RetentionLabels", "5 million yuan or more"),
    }
    return labels.get(value, value)


def reason_label(value: str) -> str:
    labels: dict[str, str] = {
        RetentionReason.RATE: QCoreApplication.translate("RetentionLabels", "Better rate or return elsewhere"),
        RetentionReason.SERVICE: QCoreApplication.translate("RetentionLabels", "Unhappy with the service"),
        RetentionReason.RELOCATION: QCoreApplication.translate("RetentionLabels", "Moving home or job"),
        RetentionReason.FUNDS_NEEDED: QCoreApplication.translate("RetentionLabels", "Needs the money (home, business)"),
        RetentionReason.INVESTMENT: QCoreApplication.translate("RetentionLabels", "Investing elsewhere"),
        RetentionReason.OTHER: QCoreApplication.translate("RetentionLabels", "Other"),
    }
    return labels.get(value, value)


def action_label(value: str) -> str:
    labels: dict[str, str] = {
        RetentionActionKind.TALK: QCoreApplication.translate("RetentionLabels", "Talk in person"),
        RetentionActionKind.CALL: QCoreApplication.translate("RetentionLabels", "Phone call"),
        RetentionActionKind.OFFER: QCoreApplication.translate("RetentionLabels", "Product or rate offer"),
        RetentionActionKind.FIX_SERVICE: QCoreApplication.translate("RetentionLabels", "Put a service problem right"),
        RetentionActionKind.OTHER: QCoreApplication.translate("RetentionLabels", "Other"),
    }
    return labels.get(value, value)


def result_label(value: str | None) -> str:
    """A result, or ``Open`` for a record still open (``None`` or the timeline's ``open``)."""
    labels: dict[str, str] = {
        RetentionResult.RETAINED: QCoreApplication.translate("RetentionLabels", "Retained"),
        RetentionResult.PARTLY_RETAINED: QCoreApplication.translate("RetentionLabels", "Partly retained"),
        RetentionResult.LOST: QCoreApplication.translate("RetentionLabels", "Lost"),
        RetentionResult.NORMAL_CLOSURE: QCoreApplication.translate("RetentionLabels", "Normal closure"),
    }
    if value is None or value == "open":
        return QCoreApplication.translate("RetentionLabels", "Open")
    return labels.get(value, value)
