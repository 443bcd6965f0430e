"""Markdown twins of the other pages (catalog, model, provider, lab, charts, downloads); the
comparison's is ``markdown.render_compare_markdown``, the calculator's
``markdown_calculator.calculator_md``. Data is escaped."""

from __future__ import annotations

from collections.abc import Sequence

from tradeoff import urls
from tradeoff.compare.wording import NOT_SOURCED, count, disputed
from tradeoff.compare.wording import show_value as show
from tradeoff.escape import md as esc
from tradeoff.escape import md_url
from tradeoff.kinds import NOT_APPLICABLE
from tradeoff.pages.catalog_listing import CatalogContext
from tradeoff.pages.catalog_table import CatalogEntry, RowQuote, missing_row_price
from tradeoff.pages.comparison.pricing import headline_text, quantization_text
from tradeoff.pages.downloads import DownloadsContext
from tradeoff.pages.lab import LabContext
from tradeoff.pages.model import ModelContext
from tradeoff.pages.offerings import PricesEntry, price_cell_text
from tradeoff.pages.provider import ModelLink, ProviderContext, region_note
from tradeoff.pages.score_chart import ScoreChartContext
from tradeoff.pages.sources import Attribution, SourceRecord
from tradeoff.render.markdown import money, table, tokens
from tradeoff.render.markdown_benchmarks import benchmarks_md
from tradeoff.render.markdown_history import price_history_md

# Whether one request fits the served context; None: the offering's context is not sourced.
FITS: dict[bool | None, str] = {True: "yes", False: "no", None: NOT_SOURCED}


def sources_md(sources: Sequence[Attribution | SourceRecord]) -> str:
    """The sources-and-licences footer every page carries."""
    lines = ["## Data sources and licences", ""]
    lines += [
        f"- [{esc(s['name'])}](<{md_url(s['url'])}>) — licence: {esc(s['licence'])}, "
        + esc(s["provenance"])
        for s in sources
    ]
    return "\n".join(lines)


def _join(parts: list[str]) -> str:
    return "\n\n".join(p for p in parts if p) + "\n"


def _row_output(cheapest: RowQuote | None) -> str:
    if cheapest is None:
        return "unpriced"
    if not cheapest["output_applicable"]:
        return NOT_APPLICABLE  # the kind has no output tokens (an embedding): never $0
    return money(cheapest["output_per_mtok"])


def _price(prices: PricesEntry, key: str) -> str:
    return price_cell_text(prices, f"{key}_per_mtok")


def _model_name(model: ModelLink | None) -> str:
    return esc(model["name"]) if model else "not linked"


def _other_units(rows: Sequence[tuple[str, str, PricesEntry]]) -> str:
    """The prices sold in units other than text tokens, one line per offering (or nothing);
    ``rows``: (who, the provider's model id, prices)."""
    lines = [
        f"- {who} `{esc(model_id)}`: " + esc("; ".join(u["text"] for u in p["unit_prices"]))
        for who, model_id, p in rows
        if p["unit_prices"]
    ]
    if not lines:
        return ""
    return "Priced in other units (never compared with prices per token):\n\n" + "\n".join(lines)


def _no_token(row: CatalogEntry, side: str) -> str:
    """A row's side without a headline route (``catalog_table.missing_row_price``)."""
    return esc(missing_row_price(row, side))


def catalog_md(ctx: CatalogContext) -> str:
    """The (filtered) catalog table."""
    rows = [
        [
            f"[{esc(m['name'])}]({m['url']})",
            esc(m["lab_name"]),
            esc(m["release_date"] or NOT_SOURCED),
            tokens(m["context_tokens"]),
            money(m["cheapest"]["input_per_mtok"]) if m["cheapest"] else _no_token(m, "input"),
            _row_output(m["cheapest"]) if m["cheapest"] else _no_token(m, "output"),
            str(m["provider_count"]),
        ]
        for m in ctx["models"]
    ]
    head = ["Model", "Lab", "Released", "Context", "Input $/1M", "Output $/1M", "Providers"]
    return _join(
        [
            "# LLM catalog",
            "Kind: "
            + " · ".join(
                f"**{esc(t['label'])} ({t['count']})**"
                if t["current"]
                else f"[{esc(t['label'])} ({t['count']})]({t['url']})"
                for t in ctx["kinds"]
            ),
            esc(ctx["summary"]) + ".",
            f"{ctx['count']} of {ctx['total']} models match"
            + (
                f"; rows {ctx['first']}–{ctx['first'] + ctx['shown'] - 1}, page {ctx['page']} "
                f"of {ctx['pages']}"
                if ctx["pages"] > 1
                else ""
            )
            + ". Prices: each model's headline route (the cheapest comparable offering), USD per"
            " 1M tokens.",
            "Ticked: " + ", ".join(f"[{esc(m['name'])}]({m['url']})" for m in ctx["selected"])
            if ctx["selected"]
            else "",
            table(head, rows),
            sources_md(ctx["sources"]),
        ]
    )


