"""Staff roles as people read them, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# The codes of models.Role; kept as strings so this module stays free of the
# database layer (it is imported before sign-in, when start-up time counts).
ROLE_CODES: tuple[str, ...] = ("teller", "lobby_manager", "rm", "marketing", "supervisor", "admin")


def role_label(code: str) -> str:
    """The role's name for the screen (柜员, 大堂经理, …); an unknown code shows as it is."""
    labels = {
        "teller": QCoreApplication.translate("roles", "Teller"),
        "lobby_manager": QCoreApplication.translate("roles", "Lobby manager"),
        "rm": QCoreApplication.translate("roles", "Relationship manager"),
        "marketing": QCoreApplication.translate("roles", "Marketing manager"),
        "supervisor": QCoreApplication.translate("roles", "Supervisor"),
        "admin": QCoreApplication.translate("roles", "Administrator"),
    }
    return labels.get(str(code), str(code))
