"""Markdown: the escaping rule, tables, and the comparison page's twin.

Every data string goes through ``esc``. The other pages' twins are in ``markdown_pages``.
"""

from __future__ import annotations

from tradeoff.compare.wording import NOT_SOURCED, count, score_text, short_token_form
from tradeoff.escape import md as esc
from tradeoff.escape import md_url
from tradeoff.money import format_usd
from tradeoff.pages.comparison import ComparisonContext
from tradeoff.pages.comparison.image_rows import IMAGE_OUTPUT_LABELS, image_output_cells
from tradeoff.pages.comparison.pricing import (
    HEADLINE_RULE,
    PricingEntry,
    QuoteEntry,
    headline_text,
    missing_route_text,
    quantization_text,
    route_price_text,
    routes_order_text,
)
from tradeoff.render.gone import gone_list
from tradeoff.render.markdown_changes import price_changes_lines


def money(value: str | None, free: bool = False) -> str:
    """A decimal-string price for people; None is "unpriced", never $0."""
    return format_usd(value, free=free)


def tokens(value: int | None) -> str:
    """A token count with separators and the short form: "131,072 (131K)"; unknown is said."""
    if value is None:
        return NOT_SOURCED
    short = short_token_form(value)
    return f"{value:,} ({short})" if short else f"{value:,}"


def _ref(source_n: int | None, dated: str | None) -> str:
    """A source reference and its date in words: "checked 2025-08-12" or "as of 2026-07-02
    (models.dev)" for a value, "dated 2025-08-07" for a result's run."""
    if source_n is None:
        return ""
    return f" [{source_n}]" + (f", {dated}" if dated else "")