def model_md(ctx: ModelContext) -> str:
    """A model's facts with sources, its offerings, related comparisons, last reviewed."""
    facts = [
        [
            esc(f["label"]),
            esc(disputed(show(f["value"]), f["disputed"])),
            f"[{esc(f['source']['name'])}](<{md_url(f['source']['url'])}>), {esc(f['dated'] or '')}"
            + (f" ({esc(f['note'])})" if f["field"] == "kind" and f["note"] else "")
            if f["source"]
            else esc(f["note"] or ""),
        ]
        for f in ctx["facts"] + ctx["capabilities"]
    ]
    offers = [
        [
            f"[{esc(o['provider_name'])}]({urls.provider(o['provider'])})",
            f"`{esc(o['provider_model_id'])}`",
            _price(o["prices"], "input"),
            _price(o["prices"], "output") if o["output_applicable"] else NOT_APPLICABLE,
            tokens(o["context_tokens"]),
            esc(quantization_text(o)),
            "provider defunct" if o["provider_status"] != "active" else esc(o["lifecycle_text"]),
            esc(headline_text(o, ctx["glance"]["headline"]["route"])),
            f"{esc(o['source'])}, {esc(o['dated'])}",
        ]
        for o in ctx["offerings"]
    ]
    related = [f"- [{esc(ctx['name'])} vs {esc(r['name'])}]({r['url']})" for r in ctx["related"]]
    return _join(
        [
            f"# {esc(ctx['title'])}",
            f"By [{esc(ctx['lab']['name'])}]({urls.lab(ctx['lab']['id'])}) · id "
            f"`{esc(ctx['id'])}` · served by "
            + count(len(ctx["active_providers"]), "active provider"),
            _retirement_md(ctx),
            "## Facts",
            table(["Fact", esc(ctx["name"]), "Source"], facts),
            f"## Providers and prices ({count(ctx['offering_count'], 'offering')}, "
            "USD per 1M tokens)",
            table(
                [
                    "Provider",
                    "Model id",
                    "Input",
                    "Output",
                    "Context",
                    "Quantization",
                    "Status",
                    "Headline",
                    "Source",
                ],
                offers,
            )
            if offers
            else "No provider offering is sourced yet.",
            _other_units(
                [
                    (esc(o["provider_name"]), o["provider_model_id"], o["prices"])
                    for o in ctx["offerings"]
                ]
            ),
            price_history_md(ctx["price_history"]),
            benchmarks_md(ctx["benchmarks"]),
            f"## Compare {esc(ctx['name'])}",
            "\n".join(related) if related else "No related comparison yet.",
            _conflicts_md(ctx),
            esc(ctx["reviewed_line"]),
            sources_md(ctx["sources"]),
        ]
    )


def _conflicts_md(ctx: ModelContext) -> str:
    """Where sources disagree: the HTML page's table, the same rows (nothing when none)."""
    rows = [
        [
            esc(c["entity"]),
            esc(c["field"]),
            f"{esc(c['chosen'])} ({esc(c['chosen_source_id'])})",
            "; ".join(f"{esc(v[0])} ({esc(v[1])}, {esc(v[2])})" for v in c["values"]),
            esc(c["rule"]),
        ]
        for c in ctx["conflicts"]
    ]
    if not rows:
        return ""
    head = f"## Where sources disagree ({len(rows)})"
    return f"{head}\n\n{table(['About', 'Field', 'Shown', 'Other values', 'Rule'], rows)}"


def _retirement_md(ctx: ModelContext) -> str:
    """'**Retired at Anthropic on 2026-01-05**, successor [Claude Opus 4.1](…)', or nothing."""
    r = ctx["retirement"]
    if r is None:
        return ""
    successor = ""
    if r["successor_model"] is not None:
        successor = (
            f", successor [{esc(r['successor_model']['name'])}]({r['successor_model']['url']})"
        )
    elif r["successor"]:
        successor = f", successor `{esc(r['successor'])}`"
    return (
        f"**{esc(r['text'])}**{successor} ({esc(r['source'])}). Its lab no longer sells it; "
        "other providers below may still serve it."
    )


