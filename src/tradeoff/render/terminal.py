"""Terminal rendering of page contexts with Rich tables.

One escaping rule: data reaches Rich only as ``Text`` (``render.terminal_text``), which Rich
never parses as markup — real names carry brackets ("FLUX.1 [schnell]").
"""

from __future__ import annotations

from typing import Literal

from rich.console import Console

from tradeoff.compare.wording import NOT_SOURCED, count, disputed, score_text
from tradeoff.compare.wording import show_value as show_value  # re-exported for the CLI
from tradeoff.kinds import NOT_APPLICABLE
from tradeoff.money import format_usd
from tradeoff.pages.comparison import ComparisonContext
from tradeoff.pages.comparison.image_rows import image_output_cells
from tradeoff.pages.comparison.pricing import (
    HEADLINE_RULE,
    QuoteEntry,
    headline_text,
    missing_route_text,
    quantization_text,
    route_price_text,
    routes_order_text,
)
from tradeoff.pages.comparison.specs import CellEntry
from tradeoff.pages.model import BenchmarkEntry, ModelContext
from tradeoff.pages.offerings import PricesEntry, price_cell_text
from tradeoff.render.gone import gone_list
from tradeoff.render.image_price import dated_image_prices
from tradeoff.render.markdown import money as md_money
from tradeoff.render.terminal_prose import Said
from tradeoff.render.terminal_text import add_row, heading, new_table, plain


def money(value: str | None) -> str:
    """A price for people (one format everywhere); None is "unpriced"."""
    return format_usd(value)


def _token_price(p: PricesEntry, key: Literal["input_per_mtok", "output_per_mtok"]) -> str:
    """A price per 1M tokens, as every format says it (``pages.offerings.price_cell_text``)."""
    return price_cell_text(p, key)


def print_model(console: Console, ctx: ModelContext) -> None:
    """Facts, capabilities and offerings of one model."""
    console.print(heading(ctx["name"]) + plain(f"  ({ctx['id']}) — {ctx['lab']['name']}"))
    retired = ctx["retirement"]
    if retired is not None:
        model = retired["successor_model"]
        successor = model["name"] if model else retired["successor"]
        console.print(
            plain(retired["text"] + (f", successor {successor}" if successor else "") + ".")
        )
    facts = new_table("Facts", ("fact", "value", "source", "date"))
    for f in ctx["facts"] + ctx["capabilities"]:
        source = f["source"]["name"] if f["source"] else (f["note"] or NOT_SOURCED)
        if f["source"] and f["field"] == "kind" and f["note"]:
            source += f" ({f['note']})"  # how the kind was decided (an inference says so)
        value = disputed(show_value(f["value"]), f["disputed"])
        add_row(facts, f["label"], value, source, f["dated"] or NOT_SOURCED)
    console.print(facts)
    offers = new_table(
        f"Offerings ({ctx['offering_count']})",
        (
            "provider",
            "provider model id",
            "input $/1M tokens",
            "output $/1M tokens",
            "cache read $/1M tokens",
            "context",
            "quantization",
            "status",
            "headline",
            "source",
            "date",
        ),
    )
    for o in ctx["offerings"]:
        p = o["prices"]
        # Only a provider the registry marks defunct is said to be; one missing from the
        # registry is an active host (``compare.pricing.is_live``).
        status = "provider defunct" if o["provider_status"] == "defunct" else o["lifecycle_text"]
        mark = " *" if o["disputed_fields"] else ""
        add_row(
            offers,
            o["provider_name"],
            o["provider_model_id"],
            "free" if p["free"] else _token_price(p, "input_per_mtok") + mark,
            NOT_APPLICABLE
            if not o["output_applicable"]
            else ("free" if p["free"] else _token_price(p, "output_per_mtok")),
            money(p["cache_read_per_mtok"]) if p["cache_read_per_mtok"] else NOT_SOURCED,
            show_value(o["context_tokens"]),
            quantization_text(o),
            status,
            headline_text(o, ctx["glance"]["headline"]["route"]),
            o["source"],
            o["dated"],
        )
        if p["unit_prices"]:
            add_row(
                offers,
                "",
                "  other units: " + "; ".join(u["text"] for u in p["unit_prices"]),
                *[""] * 9,
            )
        for point in o["history"]:
            add_row(
                offers,
                "",
                f"  price from {point['effective']}",
                money(point["input_per_mtok"]),
                money(point["output_per_mtok"]),
                "",
                "",
                "",
                "history",
                "",
                point["source_id"],
                "",
            )
    console.print(offers)
    print_benchmarks(console, ctx["benchmarks"])
    if ctx["conflicts"]:
        console.print(
            plain(
                f"{len(ctx['conflicts'])} recorded source disagreement(s): "
                f"see `tradeoff conflicts --model {ctx['id']}`"
            )
        )


