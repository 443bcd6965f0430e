"""`compare(models, view, blend)`: one structured, sourced result for 2 to 4 models."""

from collections.abc import Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Any, NamedTuple

from tradeoff.compare.availability_claims import availability_across
from tradeoff.compare.benchmarks import (
    NO_BENCHMARKS,
    BenchmarkSection,
    benchmark_claims,
    reasoning_note,
)
from tradeoff.compare.capabilities import (
    CapabilityCell,
    CapabilityRow,
    capability_rows,
    model_capability_cells,
)
from tradeoff.compare.claim import Claim
from tradeoff.compare.fact_claims import capability_section, spec_claims
from tradeoff.compare.faq import FaqEntry, build_faq
from tradeoff.compare.image_output import outputs_images
from tradeoff.compare.like_for_like import kind_differ_claim
from tradeoff.compare.model_side import Dated, ModelSide, remembered_side
from tradeoff.compare.price_claims import price_claims
from tradeoff.compare.pricing import ModelPricing, Quote, model_pricing
from tradeoff.compare.related import RELATED_LIMIT, Related, related_models
from tradeoff.compare.specs import SPECS, SpecCell, SpecRow, model_spec_cells, spec_rows
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


def _oldest_of(dates: Sequence[Dated]) -> Dated:
    """The oldest review date and the oldest snapshot date among ``dates`` (``model_side``'s
    pairs of the values of one model each, or of one benchmark result each)."""
    reviewed = _oldest([d for d, _ in dates])
    return reviewed, _oldest([a for _, a in dates])


def _read_on(source: Source) -> Dated:
    """A benchmark result's pair of dates: the day its source was read, as a review date or,
    when the source is a dataset read on its snapshot day, as a snapshot date."""
    day = source.retrieved
    return (None, day) if snapshot_name(source, day) else (day, None)


def _shared_providers(sides: Sequence[ModelSide]) -> tuple[str, ...]:
    """``pricing.shared_providers`` of the models' sides: in every model's list, by id."""
    common = set(sides[0].provider_ids)
    for side in sides[1:]:
        common &= side.provider_ids
    return tuple(sorted(common))


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
    spec_cells = view.spec_cells
    if spec_cells is None:
        spec_cells = {m.id: model_spec_cells(m) for m in models}
    capability_cells = view.capability_cells
    if capability_cells is None:
        capability_cells = {m.id: model_capability_cells(m) for m in models}
    specs = spec_rows(models, spec_cells)
    caps = capability_rows(models, capability_cells)
    pricing = tuple([_pricing(m, view, blend) for m in models])
    by_model = {p.model_id: p for p in pricing}
    # what each model alone contributes, the same on every page that shows it (model_side)
    sides = [
        remembered_side(m, spec_cells[m.id], capability_cells[m.id], p)
        for m, p in zip(models, pricing, strict=True)
    ]
    shared = _shared_providers(sides)
    # a shared provider is in every model's list: the last model's route names it (as a name
    # map over every model's routes would, the last one written winning)
    shared_names = tuple([sides[-1].provider_names[p] for p in shared])
    claims: list[Claim] = []
    kind_row = next(r for r in specs if r.key == "kind")
    differ = kind_differ_claim(kind_row, names)  # said first; gates every price comparison
    claims += [differ] if differ is not None else []
    claims += spec_claims(specs, names, labs)
    kinds = {c.model_id: c.value for c in kind_row.cells}
    said = {m.id: outputs_images(m) for m in models}  # True, False or None: not said
    images = [m for m, out in said.items() if out]  # priced per image token too
    unknown = [m for m, out in said.items() if out is None]
    claims += price_claims(ids, names, by_model, blend, kinds, images, unknown)
    # ``availability_claims``: the counts and shared providers, then each model's own
    claims += availability_across(
        ids, names, {s: side.listed for s, side in zip(ids, sides, strict=True)}, shared_names
    )
    for side in sides:
        claims += side.availability
    claims += capability_section(caps, names)  # the summary, then one claim per capability
    claims += benchmark_claims(benchmarks, names)
    verdict = build_verdict(ids, names, claims)
    faq = build_faq(ids, names, claims, verdict.choose, reasoning_note(benchmarks, claims))
    # The models on this page are not 'continue comparing' links: the page is their comparison.
    related = tuple((m.id, _related(m, ids, view, related_limit)) for m in models)
    sources = view.sources
    with_base = len(specs) > len(SPECS)  # the base-model row is shown
    spec_dates = [side.spec_dates for side in sides]
    spec_dates += [side.base_dates for side in sides] if with_base else []
    reviewed: dict[str, str | None] = {}
    as_of: dict[str, str | None] = {}
    reviewed["specs"], as_of["specs"] = _oldest_of(spec_dates)
    reviewed["capabilities"], as_of["capabilities"] = _oldest_of(
        [side.capability_dates for side in sides]
    )
    reviewed["pricing"], as_of["pricing"] = _oldest_of([side.price_dates for side in sides])
    used: set[str] = set()
    for side in sides:
        used |= side.spec_sources
        used |= side.capability_sources
        used |= side.price_sources
        if with_base:
            used |= side.base_sources
    # a result's own date is when it was run; when it was read is its source's date
    results: list[Dated] = []
    for r in benchmarks.rows:
        for s in r.scores:
            used.add(s.source_id)
            source = sources.get(s.source_id)
            if source is not None:
                results.append(_read_on(source))
    reviewed["benchmarks"], as_of["benchmarks"] = _oldest_of(results)
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
