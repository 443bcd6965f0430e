"""What a page may be asked: one strict query model per page (pydantic, ``extra="forbid"``).

The web app fills a model from the URL's query string (repeatable parameters as lists, the
last value of any other) and answers any validation error with a 400 naming the parameter.
A blank value (an empty form field) means "not given". Validators raise ``ParamError`` when
the parameter at fault is not the field being validated.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, ValidationInfo, model_validator

from tradeoff.compare.workload import parse_blend_parts
from tradeoff.db.queries import Catalog
from tradeoff.errors import UsageError


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


def whole_number(name: str, value: object) -> object:
    """A count of tokens or requests: digits, with optional "," or "_" separators."""
    if not isinstance(value, str):
        return value
    text = value.strip().replace(",", "").replace("_", "")
    if not text.isdigit() or len(text) > 15:
        raise ValueError(f"{name} must be a whole number of tokens, got {value.strip()!r}")
    return int(text)


def usd_amount(name: str, value: object) -> object:
    """A non-negative USD amount such as "0.5" or "$0.5"."""
    if not isinstance(value, str):
        return value
    text = value.strip().lstrip("$")
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
