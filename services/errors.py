"""Typed errors the services raise; the GUI and CLI turn them into messages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from services.i18n import msg


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str
    row: int | None = None  # import files: 1-based row number, header = 1

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ServiceError(Exception):
    """Base of every error a person should see as a message."""


class ValidationError(ServiceError):
    """Bad input: carries every field's problem at once."""

    def __init__(self, problems: list[FieldProblem] | FieldProblem | str, message: str | None = None) -> None:
        if isinstance(problems, str):
            problems = [FieldProblem(problems, message or "")]
        elif isinstance(problems, FieldProblem):
            problems = [problems]
        self.problems: list[FieldProblem] = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))

    @property
    def fields(self) -> dict[str, str]:
        """First message per field, for error labels beside each field."""
        out: dict[str, str] = {}
        for p in self.problems:
            out.setdefault(p.field, p.message)
        return out


class PermissionDenied(ServiceError):
    def __init__(self, action: str, role: str) -> None:
        self.action = action
        self.role = role
        super().__init__(msg("permission_denied", role=role, action=action))


class NotFound(ServiceError):
    def __init__(self, entity: str, key: object) -> None:
        self.entity = entity
        self.key = key
        super().__init__(msg("not_found", entity=entity, what=key))


class Conflict(ServiceError):
    """Someone else saved the same row first (optimistic lock) or a rule clashes."""

    def __init__(self, message: str, *, by: str | None = None, at: dt.datetime | None = None) -> None:
        self.by = by
        self.at = at
        super().__init__(message)


class AuthError(ServiceError):
    """Sign-in refused; ``locked_until`` set when the account is locked."""

    def __init__(self, message: str, *, locked_until: dt.datetime | None = None) -> None:
        self.locked_until = locked_until
        super().__init__(message)


class DayClosed(Conflict):
    def __init__(self, day: dt.date) -> None:
        self.day = day
        super().__init__(msg("day_read_only", day=day.isoformat()))


class Busy(ServiceError):
    """The database stayed busy with other saves for longer than a person should wait (docs/saving.md "Retry").

    Nothing of the refused unit of work was written; trying again later is safe.
    """

    def __init__(self) -> None:
        super().__init__(msg("busy"))
