"""`tradeoff models list|show`, `check`, `headlines`, `review`, `import models-dev`."""

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
    models_app,
    open_catalog,
    out,
    parse_date,
    print_json,
)
from tradeoff.errors import UsageError


@models_app.command("list")
@handles_errors
def models_list(
    as_json: JsonFlag = False,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help="Only models of this kind: text-generation, embedding, rerank, moderation, "
            "image-generation, speech-to-text, text-to-speech, realtime-audio, ocr, video; "
            "'unknown' for kind not yet sourced. Default: every kind.",
        ),
    ] = None,
) -> None:
    """List every canonical model with its kind, lab, release date and number of offerings."""
    from tradeoff.pages.catalog_table import ALL_KINDS, KIND_VALUES, catalog_rows, kind_matches
    from tradeoff.render.terminal import show_value
    from tradeoff.render.terminal_text import add_row, plain

    if kind is not None and kind not in KIND_VALUES:
        raise UsageError(
            f"unknown kind {kind!r}; expected one of {', '.join(KIND_VALUES)}", field="--kind"
        )
    catalog = open_catalog()
    rows = [r for r in catalog_rows(catalog) if kind_matches(r, kind or ALL_KINDS)]
    if as_json:
        print_json({"models": rows, "count": len(rows), "catalog_version": catalog.version})
        return
    table = Table(title=plain(f"{len(rows)} models"))
    for column in ("id", "name", "kind", "lab", "released", "context", "open weights", "offerings"):
        table.add_column(column)
    for row in rows:
        add_row(
            table,
            row["id"],
            row["name"],
            row["kind"] or "not yet sourced",
            row["lab"],
            show_value(row["release_date"]),
            show_value(row["context_tokens"]),
            show_value(row["open_weights"]),
            str(row["offering_count"]),
        )
    out.print(table)


@models_app.command("show")
@handles_errors
def models_show(
    model: Annotated[str, typer.Argument(help="Canonical id, slug or known alias.")],
    as_json: JsonFlag = False,
) -> None:
    """Show a model's facts (with source and checked date) and its offerings by provider."""
    from tradeoff.pages.model import model_context
    from tradeoff.render.terminal import print_model

    catalog = open_catalog()
    context = model_context(catalog, catalog.resolve(model))
    if as_json:
        print_json(context)
        return
    print_model(out, context)


@app.command("check")
@handles_errors
def check(
    as_json: JsonFlag = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every finding.")] = False,
) -> None:
    """Run the catalog's quality gates; exit 1 when any error is found."""
    from tradeoff.catalog.files import default_catalog_dir
    from tradeoff.maintain.checks import commit_findings, counts, run_checks
    from tradeoff.render.terminal_text import add_row, plain

    findings = commit_findings(default_catalog_dir()) + run_checks(open_catalog())
    tally = counts(findings)
    errors = sum(n for (level, _), n in tally.items() if level == "error")
    warnings = sum(n for (level, _), n in tally.items() if level == "warning")
    if as_json:
        print_json(
            {
                "errors": errors,
                "warnings": warnings,
                "counts": [
                    {"level": lv, "kind": k, "count": n} for (lv, k), n in sorted(tally.items())
                ],
                "findings": findings if verbose else [],
            }
        )
    else:
        table = Table(title=plain("tradeoff check"))
        for column in ("level", "kind", "count"):
            table.add_column(column)
        for (level, kind), n in sorted(tally.items()):
            add_row(table, level, kind, str(n))
        out.print(table)
        if verbose:
            for f in findings:
                out.print(f"{f.level}\t{f.kind}\t{f.entity}\t{f.message}", markup=False)
        infos = len(findings) - errors - warnings
        out.print(f"{errors} error(s), {warnings} warning(s), {infos} note(s)")
    if errors:
        raise typer.Exit(1)


@app.command("headlines")
@handles_errors
def headlines(
    top: Annotated[
        int, typer.Option("--top", min=1, max=1000, help="How many of the most-offered models.")
    ] = 40,
    as_json: JsonFlag = False,
) -> None:
    """For the most-offered models: the headline route and every excluded route, with reasons."""
    from dataclasses import asdict

    from tradeoff.maintain.headline_report import headline_report, report_markdown

    report = headline_report(open_catalog(), top)
    if as_json:
        print_json({"models": [asdict(row) for row in report], "count": len(report)})
    else:
        out.print(report_markdown(report), markup=False)


@import_app.command("models-dev")
@handles_errors
def import_models_dev(
    path: Annotated[
        Path, typer.Argument(help="Root of a models.dev checkout (models/, providers/).")
    ],
    commit: Annotated[str | None, typer.Option(help="Commit of the snapshot.")] = None,
    retrieved: Annotated[
        str | None, typer.Option(help="Date the snapshot was taken (YYYY-MM-DD); default today.")
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Print the changes the import would make; write nothing."),
    ] = False,
) -> None:
    """Import a models.dev tree into catalog/imports/models-dev.json and rebuild the database."""
    from tradeoff.maintain.importing import import_source
    from tradeoff.sources.models_dev import import_tree

    day = parse_date(retrieved)
    summary = import_source(
        lambda: import_tree(path, commit=commit, retrieved=day), dry_run=dry_run
    )
    out.print(summary, markup=False)


@app.command("review")
@handles_errors
def review() -> None:
    """Rewrite catalog/review/ (unlinked offerings, dropped values) from the catalog text."""
    from tradeoff.catalog.files import default_catalog_dir
    from tradeoff.maintain.importing import rewrite_review

    catalog_dir = default_catalog_dir()
    resolved = rewrite_review(catalog_dir)
    linked = sum(1 for o in resolved.offerings if o.model_id)
    out.print(
        f"wrote {catalog_dir / 'review'}: {linked} of {len(resolved.offerings)} offerings linked, "
        f"{len(resolved.unlinked)} unlinked, {len(resolved.dropped)} dropped values"
    )
