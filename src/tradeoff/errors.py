"""The few exception types a user sees; each names the file, field or line at fault."""

from __future__ import annotations

from pathlib import Path


class TradeoffError(Exception):
    """Base class: a problem explained to the user, never shown as a traceback."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        field: str | None = None,
        line: int | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.field = field
        self.line = line
        super().__init__(self.describe())

    def describe(self) -> str:
        """One line: where, then what."""
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "")
        if self.field:
            where = f"{where} [{self.field}]" if where else f"[{self.field}]"
        return f"{where}: {self.message}" if where else self.message


class DataError(TradeoffError):
    """A data file (catalog text, import input) is malformed or inconsistent."""


class UnknownModel(TradeoffError):
    """A model name that matches nothing; carries near names to suggest."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown model {name!r}.{hint}", field="MODEL")


class AmbiguousModel(TradeoffError):
    """A model name that matches several models; carries the candidates."""

    def __init__(self, name: str, candidates: list[str]) -> None:
        self.name = name
        self.candidates = candidates
        super().__init__(
            f"{name!r} is ambiguous; it may mean: {', '.join(candidates)}", field="MODEL"
        )


class UsageError(TradeoffError):
    """A bad parameter (blend, token count, repeated model…)."""
