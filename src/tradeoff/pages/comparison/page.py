"""The comparison page as one context (PRODUCT.md §5 keys), assembled section by section.

This is the thin adapter between the read-only ``Catalog`` and the pure ``tradeoff.compare``
engine: it gathers records, calls ``compare``, and turns each section of the result into
plain values that the terminal, Markdown, HTML and JSON renderers all share.
"""

from collections.abc import Mapping, Sequence
from typing import TypedDict

from tradeoff.compare.engine import (
    REVIEWED_MEANS,
    CatalogView,
    Comparison,
    check_models,
    compare,
    reviewed_text,
)
from tradeoff.compare.like_for_like import kinds_of, prices_comparable
from tradeoff.compare.workload import DEFAULT_BLEND, Blend, blend_of
from tradeoff.db.queries import Catalog
from tradeoff.kinds import kind_label
from tradeoff.pages.comparison.benchmarks import BenchmarksEntry, benchmarks_section
from tradeoff.pages.comparison.capabilities import CapabilityRowEntry, capabilities_section
from tradeoff.pages.comparison.cards import SummaryCard, summary_cards, verdict_line
from tradeoff.pages.comparison.charts import CompareCharts, compare_charts
from tradeoff.pages.comparison.claims import (
    ChooseEntry,
    ClaimEntry,
    FaqEntry,
    ParagraphEntry,
    choose_section,
    claims_section,
    deep_dive_section,
    faq_section,
)
from tradeoff.pages.comparison.image_rows import ImageOutputEntry, image_output_entry
from tradeoff.pages.comparison.kept import (
    ModelParts,
    decoded_price_changes,
    entry_bases,
    kept_parts,
    kept_results,
    kept_view,
)
from tradeoff.pages.comparison.pricing import (
    BlendEntry,
    PricingEntry,
    ProviderRef,
    blend_entry,
    pricing_section,
    shared_providers_section,
)
from tradeoff.pages.comparison.related import RelatedGroup, related_section
from tradeoff.pages.comparison.sources import SourceEntry, numbering, sources_section
from tradeoff.pages.comparison.specs import SpecRowEntry, specs_section
from tradeoff.pages.history import ModelPriceChanges, price_changes
from tradeoff.pages.sources import reviewed_line
from tradeoff.pages.view import (
    StoredValues,
    benchmark_section,
    catalog_view,
    compare_view,
    stored_values,
)
from tradeoff.records import Lab, Model


class ModelEntry(TypedDict):
    """A compared model."""

    id: str
    slug: str
    name: str
    lab: str
    lab_name: str
    family: str | None
    kind: str | None  # tradeoff.kinds.MODEL_KINDS; null: not yet sourced
    kind_label: str  # "Speech to text", or "kind not yet sourced"


class ComparisonContext(TypedDict):
    """Everything the comparison page shows; every renderer reads only this."""

    title: str
    models: list[ModelEntry]
    blend: BlendEntry
    # the page's top: one card per model (values from the sections below, marks from the
    # claims) and the cards in one sentence
    summary_cards: list[SummaryCard]
    verdict_line: str
    summary: str
    verdict: str
    pricing: list[PricingEntry]
    # a compared model outputs images: each model's image-output row, its unit and the note
    # that the text-token blend leaves image output out (compare.image_output); null: none does
    image_output: ImageOutputEntry | None
    shared_providers: list[ProviderRef]
    shared_provider_count: int
    specs: list[SpecRowEntry]
    capabilities: list[CapabilityRowEntry]
    benchmarks: BenchmarksEntry
    charts: CompareCharts  # price by provider side by side, shared scores (SVG + table)
    claims: list[ClaimEntry]
    price_changes: list[ModelPriceChanges]  # dated moves and trends (pages/history.py)
    deep_dive: list[ParagraphEntry]
    choose: list[ChooseEntry]
    faq: list[FaqEntry]
    related: list[RelatedGroup]
    last_reviewed: str | None
    reviewed: dict[str, str | None]
    # what "last reviewed" covers, in words; the oldest dataset snapshot values shown are
    # "as of" (not counted as reviewed), overall and per section
    reviewed_means: str
    data_as_of: str | None
    as_of: dict[str, str | None]
    # the page's and each section's "… last reviewed: …" line, the same in every format
    reviewed_line: str
    reviewed_text: dict[str, str]
    sources: list[SourceEntry]


def resolve_models(catalog: Catalog, names: Sequence[str]) -> list[Model]:
    """Names → models; unknown/ambiguous names raise, repeats and counts are UsageErrors."""
    ids = [catalog.resolve_id(n) for n in names]
    found = catalog.models_of(ids)  # one read for all of them
    models = [found[i] for i in ids]
    check_models(models)
    return models


