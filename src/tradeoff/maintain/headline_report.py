"""The headline-route report: for the most-offered models, the route each page leads with and
every route left out of the headline, each with its reason.

An operator reads it after an import (``tradeoff headlines --top 40``) to see what the pages
will claim before anyone else does; it is the same ``compare.pricing.model_pricing`` the pages
use, so the report cannot disagree with them.
"""

from __future__ import annotations

from dataclasses import dataclass

from tradeoff.compare.pricing import Quote, model_pricing
from tradeoff.compare.wording import lifecycle_text
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db.queries import Catalog
from tradeoff.escape import md
from tradeoff.money import format_usd


@dataclass(frozen=True)
class Route:
    """One offering as the report shows it."""

    provider: str
    provider_model_id: str
    input_per_mtok: str  # money for people ("$0.60", "unpriced")
    output_per_mtok: str
    reason: str | None  # why it is not the headline; None for the headline itself


@dataclass(frozen=True)
class ModelHeadline:
    model_id: str
    name: str
    offering_count: int
    provider_count: int  # active providers selling per use (the page's count)
    headline: Route | None
    first_party: Route | None
    excluded: tuple[Route, ...]


def _route(q: Quote, reason: str | None) -> Route:
    return Route(
        provider=q.provider_name,
        provider_model_id=q.provider_model_id,
        input_per_mtok=format_usd(q.input_per_mtok, free=q.free),
        output_per_mtok=format_usd(q.output_per_mtok, free=q.free),
        reason=reason,
    )


def _defunct_reason(q: Quote) -> str:
    if q.defunct_since:
        return f"provider defunct since {q.defunct_since}"
    return lifecycle_text(q.lifecycle, None, q.retired_on)  # "retired on 2026-01-05"


def headline_report(catalog: Catalog, top: int) -> list[ModelHeadline]:
    """The ``top`` models by number of offerings (ties by id), each with its routes."""
    by_count = sorted(catalog.models, key=lambda m: (-len(catalog.offerings_for(m)), m))
    report = []
    for model_id in by_count[:top]:
        model = catalog.models[model_id]
        offerings = catalog.offerings_for(model_id)
        pricing = model_pricing(model, offerings, catalog.providers, DEFAULT_BLEND)
        excluded = [
            _route(q, q.excluded_reason or "priced elsewhere")
            for q in pricing.providers + pricing.other_routes + pricing.not_per_use
            if q.excluded_reason is not None
        ]
        unpriced = [
            _route(q, "unpriced")
            for q in pricing.providers
            if q.excluded_reason is None and not q.priced
        ]
        gone = [_route(q, _defunct_reason(q)) for q in pricing.defunct]
        report.append(
            ModelHeadline(
                model_id=model_id,
                name=model.name,
                offering_count=len(offerings),
                provider_count=pricing.provider_count,
                headline=_route(pricing.cheapest, None) if pricing.cheapest else None,
                first_party=_route(pricing.first_party, None) if pricing.first_party else None,
                excluded=tuple(excluded + unpriced + gone),
            )
        )
    return report


def _priced(route: Route) -> str:
    if route.input_per_mtok == route.output_per_mtok == format_usd(None):
        prices = "unpriced"
    else:
        prices = f"{route.input_per_mtok} in / {route.output_per_mtok} out per 1M tokens"
    return f"{md(route.provider)} ({md(route.provider_model_id)}): {prices}"


def _excluded(route: Route) -> str:
    """An excluded route and its reason, "unpriced" said once when that is the reason."""
    priced = _priced(route)
    if route.reason == "unpriced" and priced.endswith(": unpriced"):
        return priced
    return f"{priced}: {md(route.reason or '')}"


def report_markdown(report: list[ModelHeadline]) -> str:
    """The report as Markdown: one section per model, excluded routes as a list."""
    lines = [
        "# Headline routes",
        "",
        f"The {len(report)} models with the most offerings; prices are USD per 1M tokens; "
        "the headline is the cheapest comparable route (compare.headline).",
        "",
    ]
    for row in report:
        lines.append(
            f"## {md(row.name)} ({md(row.model_id)}): {row.offering_count} offerings, "
            f"{row.provider_count} per-use providers"
        )
        lines.append("")
        lines.append(f"- headline: {_priced(row.headline) if row.headline else 'none comparable'}")
        lines.append(f"- lab's own API: {_priced(row.first_party) if row.first_party else 'none'}")
        if row.excluded:
            lines.append(f"- excluded from the headline ({len(row.excluded)}):")
            lines.extend(f"  - {_excluded(r)}" for r in row.excluded)
        else:
            lines.append("- excluded from the headline: none")
        lines.append("")
    return "\n".join(lines)
