"""`tradeoff models list|show`, `check`, `headlines`, `review`, `import models-dev`."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
    models_app,
    open_catalog,
    out,
    parse_date,
    print_json,
    working,
)
from tradeoff.errors import UsageError

if TYPE_CHECKING:
    from tradeoff.pages.catalog_table import CatalogRow
    from tradeoff.render.listing import Listing


@dataclass(frozen=True)
class _ListFilters:
    """`models list`'s options as the catalog table's filters (``CatalogFilters``)."""

    kind: str
    lab: str
    provider: str
    open_weights: str
    min_context: int | None
    sort: str
    order: str
    q: str = ""
    capability: tuple[str, ...] = ()
    modality: tuple[str, ...] = ()
    licence: str = ""
    max_input_price: Decimal | None = None
    max_output_price: Decimal | None = None


class OpenWeights(StrEnum):
    """--open-weights: published weights, closed, or not yet sourced."""

    yes = "yes"
    no = "no"
    unknown = "unknown"


SORT_CHOICES = (
    "name",
    "lab",
    "released",
    "context",
    "price",
    "input_price",
    "output_price",
    "providers",
)


@models_app.command("list")
@handles_errors
def models_list(
    fmt: FormatOption = ListFormat.text,
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
    lab: Annotated[
        str | None, typer.Option("--lab", help="Only this lab's models (lab id).")
    ] = None,
    provider: Annotated[
        str | None, typer.Option("--provider", help="Only models this provider serves (id).")
    ] = None,
    open_weights: Annotated[
        OpenWeights | None, typer.Option("--open-weights", help="yes, no or unknown.")
    ] = None,
    min_context: Annotated[
        int | None, typer.Option("--min-context", min=0, help="Minimum context window, tokens.")
    ] = None,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            metavar="KEY",
            help=f"One of {', '.join(SORT_CHOICES)}; '-' before it sorts descending "
            "(-context). Unknown values come last.",
        ),
    ] = "name",
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Print only the first N models.")
    ] = None,
    wide: WideFlag = False,
) -> None:
    """List canonical models: kind, lab, release date, context, open weights, providers and
    the headline price (cheapest comparable route, blended 70:30, USD per 1M tokens)."""
    from tradeoff.pages.catalog_table import ALL_KINDS, KIND_VALUES, catalog_rows, filter_rows

    chosen = chosen_format(fmt, as_json)
    if kind is not None and kind not in KIND_VALUES:
        raise UsageError(
            f"unknown kind {kind!r}; expected one of {', '.join(KIND_VALUES)}", field="--kind"
        )
    key = sort.removeprefix("-")
    if key not in SORT_CHOICES:
        raise UsageError(
            f"unknown sort {sort!r}; expected one of {', '.join(SORT_CHOICES)}", field="--sort"
        )
    catalog = open_catalog()
    all_rows = catalog_rows(catalog)
    for option, value, known in (
        ("--lab", lab, {r["lab"] for r in all_rows}),
        ("--provider", provider, {p for r in all_rows for p in r["providers"]}),
    ):
        if value is not None and value not in known:
            near = difflib.get_close_matches(value, sorted(known), n=3)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise UsageError(f"no {option[2:]} {value!r} in the catalog{hint}", field=option)
    filters = _ListFilters(
        kind=kind or ALL_KINDS,
        lab=lab or "",
        provider=provider or "",
        open_weights=open_weights.value if open_weights else "",
        min_context=min_context,
        sort="name" if key == "price" else key,
        order="desc" if sort.startswith("-") else "asc",
    )
    rows = filter_rows(all_rows, filters, {})  # no search words: nothing to rank
    if key == "price":
        rows = _by_price(rows, descending=filters.order == "desc")
    rows = rows[:limit] if limit else rows
    payload = {"models": rows, "count": len(rows), "catalog_version": catalog.version}
    emit(chosen, _models_listing(rows), payload, wide=wide)


def _blended(row: CatalogRow) -> Decimal | None:
    cheapest = row["cheapest"]
    value = cheapest["blended_per_mtok"] if cheapest else None
    return None if value is None else Decimal(value)


def _by_price(rows: list[CatalogRow], *, descending: bool) -> list[CatalogRow]:
    """By headline blended price; unpriced rows last either way (as the other sorts)."""
    priced = [r for r in rows if _blended(r) is not None]
    priced.sort(key=lambda r: (_blended(r), r["name"].lower()), reverse=descending)
    return priced + [r for r in rows if _blended(r) is None]


def _price_cell(row: CatalogRow) -> str:
    """The headline price: blended 70:30 in USD per 1M tokens, or the other unit it is sold
    in, or "unpriced"."""
    from tradeoff.render.markdown import money

    cheapest = row["cheapest"]
    if cheapest is not None and cheapest["free"]:
        return "free"
    if cheapest is not None and cheapest["blended_per_mtok"] is not None:
        return money(cheapest["blended_per_mtok"])
    return row["not_per_token"] or "unpriced"


def _models_listing(rows: list[CatalogRow]) -> Listing:
    from tradeoff.render.listing import Listing
    from tradeoff.render.terminal import show_value

    return Listing(
        title=f"{len(rows)} models (price: cheapest comparable route, USD per 1M tokens, "
        "blended 70:30 input:output)",
        columns=(
            "id",
            "name",
            "kind",
            "lab",
            "released",
            "context",
            "open weights",
            "providers",
            "price $/1M",
        ),
        rows=[
            (
                row["id"],
                row["name"],
                row["kind"] or "not yet sourced",
                row["lab"],
                show_value(row["release_date"]),
                show_value(row["context_tokens"]),
                show_value(row["open_weights"]),
                str(row["provider_count"]),
                _price_cell(row),
            )
            for row in rows
        ],
    )


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
    fmt: FormatOption = ListFormat.text,
    as_json: JsonFlag = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every finding.")] = False,
    wide: WideFlag = False,
) -> None:
    """Run the catalog's quality gates; exit 1 when any error is found. CSV and Markdown list
    the counts by level and kind, or with --verbose every finding."""
    from tradeoff.catalog.files import default_catalog_dir
    from tradeoff.maintain.checks import commit_findings, counts, run_checks
    from tradeoff.render.listing import Listing

    chosen = chosen_format(fmt, as_json)
    findings = commit_findings(default_catalog_dir()) + run_checks(open_catalog())
    tally = counts(findings)
    errors = sum(n for (level, _), n in tally.items() if level == "error")
    warnings = sum(n for (level, _), n in tally.items() if level == "warning")
    payload = {
        "errors": errors,
        "warnings": warnings,
        "counts": [{"level": lv, "kind": k, "count": n} for (lv, k), n in sorted(tally.items())],
        "findings": findings if verbose else [],
    }
    tallied = Listing(
        title="tradeoff check",
        columns=("level", "kind", "count"),
        rows=[(level, kind, str(n)) for (level, kind), n in sorted(tally.items())],
    )
    if chosen in ("csv", "md") and verbose:
        every = Listing(
            title="tradeoff check: findings",
            columns=("level", "kind", "entity", "message"),
            rows=[(f.level, f.kind, f.entity, f.message) for f in findings],
        )
        emit(chosen, every, payload)
    else:
        emit(chosen, tallied, payload, wide=wide)
    if chosen == "text":
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
    with working("importing models.dev (validating, then writing the catalog text and database)"):
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
