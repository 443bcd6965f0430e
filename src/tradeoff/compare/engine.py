"""`compare(models, view, blend)`: one structured, sourced result for 2 to 4 models."""

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Any, NamedTuple

from tradeoff.compare.availability_claims import availability_claims
from tradeoff.compare.benchmarks import (
    NO_BENCHMARKS,
    BenchmarkSection,
    benchmark_claims,
    reasoning_note,
)
from tradeoff.compare.capabilities import CapabilityCell, CapabilityRow, capability_rows
from tradeoff.compare.claim import Claim
from tradeoff.compare.fact_claims import capability_section, spec_claims
from tradeoff.compare.faq import FaqEntry, build_faq
from tradeoff.compare.like_for_like import kind_differ_claim
from tradeoff.compare.price_claims import price_claims
from tradeoff.compare.pricing import ModelPricing, Quote, model_pricing, shared_providers
from tradeoff.compare.related import RELATED_LIMIT, Related, related_models
from tradeoff.compare.specs import SpecCell, SpecRow, spec_rows
from tradeoff.compare.verdict import Verdict, build_verdict
from tradeoff.compare.workload import DEFAULT_BLEND, Blend
from tradeoff.errors import UsageError
from tradeoff.records import Lab, Model, Provider, Source, snapshot_name

TYPE_CHECKING = False  # typing.TYPE_CHECKING (mypy knows the name)
if TYPE_CHECKING:
    from tradeoff.records import Offering  # annotations only: not on cold paths

MIN_MODELS = 2
MAX_MODELS = 4

_EMPTY: Mapping[str, Any] = MappingProxyType({})  # a shared default no one can fill


class CatalogView(NamedTuple):
    """The records a comparison reads, gathered outside compare/ (no SQL here)."""

    models: Mapping[str, Model]
    # by model id; "Offering" in a collections.abc alias stays a string (no typing.ForwardRef)
    offerings: Mapping[str, Sequence["Offering"]]
    providers: Mapping[str, Provider]
    labs: Mapping[str, Lab]
    sources: Mapping[str, Source]
    # Each model's cheapest route at the default blend (``ModelPricing.cheapest``), by model id,
    # and its blended price (None = unpriced): what catalog rows and related pairs rank by.
    cheapest_blended: Mapping[str, Decimal | None] = _EMPTY
    cheapest_quotes: Mapping[str, Quote | None] = _EMPTY
    capability_sets: Mapping[str, frozenset[str]] = _EMPTY  # related pairs
    # Each model's related models as ``related_models`` ranks them over the whole catalog,
    # at least ``related_limit + MAX_MODELS - 1`` of them (precomputed at database build:
    # ``db.derived``); None: ``compare`` ranks ``models`` itself (then the whole catalog).
    related: Mapping[str, Sequence[Related]] | None = None
    # Every model's name by id, when ``models`` holds only some models (a comparison's view
    # holds the compared ones: the related models are named from this).
    names: Mapping[str, str] | None = None
    # Each model's pricing at ``DEFAULT_BLEND`` (precomputed at database build:
    # ``compare.stored_pricing``), by model id; a model missing here is priced from
    # ``offerings`` (as every model is at another blend).
    pricing: Mapping[str, ModelPricing] | None = None
    # Each model's spec and capability cells (``compare.specs.model_spec_cells``,
    # ``compare.capabilities.model_capability_cells``), by model id, when made already
    # (kept per catalog: ``pages.comparison.kept``); None: made by ``compare``.
    spec_cells: Mapping[str, Sequence[SpecCell]] | None = None
    capability_cells: Mapping[str, Sequence[CapabilityCell]] | None = None


