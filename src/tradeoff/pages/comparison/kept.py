"""What a comparison page shows of one model alone, built once per opened catalog.

Most of a comparison page is per model, not per pair: a model's pricing at the default blend
(its routes, decoded from the value stored at build), its related models, its benchmark
results, its spec and capability cells — and the JSON-ready entries of that pricing (every
route in it), those cells and related models. A server's life, and a static build of every
related pair, shows each model on many pages, so these are kept with the ``Catalog`` (like
the records it keeps), built when a page first shows the model, and read by every later page.

Only what is a pure function of one model in this (read-only) catalog is kept: the records
above, immutable, and those entries *without* source numbers (``source_n``, the page's
numbering of every source the page cites). Everything that depends on the other compared
models, the blend (any but the default), the source numbering, ``as_of`` or the page's date
is built per page. A page never holds a kept object: it copies each kept entry
(``pricing._numbered_pricing``, ``specs.numbered_cells``, ``related._items``) into its own
dicts and lists, so a caller that edits a page's context edits only that page.

Bounded: one ``ModelParts`` per model of the catalog (the keys are its model ids), dropped
with the ``Catalog``; a catalog without the values stored at build (``db.derived``), or
repriced on another day (``Catalog.live``), keeps nothing here.
"""

from __future__ import annotations

import json
from _thread import RLock  # threading's RLock, without importing threading (a cold start)
from collections.abc import Mapping, Sequence
from typing import Any

from tradeoff.benchmark_records import BenchmarkResult
from tradeoff.compare.capabilities import CapabilityCell, model_capability_cells
from tradeoff.compare.engine import CatalogView
from tradeoff.compare.image_output import outputs_images
from tradeoff.compare.pricing import ModelPricing
from tradeoff.compare.related import Related
from tradeoff.compare.specs import SpecCell, model_spec_cells
from tradeoff.compare.stored_pricing import pricing_from_json
from tradeoff.db import benchmark_queries, derived
from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison.bases import Bases
from tradeoff.pages.comparison.capabilities import capability_cell_base
from tradeoff.pages.comparison.pricing import pricing_base
from tradeoff.pages.comparison.related import related_item
from tradeoff.pages.comparison.specs import spec_cell_base
from tradeoff.pages.memo import per_catalog
from tradeoff.pages.view import OfferingsOf, has_derived, has_results
from tradeoff.records import Model


class ModelParts:
    """One model's kept records (``pricing`` None: no pricing stored for it). A plain class,
    not a dataclass: ``tradeoff compare`` imports this module, and making a dataclass costs
    more than a cold command's page."""

    __slots__ = (
        "capability_cells",
        "model",
        "price_changes",
        "pricing",
        "related",
        "results",
        "spec_cells",
    )

    def __init__(
        self,
        model: Model,
        pricing: ModelPricing | None,  # at DEFAULT_BLEND, as stored at build
        price_changes: str | None,  # the stored JSON text: each page decodes its own copy
        related: tuple[Related, ...],
        results: tuple[BenchmarkResult, ...],
        spec_cells: tuple[SpecCell, ...],  # compare.specs.model_spec_cells
        capability_cells: tuple[CapabilityCell, ...],  # ...capabilities.model_capability_cells
    ) -> None:
        self.model = model
        self.pricing = pricing
        self.price_changes = price_changes
        self.related = related
        self.results = results
        self.spec_cells = spec_cells
        self.capability_cells = capability_cells


class _Kept:
    """A catalog's ``ModelParts`` by model id, and the entry of each of their pricings, cells and
    related models without its source number, by the record's id (``comparison.bases``); the
    web app's threads build them one at a time."""

    def __init__(self) -> None:
        self.parts: dict[str, ModelParts] = {}
        self.bases: dict[int, tuple[object, Any]] = {}
        self.lock = RLock()


@per_catalog
def _kept(catalog: Catalog) -> _Kept:
    return _Kept()


def kept_parts(catalog: Catalog, models: Sequence[Model]) -> dict[str, ModelParts] | None:
    """Each model's kept parts, by id, built for the models not yet kept (one read each of
    stored values, related models and benchmark results); None when the catalog keeps none
    (no values stored at build)."""
    if not has_derived(catalog):
        return None
    kept = _kept(catalog)
    missing = [m for m in models if m.id not in kept.parts]
    if missing:
        with kept.lock:
            missing = [m for m in missing if m.id not in kept.parts]
            if missing:
                for parts, entries in _build(catalog, missing):
                    if entries is None:  # a database built before they were stored
                        entries = parts_bases(parts, catalog.model_names)
                    _add_bases(parts, entries, kept.bases)
                    kept.parts[parts.model.id] = parts  # its entries are kept first
    return {m.id: kept.parts[m.id] for m in models}


