"""`tradeoff compare` (the comparison page) and `tradeoff cost` (the calculator)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

import typer

from tradeoff.cli.shared import (
    FormatOption,
    JsonFlag,
    ListFormat,
    WideFlag,
    app,
    chosen_format,
    emit,
    handles_errors,
    open_catalog,
    out,
    print_json,
    stdout_console,
)
from tradeoff.errors import UsageError

AsOf = Annotated[
    str | None,
    typer.Option("--as-of", help="Price with the prices in force on this day (YYYY-MM-DD)."),
]


def _catalog(as_of: str | None) -> Any:
    """The catalog, priced on ``--as-of``'s day when given (pages.as_of)."""
    catalog = open_catalog()
    if as_of is None:
        return catalog
    from tradeoff.pages.as_of import catalog_as_of

    return catalog_as_of(catalog, as_of)


def _refuse_unreleased(catalog: Any, as_of: str | None, model_ids: list[str]) -> None:
    """With --as-of, a model released after that day is a usage error (pages.as_of)."""
    if as_of is not None:
        from tradeoff.pages.as_of import refuse_unreleased

        refuse_unreleased(catalog, model_ids)


class CompareFormat(StrEnum):
    """What `tradeoff compare` prints: the page as text, Markdown, JSON or HTML."""

    text = "text"
    md = "md"
    json = "json"
    html = "html"


@app.command("compare")
@handles_errors
def compare_cmd(
    models: Annotated[list[str], typer.Argument(help="2 to 4 models: ids, slugs or aliases.")],
    fmt: Annotated[
        CompareFormat, typer.Option("--format", "-f", help="text | md | json | html")
    ] = CompareFormat.text,
    as_json: JsonFlag = False,
    blend: Annotated[
        str | None,
        typer.Option(help="Input:output ratio of the blended price, e.g. 70:30 (default)."),
    ] = None,
    wide: WideFlag = False,
    as_of: AsOf = None,
) -> None:
    """Compare 2 to 4 models: specs, prices, providers, capabilities, benchmarks, verdict."""
    from tradeoff.compare.workload import parse_blend_parts
    from tradeoff.pages.comparison import compare_context

    chosen = chosen_format(fmt, as_json)
    parts = None if blend is None else parse_blend_parts(blend)
    catalog = _catalog(as_of)
    ctx = compare_context(catalog, list(models), parts)
    _refuse_unreleased(catalog, as_of, [m["id"] for m in ctx["models"]])
    if chosen == "json":
        print_json(ctx)
    elif chosen == "md":
        from tradeoff.render.markdown import render_compare_markdown

        sys.stdout.write(render_compare_markdown(ctx))
    elif chosen == "html":
        from tradeoff.render.html import render_compare_html

        sys.stdout.write(render_compare_html(ctx))
    else:
        from tradeoff.render.terminal import print_comparison

        if as_of is not None:
            out.print(f"Prices in force on {as_of}", markup=False)
        print_comparison(stdout_console(wide), ctx)


def _count(flag: str) -> Callable[[str], int]:
    """A count option read by the one parser of the web too (100k, 1.5M, 1,000)."""

    def parse(text: str) -> int:
        from tradeoff.compare.workload import parse_count

        try:
            return parse_count(flag, str(text))
        except UsageError as exc:
            raise typer.BadParameter(exc.message) from None

    return parse


COUNT = "(2000, 1,000, 100k or 1.5M)"


@app.command("cost")
@handles_errors
def cost_cmd(
    models: Annotated[list[str], typer.Argument(help="One or more models.")],
    input_tokens: Annotated[
        int,
        typer.Option(
            "--input-tokens",
            help=f"Input tokens per request {COUNT}.",
            parser=_count("--input-tokens"),
        ),
    ],
    output_tokens: Annotated[
        int,
        typer.Option(
            "--output-tokens",
            help=f"Output tokens per request {COUNT}.",
            parser=_count("--output-tokens"),
        ),
    ],
    cached_tokens: Annotated[
        int,
        typer.Option(
            "--cached-tokens",
            help="Part of the input read from cache.",
            parser=_count("--cached-tokens"),
        ),
    ] = 0,
    requests: Annotated[
        int,
        typer.Option("--requests", help="Number of such requests.", parser=_count("--requests")),
    ] = 1,
    fmt: FormatOption = ListFormat.text,
    as_json: JsonFlag = False,
    wide: WideFlag = False,
    as_of: AsOf = None,
) -> None:
    """Price a workload on every active offering of the models, cheapest comparable route first."""
    from tradeoff.pages.calculator import cost_context
    from tradeoff.render.terminal_cost import cost_listing, print_workload

    chosen = chosen_format(fmt, as_json)
    catalog = _catalog(as_of)
    ctx = cost_context(catalog, list(models), input_tokens, output_tokens, cached_tokens, requests)
    _refuse_unreleased(catalog, as_of, [m["id"] for m in ctx["models"]])
    if chosen == "text":
        if as_of is not None:
            out.print(f"Prices in force on {as_of}", markup=False)
        print_workload(out, ctx)
    emit(chosen, cost_listing(ctx), ctx, wide=wide)
