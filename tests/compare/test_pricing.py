"""Pricing and availability over hand-built records: headline route, counts, defunct, lifecycle."""

from __future__ import annotations

from decimal import Decimal

from support.compare_helpers import PROVIDERS, model, offering, provider

from tradeoff.compare.cost import price_workload
from tradeoff.compare.pricing import is_live, model_pricing, shared_providers
from tradeoff.compare.workload import DEFAULT_BLEND, Workload


def test_first_party_cheapest_defunct_and_counts() -> None:
    m = model("lab/a")
    offers = [
        offering("lab/a", "lab-api", "0.6", "2.5"),
        offering("lab/a", "host", "0.3", "0.9"),
        offering("lab/a", "host", "0.5", "1", pmid="second"),
        offering("lab/a", "other", None, None),
        offering("lab/a", "gone", "0.1", "0.1"),
    ]
    p = model_pricing(m, offers, PROVIDERS, DEFAULT_BLEND)
    assert p.first_party is not None and p.first_party.provider_id == "lab-api"
    assert p.first_party.blended_per_mtok == Decimal("1.17")
    assert p.cheapest is not None and p.cheapest.provider_id == "host"
    assert p.cheapest.blended_per_mtok == Decimal("0.48")
    # defunct provider: never availability, never the cheapest route
    assert [q.provider_id for q in p.defunct] == ["gone"]
    assert p.provider_count == len(p.providers) == 3
    assert {q.provider_id for q in p.providers} == {"lab-api", "host", "other"}
    host = next(q for q in p.providers if q.provider_id == "host")
    assert host.offering_count == 2
    assert [q.provider_id for q in p.unpriced_providers] == ["other"]


def test_shared_providers() -> None:
    a = model_pricing(
        model("lab/a"), [offering("lab/a", "host", "1", "1")], PROVIDERS, DEFAULT_BLEND
    )
    b = model_pricing(
        model("lab/b"),
        [offering("lab/b", "host", "1", "1"), offering("lab/b", "other", "1", "1")],
        PROVIDERS,
        DEFAULT_BLEND,
    )
    assert shared_providers([a, b]) == ("host",)


def test_provider_missing_from_registry_is_live_never_defunct() -> None:
    m = model("lab/a")
    offers = [offering("lab/a", "unlisted", "1", "1"), offering("lab/a", "gone", "1", "1")]
    assert is_live(offers[0], None) and not is_live(offers[1], PROVIDERS["gone"])
    retired = offering("lab/a", "host", "1", "1", lifecycle="retired")
    assert not is_live(retired, PROVIDERS["host"])
    p = model_pricing(m, [*offers, retired], PROVIDERS, DEFAULT_BLEND)
    assert [q.provider_id for q in p.providers] == ["unlisted"]
    assert sorted(q.provider_id for q in p.defunct) == ["gone", "host"]
    lines = price_workload([m], {"lab/a": [*offers, retired]}, PROVIDERS, Workload(10, 10))
    assert [c.provider_id for c in lines] == ["unlisted"]


def test_provider_rows_by_price_whatever_the_lifecycle() -> None:
    offers = [
        offering("lab/a", "host", "2", "2"),
        offering("lab/a", "other", "1", "1", lifecycle="deprecated"),
        offering("lab/a", "lab-api", None, None, free=True),
        offering("lab/a", "gone", None, None),
    ]
    providers = {**PROVIDERS, "gone": provider("gone")}
    p = model_pricing(model("lab/a"), offers, providers, DEFAULT_BLEND)
    # cheapest first (a deprecated route is not pushed after dearer live ones), free, unpriced
    assert [q.provider_id for q in p.providers] == ["other", "host", "lab-api", "gone"]
    assert p.cheapest is not None and p.cheapest.lifecycle == "deprecated"
