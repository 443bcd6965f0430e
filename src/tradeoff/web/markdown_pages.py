"""Markdown twins of the catalog, model, provider and lab pages; data is escaped."""

from __future__ import annotations

from typing import Any

from tradeoff import urls
from tradeoff.compare.wording import disputed
from tradeoff.compare.wording import show_value as show
from tradeoff.render.markdown import esc, table
from tradeoff.web.templating import NOT_SOURCED, href, money, tokens


def md_url(value: Any) -> str:
    """A data URL inside a Markdown link: safe scheme, no characters that end the link."""
    return href(value).replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")


def sources_md(sources: list[dict[str, Any]]) -> str:
    """The sources-and-licences footer every page carries."""
    lines = ["## Data sources and licences", ""]
    lines += [
        f"- [{esc(s['name'])}](<{md_url(s['url'])}>) — licence: {esc(s['licence'])}"
        for s in sources
    ]
    return "\n".join(lines or ["- none"])


def _price(prices: dict[str, Any], key: str) -> str:
    return "free" if prices.get("free") else money(prices.get(key))


def catalog_md(ctx: dict[str, Any]) -> str:
    """The (filtered) catalog table."""
    rows = [
        [
            f"[{esc(m['name'])}]({m['url']})",
            esc(m["lab_name"]),
            esc(m["release_date"] or NOT_SOURCED),
            tokens(m["context_tokens"]),
            money(m["cheapest"]["input_per_mtok"]) if m["cheapest"] else "unpriced",
            money(m["cheapest"]["output_per_mtok"]) if m["cheapest"] else "unpriced",
            str(m["provider_count"]),
        ]
        for m in ctx["models"]
    ]
    head = ["Model", "Lab", "Released", "Context", "Input $/1M", "Output $/1M", "Providers"]
    return (
        "\n\n".join(
            [
                "# LLM catalog",
                f"{ctx['count']} of {ctx['total']} models match. Prices: cheapest active provider, "
                "USD per 1M tokens.",
                table(head, rows),
                sources_md(ctx["sources"]),
            ]
        )
        + "\n"
    )


def model_md(ctx: dict[str, Any]) -> str:
    """A model's facts with sources, and its offerings."""
    facts = [
        [
            esc(f["label"]),
            esc(disputed(show(f["value"]), f["disputed"])),
            f"[{esc(f['source']['name'])}](<{md_url(f['source']['url'])}>), checked {f['checked']}"
            if f["source"]
            else esc(f["note"] or ""),
        ]
        for f in ctx["facts"] + ctx["capabilities"]
    ]
    offers = [
        [
            f"[{esc(o['provider_name'])}]({urls.provider(o['provider'])})",
            f"`{esc(o['provider_model_id'])}`",
            _price(o["prices"], "input_per_mtok"),
            _price(o["prices"], "output_per_mtok"),
            tokens(o["context_tokens"]),
            "provider defunct" if o["provider_status"] != "active" else esc(o["lifecycle"]),
            f"{esc(o['source'])}, checked {o['checked']}",
        ]
        for o in ctx["offerings"]
    ]
    parts = [
        f"# {esc(ctx['name'])}",
        f"By [{esc(ctx['lab']['name'])}]({urls.lab(ctx['lab']['id'])}) · id `{esc(ctx['id'])}`",
        "## Facts",
        table(["Fact", esc(ctx["name"]), "Source"], facts),
        f"## Providers and prices ({ctx['offering_count']} offerings, USD per 1M tokens)",
        table(["Provider", "Model id", "Input", "Output", "Context", "Status", "Source"], offers)
        if offers
        else "No provider offering is sourced yet.",
        sources_md(ctx["sources"]),
    ]
    return "\n\n".join(parts) + "\n"


def provider_md(ctx: dict[str, Any]) -> str:
    """A provider's offerings."""
    rows = [
        [
            f"[{esc(o['model']['name'])}]({o['model']['url']})" if o["model"] else "not linked",
            f"`{esc(o['provider_model_id'])}`",
            _price(o["prices"], "input_per_mtok"),
            _price(o["prices"], "output_per_mtok"),
            tokens(o["context_tokens"]),
            o["checked"],
        ]
        for o in ctx["offerings"]
    ]
    status = "active" if ctx["status"] == "active" else f"defunct since {ctx['defunct_since']}"
    return (
        "\n\n".join(
            [
                f"# {esc(ctx['name'])}",
                f"{esc(ctx['kind'])}, {status}. {ctx['offering_count']} offerings, "
                f"{ctx['model_count']} catalog models.",
                table(
                    ["Model", "Provider's id", "Input $/1M", "Output $/1M", "Context", "Checked"],
                    rows,
                ),
                sources_md(ctx["sources"]),
            ]
        )
        + "\n"
    )


def lab_md(ctx: dict[str, Any]) -> str:
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
    return (
        "\n\n".join(
            [
                f"# {esc(ctx['name'])}",
                f"{ctx['model_count']} models in the catalog.",
                table(["Model", "Released", "Context", "Licence", "Providers"], rows),
                sources_md(ctx["sources"]),
            ]
        )
        + "\n"
    )
