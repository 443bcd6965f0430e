"""Strict schema of the reviewed alias table, ``catalog/aliases.toml`` (docs/identity.md).

Every link it makes was read and decided by a person: the models the catalog creates, the
spellings of models, the floating ids with the checkpoint they pointed to, the ids never
linked and the names that stay ambiguous, and the pairs of models reviewed as different
checkpoints (the duplicate detector leaves those alone).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, field_validator, model_validator

from tradeoff.catalog.schema import (
    MODEL_ID,
    CuratedFact,
    Strict,
    known_kind,
    not_in_the_future,
)


class CreatedModel(Strict):
    """A canonical model the catalog creates because several providers serve it."""

    name: str
    lab: str
    family: str | None = None
    aliases: list[str] = Field(default_factory=list)
    kind: CuratedFact | None = Field(default=None, description="cited model kind (MODEL_KINDS)")

    _known_kind = field_validator("kind")(lambda fact: known_kind(fact))

    @field_validator("name")
    @classmethod
    def _trimmed(cls, name: str) -> str:
        # a name is printed inside sentences: "UI-TARS 7B " read "UI-TARS 7B  is …"
        if name != name.strip() or not name:
            raise ValueError(f"{name!r}: a name has no leading or trailing spaces")
        return name


class FloatingId(Strict):
    """A floating or "latest" id and the checkpoint it pointed to on a date.

    With a ``target``, offerings sold under the id link to it: the id pointed to that
    checkpoint as of ``as_of``, as read in ``source``. Without one, the offerings stay
    unlinked ("floating id, target unknown") and ``note`` says why. The id is never a model.
    """

    target: str | None = Field(
        default=None, description="canonical model id of the checkpoint the id pointed to"
    )
    as_of: dt.date | None = Field(default=None, description="date the pointer was read")
    source: str | None = Field(default=None, description="where it was read (URL or dataset)")
    note: str | None = Field(default=None, description="why the target is unknown")

    @model_validator(mode="after")
    def _valid(self) -> FloatingId:
        if self.target is None:
            if not self.note:
                raise ValueError("note: say why the target is unknown (or give a target)")
            return self
        if not MODEL_ID.match(self.target):
            raise ValueError(f"target: {self.target!r} is not a canonical model id (lab/name)")
        if self.as_of is None or not self.source:
            raise ValueError("as_of, source: a target is recorded with its date and source")
        not_in_the_future(self.as_of)
        return self


class DistinctModels(Strict):
    """Two models of one lab that the duplicate detector would group, reviewed as different
    checkpoints (different weights, not a spelling)."""

    models: tuple[str, str]
    reason: str = Field(min_length=1)

    @model_validator(mode="after")
    def _two(self) -> DistinctModels:
        if self.models[0] == self.models[1]:
            raise ValueError(f"models: {self.models[0]!r} twice")
        return self


class AliasFile(Strict):
    """catalog/aliases.toml: explicit alias → model links, reviewed by a person."""

    models: dict[str, CreatedModel] = Field(default_factory=dict)
    aliases: dict[str, str] = Field(
        default_factory=dict, description="provider model id or name → canonical model id"
    )
    floating: dict[str, FloatingId] = Field(
        default_factory=dict,
        description="floating / latest id → the checkpoint it pointed to, with date and source",
    )
    never: dict[str, str] = Field(
        default_factory=dict, description="ids that must stay unlinked → reason"
    )
    ambiguous: dict[str, list[str]] = Field(
        default_factory=dict,
        description="names that may mean several checkpoints → the candidates; never linked",
    )
    distinct: list[DistinctModels] = Field(
        default_factory=list,
        description="pairs of models reviewed as different checkpoints, with the reason",
    )
