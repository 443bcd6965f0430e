"""What each page may be asked: one strict query model per page (pydantic, ``extra="forbid"``).

The web app fills a model from the URL's query string (repeatable parameters as lists, the
last value of any other) and answers any validation error with a 400 naming the parameter.
A blank value (an empty form field) means "not given". Validators raise ``ParamError`` when
the parameter at fault is not the field being validated.

The models live here, apart from the page builders, so that the CLI (which calls builders
with plain values) never imports pydantic: only the web app validates query strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Annotated, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from tradeoff.compare.engine import MAX_MODELS
from tradeoff.compare.token_workload import Workload
from tradeoff.compare.workload import MAX_COUNT_DIGITS, parse_blend_parts, parse_count
from tradeoff.db.queries import Catalog
from tradeoff.errors import UsageError
from tradeoff.pages.calculator import DEFAULT_WORKLOAD


class ParamError(ValueError):
    """A query parameter at fault, with the message the caller gets."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message


class PageQuery(BaseModel):
    """Base of every page's query model: unknown parameters are errors, blanks are absent."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Parameters that may be given more than once (``?capability=a&capability=b``).
    repeatable: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="before")
    @classmethod
    def _blank_is_absent(cls, data: object) -> object:
        if not isinstance(data, Mapping):
            return data
        kept: dict[str, object] = {}
        for key, value in data.items():
            if key in cls.model_fields and isinstance(value, str) and not value.strip():
                continue
            if key in cls.model_fields and isinstance(value, list):
                value = [v for v in value if not (isinstance(v, str) and not v.strip())]
            kept[key] = value
        return kept


class NoQuery(PageQuery):
    """A page that takes no query parameter."""


def catalog_of(info: ValidationInfo) -> Catalog:
    """The catalog a validator checks names against (passed as validation context)."""
    context = info.context or {}
    catalog = context.get("catalog")
    if not isinstance(catalog, Catalog):
        raise TypeError("validate page queries with context={'catalog': catalog}")
    return catalog


# A count below 10^15: any real workload, and exact in every format (the CLI's bound too).
MAX_WHOLE_DIGITS = MAX_COUNT_DIGITS


def whole_number(name: str, value: object) -> object:
    """The one parser of every integer parameter (token counts, requests, min_context):
    ``compare.workload.parse_count`` (as the CLI's ``cost``): "2000", "1,000", "1_000",
    "100k", "1.5M", below 10^15; anything else is a ``ParamError`` naming the parameter ("²"
    and "٣" are digits to ``isdigit``/``int``, not here; "0,5" is no grouping)."""
    if not isinstance(value, str):
        return value
    try:
        return parse_count(name, value)
    except UsageError as exc:
        raise ParamError(name, exc.message) from None


def usd_amount(name: str, value: object) -> object:
    """A non-negative USD amount such as "0.5" or "$0.5"."""
    if not isinstance(value, str):
        return value
    text = value.strip().lstrip("$")
    if not text.isascii():  # Decimal() reads any Unicode digit
        raise ValueError(f"{name} must be a USD amount such as 0.5, got {text!r}")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{name} must be a USD amount such as 0.5, got {text!r}") from None
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"{name} must be a non-negative USD amount, got {text!r}")
    return amount


def name_list(value: object) -> object:
    """``models=a,b`` and/or repeated ``models=a&models=b``: one list, blanks dropped."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return value
    return [n.strip() for v in value for n in str(v).split(",") if n.strip()]


def _at_most_models(value: list[str]) -> list[str]:
    if len(value) > MAX_MODELS:
        raise ValueError(f"at most {MAX_MODELS} models, got {len(value)}")
    return value


# Model names as a query gives them (comma-separated and/or repeated), at most MAX_MODELS.
ModelNames = Annotated[list[str], BeforeValidator(name_list), AfterValidator(_at_most_models)]


def blend_text(value: object) -> object:
    """``70:30`` or ``70/30`` → "70:30"; a malformed or zero blend names the parameter."""
    if not isinstance(value, str):
        return value
    try:
        first, second = parse_blend_parts(value.strip())
    except UsageError as exc:
        raise ValueError(exc.message) from None
    return f"{first}:{second}"


def blend_parts(text: str | None) -> tuple[int, int] | None:
    """A validated blend text as its two parts; None is the default blend."""
    if text is None:
        return None
    first, _, second = text.partition(":")
    return int(first), int(second)


# --- the comparison (`/compare/{a}-vs-{b}`, `/compare`, `/api/v1/compare`)

BLEND_HELP = "input:output ratio of the blended price, e.g. 70:30 (the default)"
COMPARE_MODELS_HELP = "2 to 4 model slugs, ids or aliases, comma-separated (or repeated)"
EXAMPLE_MODELS = "moonshotai--kimi-k2-instruct,mistral--mixtral-8x22b-instruct"


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

    models: ModelNames = Field(
        default_factory=list,
        description=COMPARE_MODELS_HELP,
        examples=[EXAMPLE_MODELS],
    )


class CompareApiQuery(CompareQuery):
    """`/api/v1/compare`: the models are required."""

    models: ModelNames = Field(
        description=COMPARE_MODELS_HELP,
        examples=[EXAMPLE_MODELS],
    )


# --- the calculator (`/calculator`, `/api/v1/cost`)

MAX_PRICED_MODELS = 8
PRICED_MODELS_HELP = "models to price: slugs, ids or aliases, comma-separated or repeated"


class CalculatorQuery(PageQuery):
    """The calculator's form: up to 8 models and a workload (defaults: a typical chat app)."""

    repeatable: ClassVar[frozenset[str]] = frozenset({"models"})

    models: list[str] = Field(default_factory=list, description=PRICED_MODELS_HELP)
    requests: int = Field(DEFAULT_WORKLOAD["requests"], description="number of requests")
    input_tokens: int = Field(DEFAULT_WORKLOAD["input_tokens"], description="input tokens")
    output_tokens: int = Field(DEFAULT_WORKLOAD["output_tokens"], description="output tokens")
    cached_tokens: int = Field(DEFAULT_WORKLOAD["cached_tokens"], description="cached input")

    @field_validator("models", mode="before")
    @classmethod
    def _names(cls, value: object) -> object:
        return name_list(value)

    @field_validator("requests", "input_tokens", "output_tokens", "cached_tokens", mode="before")
    @classmethod
    def _counts(cls, value: object, info: ValidationInfo) -> object:
        return whole_number(info.field_name or "tokens", value)

    @field_validator("models")
    @classmethod
    def _at_most(cls, value: list[str]) -> list[str]:
        if len(value) > MAX_PRICED_MODELS:
            raise ValueError(f"at most {MAX_PRICED_MODELS} models, got {len(value)}")
        return value

    @model_validator(mode="after")
    def _cached_within_input(self) -> CalculatorQuery:
        if self.cached_tokens > self.input_tokens:
            raise ParamError("cached_tokens", "cached_tokens cannot exceed input_tokens")
        return self

    def workload(self) -> Workload:
        """The workload to price."""
        return Workload(self.input_tokens, self.output_tokens, self.cached_tokens, self.requests)


class CostQuery(CalculatorQuery):
    """`/api/v1/cost`: the models and token counts are required; one request by default."""

    models: list[str] = Field(
        description=PRICED_MODELS_HELP,
        examples=[EXAMPLE_MODELS],
    )
    input_tokens: int = Field(description="input tokens per request", examples=[2000])
    output_tokens: int = Field(description="output tokens per request", examples=[500])
    cached_tokens: int = Field(0, description="cached input tokens per request", examples=[0])
    requests: int = Field(1, description="number of requests (default 1)", examples=[1000])

    @field_validator("models")
    @classmethod
    def _at_least_one(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("models is required")
        return value