def print_benchmarks(console: Console, results: list[BenchmarkEntry]) -> None:
    """A model's benchmark results: score, setup, who ran it (vendor claims labelled), source."""
    if not results:
        console.print("Benchmarks: no results sourced yet")
        return
    table = new_table(
        f"Benchmark results ({len(results)})",
        ("benchmark", "score", "setup", "reported by", "source", "date"),
    )
    for r in results:
        name = r["benchmark_name"] + (f" ({r['subset']})" if r["subset"] else "")
        who = {"vendor": f"vendor-reported ({r['run_by']})", "independent": r["run_by"]}.get(
            r["reported"], "not stated"
        )
        setup = [r["metric"], *(f"{k}={v}" for k, v in r["settings"].items())]
        if r["harness"] and r["reported"] != "vendor":
            setup.append(r["harness"])
        if r["not_compared"]:
            setup.append(f"not compared: {r['not_compared']}")
        add_row(
            table,
            name,
            score_text(r["score"], r["unit"]),
            "; ".join(setup),
            who,
            r["source"]["id"],
            r["date"] or NOT_SOURCED,
        )
    console.print(table)


def _cell_text(c: CellEntry) -> str:
    ref = f" [{c['source_n']}]" if c.get("source_n") else ""
    return f"{c['display']}{ref}"


def _price(value: str | None, free: bool = False) -> str:
    return md_money(value, free)


PriceField = Literal["input_per_mtok", "output_per_mtok", "blended_per_mtok"]


def _route(q: QuoteEntry) -> str:
    """A summary route: its provider, and its lifecycle when it is not generally available."""
    state = f" ({q['lifecycle']})" if q["lifecycle"] != "ga" else ""
    return f"{q['provider_name']}{state}"


