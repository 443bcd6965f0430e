"""Page query models (pages/queries.py): strict, blanks absent, errors named; the catalog's
filters echoed and linked (pages/catalog_table.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from tradeoff.db.queries import Catalog
from tradeoff.pages.calculator import DEFAULT_WORKLOAD
from tradeoff.pages.catalog_listing import echo, sort_links
from tradeoff.pages.catalog_query import CatalogQuery
from tradeoff.pages.catalog_table import SORTS, catalog_options
from tradeoff.pages.queries import (
    CalculatorQuery,
    CompareApiQuery,
    CompareQuery,
    CostQuery,
    NoQuery,
    PageQuery,
    PairQuery,
    ParamError,
)


def first_error(model: type[PageQuery], data: dict[str, object], catalog: Catalog) -> str:
    """The parameter the first error names (as the web app reports it: unknown ones first)."""
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data, context={"catalog": catalog})
    errors = caught.value.errors()
    error = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    cause = (error.get("ctx") or {}).get("error")
    return cause.parameter if isinstance(cause, ParamError) else str(error["loc"][0])


@pytest.mark.parametrize(
    "model",
    [NoQuery, CatalogQuery, PairQuery, CompareQuery, CalculatorQuery, CostQuery],
)
def test_unknown_parameters_are_rejected(model: type[PageQuery], catalog: Catalog) -> None:
    assert first_error(model, {"colour": "red"}, catalog) == "colour"


def test_blank_values_are_not_given(catalog: Catalog) -> None:
    query = CalculatorQuery.model_validate(
        {"models": ["", " "], "requests": "", "input_tokens": " "}, context={"catalog": catalog}
    )
    assert query.models == []
    assert query.requests == DEFAULT_WORKLOAD["requests"]
    assert query.input_tokens == DEFAULT_WORKLOAD["input_tokens"]


def test_counts_accept_separators_and_name_their_parameter(catalog: Catalog) -> None:
    query = CalculatorQuery.model_validate(
        {"input_tokens": "1,000", "output_tokens": "2_000"}, context={"catalog": catalog}
    )
    assert (query.input_tokens, query.output_tokens) == (1000, 2000)
    for bad in ("-5", "1e9", "many", "9" * 16):
        assert first_error(CalculatorQuery, {"requests": bad}, catalog) == "requests"
    assert first_error(CalculatorQuery, {"input_tokens": "1", "cached_tokens": "2"}, catalog) == (
        "cached_tokens"
    )


def test_the_api_requires_what_the_page_defaults(catalog: Catalog) -> None:
    assert first_error(CostQuery, {"input_tokens": "1", "output_tokens": "1"}, catalog) == "models"
    assert first_error(CostQuery, {"models": ["a"], "output_tokens": "1"}, catalog) == (
        "input_tokens"
    )
    cost = CostQuery.model_validate(
        {"models": ["a"], "input_tokens": "1", "output_tokens": "1"}, context={"catalog": catalog}
    )
    assert (cost.requests, cost.cached_tokens) == (1, 0)
    assert first_error(CompareApiQuery, {}, catalog) == "models"


def test_models_are_a_list_from_commas_or_repeats(catalog: Catalog) -> None:
    query = CompareQuery.model_validate({"models": ["a, b", "c"]}, context={"catalog": catalog})
    assert query.models == ["a", "b", "c"]
    assert first_error(CompareQuery, {"models": ["a,b,c,d,e"]}, catalog) == "models"


@pytest.mark.parametrize(
    ("given", "text"), [("70:30", "70:30"), ("60/40", "60:40"), (" 3:1 ", "3:1")]
)
def test_the_blend_is_normalized(given: str, text: str, catalog: Catalog) -> None:
    query = PairQuery.model_validate({"blend": given}, context={"catalog": catalog})
    assert query.blend == text
    assert query.blend_parts == tuple(int(p) for p in text.split(":"))


@pytest.mark.parametrize("bad", ["seventy", "0:0", "1000:1"])
def test_a_bad_blend_is_named(bad: str, catalog: Catalog) -> None:
    assert first_error(PairQuery, {"blend": bad}, catalog) == "blend"


def test_catalog_filters_are_checked_against_the_catalog(catalog: Catalog) -> None:
    options = catalog_options(catalog)
    query = CatalogQuery.model_validate(
        {
            "q": "  a b  ",
            "capability": ["tool_call"],
            "lab": options["labs"][0],
            "max_input_price": "$0.5",
            "sort": "context",
            "order": "desc",
        },
        context={"catalog": catalog},
    )
    assert query.q == "a b" and query.max_input_price == Decimal("0.5")
    for field, value in (
        ("lab", "nobody"),
        ("provider", "nobody"),
        ("modality", ["smell"]),
        ("capability", ["telepathy"]),
        ("open_weights", "maybe"),
        ("sort", "price"),
        ("order", "sideways"),
        ("min_context", "lots"),
        ("max_output_price", "-1"),
        ("max_input_price", "NaN"),
    ):
        assert first_error(CatalogQuery, {field: value}, catalog) == field


def test_catalog_echo_and_sort_links(catalog: Catalog) -> None:
    query = CatalogQuery.model_validate(
        {"capability": ["vision", "tool_call"], "sort": "context"}, context={"catalog": catalog}
    )
    # The kind shown is always echoed (the default view is text generation, not everything),
    # and the order in force (context: largest first, its natural order).
    assert echo(query) == {
        "kind": "text-generation",
        "capability": ["vision", "tool_call"],
        "sort": "context",
        "order": "desc",
    }
    links = sort_links(query)
    assert set(links) == set(SORTS)
    assert links["context"] == "/?capability=vision&capability=tool_call&sort=context&order=asc"
    assert links["name"] == "/?capability=vision&capability=tool_call&sort=name"


def test_catalog_defaults_most_providers_and_best_match(catalog: Catalog) -> None:
    plain = CatalogQuery.model_validate({}, context={"catalog": catalog})
    assert echo(plain) == {"kind": "text-generation", "sort": "providers", "order": "desc"}
    searched = CatalogQuery.model_validate({"q": "gpt oss"}, context={"catalog": catalog})
    assert echo(searched)["sort"] == "relevance"
    ticked = CatalogQuery.model_validate(
        {"models": ["a,b", "a"], "page": "2"}, context={"catalog": catalog}
    )
    assert (ticked.models, ticked.page) == (["a", "b"], 2)
    # ticks and the page ride along in every sort link, the page reset to the first
    assert sort_links(ticked)["name"] == "/?sort=name&models=a,b"


def test_page_builders_do_not_import_pydantic() -> None:
    """Only the web app validates query strings: the CLI's imports stay light."""
    import subprocess
    import sys

    modules = (
        "tradeoff.pages.catalog_table",
        "tradeoff.pages.model",
        "tradeoff.pages.calculator",
        "tradeoff.pages.comparison",
        "tradeoff.render.terminal",
        "tradeoff.render.markdown",
        "tradeoff.render.html",
    )
    code = f"import sys, {', '.join(modules)}; print('pydantic' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
