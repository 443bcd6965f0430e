"""Strict schema of a curated lifecycle file: catalog/lifecycle/<provider-id>.toml.

One reviewed file per provider holds the dated deprecations and retirements a person read on
that provider's own deprecation page (OpenAI's deprecations page, Anthropic's model
deprecations page…). Each entry names one offering by the provider's model id, or every
offering of that provider linked to one canonical model, and cites its source::

    [[entries]]
    provider_model_id = "claude-3-opus-20240229"
    deprecated_on = "2025-06-30"
    retired_on = "2026-01-05"
    successor = "claude-opus-4-1-20250805"     # the provider's id of the replacement
    source = "anthropic-model-deprecations"
    checked = 2026-12-01
    quote = "January 5, 2026 | claude-3-opus-20240229 | claude-opus-4-1-20250805"

The stage follows from the dates as of ``checked``: retired once the retirement date has
passed, else deprecated (a lab assigns a retirement date when it deprecates a model).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator, model_validator

from tradeoff.catalog.schema import (
    MODEL_ID,
    SourceEntry,
    Strict,
    check_partial_date,
    not_in_the_future,
)

# The origin of a curated lifecycle statement (reconcile ranks it with hand-written values).
CURATED_LIFECYCLE = "curated-lifecycle"
LIFECYCLE_FIELDS = ("lifecycle", "deprecated_on", "retired_on", "successor")


class LifecycleEntry(Strict):
    """One dated deprecation or retirement, as the provider's own page states it."""

    provider_model_id: str | None = Field(
        default=None, min_length=1, description="The id the provider's API took"
    )
    model: str | None = Field(
        default=None, description="Canonical model id: every offering of it at this provider"
    )
    deprecated_on: str | None = Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    retired_on: str | None = Field(
        default=None, description="Shutdown date (YYYY-MM-DD); a future one is scheduled"
    )
    successor: str | None = Field(
        default=None, min_length=1, description="The provider's id of the recommended replacement"
    )
    source: str = Field(description="Id of a source declared in this file or in sources.toml")
    checked: dt.date = Field(description="Date the entry was checked against the source")
    quote: str | None = Field(default=None, description="Short words of the source backing it")

    _checked_not_in_the_future = field_validator("checked")(not_in_the_future)

    @field_validator("model")
    @classmethod
    def _model_id_shape(cls, value: str | None) -> str | None:
        if value is not None and not MODEL_ID.match(value):
            raise ValueError(f"model must be a canonical id like 'lab/slug', got {value!r}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> LifecycleEntry:
        if (self.provider_model_id is None) == (self.model is None):
            raise ValueError("name the offering by exactly one of provider_model_id or model")
        if self.deprecated_on is None and self.retired_on is None:
            raise ValueError("states nothing: give deprecated_on, retired_on or both")
        for name in ("deprecated_on", "retired_on"):
            value = getattr(self, name)
            if value is not None:
                try:
                    check_partial_date(value)
                except ValueError as error:
                    raise ValueError(f"{name} {value!r}: {error}") from None
        if self.deprecated_on and self.retired_on and self.deprecated_on > self.retired_on:
            raise ValueError(
                f"deprecated_on {self.deprecated_on} is after retired_on {self.retired_on}"
            )
        if self.deprecated_on and self.deprecated_on[:10] > self.checked.isoformat():
            raise ValueError(
                f"deprecated_on {self.deprecated_on} is after checked {self.checked}: a "
                "deprecation is announced, so it is never in the future"
            )
        return self

    @property
    def stage(self) -> Literal["deprecated", "retired"]:
        """Retired once the retirement date has passed (as of ``checked``), else deprecated."""
        if self.retired_on is not None and self.retired_on <= self.checked.isoformat():
            return "retired"
        return "deprecated"

    def citations(self) -> dict[str, tuple[str, dt.date]]:
        """The fields this entry states → (source id, checked date); stage always."""
        stated = {"lifecycle": self.stage, **self.model_dump(include=set(LIFECYCLE_FIELDS[1:]))}
        return {
            name: (self.source, self.checked) for name, value in stated.items() if value is not None
        }


class LifecycleFile(Strict):
    """catalog/lifecycle/<provider-id>.toml: one provider's dated deprecations."""

    sources: dict[str, SourceEntry] = Field(default_factory=dict)
    entries: list[LifecycleEntry] = Field(min_length=1)
