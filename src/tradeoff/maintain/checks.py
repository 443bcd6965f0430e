"""Quality gates (`tradeoff check`): errors fail the build, warnings are real upstream problems.

Structural errors (malformed files, unknown keys, dangling references, an alias mapping one id
to two models) are raised while loading and compiling; the gates here look at the compiled
catalog and at what importers dropped, and count each kind of problem.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

from tradeoff.catalog.commit import interrupted_commit
from tradeoff.compare.headline import (
    headline_rules,
    list_input_price,
    list_output_price,
    off_list_price,
    own_price,
)
from tradeoff.compare.pricing import model_pricing, provider_of
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db.queries import Catalog
from tradeoff.maintain.fact_checks import fact_findings
from tradeoff.maintain.findings import Finding
from tradeoff.maintain.identity_checks import identity_findings
from tradeoff.reconcile.lifecycle import UNMATCHED
from tradeoff.reconcile.offering_prices import NEWER_PRICE
from tradeoff.records import Model, Offering, Provider
from tradeoff.units import COMPONENTS, TEXT_TOKENS, UNITS

__all__ = ["Finding", "commit_findings", "counts", "model_pricing", "run_checks"]


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
    # A dataset's price history moved on after the hand-written price was checked (the point
    # is kept out of the offering's history).
    (NEWER_PRICE, "newer-dataset-price"),
    # catalog/lifecycle/<provider>.toml names an id or model the provider has no offering of
    (UNMATCHED, "lifecycle-entry-unmatched"),
    # A dataset's knowledge cutoff or release date contradicting a cited one (the reconciler
    # drops it; maintain.fact_checks fails on contradictions it cannot settle).
    ("contradicts the cited", "dataset-date-against-cited"),
    # A dataset's "yes" to function calling or structured outputs for a model whose output
    # holds no text (reconcile.model_facts.TEXT_OUTPUT_CAPABILITIES)
    ("calls no function", "capability-without-text-output"),
    # Price units (tradeoff.units): a price whose unit the source does not state is dropped,
    # never shown per 1M tokens; one read in the unit a file comment states is a note.
    ("zero price not marked free", "zero-price-not-free"),
    ("a price per 1M text tokens cannot apply", "price-unit-not-stated"),
    ("under a text-token name", "price-unit-not-stated"),
    ("token tiers of a no-text", "price-unit-not-stated"),
    ("seconds of what is not stated", "price-unit-not-stated"),
    ("the table is priced", "price-unit-from-comment"),
    ("return no output tokens", "price-not-applicable"),
    ("another name for a cache-read price", "price-not-modelled"),
    ("context tier in the old form", "price-not-modelled"),
)
# Kinds that record how an importer reads a dataset (what it models, which match rules it
# accepts as ids), not a problem in the data: reported as notes, not warnings.
INFO_KINDS = {
    "price-not-modelled",
    "match-rule-not-an-id",
    "entry-without-prices",
    "entry-removed-upstream",
    "price-unit-from-comment",
    "price-not-applicable",
}


def run_checks(catalog: Catalog, today: dt.date | None = None) -> list[Finding]:
    """Every gate over the compiled catalog; findings sorted by level, kind and entity.
    ``today`` dates the lifecycle gates (a deprecation or retirement date that has passed)."""
    findings: list[Finding] = []
    findings += _lifecycle(catalog, (today or dt.date.today()).isoformat())
    findings += _dropped(catalog)
    findings += _references(catalog)
    findings += [
        Finding("error", f.kind, f.entity, f.message) for f in fact_findings(catalog.models)
    ]
    first_party_price = _first_party_prices(catalog)
    for offering in catalog.offerings:
        findings += _offering(catalog, offering, first_party_price)
    findings += _headlines(catalog)
    findings += identity_findings(catalog)
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(findings, key=lambda f: (order[f.level], f.kind, f.entity))


def commit_findings(catalog_dir: Path) -> list[Finding]:
    """An import interrupted part-way through writing its files (``catalog.commit``): the
    catalog text is then a mix until the next import finishes the journal's renames."""
    journal = interrupted_commit(catalog_dir)
    if journal is None:
        return []
    return [
        Finding(
            "error",
            "interrupted-import",
            str(journal),
            "an import stopped part-way through writing its files; run any `tradeoff import` "
            "(or `tradeoff review`) to finish it",
        )
    ]


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


def _by_model(catalog: Catalog) -> dict[str, list[Offering]]:
    out: dict[str, list[Offering]] = defaultdict(list)
    for offering in catalog.offerings:
        if offering.model_id in catalog.models:
            out[offering.model_id].append(offering)
    return out


def _first_party_prices(catalog: Catalog) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    """The lab's own input and output prices per model, as the comparison reads them
    (``list_input_price``, ``list_output_price``)."""
    prices: dict[str, tuple[Decimal | None, Decimal | None]] = {}
    for model_id, offerings in _by_model(catalog).items():
        model = catalog.models[model_id]
        inp = list_input_price(model, offerings, catalog.providers)
        out = list_output_price(model, offerings, catalog.providers)
        if inp is not None or out is not None:
            prices[model_id] = (inp, out)
    return prices


