"""Request parsing: the query string into a page's query model, names into catalog records.

Every bad parameter becomes the same 400 problem naming it; an unknown model becomes a 404
with near names (``Catalog.resolve``'s suggestions).
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import ValidationError
from starlette.datastructures import QueryParams

from tradeoff import urls
from tradeoff.compare.engine import check_distinct
from tradeoff.db.queries import Catalog
from tradeoff.errors import AmbiguousModel, UnknownModel, UsageError
from tradeoff.pages.memo import per_catalog
from tradeoff.pages.queries import PageQuery, ParamError
from tradeoff.pages.view import models_by_slug
from tradeoff.records import Model
from tradeoff.web.responses import Problem, Suggestion, bad_parameter
from tradeoff.web.site import Site

Q = TypeVar("Q", bound=PageQuery)
MAX_VALUE_CHARS = 1024  # one parameter's value: 8 model names fit many times over


def parse_query(model: type[Q], params: QueryParams, site: Site) -> Q:
    """The page's validated query; a 400 problem naming the first parameter at fault."""
    data: dict[str, object] = {}
    for key in params:
        values = params.getlist(key)
        for value in values:
            if len(value) > MAX_VALUE_CHARS:
                raise bad_parameter(key, f"{key} is longer than {MAX_VALUE_CHARS} characters")
        if key in model.repeatable:
            data[key] = values
        elif len(values) > 1 and key in model.model_fields:
            raise bad_parameter(key, f"give {key} once (it was given {len(values)} times)")
        else:
            data[key] = values[0]
    try:
        return model.model_validate(data, context={"catalog": site.catalog})
    except ValidationError as exc:
        raise problem_of(exc, model) from None


def problem_of(exc: ValidationError, model: type[PageQuery]) -> Problem:
    """The first validation error as a 400 naming its parameter (an unknown one first)."""
    errors = exc.errors()
    error = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    parameter = ".".join(str(part) for part in error["loc"][:1])
    cause = (error.get("ctx") or {}).get("error")
    known = ", ".join(sorted(model.model_fields))
    if isinstance(cause, ParamError):
        return bad_parameter(cause.parameter, cause.message)
    if isinstance(cause, ValueError):
        return bad_parameter(parameter, str(cause))
    if error["type"] == "extra_forbidden":
        detail = f"unknown parameter {parameter!r}; " + (
            f"known: {known}" if known else "this page takes no query parameters"
        )
        return bad_parameter(parameter, detail)
    if error["type"] == "missing":
        field = model.model_fields.get(parameter)
        what = f" ({field.description})" if field and field.description else ""
        return bad_parameter(parameter, f"{parameter} is required{what}")
    return bad_parameter(parameter, f"{parameter}: {error['msg']}")


def unknown_model(site: Site, name: str) -> Problem:
    """A 404 naming near models (from ``Catalog.resolve``)."""
    try:
        site.catalog.resolve(name)
        names: list[str] = []
    except UnknownModel as exc:
        names = exc.suggestions
    except AmbiguousModel as exc:
        names = exc.candidates
    models = site.catalog.models
    suggestions = [
        Suggestion(id=m, name=models[m].name, url=urls.model(models[m].slug))
        for m in names
        if m in models
    ]
    hint = " Did you mean one of the suggestions?" if suggestions else ""
    return Problem(
        404,
        "Unknown model",
        f"No model in the catalog is called {name!r}.{hint}",
        parameter="model",
        suggestions=suggestions,
    )


def find_model(site: Site, name: str) -> Model:
    """A model by slug, id or alias; a 404 problem with suggestions otherwise."""
    model = models_by_slug(site.catalog).get(name)
    if model is not None:
        return model
    try:
        return site.catalog.resolve(name)
    except (UnknownModel, AmbiguousModel):
        raise unknown_model(site, name) from None


def find_models(site: Site, names: list[str]) -> list[Model]:
    """Names → distinct models (404 with suggestions for an unknown one, 400 for repeats)."""
    models = [find_model(site, n) for n in names]
    try:
        check_distinct(models)
    except UsageError as exc:
        raise bad_parameter("models", exc.message) from None
    return models


@per_catalog
def longest_slug(catalog: Catalog) -> int:
    """The length of the longest model slug (once per catalog: it bounds pair splitting)."""
    return max((len(s) for s in models_by_slug(catalog)), default=0)


def find_ticked(site: Site, names: list[str]) -> list[Model]:
    """Ticked models (the catalog's ``models=``): each once, in the order given; an unknown
    one is a 404 with suggestions naming ``models``."""
    ticked: dict[str, Model] = {}
    for name in names:
        try:
            model = find_model(site, name)
        except Problem as problem:
            problem.parameter = "models"
            raise
        ticked.setdefault(model.id, model)
    return list(ticked.values())


def split_pair(site: Site, pair: str) -> list[Model]:
    """`a-vs-b` → two models; slugs may themselves contain "-vs-", so try every split whose
    left side is no longer than the longest slug (linear in the path, however many "-vs-")."""
    sep = urls.PAIR_SEPARATOR
    by_slug = models_by_slug(site.catalog)
    longest = longest_slug(site.catalog)
    at = pair.find(sep)
    if at < 0:
        raise bad_parameter("pair", "expected /compare/{slugA}-vs-{slugB}")
    first = at
    while 0 <= at <= longest:
        left, right = pair[:at], pair[at + len(sep) :]
        if left in by_slug and right in by_slug:
            return [by_slug[left], by_slug[right]]
        at = pair.find(sep, at + 1)
    # Not two slugs: resolve ids or aliases; the first side that is no model is named (404).
    return [find_model(site, n) for n in (pair[:first], pair[first + len(sep) :])]
