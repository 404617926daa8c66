"""People's words for the retention vocabularies (docs/retention.md): what is moved, amount bands,
the client's reasons, the efforts and the results. Context ``RetentionLabels``; an unknown code shows as it is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models import AmountBand, RetentionActionKind, RetentionMove, RetentionReason, RetentionResult


def _t(text: str) -> str:
    return QCoreApplication.translate("RetentionLabels", text)


def move_label(value: str) -> str:
    labels: dict[str, str] = {
        RetentionMove.CLOSE_ACCOUNT: _t("Closes accounts"),
        RetentionMove.MOVE_DEPOSITS: _t("Moves deposits out"),
        RetentionMove.MOVE_WEALTH: _t("Redeems wealth products or funds"),
        RetentionMove.CANCEL_CARD: _t("Cancels bank cards"),
        RetentionMove.OTHER: _t("Other"),
    }
    return labels.get(value, value)


def band_label(value: str) -> str:
    labels: dict[str, str] = {
        AmountBand.BELOW_100K: _t("Below 100 000 yuan"),
        AmountBand.FROM_100K: _t("100 000 – 500 000 yuan"),
        AmountBand.FROM_500K: _t("500 000 – 1 million yuan"),
        AmountBand.FROM_1M: _t("1 – 5 million yuan"),
        AmountBand.FROM_5M: _t("5 million yuan or more"),
    }
    return labels.get(value, value)


def reason_label(value: str) -> str:
    labels: dict[str, str] = {
        RetentionReason.RATE: _t("Better rate or return elsewhere"),
        RetentionReason.SERVICE: _t("Unhappy with the service"),
        RetentionReason.RELOCATION: _t("Moving home or job"),
        RetentionReason.FUNDS_NEEDED: _t("Needs the money (home, business)"),
        RetentionReason.INVESTMENT: _t("Investing elsewhere"),
        RetentionReason.OTHER: _t("Other"),
    }
    return labels.get(value, value)


def action_label(value: str) -> str:
    labels: dict[str, str] = {
        RetentionActionKind.TALK: _t("Talk in person"),
        RetentionActionKind.CALL: _t("Phone call"),
        RetentionActionKind.OFFER: _t("Product or rate offer"),
        RetentionActionKind.FIX_SERVICE: _t("Put a service problem right"),
        RetentionActionKind.OTHER: _t("Other"),
    }
    return labels.get(value, value)


def result_label(value: str | None) -> str:
    """A result, or ``Open`` for a record still open (``None`` or the timeline's ``open``)."""
    labels: dict[str, str] = {
        RetentionResult.RETAINED: _t("Retained"),
        RetentionResult.PARTLY_RETAINED: _t("Partly retained"),
        RetentionResult.LOST: _t("Lost"),
        RetentionResult.NORMAL_CLOSURE: _t("Normal closure"),
    }
    if value is None or value == "open":
        return _t("Open")
    return labels.get(value, value)
