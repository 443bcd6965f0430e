"""Friendly form errors: a bad value sent by a page's form re-renders that form (status 4xx)
with what was typed and a message next to the field, instead of a problem+json body.

Only HTML pages with a form do this (the catalog table, the calculator, the model picker);
their `.json` / `.md` twins and `/api/v1` keep answering `application/problem+json`
(``web.pattern``). Each handler below gets the query string as sent and the problem raised by
the query model or the resolver, and returns the template and its context: the page's own
context (built from what was valid) plus ``form`` (field → the text typed), ``errors``
(field → message) and ``suggestions`` (near model names for an unknown one).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from starlette.datastructures import QueryParams

from tradeoff.compare.token_workload import Workload
from tradeoff.pages.calculator import DEFAULT_WORKLOAD, calculator_context
from tradeoff.pages.catalog_listing import catalog_context
from tradeoff.pages.catalog_query import CatalogQuery
from tradeoff.pages.comparison import picker_context
from tradeoff.pages.queries import name_list
from tradeoff.web.requests import find_model, parse_query
from tradeoff.web.responses import Problem
from tradeoff.web.site import Site

FormView = tuple[str, dict[str, Any]]
FormHandler = Callable[[Site, QueryParams, Problem], FormView]
COUNT_FIELDS = ("requests", "input_tokens", "output_tokens", "cached_tokens")
MAX_RETRIES = 8  # parameters dropped one by one until the rest is a valid query


def names_of(raw: QueryParams) -> list[str]:
    """The model names as sent (``models=a,b`` and/or repeated)."""
    names = name_list(raw.getlist("models"))
    return names if isinstance(names, list) else []


def bad_name(site: Site, names: list[str]) -> int | None:
    """The position of the first name that is no model (None: all are)."""
    for i, name in enumerate(names):
        try:
            find_model(site, name)
        except Problem:
            return i
    return None


def model_field(site: Site, names: list[str], prefix: str, problem: Problem) -> str:
    """The model input at fault: the first unknown name's (a 404), else the first (too many
    models, or one given twice)."""
    at = bad_name(site, names) if problem.status == 404 else None
    return f"{prefix}{at or 0}"


def with_errors(
    ctx: Mapping[str, Any], form: dict[str, str], errors: dict[str, str], problem: Problem
) -> dict[str, Any]:
    """The page's context plus what the form needs to say what went wrong."""
    hint = " Did you mean one of the suggestions?"  # the suggestions are links here
    said = {k: v.replace(hint, "") for k, v in errors.items()}
    return {**ctx, "form": form, "errors": said, "suggestions": problem.suggestions or []}


def calculator_form(site: Site, raw: QueryParams, problem: Problem) -> FormView:
    """The calculator's form as typed, nothing priced, the message next to its field."""
    names = names_of(raw)
    field = problem.parameter or "models"
    if field in ("model", "models"):
        field = model_field(site, names, "model", problem)
    form = {f"model{i}": name for i, name in enumerate(names)}
    form.update({k: raw[k] for k in COUNT_FIELDS if k in raw})
    ctx = calculator_context(site.catalog, [], Workload(**DEFAULT_WORKLOAD))
    view = {**ctx, "model_inputs": len(names)}
    return "calculator.html", with_errors(view, form, {field: problem.detail}, problem)


def picker_form(site: Site, raw: QueryParams, problem: Problem) -> FormView:
    """The model picker as typed, the message next to the model or blend at fault."""
    names = names_of(raw)
    field = problem.parameter or "models"
    if field in ("model", "models"):
        field = model_field(site, names, "pick", problem)
    ctx = picker_context([], raw.get("blend") or None)
    form = {f"pick{i}": name for i, name in enumerate(names)}
    if "blend" in raw:
        form["blend"] = raw["blend"]
    view = {**ctx, "picked": names}
    return "picker.html", with_errors(view, form, {field: problem.detail}, problem)


def catalog_form(site: Site, raw: QueryParams, problem: Problem) -> FormView:
    """The catalog table with the valid rest of the query, the message next to the field;
    an unknown ticked model is dropped from the ticks and named."""
    pairs = list(raw.multi_items())
    errors: dict[str, str] = {}
    form: dict[str, str] = {}
    first = problem
    for _ in range(MAX_RETRIES):
        field = problem.parameter or "q"
        errors.setdefault(field, problem.detail)
        if field == "models":
            names = names_of(QueryParams(pairs))
            at = bad_name(site, names)
            form["models"] = names[at] if at is not None else ""
            kept = [n for i, n in enumerate(names) if i != at]
            pairs = [(k, v) for k, v in pairs if k != "models"] + [("models", n) for n in kept]
        else:
            form.setdefault(field, ",".join(v for k, v in pairs if k == field))
            pairs = [(k, v) for k, v in pairs if k != field]
        try:
            query = parse_query(CatalogQuery, QueryParams(pairs), site)
            ticked: dict[str, str] = {}
            for name in query.models:
                model = find_model(site, name)
                ticked.setdefault(model.id, model.slug)
            query = query.model_copy(update={"models": list(ticked.values())})
            break
        except Problem as again:
            problem = again
    else:  # pragma: no cover - every parameter dropped is valid
        query, ticked = CatalogQuery.model_validate({}, context={"catalog": site.catalog}), {}
    ctx = catalog_context(site.catalog, query, list(ticked))
    return "catalog.html", with_errors(ctx, form, errors, first)