def entry_bases(catalog: Catalog) -> Bases:
    """The entry of every kept pricing (with its routes), cell and related model, without
    source numbers."""
    return _kept(catalog).bases


def _build(catalog: Catalog, models: Sequence[Model]) -> list[tuple[ModelParts, Any]]:
    """Each model's parts, with the entries of their records stored at build (``page_bases``;
    None: not stored, built here)."""
    ids = [m.id for m in models]
    texts = derived.model_value_texts(catalog, ids, ("pricing", "price_changes"))
    related = derived.related(catalog, ids)
    results = benchmark_queries.results_of(catalog, ids) if has_results(catalog) else {}
    bases = derived.page_bases(catalog, ids)
    out = []
    for m in models:
        values = texts.get(m.id, {})
        pricing_text = values.get("pricing")
        pricing = None if pricing_text is None else pricing_from_json(json.loads(pricing_text))
        changes = values.get("price_changes")
        parts = ModelParts(
            model=m,
            pricing=pricing,
            price_changes=None if changes is None or changes == "null" else changes,
            related=tuple(Related(r.related_id, r.score, r.reasons) for r in related[m.id]),
            results=tuple(results.get(m.id, ())),
            spec_cells=model_spec_cells(m),
            capability_cells=model_capability_cells(m),
        )
        out.append((parts, bases.get(m.id)))
    return out


def parts_bases(parts: ModelParts, names: Mapping[str, str]) -> dict[str, Any]:
    """The entries of a model's kept records, without source numbers, as JSON-ready values:
    what the database stores per model at build (``db.derived.page_bases``) and
    what a catalog without it builds when it keeps the model. Lists in the order of the
    records (``ModelParts.related``, ``spec_cells``, ``capability_cells``)."""
    pricing = parts.pricing
    return {
        "pricing": None
        if pricing is None
        else pricing_base(pricing, parts.model.name, outputs_images(parts.model)),
        "specs": [spec_cell_base(s) for s in parts.spec_cells],
        "capabilities": [capability_cell_base(c) for c in parts.capability_cells],
        "related": [related_item(parts.model.id, r, names) for r in parts.related],
    }


def _add_bases(
    parts: ModelParts, entries: dict[str, Any], bases: dict[int, tuple[object, Any]]
) -> None:
    """Each kept record's entry (``parts_bases``) by the record's id."""
    for r, item in zip(parts.related, entries["related"], strict=True):
        bases[id(r)] = (r, item)
    if parts.pricing is not None:
        bases[id(parts.pricing)] = (parts.pricing, entries["pricing"])
    for s, cell in zip(parts.spec_cells, entries["specs"], strict=True):
        bases[id(s)] = (s, cell)
    for c, cell in zip(parts.capability_cells, entries["capabilities"], strict=True):
        bases[id(c)] = (c, cell)


def kept_view(
    catalog: Catalog, models: Sequence[Model], parts: Mapping[str, ModelParts]
) -> CatalogView:
    """What a comparison of ``models`` reads, from their kept parts (as
    ``pages.view.compare_view`` reads it from the database): their records, pricing at the
    default blend, related models and cells; their offerings, read only to price them at
    another blend."""
    ids = [m.id for m in models]
    return CatalogView(
        models={m.id: m for m in models},
        offerings=OfferingsOf(catalog, ids),
        providers=catalog.providers,
        labs=catalog.labs,
        sources=catalog.sources,
        related={i: parts[i].related for i in ids},
        names=catalog.model_names,
        pricing={i: p for i in ids if (p := parts[i].pricing) is not None},
        spec_cells={i: parts[i].spec_cells for i in ids},
        capability_cells={i: parts[i].capability_cells for i in ids},
    )


def kept_results(parts: Mapping[str, ModelParts]) -> dict[str, Sequence[BenchmarkResult]]:
    """The compared models' benchmark results, by id."""
    return {i: p.results for i, p in parts.items()}


def decoded_price_changes(parts: Mapping[str, ModelParts], ids: Sequence[str]) -> list[Any]:
    """The compared models' stored price changes (models without a dated history left out),
    decoded for this page (its own objects)."""
    texts = [parts[i].price_changes for i in ids]
    return [json.loads(t) for t in texts if t is not None]