def compare_context(
    catalog: Catalog, model_ids: Sequence[str], blend: tuple[int, int] | None = None
) -> ComparisonContext:
    """The whole comparison page as JSON-ready values (money as decimal strings)."""
    models = resolve_models(catalog, model_ids)
    chosen = DEFAULT_BLEND if blend is None else blend_of(*blend)
    kept = kept_parts(catalog, models)  # what the page shows of each model alone
    if kept is None:  # a database without the values stored at build
        parts = stored_values(catalog, [m.id for m in models])
        view = compare_view(catalog, models, parts)
        result = compare(models, view, chosen, benchmark_section(catalog, models))
        return comparison_context(result, catalog, chosen, view, parts)
    view = kept_view(catalog, models, kept)
    result = compare(models, view, chosen, benchmark_section(catalog, models, kept_results(kept)))
    return comparison_context(result, catalog, chosen, view, kept=kept)


SECTION_LABELS = {
    "specs": "Specs",
    "capabilities": "Capabilities",
    "pricing": "Prices",
    "benchmarks": "Benchmarks",
}


def comparison_context(
    result: Comparison,
    catalog: Catalog,
    blend: Blend,
    view: CatalogView | None = None,
    parts: StoredValues | None = None,
    kept: Mapping[str, ModelParts] | None = None,
) -> ComparisonContext:
    """A ``Comparison`` as plain values, one section builder per section of the page
    (``view``: the records ``result`` was computed from; default the whole catalog's;
    ``parts``: its models' values stored at build, ``pages.view.stored_values``; ``kept``:
    its models' parts kept with the catalog, ``comparison.kept``)."""
    numbers = numbering(result)
    view = view or catalog_view(catalog)
    bases = None if kept is None else entry_bases(catalog)
    shared = shared_providers_section(result)
    pricing = pricing_section(result, numbers, bases)
    specs = specs_section(result, numbers, bases)
    benchmarks = benchmarks_section(result, numbers)
    models = [(m.id, m.name) for m in result.models]
    blend_shown = blend_entry(blend)
    image_output = image_output_entry(pricing)  # None: no compared model outputs images
    images = image_output is not None
    cards = summary_cards(models, pricing, specs, benchmarks, blend_shown, result.claims, images)
    return {
        "title": " vs ".join(m.name for m in result.models),
        "models": [_model_entry(m, view.labs.get(m.lab_id)) for m in result.models],
        "blend": blend_shown,
        "summary_cards": cards,
        "verdict_line": verdict_line(cards, result.claims, benchmarks),
        "summary": result.verdict.summary.text,
        "verdict": result.verdict.verdict.text,
        "pricing": pricing,
        "image_output": image_output,
        "shared_providers": shared,
        "shared_provider_count": len(shared),
        "specs": specs,
        "capabilities": capabilities_section(result, numbers, bases),
        "benchmarks": benchmarks,
        "charts": compare_charts(
            [m.slug for m in result.models],
            pricing,
            benchmarks,
            blend_shown,
            prices_comparable(kinds_of(result.models)),
        ),
        "claims": claims_section(result),
        "price_changes": price_changes(catalog, list(result.models), parts)
        if kept is None
        else decoded_price_changes(kept, [m.id for m in result.models]),
        "deep_dive": deep_dive_section(result),
        "choose": choose_section(result),
        "faq": faq_section(result),
        "related": related_section(result, view, bases),
        "last_reviewed": result.last_reviewed,
        "reviewed": dict(result.reviewed),
        "reviewed_means": REVIEWED_MEANS,
        "data_as_of": result.oldest_snapshot,
        "as_of": dict(result.as_of),
        "reviewed_line": reviewed_line(result.last_reviewed, result.oldest_snapshot),
        "reviewed_text": {
            **{
                section: reviewed_text(
                    f"{label} last reviewed",
                    result.reviewed.get(section),
                    result.as_of.get(section),
                )
                for section, label in SECTION_LABELS.items()
            },
        },
        "sources": sources_section(result, view, numbers),
    }


def _model_entry(m: Model, lab: Lab | None) -> ModelEntry:
    return {
        "id": m.id,
        "slug": m.slug,
        "name": m.name,
        "lab": m.lab_id,
        "lab_name": lab.name if lab else m.lab_id,
        "family": m.family,
        "kind": m.kind.value,
        "kind_label": kind_label(m.kind.value),
    }