def table_lines(head: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table as lines; cells are already escaped."""
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def table(head: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells are already escaped."""
    return "\n".join(table_lines(head, rows))


def _quote_cells(q: QuoteEntry | None, missing: str) -> list[str]:
    if q is None:
        return [missing] * 4
    # A summary route that is not generally available says so (preview, deprecated).
    state = f" ({esc(q['lifecycle'])})" if q["lifecycle"] != "ga" else ""
    return [
        f"{esc(q['provider_name'])}{state}{_ref(q['source_n'], q['dated'])}",
        route_price_text(q, "input_per_mtok"),
        route_price_text(q, "output_per_mtok"),
        route_price_text(q, "blended_per_mtok"),
    ]


def image_output_rows(pricing: list[PricingEntry]) -> list[list[str]]:
    """Each model's comparable image-output route and its price per 1M image tokens (citing
    that price's own source), or why there is none."""
    cells = [image_output_cells(p) for p in pricing]
    refs = [
        _ref(q["output_per_mtok_image_source_n"], q["output_per_mtok_image_dated"])
        if (q := p["image_output"])
        else ""
        for p in pricing
    ]
    return [
        [IMAGE_OUTPUT_LABELS[0], *[esc(c[0]) for c in cells]],
        [IMAGE_OUTPUT_LABELS[1], *[esc(c[1]) + r for c, r in zip(cells, refs, strict=True)]],
    ]


def pricing_lines(ctx: ComparisonContext) -> list[str]:
    """The pricing summary table (models as columns) and one provider table per model."""
    names = [esc(m["name"]) for m in ctx["models"]]
    blend = ctx["blend"]["label"]
    rows: list[list[str]] = []
    labels = (
        "provider",
        "input / 1M tokens",
        "output / 1M tokens",
        f"blended {blend} / 1M tokens",
    )
    headline = [
        _quote_cells(p["cheapest"], missing_route_text("cheapest", p)) for p in ctx["pricing"]
    ]
    first_party = [
        _quote_cells(p["first_party"], missing_route_text("first_party", p)) for p in ctx["pricing"]
    ]
    for title, cells in (("Headline route", headline), ("First-party API", first_party)):
        for i, label in enumerate(labels):
            rows.append([f"{title}: {label}"] + [c[i] for c in cells])
    image = ctx["image_output"]
    if image is not None:
        rows += image_output_rows(ctx["pricing"])
    rows.append(["Active providers"] + [str(p["provider_count"]) for p in ctx["pricing"]])
    out = table_lines(["", *names], rows)
    if image is not None:
        out += ["", esc(image["note"])]
    shared = ctx["shared_providers"]
    out += [
        "",
        f"Shared providers ({len(shared)}): "
        + (", ".join(esc(s["name"]) for s in shared) if shared else "none")
        + ".",
    ]
    for p in ctx["pricing"]:
        out += [
            "",
            f"#### {esc(p['model_name'])}: {count(p['provider_count'], 'active provider')}",
            "",
        ]
        order = routes_order_text(p)
        if order:
            out += [esc(order), ""]
        body = []
        for q in p["providers"]:
            status = q["lifecycle"] + (
                f", {q['offering_count']} offerings" if q["offering_count"] > 1 else ""
            )
            body.append(
                [
                    esc(q["provider_name"]),
                    f"`{q['provider_model_id'].replace('`', '')}`",
                    route_price_text(q, "input_per_mtok"),
                    route_price_text(q, "output_per_mtok"),
                    money(q["cache_read_per_mtok"]) if q["cache_read_per_mtok"] else NOT_SOURCED,
                    route_price_text(q, "blended_per_mtok"),
                    f"{q['context_tokens']:,}" if q["context_tokens"] else NOT_SOURCED,
                    esc(quantization_text(q)),
                    esc(status),
                    esc(headline_text(q, p["cheapest"])),
                    _ref(q["source_n"], q["dated"]).strip(),
                ]
            )
        out += (
            table_lines(
                [
                    "Provider",
                    "Model id",
                    "Input / 1M tokens",
                    "Output / 1M tokens",
                    "Cache read / 1M tokens",
                    f"Blended {blend} / 1M tokens",
                    "Context",
                    "Quantization",
                    "Status",
                    "Headline",
                    "Source, date",
                ],
                body,
            )
            if body
            else ["No active provider serves this model in the catalog."]
        )
        if p["defunct"]:
            gone = gone_list(p["defunct"], p["providers"], esc, lambda i: f"`{i.replace('`', '')}`")
            out += ["", f"Not counted (defunct provider or retired offering): {gone}."]
        if p["other_routes"]:
            other = ", ".join(
                f"{esc(q['provider_name'])} `{q['provider_model_id'].replace('`', '')}` "
                f"at {money(q['blended_per_mtok'], q['free'])} "
                f"({esc(q['headline_excluded_reason'] or '')})"
                for q in p["other_routes"]
            )
            out += ["", f"Other offerings, not comparable: {other}."]
        if p["not_per_use"]:
            apart = "; ".join(
                f"{esc(q['provider_name'])}: {esc(q['headline_excluded_reason'] or '')}"
                for q in p["not_per_use"]
            )
            out += ["", f"Not counted (not sold per use): {apart}."]
    return out


def benchmark_lines(ctx: ComparisonContext) -> list[str]:
    """Shared rows with reporter labels, or the sourced statement that there are none."""
    b = ctx["benchmarks"]
    names = {m["id"]: esc(m["name"]) for m in ctx["models"]}
    not_compared = ["", "Not compared:"] + [f"- {esc(e)}" for e in b["excluded_by_rule"]]
    if not b["shared"]:
        return [esc(b["statement"] or ""), *(not_compared if b["excluded_by_rule"] else [])]
    rows = []
    for r in b["shared"]:
        label = esc(r["label"])
        cells = []
        for s in r["scores"]:
            cells.append(
                f"{esc(score_text(s['score'], r['unit']))} ({esc(s['reported'])})"
                + _ref(s["source_n"], f"dated {s['date']}" if s["date"] else None)
            )
        better = "higher" if r["higher_is_better"] else "lower"
        rows.append([label, esc(f"{r['metric']}, {better} is better"), *cells, esc(r["basis"])])
    head = ["Benchmark", "Metric", *[names[m["id"]] for m in ctx["models"]], "Basis"]
    out = table_lines(head, rows)
    if b["without_counterpart"]:
        n = b["without_counterpart"]
        out += ["", f"{n} other result{'s have' if n != 1 else ' has'} no comparable counterpart."]
    if b["excluded_by_rule"]:
        out += not_compared
    return out


def chart_lines(ctx: ComparisonContext) -> list[str]:
    """The price chart's numbers: each model's price at every provider, side by side."""
    charts = ctx["charts"]
    if not charts["price_rows"]:
        return ["", f"Price chart: {esc(charts['price_note'])}"]
    head = ["Provider", *[esc(m["name"]) for m in ctx["models"]]]
    rows = [
        [esc(r["provider_name"])]
        + [money(v) if v is not None else "no comparable route" for v in r["prices"]]
        for r in charts["price_rows"]
    ]
    title = f"### Price by provider, side by side ({esc(charts['price_unit'])})"
    return ["", title, "", esc(charts["price_note"]), "", *table_lines(head, rows)]


def glance_lines(ctx: ComparisonContext) -> list[str]:
    """The summary cards as one table: a row per number, a column per model, marks in words."""
    cards = ctx["summary_cards"]
    rows = []
    for i, first in enumerate(cards[0]["rows"]):
        cells = [esc(first["label"])]
        for card in cards:
            r = card["rows"][i]
            mark = f" **✓ {r['mark_text']}**" if r["mark"] == "better" else ""
            if r["mark"] != "better" and r["mark_text"]:
                mark = f" ({r['mark_text']})"
            detail = f" — {esc(r['detail'])}" if r["detail"] else ""
            cells.append(esc(r["display"]) + mark + detail)
        rows.append(cells)
    return table_lines(["", *[esc(c["model_name"]) for c in cards]], rows)


def render_compare_markdown(ctx: ComparisonContext) -> str:
    """The full comparison page as Markdown (GitHub-flavoured tables)."""
    names = [esc(m["name"]) for m in ctx["models"]]
    lines = [f"# {esc(ctx['title'])}", "", "## At a glance", ""]
    lines += glance_lines(ctx)
    lines += ["", f"**In one line:** {esc(ctx['verdict_line'])}", ""]
    lines += [esc(ctx["summary"]), "", "## Verdict", ""]
    lines += [esc(ctx["verdict"]), ""]
    lines += [f"- {esc(c['text'])}" for c in ctx["choose"]]
    lines += ["", "## Specs", ""]
    lines += table_lines(
        ["Spec", *names],
        [
            [esc(r["label"])]
            + [f"{esc(c['display'])}{_ref(c['source_n'], c['dated'])}" for c in r["cells"]]
            for r in ctx["specs"]
        ],
    )
    lines += ["", esc(ctx["reviewed_text"]["specs"])]
    lines += ["", "## Pricing and availability", ""]
    lines += [
        f"USD per 1M tokens; blended = {ctx['blend']['label']} input/output. {HEADLINE_RULE}",
        "",
    ]
    lines += pricing_lines(ctx)
    lines += chart_lines(ctx)
    lines += ["", esc(ctx["reviewed_text"]["pricing"])]
    lines += ["", "## Capabilities", ""]
    lines += table_lines(
        ["Capability", *names],
        [
            [esc(r["label"])]
            + [f"{esc(c['display'])}{_ref(c['source_n'], c['dated'])}" for c in r["cells"]]
            for r in ctx["capabilities"]
        ],
    )
    lines += ["", "## Benchmarks", "", *benchmark_lines(ctx)]
    lines += price_changes_lines(ctx["price_changes"])
    lines += ["", "## Deep dive", ""]
    for p in ctx["deep_dive"]:
        lines += [f"### {esc(p['title'])}", "", esc(p["text"]), ""]
    lines += ["## FAQ", ""]
    for f in ctx["faq"]:
        lines += [f"### {esc(f['question'])}", "", esc(f["answer"]), ""]
    lines += ["## Continue comparing", ""]
    for r in ctx["related"]:
        own = next(m for m in ctx["models"] if m["id"] == r["model"])
        items = [
            f"{esc(own['name'])} vs {esc(i['name'])} ({esc(', '.join(i['reasons']))})"
            for i in r["items"]
        ]
        lines += [f"- {x}" for x in items] or [f"- No related model found for {esc(own['name'])}."]
    lines += ["", "## Sources", ""]
    lines += [
        f"{s['n']}. [{esc(s['name'])}](<{md_url(s['url'])}>): {esc(s['kind'])}, "
        f"licence {esc(s['licence'])}, {esc(s['provenance'])}"
        + (f", {esc(s['attribution'])}" if s["attribution"] else "")
        for s in ctx["sources"]
    ]
    lines += ["", esc(ctx["reviewed_line"])]
    return "\n".join(lines) + "\n"
