"""The query model of `/changes` (apart from ``pages.queries``, which is full)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from pydantic import Field, ValidationInfo, field_validator

from tradeoff.compare.changes import KINDS
from tradeoff.pages.changes import DEFAULT_LIMIT
from tradeoff.pages.queries import PageQuery, catalog_of

MAX_LIMIT = 1000


class ChangesQuery(PageQuery):
    """Filters of the changes list; each field is one GET parameter."""

    repeatable: ClassVar[frozenset[str]] = frozenset({"kind"})

    kind: tuple[str, ...] = Field(
        (), description=f"kind of change (repeatable): {', '.join(KINDS)}"
    )
    provider: str | None = Field(None, description="provider id")
    lab: str | None = Field(None, description="lab id")
    model: str | None = Field(None, description="model slug, id or alias")
    since: str | None = Field(None, description="first day (YYYY-MM-DD), inclusive")
    until: str | None = Field(None, description="last day (YYYY-MM-DD), inclusive")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="newest N changes")

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for k in value:
            if k not in KINDS:
                raise ValueError(f"unknown kind {k!r}; one of {', '.join(KINDS)}")
        return value

    @field_validator("provider", "lab")
    @classmethod
    def _known(cls, value: str | None, info: ValidationInfo) -> str | None:
        catalog = catalog_of(info)
        known = catalog.labs if info.field_name == "lab" else catalog.providers
        if value is not None and value not in known:
            raise ValueError(f"unknown {info.field_name} {value!r}")
        return value

    @field_validator("since", "until")
    @classmethod
    def _day(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None
