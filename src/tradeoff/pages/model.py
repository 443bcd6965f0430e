"""The model page: facts with provenance, offerings with prices, benchmarks, related pairs.

``model_record`` is the model's data (the CLI's `models show`, the downloads' catalog.json);
``model_context`` is everything the page shows: the record plus its last-reviewed date, the
providers serving it, the price chart's bars and the related comparisons.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypedDict, TypeVar

from tradeoff import urls
from tradeoff.db.queries import Catalog
from tradeoff.pages.history_shapes import PriceHistory
from tradeoff.pages.jsonable import Json, decimal_str, jsonable
from tradeoff.pages.lifecycle import RetirementEntry, retirement
from tradeoff.pages.model_glance import ModelGlance, model_glance
from tradeoff.pages.offerings import OfferingEntry, in_page_order, offering_entry
from tradeoff.pages.price_history import price_history
from tradeoff.pages.related import RelatedPair, related_pairs
from tradeoff.pages.sources import (
    SourceRecord,
    reviewed_and_as_of,
    reviewed_line,
    source_record,
)
from tradeoff.records import CAPABILITY_LABELS, Conflict, Fact, Model

FACT_LABELS: dict[str, str] = {
    "kind": "Kind",
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


T = TypeVar("T")


class FactSource(TypedDict):
    """Where a fact came from."""

    id: str
    name: str
    url: str
    licence: str


class FactEntry(TypedDict):
    """One fact (or capability) with its source and checked date; unknown is said."""

    field: str
    label: str
    value: Json
    known: bool
    source: FactSource | None
    checked: str | None
    date_kind: str | None  # "checked" (a review date), "as_of" (a dataset snapshot's), None
    dated: str | None  # "checked 2025-08-12" / "as of 2026-07-02 (models.dev)"
    note: str | None
    disputed: bool


class ResultSource(TypedDict):
    """Who published a benchmark result, under which licence."""

    id: str
    name: str
    url: str
    licence: str
    attribution: str | None


class BenchmarkEntry(TypedDict):
    """One benchmark result of the model, with who ran it."""

    benchmark: str
    benchmark_name: str
    subset: str
    metric: str
    unit: str
    higher_is_better: bool
    score: str
    settings: dict[str, str]
    harness: str | None
    run_by: str
    reported: str
    date: str | None
    source: ResultSource
    source_model: str
    matched_how: str
    settings_class: str  # "thinking run (32k budget)", "plain run"
    # why no comparison uses it (withdrawn by its source, a preview checkpoint), or None
    not_compared: str | None


class ConflictEntry(TypedDict):
    """Sources disagreeing about one field: every value, and the one shown."""

    entity: str
    field: str
    chosen: str
    chosen_source_id: str
    values: list[list[str]]
    rule: str


class LabRef(TypedDict):
    """The model's lab."""

    id: str
    name: str


class ModelRecord(TypedDict):
    """A model's data: facts, capabilities, offerings, benchmarks, conflicts, sources."""

    id: str
    slug: str
    name: str
    lab: LabRef
    family: str | None
    weights_url: str | None
    # every offering at the lab's own API is retired: when, and what replaces it
    retirement: RetirementEntry | None
    facts: list[FactEntry]
    capabilities: list[FactEntry]
    offerings: list[OfferingEntry]
    offering_count: int
    benchmarks: list[BenchmarkEntry]
    conflicts: list[ConflictEntry]
    sources: list[SourceRecord]


class PriceBar(TypedDict):
    """One provider's input and output price on the price-by-provider chart."""

    label: str
    input_per_mtok: str
    output_per_mtok: str


class PriceChart(TypedDict):
    """The price-by-provider chart: its SVG and the bars it draws (the table's numbers)."""

    url: str
    bars: list[PriceBar]


class ModelContext(ModelRecord):
    """Everything the model page shows."""

    title: str
    last_reviewed: str | None  # oldest review date shown (see reviewed_line)
    data_as_of: str | None  # oldest dataset snapshot date a value shown is "as of"
    reviewed_line: str
    active_providers: list[str]
    glance: ModelGlance  # the first screen: headline and first-party price, providers
    price_chart: PriceChart | None
    price_history: PriceHistory | None  # dated prices per provider (docs/history.md)
    related: list[RelatedPair]


def conflict_entry(c: Conflict) -> ConflictEntry:
    """One recorded disagreement, JSON-ready."""
    return ConflictEntry(
        entity=c.entity,
        field=c.field,
        chosen=c.chosen,
        chosen_source_id=c.chosen_source_id,
        values=[list(v) for v in c.values],
        rule=c.rule,
    )


def model_facts(model: Model) -> dict[str, Fact[object]]:
    """The model's facts by field name, in display order."""
    return {name: getattr(model, name) for name in FACT_LABELS}


def fact_entry(name: str, label: str, fact: Fact[T], catalog: Catalog) -> FactEntry:
    """One fact, JSON-ready, with its source."""
    source = catalog.sources.get(fact.source_id or "")
    return FactEntry(
        field=name,
        label=label,
        value=jsonable(fact.value),
        known=fact.known,
        source=None
        if source is None
        else FactSource(id=source.id, name=source.name, url=source.url, licence=source.licence),
        checked=fact.checked,
        date_kind=fact.date_kind if fact.checked else None,
        dated=fact.dated,
        note=fact.note,
        disputed=fact.disputed,
    )


