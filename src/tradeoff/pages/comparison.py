"""The comparison page as one JSON-ready dict (PRODUCT.md §5 keys), and the calculator's.

This is the thin adapter between the read-only ``Catalog`` and the pure ``tradeoff.compare``
engine: it gathers records, calls ``compare``, and turns the result into plain values that
the terminal, Markdown, HTML and JSON renderers (and the web app) all share.
"""

from __future__ import annotations

import sqlite3
import weakref
from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from tradeoff.compare.benchmarks import NO_BENCHMARKS, BenchmarkSection, section_from_results
from tradeoff.compare.cost import CostLine, price_workload
from tradeoff.compare.engine import (
    CatalogView,
    Comparison,
    check_distinct,
    check_models,
    compare,
)
from tradeoff.compare.pricing import Quote, model_pricing
from tradeoff.compare.related import capability_set
from tradeoff.compare.wording import NOT_SOURCED, disputed
from tradeoff.compare.workload import DEFAULT_BLEND, Blend, Workload, blend_of
from tradeoff.db.queries import Catalog
from tradeoff.errors import UsageError
from tradeoff.pages.jsonable import jsonable
from tradeoff.records import Model, Tri

_VIEWS: weakref.WeakKeyDictionary[Catalog, CatalogView] = weakref.WeakKeyDictionary()
_BENCH: weakref.WeakKeyDictionary[Catalog, tuple[dict[str, Any], dict[str, Any]] | None] = (
    weakref.WeakKeyDictionary()
)

TRI_DISPLAY = {Tri.YES: "yes", Tri.NO: "no", Tri.UNKNOWN: NOT_SOURCED}


def catalog_view(catalog: Catalog) -> CatalogView:
    """The records compare needs, gathered once per opened catalog."""
    view = _VIEWS.get(catalog)
    if view is not None:
        return view
    offerings: dict[str, list[Any]] = defaultdict(list)
    for o in catalog.offerings:
        if o.model_id:
            offerings[o.model_id].append(o)
    quotes: dict[str, Quote | None] = {}
    cheapest: dict[str, Decimal | None] = {}
    for m in catalog.models.values():
        q = model_pricing(m, offerings.get(m.id, ()), catalog.providers, DEFAULT_BLEND).cheapest
        quotes[m.id] = q
        cheapest[m.id] = None if q is None else q.blended_per_mtok
    view = CatalogView(
        models=catalog.models,
        offerings=dict(offerings),
        providers=catalog.providers,
        labs=catalog.labs,
        sources=catalog.sources,
        cheapest_blended=cheapest,
        cheapest_quotes=quotes,
        capability_sets={m.id: capability_set(m) for m in catalog.models.values()},
    )
    _VIEWS[catalog] = view
    return view


def cheapest_quotes(catalog: Catalog) -> Mapping[str, Quote | None]:
    """Each model's cheapest route at the default blend (``ModelPricing.cheapest``), by id.

    The catalog table, its CSV, the API and the comparison page all state this one quote.
    """
    return catalog_view(catalog).cheapest_quotes


def resolve_models(catalog: Catalog, names: Sequence[str]) -> list[Model]:
    """Names → models; unknown/ambiguous names raise, repeats and counts are UsageErrors."""
    models = [catalog.resolve(n) for n in names]
    check_models(models)
    return models


