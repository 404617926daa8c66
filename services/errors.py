"""Typed errors the services raise; the GUI and CLI turn them into messages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


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
        super().__init__(f"角色 {role} 无权执行 {action} / role {role} may not {action}")


class NotFound(ServiceError):
    def __init__(self, entity: str, key: object) -> None:
        self.entity = entity
        self.key = key
        super().__init__(f"{entity} {key} 不存在 / not found")


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
        super().__init__(f"{day.isoformat()} 已日终核对关闭，不能修改 / day {day.isoformat()} is closed and read-only")
