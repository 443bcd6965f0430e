"""`tradeoff check` gates on what the comparison shows: the headline and first-party routes."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from tradeoff.compare.pricing import ModelPricing
from tradeoff.db.queries import Catalog
from tradeoff.maintain import checks
from tradeoff.maintain.checks import run_checks
from tradeoff.records import UnitPrice

GATES = ("headline-route-not-comparable", "first-party-price-not-own")


def test_the_test_catalog_passes_the_headline_gates(catalog: Catalog) -> None:
    assert not [f for f in run_checks(catalog) if f.kind in GATES]


def test_a_headline_route_that_breaks_a_rule_is_an_error(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Forge the engine's answer: the headline of Kimi K2 Instruct becomes NanoGPT's FP4 id.
    real = checks.model_pricing

    def forged(*args: object, **kwargs: object) -> ModelPricing:
        p = real(*args, **kwargs)  # type: ignore[arg-type]
        routes = (*p.providers, *p.other_routes)  # its provider's row, or another route
        fp4 = next((q for q in routes if q.quantization == "fp4"), None)
        if fp4 is None:
            return p
        return p._replace(cheapest=fp4._replace(excluded_reason=None))

    monkeypatch.setattr(checks, "model_pricing", forged)
    errors = [f for f in run_checks(catalog) if f.kind == "headline-route-not-comparable"]
    assert [f.entity for f in errors] == ["offering:nano-gpt/baseten/Kimi-K2-Instruct-FP4"]
    assert errors[0].level == "error" and "third-party FP4 quantization" in errors[0].message


def test_a_first_party_price_copied_from_another_provider_is_an_error(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Forge the data: Moonshot AI's Kimi K2 price "imported from OpenRouter pricing".
    offerings = [
        replace(o, price_origin="openrouter")
        if (o.provider_id, o.provider_model_id) == ("moonshotai", "kimi-k2-0711-preview")
        else o
        for o in catalog.offerings
    ]
    real = checks.model_pricing

    def unfiltered(model, offers, providers, blend):  # type: ignore[no-untyped-def]
        p = real(model, offers, providers, blend)
        # the company's row may be its China endpoint's: the forged route is then apart
        routes = [*p.providers, *p.other_routes]
        lab = next((q for q in routes if q.provider_id == "moonshotai"), None)
        return p._replace(first_party=lab) if lab is not None else p

    monkeypatch.setattr(type(catalog), "offerings", property(lambda self: offerings))
    monkeypatch.setattr(checks, "model_pricing", unfiltered)
    findings = run_checks(catalog)
    errors = [f for f in findings if f.kind == "first-party-price-not-own"]
    assert [f.entity for f in errors] == ["offering:moonshotai/kimi-k2-0711-preview"]
    warned = [f.entity for f in findings if f.kind == "lab-price-copied-from-another-provider"]
    assert warned == ["offering:moonshotai/kimi-k2-0711-preview"]


def test_the_test_catalog_has_no_price_without_a_unit(catalog: Catalog) -> None:
    assert not [f for f in run_checks(catalog) if f.kind == "price-without-unit"]


@pytest.mark.parametrize(
    ("price", "message"),
    [
        (UnitPrice("input", "", Decimal("0.0023")), "unit '' is not a price unit"),
        (UnitPrice("input", "per_mtok", Decimal("1")), "unit 'per_mtok' is not a price unit"),
        (UnitPrice("input", "per_fortnight", Decimal("1")), "is not a price unit"),
        (UnitPrice("lunch", "per_image", Decimal("1")), "component 'lunch'"),
    ],
)
def test_a_price_without_a_unit_is_an_error(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch, price: UnitPrice, message: str
) -> None:
    # Forge a record the import schema would refuse: a price whose unit is not stated.
    crafted = catalog.offerings[0]
    crafted = replace(crafted, prices=replace(crafted.prices, unit_prices=(price,)))
    offerings = [crafted, *catalog.offerings[1:]]
    monkeypatch.setattr(type(catalog), "offerings", property(lambda self: offerings))
    errors = [f for f in run_checks(catalog) if f.kind == "price-without-unit"]
    assert [(f.level, f.entity) for f in errors] == [
        ("error", f"offering:{crafted.provider_id}/{crafted.provider_model_id}")
    ]
    assert message in errors[0].message


def test_a_reseller_far_off_the_labs_output_price_is_warned_like_the_headline_rule(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The headline rule (rule 7) holds both sides to the lab's list; the check held input only.
    from tradeoff.compare.headline import list_input_price, list_output_price

    pick = None
    for model in catalog.models.values():
        if model.open_weights.value is not False:
            continue
        offers = catalog.offerings_for(model.id)
        inp = list_input_price(model, offers, catalog.providers)
        out = list_output_price(model, offers, catalog.providers)
        resold = [
            o
            for o in offers
            if o.prices.input_per_mtok == inp
            and o.prices.output_per_mtok
            and not catalog.providers[o.provider_id].is_first_party_for(model.lab_id)
        ]
        if inp and out and resold:
            pick = (resold[0], out)
            break
    assert pick is not None, "the test catalog has a closed model resold at list price"
    target, out = pick
    forged = replace(target, prices=replace(target.prices, output_per_mtok=out / 5))
    key = (target.provider_id, target.provider_model_id)
    offerings = [
        forged if (o.provider_id, o.provider_model_id) == key else o for o in catalog.offerings
    ]
    monkeypatch.setattr(type(catalog), "offerings", property(lambda self: offerings))
    found = [f for f in run_checks(catalog) if f.kind == "reseller-far-off-list-price"]
    entity = f"offering:{key[0]}/{key[1]}"
    (finding,) = [f for f in found if f.entity == entity]
    assert finding.message.startswith(f"output {out / 5} vs list {out} per 1M")