def provider_md(ctx: ProviderContext) -> str:
    """A provider's offerings."""
    rows = [
        [
            f"[{esc(o['model']['name'])}]({o['model']['url']})" if o["model"] else "not linked",
            f"`{esc(o['provider_model_id'])}`",
            _price(o["prices"], "input"),
            _price(o["prices"], "output") if o["output_applicable"] else NOT_APPLICABLE,
            tokens(o["context_tokens"]),
            esc(quantization_text(o)),
            esc(o["lifecycle_text"]),
            esc(o["dated"]),
        ]
        for o in ctx["offerings"]
    ]
    status = "active" if ctx["status"] == "active" else f"defunct since {ctx['defunct_since']}"
    others = [ctx["region_of"]] if ctx["region_of"] else ctx["regions"]
    regions = (
        f"{region_note(ctx)} " + ", ".join(f"[{esc(r['name'])}]({r['url']})" for r in others)
        if others
        else ""
    )
    return _join(
        [
            f"# {esc(ctx['title'])}",
            f"{esc(ctx['kind'])}, {status}. {count(ctx['offering_count'], 'offering')}: "
            f"{ctx['linked_count']} linked to {count(ctx['model_count'], 'catalog model')}"
            + (f", {ctx['unlinked_count']} not linked." if ctx["unlinked_count"] else "."),
            regions,
            table(
                [
                    "Model",
                    "Provider's id",
                    "Input $/1M",
                    "Output $/1M",
                    "Context",
                    "Quantization",
                    "Lifecycle",
                    "Date",
                ],
                rows,
            ),
            _other_units(
                [
                    (
                        esc(o["model"]["name"]) if o["model"] else "not linked",
                        o["provider_model_id"],
                        o["prices"],
                    )
                    for o in ctx["offerings"]
                ]
            ),
            esc(ctx["reviewed_line"]),
            sources_md(ctx["sources"]),
        ]
    )


def lab_md(ctx: LabContext) -> str:
    """A lab's models."""
    rows = [
        [
            f"[{esc(m['name'])}]({m['url']})",
            esc(m["release_date"] or NOT_SOURCED),
            tokens(m["context_tokens"]),
            esc(m["licence"] or NOT_SOURCED),
            str(m["provider_count"]),
        ]
        for m in ctx["models"]
    ]
    return _join(
        [
            f"# {esc(ctx['title'])}",
            f"{ctx['model_count']} models in the catalog.",
            table(["Model", "Released", "Context", "Licence", "Providers"], rows),
            sources_md(ctx["sources"]),
        ]
    )


def score_chart_md(ctx: ScoreChartContext) -> str:
    """The price-vs-score page: the plotted numbers."""
    s = ctx["series"]
    if s is None:
        return f"# {ctx['title']}\n\nNo comparable priced scores yet.\n"
    rows = [
        [esc(p["name"]), money(p["blended_per_mtok"]), esc(p["score"]), esc(p["date"] or "")]
        for p in s["points"]
    ]
    return _join(
        [
            f"# {esc(s['benchmark']['name'])} score vs blended price",
            f"Prices as of {ctx['prices_as_of']}." if ctx["prices_as_of"] else "",
            table(["Model", "Blended $/1M", "Score", "Date"], rows),
        ]
    )


def downloads_md(ctx: DownloadsContext) -> str:
    """The downloads: each file, and the licences of what they hold."""
    rows = [
        [f"[{esc(f['name'])}]({f['url']})", esc(f["format"]), esc(f["description"])]
        for f in ctx["files"]
    ]
    left_out = ", ".join(f"{esc(s['name'])} ({esc(s['licence'])})" for s in ctx["excluded_sources"])
    return _join(
        [
            f"# {esc(ctx['title'])}",
            f"{ctx['model_count']} models, {ctx['offering_count']} offerings, "
            f"{ctx['provider_count']} providers; catalog version `{ctx['catalog_version'][:12]}`.",
            table(["File", "Format", "What"], rows),
            f"Left out (licence does not allow redistribution): {left_out}."
            if left_out
            else "Every source's licence allows redistribution.",
            sources_md(ctx["included_sources"]),
        ]
    )
