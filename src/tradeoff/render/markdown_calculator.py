"""The calculator's Markdown twin (`/calculator.md`): the workload, what it concludes (the
cheapest route, a tie said as a tie; image output left out of image models' totals) and every
route, cheapest first. Data is escaped."""

from __future__ import annotations

from tradeoff.escape import md as esc
from tradeoff.kinds import NOT_APPLICABLE
from tradeoff.pages.calculator import (
    CalculatorContext,
    LineEntry,
    line_notes,
    summary_lines,
    unpriced_text,
)
from tradeoff.render.markdown import money, table
from tradeoff.render.markdown_pages import FITS, sources_md


def _join(parts: list[str]) -> str:
    return "\n\n".join(p for p in parts if p) + "\n"


def _total(line: LineEntry) -> str:
    """A route's total, or why it has none: a side sold in another unit, half a price, or
    unpriced (the route's class, ``compare.route_gap``)."""
    return line["total_missing"] or money(line["total_usd"])


def calculator_md(ctx: CalculatorContext) -> str:
    """The calculator: the workload and every route, cheapest first."""
    w = ctx["workload"]
    head = (
        f"# Cost of {w['requests']:,} requests of {w['input_tokens']:,} input "
        f"({w['cached_tokens']:,} cached) and {w['output_tokens']:,} output tokens"
    )
    if not ctx["models"]:
        return _join([head, "Choose models to price (`?models=a,b`)."])
    rows = [
        [
            esc(line["model_name"]),
            esc(line["provider_name"]),
            _total(line),
            line["input_missing"] or money(line["input_per_mtok"]),
            NOT_APPLICABLE
            if not line["output_applicable"]
            else (line["output_missing"] or money(line["output_per_mtok"])),
            FITS[line["fits_context"]],
            esc(line_notes(line, fit=False)),  # the Fits column says the fit
            f"{esc(line['source'])}, {esc(line['dated'])}",
        ]
        for line in ctx["lines"]
    ]
    head_row = ["Model", "Provider", "Total USD", "Input $/1M", "Output $/1M", "Fits", "Notes"]
    head_row.append("Source")
    return _join(
        [
            head,
            *([esc(ctx["kinds_note"])] if ctx["kinds_note"] else []),
            f"{ctx['priced_count']} priced routes, {unpriced_text(ctx)}.",
            *(esc(line) for line in summary_lines(ctx)),
            table(head_row, rows),
            sources_md(ctx["sources"]),
        ]
    )
