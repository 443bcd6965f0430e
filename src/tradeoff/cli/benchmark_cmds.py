"""`tradeoff benchmarks list`, `tradeoff import benchmarks PATH`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

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
    working,
)

benchmarks_app = typer.Typer(
    help="The benchmark registry and sourced results.", no_args_is_help=True
)
app.add_typer(benchmarks_app, name="benchmarks")


@benchmarks_app.command("list")
@handles_errors
def benchmarks_list(
    fmt: FormatOption = ListFormat.text, as_json: JsonFlag = False, wide: WideFlag = False
) -> None:
    """List registered benchmarks with their metric and how many results the catalog holds."""
    from tradeoff.db.benchmark_queries import benchmarks, result_counts
    from tradeoff.pages.jsonable import jsonable
    from tradeoff.render.listing import Listing

    chosen = chosen_format(fmt, as_json)
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
    listing = Listing(
        title=f"{len(rows)} benchmarks",
        columns=("id", "name", "category", "metric", "unit", "better", "results", "models"),
        rows=[
            (
                str(row["id"]),
                str(row["name"]),
                str(row["category"]),
                str(row["metric"]),
                str(row["unit"]),
                "higher" if row["higher_is_better"] else "lower",
                str(row["result_count"]),
                str(row["model_count"]),
            )
            for row in rows
        ],
    )
    payload = {"benchmarks": rows, "count": len(rows), "catalog_version": catalog.version}
    emit(chosen, listing, payload, wide=wide)


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

    with working(f"importing benchmark results from {path}"):
        report = run(path, allow_nonredistributable=allow_nonredistributable)
    out.print(report, markup=False)