def _headlines(catalog: Catalog) -> list[Finding]:
    """What the pages show as a model's headline and first-party routes, re-checked against
    the raw offering: a headline route that breaks a headline rule, or a first-party price
    whose provenance is another provider, is an error. A lab's offering whose price a dataset
    copied from another provider is a warning (the pages show it, with that reason)."""
    out: list[Finding] = []
    for model_id, offerings in sorted(_by_model(catalog).items()):
        model = catalog.models[model_id]
        rules = headline_rules(model, offerings, catalog.providers)
        pricing = model_pricing(model, offerings, catalog.providers, DEFAULT_BLEND)
        raw = {(o.provider_id, o.provider_model_id): o for o in offerings}
        head = pricing.cheapest
        if head is not None:
            o = raw[(head.provider_id, head.provider_model_id)]
            provider = provider_of(o, catalog.providers)
            # One rule book: the headline rules themselves (compare.headline), re-applied to
            # the raw offering the page shows.
            reason = rules.reason(o, provider)
            if reason is not None:
                out.append(
                    Finding(
                        "error",
                        "headline-route-not-comparable",
                        _entity(o),
                        f"headline route of {model_id}: {reason}",
                    )
                )
        first = pricing.first_party
        if first is not None:
            o = raw[(first.provider_id, first.provider_model_id)]
            if o.lifecycle == "retired":
                out.append(
                    Finding(
                        "error",
                        "first-party-price-retired",
                        _entity(o),
                        f"first-party price of {model_id} is a retired offering's",
                    )
                )
            if not own_price(o):
                out.append(
                    Finding(
                        "error",
                        "first-party-price-not-own",
                        _entity(o),
                        f"first-party price of {model_id} copied from {o.price_origin}",
                    )
                )
        for o in offerings:
            lab_api = catalog.providers.get(o.provider_id)
            if lab_api and lab_api.is_first_party_for(model.lab_id) and not own_price(o):
                out.append(
                    Finding(
                        "warning",
                        "lab-price-copied-from-another-provider",
                        _entity(o),
                        f"the dataset copied this price from {o.price_origin}'s listing: "
                        "not shown as the lab's own",
                    )
                )
    return out


def unit_findings(o: Offering) -> list[Finding]:
    """``price-without-unit``: a price not per 1M text tokens must name a known unit and
    component (impossible by construction: the import schema refuses it; this proves it)."""
    return [
        Finding(
            "error",
            "price-without-unit",
            _entity(o),
            f"{u.component} {u.usd}: unit {u.unit!r} is not a price unit "
            f"({', '.join(u for u in UNITS if u != TEXT_TOKENS)})"
            if u.unit not in UNITS or u.unit == TEXT_TOKENS
            else f"{u.usd} {u.unit}: component {u.component!r} is not a price component",
        )
        for u in o.prices.unit_prices
        if u.unit not in UNITS or u.unit == TEXT_TOKENS or u.component not in COMPONENTS
    ]


def _offering(
    catalog: Catalog, o: Offering, list_price: dict[str, tuple[Decimal | None, Decimal | None]]
) -> list[Finding]:
    out: list[Finding] = unit_findings(o)
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
    far = _far_off_list(model, o, provider, list_price) if model and provider else None
    if far is not None:
        out.append(Finding("warning", "reseller-far-off-list-price", _entity(o), far))
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


def _far_off_list(
    model: Model,
    o: Offering,
    provider: Provider,
    list_price: dict[str, tuple[Decimal | None, Decimal | None]],
) -> str | None:
    """The headline rule's test (rule 7), input side first, then output: a closed-weight
    model's reseller outside ½×–2× of the lab's own price on either side."""
    list_in, list_out = list_price.get(model.id, (None, None))
    sides = (
        ("input", o.prices.input_per_mtok, list_in),
        ("output", o.prices.output_per_mtok, list_out),
    )
    for side, price, listed in sides:
        ratio = off_list_price(model, price, provider, listed)
        if ratio is not None:
            return f"{side} {price} vs list {listed} per 1M ({ratio:.2f}×)"
    return None


def _lifecycle(catalog: Catalog, today: str) -> list[Finding]:
    """Lifecycle dates that have passed without the stage following: a deprecation whose
    retirement is unknown (does the provider still serve it?), a scheduled retirement whose
    day has come (re-import, or curate catalog/lifecycle/<provider>.toml)."""
    out: list[Finding] = []
    for o in catalog.offerings:
        if o.lifecycle == "retired":
            continue
        if o.retired_on is not None and o.retired_on <= today:
            out.append(
                Finding(
                    "warning",
                    "retirement-date-passed",
                    _entity(o),
                    f"retires on {o.retired_on} (passed) but is still {o.lifecycle}",
                )
            )
        elif o.deprecated_on is not None and o.deprecated_on <= today and o.retired_on is None:
            out.append(
                Finding(
                    "warning",
                    "deprecated-without-retirement",
                    _entity(o),
                    f"deprecated on {o.deprecated_on}; no retirement date known",
                )
            )
    return out


def _entity(o: Offering) -> str:
    return f"offering:{o.provider_id}/{o.provider_model_id}"
