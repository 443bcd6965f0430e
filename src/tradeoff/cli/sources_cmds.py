"""`tradeoff import genai-prices|litellm|openrouter PATH` and `tradeoff conflicts`."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
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
    import_app,
    open_catalog,
    out,
    parse_date,
    working,
)
from tradeoff.errors import UsageError

DryRun = Annotated[
    bool, typer.Option("--dry-run", help="Print the changes the import would make; write nothing.")
]
Retrieved = Annotated[
    str | None, typer.Option(help="Date the snapshot was taken (YYYY-MM-DD); default today.")
]


def _run(make: Any, dry_run: bool) -> None:
    from tradeoff.maintain.importing import import_source

    with working("importing (validating, then writing the catalog text and the database)"):
        summary = import_source(make, dry_run=dry_run)
    out.print(summary, markup=False)


@import_app.command("genai-prices")
@handles_errors
def import_genai_prices(
    path: Annotated[
        Path, typer.Argument(help="genai-prices checkout, its prices/providers folder, or one .yml")
    ],
    commit: Annotated[str | None, typer.Option(help="Commit of the snapshot.")] = None,
    retrieved: Retrieved = None,
    dry_run: DryRun = False,
) -> None:
    """Import pydantic/genai-prices provider YAML into catalog/imports/genai-prices.json."""
    from tradeoff.sources.genai_prices import import_snapshot

    day = parse_date(retrieved)
    _run(lambda: import_snapshot(path, commit=commit, retrieved=day), dry_run)


@import_app.command("litellm")
@handles_errors
def import_litellm(
    path: Annotated[
        Path, typer.Argument(help="model_prices_and_context_window.json (or its folder)")
    ],
    version: Annotated[
        str | None, typer.Option(help="LiteLLM version the file comes from.")
    ] = None,
    retrieved: Retrieved = None,
    dry_run: DryRun = False,
) -> None:
    """Import LiteLLM's price map (every model mode, with its kind and units) into
    catalog/imports/litellm.json."""
    from tradeoff.sources.litellm import import_file

    day = parse_date(retrieved)
    _run(lambda: import_file(path, retrieved=day, version=version), dry_run)


@import_app.command("openrouter")
@handles_errors
def import_openrouter(
    path: Annotated[Path, typer.Argument(help="A saved response of GET /api/v1/models")],
    retrieved: Retrieved = None,
    dry_run: DryRun = False,
) -> None:
    """Import OpenRouter's model list into catalog/imports/openrouter.json (not redistributable)."""
    from tradeoff.sources.openrouter import import_file

    day = parse_date(retrieved)
    _run(lambda: import_file(path, retrieved=day), dry_run)


@app.command("conflicts")
@handles_errors
def conflicts(
    model: Annotated[
        str | None, typer.Option("--model", help="Only this model and its offerings.")
    ] = None,
    fmt: FormatOption = ListFormat.text,
    as_json: JsonFlag = False,
    wide: WideFlag = False,
) -> None:
    """List every fact on which sources disagree: all values, their sources, and the choice."""
    from tradeoff.pages.jsonable import jsonable
    from tradeoff.render.listing import Listing

    chosen = chosen_format(fmt, as_json)
    if model is not None and not model.strip():
        raise UsageError(
            "--model needs a model name (leave it out to list every conflict)", field="--model"
        )
    catalog = open_catalog()
    model_id = catalog.resolve(model).id if model else None
    found = catalog.conflicts(model_id)
    title = f"{len(found)} conflict(s)" + (f" for {model_id}" if model_id else "")
    rows: list[tuple[str, ...]] = []
    for c in found:
        chosen_value = _show(c.chosen)
        if c.chosen_source_id:
            chosen_value += f"\n({c.chosen_source_id})"
        values = "\n".join(f"{_show(v)}  ({source}, {checked})" for v, source, checked in c.values)
        rows.append((c.entity, c.field, chosen_value, values, c.rule))
    listing = Listing(
        title=title,
        columns=("entity", "field", "chosen", "values (source, checked)", "rule"),
        rows=rows,
        lines=True,
    )
    payload = {"model": model_id, "count": len(found), "conflicts": jsonable(found)}
    emit(chosen, listing, payload, wide=wide)


def _show(value: str) -> str:
    """A conflict value for people: JSON-encoded facts unwrapped, numbers with separators."""
    try:
        decoded = json.loads(value, parse_float=Decimal)
    except ValueError:
        return value
    if isinstance(decoded, bool):
        return "yes" if decoded else "no"
    if isinstance(decoded, int):
        return f"{decoded:,}"
    if isinstance(decoded, list):
        return ", ".join(str(v) for v in decoded)
    return str(decoded)