def benchmark_entries(catalog: Catalog, model_id: str) -> list[BenchmarkEntry]:
    """A model's benchmark results with who ran them, source, licence and date."""
    from tradeoff.db.benchmark_queries import benchmarks, results_for

    names = {b.id: b for b in benchmarks(catalog)}
    entries: list[BenchmarkEntry] = []
    for r in results_for(catalog, model_id):
        b = names[r.benchmark_id]
        source = catalog.sources.get(r.source_id)
        entries.append(
            BenchmarkEntry(
                benchmark=r.benchmark_id,
                benchmark_name=b.name,
                subset=r.subset,
                metric=r.metric,
                unit=b.unit,
                higher_is_better=b.higher_is_better,
                score=decimal_str(r.score),
                settings=dict(r.settings),
                harness=r.harness or None,
                run_by=r.run_by,
                reported=r.reported,
                date=r.date,
                source=ResultSource(
                    id=r.source_id,
                    name=source.name if source else r.source_id,
                    url=r.source_url,
                    licence=r.licence,
                    attribution=source.attribution if source else None,
                ),
                source_model=r.source_model,
                matched_how=r.matched_how,
                settings_class=r.settings_class,
                not_compared=r.left_out_because,
            )
        )
    return entries


def model_record(catalog: Catalog, model: Model) -> ModelRecord:
    """A model's data, JSON-ready (what `tradeoff models show` and catalog.json hold)."""
    offerings = catalog.offerings_for(model.id)
    lab = catalog.labs.get(model.lab_id)
    facts = [fact_entry(n, FACT_LABELS[n], f, catalog) for n, f in model_facts(model).items()]
    capabilities = [
        fact_entry(n, CAPABILITY_LABELS[n], f, catalog) for n, f in model.capabilities.items()
    ]
    used = {f["source"]["id"] for f in facts + capabilities if f["source"]}
    used |= {s for o in offerings for s in o.cited_sources}
    results = benchmark_entries(catalog, model.id)
    used |= {r["source"]["id"] for r in results}
    return ModelRecord(
        id=model.id,
        slug=model.slug,
        name=model.name,
        lab=LabRef(id=model.lab_id, name=lab.name if lab else model.lab_id),
        family=model.family,
        weights_url=model.weights_url,
        retirement=retirement(catalog, model, offerings),
        facts=facts,
        capabilities=capabilities,
        offerings=[
            offering_entry(o, catalog, route)
            for o, route in in_page_order(model, offerings, catalog)
        ],
        offering_count=len(offerings),
        benchmarks=results,
        conflicts=[conflict_entry(c) for c in catalog.conflicts(model.id)],
        sources=[source_record(catalog.sources[s]) for s in sorted(used) if s in catalog.sources],
    )


def model_dates(catalog: Catalog, model: Model) -> tuple[str | None, str | None]:
    """(oldest review date, oldest dataset snapshot date) of the known facts and offerings a
    model page shows."""
    dates = [(f.checked, f.as_of) for f in model_facts(model).values() if f.known]
    dates += [(f.checked, f.as_of) for f in model.capabilities.values() if f.known]
    dates += [(o.checked, o.as_of) for o in catalog.offerings_for(model.id)]
    return reviewed_and_as_of(dates)


def model_last_reviewed(catalog: Catalog, model: Model) -> str | None:
    """Oldest review ("checked") date among the known facts and offerings a model page shows.

    Read from the records, so the sitemap gets a page's date without building the page.
    """
    return model_dates(catalog, model)[0]


def price_bars(offerings: list[OfferingEntry]) -> list[PriceBar]:
    """Live (not retired, provider not defunct), paid, priced offerings of providers selling
    per use, cheapest input first (the price-by-provider chart)."""
    names = [o["provider_name"] for o in offerings]
    bars: list[tuple[Decimal, Decimal, PriceBar]] = []
    for o in offerings:
        prices = o["prices"]
        given, taken = prices["input_per_mtok"], prices["output_per_mtok"]
        if (
            not o["live"]
            or not o["sells_per_use"]
            or prices["free"]
            or given is None
            or taken is None
            or not o["output_applicable"]  # the chart pairs input with output bars
        ):
            continue
        label = o["provider_name"]
        if names.count(label) > 1:  # one provider serving several ids of the model
            label = f"{label} ({o['provider_model_id']})"
        bar = PriceBar(label=label, input_per_mtok=given, output_per_mtok=taken)
        bars.append((Decimal(given), Decimal(taken), bar))
    bars.sort(key=lambda b: (b[0], b[1], b[2]["label"]))
    return [b for _, _, b in bars]


def model_context(catalog: Catalog, model: Model) -> ModelContext:
    """Everything a model page shows, JSON-ready (the page's .json twin)."""
    record = model_record(catalog, model)
    bars = price_bars(record["offerings"])
    chart_url = urls.chart("price-by-provider", {"model": model.slug})
    reviewed, as_of = model_dates(catalog, model)
    return ModelContext(
        **record,
        title=model.name,
        last_reviewed=reviewed,
        data_as_of=as_of,
        reviewed_line=reviewed_line(reviewed, as_of),
        # one entry per company: a regional endpoint counts as its main provider
        active_providers=sorted(
            {
                _company(catalog, o["provider"])
                for o in record["offerings"]
                if o["live"] and o["sells_per_use"]
            }
        ),
        glance=model_glance(catalog, model),
        price_chart=PriceChart(url=chart_url, bars=bars) if bars else None,
        price_history=price_history(catalog, model),
        related=related_pairs(catalog, model),
    )


def _company(catalog: Catalog, provider_id: str) -> str:
    provider = catalog.providers.get(provider_id)
    return provider.company_id if provider else provider_id