class Comparison(NamedTuple):
    models: tuple[Model, ...]
    blend: Blend
    specs: tuple[SpecRow, ...]
    capabilities: tuple[CapabilityRow, ...]
    pricing: tuple[ModelPricing, ...]
    shared_providers: tuple[str, ...]
    benchmarks: BenchmarkSection
    claims: tuple[Claim, ...]
    verdict: Verdict
    faq: tuple[FaqEntry, ...]
    related: tuple[tuple[str, tuple[Related, ...]], ...]  # (model id, its related models)
    reviewed: Mapping[str, str | None]  # section → oldest review ("checked") date shown in it
    last_reviewed: str | None  # the oldest review date among the facts shown (REVIEWED_MEANS)
    source_ids: tuple[str, ...]
    # section → oldest dataset snapshot date ("as of") among the values shown that have no
    # review date of their own; they do not count in ``last_reviewed``
    as_of: Mapping[str, str | None] = _EMPTY

    @property
    def oldest_snapshot(self) -> str | None:
        """The oldest dataset snapshot a value shown on the page is "as of"."""
        return _oldest(list(self.as_of.values()))


# What "last reviewed" means on every comparison page, in every format.
REVIEWED_MEANS = (
    'the oldest "checked" date among the facts shown: the day a person checked a curated '
    "fact or a hand-written provider price against its source, or the check date a dataset "
    "states itself (genai-prices' prices_checked); values copied from a dataset without one "
    'read "as of" the dataset\'s snapshot date and are not counted'
)


def reviewed_text(what: str, reviewed: str | None, as_of: str | None) -> str:
    """ "Prices last reviewed: 2026-06-09; other values as of 2026-07-02 (dataset snapshot)." """
    text = f"{what}: " + (reviewed or "no value shown has a review date")
    if as_of:
        text += f"; {'other ' if reviewed else ''}values as of {as_of} (dataset snapshot)"
    return text + "."


def check_models(models: Sequence[Model]) -> None:
    """2 to 4 distinct models, or a UsageError naming MODEL."""
    if not MIN_MODELS <= len(models) <= MAX_MODELS:
        raise UsageError(
            f"compare takes {MIN_MODELS} to {MAX_MODELS} models, got {len(models)}", field="MODEL"
        )
    check_distinct(models)


def check_distinct(models: Sequence[Model]) -> None:
    """No model given twice, or a UsageError naming MODEL."""
    seen: set[str] = set()
    for m in models:
        if m.id in seen:
            raise UsageError(f"model {m.id!r} is given more than once", field="MODEL")
        seen.add(m.id)


def _oldest(dates: Sequence[str | None]) -> str | None:
    known = [d for d in dates if d]
    return min(known) if known else None


