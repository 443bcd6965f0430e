"""The comparison page's routes tables in HTML: per model, a row per active provider (the
headline route first, then the comparable routes, then under a heading of their own those that
are not), then what is not counted. Written with ``html_cells``' escaping rule, as the rest of
the page's body."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any

from tradeoff.pages.comparison.pricing import (
    PricingEntry,
    QuoteEntry,
    headline_text,
    not_comparable_label,
    quantization_text,
    routes_order_text,
)
from tradeoff.render.gone import gone_list
from tradeoff.render.html_cells import (
    NOT_SOURCED_CELL,
    escape,
    escape_text,
    route_price,
    source_ref,
)
from tradeoff.render.markdown import money

# What a provider row shows but its source reference: the row up to its last cell is a pure
# function of these values (and of whether the row is the headline route).
_ROW_FIELDS = (
    "provider",
    "provider_name",
    "provider_model_id",
    "input_per_mtok",
    "output_per_mtok",
    "cache_read_per_mtok",
    "blended_per_mtok",
    "free",
    "output_applicable",
    "not_per_token",
    "partly_priced",
    "context_tokens",
    "quantization",
    "lifecycle",
    "offering_count",
    "headline_excluded_reason",
)
_row_fields = itemgetter(*_ROW_FIELDS)
_ROW_KEYS = (*_ROW_FIELDS, "not_per_token_sides")  # a list: kept as a tuple (a cache key)


def _row_values(q: QuoteEntry) -> tuple[Any, ...]:
    return (*_row_fields(q), tuple(q["not_per_token_sides"]))


def _provider_row(q: QuoteEntry, headline: QuoteEntry | None) -> str:
    is_headline = headline is not None and (q["provider"], q["provider_model_id"]) == (
        headline["provider"],
        headline["provider_model_id"],
    )
    cells = _provider_cells(_row_values(q), is_headline)
    return f"{cells}<td>{source_ref(q['source_n'], q['dated'])}</td></tr>"


@lru_cache(maxsize=4096)
def _provider_cells(values: tuple[Any, ...], is_headline: bool) -> str:
    """A provider row but its last cell (its source): a route is shown on every page that
    compares its model, so its row is written once (for the most recent 4,096 rows)."""
    q: Any = dict(zip(_ROW_KEYS, values, strict=True))  # the texts read the route by name
    cache, context, count = q["cache_read_per_mtok"], q["context_tokens"], q["offering_count"]
    offerings = f", {escape(count)} offerings" if count > 1 else ""
    return (  # one f-string: a row is ~15 pieces
        f'<tr><th scope="row">{escape_text(q["provider_name"])}</th>'
        f"<td><code>{escape_text(q['provider_model_id'])}</code></td>"
        f'<td class="num">{route_price(q, "input_per_mtok")}</td>'
        f'<td class="num">{route_price(q, "output_per_mtok")}</td>'
        f'<td class="num">{escape_text(money(cache)) if cache else NOT_SOURCED_CELL}</td>'
        f'<td class="num">{route_price(q, "blended_per_mtok")}</td>'
        f'<td class="num">{escape_text(f"{context:,}") if context else NOT_SOURCED_CELL}</td>'
        f"<td>{escape_text(quantization_text(q))}</td>"
        f"<td>{escape_text(q['lifecycle'])}{offerings}</td>"
        f"<td>{escape_text(headline_text(q, q if is_headline else None))}</td>"
    )


_PROVIDER_HEAD = (
    '<thead><tr><th scope="col">Provider</th><th scope="col">Model id</th>'
    '<th scope="col">Input / 1M tokens</th><th scope="col">Output / 1M tokens</th>'
    '<th scope="col">Cache read / 1M tokens</th><th scope="col">Blended {blend} / 1M tokens</th>'
    '<th scope="col">Context</th><th scope="col">Quantization</th><th scope="col">Status</th>'
    '<th scope="col">Headline</th><th scope="col">Source, date</th></tr></thead>\n'
)
_PROVIDER_COLUMNS = _PROVIDER_HEAD.count("<th ")  # a row group's heading spans them all


def provider_sections(pricing: Sequence[PricingEntry], blend_label: str) -> str:
    """Each model's provider section, one after the other."""
    head = _PROVIDER_HEAD.format(blend=escape(blend_label))  # the same for every model
    return "".join([_provider_section(p, head) for p in pricing])


def _provider_section(p: PricingEntry, head: str) -> str:
    """One model's providers: its heading, a row per active provider, then what is not
    counted (defunct or retired, other non-comparable offerings, not sold per use)."""
    n = p["provider_count"]
    out = [f"<h3>{escape(p['model_name'])}: {n} active provider{'s' if n != 1 else ''}</h3>\n"]
    if p["providers"]:
        # comparable rows, then those that are not under a heading of their own (route_order
        # lists them last): the eye stops at the group's heading, not at a cheaper price
        order = routes_order_text(p)
        if order:
            out.append(f"<p>{escape_text(order)}</p>\n")
        out.append('<div class="table-wrap"><table>\n')
        out.append(head)
        rows = [(q["headline_excluded_reason"] is None, q) for q in p["providers"]]
        out.append("<tbody>\n")
        out += [f"{_provider_row(q, p['cheapest'])}\n" for ok, q in rows if ok]
        if p["excluded_count"]:
            if p["excluded_count"] < p["provider_count"]:
                out.append('</tbody>\n<tbody class="not-comparable">\n')
            label = escape_text(not_comparable_label(p))
            out.append(
                f'<tr><th scope="rowgroup" colspan="{_PROVIDER_COLUMNS}">{label}</th></tr>\n'
            )
            out += [f"{_provider_row(q, p['cheapest'])}\n" for ok, q in rows if not ok]
        out.append("</tbody>\n</table></div>\n")
    else:
        out.append("<p>No active provider serves this model in the catalog.</p>\n")
    if p["defunct"]:
        gone = gone_list(
            p["defunct"], p["providers"], escape, lambda i: f"<code>{escape(i)}</code>"
        )
        out.append(f"<p>Not counted (defunct provider or retired offering): {gone}.</p>\n")
    if p["other_routes"]:
        others = ", ".join(
            f"{escape(q['provider_name'])} <code>{escape(q['provider_model_id'])}</code> at "
            f"{route_price(q, 'blended_per_mtok')} ({escape(q['headline_excluded_reason'])})"
            for q in p["other_routes"]
        )
        out.append(f"<p>Other offerings, not comparable: {others}.</p>\n")
    if p["not_per_use"]:
        apart = "; ".join(
            f"{escape(q['provider_name'])}: {escape(q['headline_excluded_reason'])}"
            for q in p["not_per_use"]
        )
        out.append(f"<p>Not counted (not sold per use): {apart}.</p>\n")
    return "".join(out)
