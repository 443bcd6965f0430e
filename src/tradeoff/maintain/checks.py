"""Quality gates (`tradeoff check`): errors fail the build, warnings are real upstream problems.

Structural errors (malformed files, unknown keys, dangling references, an alias mapping one id
to two models) are raised while loading and compiling; the gates here look at the compiled
catalog and at what importers dropped, and count each kind of problem.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from tradeoff.db.queries import Catalog
from tradeoff.reconcile.offerings import NEWER_PRICE
from tradeoff.records import Model, Offering

FAR_OFF_LIST_PRICE = Decimal(2)  # a reseller at more than 2× or under ½ of the lab's own price


@dataclass(frozen=True)
class Finding:
    level: str  # error | warning
    kind: str
    entity: str
    message: str


DROPPED_KINDS = (
    ("Jan-1 placeholder", "placeholder-date"),
    ("all-zero prices", "zero-price-not-free"),
    ("float artifact", "float-artifact"),
    ("max output above context", "max-output-above-context"),
    ("overrides model-only fact", "offering-overrides-model-fact"),
    ("misspelled key", "misspelled-key"),
    ("symlink to a missing file", "dangling-file-link"),
    ("non-positive context", "non-positive-context"),
    ("update before release", "update-before-release"),
    ("not modelled", "price-not-modelled"),
    ("not a modelled tier price", "price-not-modelled"),
    ("entry id is not accepted by its own match rule", "id-outside-own-match-rule"),
    ("excluded (catalog/exclusions.toml)", "excluded-entry"),
    ("names another checkpoint or variant", "match-rule-not-an-id"),
    ("pattern rule not used as an id", "match-rule-not-an-id"),
    ("no prices given", "entry-without-prices"),
    ("removed by the provider", "entry-removed-upstream"),
    # A dataset's price history moved on after the hand-written price was checked (the point
    # is kept out of the offering's history).
    (NEWER_PRICE, "newer-dataset-price"),
)
# Kinds that record how an importer reads a dataset (what it models, which match rules it
# accepts as ids), not a problem in the data: reported as notes, not warnings.
INFO_KINDS = {
    "price-not-modelled",
    "match-rule-not-an-id",
    "entry-without-prices",
    "entry-removed-upstream",
}


def run_checks(catalog: Catalog) -> list[Finding]:
    """Every gate over the compiled catalog; findings sorted by level, kind and entity."""
    findings: list[Finding] = []
    findings += _dropped(catalog)
    findings += _references(catalog)
    for model in catalog.models.values():
        findings += _model_dates(model)
    first_party_price = _first_party_prices(catalog)
    for offering in catalog.offerings:
        findings += _offering(catalog, offering, first_party_price)
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(findings, key=lambda f: (order[f.level], f.kind, f.entity))


def counts(findings: list[Finding]) -> Counter[tuple[str, str]]:
    """(level, kind) → number of findings."""
    return Counter((f.level, f.kind) for f in findings)


def _dropped(catalog: Catalog) -> list[Finding]:
    out: list[Finding] = []
    for dropped in catalog.dropped():
        kind = next((k for text, k in DROPPED_KINDS if text in dropped.reason), "dropped-value")
        out.append(
            Finding(
                "info" if kind in INFO_KINDS else "warning",
                kind,
                dropped.entity,
                f"{dropped.field} = {dropped.value}: {dropped.reason} [{dropped.source_id}]",
            )
        )
    return out


def _references(catalog: Catalog) -> list[Finding]:
    out: list[Finding] = []
    sources = catalog.sources
    for model in catalog.models.values():
        if model.lab_id not in catalog.labs:
            out.append(
                Finding(
                    "error",
                    "dangling-reference",
                    f"model:{model.id}",
                    f"lab {model.lab_id!r} is not in the catalog",
                )
            )
        for name, fact in model.facts().items():
            if fact.source_id and fact.source_id not in sources:
                out.append(
                    Finding(
                        "error",
                        "dangling-reference",
                        f"model:{model.id}",
                        f"{name} cites unknown source {fact.source_id!r}",
                    )
                )
    for offering in catalog.offerings:
        if offering.provider_id not in catalog.providers:
            out.append(
                Finding(
                    "error",
                    "dangling-reference",
                    _entity(offering),
                    f"provider {offering.provider_id!r} is not in the catalog",
                )
            )
        if offering.model_id and offering.model_id not in catalog.models:
            out.append(
                Finding(
                    "error",
                    "dangling-reference",
                    _entity(offering),
                    f"model {offering.model_id!r} is not in the catalog",
                )
            )
    for provider in catalog.providers.values():
        if provider.kind == "unknown":
            out.append(
                Finding(
                    "warning",
                    "provider-kind-unknown",
                    f"provider:{provider.id}",
                    "no curated kind (first-party / host / cloud / aggregator)",
                )
            )
    return out


def _model_dates(model: Model) -> list[Finding]:
    release = model.release_date.value
    cutoff = model.knowledge_cutoff.value
    if release and cutoff and cutoff.iso[:7] > release.iso[:7]:
        return [
            Finding(
                "warning",
                "knowledge-after-release",
                f"model:{model.id}",
                f"knowledge cutoff {cutoff} is after release {release}",
            )
        ]
    return []


def _first_party_prices(catalog: Catalog) -> dict[str, Decimal]:
    prices: dict[str, Decimal] = {}
    for offering in catalog.offerings:
        provider = catalog.providers.get(offering.provider_id)
        model = catalog.models.get(offering.model_id or "")
        if (
            provider
            and model
            and provider.is_first_party_for(model.lab_id)
            and offering.prices.input_per_mtok
        ):
            prices.setdefault(model.id, offering.prices.input_per_mtok)
    return prices


def _offering(catalog: Catalog, o: Offering, list_price: dict[str, Decimal]) -> list[Finding]:
    out: list[Finding] = []
    p = o.prices
    model = catalog.models.get(o.model_id or "")
    # A zero output price marks a model without billed output tokens (embeddings, rerankers);
    # image-output models bill images apart. Neither is a chat model's price inversion.
    makes_images = model is not None and "image" in (model.modalities_output.value or ())
    if (
        p.input_per_mtok is not None
        and p.output_per_mtok  # None or zero: not a chat price
        and p.output_per_mtok < p.input_per_mtok
        and not makes_images
    ):
        out.append(
            Finding(
                "warning",
                "output-below-input",
                _entity(o),
                f"output {p.output_per_mtok} < input {p.input_per_mtok} per 1M",
            )
        )
    provider = catalog.providers.get(o.provider_id)
    if (
        model
        and provider
        and model.open_weights.value is False
        and not provider.is_first_party_for(model.lab_id)
        and model.id in list_price
        and p.input_per_mtok
    ):
        ratio = p.input_per_mtok / list_price[model.id]
        if ratio > FAR_OFF_LIST_PRICE or ratio < 1 / FAR_OFF_LIST_PRICE:
            out.append(
                Finding(
                    "warning",
                    "reseller-far-off-list-price",
                    _entity(o),
                    f"input {p.input_per_mtok} vs list {list_price[model.id]} per 1M "
                    f"({ratio:.2f}×)",
                )
            )
    if provider and not provider.active and o.lifecycle not in ("retired",):
        out.append(
            Finding(
                "warning",
                "defunct-provider-offering",
                _entity(o),
                f"{provider.name} is defunct since {provider.defunct_since}",
            )
        )
    return out


def _entity(o: Offering) -> str:
    return f"offering:{o.provider_id}/{o.provider_model_id}"