def _benchmark_data(catalog: Catalog) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(results by model, registry by id) of the catalog; None when it has no benchmark tables."""
    if catalog in _BENCH:
        return _BENCH[catalog]
    try:
        from tradeoff.db import benchmark_queries as queries
    except ImportError:  # the benchmarks package is optional for a comparison
        return None
    try:
        data: tuple[dict[str, Any], dict[str, Any]] | None = (
            dict(queries.results_by_model(catalog)),
            {b.id: b for b in queries.benchmarks(catalog)},
        )
    except sqlite3.OperationalError:  # a database compiled before benchmark tables existed
        data = None
    _BENCH[catalog] = data
    return data


def benchmark_section(catalog: Catalog, models: Sequence[Model]) -> BenchmarkSection:
    """Shared benchmark rows of the models (``tradeoff.compare.comparable``)."""
    data = _benchmark_data(catalog)
    if data is None or not data[0]:
        return NO_BENCHMARKS
    results, registry = data
    names = {m.id: m.name for m in models}
    return section_from_results([m.id for m in models], results, registry, names)


def compare_context(
    catalog: Catalog, model_ids: list[str], blend: tuple[int, int] | None = None
) -> dict[str, Any]:
    """The whole comparison page as JSON-ready values (money as decimal strings)."""
    models = resolve_models(catalog, model_ids)
    chosen = DEFAULT_BLEND if blend is None else blend_of(*blend)
    result = compare(models, catalog_view(catalog), chosen, benchmark_section(catalog, models))
    return comparison_context(result, catalog, chosen)


def _quote(q: Quote | None, numbers: dict[str, int]) -> dict[str, Any] | None:
    if q is None:
        return None
    return {
        "provider": q.provider_id,
        "provider_name": q.provider_name,
        "provider_kind": q.provider_kind,
        "provider_model_id": q.provider_model_id,
        "input_per_mtok": jsonable(q.input_per_mtok),
        "output_per_mtok": jsonable(q.output_per_mtok),
        "cache_read_per_mtok": jsonable(q.cache_read_per_mtok),
        "cache_write_per_mtok": jsonable(q.cache_write_per_mtok),
        "blended_per_mtok": jsonable(q.blended_per_mtok),
        "free": q.free,
        "lifecycle": q.lifecycle,
        "context_tokens": q.context_tokens,
        "offering_count": q.offering_count,
        "defunct_since": q.defunct_since,
        "source": q.source_id,
        "source_n": numbers.get(q.source_id),
        "price_sources": list(q.price_source_ids),
        "checked": q.checked,
    }


def _cell(cell: Any, numbers: dict[str, int], state: Tri | None = None) -> dict[str, Any]:
    out = {
        "model": cell.model_id,
        "display": cell.display if state is None else TRI_DISPLAY[state],
        "source": cell.source_id,
        "source_n": numbers.get(cell.source_id or ""),
        "checked": cell.checked,
        "note": cell.note,
        "disputed": cell.disputed,
    }
    if state is None:
        out["value"] = jsonable(cell.value)
        out["known"] = cell.value is not None
    else:
        out["value"] = state.value
        out["known"] = state is not Tri.UNKNOWN
        if state is Tri.UNKNOWN:
            out["display"] = disputed(out["display"], cell.disputed)
    return out


def comparison_context(result: Comparison, catalog: Catalog, blend: Blend) -> dict[str, Any]:
    """A ``Comparison`` as plain values; every renderer reads only this dict."""
    numbers = {sid: i + 1 for i, sid in enumerate(result.source_ids)}
    names = {m.id: m.name for m in result.models}
    view = catalog_view(catalog)

    def model_entry(m: Model) -> dict[str, Any]:
        lab = view.labs.get(m.lab_id)
        return {
            "id": m.id,
            "slug": m.slug,
            "name": m.name,
            "lab": m.lab_id,
            "lab_name": lab.name if lab else m.lab_id,
            "family": m.family,
        }

    pricing = []
    for p in result.pricing:
        pricing.append(
            {
                "model": p.model_id,
                "model_name": names[p.model_id],
                "cheapest": _quote(p.cheapest, numbers),
                "first_party": _quote(p.first_party, numbers),
                "providers": [_quote(q, numbers) for q in p.providers],
                "provider_count": p.provider_count,
                "unpriced_count": len(p.unpriced_providers),
                "defunct": [_quote(q, numbers) for q in p.defunct],
                "free_providers": list(p.free_providers),
            }
        )
    b = result.benchmarks
    benchmarks = {
        "in_catalog": b.in_catalog,
        "shared": [
            {
                "benchmark": r.benchmark_id,
                "key": r.key,
                "name": r.name,
                "label": r.label,
                "category": r.category,
                "subset": r.subset,
                "metric": r.metric,
                "unit": r.unit,
                "higher_is_better": r.higher_is_better,
                "harness": r.harness,
                "settings": r.settings,
                "basis": r.basis,
                "scores": [
                    {
                        "model": s.model_id,
                        "score": jsonable(s.score),
                        "reported": s.reported,
                        "run_by": s.run_by,
                        "date": s.date,
                        "source": s.source_id,
                        "source_n": numbers.get(s.source_id),
                        "source_url": s.source_url,
                    }
                    for s in r.scores
                ],
            }
            for r in b.rows
        ],
        "result_counts": {m: n for m, n in b.result_counts},
        "excluded": list(b.excluded),
        # For pages: the rule-based exclusions, and how many results simply lack a partner.
        "excluded_by_rule": list(b.excluded_by_rule),
        "without_counterpart": b.without_counterpart,
        "statement": next((c.text for c in result.claims if c.id == "benchmark.none"), None),
    }
    v = result.verdict
    related = []
    for model_id, items in result.related:
        related.append(
            {
                "model": model_id,
                "items": [
                    {
                        "id": r.model_id,
                        "slug": view.models[r.model_id].slug,
                        "name": view.models[r.model_id].name,
                        "reasons": list(r.reasons),
                        "compare": sorted([model_id, r.model_id]),
                        "url": _pair_path(view.models[model_id].slug, view.models[r.model_id].slug),
                    }
                    for r in items
                ],
            }
        )
    provider_names = {q.provider_id: q.provider_name for p in result.pricing for q in p.providers}
    sources = []
    for sid in result.source_ids:
        s = view.sources[sid]
        sources.append(
            {
                "n": numbers[sid],
                "id": s.id,
                "name": s.name,
                "kind": s.kind,
                "url": s.url,
                "licence": s.licence,
                "attribution": s.attribution,
                "retrieved": s.retrieved,
                "commit": s.commit,
            }
        )
    return {
        "title": " vs ".join(m.name for m in result.models),
        "models": [model_entry(m) for m in result.models],
        "blend": {
            "input_share": jsonable(blend.input_share),
            "output_share": jsonable(blend.output_share),
            "label": blend.label,
        },
        "summary": v.summary.text,
        "verdict": v.verdict.text,
        "pricing": pricing,
        "shared_providers": [
            {"id": pid, "name": provider_names.get(pid, pid)} for pid in result.shared_providers
        ],
        "shared_provider_count": len(result.shared_providers),
        "specs": [
            {"key": r.key, "label": r.label, "cells": [_cell(c, numbers) for c in r.cells]}
            for r in result.specs
        ],
        "capabilities": [
            {
                "key": r.key,
                "label": r.label,
                "differs": r.differs,
                "cells": [_cell(c, numbers, c.state) for c in r.cells],
            }
            for r in result.capabilities
        ],
        "benchmarks": benchmarks,
        "claims": [
            {
                "id": c.id,
                "topic": c.topic,
                "text": c.text,
                "basis": c.basis,
                "numbers": [
                    {
                        "table": n.table,
                        "model": n.model_id,
                        "field": n.field,
                        "value": jsonable(n.value),
                    }
                    for n in c.numbers
                ],
                "favours": list(c.favours),
                "tie": c.tie,
                "lists": {k: list(items) for k, items in c.lists},
            }
            for c in result.claims
        ],
        "deep_dive": [
            {"title": p.title, "text": p.text, "claims": list(p.claim_ids)} for p in v.deep_dive
        ],
        "choose": [
            {
                "model": c.model_id,
                "text": c.text,
                "reasons": list(c.reasons),
                "claims": list(c.claim_ids),
            }
            for c in v.choose
        ],
        "faq": [
            {"question": f.question, "answer": f.answer, "claims": list(f.claim_ids)}
            for f in result.faq
        ],
        "related": related,
        "last_reviewed": result.last_reviewed,
        "reviewed": dict(result.reviewed),
        "sources": sources,
        "catalog_version": catalog.version,
    }


def _pair_path(slug_a: str, slug_b: str) -> str:
    """The canonical comparison path of two models, as ``tradeoff.urls.compare`` builds it:
    slugs sorted, each quoted as a path segment."""
    first, second = sorted((slug_a, slug_b))
    return f"/compare/{quote(first, safe='')}-vs-{quote(second, safe='')}"


def _line(c: CostLine, names: dict[str, str]) -> dict[str, Any]:
    return {
        "model": c.model_id,
        "model_name": names[c.model_id],
        "provider": c.provider_id,
        "provider_name": c.provider_name,
        "provider_model_id": c.provider_model_id,
        "input_per_mtok": jsonable(c.input_per_mtok),
        "output_per_mtok": jsonable(c.output_per_mtok),
        "cache_read_per_mtok": jsonable(c.cache_read_per_mtok),
        "input_usd": jsonable(c.input_usd),
        "cached_usd": jsonable(c.cached_usd),
        "output_usd": jsonable(c.output_usd),
        "total_usd": jsonable(c.total_usd),
        "priced": c.total_usd is not None,
        "tier_above_input_tokens": c.tier_above_input_tokens,
        "cache_priced_as_input": c.cache_priced_as_input,
        "free": c.free,
        "fits_context": c.fits_context,
        "lifecycle": c.lifecycle,
        "source": c.source_id,
        "checked": c.checked,
        "note": c.note,
    }


def cost_context(
    catalog: Catalog,
    model_ids: list[str],
    input_tokens: int,
    output_tokens: int,
    cached_tokens: int = 0,
    requests: int = 1,
) -> dict[str, Any]:
    """The calculator: every active offering of the models priced for a workload."""
    workload = Workload(input_tokens, output_tokens, cached_tokens, requests)
    models = [catalog.resolve(n) for n in model_ids]
    if not models:
        raise UsageError("give at least one model", field="MODEL")
    check_distinct(models)
    view = catalog_view(catalog)
    lines = price_workload(models, view.offerings, view.providers, workload)
    names = {m.id: m.name for m in models}
    priced = [c for c in lines if c.total_usd is not None]
    # The cheapest route is a paid one, as in the comparison (``ModelPricing.cheapest``): a
    # free variant is listed at $0 but is not the price of running the workload.
    paid = [c for c in priced if not c.free]
    return {
        "models": [{"id": m.id, "slug": m.slug, "name": m.name} for m in models],
        "workload": {
            "input_tokens": input_tokens,
            "output_tokens": output_tokens,
            "cached_tokens": cached_tokens,
            "requests": requests,
        },
        "lines": [_line(c, names) for c in lines],
        "line_count": len(lines),
        "priced_count": len(priced),
        "unpriced_count": len(lines) - len(priced),
        "cheapest": _line(paid[0], names) if paid else None,
        "last_reviewed": min((c.checked for c in lines), default=None),
        "catalog_version": catalog.version,
    }
