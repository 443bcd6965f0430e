"""`tradeoff check` lifecycle gates: a retired offering is never a headline route nor a lab's
price (errors); dates that passed without the stage following are warnings."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tradeoff.compare.pricing import ModelPricing
from tradeoff.db.queries import Catalog
from tradeoff.maintain import checks
from tradeoff.maintain.checks import run_checks
from tradeoff.records import Offering

KIMI_LAB = ("moonshotai", "kimi-k2-0711-preview")
TODAY = dt.date(2026, 12, 1)


def _forge(catalog: Catalog, monkeypatch: pytest.MonkeyPatch, **update: object) -> None:
    """Moonshot AI's own Kimi K2 offering states other lifecycle values."""
    offerings: list[Offering] = [
        replace(o, **update) if (o.provider_id, o.provider_model_id) == KIMI_LAB else o  # type: ignore[arg-type]
        for o in catalog.offerings
    ]
    monkeypatch.setattr(type(catalog), "offerings", property(lambda self: offerings))


def test_the_test_catalog_passes_the_lifecycle_errors(catalog: Catalog) -> None:
    kinds = {f.kind for f in run_checks(catalog, TODAY) if f.level == "error"}
    assert not kinds & {"first-party-price-retired", "headline-route-not-comparable"}


def test_a_retired_first_party_price_is_an_error(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    _forge(catalog, monkeypatch, lifecycle="retired", retired_on="2026-11-01")
    real = checks.model_pricing

    def lab_price_kept(*args: object, **kwargs: object) -> ModelPricing:
        # The defect: the engine keeps the lab's retired API as the first-party price.
        p = real(*args, **kwargs)  # type: ignore[arg-type]
        gone = next((q for q in p.defunct if q.provider_id == "moonshotai"), None)
        return p._replace(first_party=gone) if gone is not None else p

    monkeypatch.setattr(checks, "model_pricing", lab_price_kept)
    errors = [f for f in run_checks(catalog, TODAY) if f.kind == "first-party-price-retired"]
    assert [(f.level, f.entity) for f in errors] == [
        ("error", "offering:moonshotai/kimi-k2-0711-preview")
    ]


def test_a_retired_headline_route_is_an_error(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    _forge(catalog, monkeypatch, lifecycle="retired", retired_on="2026-11-01")
    real = checks.model_pricing

    def retired_headline(*args: object, **kwargs: object) -> ModelPricing:
        p = real(*args, **kwargs)  # type: ignore[arg-type]
        gone = next((q for q in p.defunct if q.provider_id == "moonshotai"), None)
        return p._replace(cheapest=gone) if gone is not None else p

    monkeypatch.setattr(checks, "model_pricing", retired_headline)
    errors = [f for f in run_checks(catalog, TODAY) if f.kind == "headline-route-not-comparable"]
    assert [f.entity for f in errors] == ["offering:moonshotai/kimi-k2-0711-preview"]
    assert errors[0].level == "error" and errors[0].message.endswith(": retired")


def test_a_past_deprecation_without_retirement_is_a_warning(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    _forge(catalog, monkeypatch, lifecycle="deprecated", deprecated_on="2026-06-01")
    found = [f for f in run_checks(catalog, TODAY) if f.kind == "deprecated-without-retirement"]
    assert [(f.level, f.entity) for f in found] == [
        ("warning", "offering:moonshotai/kimi-k2-0711-preview")
    ]
    # Not yet deprecated on the day the check runs: nothing to say.
    earlier = run_checks(catalog, dt.date(2026, 5, 31))
    assert not [f for f in earlier if f.kind == "deprecated-without-retirement"]


def test_a_passed_retirement_date_on_a_live_offering_is_a_warning(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    _forge(catalog, monkeypatch, retired_on="2026-11-30")
    day = dt.date(2026, 11, 30)  # before Gemini 2.5 Pro's scheduled 2026-12-01
    found = [f for f in run_checks(catalog, day) if f.kind == "retirement-date-passed"]
    assert [f.entity for f in found] == ["offering:moonshotai/kimi-k2-0711-preview"]
    assert not [
        f for f in run_checks(catalog, dt.date(2026, 11, 29)) if f.kind == "retirement-date-passed"
    ]
