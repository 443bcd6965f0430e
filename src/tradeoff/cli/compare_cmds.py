"""`tradeoff compare` (the comparison page) and `tradeoff cost` (the calculator)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated

import typer

from tradeoff.cli.shared import JsonFlag, app, handles_errors, open_catalog, out, print_json
from tradeoff.errors import UsageError

FORMATS = ("text", "md", "json", "html")


@app.command("compare")
@handles_errors
def compare_cmd(
    models: Annotated[list[str], typer.Argument(help="2 to 4 models: ids, slugs or aliases.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text | md | json | html")] = "text",
    blend: Annotated[
        str | None,
        typer.Option(help="Input:output ratio of the blended price, e.g. 70:30 (default)."),
    ] = None,
) -> None:
    """Compare 2 to 4 models: specs, prices, providers, capabilities, benchmarks, verdict."""
    from tradeoff.compare.workload import parse_blend_parts
    from tradeoff.pages.comparison import compare_context

    if fmt not in FORMATS:
        raise UsageError(f"expected one of {', '.join(FORMATS)}, got {fmt!r}", field="--format")
    parts = None if blend is None else parse_blend_parts(blend)
    ctx = compare_context(open_catalog(), list(models), parts)
    if fmt == "json":
        print_json(ctx)
    elif fmt == "md":
        from tradeoff.render.markdown import render_compare_markdown

        sys.stdout.write(render_compare_markdown(ctx))
    elif fmt == "html":
        from tradeoff.render.html import render_compare_html

        sys.stdout.write(render_compare_html(ctx))
    else:
        from tradeoff.render.terminal import print_comparison

        print_comparison(out, ctx)


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
    as_json: JsonFlag = False,
) -> None:
    """Price a workload on every active offering of the models, cheapest route first."""
    from tradeoff.pages.comparison import cost_context

    ctx = cost_context(
        open_catalog(), list(models), input_tokens, output_tokens, cached_tokens, requests
    )
    if as_json:
        print_json(ctx)
        return
    from tradeoff.render.terminal import print_cost

    print_cost(out, ctx)
