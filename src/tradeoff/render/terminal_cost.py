"""The calculator in the terminal (`tradeoff cost`): the workload and what it concludes, then
every offering priced for it. Data reaches Rich only as plain text (``render.terminal``)."""

from __future__ import annotations

from rich.console import Console

from tradeoff.kinds import NOT_APPLICABLE
from tradeoff.pages.calculator import CalculatorContext, line_notes, summary_lines, unpriced_text
from tradeoff.render.listing import Listing, listing_table
from tradeoff.render.markdown import money as md_money


def print_workload(console: Console, ctx: CalculatorContext) -> None:
    """The calculator's workload line, what its kinds leave out, and what it concludes (the
    cheapest route; image output not in the totals), above its table."""
    w = ctx["workload"]
    console.print(
        f"Workload: {w['input_tokens']:,} input tokens ({w['cached_tokens']:,} cached), "
        f"{w['output_tokens']:,} output tokens, × {w['requests']:,} request(s)",
        markup=False,
    )
    for line in [ctx["kinds_note"], *summary_lines(ctx)]:
        if line:
            console.print(line, markup=False)


def cost_listing(ctx: CalculatorContext) -> Listing:
    """The calculator's table: every offering priced for the workload, cheapest comparable
    route first."""
    rows: list[tuple[str, ...]] = []
    for c in ctx["lines"]:
        rows.append(
            (
                c["model_name"],
                c["provider_name"],
                c["provider_model_id"],
                # each side worded alone: its cost, or why it has none
                c["input_missing"] or md_money(c["input_usd"]),
                c["cached_missing"] or md_money(c["cached_usd"]),
                NOT_APPLICABLE
                if not c["output_applicable"]
                else (c["output_missing"] or md_money(c["output_usd"])),
                c["total_missing"] or md_money(c["total_usd"]),
                line_notes(c),
            )
        )
    return Listing(
        title=f"{ctx['line_count']} offerings ({unpriced_text(ctx)})",
        columns=("model", "provider", "model id", "input", "cached", "output", "total", "notes"),
        rows=rows,
        # the terminal's are above (``print_workload``); Markdown and CSV print these
        notes=tuple(filter(None, [ctx["kinds_note"], *summary_lines(ctx)])),
    )


def print_cost(console: Console, ctx: CalculatorContext) -> None:
    """The calculator: the workload, then every offering priced for it, cheapest comparable
    route first."""
    print_workload(console, ctx)
    console.print(listing_table(cost_listing(ctx)))
