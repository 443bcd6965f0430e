"""`tradeoff changes` (what changed, newest first) and `tradeoff refresh` (fetch the newest
upstream datasets and import them)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tradeoff.cli.shared import app, handles_errors, open_catalog, out, print_json
from tradeoff.errors import UsageError

if TYPE_CHECKING:
    from tradeoff.pages.changes import ChangesContext

FORMATS = ("text", "json", "md")


@app.command("changes")
@handles_errors
def changes_cmd(
    since: Annotated[
        str | None, typer.Option("--since", help="Only changes on or after this day (YYYY-MM-DD).")
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="Only this model.")] = None,
    provider: Annotated[str | None, typer.Option("--provider", help="Only this provider.")] = None,
    lab: Annotated[str | None, typer.Option("--lab", help="Only this lab id.")] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", help="Only this kind (repeatable): price-cut, price-rise, …"),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="The newest N changes.")] = 50,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text | json | md")] = "text",
) -> None:
    """What changed in the catalog: price cuts and rises, new models, retirements."""
    from tradeoff.compare.changes import KINDS, parse_day
    from tradeoff.pages.changes import changes_context

    if fmt not in FORMATS:
        raise UsageError(f"expected one of {', '.join(FORMATS)}, got {fmt!r}", field="--format")
    if limit < 1:
        raise UsageError("give a positive number", field="--limit")
    for k in kind or ():
        if k not in KINDS:
            raise UsageError(f"unknown kind {k!r}; one of {', '.join(KINDS)}", field="--kind")
    day = None
    if since is not None:
        try:
            day = parse_day(since).isoformat()
        except ValueError as exc:
            raise UsageError(str(exc), field="--since") from None
    catalog = open_catalog()
    if provider is not None and provider not in catalog.providers:
        raise UsageError(f"unknown provider {provider!r}", field="--provider")
    if lab is not None and lab not in catalog.labs:
        raise UsageError(f"unknown lab {lab!r}", field="--lab")
    model_id = catalog.resolve(model).id if model else None
    ctx = changes_context(
        catalog,
        since=day,
        kinds=kind or (),
        provider=provider,
        lab=lab,
        model=model_id,
        limit=limit,
    )
    if fmt == "json":
        print_json(ctx)
    elif fmt == "md":
        from tradeoff.render.markdown_changes_page import changes_md

        sys.stdout.write(changes_md(ctx))
    else:
        _print_text(ctx)


def _print_text(page: ChangesContext) -> None:
    from rich.table import Table

    from tradeoff.compare.wording import NOT_A_PRICE_MOVE
    from tradeoff.money import format_usd
    from tradeoff.render.terminal_text import add_row, plain

    table = Table(title=plain(f"{page['title']}: {page['shown']} of {page['matched']} changes"))
    for column in ("date", "change", "model", "provider", "input $/1M", "output $/1M"):
        table.add_column(column)
    for c in page["changes"]:
        prices = [
            NOT_A_PRICE_MOVE
            if before is None and after is None
            else f"{format_usd(before)} → {format_usd(after)}"
            for before, after in (
                (c["input_before"], c["input_after"]),
                (c["output_before"], c["output_after"]),
            )
        ]
        model = c["model_name"] or c["model_id"] or c["provider_model_id"] or ""
        provider = c["provider_name"] or ""
        if provider and c["provider_model_id"]:  # two routes of one model at one provider
            provider += f"\n{c['provider_model_id']}"
        add_row(table, c["date"], c["kind_label"], model, provider, *prices)
    out.print(table)


@app.command("refresh")
@handles_errors
def refresh_cmd(
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", help="TOML file naming the URLs to fetch (default: the public datasets)."
        ),
    ] = None,
    changelog: Annotated[
        Path | None,
        typer.Option(
            "--changelog",
            help="Append what changed to this Markdown file "
            "(default: catalog/review/changelog.md).",
        ),
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds allowed per download.")] = 60.0,
) -> None:
    """Fetch the newest models.dev, genai-prices and LiteLLM data, import what changed."""
    from tradeoff.maintain.refresh import load_config, refresh

    if not timeout > 0:
        raise UsageError("give a number of seconds above 0", field="--timeout")
    result = refresh(load_config(config), changelog=changelog, timeout_s=timeout)
    out.print(result.text(), markup=False)
