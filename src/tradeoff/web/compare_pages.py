"""Glue for the compare and calculator pages: the shared body, FAQ JSON-LD, calculator twin."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from tradeoff.render.html import render_compare_body
from tradeoff.render.markdown import esc, table
from tradeoff.web.templating import NOT_SOURCED, href, money

# Per request (the cost engine prices one request, then multiplies by the request count).
DEFAULT_WORKLOAD: dict[str, int] = {
    "requests": 100_000,
    "input_tokens": 2_000,
    "output_tokens": 500,
    "cached_tokens": 0,
}


def compare_body(ctx: dict[str, Any]) -> Markup:
    """The comparison sections from the shared renderer (it autoescapes all data).

    Escaping does not stop a ``javascript:`` source URL, so sources get safe URLs first.
    """
    sources = [{**s, "url": href(s.get("url"))} for s in ctx.get("sources", [])]
    return Markup(render_compare_body({**ctx, "sources": sources}))  # escaped by its template


def faq_jsonld(ctx: dict[str, Any]) -> dict[str, Any]:
    """schema.org FAQPage from the comparison's FAQ (the same claims the page shows)."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": f["question"],
                "acceptedAnswer": {"@type": "Answer", "text": f["answer"]},
            }
            for f in ctx["faq"]
        ],
    }


# Whether one request fits the served context; None: the offering's context is not sourced.
FITS: dict[bool | None, str] = {True: "yes", False: "no", None: NOT_SOURCED}


def usd(value: str | None) -> str:
    """A total in USD (not per 1M): "$12.5"; unpriced is said."""
    return "unpriced" if value is None else money(value)


def calculator_md(ctx: dict[str, Any]) -> str:
    """The calculator's Markdown twin: the workload and every route, cheapest first."""
    w = ctx["workload"]
    head = [
        f"# Cost of {w['requests']:,} requests of {w['input_tokens']:,} input "
        f"({w['cached_tokens']:,} cached) and {w['output_tokens']:,} output tokens",
    ]
    if not ctx["models"]:
        return "\n\n".join([*head, "Choose models to price (`?models=a,b`)."]) + "\n"
    rows = [
        [
            esc(line["model_name"]),
            esc(line["provider_name"]),
            usd(line["total_usd"]),
            money(line["input_per_mtok"]) if line["input_per_mtok"] else "unpriced",
            money(line["output_per_mtok"]) if line["output_per_mtok"] else "unpriced",
            FITS[line["fits_context"]],
            f"{esc(line['source'])}, checked {line['checked']}",
        ]
        for line in ctx["lines"]
    ]
    return (
        "\n\n".join(
            [
                *head,
                f"{ctx['priced_count']} priced routes, {ctx['unpriced_count']} unpriced.",
                table(
                    [
                        "Model",
                        "Provider",
                        "Total USD",
                        "Input $/1M",
                        "Output $/1M",
                        "Fits",
                        "Source",
                    ],
                    rows,
                ),
            ]
        )
        + "\n"
    )