def print_comparison(console: Console, ctx: ComparisonContext) -> None:
    """The comparison page as Rich tables and wrapped paragraphs."""
    names = [m["name"] for m in ctx["models"]]
    console.print(heading(ctx["title"]))
    said = Said(ctx)  # the verdict once: later prose leaves out what was printed
    console.print(ctx["summary"], markup=False)
    console.print(heading("\nVerdict"))
    console.print(ctx["verdict"], markup=False)
    for c in ctx["choose"]:
        console.print(f"• {c['text']}", markup=False)
    for text in (ctx["summary"], ctx["verdict"], *(c["text"] for c in ctx["choose"])):
        said.say(text)
    specs = new_table("Specs", ("spec", *names))
    for spec in ctx["specs"]:
        add_row(specs, spec["label"], *[_cell_text(c) for c in spec["cells"]])
    console.print(specs)
    blend = ctx["blend"]["label"]
    prices = new_table(f"Pricing (USD per 1M tokens; blended {blend} input/output)", ("", *names))
    routes = (("headline route", "cheapest"), ("first-party API", "first_party"))
    for title, key in routes:
        quotes = [p["cheapest"] if key == "cheapest" else p["first_party"] for p in ctx["pricing"]]
        missing = [missing_route_text(key, p) for p in ctx["pricing"]]
        add_row(
            prices, title, *[_route(q) if q else m for q, m in zip(quotes, missing, strict=True)]
        )
        fields: tuple[tuple[PriceField, str], ...] = (
            ("input_per_mtok", "  input"),
            ("output_per_mtok", "  output"),
            ("blended_per_mtok", f"  blended {blend}"),
        )
        for field, label in fields:
            add_row(
                prices,
                label,
                *[
                    route_price_text(q, field) if q else m
                    for q, m in zip(quotes, missing, strict=True)
                ],
            )
    image = ctx["image_output"]
    if image is not None:  # a compared model outputs images
        cells = [image_output_cells(p) for p in ctx["pricing"]]
        add_row(prices, "image output route", *[provider for provider, _ in cells])
        add_row(prices, "  per 1M image tokens", *dated_image_prices(ctx["pricing"]))
    add_row(prices, "active providers", *[str(p["provider_count"]) for p in ctx["pricing"]])
    console.print(prices)
    if image is not None:
        console.print(image["note"], markup=False)
    shared = ", ".join(s["name"] for s in ctx["shared_providers"]) or "none"
    console.print(f"Shared providers ({ctx['shared_provider_count']}): {shared}", markup=False)
    for p in ctx["pricing"]:
        table = new_table(
            f"{p['model_name']}: {count(p['provider_count'], 'active provider')}",
            (
                "provider",
                "model id",
                "input",
                "output",
                "cache read",
                "blended",
                "quantization",
                "status",
                "headline",
            ),
        )
        for q in p["providers"]:
            add_row(
                table,
                q["provider_name"],
                q["provider_model_id"],
                route_price_text(q, "input_per_mtok"),
                route_price_text(q, "output_per_mtok"),
                _price(q["cache_read_per_mtok"]) if q["cache_read_per_mtok"] else NOT_SOURCED,
                route_price_text(q, "blended_per_mtok"),
                quantization_text(q),
                q["lifecycle"],
                headline_text(q, p["cheapest"]),
            )
        console.print(table)
        order = routes_order_text(p)
        if order:  # under the table: its title stays above it
            console.print(order, markup=False)
        if p["defunct"]:
            gone = gone_list(p["defunct"], p["providers"], str, str)
            console.print(f"Not counted (defunct or retired): {gone}", markup=False)
        if p["other_routes"]:
            other = ", ".join(
                f"{q['provider_name']} {q['provider_model_id']} ({q['headline_excluded_reason']})"
                for q in p["other_routes"]
            )
            console.print(f"Other offerings, not comparable: {other}", markup=False)
        if p["not_per_use"]:
            apart = "; ".join(
                f"{q['provider_name']}: {q['headline_excluded_reason']}" for q in p["not_per_use"]
            )
            console.print(f"Not counted (not sold per use): {apart}", markup=False)
    console.print(HEADLINE_RULE, markup=False)
    caps = new_table("Capabilities", ("capability", *names))
    for cap in ctx["capabilities"]:
        add_row(caps, cap["label"], *[_cell_text(c) for c in cap["cells"]])
    console.print(caps)
    b = ctx["benchmarks"]
    if b["shared"]:
        bench = new_table(
            "Benchmarks (shared, comparable rows)", ("benchmark", "metric", *names, "basis")
        )
        for row in b["shared"]:
            add_row(
                bench,
                row["label"],
                row["metric"],
                *[
                    f"{score_text(s['score'], row['unit'])} ({s['reported']})"
                    for s in row["scores"]
                ],
                row["basis"],
            )
        console.print(bench)
    else:
        console.print(heading("\nBenchmarks"))
        console.print(plain(b["statement"]))
    if b["excluded_by_rule"]:
        console.print(heading("Not compared"))
        for reason in b["excluded_by_rule"]:
            console.print(f"- {reason}", markup=False)
    for para in ctx["deep_dive"]:
        text = said.new_part(para["text"])
        if text:
            console.print(heading(f"\n{para['title']}"))
            console.print(text, markup=False)
        said.say(para["text"])
    answers = [(f["question"], said.new_part(f["answer"])) for f in ctx["faq"]]
    if any(answer for _, answer in answers):
        console.print(heading("\nFAQ (what the sections above do not say)"))
    for question, answer in answers:
        if answer:
            console.print(heading(question))
            console.print(answer, markup=False)
    console.print(heading("\nContinue comparing"))
    for group in ctx["related"]:
        own = next(m["name"] for m in ctx["models"] if m["id"] == group["model"])
        for i in group["items"]:
            console.print(f"• {own} vs {i['name']} ({', '.join(i['reasons'])})", markup=False)
    console.print(heading("\nSources"))
    for s in ctx["sources"]:
        console.print(
            f"[{s['n']}] {s['name']} — {s['url']} — licence {s['licence']}, {s['provenance']}",
            markup=False,
        )
    console.print(ctx["reviewed_line"], markup=False)
