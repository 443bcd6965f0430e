"""`tradeoff benchmarks list`, `tradeoff import benchmarks PATH`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from tradeoff.cli.shared import (
    JsonFlag,
    app,
    handles_errors,
    import_app,
    open_catalog,
    out,
    print_json,
)
from tradeoff.render.terminal_text import add_row, plain

benchmarks_app = typer.Typer(
    help="The benchmark registry and sourced results.", no_args_is_help=True
)
app.add_typer(benchmarks_app, name="benchmarks")


@benchmarks_app.command("list")
@handles_errors
def benchmarks_list(as_json: JsonFlag = False) -> None:
    """List registered benchmarks with their metric and how many results the catalog holds."""
    from tradeoff.db.benchmark_queries import benchmarks, result_counts
    from tradeoff.pages.jsonable import jsonable

    catalog = open_catalog()
    registry = benchmarks(catalog)
    counts = result_counts(catalog)
    rows = [
        {
            **jsonable(b),
            "result_count": counts.get(b.id, (0, 0))[0],
            "model_count": counts.get(b.id, (0, 0))[1],
        }
        for b in registry
    ]
    if as_json:
        print_json({"benchmarks": rows, "count": len(rows), "catalog_version": catalog.version})
        return
    table = Table(title=plain(f"{len(rows)} benchmarks"))
    for column in ("id", "name", "category", "metric", "unit", "better", "results", "models"):
        table.add_column(column)
    for row in rows:
        add_row(
            table,
            row["id"],
            row["name"],
            row["category"],
            row["metric"],
            row["unit"],
            "higher" if row["higher_is_better"] else "lower",
            str(row["result_count"]),
            str(row["model_count"]),
        )
    out.print(table)


@import_app.command("benchmarks")
@handles_errors
def import_benchmarks(
    path: Annotated[
        Path, typer.Argument(help="A benchmark CSV, or a directory of them (data/benchmarks).")
    ],
    allow_nonredistributable: Annotated[
        bool,
        typer.Option(
            "--allow-nonredistributable",
            help="Also import sources whose licence forbids redistribution (LMArena, "
            "SWE-bench) into this catalog, for your own use only: do not publish it.",
        ),
    ] = False,
) -> None:
    """Import benchmark results into catalog/benchmarks/ and rebuild the database."""
    from tradeoff.maintain.benchmark_import import import_benchmarks as run

    out.print(run(path, allow_nonredistributable=allow_nonredistributable), markup=False)
