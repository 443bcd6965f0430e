"""What a comparison may be asked: the models (query form and API) and the blend."""

from __future__ import annotations

from typing import ClassVar, TypedDict

from pydantic import Field, field_validator

from tradeoff.compare.engine import MAX_MODELS
from tradeoff.pages.query import PageQuery, blend_parts, blend_text, name_list
from tradeoff.records import Model

BLEND_HELP = "input:output ratio of the blended price, e.g. 70:30 (the default)"
MODELS_HELP = "2 to 4 model slugs, ids or aliases, comma-separated (or repeated)"
PICKER_TITLE = "Compare models"


class PairQuery(PageQuery):
    """`/compare/{a}-vs-{b}`: the models are in the path; only the blend is asked."""

    blend: str | None = Field(None, description=BLEND_HELP, examples=["70:30"])

    @field_validator("blend", mode="before")
    @classmethod
    def _blend(cls, value: object) -> object:
        return blend_text(value)

    @property
    def blend_parts(self) -> tuple[int, int] | None:
        """The blend as two parts; None is the default 70:30."""
        return blend_parts(self.blend)


class CompareQuery(PairQuery):
    """`/compare?models=a,b,c` and `/api/v1/compare`: the models, and the blend."""

    repeatable: ClassVar[frozenset[str]] = frozenset({"models"})

    models: list[str] = Field(
        default_factory=list,
        description=MODELS_HELP,
        examples=["moonshotai--kimi-k2-instruct,mistral--mixtral-8x22b-instruct"],
    )

    @field_validator("models", mode="before")
    @classmethod
    def _names(cls, value: object) -> object:
        return name_list(value)

    @field_validator("models")
    @classmethod
    def _at_most(cls, value: list[str]) -> list[str]:
        if len(value) > MAX_MODELS:
            raise ValueError(f"at most {MAX_MODELS} models, got {len(value)}")
        return value


class CompareApiQuery(CompareQuery):
    """`/api/v1/compare`: the models are required."""

    models: list[str] = Field(
        description=MODELS_HELP,
        examples=["moonshotai--kimi-k2-instruct,mistral--mixtral-8x22b-instruct"],
    )


class PickerContext(TypedDict):
    """The model picker (`/compare` with fewer than two models): what is already chosen."""

    title: str
    picked: list[str]
    blend: str


def picker_context(models: list[Model], query: PairQuery) -> PickerContext:
    """The picker, pre-filled with the models and blend asked so far."""
    return PickerContext(
        title=PICKER_TITLE, picked=[m.slug for m in models], blend=query.blend or "70:30"
    )
