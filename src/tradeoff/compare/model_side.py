"""What a comparison derives from one model alone, remembered while its records stay the same.

Most of a comparison is per pair, but some of what ``compare()`` derives is a pure function of
one model's records: the oldest review and snapshot dates of its spec, capability and price
cells and the sources they cite, its providers, and what availability says of it alone (its
provider list, a single provider, routes not priced per token or not at all, what is not
counted). A catalog keeps each model's records for its life (``pages.comparison.kept``) and
hands the same objects to every page that shows the model, so these values are remembered by
model id for as long as the records passed in are those same objects (compared by identity;
they are immutable). A page at another blend, of another catalog or of records made for it
alone derives its own, which replace the remembered ones: one entry per model id, so the memo
holds at most one set per model of the catalogs in use.
"""

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from tradeoff.compare.availability_claims import model_availability, provider_list
from tradeoff.compare.capabilities import CapabilityCell
from tradeoff.compare.claim import Claim
from tradeoff.compare.pricing import ModelPricing, Quote
from tradeoff.compare.specs import SPECS, SpecCell
from tradeoff.records import Model

# (the oldest review date, the oldest date of a value "as of" a dataset snapshot), None: none
Dated = tuple[str | None, str | None]


class ModelSide(NamedTuple):
    """One model's part of a comparison that no other compared model changes."""

    spec_dates: Dated  # the cells of the ``SPECS`` rows
    base_dates: Dated  # the base-model cell (a row only when a compared model has a base)
    capability_dates: Dated
    price_dates: Dated  # its active providers' routes
    spec_sources: frozenset[str]
    base_sources: frozenset[str]
    capability_sources: frozenset[str]
    price_sources: frozenset[str]  # the routes' and their prices' sources
    provider_ids: frozenset[str]
    provider_names: dict[str, str]  # by provider id (read-only: shared by every page)
    listed: tuple[str, ...]  # ``availability_claims.provider_list``
    availability: tuple[Claim, ...]  # ``availability_claims.model_availability``


class _ImagePriceDate(NamedTuple):
    """The date of a route's image-output price: a fact of its own, from its own source."""

    checked: str | None
    as_of: str | None


def oldest_split(cells: Iterable[SpecCell | CapabilityCell | Quote | _ImagePriceDate]) -> Dated:
    """The values' oldest review date (``checked`` of a value with no snapshot) and the oldest
    ``checked`` of those "as of" a dataset snapshot; an empty date counts for neither."""
    reviewed = as_of = None
    for c in cells:
        day = c.checked
        if not day:
            continue
        if c.as_of:
            if as_of is None or day < as_of:
                as_of = day
        elif reviewed is None or day < reviewed:
            reviewed = day
    return reviewed, as_of


def model_side(
    model: Model,
    spec_cells: Sequence[SpecCell],
    capability_cells: Sequence[CapabilityCell],
    pricing: ModelPricing,
) -> ModelSide:
    """``ModelSide`` of a model's cells (``model_spec_cells``: one per ``SPECS`` row, then its
    base-model cell; ``model_capability_cells``) and pricing."""
    specs, base = spec_cells[: len(SPECS)], spec_cells[len(SPECS) :]
    quotes = pricing.providers
    price_sources = {q.source_id for q in quotes}
    for q in quotes:
        price_sources.update(q.price_source_ids)
    # the image-output row's price may come from a route that is no provider row (``other_routes``)
    image = pricing.image_output
    image_date = []
    if image is not None and image.output_per_mtok_image_source is not None:
        price_sources.add(image.output_per_mtok_image_source)
        image_date.append(
            _ImagePriceDate(image.output_per_mtok_image_checked, image.output_per_mtok_image_as_of)
        )
    return ModelSide(
        oldest_split(specs),
        oldest_split(base),
        oldest_split(capability_cells),
        oldest_split([*quotes, *image_date]),
        _cited(specs),
        _cited(base),
        _cited(capability_cells),
        frozenset(price_sources),
        frozenset([q.provider_id for q in quotes]),
        {q.provider_id: q.provider_name for q in quotes},
        provider_list(pricing),
        tuple(model_availability(model.id, model.name, pricing)),
    )


def _cited(cells: Sequence[SpecCell] | Sequence[CapabilityCell]) -> frozenset[str]:
    return frozenset([c.source_id for c in cells if c.source_id])


_Inputs = tuple[Model, Sequence[SpecCell], Sequence[CapabilityCell], ModelPricing]
_REMEMBERED: dict[str, tuple[_Inputs, ModelSide]] = {}
_LIMIT = 4096  # model ids; past it (many catalogs in one process) the memo starts over


def remembered_side(
    model: Model,
    spec_cells: Sequence[SpecCell],
    capability_cells: Sequence[CapabilityCell],
    pricing: ModelPricing,
) -> ModelSide:
    """``model_side``, remembered for the model while it is given these same records."""
    held = _REMEMBERED.get(model.id)
    if held is not None:
        (m, s, c, p), side = held
        if m is model and s is spec_cells and c is capability_cells and p is pricing:
            return side
    side = model_side(model, spec_cells, capability_cells, pricing)
    if len(_REMEMBERED) >= _LIMIT:
        _REMEMBERED.clear()
    _REMEMBERED[model.id] = ((model, spec_cells, capability_cells, pricing), side)
    return side
