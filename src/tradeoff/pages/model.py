"""One model's page context: facts with provenance, offerings with prices, conflicts.

The CLI (`tradeoff models show`), the web page and its JSON twin all render this dict.
"""

from __future__ import annotations

from typing import Any

from tradeoff.compare.pricing import is_live
from tradeoff.db.queries import Catalog
from tradeoff.pages.jsonable import jsonable
from tradeoff.records import CAPABILITY_LABELS, Fact, Model, Offering

FACT_LABELS: dict[str, str] = {
    "release_date": "Released",
    "knowledge_cutoff": "Knowledge cutoff",
    "licence": "Licence",
    "open_weights": "Open weights",
    "parameters_total": "Parameters (total)",
    "parameters_active": "Parameters (active)",
    "architecture": "Architecture",
    "experts_total": "Experts (total)",
    "experts_per_token": "Experts per token",
    "context_tokens": "Context window (tokens)",
    "max_output_tokens": "Max output (tokens)",
    "modalities_input": "Input modalities",
    "modalities_output": "Output modalities",
}


def model_facts(model: Model) -> dict[str, Fact[Any]]:
    """The model's facts by field name, in display order."""
    return {name: getattr(model, name) for name in FACT_LABELS}


def fact_entry(name: str, label: str, fact: Fact[Any], catalog: Catalog) -> dict[str, Any]:
    source = catalog.sources.get(fact.source_id or "")
    return {
        "field": name,
        "label": label,
        "value": jsonable(fact.value),
        "known": fact.known,
        "source": None
        if source is None
        else {"id": source.id, "name": source.name, "url": source.url, "licence": source.licence},
        "checked": fact.checked,
        "note": fact.note,
        "disputed": fact.disputed,
    }


def offering_entry(offering: Offering, catalog: Catalog) -> dict[str, Any]:
    provider = catalog.providers.get(offering.provider_id)
    return {
        "provider": offering.provider_id,
        "provider_name": provider.name if provider else offering.provider_id,
        "provider_kind": provider.kind if provider else "unknown",
        # Not in the provider registry: nothing says it is defunct (compare.pricing.is_live).
        "provider_status": provider.status if provider else "active",
        "live": is_live(offering, provider),
        "provider_model_id": offering.provider_model_id,
        "prices": jsonable(offering.prices),
        "priced": offering.prices.priced,
        "context_tokens": offering.context_tokens,
        "max_output_tokens": offering.max_output_tokens,
        "quantization": offering.quantization,
        "lifecycle": offering.lifecycle,
        "deprecated_on": offering.deprecated_on,
        "link": offering.link,
        "source": offering.source_id,
        "source_url": offering.source_url,
        "checked": offering.checked,
        "price_sources": offering.price_sources,
        "disputed_fields": list(offering.disputed_fields),
        "history": jsonable(offering.history),
    }


def benchmark_entries(catalog: Catalog, model_id: str) -> list[dict[str, Any]]:
    """A model's benchmark results with who ran them, source, licence and date."""
    from tradeoff.db.benchmark_queries import benchmarks, results_for

    names = {b.id: b for b in benchmarks(catalog)}
    entries = []
    for r in results_for(catalog, model_id):
        b = names[r.benchmark_id]
        source = catalog.sources.get(r.source_id)
        entries.append(
            {
                "benchmark": r.benchmark_id,
                "benchmark_name": b.name,
                "subset": r.subset,
                "metric": r.metric,
                "unit": b.unit,
                "higher_is_better": b.higher_is_better,
                "score": r.score,
                "settings": dict(r.settings),
                "harness": r.harness or None,
                "run_by": r.run_by,
                "reported": r.reported,
                "date": r.date,
                "source": {
                    "id": r.source_id,
                    "name": source.name if source else r.source_id,
                    "url": r.source_url,
                    "licence": r.licence,
                    "attribution": source.attribution if source else None,
                },
                "source_model": r.source_model,
                "matched_how": r.matched_how,
            }
        )
    return entries


def model_context(catalog: Catalog, model: Model) -> dict[str, Any]:
    """Everything a model page shows, JSON-ready."""
    offerings = catalog.offerings_for(model.id)
    lab = catalog.labs.get(model.lab_id)
    facts = [fact_entry(n, FACT_LABELS[n], f, catalog) for n, f in model_facts(model).items()]
    capabilities = [
        fact_entry(n, CAPABILITY_LABELS[n], f, catalog) for n, f in model.capabilities.items()
    ]
    used = {f["source"]["id"] for f in facts + capabilities if f["source"]}
    used |= {o.source_id for o in offerings}
    results = benchmark_entries(catalog, model.id)
    used |= {r["source"]["id"] for r in results}
    return {
        "id": model.id,
        "slug": model.slug,
        "name": model.name,
        "lab": {"id": model.lab_id, "name": lab.name if lab else model.lab_id},
        "family": model.family,
        "weights_url": model.weights_url,
        "facts": facts,
        "capabilities": capabilities,
        "offerings": [offering_entry(o, catalog) for o in offerings],
        "offering_count": len(offerings),
        "benchmarks": jsonable(results),
        "conflicts": jsonable(catalog.conflicts(model.id)),
        "sources": [jsonable(catalog.sources[s]) for s in sorted(used) if s in catalog.sources],
        "catalog_version": catalog.version,
    }
