"""Terminal rendering of page contexts with Rich tables."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from tradeoff.render.model_context import NOT_SOURCED


def show_value(value: Any) -> str:
    """A fact value for people; unknown is said, never blank."""
    if value is None:
        return NOT_SOURCED
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or NOT_SOURCED
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def money(value: str | None) -> str:
    return "unpriced" if value is None else f"${value}"


def print_model(console: Console, ctx: dict[str, Any]) -> None:
    """Facts, capabilities and offerings of one model."""
    console.print(f"[bold]{ctx['name']}[/]  ({ctx['id']}) — {ctx['lab']['name']}")
    facts = Table(title="Facts", show_lines=False)
    for column in ("fact", "value", "source", "checked"):
        facts.add_column(column)
    for f in ctx["facts"] + ctx["capabilities"]:
        source = f["source"]["name"] if f["source"] else (f["note"] or "")
        value = show_value(f["value"]) + (" (sources disagree)" if f["disputed"] else "")
        facts.add_row(f["label"], value, source, f["checked"] or "")
    console.print(facts)
    offers = Table(title=f"Offerings ({ctx['offering_count']})")
    for column in (
        "provider",
        "provider model id",
        "input $/1M",
        "output $/1M",
        "cache read $/1M",
        "context",
        "status",
        "source",
        "checked",
    ):
        offers.add_column(column)
    for o in ctx["offerings"]:
        p = o["prices"]
        status = o["lifecycle"] if o["provider_status"] == "active" else "provider defunct"
        disputed = " *" if o["disputed_fields"] else ""
        offers.add_row(
            o["provider_name"],
            o["provider_model_id"],
            "free" if p["free"] else money(p["input_per_mtok"]) + disputed,
            "free" if p["free"] else money(p["output_per_mtok"]),
            money(p["cache_read_per_mtok"]) if p["cache_read_per_mtok"] else "",
            show_value(o["context_tokens"]),
            status,
            o["source"],
            o["checked"],
        )
        for point in o["history"]:
            offers.add_row(
                "",
                f"  price from {point['effective']}",
                money(point["input_per_mtok"]),
                money(point["output_per_mtok"]),
                "",
                "",
                "history",
                point["source_id"],
                "",
            )
    console.print(offers)
    print_benchmarks(console, ctx.get("benchmarks", []))
    if ctx["conflicts"]:
        console.print(
            f"{len(ctx['conflicts'])} recorded source disagreement(s): "
            f"see `tradeoff conflicts --model {ctx['id']}`"
        )


def print_benchmarks(console: Console, results: list[dict[str, Any]]) -> None:
    """A model's benchmark results: score, setup, who ran it (vendor claims labelled), source."""
    if not results:
        console.print("Benchmarks: no results sourced yet")
        return
    table = Table(title=f"Benchmark results ({len(results)})")
    for column in ("benchmark", "score", "setup", "reported by", "source", "date"):
        table.add_column(column)
    for r in results:
        name = r["benchmark_name"] + (f" ({r['subset']})" if r["subset"] else "")
        unit = "%" if r["unit"] == "%" else f" {r['unit']}"
        who = {"vendor": f"vendor-reported ({r['run_by']})", "independent": r["run_by"]}.get(
            r["reported"], "not stated"
        )
        setup = [r["metric"], *(f"{k}={v}" for k, v in r["settings"].items())]
        if r["harness"] and r["reported"] != "vendor":
            setup.append(r["harness"])
        table.add_row(
            name,
            f"{r['score']}{unit}",
            "; ".join(setup),
            who,
            r["source"]["id"],
            r["date"] or NOT_SOURCED,
        )
    console.print(table)