# Each section's dates in one pass over its values (a page reads ~100 cells and routes):
# (oldest review date, oldest date of a value "as of" a dataset snapshot), as ``_oldest``
# over the values without and with a snapshot would give them.
def _oldest_split(dated: Iterable[tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    reviewed = as_of = None
    for day, snapshot in dated:
        if not day:
            continue
        if snapshot:
            if as_of is None or day < as_of:
                as_of = day
        elif reviewed is None or day < reviewed:
            reviewed = day
    return reviewed, as_of


def _cells_dates(
    rows: Sequence[SpecRow] | Sequence[CapabilityRow], used: set[str]
) -> tuple[str | None, str | None]:
    """The rows' ``_oldest_split``; adds the sources their cells cite to ``used``."""
    cells = [c for r in rows for c in r.cells]
    used.update([c.source_id for c in cells if c.source_id])
    return _oldest_split([(c.checked, c.as_of) for c in cells])


def _quotes_dates(pricing: Sequence[ModelPricing], used: set[str]) -> tuple[str | None, str | None]:
    """The routes' ``_oldest_split``; adds the sources of the routes and their prices to
    ``used``."""
    quotes = [q for p in pricing for q in p.providers]
    used.update([q.source_id for q in quotes])
    for q in quotes:
        used.update(q.price_source_ids)
    return _oldest_split([(q.checked, q.as_of) for q in quotes])


def _related(
    model: Model, ids: Sequence[str], view: CatalogView, limit: int
) -> tuple[Related, ...]:
    """The model's related models, leaving out the models compared on this page."""
    if view.related is not None:
        return tuple([r for r in view.related.get(model.id, ()) if r.model_id not in ids][:limit])
    candidates = [m for m in view.models.values() if m.id not in ids]
    return tuple(
        related_models(model, candidates, view.cheapest_blended, limit, view.capability_sets)
    )


def _pricing(model: Model, view: CatalogView, blend: Blend) -> ModelPricing:
    if view.pricing is not None and blend == DEFAULT_BLEND and model.id in view.pricing:
        return view.pricing[model.id]
    return model_pricing(model, view.offerings.get(model.id, ()), view.providers, blend)


def compare(
    models: Sequence[Model],
    view: CatalogView,
    blend: Blend = DEFAULT_BLEND,
    benchmarks: BenchmarkSection = NO_BENCHMARKS,
    related_limit: int = RELATED_LIMIT,
) -> Comparison:
    """Specs, pricing, capabilities, benchmarks, claims, verdict, FAQ and related models."""
    check_models(models)
    ids = [m.id for m in models]
    names = {m.id: m.name for m in models}
    labs = {m.id: view.labs[m.lab_id].name if m.lab_id in view.labs else m.lab_id for m in models}
    specs = spec_rows(models, view.spec_cells)
    caps = capability_rows(models, view.capability_cells)
    pricing = tuple([_pricing(m, view, blend) for m in models])
    by_model = {p.model_id: p for p in pricing}
    shared = shared_providers(pricing)
    # a shared provider is in every model's list, so the last model's row names it (as a
    # name map over every model's rows would, the last one written winning)
    provider_names = {q.provider_id: q.provider_name for q in pricing[-1].providers}
    claims: list[Claim] = []
    kind_row = next(r for r in specs if r.key == "kind")
    differ = kind_differ_claim(kind_row, names)  # said first; gates every price comparison
    claims += [differ] if differ is not None else []
    claims += spec_claims(specs, names, labs)
    kinds = {c.model_id: c.value for c in kind_row.cells}
    claims += price_claims(ids, names, by_model, blend, kinds)
    claims += availability_claims(ids, names, by_model, shared, provider_names)
    claims += capability_section(caps, names)  # the summary, then one claim per capability
    claims += benchmark_claims(benchmarks, names)
    verdict = build_verdict(ids, names, claims)
    faq = build_faq(ids, names, claims, verdict.choose, reasoning_note(benchmarks, claims))
    # The models on this page are not 'continue comparing' links: the page is their comparison.
    related = tuple((m.id, _related(m, ids, view, related_limit)) for m in models)
    sources = view.sources
    used: set[str] = set()
    reviewed, as_of = {}, {}
    reviewed["specs"], as_of["specs"] = _cells_dates(specs, used)
    reviewed["capabilities"], as_of["capabilities"] = _cells_dates(caps, used)
    reviewed["pricing"], as_of["pricing"] = _quotes_dates(pricing, used)
    # a result's own date is when it was run; when it was read is its source's date
    results = []
    for r in benchmarks.rows:
        for s in r.scores:
            used.add(s.source_id)
            source = sources.get(s.source_id)
            if source is not None:
                results.append((source.retrieved, snapshot_name(source, source.retrieved)))
    reviewed["benchmarks"], as_of["benchmarks"] = _oldest_split(results)
    return Comparison(
        models=tuple(models),
        blend=blend,
        specs=specs,
        capabilities=caps,
        pricing=pricing,
        shared_providers=shared,
        benchmarks=benchmarks,
        claims=tuple(claims),
        verdict=verdict,
        faq=faq,
        related=related,
        reviewed=reviewed,
        last_reviewed=_oldest(list(reviewed.values())),
        source_ids=tuple(sorted(s for s in used if s in sources)),
        as_of=as_of,
    )
